/**
 * The instance budget in Redis (`ioredis`), shared by every process of a fleet: each request is reserved with
 * one Lua script on Redis's clock, and a 429 seen by one process blocks the budget for all (the kernel's
 * `RedisBudget` scripts, the Effect 3 line's too). Imported by its own path
 * (`@effect-clerk/core/InstanceBudgetRedis`), not from the package root: `ioredis` is an optional peer. When Redis is slow or out, each process paces itself on a
 * share of each budget (`localShare`) in memory, and tries Redis again every `probeInterval`.
 *
 * @since 1.0.0
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
 * The options of the Redis store.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  /** How to reach Redis (`ioredis`'s options: host, port, password, db, tls...). */
  readonly redis: RedisOptions
  /** Put before every key (default none: keys start with `clerk:` and a hash of the secret key). */
  readonly prefix?: string | undefined
  /** The longest a Redis command may take before the local store answers instead (default 1 s). */
  readonly timeout?: Duration.Input | undefined
  /** The share of each budget a process uses alone while Redis is out, in (0, 1] (default 0.25). */
  readonly localShare?: number | undefined
  /** While Redis is out, how often one command tries it again (default 1 s). */
  readonly probeInterval?: Duration.Input | undefined
}

interface Scripts {
  readonly clerkReserve: (key: string, blocked: string, intervalMillis: number) => Promise<string>
  readonly clerkBlock: (key: string, millis: number) => Promise<number>
}

/**
 * A budget store in Redis, with the local fallback; the client is disconnected when the scope closes.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<InstanceBudget.Store, never, Scope.Scope> =>
  Effect.gen(function*() {
    const prefix = options.prefix ?? ""
    const share = RedisBudget.localShareOf(options.localShare)
    const { client, tracked, untracked } = yield* RedisFallback.make<Scripts>({
      redis: options.redis,
      timeout: Duration.fromInputUnsafe(options.timeout ?? Duration.millis(RemoteHealth.DEFAULT_TIMEOUT_MILLIS)),
      probeInterval: Duration.fromInputUnsafe(
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
        Effect.andThen(
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
 * The Redis store as the `BudgetStore` of the `Users` layers built in its context.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
 * import { Layer } from "effect"
 *
 * export const Shared = Users.layer.pipe(
 *   Layer.provide(InstanceBudgetRedis.layerStore({ redis: { host: "127.0.0.1", port: 6379 } }))
 * )
 * ```
 */
export const layerStore = (options: Options): Layer.Layer<InstanceBudget.BudgetStore> =>
  Layer.effect(InstanceBudget.BudgetStore, make(options))
