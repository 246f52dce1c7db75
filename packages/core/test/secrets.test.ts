/**
 * Secrets: with a recognizable secret key, nothing a failing or succeeding operation produces carries it: no
 * error (its message, `toString`, `toJSON`, `Inspectable` and `util.inspect` output, `Cause.pretty`), no log
 * line, no span attribute, event or recorded exit. The `Authorization` header is never logged or traced in
 * clear, even when the server echoes the key back in its answers. The same holds for the webhook signing
 * secret: no error of `Webhooks.verify`, answer, log line or span of `Webhooks.handler` carries it.
 */
import * as Svix from "@effect-clerk/kernel/Svix"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import { inspect } from "node:util"
import { ClerkConfig, RetryPolicy, Users, Webhooks } from "../src/index.js"
import { cases } from "./operationCases.js"
import type { FakeResponse } from "./utils/FakeHttp.js"
import { FakeHttp, SECRET, usersLayer } from "./utils/FakeHttp.js"

/** Another secret: the password `verifyPassword` sends must not be traced or logged either. */
const PASSWORD = "hunter2!"

interface Recorded {
  readonly lines: Array<string>
  readonly spans: Array<{
    name: string
    attributes: Map<string, unknown>
    events: Array<unknown>
    /** The exit, rendered when the span ends (inside the fiber, as an exporter renders it). */
    exit: ReadonlyArray<string>
  }>
}

/** A logger and a tracer that keep everything they are given, as text. */
const recorder = (recorded: Recorded) => {
  const logger = Logger.make((options) => {
    recorded.lines.push(Logger.logfmtLogger.log(options), Logger.stringLogger.log(options))
    recorded.lines.push(Inspectable.format(options.message), Inspectable.format(options.cause))
  })
  let next = 0
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      const span: Recorded["spans"][number] = { name, attributes: new Map(), events: [], exit: [] }
      for (const [key, value] of Object.entries(options?.attributes ?? {})) span.attributes.set(key, value)
      recorded.spans.push(span)
      const id = String(next++)
      const self: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: id,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: span.attributes,
        links,
        sampled: true,
        kind,
        end: (_endTime, exit) => {
          span.exit = exporterRenderings(exit)
        },
        attribute: (key, value) => {
          span.attributes.set(key, value)
        },
        event: (eventName, _time, attributes) => {
          span.events.push({ eventName, attributes })
        },
        addLinks: () => {}
      }
      return self
    },
    context: (f) => f()
  })
  return Layer.mergeAll(
    Logger.replace(Logger.defaultLogger, logger),
    Logger.minimumLogLevel(LogLevel.All),
    Layer.setTracer(tracer)
  )
}

/** The key, echoed back by a hostile or careless server in every place an answer can carry it. */
const echoingBody = {
  errors: [{
    code: `invalid_${SECRET}`,
    message: `Bearer ${SECRET} is not valid`,
    long_message: `Authorization: Bearer ${SECRET}`,
    meta: { header: `Bearer ${SECRET}`, nested: { key: SECRET } }
  }],
  clerk_trace_id: SECRET
}

const responses: ReadonlyArray<readonly [string, FakeResponse]> = [
  ["success", { status: 200, body: "" }], // replaced by the case's full payload
  ...[400, 401, 402, 403, 404, 409, 422, 429, 500, 503].map((status) =>
    [`${status} echoing the key`, { status, json: echoingBody, headers: { "retry-after": "0" } }] as const
  ),
  ["500 with the key in a text body", { status: 500, body: `upstream said: Authorization: Bearer ${SECRET}` }],
  ["200 of the wrong shape echoing the key", { status: 200, json: { id: SECRET, [SECRET]: SECRET } }],
  ["200 that is not JSON, echoing the key", { status: 200, body: `<html>${SECRET}</html>` }],
  ["dropped connection", "drop"]
]

const leaks = (text: string) => text.includes(SECRET) || text.includes(PASSWORD)

/** Everything an error or a cause can be turned into. */
const renderings = (exit: Exit.Exit<unknown, unknown>): ReadonlyArray<string> => {
  if (Exit.isSuccess(exit)) return []
  const out = [Cause.pretty(exit.cause), inspect(exit.cause, { depth: 20 }), Inspectable.format(exit.cause)]
  for (const error of Cause.failures(exit.cause)) {
    const e = error as Error & { readonly toJSON?: () => unknown }
    out.push(e.message, String(e), e.toString(), String(JSON.stringify(e)), String(JSON.stringify(e.toJSON?.())))
    out.push(inspect(e, { depth: 20 }), Inspectable.format(e), e.stack ?? "")
  }
  return out
}

/**
 * What a tracing exporter makes of a span's exit (as `@effect/opentelemetry` does): `Cause.pretty` as the
 * status message, and the squashed error's name, message and stack as the recorded exception.
 */
const exporterRenderings = (exit: Exit.Exit<unknown, unknown>): ReadonlyArray<string> => {
  if (Exit.isSuccess(exit)) return []
  const squashed = Cause.squash(exit.cause) as Partial<Error>
  return [Cause.pretty(exit.cause), String(squashed.name), String(squashed.message), String(squashed.stack)]
}

const spanTexts = (recorded: Recorded): ReadonlyArray<string> =>
  recorded.spans.flatMap((span) => [
    span.name,
    ...[...span.attributes].map(([key, value]) => `${key}=${Inspectable.format(value)}`),
    ...span.events.map((event) => Inspectable.format(event)),
    ...span.exit
  ])

describe("the secret key never leaks", () => {
  for (const c of cases) {
    it.effect(`${c.name}: not in errors, logs or spans, whatever the server answers`, () =>
      Effect.gen(function*() {
        const recorded: Recorded = { lines: [], spans: [] }
        const users = yield* Users
        const fake = yield* FakeHttp
        for (const [label, response] of responses) {
          yield* fake.respond(() => typeof response !== "string" && label === "success" ? { json: c.full } : response)
          const exit = yield* c.call(users).pipe(
            Effect.tapErrorCause((cause) => Effect.logError("operation failed", cause)),
            Effect.tap((value) => Effect.logDebug("operation succeeded", value)),
            Effect.exit,
            Effect.provide(recorder(recorded))
          )
          for (const text of renderings(exit)) expect(leaks(text), `${label}: ${text}`).toBe(false)
        }
        expect(recorded.spans.some((span) => span.name === `Users.${c.name}`)).toBe(true)
        expect(recorded.spans.some((span) => span.name.startsWith("http.client"))).toBe(true)
        for (const text of [...recorded.lines, ...spanTexts(recorded)]) expect(leaks(text), text).toBe(false)
        // the header is traced, redacted
        const authorization = recorded.spans.flatMap((span) =>
          [...span.attributes].filter(([key]) => key.toLowerCase().includes("authorization"))
        )
        for (const [, value] of authorization) expect(Redacted.isRedacted(value) || value === "<redacted>").toBe(true)
        // the key was really sent: redaction is not an accident of a missing header
        const requests = yield* fake.requests
        expect(requests.every((request) => request.headers["authorization"] === `Bearer ${SECRET}`)).toBe(true)
      }).pipe(Effect.provide(usersLayer({ retry: RetryPolicy.none }))))
  }

  it.effect("the configuration and the layer's service never show the key", () =>
    Effect.gen(function*() {
      const config = yield* ClerkConfig
      const users = yield* Users
      for (const value of [config, users]) {
        for (const text of [String(value), inspect(value, { depth: 20 }), Inspectable.format(value)]) {
          expect(text.includes(SECRET), text).toBe(false)
        }
      }
      expect(JSON.stringify(config).includes(SECRET)).toBe(false)
    }).pipe(Effect.provide(Layer.merge(usersLayer(), ClerkConfig.layer({ secretKey: Redacted.make(SECRET) })))))

  it.effect("an invalid configuration fails without quoting the key", () =>
    Effect.gen(function*() {
      for (const secretKey of [`${SECRET}\n`, ` ${SECRET}`, `${SECRET} extra`]) {
        const exit = yield* Effect.exit(ClerkConfig.make({ secretKey, apiUrl: "not a url", timeout: -1 }))
        expect(Exit.isFailure(exit)).toBe(true)
        for (const text of renderings(exit)) expect(text.includes(SECRET.trim()), text).toBe(false)
      }
    }))

  it.effect("a failure inside the pipeline is logged without the header (the request is in the cause)", () =>
    Effect.gen(function*() {
      const recorded: Recorded = { lines: [], spans: [] }
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => "drop")
      const exit = yield* users.get("user_1").pipe(
        Effect.tapErrorCause((cause) => Effect.logError(cause)),
        Effect.exit,
        Effect.provide(recorder(recorded))
      )
      expect(Exit.isFailure(exit)).toBe(true)
      const failure = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined
      expect(failure?._tag).toBe("TransportError")
      expect(recorded.lines.length).toBeGreaterThan(0)
      for (const text of recorded.lines) expect(text.toLowerCase().includes("bearer sk_"), text).toBe(false)
    }).pipe(Effect.provide(usersLayer())))
})

/** A webhook signing secret whose base64 part is recognizable in any text. */
const WEBHOOK_KEY = "U2VjcmV0V2ViaG9va0tleUZvclRlc3RzMDE="
const WEBHOOK_SECRET = `whsec_${WEBHOOK_KEY}`
const webhookLeaks = (text: string) => text.includes(WEBHOOK_KEY) || text.includes("SecretWebhookKey")

const webhookBody = JSON.stringify({
  data: { id: "sess_1" },
  object: "event",
  type: "session.created",
  timestamp: 1,
  instance_id: "ins_1"
})

/** A delivery to the handler, in process: the request as the platform's server would give it. */
const deliver = <E, R>(
  route: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest>,
  body: string,
  headers: Record<string, string>
) =>
  Effect.flatMap(
    Effect.provideService(
      route,
      HttpServerRequest.HttpServerRequest,
      HttpServerRequest.fromWeb(new Request("http://127.0.0.1/webhooks", { method: "POST", headers, body }))
    ),
    (response) =>
      Effect.sync(() => {
        const web = HttpServerResponse.toWeb(response)
        return Effect.promise(() => web.text())
      }).pipe(Effect.flatten)
  )

describe("the webhook signing secret never leaks", () => {
  const secretOf = (text: string) => {
    const parsed = Svix.parseSecret(text)
    if (parsed._tag === "Err") throw new Error(parsed.error)
    return parsed.value
  }
  const signedHeaders = (id: string, at: number, body: string, secret = WEBHOOK_SECRET) => ({
    "svix-id": id,
    "svix-timestamp": String(at),
    "svix-signature": Svix.sign(secretOf(secret), id, at, body)
  })

  it.effect("not in verify's errors, whatever the delivery", () =>
    Effect.gen(function*() {
      const recorded: Recorded = { lines: [], spans: [] }
      yield* TestClock.setTime(1_000_000_000)
      const at = 1_000_000
      const inputs: ReadonlyArray<Omit<Webhooks.VerifyInput, "secret">> = [
        { body: webhookBody, headers: {} },
        { body: webhookBody, headers: { ...signedHeaders("m", at, webhookBody), "svix-timestamp": "x" } },
        { body: webhookBody, headers: signedHeaders("m", at - 1_000, webhookBody) },
        { body: `${webhookBody} `, headers: signedHeaders("m", at, webhookBody) },
        { body: "{}", headers: signedHeaders("m", at, "{}") },
        { body: webhookBody, headers: signedHeaders("m", at, webhookBody) }
      ]
      const tags: Array<string> = []
      for (const input of inputs) {
        for (const secret of [WEBHOOK_SECRET, `${WEBHOOK_SECRET}!`, `whsec_${WEBHOOK_KEY} SecretWebhookKey`]) {
          const exit = yield* Webhooks.verify({ ...input, secret: Redacted.make(secret) }).pipe(
            Effect.tapErrorCause((cause) => Effect.logError("verify failed", cause)),
            Effect.exit,
            Effect.provide(recorder(recorded))
          )
          if (Exit.isFailure(exit)) tags.push(Option.getOrThrow(Cause.failureOption(exit.cause))._tag)
          for (const text of renderings(exit)) expect(webhookLeaks(text), text).toBe(false)
        }
      }
      // every refusal was met, and the last delivery verified
      expect(new Set(tags)).toEqual(
        new Set([
          "WebhookHeadersMissing",
          "WebhookTimestampMalformed",
          "WebhookTimestampOutsideTolerance",
          "WebhookSignatureMismatch",
          "WebhookBodyInvalid",
          "WebhookSecretInvalid"
        ])
      )
      expect(recorded.spans.some((span) => span.name === "Webhooks.verify")).toBe(true)
      for (const text of [...recorded.lines, ...spanTexts(recorded)]) expect(webhookLeaks(text), text).toBe(false)
    }))

  it.effect("not in the handler's answers, logs or spans (secret given, from the configuration, malformed)", () =>
    Effect.gen(function*() {
      const recorded: Recorded = { lines: [], spans: [] }
      yield* TestClock.setTime(1_000_000_000)
      const at = 1_000_000
      const failing = () => Effect.fail(new Error("the database is down"))
      const routes = [
        Webhooks.handler({ onMessage: failing, secret: Redacted.make(WEBHOOK_SECRET) }),
        Webhooks.handler({ onMessage: failing, secret: Redacted.make(`${WEBHOOK_SECRET} SecretWebhookKey`) }),
        Webhooks.handler({ onMessage: failing }).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", WEBHOOK_SECRET]])))
        ),
        Webhooks.handler({ onMessage: failing }).pipe(
          Effect.withConfigProvider(
            ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", `${WEBHOOK_SECRET}SecretWebhookKey!`]]))
          )
        )
      ]
      const deliveries: ReadonlyArray<readonly [string, Record<string, string>]> = [
        [webhookBody, signedHeaders("m", at, webhookBody)],
        [`${webhookBody} `, signedHeaders("m", at, webhookBody)],
        [webhookBody, {}]
      ]
      const answers: Array<string> = []
      for (const route of routes) {
        for (const [body, headers] of deliveries) {
          answers.push(yield* deliver(route, body, headers).pipe(Effect.provide(recorder(recorded))))
        }
      }
      expect(answers).toContain("the event's handling failed")
      expect(answers).toContain("the webhook signing secret is not configured")
      expect(recorded.spans.some((span) => span.name === "Webhooks.handle")).toBe(true)
      for (const text of [...answers, ...recorded.lines, ...spanTexts(recorded)]) {
        expect(webhookLeaks(text), text).toBe(false)
      }
    }))

  it("the kernel's parsed secret prints nothing of its key", () => {
    const secret = secretOf(WEBHOOK_SECRET)
    for (const text of [String(secret), JSON.stringify(secret), inspect(secret), Inspectable.format(secret)]) {
      expect(webhookLeaks(text), text).toBe(false)
    }
  })
})
