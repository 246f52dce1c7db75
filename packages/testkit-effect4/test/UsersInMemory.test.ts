/**
 * The essentials of the Effect 4 in-memory layer (the Effect 3 line's `UsersInMemory.test.ts`, ported): Clerk's
 * ids and rules from the kernel's store, failures as the core's tagged errors (per operation, as over HTTP),
 * `Clock`-driven lockouts, injected faults, request checks before the store, a fresh store per build, events,
 * options refused, rate limits on `Clock`.
 */
import { Users } from "@effect-clerk/core"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/testing/TestClock"
import { Fault, UsersInMemory, UsersTestControl } from "../src/index.js"

const fieldOf = (error: object, name: string): unknown => Reflect.get(error, name)
const codes = (error: object): ReadonlyArray<unknown> => {
  const errors = fieldOf(error, "errors")
  return Array.isArray(errors) ? errors.map((e) => Reflect.get(e, "code")) : []
}

const withLayer = <A, E>(
  effect: Effect.Effect<A, E, Users.Users | UsersTestControl.UsersTestControl>,
  options?: UsersInMemory.Options
) => Effect.provide(effect, UsersInMemory.layer(options))

describe("UsersInMemory (Effect 4)", () => {
  it.effect("create: Clerk-shaped ids, verified primary identifiers, timestamps from the Clock", () =>
    withLayer(Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const users = yield* Users.Users
      const user = yield* users.create({
        emailAddress: ["Ada@Example.com"],
        username: "Ada_L",
        password: "analytical-engine",
        publicMetadata: { plan: "pro" }
      })
      assert.match(user.id, /^user_2[0-9A-Za-z]{26}$/)
      assert.strictEqual(user.primaryEmailAddressId, user.emailAddresses[0]?.id)
      assert.strictEqual(user.emailAddresses[0]?.emailAddress, "ada@example.com")
      assert.strictEqual(user.username, "ada_l")
      assert.isTrue(user.passwordEnabled)
      assert.strictEqual(user.createdAt, 1_700_000_000_000)
      assert.deepStrictEqual(user.publicMetadata, { plan: "pro" })
    })))

  it.effect("identifiers are unique: 422 form_identifier_exists, with a trace id", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users.Users
      yield* users.create({ emailAddress: ["ada@example.com"], username: "ada_l" })
      const error = yield* Effect.flip(users.create({ username: "ADA_L" }))
      assert.strictEqual(error._tag, "UnprocessableEntity")
      assert.deepStrictEqual(codes(error), ["form_identifier_exists"])
      assert.isString(fieldOf(error, "clerkTraceId"))
      assert.deepStrictEqual(codes(yield* Effect.flip(users.create({ emailAddress: ["not-an-email"] }))), [
        "form_param_format_invalid"
      ])
    })))

  it.effect("a missing user is ResourceNotFound where the row documents 404, UnexpectedStatus where not", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users.Users
      const error = yield* Effect.flip(users.get("user_missing"))
      assert.strictEqual(error._tag, "ResourceNotFound")
      assert.deepStrictEqual(codes(error), ["resource_not_found"])
      const banned = yield* Effect.flip(users.ban("user_missing"))
      assert.strictEqual(banned._tag, "UnexpectedStatus")
      assert.strictEqual(fieldOf(banned, "status"), 404)
    })))

  it.effect("ban, unban and bulk ban (unknown ids ignored); lock expires on the Clock", () =>
    withLayer(
      Effect.gen(function*() {
        const users = yield* Users.Users
        const [a, b] = [yield* users.create({ firstName: "a" }), yield* users.create({ firstName: "b" })]
        assert.isTrue((yield* users.ban(a.id)).banned)
        assert.deepStrictEqual((yield* users.bulkBan([a.id, b.id, "user_unknown"])).map((u) => u.banned), [true, true])
        const locked = yield* users.lock(a.id)
        assert.deepStrictEqual([locked.locked, locked.lockoutExpiresInSeconds], [true, 600])
        yield* TestClock.adjust("9 minutes")
        assert.strictEqual((yield* users.get(a.id)).lockoutExpiresInSeconds, 60)
        yield* TestClock.adjust("1 minute")
        assert.isFalse((yield* users.get(a.id)).locked)
      }),
      { lockout: "10 minutes" }
    ))

  it.effect("injected faults: a status with Clerk's body, 429 with Retry-After, latency, a lost answer", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users.Users
      const control = yield* UsersTestControl.UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.status(503), times: 2 })
      assert.strictEqual((yield* Effect.flip(users.count()))._tag, "ServerError")
      assert.strictEqual((yield* Effect.flip(users.count()))._tag, "ServerError")
      yield* users.count()
      yield* control.injectFault({ fault: Fault.rateLimited("7 seconds") })
      const limited = yield* Effect.flip(users.list())
      assert.strictEqual(limited._tag, "RateLimited")
      assert.deepStrictEqual(fieldOf(limited, "retryAfter"), Duration.seconds(7))
      yield* control.injectFault({ operations: ["list"], fault: Fault.latency("5 seconds") })
      const fiber = yield* Effect.forkChild(users.list())
      yield* TestClock.adjust("4 seconds")
      assert.isUndefined(fiber.pollUnsafe())
      yield* TestClock.adjust("1 second")
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)))
      yield* control.injectFault({ operations: ["create"], fault: Fault.disconnect, when: "after" })
      assert.strictEqual((yield* Effect.flip(users.create({ firstName: "ghost" })))._tag, "TransportError")
      assert.strictEqual(yield* control.size, 1)
      const stats = yield* control.stats
      assert.strictEqual(stats.byFault["Status 503 (before)"], 2)
    })))

  it.effect("invalid input is refused before reaching the store, as over HTTP", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users.Users
      const control = yield* UsersTestControl.UsersTestControl
      assert.strictEqual((yield* Effect.flip(users.get("")))._tag, "InvalidRequest")
      assert.strictEqual((yield* Effect.flip(users.list({ limit: 0 })))._tag, "InvalidRequest")
      assert.strictEqual((yield* control.stats).calls, 0)
    })))

  it.effect("every build of the layer owns a fresh store; seeds from the options", () =>
    Effect.gen(function*() {
      const count = Effect.flatMap(Effect.service(Users.Users), (users) =>
        Effect.andThen(users.create({}), users.count()))
      assert.strictEqual(yield* Effect.provide(count, UsersInMemory.layer()), 1)
      assert.strictEqual(yield* Effect.provide(count, UsersInMemory.layer({ users: [{ username: "seeded" }] })), 2)
    }))

  it.effect("each change emits its row's event; seeding emits nothing; reset empties the store and the log", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users.Users
      const control = yield* UsersTestControl.UsersTestControl
      yield* control.seedUser({ username: "seeded" })
      const ada = yield* users.create({ username: "ada_l" })
      yield* users.ban(ada.id)
      yield* users.delete(ada.id)
      assert.deepStrictEqual((yield* control.emitted).map((event) => event.type), [
        "user.created",
        "user.updated",
        "user.deleted"
      ])
      // the stream replays the log, then follows: a trigger arrives after the three
      const fiber = yield* Effect.forkChild(Stream.runCollect(Stream.take(control.events, 4)))
      yield* control.trigger("user.created", { firstName: "Triggered" })
      const streamed = yield* Fiber.join(fiber)
      assert.deepStrictEqual(streamed.map((event) => event.type), [
        "user.created",
        "user.updated",
        "user.deleted",
        "user.created"
      ])
      yield* control.reset
      assert.deepStrictEqual([yield* control.size, (yield* control.emitted).length], [0, 0])
    })))

  it.effect("options that cannot be honoured are an OptionsError naming the option", () =>
    Effect.gen(function*() {
      const refused = (options: UsersInMemory.Options) =>
        Effect.flip(Effect.provide(Effect.service(Users.Users), UsersInMemory.layer(options))).pipe(
          Effect.map((error) => (error._tag === "OptionsError" ? error.option : error._tag))
        )
      assert.strictEqual(yield* refused({ apiVersion: "latest" }), "apiVersion")
      assert.strictEqual(
        yield* refused({ rateLimits: { instance: { requests: 0, windowMillis: 10_000 } } }),
        "rateLimits"
      )
    }))

  it.effect("rateLimits: a request over the instance budget is RateLimited with the seconds left, on the Clock", () =>
    withLayer(
      Effect.gen(function*() {
        const users = yield* Users.Users
        yield* users.count()
        yield* users.count()
        const limited = yield* Effect.flip(users.count())
        assert.strictEqual(limited._tag, "RateLimited")
        assert.deepStrictEqual(fieldOf(limited, "retryAfter"), Duration.seconds(10))
        yield* TestClock.adjust("10 seconds")
        yield* users.count()
      }),
      { rateLimits: { instance: { requests: 2, windowMillis: 10_000 } } }
    ))
})
