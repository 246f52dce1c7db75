/**
 * The client's instance budget (`InstanceBudget`, core) against the test kit's enforced limits (`rateLimits`),
 * under `TestClock`: a job over the budget sees no 429 with pacing on and 429s with pacing off, in memory and
 * through `Users.layer` over the in-process emulator.
 */
import { CallPolicy, InstanceBudget, RetryPolicy, Users } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { ClerkEmulator, UsersInMemory, UsersTestControl } from "../src/index.js"

const JOB = 250

/** `JOB` counts, 8 at a time, each one's tag or "ok", the test clock moved a second at a time until all answered. */
const job = Effect.gen(function*() {
  const users = yield* Users
  const fiber = yield* Effect.fork(
    Effect.forEach(
      Array.from({ length: JOB }),
      () => Effect.match(users.count(), { onFailure: (error) => error._tag, onSuccess: () => "ok" }),
      { concurrency: 8 }
    )
  )
  while (fiber.unsafePoll() === null) yield* TestClock.adjust("1 second")
  const results = yield* Fiber.join(fiber)
  const out: Record<string, number> = {}
  for (const result of results) out[result] = (out[result] ?? 0) + 1
  return out
})

const inMemory = (instanceBudget: InstanceBudget.Budget | false) =>
  UsersInMemory.layer({
    rateLimits: "development",
    callPolicy: CallPolicy.make({ retry: RetryPolicy.none, perUserWriteLimit: false, instanceBudget })
  })

describe("the instance budget against enforced limits", () => {
  it.effect("in memory, paced by the development key's budget: no 429", () =>
    Effect.gen(function*() {
      expect(yield* job).toEqual({ ok: JOB })
    }).pipe(Effect.provide(inMemory(InstanceBudget.fromKey("sk_test_x")))))

  it.effect("in memory, pacing off: 429s", () =>
    Effect.gen(function*() {
      const tally = yield* job
      expect(tally["RateLimited"]).toBeGreaterThan(0)
    }).pipe(Effect.provide(inMemory(false))))

  it.scoped("through Users.layer over the emulator, the budget from the key by default: no 429", () =>
    Effect.gen(function*() {
      expect(yield* job).toEqual({ ok: JOB })
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({
      rateLimits: "development",
      retry: RetryPolicy.none,
      config: { instanceBudget: InstanceBudget.fromKey(ClerkEmulator.DEFAULT_SECRET_KEY) }
    }))))

  it.scoped("through Users.layer over the emulator, pacing off: 429s", () =>
    Effect.gen(function*() {
      const tally = yield* job
      expect(tally["RateLimited"]).toBeGreaterThan(0)
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ rateLimits: "development", retry: RetryPolicy.none }))))

  const overBudget = (blocking: boolean) =>
    UsersInMemory.layer({
      rateLimits: "development",
      callPolicy: CallPolicy.make({
        retry: RetryPolicy.make({ retries: 20 }),
        perUserWriteLimit: false,
        // 200 per 10 s against Clerk's 100 (or no pacing at all)
        instanceBudget: blocking ? { requests: 200, window: Duration.seconds(10) } : false
      })
    })

  it.effect("a 429 blocks the budget: a budget above Clerk's collects few 429s, every fiber waits them out", () =>
    Effect.gen(function*() {
      expect(yield* job).toEqual({ ok: JOB })
      // each window's first refusal blocks every fiber until the window ends: fewer 429s than fibers (one a window
      // here), where without the block each of the 8 fibers discovers each spent window alone
      const refused = (yield* (yield* UsersTestControl).stats).calls - JOB
      expect(refused).toBeGreaterThan(0)
      expect(refused).toBeLessThan(8)
    }).pipe(Effect.provide(overBudget(true))))

  it.effect("without the budget, the same job retries its way through many more 429s", () =>
    Effect.gen(function*() {
      expect(yield* job).toEqual({ ok: JOB })
      const refused = (yield* (yield* UsersTestControl).stats).calls - JOB
      expect(refused).toBeGreaterThanOrEqual(8)
    }).pipe(Effect.provide(overBudget(false))))
})
