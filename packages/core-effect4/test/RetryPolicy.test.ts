/**
 * `RetryPolicy.toSchedule(policy, context)` used directly with `Effect.retry`: it retries only what the policy's
 * `retryOn` allows for the call, and stops at a `Retry-After` longer than `maxRetryAfter` (as the Effect 3 line).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { ClerkError, RetryPolicy } from "../src/index.js"

const idempotent = { operation: "Users.get", idempotent: true }
const write = { operation: "Users.create", idempotent: false }
const immediate = RetryPolicy.fromSchedule(Schedule.recurs(3))

const attempts = (error: ClerkError.ClerkError, policy: RetryPolicy.RetryPolicy, context: RetryPolicy.RetryContext) =>
  Effect.gen(function*() {
    let count = 0
    const failing = Effect.suspend(() => {
      count++
      return Effect.fail(error)
    })
    yield* Effect.flip(Effect.retry(failing, RetryPolicy.toSchedule(policy, context)))
    return count
  })

const notFound = new ClerkError.ResourceNotFound({ operation: "Users.get", status: 404, errors: [] })
const unavailable = new ClerkError.ServerError({ operation: "Users.create", status: 503, errors: [] })

describe("RetryPolicy.toSchedule", () => {
  it.effect("does not retry a 404", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* attempts(notFound, immediate, idempotent), 1)
    }))

  it.effect("retries a 503 of an idempotent call, not of a non-idempotent write", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* attempts(unavailable, immediate, idempotent), 4)
      assert.strictEqual(yield* attempts(unavailable, immediate, write), 1)
    }))

  it.effect("applies the policy's retryOn", () =>
    Effect.gen(function*() {
      const everything = RetryPolicy.fromSchedule(Schedule.recurs(2), { retryOn: () => true })
      assert.strictEqual(yield* attempts(notFound, everything, write), 3)
    }))

  it.effect("stops at a Retry-After longer than maxRetryAfter", () =>
    Effect.gen(function*() {
      const limited = new ClerkError.RateLimited({
        operation: "Users.get",
        status: 429,
        errors: [],
        retryAfter: Duration.minutes(2)
      })
      assert.strictEqual(yield* attempts(limited, immediate, idempotent), 1)
    }))
})
