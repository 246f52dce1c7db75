/**
 * `Webhooks.verify` and the event schemas: deliveries signed by the kernel's `Svix.sign` verify and decode;
 * every refusal is its own tagged error (tolerance on `TestClock`), with both header families; user events
 * decode into the `User` model, any other type as `Other`, `timestamp` and `instanceId` kept.
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as Result from "@effect-clerk/kernel/Result"
import * as Svix from "@effect-clerk/kernel/Svix"
import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { ClerkError, WebhookEvent, Webhooks } from "../src/index.js"

const SECRET_TEXT = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const secret = Redacted.make(SECRET_TEXT)
const kernelSecret = (() => {
  const parsed = Svix.parseSecret(SECRET_TEXT)
  if (Result.isErr(parsed)) throw new Error(parsed.error)
  return parsed.value
})()

/** Unix seconds of the tests' clock: TestClock is set to it before each verification. */
const NOW = 1_700_000_000

const envelope = (type: string, data: unknown) => ({
  data,
  object: "event",
  type,
  timestamp: NOW * 1000 - 42,
  instance_id: "ins_2abc",
  event_attributes: { http_request: { client_ip: "192.0.2.1", user_agent: "Mozilla/5.0" } }
})

const signed = (
  body: string,
  options: { readonly id?: string; readonly timestamp?: number; readonly family?: "svix" | "standard" } = {}
) => {
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
  Effect.zipRight(TestClock.setTime(seconds * 1000), Effect.either(Webhooks.verify({ ...input, secret })))

const userCreated = JSON.stringify(envelope("user.created", Fixtures.userFull))

describe("Webhooks.verify", () => {
  it.effect("verifies and decodes a user.created delivery, keeping timestamp and instance_id", () =>
    Effect.gen(function*() {
      const result = yield* verifyAt({ body: userCreated, headers: signed(userCreated) })
      expect(result._tag).toBe("Right")
      if (result._tag !== "Right") return
      const { event, id, timestamp } = result.right
      expect({ id, timestamp }).toEqual({ id: "msg_1", timestamp: NOW })
      expect(event._tag).toBe("UserCreated")
      if (event._tag !== "UserCreated") return
      expect(event.data.id).toBe(Fixtures.userFull.id)
      expect(event.data.emailAddresses.length).toBe(Fixtures.userFull.email_addresses.length)
      expect(event.timestamp).toBe(NOW * 1000 - 42)
      expect(event.instanceId).toBe("ins_2abc")
      expect(event.eventAttributes?.httpRequest?.clientIp).toBe("192.0.2.1")
    }))

  it.effect("takes the body as bytes, and Standard Webhooks' header names", () =>
    Effect.gen(function*() {
      const bytes = new TextEncoder().encode(userCreated)
      const result = yield* verifyAt({ body: bytes, headers: signed(userCreated, { family: "standard" }) })
      expect(result._tag).toBe("Right")
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
        if (result._tag === "Right") tags.push(result.right.event._tag)
        else tags.push(result.left._tag)
      }
      expect(tags).toEqual(["UserUpdated", "UserDeleted", "Other", "Other"])
      const other = yield* verifyAt({ body: bodies[2]!, headers: signed(bodies[2]!) })
      if (other._tag === "Right" && other.right.event._tag === "Other") {
        expect(other.right.event.data).toEqual({ id: "sess_1", whatever: [1, 2] })
        expect(other.right.event.type).toBe("session.created")
      } else expect.unreachable()
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
        expect(result._tag === "Left" && result.left._tag).toBe("WebhookBodyInvalid")
        if (result._tag === "Left" && result.left._tag === "WebhookBodyInvalid") {
          expect(result.left.id).toBe("msg_bad")
          expect(result.left.message).toContain("msg_bad")
        }
      }
      const bytes = new Uint8Array([0xff, 0xfe])
      const invalidUtf8 = yield* Effect.gen(function*() {
        yield* TestClock.setTime(NOW * 1000)
        const headers = {
          "svix-id": "msg_2",
          "svix-timestamp": String(NOW),
          "svix-signature": Svix.sign(kernelSecret, "msg_2", NOW, bytes)
        }
        return yield* Effect.either(Webhooks.verify({ body: bytes, headers, secret }))
      })
      expect(invalidUtf8._tag === "Left" && invalidUtf8.left._tag).toBe("WebhookBodyInvalid")
    }))

  it.effect("refuses a tampered body, a wrong secret, a changed id", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const tampered = yield* verifyAt({ body: userCreated.replace("ins_2abc", "ins_2abd"), headers })
      const changedId = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-id": "msg_2" } })
      yield* TestClock.setTime(NOW * 1000)
      const wrong = yield* Effect.either(Webhooks.verify({
        body: userCreated,
        headers,
        secret: Redacted.make(Svix.generateSecret((size) => new Uint8Array(size).fill(3)))
      }))
      for (const result of [tampered, changedId, wrong]) {
        expect(result._tag === "Left" && result.left).toEqual(new Webhooks.WebhookSignatureMismatch({ entries: 1 }))
      }
    }))

  it.effect("accepts any matching v1 entry (rotation)", () =>
    Effect.gen(function*() {
      const old = Svix.parseSecret(Svix.generateSecret((size) => new Uint8Array(size).fill(9)))
      if (Result.isErr(old)) return expect.unreachable()
      const headers = signed(userCreated)
      const both = `${Svix.sign(old.value, "msg_1", NOW, userCreated)} ${headers["svix-signature"]}`
      const result = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-signature": both } })
      expect(result._tag).toBe("Right")
    }))

  it.effect("tolerance: 5 minutes either way on Clock", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const tags = []
      for (const seconds of [NOW - 300, NOW + 300, NOW + 301, NOW - 301]) {
        const result = yield* verifyAt({ body: userCreated, headers }, seconds)
        tags.push(result._tag === "Right" ? "ok" : result.left)
      }
      expect(tags).toEqual([
        "ok",
        "ok",
        new Webhooks.WebhookTimestampOutsideTolerance({ direction: "past", timestamp: NOW, now: NOW + 301 }),
        new Webhooks.WebhookTimestampOutsideTolerance({ direction: "future", timestamp: NOW, now: NOW - 301 })
      ])
    }))

  it.effect("missing headers and a malformed timestamp", () =>
    Effect.gen(function*() {
      const headers = signed(userCreated)
      const missing = yield* verifyAt({ body: userCreated, headers: { "svix-id": headers["svix-id"]! } })
      expect(missing._tag === "Left" && missing.left).toEqual(
        new Webhooks.WebhookHeadersMissing({ names: ["svix-timestamp", "svix-signature"] })
      )
      const none = yield* verifyAt({ body: userCreated, headers: {} })
      expect(none._tag === "Left" && none.left._tag).toBe("WebhookHeadersMissing")
      const malformed = yield* verifyAt({ body: userCreated, headers: { ...headers, "svix-timestamp": "soon" } })
      expect(malformed._tag === "Left" && malformed.left).toEqual(new Webhooks.WebhookTimestampMalformed())
    }))

  it.effect("a malformed secret fails with WebhookSecretInvalid, quoting nothing of it", () =>
    Effect.gen(function*() {
      const result = yield* Effect.either(
        Webhooks.verify({ body: userCreated, headers: signed(userCreated), secret: Redacted.make("whsec_%%%secret") })
      )
      expect(result._tag === "Left" && result.left._tag).toBe("WebhookSecretInvalid")
      if (result._tag === "Left") expect(result.left.message).not.toContain("%%%secret")
    }))

  it.effect("errors carry the library's type id and are told apart from others", () =>
    Effect.gen(function*() {
      const result = yield* verifyAt({ body: "{}", headers: signed(userCreated) })
      if (result._tag !== "Left") return expect.unreachable()
      expect(Webhooks.isVerifyError(result.left)).toBe(true)
      expect(result.left[ClerkError.ClerkErrorTypeId]).toBe(ClerkError.ClerkErrorTypeId)
      expect(Webhooks.isVerifyError(new Error("x"))).toBe(false)
      expect(Webhooks.isVerifyError({ _tag: "WebhookSignatureMismatch" })).toBe(false)
    }))
})

describe("Webhooks.signingSecret", () => {
  const withEnv = (env: Record<string, string>) =>
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

  it.effect("reads CLERK_WEBHOOK_SIGNING_SECRET, redacted", () =>
    Effect.gen(function*() {
      const value = yield* Webhooks.signingSecret.pipe(withEnv({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET_TEXT }))
      expect(Redacted.value(value)).toBe(SECRET_TEXT)
      expect(String(value)).not.toContain("MfKQ")
    }))

  it.effect("refuses a value that is not a signing secret, without quoting it", () =>
    Effect.gen(function*() {
      const result = yield* Effect.either(
        Webhooks.signingSecret.pipe(withEnv({ CLERK_WEBHOOK_SIGNING_SECRET: "sk_test_notawebhooksecret!" }))
      )
      expect(result._tag).toBe("Left")
      if (result._tag === "Left") {
        expect(String(result.left)).toContain("CLERK_WEBHOOK_SIGNING_SECRET")
        expect(String(result.left)).not.toContain("notawebhooksecret")
      }
    }))
})

describe("WebhookEvent", () => {
  it("encodes a decoded event back to Clerk's wire form", () => {
    const wire = envelope("user.deleted", { object: "user", id: "user_1", deleted: true })
    const decoded = Schema.decodeUnknownSync(WebhookEvent.WebhookEvent)(wire)
    expect(decoded._tag).toBe("UserDeleted")
    expect(Schema.encodeSync(WebhookEvent.WebhookEvent)(decoded)).toEqual(wire)
    expect(WebhookEvent.isUserEvent(decoded)).toBe(true)
  })

  it("keeps an event without event_attributes", () => {
    const { event_attributes: _, ...wire } = envelope("organization.created", { id: "org_1" })
    const decoded = Schema.decodeUnknownSync(WebhookEvent.WebhookEvent)(wire)
    expect(decoded._tag).toBe("Other")
    expect(WebhookEvent.isUserEvent(decoded)).toBe(false)
  })
})
