import { ClerkConfig, Users } from "@effect-clerk/core"
import { NodeHttpClient } from "@effect/platform-node"
import { Layer } from "effect"

// on Node: undici's client, without fetch's streams and Response objects (see BENCHMARKS.md)
export const UsersLive = Users.layer.pipe(
  Layer.provide(ClerkConfig.layerFromEnv),
  Layer.provide(NodeHttpClient.layerUndici)
)
