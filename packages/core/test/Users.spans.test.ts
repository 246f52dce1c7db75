/**
 * The spans of an operation, with a recording tracer: one `Users.<operation>` span per call with the user id,
 * the platform's `http.client` span of each attempt as its child, both ended; failures (from the response, from
 * the input checks, from the decode, timeouts) happen under the operation's span, so that `Cause.pretty` names
 * it; retries make one `http.client` span per attempt under the one operation span.
 */
import { userFull } from "@effect-clerk/kernel/Fixtures"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import { ClerkConfig, RetryPolicy, Users } from "../src/index.js"
import { API_URL, FakeHttp, layer as FakeHttpLayer, SECRET, usersLayer } from "./utils/FakeHttp.js"

interface Recorded {
  readonly name: string
  readonly spanId: string
  readonly parentId: string | undefined
  readonly attributes: Map<string, unknown>
  ended: boolean
  exit: Exit.Exit<unknown, unknown> | undefined
}

const recordingTracer = (spans: Array<Recorded>) => {
  let next = 0
  return Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      const spanId = `span${next++}`
      const recorded: Recorded = {
        name,
        spanId,
        parentId: parent._tag === "Some" ? parent.value.spanId : undefined,
        attributes: new Map(Object.entries(options?.attributes ?? {})),
        ended: false,
        exit: undefined
      }
      spans.push(recorded)
      return {
        _tag: "Span",
        name,
        spanId,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled: true,
        kind,
        end: (_endTime, exit) => {
          recorded.ended = true
          recorded.exit = exit
        },
        attribute: (key, value) => {
          recorded.attributes.set(key, value)
        },
        event: () => {},
        addLinks: () => {}
      } satisfies Tracer.Span
    },
    context: (f) => f()
  })
}

const traced = (spans: Array<Recorded>, options: Parameters<typeof usersLayer>[0] = {}) =>
  Layer.merge(usersLayer(options), Layer.setTracer(recordingTracer(spans)))

/** `Users.layer` over the fake client as the application wrapped it (settings made on the client itself). */
const usersLayerOver = (wrap: (client: HttpClient.HttpClient) => HttpClient.HttpClient) =>
  Users.layer.pipe(
    Layer.provideMerge(Layer.effect(HttpClient.HttpClient, Effect.map(HttpClient.HttpClient, wrap))),
    Layer.provideMerge(FakeHttpLayer),
    Layer.provide(
      ClerkConfig.layer({
        secretKey: Redacted.make(SECRET),
        apiUrl: API_URL,
        retry: RetryPolicy.none,
        perUserWriteLimit: false
      }).pipe(Layer.orDie)
    )
  )

const named = (spans: ReadonlyArray<Recorded>, name: string) => spans.filter((span) => span.name === name)

describe("spans", () => {
  it.effect("get: a Users.get span with the user id, parent of the http.client span, both ended", () => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: userFull }))
      const users = yield* Users
      const user = yield* users.get("user_2full")
      expect(user.id).toBe(userFull.id)
      const [operation] = named(spans, "Users.get")
      expect(operation?.attributes.get("clerk.user_id")).toBe("user_2full")
      const http = spans.filter((span) => span.name.startsWith("http.client"))
      expect(http).toHaveLength(1)
      expect(http[0]!.parentId).toBe(operation!.spanId)
      expect(operation!.ended && http[0]!.ended).toBe(true)
      expect(operation!.exit !== undefined && Exit.isSuccess(operation!.exit)).toBe(true)
    }).pipe(Effect.provide(traced(spans)))
  })

  it.effect.each(
    [
      ["a tracer installed: under the Users.get span", true, "Users.get"],
      ["Effect's default tracer (none installed): under the caller's span, no span of the client's", false, "caller"]
    ] as const
  )("a call made under a span of the caller's: the platform's http.client span and its trace headers, %s", (
    [, installed, expected]
  ) => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      let current: Tracer.Span | undefined
      let traceparent: string | undefined
      yield* fake.respond((request) =>
        Effect.map(Effect.orDie(Effect.currentSpan), (span) => {
          current = span
          traceparent = request.headers["traceparent"]
          return { json: userFull }
        })
      )
      const users = yield* Users
      yield* Effect.withSpan(users.get("user_2full"), "caller")
      expect(current?.name).toBe("http.client GET")
      const parent = current?.parent._tag === "Some" && current.parent.value._tag === "Span"
        ? current.parent.value.name
        : "none"
      expect(parent).toBe(expected)
      expect(named(spans, "Users.get")).toHaveLength(installed ? 1 : 0)
      expect(traceparent).toBe(`00-${current?.traceId}-${current?.spanId}-01`)
    }).pipe(Effect.provide(installed ? traced(spans) : usersLayer()))
  })

  it.effect("default tracer, no span of the caller's: no span at all, no trace headers (a fresh trace nothing records)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeHttp
      const seen: Array<string> = []
      yield* fake.respond(() =>
        Effect.map(Effect.option(Effect.currentSpan), (span) => {
          seen.push(span._tag === "Some" ? span.value.name : "none")
          return { json: userFull }
        })
      )
      const users = yield* Users
      yield* users.get("user_2full")
      yield* users.get("user_missing").pipe(Effect.ignore)
      const requests = yield* fake.requests
      expect(seen).toEqual(["none", "none"])
      expect(requests.map((request) => [request.headers["traceparent"], request.headers["b3"]])).toEqual([
        [undefined, undefined],
        [undefined, undefined]
      ])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("default tracer: an incoming trace (an external span) is continued by the platform's span", () =>
    Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: userFull }))
      const users = yield* Users
      const incoming = Tracer.externalSpan({ traceId: "a".repeat(32), spanId: "b".repeat(16), sampled: true })
      yield* users.get("user_2full").pipe(Effect.withParentSpan(incoming))
      const [request] = yield* fake.requests
      expect(request?.headers["traceparent"]).toMatch(new RegExp(`^00-${"a".repeat(32)}-[0-9a-f]{16}-01$`))
      expect(request?.headers["b3"]).toMatch(new RegExp(`^${"a".repeat(32)}-[0-9a-f]{16}-1-${"b".repeat(16)}$`))
    }).pipe(Effect.provide(usersLayer())))

  it.effect.each(
    [
      [
        "withTracerPropagation(false)",
        (client: HttpClient.HttpClient) => HttpClient.withTracerPropagation(client, false)
      ],
      [
        "withTracerDisabledWhen(() => true)",
        (client: HttpClient.HttpClient) => HttpClient.withTracerDisabledWhen(client, () => true)
      ]
    ] as const
  )(
    "the platform's settings on the client given to the layer hold: %s sends no trace headers",
    ([, wrap]) =>
      Effect.gen(function*() {
        const fake = yield* FakeHttp
        yield* fake.respond(() => ({ json: userFull }))
        const users = yield* Users
        yield* Effect.withSpan(users.get("user_2full"), "caller")
        const [request] = yield* fake.requests
        expect(request?.headers["traceparent"]).toBeUndefined()
        expect(request?.headers["b3"]).toBeUndefined()
      }).pipe(Effect.provide(usersLayerOver(wrap)))
  )

  it.effect("the operation's span is not left as the caller's current span", () => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: userFull }))
      const users = yield* Users
      yield* users.get("user_2full")
      const after = yield* Effect.option(Effect.currentSpan)
      expect(after._tag).toBe("None")
    }).pipe(Effect.provide(traced(spans)))
  })

  it.effect("failures happen under the operation's span: a 404, refused input, an undecodable body", () => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      const users = yield* Users
      yield* fake.respond(() => ({ status: 404, json: { errors: [{ code: "resource_not_found", message: "nf" }] } }))
      const notFound = yield* Effect.exit(users.get("user_missing"))
      yield* fake.respond(() => ({ json: { id: 42 } }))
      const undecodable = yield* Effect.exit(users.get("user_bad"))
      const refused = yield* Effect.exit(users.get(""))
      for (
        const [exit, tag] of [[notFound, "ResourceNotFound"], [undecodable, "DecodeError"], [
          refused,
          "InvalidRequest"
        ]] as const
      ) {
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) {
          expect(Cause.failureOption(exit.cause).pipe((o) => o._tag === "Some" && o.value._tag)).toBe(tag)
          expect(Cause.pretty(exit.cause)).toContain("Users.get")
        }
      }
      const operations = named(spans, "Users.get")
      expect(operations).toHaveLength(3)
      expect(operations.every((span) => span.ended && span.exit !== undefined && Exit.isFailure(span.exit))).toBe(true)
    }).pipe(Effect.provide(traced(spans)))
  })

  it.effect("a timeout fails under the operation's span", () => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond(() => "hang")
      const users = yield* Users
      const fiber = yield* Effect.fork(Effect.exit(users.get("user_slow")))
      yield* TestClock.adjust("11 seconds")
      const exit = yield* Fiber.join(fiber)
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit)) {
        expect(Cause.failureOption(exit.cause).pipe((o) => o._tag === "Some" && o.value._tag)).toBe("TransportError")
        expect(Cause.pretty(exit.cause)).toContain("Users.get")
      }
      expect(named(spans, "Users.get")[0]?.ended).toBe(true)
    }).pipe(Effect.provide(traced(spans, { timeout: "10 seconds" })))
  })

  it.effect("retries: one operation span, one http.client span per attempt under it", () => {
    const spans: Array<Recorded> = []
    return Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond((_, index) => (index < 2 ? { status: 503, json: { errors: [] } } : { json: userFull }))
      const users = yield* Users
      const user = yield* users.get("user_2full")
      expect(user.id).toBe(userFull.id)
      const [operation] = named(spans, "Users.get")
      const http = spans.filter((span) => span.name.startsWith("http.client"))
      expect(named(spans, "Users.get")).toHaveLength(1)
      expect(http).toHaveLength(3)
      expect(http.every((span) => span.parentId === operation!.spanId && span.ended)).toBe(true)
    }).pipe(
      Effect.provide(
        traced(spans, { retry: RetryPolicy.fromSchedule(Schedule.recurs(3)) })
      )
    )
  })
})
