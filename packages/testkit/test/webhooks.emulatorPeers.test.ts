/**
 * The emulator's deliveries against the libraries Clerk's users verify with: each delivery (a user created,
 * updated, deleted, over a real loopback socket, on the real clock) passes `@clerk/backend`'s `verifyWebhook`
 * and `standardwebhooks`' `Webhook.verify`, and core's `Webhooks.verify` decodes it as the typed event, its user
 * the one the API returned.
 */
import { verifyWebhook } from "@clerk/backend/webhooks"
import { Users, Webhooks } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import { Webhook } from "standardwebhooks"
import { ClerkEmulator } from "../src/index.js"
import { receiver } from "./utils/webhookReceiver.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

describe("emulator deliveries, verified by @clerk/backend and standardwebhooks", () => {
  it.live(
    "user.created, user.updated and user.deleted pass verifyWebhook, Webhook.verify and core's verify",
    () =>
      Effect.scoped(Effect.gen(function*() {
        const endpoint = yield* receiver()
        const deliveries = yield* Effect.gen(function*() {
          const users = yield* Users
          const ada = yield* users.create({ emailAddress: ["ada@example.com"], externalId: "ext-ada" })
          yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" } })
          yield* users.delete(ada.id)
          const received = [
            yield* Queue.take(endpoint.deliveries),
            yield* Queue.take(endpoint.deliveries),
            yield* Queue.take(endpoint.deliveries)
          ]
          return { ada, received }
        }).pipe(
          Effect.provide(ClerkEmulator.layerUsers({ webhooks: { secret: SECRET, endpoints: [endpoint.url] } }))
        )
        const { ada, received } = deliveries
        // delivered concurrently: in no particular order, as Svix delivers
        const byType = new Map(received.map((delivery) => [JSON.parse(delivery.body).type as string, delivery]))
        expect([...byType.keys()].sort()).toEqual(["user.created", "user.deleted", "user.updated"])
        for (const [type, delivery] of byType) {
          const clerk = yield* Effect.promise(() =>
            verifyWebhook(
              new Request(endpoint.url, { method: "POST", headers: delivery.headers, body: delivery.body }),
              { signingSecret: SECRET }
            )
          )
          expect(clerk.type).toBe(type)
          expect(clerk.data.id).toBe(ada.id)
          const standard = new Webhook(SECRET).verify(delivery.body, {
            "webhook-id": delivery.headers["svix-id"]!,
            "webhook-timestamp": delivery.headers["svix-timestamp"]!,
            "webhook-signature": delivery.headers["svix-signature"]!
          }) as { readonly type: string }
          expect(standard.type).toBe(type)
          const message = yield* Webhooks.verify({
            body: delivery.body,
            headers: delivery.headers,
            secret: Redacted.make(SECRET)
          })
          expect(message.event.type).toBe(type)
        }
        const updated = yield* Webhooks.verify({
          body: byType.get("user.updated")!.body,
          headers: byType.get("user.updated")!.headers,
          secret: Redacted.make(SECRET)
        })
        expect(updated.event._tag).toBe("UserUpdated")
        if (updated.event._tag === "UserUpdated") {
          expect(updated.event.data.publicMetadata).toEqual({ plan: "pro" })
          expect(updated.event.data.externalId).toBe("ext-ada")
        }
        expect(JSON.parse(byType.get("user.deleted")!.body).data).toEqual({
          object: "user",
          id: ada.id,
          deleted: true,
          external_id: "ext-ada"
        })
      })),
    30_000
  )
})
