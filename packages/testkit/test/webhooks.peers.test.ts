/**
 * Webhook signatures checked against libraries no one here wrote: deliveries signed by the kernel's `Svix.sign`
 * pass `@clerk/backend`'s `verifyWebhook` and `standardwebhooks`' `Webhook.verify` (the library Svix's scheme
 * is published as, which `@clerk/backend` itself uses); deliveries signed by `standardwebhooks` pass core's
 * `Webhooks.verify`; Svix's published test vector holds for all three; and on tampered bodies, wrong secrets,
 * stale or future timestamps and rotated secrets, core's verdict is the libraries'.
 */
import { verifyWebhook } from "@clerk/backend/webhooks"
import { Webhooks } from "@effect-clerk/core"
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as Result from "@effect-clerk/kernel/Result"
import * as Svix from "@effect-clerk/kernel/Svix"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { Webhook } from "standardwebhooks"

const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: `{"test": 2432232314}`,
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
}

const secretOf = (text: string): Svix.Secret => {
  const parsed = Svix.parseSecret(text)
  if (Result.isErr(parsed)) throw new Error(parsed.error)
  return parsed.value
}

const SECRET = Svix.generateSecret((size) => new Uint8Array(size).map((_, i) => i * 7 + 1))
const OTHER = Svix.generateSecret((size) => new Uint8Array(size).map((_, i) => 255 - i))

const event = (type: string, data: unknown) =>
  JSON.stringify({
    data,
    object: "event",
    type,
    timestamp: 1_700_000_000_000,
    instance_id: "ins_2peer",
    event_attributes: { http_request: { client_ip: "198.51.100.7", user_agent: "curl/8.5.0" } }
  })

const BODY = event("user.created", Fixtures.userFull)

const svixHeaders = (id: string, timestamp: number, signature: string) => ({
  "svix-id": id,
  "svix-timestamp": String(timestamp),
  "svix-signature": signature
})

const standardHeaders = (id: string, timestamp: number, signature: string) => ({
  "webhook-id": id,
  "webhook-timestamp": String(timestamp),
  "webhook-signature": signature
})

/** Whether `standardwebhooks` accepts the delivery (it reads the real clock). */
const libraryAccepts = (secret: string, body: string, headers: Record<string, string>): boolean => {
  try {
    new Webhook(secret).verify(body, headers)
    return true
  } catch {
    return false
  }
}

/** Whether core's `verify` accepts it at `nowSeconds`. */
const coreAccepts = (secret: string, body: string, headers: Record<string, string>, nowSeconds: number) =>
  Effect.zipRight(
    TestClock.setTime(nowSeconds * 1000),
    Effect.map(
      Effect.either(Webhooks.verify({ body, headers, secret: Redacted.make(secret) })),
      (result) => result._tag === "Right" || result.left._tag === "WebhookBodyInvalid"
    )
  )

describe("Svix's published test vector", () => {
  it("standardwebhooks signs it as the kernel does", () => {
    const library = new Webhook(VECTOR.secret).sign(VECTOR.id, new Date(VECTOR.timestamp * 1000), VECTOR.body)
    expect(library).toBe(VECTOR.signature)
    expect(Svix.sign(secretOf(VECTOR.secret), VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature)
  })

  it.effect("core's verify accepts it at its time (its body is not a Clerk event: the signature passes)", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(VECTOR.timestamp * 1000)
      const headers = svixHeaders(VECTOR.id, VECTOR.timestamp, VECTOR.signature)
      const result = yield* Effect.either(
        Webhooks.verify({ body: VECTOR.body, headers, secret: Redacted.make(VECTOR.secret) })
      )
      expect(result._tag === "Left" && result.left._tag).toBe("WebhookBodyInvalid")
      const tampered = yield* Effect.either(
        Webhooks.verify({ body: `${VECTOR.body} `, headers, secret: Redacted.make(VECTOR.secret) })
      )
      expect(tampered._tag === "Left" && tampered.left._tag).toBe("WebhookSignatureMismatch")
    }))
})

describe("kernel-signed deliveries pass the libraries", () => {
  it("@clerk/backend's verifyWebhook accepts one and returns its event, timestamp and instance_id included", async () => {
    const now = Math.floor(Date.now() / 1000)
    const request = new Request("http://127.0.0.1/webhooks/clerk", {
      method: "POST",
      headers: svixHeaders("msg_kernel_1", now, Svix.sign(secretOf(SECRET), "msg_kernel_1", now, BODY)),
      body: BODY
    })
    const verified = await verifyWebhook(request, { signingSecret: SECRET })
    expect(verified.type).toBe("user.created")
    expect(verified.data.id).toBe(Fixtures.userFull.id)
    expect(verified.instance_id).toBe("ins_2peer")
    expect(verified.timestamp).toBe(1_700_000_000_000)
  })

  it("@clerk/backend's verifyWebhook refuses a tampered body and a wrong secret", async () => {
    const now = Math.floor(Date.now() / 1000)
    const headers = svixHeaders("msg_kernel_2", now, Svix.sign(secretOf(SECRET), "msg_kernel_2", now, BODY))
    const post = (body: string) => new Request("http://127.0.0.1/", { method: "POST", headers, body })
    await expect(verifyWebhook(post(BODY.replace("ins_2peer", "ins_2peeR")), { signingSecret: SECRET })).rejects
      .toThrow(/verify/)
    await expect(verifyWebhook(post(BODY), { signingSecret: OTHER })).rejects.toThrow(/verify/)
    await expect(verifyWebhook(post(BODY), { signingSecret: SECRET })).resolves.toBeDefined()
  })

  it("standardwebhooks' Webhook.verify accepts kernel-signed deliveries, string or bytes", () => {
    const now = Math.floor(Date.now() / 1000)
    const signature = Svix.sign(secretOf(SECRET), "msg_kernel_3", now, BODY)
    const headers = standardHeaders("msg_kernel_3", now, signature)
    expect(new Webhook(SECRET).verify(BODY, headers)).toEqual(JSON.parse(BODY))
    expect(new Webhook(SECRET).verify(Buffer.from(BODY), headers)).toEqual(JSON.parse(BODY))
  })
})

describe("library-signed deliveries pass core's verify", () => {
  it.effect("standardwebhooks' Webhook.sign, with Svix's and Standard Webhooks' header names", () =>
    Effect.gen(function*() {
      const at = 1_700_000_123
      const signature = new Webhook(SECRET).sign("msg_lib_1", new Date(at * 1000), BODY)
      for (const headers of [svixHeaders("msg_lib_1", at, signature), standardHeaders("msg_lib_1", at, signature)]) {
        yield* TestClock.setTime(at * 1000)
        const message = yield* Webhooks.verify({ body: BODY, headers, secret: Redacted.make(SECRET) })
        expect([message.id, message.timestamp, message.event._tag]).toEqual(["msg_lib_1", at, "UserCreated"])
      }
    }))

  it.effect("a rotated secret: the header carries both signatures, and either secret verifies", () =>
    Effect.gen(function*() {
      const at = 1_700_000_456
      const date = new Date(at * 1000)
      const both = `${new Webhook(OTHER).sign("msg_lib_2", date, BODY)} ${
        new Webhook(SECRET).sign("msg_lib_2", date, BODY)
      }`
      const headers = svixHeaders("msg_lib_2", at, both)
      expect(yield* coreAccepts(SECRET, BODY, headers, at)).toBe(true)
      expect(yield* coreAccepts(OTHER, BODY, headers, at)).toBe(true)
      const third = Svix.generateSecret((size) => new Uint8Array(size).fill(42))
      expect(yield* coreAccepts(third, BODY, headers, at)).toBe(false)
    }))
})

describe("core's verdict is standardwebhooks'", () => {
  it.effect("on tampered bodies, wrong secrets, changed ids, stale and future timestamps, rotations", () =>
    Effect.gen(function*() {
      const now = Math.floor(Date.now() / 1000)
      const sign = (secret: string, id: string, at: number, body: string) =>
        new Webhook(secret).sign(id, new Date(at * 1000), body)
      const cases: ReadonlyArray<readonly [string, string, string, Record<string, string>]> = [
        ["valid", SECRET, BODY, standardHeaders("m1", now, sign(SECRET, "m1", now, BODY))],
        ["tampered body", SECRET, `${BODY} `, standardHeaders("m1", now, sign(SECRET, "m1", now, BODY))],
        ["wrong secret", OTHER, BODY, standardHeaders("m1", now, sign(SECRET, "m1", now, BODY))],
        ["changed id", SECRET, BODY, standardHeaders("m2", now, sign(SECRET, "m1", now, BODY))],
        ["stale (10 minutes)", SECRET, BODY, standardHeaders("m1", now - 600, sign(SECRET, "m1", now - 600, BODY))],
        ["future (10 minutes)", SECRET, BODY, standardHeaders("m1", now + 600, sign(SECRET, "m1", now + 600, BODY))],
        ["4 minutes old", SECRET, BODY, standardHeaders("m1", now - 240, sign(SECRET, "m1", now - 240, BODY))],
        [
          "rotated, old first",
          SECRET,
          BODY,
          standardHeaders("m1", now, `${sign(OTHER, "m1", now, BODY)} ${sign(SECRET, "m1", now, BODY)}`)
        ],
        ["v2 entry only", SECRET, BODY, standardHeaders("m1", now, sign(SECRET, "m1", now, BODY).replace("v1,", "v2,"))]
      ]
      const verdicts = []
      for (const [name, secret, body, headers] of cases) {
        verdicts.push([name, yield* coreAccepts(secret, body, headers, now), libraryAccepts(secret, body, headers)])
      }
      expect(verdicts.map(([name, core]) => [name, core])).toEqual(verdicts.map(([name, , library]) => [name, library]))
      // the cases are not all one verdict
      expect(new Set(verdicts.map(([, core]) => core)).size).toBe(2)
    }))
})
