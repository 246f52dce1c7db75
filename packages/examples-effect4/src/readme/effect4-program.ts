import { ClerkConfig, Users } from "@effect-clerk/core"
import { Effect, Layer } from "effect"
import { FetchHttpClient } from "effect/http"

// Users.layer needs a ClerkConfig and any HttpClient (fetch here; NodeHttpClient works too)
const UsersLive = Users.layer.pipe(
  Layer.provide(ClerkConfig.layerFromEnv), // CLERK_SECRET_KEY, CLERK_API_URL, CLERK_API_VERSION, CLERK_TIMEOUT
  Layer.provide(FetchHttpClient.layer)
)

const program = Effect.gen(function*() {
  const users = yield* Users.Users
  const total = yield* users.count({ banned: false })
  const newest = yield* users.list({ orderBy: "-created_at", limit: 5 })
  return { total, newest: newest.map((user) => user.id) }
})

export const main = program.pipe(Effect.provide(UsersLive))
