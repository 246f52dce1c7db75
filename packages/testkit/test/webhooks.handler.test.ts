/**
 * Core's `Webhooks.handler` on a real loopback server (`NodeHttpServer`), answering as Svix expects: 204 for a
 * verified event (a duplicate too, handled once with `WebhookDeduplication.once`), 400 for a delivery that does
 * not verify, 500 when the application's effect fails (so that Svix retries: the retry, same id, runs it again)
 * or when the signing secret is not configured (the application's fault, not the delivery's). Deliveries signed by the kernel and by `standardwebhooks`.
 */
import { WebhookDeduplication, Webhooks } from "@effect-clerk/core"
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as Result from "@effect-clerk/kernel/Result"
import * as Svix from "@effect-clerk/kernel/Svix"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import { Webhook } from "standardwebhooks"

const SECRET = Svix.generateSecret((size) => new Uint8Array(size).map((_, i) => i + 100))
const kernelSecret = (() => {
  const parsed = Svix.parseSecret(SECRET)
  if (Result.isErr(parsed)) throw new Error(parsed.error)
  return parsed.value
})()

const body = (type: string, data: unknown) =>
  JSON.stringify({ data, object: "event", type, timestamp: Date.now(), instance_id: "ins_handler" })

const created = body("user.created", Fixtures.userFull)

const headersFor = (id: string, payload: string, at = Math.floor(Date.now() / 1000)) => ({
  "svix-id": id,
  "svix-timestamp": String(at),
  "svix-signature": Svix.sign(kernelSecret, id, at, payload)
})

/** The events the application saw, and a switch that makes its effect fail. */
interface App {
  readonly seen: Ref.Ref<Array<string>>
  readonly failing: Ref.Ref<boolean>
}

/** A server with the handler on `/webhooks/clerk` (once per id, or not), and a client pointed at it. */
const serve = (
  app: App,
  options: { readonly secret?: Redacted.Redacted<string>; readonly once?: boolean; readonly maxBodyBytes?: number } = {}
) => {
  const onMessage = (message: Webhooks.Message) =>
    Effect.gen(function*() {
      yield* Ref.update(app.seen, (all) => [...all, `${message.id} ${message.event._tag}`])
      if (yield* Ref.get(app.failing)) yield* Effect.fail("the database is down")
    })
  const router = HttpRouter.empty.pipe(
    HttpRouter.post(
      "/webhooks/clerk",
      Webhooks.handler({
        onMessage: options.once === true ? WebhookDeduplication.once(onMessage) : onMessage,
        secret: options.secret,
        maxBodyBytes: options.maxBodyBytes
      })
    )
  )
  return HttpServer.serveEffect(router).pipe(Effect.provide(WebhookDeduplication.layerStoreMemory))
}

const post = (payload: string, headers: Record<string, string>) =>
  Effect.flatMap(HttpClient.HttpClient, (client) =>
    Effect.flatMap(
      client.execute(
        HttpClientRequest.post("/webhooks/clerk").pipe(
          HttpClientRequest.setHeaders(headers),
          HttpClientRequest.setBody(HttpBody.text(payload, "application/json"))
        )
      ),
      (response) => Effect.map(response.text, (text) => [response.status, text] as const)
    ))

const makeApp = Effect.all({ seen: Ref.make<Array<string>>([]), failing: Ref.make(false) })

describe("Webhooks.handler over loopback", () => {
  it.scopedLive("204 for a verified event, 400 for one that does not verify (the application never sees it)", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app, { secret: Redacted.make(SECRET) })
      expect(yield* post(created, headersFor("msg_1", created))).toEqual([204, ""])
      const tampered = yield* post(created.replace("ins_handler", "ins_other"), headersFor("msg_2", created))
      expect(tampered[0]).toBe(400)
      expect(tampered[1]).toContain("no signature matches")
      const missing = yield* post(created, {})
      expect(missing).toEqual([400, "missing webhook headers: svix-id, svix-timestamp, svix-signature"])
      const stale = yield* post(created, headersFor("msg_3", created, Math.floor(Date.now() / 1000) - 600))
      expect(stale[0]).toBe(400)
      const notAnEvent = yield* post("{}", headersFor("msg_4", "{}"))
      expect(notAnEvent[0]).toBe(400)
      expect(yield* Ref.get(app.seen)).toEqual(["msg_1 UserCreated"])
    }).pipe(Effect.provide(NodeHttpServer.layerTest)))

  it.scopedLive("a body over maxBodyBytes is refused with 400 before anything is verified or run", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app, { secret: Redacted.make(SECRET), maxBodyBytes: created.length - 1 })
      const refused = yield* post(created, headersFor("msg_big", created))
      expect(refused).toEqual([400, `the request's body is over ${created.length - 1} bytes`])
      expect(yield* Ref.get(app.seen)).toEqual([])
    }).pipe(Effect.provide(NodeHttpServer.layerTest)))

  it.scopedLive("a standardwebhooks-signed delivery with webhook-* headers, and any other event type, are 204", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app, { secret: Redacted.make(SECRET) })
      const session = body("session.created", { id: "sess_1" })
      const date = new Date()
      const signature = new Webhook(SECRET).sign("msg_s", date, session)
      const at = String(Math.floor(date.getTime() / 1000))
      const status = yield* post(session, {
        "webhook-id": "msg_s",
        "webhook-timestamp": at,
        "webhook-signature": signature
      })
      expect(status[0]).toBe(204)
      expect(yield* Ref.get(app.seen)).toEqual(["msg_s Other"])
    }).pipe(Effect.provide(NodeHttpServer.layerTest)))

  it.scopedLive("500 when the application fails; Svix's retry (same id) runs it again; a duplicate is 204, run once", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app, { secret: Redacted.make(SECRET), once: true })
      yield* Ref.set(app.failing, true)
      const failed = yield* post(created, headersFor("msg_r", created))
      expect(failed).toEqual([500, "the event's handling failed"])
      yield* Ref.set(app.failing, false)
      expect((yield* post(created, headersFor("msg_r", created)))[0]).toBe(204)
      expect((yield* post(created, headersFor("msg_r", created)))[0]).toBe(204)
      const deleted = body("user.deleted", { object: "user", id: Fixtures.userFull.id, deleted: true })
      expect((yield* post(deleted, headersFor("msg_d", deleted)))[0]).toBe(204)
      expect((yield* post(deleted, headersFor("msg_d", deleted)))[0]).toBe(204)
      expect(yield* Ref.get(app.seen)).toEqual(["msg_r UserCreated", "msg_r UserCreated", "msg_d UserDeleted"])
    }).pipe(Effect.provide(NodeHttpServer.layerTest)))

  it.scopedLive("the secret from CLERK_WEBHOOK_SIGNING_SECRET when none is given", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app)
      expect((yield* post(created, headersFor("msg_c", created)))[0]).toBe(204)
      expect(yield* Ref.get(app.seen)).toEqual(["msg_c UserCreated"])
    }).pipe(
      Effect.provide(NodeHttpServer.layerTest),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", SECRET]])))
    ))

  it.scopedLive("500 when CLERK_WEBHOOK_SIGNING_SECRET is missing", () =>
    Effect.gen(function*() {
      const app = yield* makeApp
      yield* serve(app)
      const missing = yield* post(created, headersFor("msg_m", created))
      expect(missing).toEqual([500, "the webhook signing secret is not configured"])
      expect(yield* Ref.get(app.seen)).toEqual([])
    }).pipe(Effect.provide(NodeHttpServer.layerTest), Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))))
})
