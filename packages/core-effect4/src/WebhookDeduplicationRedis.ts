/**
 * The webhook de-duplication store kept in Redis, for a fleet: whichever process receives a delivery, an id
 * claimed by one is a duplicate for all (processes of the Effect 3 line included: the keys are the kernel's
 * `Deduplication.key`). Import it by path (`@effect-clerk/core/WebhookDeduplicationRedis`): it needs the optional
 * peer `ioredis`, which the package root never loads.
 *
 * A claim is one command, `SET <prefix>clerk:webhook:<id> 1 PX <ttl> NX` (the key expires with the id's time to
 * live); a release, `DEL`.
 *
 * Redis fails, the delivery does not: a command that fails or takes longer than `timeout` is answered by a local
 * in-memory store instead (duplicates are still caught within the process); the first failure is logged once (a
 * warning), Redis is tried again at most once per `probeInterval`, and its return is logged too (the kernel's
 * `RemoteHealth`).
 *
 * @since 1.0.0
 */
import * as Deduplication from "@effect-clerk/kernel/Deduplication"
import * as RemoteHealth from "@effect-clerk/kernel/RemoteHealth"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { RedisOptions } from "ioredis"
import * as RedisFallback from "./internal/redisFallback.js"
import * as WebhookDeduplication from "./WebhookDeduplication.js"

/**
 * The options of {@link make}.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type * as WebhookDeduplicationRedis from "@effect-clerk/core/WebhookDeduplicationRedis"
 *
 * const options: WebhookDeduplicationRedis.Options = { redis: { host: "127.0.0.1", port: 6379 }, timeout: "1 second" }
 * ```
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:webhook:`). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 1 s). */
  readonly timeout?: Duration.Input | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.Input | undefined
}

/**
 * A store in Redis, with its local fallback; the client is closed with the scope.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import * as WebhookDeduplicationRedis from "@effect-clerk/core/WebhookDeduplicationRedis"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const store = yield* WebhookDeduplicationRedis.make({ redis: { host: "127.0.0.1", port: 6379 } })
 *   return yield* store.claim("msg_1", 60_000)
 * }))
 * ```
 */
export const make = (options: Options): Effect.Effect<WebhookDeduplication.Store, never, Scope.Scope> =>
  Effect.gen(function*() {
    const { client, tracked } = yield* RedisFallback.make({
      redis: options.redis,
      timeout: Duration.fromInputUnsafe(options.timeout ?? Duration.millis(RemoteHealth.DEFAULT_TIMEOUT_MILLIS)),
      probeInterval: Duration.fromInputUnsafe(
        options.probeInterval ?? Duration.millis(RemoteHealth.DEFAULT_PROBE_INTERVAL_MILLIS)
      ),
      name: "the webhook de-duplication's Redis store",
      meanwhile: "de-duplicating in this process"
    })
    const local = yield* WebhookDeduplication.makeStoreMemory()
    const store: WebhookDeduplication.Store = {
      claim: (id, ttlMillis) =>
        tracked(
          Effect.tryPromise(() =>
            client.set(Deduplication.key(options.prefix, id), "1", "PX", Deduplication.storeTtlMillis(ttlMillis), "NX")
          ).pipe(
            // the local store learns the ids Redis holds too, so that an outage does not forget the latest ones
            Effect.tap(() => local.claim(id, ttlMillis)),
            Effect.map((reply) => reply === "OK")
          ),
          local.claim(id, ttlMillis)
        ),
      release: (id) =>
        Effect.andThen(
          local.release(id),
          tracked(
            Effect.asVoid(Effect.tryPromise(() => client.del(Deduplication.key(options.prefix, id)))),
            Effect.void
          )
        )
    }
    return store
  })

/**
 * The Redis store as the `DeduplicationStore` (the client lives as long as the layer).
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import * as WebhookDeduplicationRedis from "@effect-clerk/core/WebhookDeduplicationRedis"
 *
 * const StoreLive = WebhookDeduplicationRedis.layerStore({ redis: { host: "127.0.0.1", port: 6379 } })
 * ```
 */
export const layerStore = (options: Options): Layer.Layer<WebhookDeduplication.DeduplicationStore> =>
  Layer.effect(WebhookDeduplication.DeduplicationStore, make(options))
