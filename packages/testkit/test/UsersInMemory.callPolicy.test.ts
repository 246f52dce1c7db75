/**
 * The in-memory layer under a call policy: the HTTP layer's retries (`Retry-After` waited for on `Clock`, only
 * what may be re-sent re-sent), its per-user write pacing, `RetryPolicy.withPolicy` and a `ClerkConfig`'s policy;
 * and the default, which retries and paces nothing, so that an injected fault fails at once under `TestClock`.
 */
import { CallPolicy, ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { Fault, UsersInMemory, UsersTestControl } from "../src/index.js"

const client = UsersInMemory.layer({ callPolicy: CallPolicy.make() })

const calls = Effect.map(UsersTestControl, (control) => control.stats).pipe(
  Effect.flatten,
  Effect.map((stats) => stats.calls)
)

const running = <A, E>(fiber: Fiber.Fiber<A, E>) => Effect.map(Fiber.poll(fiber), Option.isNone)

describe("UsersInMemory under the client's call policy", () => {
  it.effect("a 429 is retried once its Retry-After has passed on the TestClock, not before", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited("5 seconds") })
      const counting = yield* Effect.fork(users.count())
      yield* TestClock.adjust("4999 millis")
      expect(yield* running(counting)).toBe(true)
      expect(yield* calls).toBe(1)
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.join(counting)).toBe(1)
      expect(yield* calls).toBe(2)
    }).pipe(Effect.provide(client)))

  it.effect("a Retry-After longer than the policy's longest wait is returned at once", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited("2 minutes") })
      const error = yield* Effect.flip(users.count())
      expect(error._tag).toBe("RateLimited")
      expect(yield* calls).toBe(1)
    }).pipe(Effect.provide(client)))

  it.effect("a non-idempotent create is not re-sent after an ambiguous failure; an idempotent get is", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["create"], fault: Fault.status(503) })
      expect((yield* Effect.flip(users.create({ emailAddress: ["ada@example.com"] })))._tag).toBe("ServerError")
      expect(yield* calls).toBe(1)
      expect(yield* control.size).toBe(0)
      // the answer lost after the user was created: not re-sent, so the user exists once
      yield* control.injectFault({ operations: ["create"], fault: Fault.disconnect, when: "after" })
      expect((yield* Effect.flip(users.create({ emailAddress: ["ada@example.com"] })))._tag).toBe("TransportError")
      expect(yield* calls).toBe(2)
      expect(yield* control.size).toBe(1)
      // the same fault on an idempotent operation is retried, after the policy's backoff
      const [ada] = yield* users.list()
      yield* control.injectFault({ operations: ["get"], fault: Fault.disconnect, when: "after" })
      const getting = yield* Effect.fork(users.get(ada!.id))
      yield* TestClock.adjust("1 second")
      expect((yield* Fiber.join(getting)).id).toBe(ada!.id)
      expect(yield* calls).toBe(5)
    }).pipe(Effect.provide(client)))

  it.effect("writes to one user are paced by Clerk's per-user limit; another user's are not", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      const bob = yield* control.seedUser({ emailAddress: ["bob@example.com"] })
      const writes = yield* Effect.fork(
        Effect.forEach(
          Array.from({ length: 11 }, (_, i) => i),
          (i) => users.updateMetadata(ada.id, { publicMetadata: { i } }),
          { discard: true }
        )
      )
      yield* TestClock.adjust("1 second")
      expect(yield* running(writes)).toBe(true)
      expect(yield* calls).toBe(10) // the eleventh waits for the window
      yield* users.updateMetadata(bob.id, { publicMetadata: { i: 0 } })
      expect(yield* calls).toBe(11)
      yield* TestClock.adjust("9 seconds")
      yield* Fiber.join(writes)
      expect(yield* calls).toBe(12)
      expect((yield* users.get(ada.id)).publicMetadata).toEqual({ i: 10 })
    }).pipe(Effect.provide(client)))

  it.effect("perUserWriteLimit: false paces nothing", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      for (let i = 0; i < 11; i++) yield* users.updateMetadata(ada.id, { publicMetadata: { i } })
      expect(yield* calls).toBe(11)
    }).pipe(Effect.provide(UsersInMemory.layer({ callPolicy: CallPolicy.make({ perUserWriteLimit: false }) }))))

  it.effect("RetryPolicy.withPolicy takes effect: the caller's policy wins over the layer's", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      const twice = RetryPolicy.fromSchedule(Schedule.recurs(2))
      yield* control.injectFault({ operations: ["get"], fault: Fault.status(503), times: 2 })
      expect((yield* users.get(ada.id).pipe(RetryPolicy.withPolicy(twice))).id).toBe(ada.id)
      expect(yield* calls).toBe(3)
      // under the layer's policy a 429 would be retried; the caller's `none` returns it
      yield* control.injectFault({ operations: ["get"], fault: Fault.rateLimited() })
      const error = yield* Effect.flip(users.get(ada.id).pipe(RetryPolicy.withPolicy(RetryPolicy.none)))
      expect(error._tag).toBe("RateLimited")
      expect(yield* calls).toBe(4)
    }).pipe(Effect.provide(client)))

  it.effect("a ClerkConfig's policy, through CallPolicy.fromConfig", () =>
    Effect.gen(function*() {
      const config = yield* ClerkConfig.make({
        secretKey: "sk_test_x",
        retry: RetryPolicy.fromSchedule(Schedule.recurs(1)),
        perUserWriteLimit: false
      })
      const { control, users } = yield* UsersInMemory.make({ callPolicy: CallPolicy.fromConfig(config) })
      yield* control.injectFault({ operations: ["count"], fault: Fault.status(502), times: 2 })
      expect((yield* Effect.flip(users.count()))._tag).toBe("ServerError")
      expect((yield* control.stats).calls).toBe(2)
    }))
})

describe("UsersInMemory by default", () => {
  it.effect("an injected 429 fails at once (no retry's sleep under the TestClock), one call", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited("1 second") })
      const error = yield* Effect.flip(users.count())
      expect(error._tag).toBe("RateLimited")
      expect(error._tag === "RateLimited" && error.retryAfter).toEqual(Duration.seconds(1))
      expect(yield* calls).toBe(1)
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("writes are not paced", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      for (let i = 0; i < 12; i++) yield* users.update(ada.id, { firstName: `Ada ${i}` })
      expect(yield* calls).toBe(12)
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("an invalid call is refused before anything is sent or paced", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const error = yield* Effect.flip(users.updateMetadata("", { publicMetadata: {} }))
      expect(error._tag).toBe("InvalidRequest")
      expect(yield* calls).toBe(0)
    }).pipe(Effect.provide(client)))
})
