/**
 * `CallPolicy.apply` gives any implementation of the operations what `Users.layer` does around its requests:
 * retries by the policy in force (the caller's wins), at least `Retry-After` apart, only what the operation
 * allows; Clerk's per-user write limit, keyed by the row's user id argument.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { decodeUnknownSync } from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { RateLimited, ServerError } from "../src/ClerkError.js"
import type { ClerkError } from "../src/ClerkError.js"
import { CallPolicy, ClerkConfig, InstanceBudget, RetryPolicy, User, UsersCodec } from "../src/index.js"

const ada = decodeUnknownSync(User.User)(F.userFull)

/** A double whose calls fail with the next of `failures` (then succeed), each call of each operation counted. */
const double = (failures: Array<(operation: string) => ClerkError>) => {
  const calls: Array<string> = []
  const operations = UsersCodec.implement((operation) => (..._args) =>
    Effect.suspend(() => {
      calls.push(operation.key)
      const next = failures.shift()
      if (next !== undefined) return Effect.fail(next(operation.name))
      return Effect.succeed(operation.key === "count" ? 1 : ada)
    })
  )
  return { calls, operations }
}

const rateLimited = (seconds: number) => (operation: string) =>
  new RateLimited({ operation, status: 429, errors: [], retryAfter: Duration.seconds(seconds) })
const unavailable = (operation: string) => new ServerError({ operation, status: 503, errors: [] })

describe("CallPolicy.apply", () => {
  it.effect("retries a 429 once its Retry-After has passed, on the clock", () =>
    Effect.gen(function*() {
      const { calls, operations } = double([rateLimited(3)])
      const paced = yield* CallPolicy.apply(operations, CallPolicy.make())
      const fiber = yield* Effect.fork(paced.count())
      yield* TestClock.adjust("2999 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.join(fiber)).toBe(1)
      expect(calls).toEqual(["count", "count"])
    }))

  it.effect("does not re-send a non-idempotent operation after a 503; re-sends an idempotent one", () =>
    Effect.gen(function*() {
      const { calls, operations } = double([unavailable, unavailable])
      const paced = yield* CallPolicy.apply(
        operations,
        CallPolicy.make({ retry: RetryPolicy.fromSchedule(Schedule.recurs(3)) })
      )
      expect((yield* Effect.flip(paced.create({ emailAddress: ["ada@example.com"] })))._tag).toBe("ServerError")
      expect((yield* paced.get("user_1")).id).toBe(ada.id)
      expect(calls).toEqual(["create", "get", "get"])
    }))

  it.effect("the caller's RetryPolicy.withPolicy wins over the policy's retry; CallPolicy.none retries nothing", () =>
    Effect.gen(function*() {
      const { calls, operations } = double([unavailable, unavailable])
      const paced = yield* CallPolicy.apply(operations, CallPolicy.none)
      expect((yield* Effect.flip(paced.get("user_1")))._tag).toBe("ServerError")
      const retried = paced.get("user_1").pipe(RetryPolicy.withPolicy(RetryPolicy.fromSchedule(Schedule.recurs(1))))
      expect((yield* retried).id).toBe(ada.id)
      expect(calls).toEqual(["get", "get", "get"])
    }))

  it.effect("paces the writes Clerk limits per user, by the user id argument", () =>
    Effect.gen(function*() {
      const { calls, operations } = double([])
      const limit = { requests: 2, window: Duration.seconds(10) }
      const paced = yield* CallPolicy.apply(operations, CallPolicy.make({ perUserWriteLimit: limit }))
      yield* paced.updateMetadata("user_1", {})
      yield* paced.update("user_1", {})
      const third = yield* Effect.fork(paced.replaceMetadata("user_1", {}))
      yield* paced.updateMetadata("user_2", {}) // another user: not paced
      yield* paced.get("user_1") // not a limited write
      yield* TestClock.adjust("9 seconds")
      expect(Option.isNone(yield* Fiber.poll(third))).toBe(true)
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(third)
      expect(calls).toEqual(["updateMetadata", "update", "updateMetadata", "get", "replaceMetadata"])
    }))

  it.live("a limit given as an object with no whole number of requests paces as one request per window", () =>
    Effect.gen(function*() {
      for (const requests of [Number.NaN, 0, -3, Number.POSITIVE_INFINITY]) {
        const { calls, operations } = double([])
        // windows are aligned on the epoch: a year-long one, so that no window's end falls between the two calls
        const policy: CallPolicy.CallPolicy = {
          retry: RetryPolicy.none,
          perUserWriteLimit: { requests, window: Duration.days(365) }
        }
        const paced = yield* CallPolicy.apply(operations, policy)
        // the first write of a user is never paced (it used to spin for ever on a NaN count)
        yield* paced.updateMetadata("user_1", {}).pipe(
          Effect.timeoutFail({ duration: "2 seconds", onTimeout: () => requests })
        )
        const second = yield* Effect.fork(paced.updateMetadata("user_1", {}))
        yield* Effect.sleep("50 millis")
        expect(Option.isNone(yield* Fiber.poll(second)), `requests: ${requests}`).toBe(true)
        yield* Fiber.interrupt(second)
        expect(calls).toEqual(["updateMetadata"])
      }
    }))

  it("make: Users.layer's defaults; a limit under one request counts as one; fromConfig reads a config", () => {
    expect(CallPolicy.make().retry).toBe(RetryPolicy.defaultPolicy)
    expect(CallPolicy.make().perUserWriteLimit?.requests).toBe(10)
    expect(CallPolicy.make({ perUserWriteLimit: false }).perUserWriteLimit).toBeUndefined()
    expect(CallPolicy.make({ perUserWriteLimit: { requests: 0, window: Duration.seconds(1) } }).perUserWriteLimit)
      .toEqual({ requests: 1, window: Duration.seconds(1) })
    expect(
      CallPolicy.make({ perUserWriteLimit: { requests: Number.NaN, window: Duration.seconds(1) } }).perUserWriteLimit
    )
      .toEqual({ requests: 1, window: Duration.seconds(1) })
    const config = Effect.runSync(
      Effect.map(
        ClerkConfig.make({ secretKey: "sk_test_x", retry: RetryPolicy.none, perUserWriteLimit: false }),
        CallPolicy.fromConfig
      )
    )
    expect(config).toEqual({ ...CallPolicy.none, instanceBudget: InstanceBudget.fromKey("sk_test_x") })
  })
})
