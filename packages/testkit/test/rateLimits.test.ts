/**
 * Clerk's rate limits, enforced by the in-memory layer and the emulator when asked (`rateLimits`), on `Clock`:
 * the instance budget (per secret key over HTTP), the per-user write budget, `Retry-After` and Clerk's 429 body;
 * off by default.
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import { ErrorCatalogue } from "@effect-clerk/kernel"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as TestClock from "effect/TestClock"
import { ClerkEmulator, UsersInMemory, UsersTestControl } from "../src/index.js"

/** `n` counts, each one's tag or "ok". */
const counts = (n: number) =>
  Effect.flatMap(Users, (users) =>
    Effect.forEach(
      Array.from({ length: n }),
      () => Effect.match(users.count(), { onFailure: (error) => error._tag, onSuccess: () => "ok" })
    ))

const tally = (results: ReadonlyArray<string>) => {
  const out: Record<string, number> = {}
  for (const result of results) out[result] = (out[result] ?? 0) + 1
  return out
}

describe("UsersInMemory with rateLimits", () => {
  it.effect("development: 100 requests in a window, the 101st is RateLimited until the window resets", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* TestClock.adjust("2500 millis")
      expect(tally(yield* counts(100))).toEqual({ ok: 100 })
      const refused = yield* Effect.flip(users.count())
      expect(refused._tag).toBe("RateLimited")
      expect(refused._tag === "RateLimited" && refused.retryAfter).toEqual(Duration.seconds(8))
      expect(refused._tag === "RateLimited" && refused.errors[0]?.code).toBe(
        ErrorCatalogue.rateLimited(8).errors[0]?.code
      )
      yield* TestClock.adjust("7499 millis")
      expect((yield* Effect.flip(users.count()))._tag).toBe("RateLimited")
      yield* TestClock.adjust("1 millis")
      expect(yield* users.count()).toBe(0)
    }).pipe(Effect.provide(UsersInMemory.layer({ rateLimits: "development" }))))

  it.effect("the per-user write budget: the 11th update of one user in a window is refused, not another user's", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const [ada, bob] = yield* control.seedUsers([{ emailAddress: ["ada@example.com"] }, {
        emailAddress: ["bob@example.com"]
      }])
      for (let i = 0; i < 10; i++) yield* users.updateMetadata(ada!.id, { publicMetadata: { i } })
      const refused = yield* Effect.flip(users.update(ada!.id, { firstName: "Ada" }))
      expect(refused._tag).toBe("RateLimited")
      expect(refused._tag === "RateLimited" && refused.retryAfter).toEqual(Duration.seconds(10))
      expect((yield* users.update(bob!.id, { firstName: "Bob" })).firstName).toBe("Bob")
      expect((yield* users.get(ada!.id)).publicMetadata).toEqual({ i: 9 })
      yield* TestClock.adjust("10 seconds")
      expect((yield* users.update(ada!.id, { firstName: "Ada" })).firstName).toBe("Ada")
    }).pipe(Effect.provide(UsersInMemory.layer({ rateLimits: "production" }))))

  it.effect("custom limits, reset clears the windows", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      expect(tally(yield* counts(4))).toEqual({ ok: 3, RateLimited: 1 })
      yield* control.reset
      expect(tally(yield* counts(4))).toEqual({ ok: 3, RateLimited: 1 })
    }).pipe(Effect.provide(UsersInMemory.layer({ rateLimits: { instance: { requests: 3, windowMillis: 60_000 } } }))))

  it.effect("off by default: 1,001 requests in one instant all answer", () =>
    Effect.gen(function*() {
      expect(tally(yield* counts(1_001))).toEqual({ ok: 1_001 })
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("custom limits that are not positive integers are an OptionsError", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        UsersInMemory.make({ rateLimits: { instance: { requests: 0, windowMillis: 1 } } })
      )
      expect(exit).toEqual(Exit.fail(expect.objectContaining({ _tag: "OptionsError", option: "rateLimits" })))
    }))
})

const countRequest = (key: string) =>
  Effect.flatMap(
    ClerkEmulator.ClerkEmulator,
    (emulator) =>
      Effect.flatMap(HttpClient.HttpClient, (client) =>
        client.execute(
          HttpClientRequest.get(`${emulator.apiUrl}/users/count`).pipe(HttpClientRequest.bearerToken(key))
        ))
  )

describe("ClerkEmulator with rateLimits", () => {
  it.scoped("over HTTP: 429, Retry-After and Clerk's body; one instance budget per secret key", () =>
    Effect.gen(function*() {
      yield* TestClock.adjust("1 second")
      for (let i = 0; i < 2; i++) expect((yield* countRequest("sk_test_a")).status).toBe(200)
      const refused = yield* countRequest("sk_test_a")
      expect(refused.status).toBe(429)
      expect(refused.headers["retry-after"]).toBe("9")
      const body = yield* refused.json
      expect(body).toMatchObject({
        errors: ErrorCatalogue.rateLimited(9).errors.map(({ longMessage, ...rest }) => ({
          ...rest,
          long_message: longMessage
        }))
      })
      // the other key has its own budget
      expect((yield* countRequest("sk_test_b")).status).toBe(200)
      yield* TestClock.adjust("9 seconds")
      expect((yield* countRequest("sk_test_a")).status).toBe(200)
    }).pipe(
      Effect.provide(
        ClerkEmulator.layerHttpClient({
          secretKeys: ["sk_test_a", "sk_test_b"],
          rateLimits: { instance: { requests: 2, windowMillis: 10_000 } }
        })
      )
    ))

  it.scoped("through the client: the 101st request is RateLimited with its retryAfter", () =>
    Effect.gen(function*() {
      const users = yield* Users
      expect(tally(yield* counts(100))).toEqual({ ok: 100 })
      const refused = yield* Effect.flip(users.count())
      expect(refused._tag === "RateLimited" && refused.retryAfter).toEqual(Duration.seconds(10))
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ rateLimits: "development", retry: RetryPolicy.none }))))

  it.scoped("off by default over HTTP", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 120; i++) expect((yield* countRequest(ClerkEmulator.DEFAULT_SECRET_KEY)).status).toBe(200)
    }).pipe(Effect.provide(ClerkEmulator.layerHttpClient())))
})
