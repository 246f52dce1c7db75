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
export const requestsOf: (requests: number) => number = RateLimits.requestsOf

/**
 * A budget in the store's terms: whole requests (at least one) per whole milliseconds (at least one).
 *
 * @internal
 */
export const counted = (budget: Budget): RateLimits.Budget =>
  RateLimits.counted(budget.requests, Duration.toMillis(budget.window))

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

/**
 * The in-memory store: one process's windows, on `Clock`. Ended windows and passed blocks are swept once the
 * store holds many keys.
 *
 * @internal
 */
export const makeMemoryStore: Effect.Effect<Store> = Effect.sync((): Store => {
  // the kernel's store: synchronous steps, so no lock is needed around them
  const store = RateLimits.memoryStore()
  const at = <A>(f: (now: number) => A): Effect.Effect<A> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => f(now)))
  return {
    reserve: (key, budget) => at((now) => store.reserve(key, budget, now)),
    block: (key, millis) => at((now) => store.block(key, millis, now)),
    blockedFor: (key) => at((now) => store.blockedFor(key, now))
  }
})
