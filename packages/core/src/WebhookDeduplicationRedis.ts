/**
 * The webhook de-duplication store kept in Redis, for a fleet: whichever process receives a delivery, an id
 * claimed by one is a duplicate for all. Import it by path (`@effect-clerk/core/WebhookDeduplicationRedis`): it
 * needs the optional peer `ioredis`, which the package root never loads.
 *
 * A claim is one command, `SET <prefix>clerk:webhook:<id> 1 PX <ttl> NX` (the key expires with the id's time to
 * live); a release, `DEL`.
 *
 * Redis fails, the delivery does not: a command that fails or takes longer than `timeout` is answered by a local
 * in-memory store instead (duplicates are still caught within the process; across processes a message may then
 * run twice, which at-least-once delivery allows); the first failure is logged once (a warning), Redis is tried
 * again at most once per `probeInterval`, and its return is logged too.
 *
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import * as WebhookDeduplicationRedis from "@effect-clerk/core/WebhookDeduplicationRedis"
 *
 * const options: WebhookDeduplicationRedis.Options = {
 *   redis: { host: "127.0.0.1", port: 6379 },
 *   timeout: "1 second"
 * }
 * ```
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:webhook:`). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 1 s). */
  readonly timeout?: Duration.DurationInput | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.DurationInput | undefined
}

/**
 * A store in Redis with a local fallback, for the life of the scope (its connection closes with it).
 *
 * @since 0.3.0
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
      timeout: Duration.decode(options.timeout ?? Duration.millis(RemoteHealth.DEFAULT_TIMEOUT_MILLIS)),
      probeInterval: Duration.decode(
        options.probeInterval ?? Duration.millis(RemoteHealth.DEFAULT_PROBE_INTERVAL_MILLIS)
      ),
      name: "the webhook de-duplication's Redis store",
      meanwhile: "de-duplicating in this process"
    })
    const local = yield* WebhookDeduplication.makeStoreMemory()

    return {
      claim: (id, ttlMillis) =>
        tracked(
          Effect.tap(
            Effect.tryPromise(() =>
              client.set(
                Deduplication.key(options.prefix, id),
                "1",
                "PX",
                Deduplication.storeTtlMillis(ttlMillis),
                "NX"
              )
            ),
            // the local store learns the ids Redis holds too, so that an outage does not forget the latest ones
            () => local.claim(id, ttlMillis)
          ).pipe(Effect.map((reply) => reply === "OK")),
          local.claim(id, ttlMillis)
        ),
      release: (id) =>
        Effect.zipRight(
          local.release(id),
          tracked(
            Effect.asVoid(Effect.tryPromise(() => client.del(Deduplication.key(options.prefix, id)))),
            Effect.void
          )
        )
    } satisfies WebhookDeduplication.Store
  })

/**
 * The Redis store as the `DeduplicationStore` of `WebhookDeduplication.once`.
 *
 * @since 0.3.0
 * @category layers
 * @example
 * ```ts
 * import * as WebhookDeduplicationRedis from "@effect-clerk/core/WebhookDeduplicationRedis"
 *
 * const StoreLive = WebhookDeduplicationRedis.layerStore({ redis: { host: "127.0.0.1", port: 6379 } })
 * ```
 */
export const layerStore = (options: Options): Layer.Layer<WebhookDeduplication.DeduplicationStore> =>
  Layer.scoped(WebhookDeduplication.DeduplicationStore, make(options))
