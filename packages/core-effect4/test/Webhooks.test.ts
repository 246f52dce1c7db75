/**
 * `Webhooks` on Effect 4: deliveries signed by the kernel's `Svix.sign` verify and decode; Svix's published test
 * vector; every refusal its own tagged error (tolerance on `TestClock`), with both header families; the signing
 * secret from the environment; the handler's statuses over `effect/http`'s `HttpServerRequest`.
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as KernelResult from "@effect-clerk/kernel/Result"
import * as Svix from "@effect-clerk/kernel/Svix"
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as HttpServerRequest from "effect/http/HttpServerRequest"
import * as HttpServerResponse from "effect/http/HttpServerResponse"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { TestClock } from "effect/testing"
import * as ClerkError from "../src/ClerkError.js"
import * as WebhookEvent from "../src/WebhookEvent.js"
import * as Webhooks from "../src/Webhooks.js"

const SECRET_TEXT = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const secret = Redacted.make(SECRET_TEXT)
const kernelSecret = (() => {
  const parsed = Svix.parseSecret(SECRET_TEXT)
  if (KernelResult.isErr(parsed)) throw new Error(parsed.error)
  return parsed.value
})()

/** Unix seconds of the tests' clock: TestClock is set to it before each verification. */
const NOW = 1_700_000_000

const envelope = (type: string, data: unknown) => ({
  data,
  object: "event" as const,
  type,
  timestamp: NOW * 1000 - 42,
  instance_id: "ins_2abc",
  event_attributes: { http_request: { client_ip: "192.0.2.1", user_agent: "Mozilla/5.0" } }
})

const signed = (
  body: string,
  options: { readonly id?: string; readonly timestamp?: number; readonly family?: "svix" | "standard" } = {}
): Record<string, string> => {
  const id = options.id ?? "msg_1"
  const timestamp = options.timestamp ?? NOW
  const names = Svix.headerNames[options.family ?? "svix"]
  return {
    [names.id]: id,
    [names.timestamp]: String(timestamp),
    [names.signature]: Svix.sign(kernelSecret, id, timestamp, body)
  }
}

const verifyAt = (input: Omit<Webhooks.VerifyInput, "secret">, seconds = NOW) =>
  Effect.andThen(TestClock.setTime(seconds * 1000), Effect.result(Webhooks.verify({ ...input, secret })))

/** The failure's tag, or "ok". */
const tagOf = (result: Result.Result<Webhooks.Message, Webhooks.VerifyError>): string =>
  Result.isSuccess(result) ? "ok" : result.failure._tag

const userCreated = JSON.stringify(envelope("user.created", Fixtures.userFull))

describe("Webhooks.verify", () => {
  it.effect("Svix's test vector: the signature verifies (the body, not an event, is then refused as such)", () =>
    Effect.gen(function*() {
      const headers = {
        "svix-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "svix-timestamp": "1614265330",
        "svix-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
      }
      const body = `{"test": 2432232314}`
      const result = yield* verifyAt({ body, headers }, 1614265330)
      assert.strictEqual(tagOf(result), "WebhookBodyInvalid")
      if (Result.isFailure(result) && result.failure._tag === "WebhookBodyInvalid") {
        assert.strictEqual(result.failure.id, "msg_p5jXN8AQM9LWM0D4loKWxJek")
      }
      const tampered = yield* verifyAt({ body: `{"test": 2432232315}`, headers }, 1614265330)
      assert.strictEqual(tagOf(tampered), "WebhookSignatureMismatch")
    }))

  it.effect("verifies and decodes a user.created delivery, keeping timestamp and instance_id", () =>
    Effect.gen(function*() {
      const result = yield* verifyAt({ body: userCreated, headers: signed(userCreated) })
      if (Result.isFailure(result)) return assert.fail(result.failure.message)
      const { event, id, timestamp } = result.success
      assert.deepStrictEqual({ id, timestamp }, { id: "msg_1", timestamp: NOW })
      if (event._tag !== "UserCreated") return assert.fail(event._tag)
      assert.strictEqual(event.data.id, Fixtures.userFull.id)
      assert.strictEqual(event.data.emailAddresses.length, Fixtures.userFull.email_addresses.length)
      assert.strictEqual(event.timestamp, NOW * 1000 - 42)
      assert.strictEqual(event.instanceId, "ins_2abc")
      assert.strictEqual(event.eventAttributes?.httpRequest?.clientIp, "192.0.2.1")
    }))

  it.effect("takes the body as bytes, and Standard Webhooks' header names", () =>
    Effect.gen(function*() {
      const bytes = new TextEncoder().encode(userCreated)
      const result = yield* verifyAt({ body: bytes, headers: signed(userCreated, { family: "standard" }) })
      assert.strictEqual(tagOf(result), "ok")
    }))

  it.effect("decodes user.updated and user.deleted, and any other type as Other", () =>
    Effect.gen(function*() {
      const bodies = [
        envelope("user.updated", Fixtures.userMinimal),
        envelope("user.deleted", { object: "user", id: "user_1", deleted: true }),
        envelope("session.created", { id: "sess_1", whatever: [1, 2] }),
        envelope("a.type.clerk.adds.tomorrow", null)
      ].map((body) => JSON.stringify(body))
      const tags: Array<string> = []
      for (const body of bodies) {
        const result = yield* verifyAt({ body, headers: signed(body) })
        tags.push(Result.isSuccess(result) ? result.success.event._tag : result.failure._tag)
      }
      assert.deepStrictEqual(tags, ["UserUpdated", "UserDeleted", "Other", "Other"])
      const other = yield* verifyAt({ body: bodies[2]!, headers: signed(bodies[2]!) })
      if (Result.isFailure(other) || other.success.event._tag !== "Other") return assert.fail("not Other")
      assert.deepStrictEqual(other.success.event.data, { id: "sess_1", whatever: [1, 2] })
      assert.strictEqual(other.success.event.type, "session.created")
    }))

  it.effect("a signed body that is not an event fails with WebhookBodyInvalid (a bad user event is never Other)", () =>
    Effect.gen(function*() {
      const bodies = [
        "not json",
        JSON.stringify({ type: "user.created" }),
        JSON.stringify(envelope("user.created", { id: "user_1" })),
        JSON.stringify({ ...envelope("user.deleted", { id: "user_1" }), object: "not-an-event" })
      ]
      for (const body of bodies) {
        const result = yield* verifyAt({ body, headers: signed(body, { id: "msg_bad" }) })
        if (Result.isSuccess(result) || result.failure._tag !== "WebhookBodyInvalid") return assert.fail(body)
        assert.strictEqual(result.failure.id, "msg_bad")
        assert.include(result.failure.message, "msg_bad")
      }
      const bytes = new Uint8Array([0xff, 0xfe])
      const headers = {
        "svix-id": "msg_2",
        "svix-timestamp": String(NOW),
        "svix-signature": Svix.sign(kernelSecret, "msg_2", NOW, bytes)
      }
      assert.strictEqual(tagOf(yield* verifyAt({ body: bytes, headers })), "WebhookBodyInvalid")
    }))

  it.effect("refuses a tampered body, a wrong secret, a changed id", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const tampered = yield* verifyAt({ body: userCreated.replace("ins_2abc", "ins_2abd"), headers })
      const changedId = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-id": "msg_2" } })
      const wrong = yield* Effect.result(Webhooks.verify({
        body: userCreated,
        headers,
        secret: Redacted.make(Svix.generateSecret((size) => new Uint8Array(size).fill(3)))
      }))
      for (const result of [tampered, changedId, wrong]) {
        if (Result.isSuccess(result) || result.failure._tag !== "WebhookSignatureMismatch") return assert.fail()
        assert.strictEqual(result.failure.entries, 1)
        assert.strictEqual(result.failure.message, "no signature matches the message (1 v1 entry tried)")
      }
    }))

  it.effect("accepts any matching v1 entry (rotation)", () =>
    Effect.gen(function*() {
      const old = Svix.parseSecret(Svix.generateSecret((size) => new Uint8Array(size).fill(9)))
      if (KernelResult.isErr(old)) return assert.fail(old.error)
      const headers = signed(userCreated)
      const both = `${Svix.sign(old.value, "msg_1", NOW, userCreated)} ${headers["svix-signature"]}`
      const result = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-signature": both } })
      assert.strictEqual(tagOf(result), "ok")
    }))

  it.effect("tolerance: 5 minutes either way on Clock (TestClock)", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const outcomes: Array<unknown> = []
      for (const seconds of [NOW - 300, NOW + 300, NOW + 301, NOW - 301]) {
        const result = yield* verifyAt({ body: userCreated, headers }, seconds)
        outcomes.push(
          Result.isSuccess(result)
            ? "ok"
            : result.failure._tag === "WebhookTimestampOutsideTolerance"
            ? [result.failure.direction, result.failure.timestamp, result.failure.now]
            : result.failure._tag
        )
      }
      assert.deepStrictEqual(outcomes, ["ok", "ok", ["past", NOW, NOW + 301], ["future", NOW, NOW - 301]])
    }))

  it.effect("missing headers and a malformed timestamp", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const missing = yield* verifyAt({ body: userCreated, headers: { "svix-id": headers["svix-id"]! } })
      if (Result.isSuccess(missing) || missing.failure._tag !== "WebhookHeadersMissing") return assert.fail()
      assert.deepStrictEqual(missing.failure.names, ["svix-timestamp", "svix-signature"])
      assert.strictEqual(missing.failure.message, "missing webhook headers: svix-timestamp, svix-signature")
      assert.strictEqual(tagOf(yield* verifyAt({ body: userCreated, headers: {} })), "WebhookHeadersMissing")
      const malformed = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-timestamp": "soon" } })
      assert.strictEqual(tagOf(malformed), "WebhookTimestampMalformed")
    }))

  it.effect("a malformed secret fails with WebhookSecretInvalid, quoting nothing of it", () =>
    Effect.gen(function*() {
      const result = yield* Effect.result(
        Webhooks.verify({ body: userCreated, headers: signed(userCreated), secret: Redacted.make("whsec_%%%secret") })
      )
      if (Result.isSuccess(result)) return assert.fail()
      assert.strictEqual(result.failure._tag, "WebhookSecretInvalid")
      assert.notInclude(result.failure.message, "%%%secret")
    }))

  it.effect("errors carry the library's type id and are told apart from others", () =>
    Effect.gen(function*() {
      const result = yield* verifyAt({ body: "{}", headers: signed(userCreated) })
      if (Result.isSuccess(result)) return assert.fail()
      assert.isTrue(Webhooks.isVerifyError(result.failure))
      assert.strictEqual(result.failure[ClerkError.ClerkErrorTypeId], ClerkError.ClerkErrorTypeId)
      assert.isFalse(Webhooks.isVerifyError(new Error("x")))
      assert.isFalse(Webhooks.isVerifyError({ _tag: "WebhookSignatureMismatch" }))
    }))
})

const withEnv = (env: Record<string, string>) =>
  Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))

describe("Webhooks.signingSecret", () => {
  it.effect("reads CLERK_WEBHOOK_SIGNING_SECRET, redacted", () =>
    Effect.gen(function*() {
      const value = yield* Webhooks.signingSecret.pipe(withEnv({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET_TEXT }))
      assert.strictEqual(Redacted.value(value), SECRET_TEXT)
      assert.notInclude(String(value), "MfKQ")
    }))

  it.effect("refuses a value that is not a signing secret, without quoting it", () =>
    Effect.gen(function*() {
      const result = yield* Effect.result(
        Webhooks.signingSecret.pipe(withEnv({ CLERK_WEBHOOK_SIGNING_SECRET: "sk_test_notawebhooksecret!" }))
      )
      if (Result.isSuccess(result)) return assert.fail()
      assert.include(result.failure.message, "CLERK_WEBHOOK_SIGNING_SECRET")
      assert.notInclude(result.failure.message, "notawebhooksecret")
    }))
})

describe("Webhooks.handler", () => {
  /** Runs the handler on a POST of `body` with `headers`, at NOW on TestClock; the status and the text. */
  const deliver = <E>(
    body: string,
    headers: Record<string, string>,
    options: Partial<Webhooks.HandlerOptions<E, never>> = {}
  ) =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW * 1000)
      const request = HttpServerRequest.fromWeb(
        new Request("http://localhost/webhooks/clerk", { method: "POST", body, headers })
      )
      const response = yield* Webhooks.handler({ onMessage: () => Effect.void, secret, ...options }).pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, request)
      )
      const web = HttpServerResponse.toWeb(response)
      return { status: response.status, text: yield* Effect.promise(() => web.text()) }
    })

  it.effect("204 once onMessage succeeds, with the verified message", () =>
    Effect.gen(function*() {
      const seen = yield* Ref.make<Array<string>>([])
      const answer = yield* deliver(userCreated, signed(userCreated), {
        onMessage: (message) => Ref.update(seen, (all) => [...all, `${message.id} ${message.event.type}`])
      })
      assert.strictEqual(answer.status, 204)
      assert.deepStrictEqual(yield* Ref.get(seen), ["msg_1 user.created"])
    }))

  it.effect("400 with the reason when the delivery does not verify; onMessage not run", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make(0)
      const onMessage = () => Ref.update(runs, (n) => n + 1)
      const tampered = yield* deliver(userCreated.replace("ins_2abc", "ins_2abd"), signed(userCreated), { onMessage })
      assert.strictEqual(tampered.status, 400)
      assert.include(tampered.text, "no signature matches")
      const missing = yield* deliver(userCreated, {}, { onMessage })
      assert.strictEqual(missing.status, 400)
      assert.include(missing.text, "missing webhook headers")
      assert.strictEqual(yield* Ref.get(runs), 0)
    }))

  it.effect("400 for a body over maxBodyBytes, which is not verified", () =>
    Effect.gen(function*() {
      const answer = yield* deliver(userCreated, signed(userCreated), { maxBodyBytes: 100 })
      assert.strictEqual(answer.status, 400)
      assert.strictEqual(answer.text, "the request's body is over 100 bytes")
      const exact = new TextEncoder().encode(userCreated).length
      assert.strictEqual((yield* deliver(userCreated, signed(userCreated), { maxBodyBytes: exact })).status, 204)
    }))

  it.effect("500 when onMessage fails (Svix retries) or the secret is not usable", () =>
    Effect.gen(function*() {
      const failed = yield* deliver(userCreated, signed(userCreated), { onMessage: () => Effect.fail("boom") })
      assert.strictEqual(failed.status, 500)
      assert.strictEqual(failed.text, "the event's handling failed")
      const died = yield* deliver(userCreated, signed(userCreated), { onMessage: () => Effect.die("bug") })
      assert.strictEqual(died.status, 500)
      const badSecret = yield* deliver(userCreated, signed(userCreated), { secret: Redacted.make("whsec_%%%") })
      assert.strictEqual(badSecret.status, 500)
      assert.notInclude(badSecret.text, "%%%")
    }))

  it.effect("reads the secret from CLERK_WEBHOOK_SIGNING_SECRET when none is given; 500 when it is absent", () =>
    Effect.gen(function*() {
      const handle = (env: Record<string, string>) =>
        Effect.gen(function*() {
          yield* TestClock.setTime(NOW * 1000)
          const request = HttpServerRequest.fromWeb(
            new Request("http://localhost/", { method: "POST", body: userCreated, headers: signed(userCreated) })
          )
          return yield* Webhooks.handler({ onMessage: () => Effect.void }).pipe(
            Effect.provideService(HttpServerRequest.HttpServerRequest, request),
            withEnv(env)
          )
        })
      assert.strictEqual((yield* handle({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET_TEXT })).status, 204)
      assert.strictEqual((yield* handle({})).status, 500)
    }))
})

describe("WebhookEvent", () => {
  it("encodes a decoded event back to Clerk's wire form", () => {
    const wire = envelope("user.deleted", { object: "user", id: "user_1", deleted: true })
    const decoded = Schema.decodeUnknownSync(WebhookEvent.WebhookEvent)(wire)
    assert.strictEqual(decoded._tag, "UserDeleted")
    assert.deepStrictEqual(Schema.encodeSync(WebhookEvent.WebhookEvent)(decoded), wire)
    assert.isTrue(WebhookEvent.isUserEvent(decoded))
  })

  it("keeps an event without event_attributes", () => {
    const { event_attributes: _, ...wire } = envelope("organization.created", { id: "org_1" })
    const decoded = Schema.decodeUnknownSync(WebhookEvent.WebhookEvent)(wire)
    assert.strictEqual(decoded._tag, "Other")
    assert.isFalse(WebhookEvent.isUserEvent(decoded))
  })
})
