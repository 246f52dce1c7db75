/**
 * The pipeline's steps, each on its own: fetch's `RequestInit` (redirects never followed, the layer's and the
 * caller's settings kept), the retry schedules' cache, the redaction of the errors the client builds, the
 * watchdog's start and its layer's closing; and the methods composed of steps other than the library's.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import { describe, expect, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as Tracer from "effect/Tracer"
import { DecodeError, TransportError } from "../src/ClerkError.js"
import { ClerkConfig, RetryPolicy } from "../src/index.js"
import * as Attempt from "../src/internal/attempt.js"
import * as Methods from "../src/internal/methods.js"
import * as Redact from "../src/internal/redact.js"
import * as Redirects from "../src/internal/redirects.js"
import * as RetrySchedules from "../src/internal/retrySchedules.js"
import * as Watchdog from "../src/internal/watchdog.js"
import * as FakeHttp from "./utils/FakeHttp.js"

const initOf = (context: Context.Context<never>): RequestInit =>
  Option.getOrThrow(Context.getOption(context, FetchHttpClient.RequestInit))

describe("redirects", () => {
  it("no RequestInit anywhere: redirect manual", () => {
    expect(initOf(Redirects.noFollow(undefined)(Context.empty()))).toEqual({ redirect: "manual" })
  })

  it("the layer's RequestInit, then the caller's, are kept; only redirect is forced; headers are merged", () => {
    const noFollow = Redirects.noFollow({ credentials: "omit", redirect: "follow", headers: { "x-layer": "1" } })
    expect(initOf(noFollow(Context.empty()))).toMatchObject({ credentials: "omit", redirect: "manual" })
    const caller = Context.make(FetchHttpClient.RequestInit, {
      redirect: "error",
      keepalive: true,
      headers: { "x-caller": "2" }
    })
    const init = initOf(noFollow(caller))
    expect(init).toMatchObject({ credentials: "omit", keepalive: true, redirect: "manual" })
    expect(Headers.fromInput(init.headers)).toEqual(Headers.fromInput({ "x-layer": "1", "x-caller": "2" }))
  })
})

describe("retry schedules", () => {
  it("one schedule per (policy, operation), built once", () => {
    const scheduleFor = RetrySchedules.make()
    const get = { name: "get", idempotent: true }
    const first = scheduleFor(RetryPolicy.defaultPolicy, get)
    expect(scheduleFor(RetryPolicy.defaultPolicy, get)).toBe(first)
    expect(scheduleFor(RetryPolicy.defaultPolicy, { name: "create", idempotent: false })).not.toBe(first)
    expect(scheduleFor(RetryPolicy.make({ retries: 1 }), get)).not.toBe(first)
  })
})

describe("redaction of errors", () => {
  const redact = Redact.errors(Redact.make("sk_test_secret"))

  it("an error without the key is kept as it is", () => {
    const error = new TransportError({ operation: "get", reason: "Transport", message: "connection reset" })
    expect(redact(error)).toBe(error)
  })

  it("an error with the key becomes the same error without it", () => {
    const transport = redact(
      new TransportError({ operation: "get", reason: "Timeout", message: "echo: sk_test_secret" })
    )
    expect(transport).toBeInstanceOf(TransportError)
    expect([transport.operation, transport.reason, transport.message]).toEqual(["get", "Timeout", "echo: <redacted>"])
    const decode = redact(
      new DecodeError({ operation: "list", status: 200, reason: "Json", message: "sk_test_secret" })
    )
    expect(decode).toBeInstanceOf(DecodeError)
    expect([decode.operation, decode.status, decode.reason, decode.message]).toEqual([
      "list",
      200,
      "Json",
      "<redacted>"
    ])
  })
})

describe("watchdog", () => {
  it.effect("starts once per period of work; closing its scope stops the attempts in flight", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const watchdog = yield* Scope.extend(Watchdog.make(1000), scope)
      expect(watchdog.wake()).toBeDefined()
      expect(watchdog.wake()).toBeUndefined()
      const fiber = yield* Effect.fork(Effect.never)
      const attempt: Watchdog.Attempt = { deadline: Number.MAX_SAFE_INTEGER, fiber, stopped: undefined }
      watchdog.track(attempt)
      expect(watchdog.closed()).toBe(false)
      yield* Scope.close(scope, Exit.void)
      expect(watchdog.closed()).toBe(true)
      expect(attempt.stopped).toBe("Closed")
      expect(Exit.isInterrupted(yield* Fiber.await(fiber))).toBe(true)
    }))

  it.effect("a timeout longer than a timer can wait runs attempts in the caller's fiber, without a watchdog", () =>
    Effect.gen(function*() {
      const run = yield* Attempt.make(Redirects.noFollow(undefined), Duration.days(30))
      const [callerId, attemptId] = yield* Effect.flatMap(
        Effect.fiberId,
        (caller) => run("get", Effect.map(Effect.fiberId, (attempt) => [caller, attempt] as const), undefined, true)
      )
      expect(attemptId).toEqual(callerId)
    }).pipe(Effect.scoped))
})

describe("methods composed of other steps", () => {
  const defaultTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)
  const layer = Layer.merge(
    FakeHttp.layer,
    ClerkConfig.layer({
      secretKey: Redacted.make(FakeHttp.SECRET),
      apiUrl: FakeHttp.API_URL,
      retry: RetryPolicy.none,
      perUserWriteLimit: false
    }).pipe(Layer.orDie)
  )

  it.effect("the steps given replace the library's (here: the span's policy and the decoder)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeHttp.FakeHttp
      yield* fake.respond(() => ({ json: F.userFull }))
      const spans: Array<string> = []
      const decoded: Array<string> = []
      const tracer = Tracer.make({
        span: (...args) => {
          spans.push(args[0])
          return defaultTracer.span(...args)
        },
        context: (f) => f()
      })
      const standard = yield* Methods.makeMethods()
      const replaced = yield* Methods.makeMethods({
        ...Methods.standard,
        traced: () => false,
        decoder: (operation, redactor) => {
          const decode = Methods.standard.decoder(operation, redactor)
          return (status, text, implied) => {
            decoded.push(operation.name)
            return decode(status, text, implied)
          }
        }
      })
      const library = yield* Effect.withTracer(standard["get"]!("user_1"), tracer)
      expect(library).toMatchObject({ id: F.userFull.id })
      expect(spans).toContain("Users.get")
      spans.length = 0
      const value = yield* Effect.withTracer(replaced["get"]!("user_1"), tracer)
      expect(value).toMatchObject({ id: F.userFull.id })
      expect(decoded).toEqual(["Users.get"])
      expect(spans).not.toContain("Users.get")
      expect((yield* fake.requests).length).toBe(2)
    }).pipe(Effect.scoped, Effect.provide(layer)))
})
