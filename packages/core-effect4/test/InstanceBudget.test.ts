/**
 * The instance budget on the Effect 4 line (the kernel's window arithmetic): requests over the budget wait for
 * the next window, and a 429 blocks the budget for its `Retry-After`, for every fiber sharing it (TestClock).
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { TestClock } from "effect/testing"
import { InstanceBudget, RetryPolicy, Users } from "../src/index.js"
import * as FakeHttp from "./utils/FakeHttp.js"

const ok = { status: 200, body: Fixtures.userFull }

const run = <A, E>(fake: ReturnType<typeof FakeHttp.make>, f: (users: Users.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Effect.service(Users.Users), f).pipe(
    Effect.provide(FakeHttp.users(fake, { instanceBudget: { requests: 3, window: Duration.seconds(10) } }))
  )

describe("InstanceBudget", () => {
  it.effect("the 4th request of a 3-per-10 s budget waits for the next window", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok)
      const fiber = yield* Effect.forkChild(
        run(fake, (users) => Effect.forEach(["a", "b", "c", "d"], (id) => users.get(id), { concurrency: 4 }))
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual(fake.requests.length, 3)
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      assert.strictEqual(fake.requests.length, 4)
    }))

  it.effect("a 429 blocks the budget for its Retry-After: the retry waits it out", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((_, index) =>
        index === 0 ? { status: 429, headers: { "retry-after": "4" }, body: { errors: [] } } : ok
      )
      const fiber = yield* Effect.forkChild(run(fake, (users) => users.get("a")))
      yield* TestClock.adjust("3 seconds")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)
      assert.strictEqual(fake.requests.length, 2)
    }).pipe(RetryPolicy.withPolicy(RetryPolicy.make({ jitter: false, baseDelay: "100 millis" }))))

  it.effect("fromKey: Clerk's budget of the key's kind less the margin", () =>
    Effect.sync(() => {
      assert.strictEqual(InstanceBudget.fromKey("sk_live_x").requests, 900)
      assert.strictEqual(InstanceBudget.fromKey("sk_test_x").requests, 90)
    }))
})
