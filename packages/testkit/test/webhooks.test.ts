/**
 * The emulator's webhook deliveries, in process (TestClock drives the retry schedule) to an endpoint on a
 * loopback port: signed as Svix signs (checked with core's `Webhooks.verify`), Svix's retry schedule with the same
 * `svix-id`, `webhook-delivery: abort-message`, the delivery log, delivery faults, `trigger`.
 */
import { Users, Webhooks } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { ClerkEmulator, Fault, UsersTestControl } from "../src/index.js"
import type { Answer, Delivery } from "./utils/webhookReceiver.js"
import { receiver } from "./utils/webhookReceiver.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

/** The emulator in process, delivering to a fresh receiver that answers `answer`. */
const withEmulator = <A, E>(
  body: (
    endpoint: { readonly url: string; readonly next: Effect.Effect<Delivery> }
  ) => Effect.Effect<A, E, Users | UsersTestControl | ClerkEmulator.ClerkEmulator>,
  answer?: (n: number, delivery: Delivery) => Answer | undefined,
  options: ClerkEmulator.WebhookOptions = {}
) =>
  Effect.scoped(Effect.gen(function*() {
    const endpoint = yield* receiver(answer)
    const layer = ClerkEmulator.layerUsers({ webhooks: { secret: SECRET, endpoints: [endpoint.url], ...options } })
    return yield* Effect.provide(body({ url: endpoint.url, next: Queue.take(endpoint.deliveries) }), layer)
  }))

const verified = (delivery: Delivery) =>
  Webhooks.verify({ body: delivery.body, headers: delivery.headers, secret: Redacted.make(SECRET) })

/** Waits (on real I/O, not the clock) until the delivery log says `done`. */
const until = <A>(read: Effect.Effect<A>, done: (a: A) => boolean): Effect.Effect<A> =>
  Effect.flatMap(read, (a) => done(a) ? Effect.succeed(a) : Effect.zipRight(Effect.yieldNow(), until(read, done)))

describe("emulator webhooks", () => {
  it.effect("a user change is delivered signed, verified by core's Webhooks.verify, with Clerk's payload", () =>
    withEmulator(({ next }) =>
      Effect.gen(function*() {
        yield* TestClock.setTime(1_700_000_000_000)
        const users = yield* Users
        const ada = yield* users.create({ emailAddress: ["ada@example.com"], firstName: "Ada" })
        const delivery = yield* next
        expect(delivery.headers["svix-id"]).toMatch(/^msg_/)
        expect(delivery.headers["svix-timestamp"]).toBe("1700000000")
        expect(delivery.headers["content-type"]).toContain("application/json")
        const message = yield* verified(delivery)
        expect(message.id).toBe(delivery.headers["svix-id"])
        const wire = JSON.parse(delivery.body)
        expect(wire).toMatchObject({
          object: "event",
          type: "user.created",
          timestamp: 1_700_000_000_000,
          data: { id: ada.id, object: "user", first_name: "Ada" },
          event_attributes: { http_request: { client_ip: expect.any(String), user_agent: expect.any(String) } }
        })
        expect(wire.instance_id).toMatch(/^ins_/)
        const control = yield* UsersTestControl
        const log = yield* until(control.webhookDeliveries, (log) => log[0]?.state === "succeeded")
        expect(log).toHaveLength(1)
        expect(log[0]).toMatchObject({ messageId: message.id, eventType: "user.created", state: "succeeded" })
        expect(log[0]?.attempts).toEqual([{ at: 1_700_000_000_000, status: 204 }])
      })
    ))

  it.effect("a failed attempt is retried on Svix's schedule (TestClock), with the same svix-id, re-signed", () =>
    withEmulator(
      ({ next }) =>
        Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.trigger("user.updated", { firstName: "Grace" })
          const first = yield* next
          yield* TestClock.adjust("4 seconds")
          yield* Effect.yieldNow()
          expect((yield* control.webhookDeliveries)[0]?.attempts).toHaveLength(1)
          yield* TestClock.adjust("1 second")
          const second = yield* next
          expect(second.headers["svix-id"]).toBe(first.headers["svix-id"])
          expect(Number(second.headers["svix-timestamp"])).toBe(Number(first.headers["svix-timestamp"]) + 5)
          expect(second.headers["svix-signature"]).not.toBe(first.headers["svix-signature"])
          yield* verified(second)
          yield* TestClock.adjust("5 minutes")
          yield* next
          const log = yield* until(control.webhookDeliveries, (log) => log[0]?.state === "succeeded")
          expect(log[0]?.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200])
          expect(log[0]?.attempts.map((attempt) => attempt.at - log[0]!.attempts[0]!.at)).toEqual([0, 5_000, 305_000])
        }),
      (n) => ({ status: n === 1 ? 500 : n === 2 ? 503 : 200 })
    ))

  it.effect("webhook-delivery: abort-message stops the retries of the message", () =>
    withEmulator(
      ({ next }) =>
        Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.trigger("user.deleted")
          yield* next
          const log = yield* until(control.webhookDeliveries, (log) => log[0]?.state !== "pending")
          expect(log[0]?.state).toBe("aborted")
          yield* TestClock.adjust("1 day")
          expect((yield* control.webhookDeliveries)[0]?.attempts).toHaveLength(1)
        }),
      () => ({ status: 400, headers: { "webhook-delivery": "abort-message" } })
    ))

  it.effect("the schedule exhausted, the delivery has failed after eight attempts", () =>
    withEmulator(
      () =>
        Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.trigger("user.created")
          for (let i = 0; i < 8; i++) {
            yield* until(control.webhookDeliveries, (log) => (log[0]?.attempts.length ?? 0) > i)
            yield* TestClock.adjust("10 hours")
          }
          const log = yield* until(control.webhookDeliveries, (log) => log[0]?.state !== "pending")
          expect(log[0]?.state).toBe("failed")
          expect(log[0]?.attempts).toHaveLength(8)
        }),
      () => ({ status: 500 })
    ))

  it.effect("delivery faults: a duplicate has the same svix-id; a dropped first attempt is retried", () =>
    withEmulator(({ next }) =>
      Effect.gen(function*() {
        const control = yield* UsersTestControl
        yield* control.injectDeliveryFault({ fault: Fault.duplicate(), events: ["user.created"] })
        yield* control.trigger("user.created")
        const [a, b] = [yield* next, yield* next]
        expect(a.headers["svix-id"]).toBe(b.headers["svix-id"])
        yield* control.injectDeliveryFault({ fault: Fault.drop })
        yield* control.trigger("user.updated")
        yield* until(control.webhookDeliveries, (log) => log[2]?.attempts.length === 1)
        yield* TestClock.adjust("5 seconds")
        const retried = yield* next
        expect(JSON.parse(retried.body).type).toBe("user.updated")
        const log = yield* until(control.webhookDeliveries, (log) => log[2]?.state === "succeeded")
        expect(log[2]?.attempts.map((attempt) => attempt.error ?? attempt.status)).toEqual(["dropped", 204])
      })
    ))

  it.effect("an endpoint added at run time receives the events from then on; a bad URL is an OptionsError", () =>
    Effect.scoped(Effect.gen(function*() {
      const endpoint = yield* receiver()
      yield* Effect.gen(function*() {
        const emulator = yield* ClerkEmulator.ClerkEmulator
        const control = yield* UsersTestControl
        yield* control.trigger("user.created")
        yield* emulator.addWebhookEndpoint(endpoint.url)
        yield* control.trigger("user.updated")
        const delivery = yield* Queue.take(endpoint.deliveries)
        expect(JSON.parse(delivery.body).type).toBe("user.updated")
        const error = yield* Effect.flip(emulator.addWebhookEndpoint("ftp://example.com"))
        expect(error.option).toBe("webhooks.endpoints")
        // the generated secret verifies the deliveries
        yield* Webhooks.verify({ body: delivery.body, headers: delivery.headers, secret: emulator.webhookSecret })
        expect(Redacted.value(emulator.webhookSecret)).toMatch(/^whsec_/)
      }).pipe(Effect.provide(ClerkEmulator.layerUsers()))
    })))

  it.effect("a malformed secret or time scale is an OptionsError that does not repeat the secret", () =>
    Effect.gen(function*() {
      const bad = yield* Effect.flip(
        Layer.build(ClerkEmulator.layerUsers({ webhooks: { secret: "whsec_!!not-base64" } }))
      )
      expect(bad._tag).toBe("OptionsError")
      expect(JSON.stringify(bad)).not.toContain("not-base64")
      const scale = yield* Effect.flip(Layer.build(ClerkEmulator.layerUsers({ webhooks: { timeScale: 0 } })))
      expect(scale._tag).toBe("OptionsError")
    }).pipe(Effect.scoped))

  it.live("the admin API: endpoints, trigger, delivery faults, the delivery log and the emitted events", () =>
    Effect.scoped(Effect.gen(function*() {
      const endpoint = yield* receiver()
      const emulator = yield* ClerkEmulator.serve({ admin: true, webhooks: { secret: SECRET } })
      const admin = emulator.apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)
      const call = (method: string, path: string, body?: unknown) =>
        Effect.promise(async () => {
          const response = await fetch(`${admin}${path}`, {
            method,
            headers: { authorization: "Bearer sk_test_emulator", "content-type": "application/json" },
            ...(body === undefined ? {} : { body: JSON.stringify(body) })
          })
          return { status: response.status, body: await response.json() as unknown }
        })
      expect(yield* call("POST", "/webhooks/endpoints", { url: endpoint.url })).toEqual({
        status: 200,
        body: [endpoint.url]
      })
      expect((yield* call("POST", "/webhooks/endpoints", { url: "file:///etc/passwd" })).status).toBe(400)
      expect(yield* call("POST", "/webhooks/faults", { duplicate: 1, events: ["user.created"] })).toEqual({
        status: 200,
        body: { ok: true }
      })
      const triggered = yield* call("POST", "/webhooks/trigger", { type: "user.created", data: { firstName: "Ada" } })
      expect(triggered.body).toMatchObject({ type: "user.created", data: { first_name: "Ada", last_name: "User" } })
      const [a, b] = [yield* Queue.take(endpoint.deliveries), yield* Queue.take(endpoint.deliveries)]
      expect(a.headers["svix-id"]).toBe(b.headers["svix-id"])
      expect(JSON.parse(a.body)).toEqual(triggered.body)
      const log = yield* until(
        Effect.map(
          call("GET", "/webhooks/deliveries"),
          (response) => response.body as ReadonlyArray<{ state: string }>
        ),
        (log) => log.length === 2 && log.every((delivery) => delivery.state === "succeeded")
      )
      expect(log).toHaveLength(2)
      expect((yield* call("GET", "/events")).body).toEqual([triggered.body])
      expect((yield* call("POST", "/webhooks/trigger", { type: "user.banned" })).status).toBe(400)
      expect(yield* call("DELETE", "/webhooks/endpoints", { url: endpoint.url })).toEqual({ status: 200, body: [] })
      yield* call("POST", "/reset")
      expect((yield* call("GET", "/webhooks/deliveries")).body).toEqual([])
      expect((yield* call("GET", "/events")).body).toEqual([])
    })))

  it.effect("an endpoint that does not answer within 15 s fails the attempt (on Clock); the retry delivers", () =>
    withEmulator(
      ({ next }) =>
        Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.trigger("user.created")
          yield* next
          yield* TestClock.adjust("15 seconds")
          const log = yield* until(control.webhookDeliveries, (log) => log[0]?.attempts.length === 1)
          expect(log[0]?.attempts[0]?.error).toBe("timeout")
          yield* TestClock.adjust("5 seconds")
          yield* next
          const done = yield* until(control.webhookDeliveries, (log) => log[0]?.state === "succeeded")
          expect(done[0]?.attempts.map((attempt) => attempt.status)).toEqual([undefined, 204])
        }),
      (n) => n === 1 ? undefined : { status: 204 }
    ))

  it.effect("a delayed message is overtaken by a later one (reordering); webhook-delivery: disable removes the endpoint", () =>
    withEmulator(
      ({ next, url }) =>
        Effect.gen(function*() {
          const control = yield* UsersTestControl
          const emulator = yield* ClerkEmulator.ClerkEmulator
          yield* control.injectDeliveryFault({ fault: Fault.delay("10 seconds") })
          yield* control.trigger("user.created")
          yield* control.trigger("user.deleted")
          expect(JSON.parse((yield* next).body).type).toBe("user.deleted")
          yield* TestClock.adjust("10 seconds")
          expect(JSON.parse((yield* next).body).type).toBe("user.created")
          // the third delivery is answered `webhook-delivery: disable`: the endpoint is gone
          yield* control.trigger("user.updated")
          yield* next
          yield* until(control.webhookDeliveries, (log) => log[2]?.state === "succeeded")
          yield* control.trigger("user.updated")
          expect(yield* control.webhookDeliveries).toHaveLength(3)
          // adding it back delivers again
          yield* emulator.addWebhookEndpoint(url)
          yield* control.trigger("user.updated")
          yield* next
          // the event emitted while the endpoint was disabled was delivered to nobody
          const log = yield* until(control.webhookDeliveries, (log) => log[3]?.state === "succeeded")
          expect(log).toHaveLength(4)
        }),
      (n) => n === 3 ? { status: 200, headers: { "webhook-delivery": "disable" } } : { status: 204 }
    ))
})
