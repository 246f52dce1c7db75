import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { RetryPolicy, Users } from "../src/index.js"
import { drive, settle } from "./utils/drive.js"
import type { FakeResponse } from "./utils/FakeHttp.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"

const noJitter = (options: RetryPolicy.Options = {}) => RetryPolicy.make({ jitter: false, ...options })

/** Scripts the responses in order (the last one repeats) and records the clock time of every request. */
const script = (responses: ReadonlyArray<FakeResponse>) =>
  Effect.gen(function*() {
    const fake = yield* FakeHttp
    const times = yield* Ref.make<ReadonlyArray<number>>([])
    yield* fake.respond(() =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const index = (yield* Ref.getAndUpdate(times, (all) => [...all, now])).length
        return responses[Math.min(index, responses.length - 1)]!
      })
    )
    return { times: Ref.get(times), requests: fake.requests }
  })

const gaps = (times: ReadonlyArray<number>) => times.slice(1).map((t, i) => t - times[i]!)

const rateLimited = (retryAfter: string): FakeResponse => ({
  status: 429,
  json: F.clerkErrorBody(429),
  headers: { "retry-after": retryAfter }
})

describe("retries", () => {
  it.effect("a 429 with Retry-After: 7 waits 7 s before the next attempt", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([rateLimited("7"), { json: F.userFull }])
      const fiber = yield* Effect.fork(users.get("user_1"))
      yield* settle
      yield* TestClock.adjust(Duration.millis(6_999))
      expect(yield* requests).toHaveLength(1)
      yield* TestClock.adjust(Duration.millis(1))
      const user = yield* Fiber.join(fiber)
      expect(user.id).toBe("user_2full")
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(usersLayer({ retry: RetryPolicy.make() }))))

  it.effect("Retry-After as an HTTP date is honoured", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* TestClock.setTime(Date.parse("2026-01-01T00:00:00Z"))
      const { times } = yield* script([rateLimited("Thu, 01 Jan 2026 00:00:12 GMT"), { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(gaps(yield* times)).toEqual([12_000])
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("Retry-After: 0 keeps the exponential floor; a malformed one is ignored", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { times } = yield* script([rateLimited("0"), rateLimited("soon"), rateLimited("-3"), { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(gaps(yield* times)).toEqual([250, 500, 1_000])
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("a GET answered by 503 is retried and then succeeds", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { times } = yield* script([{ status: 503 }, { status: 502 }, { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(gaps(yield* times)).toEqual([250, 500])
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("a dropped connection is retried for an idempotent operation", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script(["drop", { json: F.userFull }])
      const exit = yield* drive(users.ban("user_1"))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("create answered by 503 (or a dropped connection) is not re-sent", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([{ status: 503 }, { json: F.userFull }])
      const first = yield* drive(users.create({ firstName: "Ada" }))
      expect(Exit.isFailure(first) && first.cause._tag === "Fail" && first.cause.error._tag).toBe("ServerError")
      expect(yield* requests).toHaveLength(1)
      const { requests: again } = yield* script(["drop", { json: F.userFull }])
      const second = yield* drive(users.create({ firstName: "Ada" }))
      expect(Exit.isFailure(second) && second.cause._tag === "Fail" && second.cause.error._tag).toBe("TransportError")
      expect(yield* again).toHaveLength(2) // the one before, plus this single attempt
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("verifyPassword and createTotp are not re-sent on 502", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([{ status: 502 }])
      yield* drive(users.verifyPassword("user_1", "pw"))
      yield* drive(users.createTotp("user_1"))
      expect(yield* requests).toHaveLength(2)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("create answered by 429 is retried (Clerk did nothing), and creates one user", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests, times } = yield* script([rateLimited("2"), { json: F.userFull }])
      const exit = yield* drive(users.create({ firstName: "Ada" }))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(yield* requests).toHaveLength(2)
      expect(gaps(yield* times)).toEqual([2_000])
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("a 500 is not retried", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([{ status: 500 }, { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(yield* requests).toHaveLength(1)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("attempts are bounded by the policy", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests, times } = yield* script([{ status: 503 }])
      const exit = yield* drive(users.list())
      expect(Exit.isFailure(exit)).toBe(true)
      expect(yield* requests).toHaveLength(4)
      expect(gaps(yield* times)).toEqual([250, 500, 1_000])
    }).pipe(Effect.provide(usersLayer({ retry: noJitter({ retries: 3 }) }))))

  it.effect("the delay is capped by maxDelay and the retries by maxElapsed", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { times } = yield* script([{ status: 503 }])
      yield* drive(users.list())
      const delays = gaps(yield* times)
      expect(delays.every((d) => d <= 1_000)).toBe(true)
      // no retry is scheduled once 5 s have passed: all delays but the last were decided before that
      expect(delays.slice(0, -1).reduce((a, b) => a + b, 0)).toBeLessThan(5_000)
      expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5_000)
    }).pipe(
      Effect.provide(usersLayer({ retry: noJitter({ retries: 100, maxDelay: "1 second", maxElapsed: "5 seconds" }) }))
    ))

  it.effect("a Retry-After longer than maxRetryAfter is returned, not waited for", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([rateLimited("3600"), { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
        const error = exit.cause.error
        expect(error._tag).toBe("RateLimited")
        if (error._tag === "RateLimited") expect(error.retryAfter).toEqual(Duration.seconds(3600))
      }
      expect(yield* requests).toHaveLength(1)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter() }))))

  it.effect("a per-call policy wins over the layer's, both ways", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([{ status: 503 }])
      yield* drive(users.get("user_1").pipe(RetryPolicy.withPolicy(noJitter({ retries: 2 }))))
      expect(yield* requests).toHaveLength(3)
      const custom = RetryPolicy.fromSchedule(Schedule.spaced("1 second").pipe(Schedule.intersect(Schedule.recurs(1))))
      const { times } = yield* script([{ status: 503 }])
      yield* drive(users.get("user_1").pipe(RetryPolicy.withPolicy(custom)))
      expect(gaps(yield* times)).toEqual([1_000])
    }).pipe(Effect.provide(usersLayer({ retry: RetryPolicy.none }))))

  it.effect("RetryPolicy.none at the call site disables the layer's retries", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests } = yield* script([{ status: 503 }])
      yield* drive(users.get("user_1").pipe(RetryPolicy.withPolicy(RetryPolicy.none)))
      expect(yield* requests).toHaveLength(1)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter({ retries: 5 }) }))))

  it.effect("a request that never completes fails with TransportError after the timeout, and is retried", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { requests, times } = yield* script(["hang", { json: F.userFull }])
      const exit = yield* drive(users.get("user_1"))
      expect(Exit.isSuccess(exit)).toBe(true)
      expect(yield* requests).toHaveLength(2)
      expect(gaps(yield* times)).toEqual([5_000 + 250])
      const { requests: once } = yield* script(["hang"])
      const failed = yield* drive(users.get("user_1").pipe(RetryPolicy.withPolicy(RetryPolicy.none)))
      expect(Exit.isFailure(failed) && failed.cause._tag === "Fail" && failed.cause.error).toMatchObject({
        _tag: "TransportError",
        reason: "Timeout"
      })
      expect((yield* once).length).toBe(3)
    }).pipe(Effect.provide(usersLayer({ retry: noJitter(), timeout: "5 seconds" }))))

  it.effect("update and updateMetadata are paced under 10 requests per 10 s per user", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const { times } = yield* script([{ json: F.userFull }])
      const exit = yield* drive(
        Effect.all(
          [
            ...Array.from({ length: 6 }, () => users.update("user_1", { firstName: "A" })),
            ...Array.from({ length: 6 }, () => users.updateMetadata("user_1", { publicMetadata: { n: 1 } })),
            users.update("user_2", { firstName: "B" })
          ],
          { concurrency: 1 }
        )
      )
      expect(Exit.isSuccess(exit)).toBe(true)
      const all = yield* times
      expect(all.slice(0, 10).every((t) => t === 0)).toBe(true)
      expect(all[10]).toBe(10_000)
      expect(all[11]).toBe(10_000)
      expect(all[12]).toBe(10_000) // user_2 has its own budget, but came after the wait in this sequence
    }).pipe(Effect.provide(usersLayer({ perUserWriteLimit: { requests: 10, window: Duration.seconds(10) } }))))
})
