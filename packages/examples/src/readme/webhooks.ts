import { WebhookDeduplication, Webhooks } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"

// your application's writes (UserSync.ts in packages/examples: a libSQL table that converges)
declare const upsert: (user: User, at: number) => Effect.Effect<void, Error>
declare const remove: (userId: string | undefined, at: number) => Effect.Effect<void, Error>

// POST /webhooks/clerk: verified with CLERK_WEBHOOK_SIGNING_SECRET, decoded, handled once per svix-id
const router = HttpRouter.empty.pipe(
  HttpRouter.post(
    "/webhooks/clerk",
    Webhooks.handler({
      onMessage: WebhookDeduplication.once(({ event }) => {
        switch (event._tag) {
          case "UserCreated":
          case "UserUpdated":
            return upsert(event.data, event.timestamp)
          case "UserDeleted":
            return remove(event.data.id, event.timestamp)
          case "Other": // session.*, organization.*, a type Clerk adds tomorrow
            return Effect.void
        }
      })
    })
  )
)

export const WebhooksLive = HttpServer.serve(router).pipe(
  Layer.provide(WebhookDeduplication.layerStoreMemory),
  Layer.provide(NodeHttpServer.layer(createServer, { port: 3000 }))
)
