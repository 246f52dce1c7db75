/**
 * The instance budget kept in Redis, for a fleet: every process whose limiters reserve in the same Redis shares
 * one budget per secret key (and one per user for user writes), so that together they stay under Clerk's limits.
 * Import it by path (`@effect-clerk/core/InstanceBudgetRedis`): it needs the optional peer `ioredis`, which the
 * package root never loads.
 *
 * Requests are spaced evenly: one every `window / requests` for the whole fleet (the generic cell rate algorithm,
 * one Lua script per reservation). The key holds the time the next request may go; a reservation goes at the
 * latest of now, that time and the end of a 429's block, and moves it one interval on. Time is Redis's (`TIME`),
 * so processes with skewed clocks share one schedule, and a key expires once its schedule has passed: nothing is
 * left behind. Why not a fixed window (`@effect/experimental`'s `RateLimiter` in delay mode): its bursts of a whole
 * window go out at the start of the client's windows, which are not Clerk's; a burst that straddles a boundary of
 * Clerk's window shares it with the next one, and the fleet benchmark measured 429s at a 10 % margin where spaced
 * requests had none (BENCHMARKS.md, "Many workers, one budget").
 *
 * Redis fails, the job does not: a reservation that fails or takes longer than `timeout` is answered by a local
 * in-memory store instead, under `localShare` of each budget; the first failure is logged once (a warning),
 * Redis is tried again at most once per `probeInterval`, and its return is logged too. A 429's block is kept
 * locally as well, so a process keeps honouring it through an outage.
 *
 * @since 0.3.0
 */
import * as RedisBudget from "@effect-clerk/kernel/RedisBudget"
import * as RemoteHealth from "@effect-clerk/kernel/RemoteHealth"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { RedisOptions } from "ioredis"
import * as InstanceBudget from "./InstanceBudget.js"
import * as RedisFallback from "./internal/redisFallback.js"

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
 *   timeout: "1 second",
 *   localShare: 0.25
 * }
 * ```
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:` and a hash of the secret key). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 1 s: a
   * slow answer still comes from the shared budget; a Redis that is down fails at once). */
  readonly timeout?: Duration.DurationInput | undefined
  /** The share of each budget a process uses alone while Redis is out, in (0, 1] (default 0.25). */
  readonly localShare?: number | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.DurationInput | undefined
}

interface Scripts {
  readonly clerkReserve: (key: string, blocked: string, intervalMillis: number) => Promise<string>
  readonly clerkBlock: (key: string, millis: number) => Promise<number>
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
    const share = RedisBudget.localShareOf(options.localShare)
    const { client, tracked, untracked } = yield* RedisFallback.make<Scripts>({
      redis: options.redis,
      timeout: Duration.decode(options.timeout ?? Duration.millis(RemoteHealth.DEFAULT_TIMEOUT_MILLIS)),
      probeInterval: Duration.decode(
        options.probeInterval ?? Duration.millis(RemoteHealth.DEFAULT_PROBE_INTERVAL_MILLIS)
      ),
      name: "the instance budget's Redis store",
      meanwhile: `pacing on ${share} of each budget locally`,
      scripts: {
        clerkReserve: { keys: 2, lua: RedisBudget.RESERVE_SCRIPT },
        clerkBlock: { keys: 1, lua: RedisBudget.BLOCK_SCRIPT }
      }
    })
    const local = yield* InstanceBudget.makeStoreMemory
    const blockKey = (key: string) => RedisBudget.blockKey(prefix, key)

    return {
      reserve: (key, budget) =>
        tracked(
          Effect.map(
            Effect.tryPromise(() =>
              client.clerkReserve(`${prefix}${key}`, blockKey(key), RedisBudget.intervalOf(budget))
            ),
            RedisBudget.delayOf
          ),
          local.reserve(key, RedisBudget.localBudget(budget, share))
        ),
      block: (key, millis) =>
        Effect.zipRight(
          local.block(key, millis),
          millis < 1
            ? Effect.void
            : untracked(
              Effect.asVoid(Effect.tryPromise(() => client.clerkBlock(blockKey(key), Math.ceil(millis)))),
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
