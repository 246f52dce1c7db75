/**
 * The contract suite: the kernel's scenarios (`Scenarios.all`: every operation's successes, the errors Clerk's
 * semantics produce, every documented status injected as a fault, hostile ids, API versions), each run by the
 * interpreter against the three set-ups. Each run checks Clerk's behaviour step by step; the normalized logs of
 * the three runs of a scenario must then be identical, and every scenario of the list must have run.
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import { operations } from "@effect-clerk/core/UsersProtocol"
import { Operations, Scenarios } from "@effect-clerk/kernel"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { UsersInMemory } from "../../src/index.js"
import { observedSuccesses, run } from "./interpreter.js"
import type { Setup } from "./setups.js"
import { setups } from "./setups.js"

/** The log of each run, by scenario then set-up; what ran, by set-up. */
const logs = new Map<string, Map<string, ReadonlyArray<Scenarios.Entry>>>()
const ran = new Map<string, Array<string>>(setups.map((setup) => [setup.name, []]))

/**
 * The retry policy of a scenario's retry rules: the library's rules (`RetryPolicy.make`), with the scenario's
 * number of retries and longest `Retry-After`, and no backoff delay of its own (nothing to wait for on
 * `TestClock`).
 */
const retryOf = (rules: Scenarios.RetryRules | undefined) =>
  rules === undefined ? undefined : RetryPolicy.make({
    retries: rules.retries,
    baseDelay: Duration.zero,
    jitter: false,
    maxRetryAfter: Duration.seconds(rules.maxRetryAfterSeconds)
  })

const runOn = (scenario: Scenarios.Scenario, setup: Setup) =>
  Effect.gen(function*() {
    const layer = setup.layer(retryOf(scenario.retry), scenario.apiVersion, scenario.rateLimits)
    if (scenario.refused === true) {
      expect(scenario.steps).toEqual([])
      const exit = yield* Effect.exit(Effect.provide(Users, layer))
      expect(exit._tag, `${scenario.name} on ${setup.name}`).toBe("Failure")
      return []
    }
    return yield* Effect.provide(run(scenario.steps), layer)
  })

const failureOf = (steps: ReadonlyArray<Scenarios.Step>) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(Effect.provide(run(steps), UsersInMemory.layer()))
    return Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "no failure"
  })

describe("contract: the same behaviour from the in-memory layer and from the emulator over HTTP", () => {
  for (const scenario of Scenarios.all) {
    for (const setup of setups) {
      it.effect(`${scenario.name}: ${setup.name}`, () =>
        Effect.gen(function*() {
          const log = yield* runOn(scenario, setup)
          const bySetup = logs.get(scenario.name) ?? new Map<string, ReadonlyArray<Scenarios.Entry>>()
          logs.set(scenario.name, bySetup.set(setup.name, log))
          ran.get(setup.name)!.push(scenario.name)
        }), { timeout: 60_000 })
    }
  }

  it("every scenario of the kernel's list ran on every set-up, in order", () => {
    for (const setup of setups) {
      expect(ran.get(setup.name), setup.name).toEqual(Scenarios.all.map((scenario) => scenario.name))
    }
  })

  it("the three runs agree step by step: same values, same error tags, same statuses, same codes", () => {
    for (const scenario of Scenarios.all) {
      const [baseline, ...others] = setups.map((setup) => logs.get(scenario.name)?.get(setup.name))
      expect(baseline, scenario.name).toBeDefined()
      for (const other of others) {
        expect(other, scenario.name).toBeDefined()
        expect(other!.map((s) => s.step)).toEqual(baseline!.map((s) => s.step))
        for (let i = 0; i < baseline!.length; i++) expect(other![i], baseline![i]!.step).toEqual(baseline![i])
      }
    }
  })

  it("each set-up's runs cover the scenarios' steps: over 250 logged outcomes", () => {
    for (const setup of setups) {
      const total = Scenarios.all.reduce(
        (sum, scenario) => sum + (logs.get(scenario.name)?.get(setup.name)?.length ?? 0),
        0
      )
      expect(total, setup.name).toBeGreaterThan(250)
    }
  })

  it("every operation of the table is called by a scenario, and has its statuses injected", () => {
    const steps = Scenarios.all.flatMap((scenario) => scenario.steps)
    const called = new Set<string>(steps.flatMap((step) => (step._tag === "Call" ? [step.operation] : [])))
    const injected = new Set<string>(steps.flatMap((step) => (step._tag === "EveryStatus" ? [step.operation] : [])))
    for (const key of Object.keys(operations)) {
      expect(called.has(key), `${key} is called`).toBe(true)
      expect(injected.has(key), `${key} has its statuses injected`).toBe(true)
    }
  })

  it("every operation's events were checked on a successful call: its row's event, or none", () => {
    // each call of every scenario is checked against its row's `event` (`Scenarios.checkEvents`) on the three
    // set-ups; a new row states its event, and its scenario steps check it
    for (const row of Operations.rows) expect(observedSuccesses.has(row.key), `${row.key} observed`).toBe(true)
    const emitting = Operations.rows.filter((row) => row.event !== undefined).map((row) => row.key)
    expect(emitting.length).toBeGreaterThan(20)
  })

  it.effect("a step the interpreter does not know, or an unknown operation, fails the run", () =>
    Effect.gen(function*() {
      const unknownKind: Scenarios.Step = JSON.parse(`{ "_tag": "Frobnicate", "name": "frobnicate" }`)
      expect(yield* failureOf([unknownKind])).toContain("unknown step kind")
      const unknownOperation: Scenarios.Step = JSON.parse(
        `{ "_tag": "Call", "name": "frobnicate", "operation": "frobnicate", "args": [], "outcome": { "_tag": "Success" } }`
      )
      expect(yield* failureOf([unknownOperation])).toContain("no operation frobnicate")
      expect(yield* failureOf([Scenarios.ok("dangling", "get", [Scenarios.ref("nobody", "id")])])).toContain(
        "nothing is bound as nobody"
      )
      expect(yield* failureOf([Scenarios.ok("count", "count", [], { shape: 1 })])).toContain("expected 1, got 0")
      expect(yield* failureOf([Scenarios.fails("count", "count", [], "ResourceNotFound")])).toContain(
        "expected ResourceNotFound, got a success"
      )
    }))
})
