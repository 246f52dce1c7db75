/**
 * The emulator's options and its in-process client: keys that would turn authentication off are refused with a
 * typed error, an unknown API version too, and a request the client gives up on is given up inside the emulator
 * as well (as a closed socket would make it).
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
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
})
