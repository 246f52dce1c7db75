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
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"
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
 *   timeout: "250 millis"
 * }
 * ```
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:webhook:`). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 250 ms). */
  readonly timeout?: Duration.DurationInput | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.DurationInput | undefined
}

interface Health {
  readonly down: boolean
  readonly probeAt: number
}

const describe = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  if (Cause.isTimeoutException(error)) return "timed out"
  const inner = error instanceof Cause.UnknownException ? error.error : error
  return inner instanceof Error ? inner.message : String(inner)
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
    const prefix = `${options.prefix ?? ""}clerk:webhook:`
    const timeout = Duration.decode(options.timeout ?? Duration.millis(250))
    const probeMillis = Duration.toMillis(Duration.decode(options.probeInterval ?? Duration.seconds(1)))
    const client = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const redis = new Redis(
          Object.assign({
            maxRetriesPerRequest: 1,
            retryStrategy: (times: number) => Math.min(times * 100, 2000)
          }, options.redis)
        )
        // errors reach the caller through the commands; the outage is logged once below
        redis.on("error", () => {})
        return redis
      }),
      (redis) => Effect.sync(() => redis.disconnect())
    )
    const local = yield* WebhookDeduplication.makeStoreMemory()
    const health = yield* Ref.make<Health>({ down: false, probeAt: 0 })

    const outage = (now: number, cause: Cause.Cause<unknown>) =>
      Effect.flatMap(
        Ref.modify(health, (h): [boolean, Health] => [!h.down, { down: true, probeAt: now + probeMillis }]),
        (first) =>
          first
            ? Effect.logWarning(
              `clerk: the webhook de-duplication's Redis store is unavailable (${describe(cause)}); ` +
                "de-duplicating in this process until it is back"
            )
            : Effect.void
      )
    const recovered = Effect.flatMap(
      Ref.modify(health, (h): [boolean, Health] => [h.down, { down: false, probeAt: 0 }]),
      (wasDown) => wasDown ? Effect.logInfo("clerk: the webhook de-duplication's Redis store is back") : Effect.void
    )
    const tracked = <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>): Effect.Effect<A> =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const state = yield* Ref.get(health)
        if (state.down && now < state.probeAt) return yield* fallback
        const exit = yield* Effect.exit(Effect.timeout(remote, timeout))
        if (Exit.isSuccess(exit)) return yield* Effect.as(recovered, exit.value)
        return yield* Effect.zipRight(outage(now, exit.cause), fallback)
      })

    return {
      claim: (id, ttlMillis) =>
        tracked(
          Effect.tap(
            Effect.tryPromise(() => client.set(prefix + id, "1", "PX", Math.max(1, Math.ceil(ttlMillis)), "NX")),
            // the local store learns the ids Redis holds too, so that an outage does not forget the latest ones
            () => local.claim(id, ttlMillis)
          ).pipe(Effect.map((reply) => reply === "OK")),
          local.claim(id, ttlMillis)
        ),
      release: (id) =>
        Effect.zipRight(
          local.release(id),
          tracked(Effect.asVoid(Effect.tryPromise(() => client.del(prefix + id))), Effect.void)
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
