import { ClerkConfig, Users } from "@effect-clerk/core"
import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer } from "effect"

// every worker process builds the same layer: their requests share one budget per secret key in Redis
export const UsersFleet = Users.layer.pipe(
  Layer.provide(InstanceBudgetRedis.layerStore({
    redis: { host: process.env["REDIS_HOST"] ?? "127.0.0.1", port: 6379 },
    localShare: 0.25 // while Redis is out, each process paces itself under a quarter of each budget
  })),
  Layer.provide(ClerkConfig.layerFromEnv),
  Layer.provide(FetchHttpClient.layer)
)

// a worker's share of an import: no 429 from the fleet's own traffic, whatever the number of workers
export const tagUsers = (ids: ReadonlyArray<string>) =>
  Effect.flatMap(
    Users,
    (users) =>
      Effect.forEach(ids, (id) => users.updateMetadata(id, { privateMetadata: { migrated: true } }), {
        concurrency: 8,
        discard: true
      })
  )
