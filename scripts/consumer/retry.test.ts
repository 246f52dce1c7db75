// A user's test of "we survive 429s", on the in-memory layer under TestClock, through the published packages:
// the same call policy as Users.layer (a 429 retried after its Retry-After), and the default that retries nothing.
import { CallPolicy, RetryPolicy, Users } from "@effect-clerk/core"
import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, Option, TestClock } from "effect"

describe("consumer: retries in memory", () => {
  it.effect("a 429 is retried after its Retry-After, on the TestClock", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited("3 seconds") })
      const counting = yield* Effect.fork(users.count())
      yield* TestClock.adjust("2 seconds")
      expect(Option.isNone(yield* Fiber.poll(counting))).toBe(true) // still waiting for Retry-After
      expect((yield* control.stats).calls).toBe(1)
      yield* TestClock.adjust("1 second")
      expect(yield* Fiber.join(counting)).toBe(1)
      expect((yield* control.stats).calls).toBe(2)
    }).pipe(Effect.provide(UsersInMemory.layer({ callPolicy: CallPolicy.make() }))))

  it.effect("by default an injected 429 fails at once; RetryPolicy.withPolicy retries it", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited() })
      expect((yield* Effect.flip(users.count()))._tag).toBe("RateLimited")
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited() })
      const retried = users.count().pipe(
        RetryPolicy.withPolicy(RetryPolicy.make({ retries: 1, baseDelay: 0, jitter: false }))
      )
      expect(yield* retried).toBe(0)
      expect((yield* control.stats).calls).toBe(3)
    }).pipe(Effect.provide(UsersInMemory.layer())))
})
