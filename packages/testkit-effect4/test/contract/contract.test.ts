/**
 * The contract suite of the Effect 4 line: the kernel's scenarios (`Scenarios.all`, the data the Effect 3 suite
 * runs too), each interpreted against the three set-ups. Each run checks Clerk's behaviour step by step; the
 * normalized logs of the three runs of a scenario must then be identical, and every scenario of the list must
 * have run on every set-up.
 */
import { Operations, Scenarios } from "@effect-clerk/kernel"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { observedSuccesses, run } from "./interpreter.js"
import { ContractControl, type Setup, setups } from "./setups.js"

/** The log of each run, by scenario then set-up; what ran, by set-up. */
const logs = new Map<string, Map<string, ReadonlyArray<Scenarios.Entry>>>()
const ran = new Map<string, Array<string>>(setups.map((setup) => [setup.name, []]))

/**
 * A log entry with its times replaced by `"<time>"`: the emulators run on the wall clock and the in-memory layer on
 * `TestClock` (from 0), so a timestamp (epoch milliseconds or an ISO time under a key ending in `At`) is compared as
 * present, not by value; `null` stays `null`.
 */
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

const timeless = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(timeless)
  if (typeof value !== "object" || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      key.endsWith("At") && (typeof entry === "number" || (typeof entry === "string" && isoTime.test(entry)))
        ? "<time>"
        : timeless(entry)
    ])
  )
}

/** The steps whose value is a TOTP code: it follows the clock too, so a code is compared as six digits. */
const codeSteps = new Set(
  Scenarios.all.flatMap((scenario) =>
    scenario.steps.flatMap((step) => (step._tag === "Control" && step.action === "totpCode" ? [step.name] : []))
  )
)

const comparable = (entry: Scenarios.Entry): unknown =>
  codeSteps.has(entry.step) && "ok" in entry && typeof entry.ok === "string" && /^\d{6}$/.test(entry.ok)
    ? { ...entry, ok: "<code>" }
    : timeless(entry)

const runOn = (scenario: Scenarios.Scenario, setup: Setup) =>
  Effect.gen(function*() {
    const layer = setup.layer({
      ...(scenario.retry !== undefined && { retry: scenario.retry }),
      ...(scenario.apiVersion !== undefined && { apiVersion: scenario.apiVersion }),
      ...(scenario.rateLimits !== undefined && { rateLimits: scenario.rateLimits })
    })
    if (scenario.refused === true) {
      expect(scenario.steps).toEqual([])
      const exit = yield* Effect.exit(Effect.scoped(Layer.build(layer)))
      expect(Exit.isFailure(exit), `${scenario.name} on ${setup.name}`).toBe(true)
      return []
    }
    return yield* Effect.flatMap(Effect.service(ContractControl), (control) => run(scenario.steps, control)).pipe(
      Effect.provide(layer)
    )
  })

describe("contract (Effect 4): the same behaviour from the in-memory layer and from the emulator", () => {
  for (const scenario of Scenarios.all) {
    for (const setup of setups) {
      // the in-memory layer on `TestClock` (its windows and lockouts start at 0), the emulators on the wall clock
      const test = setup.live ? it.live : it.effect
      test(`${scenario.name}: ${setup.name}`, () =>
        Effect.gen(function*() {
          const log = yield* runOn(scenario, setup)
          const bySetup = logs.get(scenario.name) ?? new Map<string, ReadonlyArray<Scenarios.Entry>>()
          logs.set(scenario.name, bySetup.set(setup.name, log))
          ran.get(setup.name)!.push(scenario.name)
        }), { timeout: 120_000 })
    }
  }

  it("every scenario of the kernel's list ran on every set-up, in order", () => {
    for (const setup of setups) {
      expect(ran.get(setup.name), setup.name).toEqual(Scenarios.all.map((scenario) => scenario.name))
    }
  })

  it("the three runs agree step by step: same values (times and TOTP codes as present), same error tags, statuses, codes", () => {
    for (const scenario of Scenarios.all) {
      const [baseline, ...others] = setups.map((setup) => logs.get(scenario.name)?.get(setup.name))
      expect(baseline, scenario.name).toBeDefined()
      for (const other of others) {
        expect(other, scenario.name).toBeDefined()
        expect(other!.map((entry) => entry.step)).toEqual(baseline!.map((entry) => entry.step))
        baseline!.forEach((entry, i) => expect(comparable(other![i]!), entry.step).toEqual(comparable(entry)))
      }
    }
  })

  it("each set-up's runs cover the scenarios' steps: over 250 logged outcomes", () => {
    for (const setup of setups) {
      const total = Scenarios.all.reduce((sum, s) => sum + (logs.get(s.name)?.get(setup.name)?.length ?? 0), 0)
      expect(total, setup.name).toBeGreaterThan(250)
    }
  })

  it("every operation of the table was called successfully and its events checked", () => {
    for (const row of Operations.rows) expect(observedSuccesses.has(row.key), `${row.key} observed`).toBe(true)
  })

  it.effect("a step the interpreter does not know, or an unknown operation, fails the run", () =>
    Effect.gen(function*() {
      const failureOf = (steps: ReadonlyArray<Scenarios.Step>) =>
        Effect.flatMap(Effect.service(ContractControl), (control) => run(steps, control)).pipe(
          Effect.provide(setups[0]!.layer({})),
          Effect.exit,
          Effect.map((exit) => (Exit.isFailure(exit) ? String(exit.cause) : "no failure"))
        )
      const unknownKind: Scenarios.Step = JSON.parse(`{ "_tag": "Frobnicate", "name": "frobnicate" }`)
      expect(yield* failureOf([unknownKind])).toContain("unknown step kind")
      const unknownOperation: Scenarios.Step = JSON.parse(
        `{ "_tag": "Call", "name": "frobnicate", "operation": "frobnicate", "args": [], "outcome": { "_tag": "Success" } }`
      )
      expect(yield* failureOf([unknownOperation])).toContain("no operation frobnicate")
      expect(yield* failureOf([Scenarios.ok("dangling", "get", [Scenarios.ref("nobody", "id")])])).toContain(
        "nothing is bound as nobody"
      )
      expect(yield* failureOf([Scenarios.fails("missing", "get", ["user_missing"], "BadRequest")])).toContain(
        "expected"
      )
    }))
})
