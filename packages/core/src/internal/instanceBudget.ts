/**
 * The instance budget's parts that `ClerkConfig` and `InstanceBudget` both need: the default budget of a key and
 * the in-memory store (the kernel's `RateLimits.reserve` and `block`: fixed windows aligned on the epoch,
 * reservations in delay mode, blocks from a 429's `Retry-After`), on `Clock`.
 *
 * @internal
 */
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as SynchronizedRef from "effect/SynchronizedRef"

/**
 * A budget of `requests` per `window`.
 *
 * @internal
 */
export interface Budget {
  readonly requests: number
  readonly window: Duration.Duration
}

/**
 * Clerk's instance budget for a secret key (`sk_live_`: production, else development) less the safety margin
 * (`RateLimits.withMargin`: 10 % of the requests).
 *
 * @internal
 */
export const budgetOfKey = (secretKey: string): Budget => {
  const budget = RateLimits.withMargin(RateLimits.presets[RateLimits.presetOfKey(secretKey)].instance)
  return { requests: budget.requests, window: Duration.millis(budget.windowMillis) }
}

/**
 * The number of requests a window allows: at least one, a whole number (`NaN` and non-finite counts are one).
 *
 * @internal
 */
export const requestsOf = (requests: number): number =>
  Number.isFinite(requests) && requests >= 1 ? Math.floor(requests) : 1

/**
 * A budget in the store's terms: whole requests (at least one) per whole milliseconds (at least one).
 *
 * @internal
 */
export const counted = (budget: Budget): RateLimits.Budget => ({
  requests: requestsOf(budget.requests),
  windowMillis: Math.max(1, Math.ceil(Duration.toMillis(budget.window)))
})

/**
 * What a store keeps for the budgets of a limiter: the shape `InstanceBudget.Store` exports.
 *
 * @internal
 */
export interface Store {
  readonly reserve: (key: string, budget: RateLimits.Budget) => Effect.Effect<number>
  readonly block: (key: string, millis: number) => Effect.Effect<void>
  readonly blockedFor: (key: string) => Effect.Effect<number>
}

type Entry = RateLimits.Reservations

const SWEEP_THRESHOLD = 10_000

/**
 * The in-memory store: one process's windows, on `Clock`. Ended windows and passed blocks are swept once the
 * store holds many keys.
 *
 * @internal
 */
export const makeMemoryStore: Effect.Effect<Store> = Effect.map(
  // a new map for each store (the map is mutated in place under the ref's lock)
  Effect.suspend(() => SynchronizedRef.make(new Map<string, Entry>())),
  (state): Store => {
    const sweep = (map: Map<string, Entry>, now: number) => {
      if (map.size <= SWEEP_THRESHOLD) return
      for (const [key, entry] of map) {
        if (entry.start + entry.windowMillis <= now && entry.blockedUntil <= now) map.delete(key)
      }
    }
    return {
      reserve: (key, budget) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          SynchronizedRef.modify(state, (map) => {
            sweep(map, now)
            const [delay, entry] = RateLimits.reserve(map.get(key), budget, now)
            map.set(key, entry)
            return [delay, map] as const
          })),
      block: (key, millis) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          SynchronizedRef.update(state, (map) => {
            // the reservations made before the block are void: the fibers holding them reserve again after it
            map.set(key, RateLimits.block(map.get(key), millis, now))
            return map
          })),
      blockedFor: (key) =>
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => Effect.map(SynchronizedRef.get(state), (map) => Math.max(0, (map.get(key)?.blockedUntil ?? 0) - now))
        )
    }
  }
)
