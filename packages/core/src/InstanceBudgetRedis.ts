/**
 * The instance budget kept in Redis, for a fleet: every process whose limiters reserve in the same Redis shares
 * one budget per secret key (and one per user for user writes), so that together they stay under Clerk's limits.
 * Import it by path (`@effect-clerk/core/InstanceBudgetRedis`): it needs the optional peers `@effect/experimental`
 * and `ioredis`, which the package root never loads.
 *
 * Reservations go through `@effect/experimental`'s `RateLimiter` (fixed window, delay mode) on its Redis store:
 * one round trip, Redis's time (processes with skewed clocks see the same windows), keys that expire once their
 * backlog is spent. A 429 sets a block key (`SET … PX Retry-After NX`) that every process reads before it sends.
 * A window needs whole milliseconds per request on Redis: the window is rounded up to one.
 *
 * Redis fails, the job does not: a command that fails or takes longer than `timeout` is answered by a local
 * in-memory store instead, under `localShare` of each budget; the first failure is logged once (a warning),
 * Redis is tried again at most once per `probeInterval`, and its return is logged too. Blocks are also kept
 * locally, so a process keeps honouring a 429 through an outage.
 *
 * @since 0.3.0
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as RateLimiterRedis from "@effect/experimental/RateLimiter/Redis"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"
import * as InstanceBudget from "./InstanceBudget.js"

/**
 * The options of {@link make}.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
 *
 * const options: InstanceBudgetRedis.Options = {
 *   redis: { host: "127.0.0.1", port: 6379 },
 *   timeout: "250 millis",
 *   localShare: 0.25
 * }
 * ```
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:` and a hash of the secret key). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 250 ms). */
  readonly timeout?: Duration.DurationInput | undefined
  /** The share of each budget a process uses alone while Redis is out, in (0, 1] (default 0.25). */
  readonly localShare?: number | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.DurationInput | undefined
}

interface Health {
  readonly down: boolean
  readonly probeAt: number
}

const shareOf = (share: number | undefined): number =>
  share !== undefined && Number.isFinite(share) && share > 0 ? Math.min(1, share) : 0.25

const describe = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  if (Cause.isTimeoutException(error)) return "timed out"
  const inner = error instanceof RateLimiter.RateLimitStoreError ? error.cause : error
  return inner instanceof Error ? inner.message : String(inner)
}

/**
 * A store in Redis with a local fallback, for the life of the scope (its connections close with it).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const store = yield* InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port: 6379 } })
 *   return yield* store.reserve("clerk:example:instance", { requests: 10, windowMillis: 1000 })
 * }))
 * ```
 */
export const make = (options: Options): Effect.Effect<InstanceBudget.Store, never, Scope.Scope> =>
  Effect.gen(function*() {
    const prefix = options.prefix ?? ""
    const timeout = Duration.decode(options.timeout ?? Duration.millis(250))
    const probeMillis = Duration.toMillis(Duration.decode(options.probeInterval ?? Duration.seconds(1)))
    const share = shareOf(options.localShare)
    // a command waits for at most one reconnection: the timeout above bounds the rest
    const redisOptions: RedisOptions = Object.assign({
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(times * 100, 2000)
    }, options.redis)

    // the RateLimiter's store lives in a scope of its own, closed without failing even when Redis is gone
    const inner = yield* Scope.make()
    yield* Effect.addFinalizer(() =>
      Effect.ignore(Effect.catchAllCause(Scope.close(inner, Exit.void), () => Effect.void))
    )
    const redisStore = yield* Layer.buildWithScope(RateLimiterRedis.layerStore({ ...redisOptions, prefix }), inner)
    const limiter = yield* Effect.provide(RateLimiter.make, redisStore)
    const client = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const redis = new Redis(redisOptions)
        // errors reach the caller through the commands; the outage is logged once by `fallback`
        redis.on("error", () => {})
        return redis
      }),
      (redis) => Effect.sync(() => redis.disconnect())
    )
    const local = yield* InstanceBudget.makeStoreMemory
    const health = yield* Ref.make<Health>({ down: false, probeAt: 0 })

    const blockKey = (key: string) => `${prefix}${key}:blocked`

    const outage = (now: number, cause: Cause.Cause<unknown>) =>
      Effect.flatMap(
        Ref.modify(health, (h): [boolean, Health] => [!h.down, { down: true, probeAt: now + probeMillis }]),
        (first) =>
          first
            ? Effect.logWarning(
              `clerk: the instance budget's Redis store is unavailable (${describe(cause)}); ` +
                `pacing on ${share} of each budget locally until it is back`
            )
            : Effect.void
      )
    const recovered = Effect.flatMap(
      Ref.modify(health, (h): [boolean, Health] => [h.down, { down: false, probeAt: 0 }]),
      (wasDown) => wasDown ? Effect.logInfo("clerk: the instance budget's Redis store is back") : Effect.void
    )

    // Reservations: Redis's answer, else (failure, timeout, or Redis out until the next probe) the local store's.
    // Only they say whether Redis is out or back, so that the two connections, which reconnect at different
    // times, make one outage.
    const tracked = <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>): Effect.Effect<A> =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const state = yield* Ref.get(health)
        if (state.down && now < state.probeAt) return yield* fallback
        const exit = yield* Effect.exit(Effect.timeout(remote, timeout))
        if (Exit.isSuccess(exit)) return yield* Effect.as(recovered, exit.value)
        return yield* Effect.zipRight(outage(now, exit.cause), fallback)
      })
    // Blocks: Redis's answer while it is up, else the local one
    const untracked = <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>): Effect.Effect<A> =>
      Effect.flatMap(
        Ref.get(health),
        (state) => state.down ? fallback : Effect.catchAllCause(Effect.timeout(remote, timeout), () => fallback)
      )

    return {
      reserve: (key, budget) => {
        const refill = Math.max(1, Math.ceil(budget.windowMillis / budget.requests))
        return tracked(
          Effect.map(
            limiter.consume({
              key,
              limit: budget.requests,
              window: Duration.millis(refill * budget.requests),
              algorithm: "fixed-window",
              onExceeded: "delay"
            }),
            (result) => Duration.toMillis(result.delay)
          ),
          local.reserve(key, {
            requests: Math.max(1, Math.floor(budget.requests * share)),
            windowMillis: budget.windowMillis
          })
        )
      },
      block: (key, millis) =>
        Effect.zipRight(
          local.block(key, millis),
          millis < 1
            ? Effect.void
            : untracked(
              Effect.asVoid(Effect.tryPromise(() => client.set(blockKey(key), "1", "PX", Math.ceil(millis), "NX"))),
              Effect.void
            )
        ),
      blockedFor: (key) =>
        Effect.zipWith(
          local.blockedFor(key),
          untracked(
            Effect.map(Effect.tryPromise(() => client.pttl(blockKey(key))), (left) => Math.max(0, left)),
            Effect.succeed(0)
          ),
          Math.max
        )
    } satisfies InstanceBudget.Store
  })

/**
 * The Redis store as the `BudgetStore` of the limiters built under it (`Users.layer`'s, `InstanceBudget.layer`).
 *
 * @since 0.3.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 *
 * const UsersLive = Users.layer.pipe(
 *   Layer.provide(InstanceBudgetRedis.layerStore({ redis: { host: "127.0.0.1", port: 6379 } })),
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layerStore = (options: Options): Layer.Layer<InstanceBudget.BudgetStore> =>
  Layer.scoped(InstanceBudget.BudgetStore, make(options))
