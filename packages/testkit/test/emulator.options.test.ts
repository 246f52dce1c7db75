/**
 * The emulator's options and its in-process client: keys that would turn authentication off are refused with a
 * typed error, an unknown API version too, and a request the client gives up on is given up inside the emulator
 * as well (as a closed socket would make it); `layerUsers` takes the client's options (`config`, an invalid one a typed
 * error) and a transport (in process or a loopback socket).
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { ClerkEmulator, Fault, UsersTestControl } from "../src/index.js"

const failure = <A, E>(exit: Exit.Exit<A, E>) => (Exit.isFailure(exit) ? exit.cause : undefined)

describe("emulator options", () => {
  it.effect("secret keys that would let requests in without one are an OptionsError, not a defect", () =>
    Effect.gen(function*() {
      for (const secretKeys of [[], [""], ["sk_test ok"], ["sk_test_ok", "\u200b"]]) {
        const exit = yield* Effect.exit(ClerkEmulator.makeApp({ secretKeys }))
        expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag, JSON.stringify(secretKeys))
          .toBe("OptionsError")
        const layer = yield* Effect.exit(Effect.provide(Users, ClerkEmulator.layerUsers({ secretKeys })))
        expect(String(failure(layer)), JSON.stringify(secretKeys)).toContain("OptionsError")
      }
    }))

  it.effect("an API version this library does not know is an OptionsError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(ClerkEmulator.makeApp({ apiVersion: "latest" }))
      expect(error._tag === "OptionsError" && error.option).toBe("apiVersion")
    }))

  it.effect("in process, a request the client abandons (timeout) is abandoned by the emulator too", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["create"], fault: Fault.latency("10 seconds") })
      const create = yield* Effect.fork(Effect.exit(users.create({ firstName: "late" })))
      yield* TestClock.adjust("1 second")
      const exit = yield* Fiber.join(create)
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error?._tag === "TransportError" && error.reason).toBe("Timeout")
      // had the emulator kept the request, its latency would end now and the user be written
      yield* TestClock.adjust("1 minute")
      expect(yield* control.size).toBe(0)
    }).pipe(
      Effect.provide(
        ClerkEmulator.layerUsers({ config: { timeout: "200 millis", retry: RetryPolicy.none } })
      )
    ))

  it.effect("layerUsers: a client option ClerkConfig refuses is an OptionsError naming config, not a defect", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        Effect.provide(
          Users,
          ClerkEmulator.layerUsers({ config: { userAgent: "bad\u0000agent", timeout: "-1 second" } })
        )
      )
      const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
      expect(error?._tag === "OptionsError" && error.option).toBe("config")
    }))

  it.live("layerUsers: config.retry is the client's policy, and wins over the top-level retry", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.status(503), times: 1 })
      // no retry: the one 503 reaches the caller
      const error = yield* Effect.flip(users.count())
      expect(error._tag === "ServerError" && error.status).toBe(503)
      expect(yield* users.count()).toBe(0)
    }).pipe(
      Effect.provide(
        ClerkEmulator.layerUsers({ retry: RetryPolicy.defaultPolicy, config: { retry: RetryPolicy.none } })
      )
    ))

  it.live("layerUsers over a loopback socket: the emulator is served on a port and reached by the client given", () =>
    Effect.gen(function*() {
      const emulator = yield* ClerkEmulator.ClerkEmulator
      expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      expect(emulator.apiVersion).toBe("2025-04-10")
      const users = yield* Users
      const ada = yield* users.create({ firstName: "Ada", publicMetadata: { plan: "pro" } })
      // 2025-04-10 still takes metadata in update, on both sides
      expect((yield* users.update(ada.id, { publicMetadata: { plan: "team" } })).publicMetadata).toEqual({
        plan: "team"
      })
      const seen = yield* Effect.promise(() =>
        fetch(`${emulator.apiUrl}/users/count`, { headers: { authorization: `Bearer ${emulator.secretKey}` } })
      )
      expect(seen.status).toBe(200)
    }).pipe(
      Effect.provide(
        ClerkEmulator.layerUsers({
          apiVersion: "2025-04-10",
          transport: ClerkEmulator.loopback(FetchHttpClient.layer)
        })
      )
    ))
  it.live("layerUsers over a loopback socket: every request goes through the client layer given, over the socket", () => {
    const sent: Array<string> = []
    const Recording = Layer.effect(
      HttpClient.HttpClient,
      Effect.map(
        HttpClient.HttpClient,
        (client) =>
          HttpClient.tapRequest(client, (request) => Effect.sync(() => sent.push(`${request.method} ${request.url}`)))
      )
    ).pipe(Layer.provide(FetchHttpClient.layer))
    return Effect.gen(function*() {
      const emulator = yield* ClerkEmulator.ClerkEmulator
      const users = yield* Users
      yield* users.create({ username: "over_the_socket" })
      expect(yield* users.count()).toBe(1)
      expect(sent).toEqual([`POST ${emulator.apiUrl}/users`, `GET ${emulator.apiUrl}/users/count`])
      expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ transport: ClerkEmulator.loopback(Recording) })))
  })

  it.effect("layerUsers in process: no socket, and the same client options", () =>
    Effect.gen(function*() {
      const emulator = yield* ClerkEmulator.ClerkEmulator
      expect(emulator.apiUrl).toBe("http://clerk-emulator.invalid/v1")
      const users = yield* Users
      yield* users.create({ username: "in_process" })
      expect(yield* users.count()).toBe(1)
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ transport: ClerkEmulator.inProcess }))))
})
