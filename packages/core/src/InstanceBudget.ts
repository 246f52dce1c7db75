/**
 * Clerk's instance budget (requests per window per secret key), kept by the client: every request of a `Users`
 * layer waits here, before it is sent, until it fits in the budget, so that a job never sends into a window it
 * knows to be spent; a 429 from Clerk blocks the budget until its `Retry-After` has passed, for every fiber that
 * shares the store. By default Clerk's numbers for the key (`sk_live_`: production, 1,000 per 10 s; otherwise
 * development, 100 per 10 s) less a 10 % margin (`fromKey`); `ClerkConfig`'s `instanceBudget` sets other numbers
 * or turns it off.
 *
 * The budget's windows live in a `Store`: `layerStoreMemory` (the default, one process, no dependency) keeps fixed
 * windows aligned on multiples of their length from the epoch and answers every reservation with the time to wait
 * (delay mode); a shared store (one budget for several processes, `InstanceBudgetRedis`) provides `BudgetStore`
 * with the same interface.
 * Its keys are derived from a hash of the secret key (`RateLimits.budgetKey`), never the key.
 *
 * A call that waits says so: a span event `clerk.instanceBudget.wait` on the current span and a debug log line,
 * both with the milliseconds. The wait comes before an attempt: it is not counted in the attempt's `timeout`
 * (`ClerkConfig`), which bounds one exchange with Clerk.
 *
 * @since 0.3.0
 */
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { ClerkConfig } from "./ClerkConfig.js"
import * as Internal from "./internal/instanceBudget.js"

/**
 * A budget: at most `requests` per `window`.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Duration } from "effect"
 *
 * const budget: InstanceBudget.Budget = { requests: 50, window: Duration.seconds(10) }
 * ```
 */
export interface Budget {
  readonly requests: number
  readonly window: Duration.Duration
}

/**
 * Where the windows of a budget are kept. `reserve` counts one request of `key` under `budget` and answers the
 * milliseconds to wait before sending it (0: now); `block` stops everything of `key` for `millis` (a 429's
 * `Retry-After`: the reservations made before it are void); `blockedFor` answers the milliseconds left of a block.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const store: Effect.Effect<InstanceBudget.Store> = InstanceBudget.makeStoreMemory
 * ```
 */
export interface Store {
  readonly reserve: (key: string, budget: RateLimits.Budget) => Effect.Effect<number>
  readonly block: (key: string, millis: number) => Effect.Effect<void>
  readonly blockedFor: (key: string) => Effect.Effect<number>
}

/**
 * The store the budgets are kept in. Absent, each limiter keeps its own in memory.
 *
 * @since 0.3.0
 * @category tags
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const wait = Effect.flatMap(InstanceBudget.BudgetStore, (store) =>
 *   store.reserve("clerk:example:instance", { requests: 10, windowMillis: 1000 }))
 * ```
 */
export class BudgetStore extends Context.Tag("@effect-clerk/core/InstanceBudget/BudgetStore")<BudgetStore, Store>() {}

/**
 * A new in-memory store: one process's windows, on `Clock`.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* InstanceBudget.makeStoreMemory
 *   return yield* store.reserve("clerk:example:instance", { requests: 10, windowMillis: 1000 }) // 0
 * })
 * ```
 */
export const makeStoreMemory: Effect.Effect<Store> = Internal.makeMemoryStore

/**
 * The in-memory store as a layer: the limiters built under it (by `make`, `layer`, `Users.layer`) share it.
 *
 * @since 0.3.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, InstanceBudget, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 *
 * const UsersLive = Users.layer.pipe(
 *   Layer.provide(InstanceBudget.layerStoreMemory),
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layerStoreMemory: Layer.Layer<BudgetStore> = Layer.effect(BudgetStore, makeStoreMemory)

/**
 * The default budget of a secret key: Clerk's for its kind of instance (`sk_live_`: production, otherwise
 * development) less a 10 % margin: 900 or 90 per 10 s.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Duration } from "effect"
 *
 * const budget = InstanceBudget.fromKey("sk_test_...")
 * console.log(budget.requests, Duration.toMillis(budget.window)) // 90 10000
 * ```
 */
export const fromKey = (secretKey: string): Budget => Internal.budgetOfKey(secretKey)

/**
 * The limiter: `take` waits until one more request fits in the instance budget (and counts it), `takeUser` until
 * one more write to the user fits in the per-user budget; `rateLimited` blocks the instance budget for a 429's
 * `Retry-After`. `budget` (`perUser`) is `undefined` when that pacing is off (then its take does nothing).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const paced = <A, E, R>(request: Effect.Effect<A, E, R>) =>
 *   Effect.flatMap(InstanceBudget.Limiter, (budget) => Effect.zipRight(budget.take, request))
 * ```
 */
export interface Service {
  readonly budget: Budget | undefined
  readonly perUser: Budget | undefined
  readonly take: Effect.Effect<void>
  readonly takeUser: (userId: string) => Effect.Effect<void>
  readonly rateLimited: (retryAfter: Duration.Duration) => Effect.Effect<void>
}

/**
 * The limiter of an instance. `Users.layer` uses the one in its context if there is one (so that several layers
 * share it), else builds its own from its `ClerkConfig` (`make`).
 *
 * @since 0.3.0
 * @category tags
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const budget = Effect.map(InstanceBudget.Limiter, (limiter) => limiter.budget)
 * ```
 */
export class Limiter extends Context.Tag("@effect-clerk/core/InstanceBudget/Limiter")<Limiter, Service>() {}

/**
 * No pacing.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 *
 * console.log(InstanceBudget.unlimited.budget) // undefined
 * ```
 */
export const unlimited: Service = {
  budget: undefined,
  perUser: undefined,
  take: Effect.void,
  takeUser: () => Effect.void,
  rateLimited: () => Effect.void
}

/**
 * The options of {@link make}.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 *
 * const options: InstanceBudget.Options = { secretKey: "sk_test_...", budget: InstanceBudget.fromKey("sk_test_...") }
 * ```
 */
export interface Options {
  /** The instance's secret key: only its hash names the budget in the store. */
  readonly secretKey: Redacted.Redacted<string> | string
  /** The instance budget, or `undefined` for none. */
  readonly budget: Budget | undefined
  /** The budget of writes per user (`ClerkConfig`'s `perUserWriteLimit`); absent or `undefined`: none. */
  readonly perUser?: Budget | undefined
}

/** Waits `millis`, said on the current span and in a debug log line. */
const wait = (millis: number): Effect.Effect<void> =>
  Effect.zipRight(
    Effect.zipRight(
      Effect.flatMap(Effect.option(Effect.currentSpan), (span) =>
        Option.isSome(span)
          ? Effect.flatMap(
            Clock.currentTimeNanos,
            (nanos) => Effect.sync(() => span.value.event("clerk.instanceBudget.wait", nanos, { millis }))
          )
          : Effect.void),
      Effect.logDebug(`clerk: instance budget spent, waiting ${millis} ms`)
    ),
    Effect.sleep(Duration.millis(millis))
  )

/**
 * A limiter for `options.budget`, keeping its windows in the `BudgetStore` of the context, else in a new
 * in-memory store of its own.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Duration, Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const limiter = yield* InstanceBudget.make({
 *     secretKey: "sk_test_...",
 *     budget: { requests: 5, window: Duration.seconds(1) }
 *   })
 *   yield* limiter.take
 * })
 * ```
 */
export const make = (options: Options): Effect.Effect<Service> =>
  options.budget === undefined && options.perUser === undefined ? Effect.succeed(unlimited) : Effect.gen(function*() {
    const found = yield* Effect.serviceOption(BudgetStore)
    const store = Option.isSome(found) ? found.value : yield* makeStoreMemory
    const secret = typeof options.secretKey === "string" ? options.secretKey : Redacted.value(options.secretKey)
    const prefix = RateLimits.budgetKey(secret)
    const instanceKey = `${prefix}:instance`
    // reserves one request of `key` and waits for its turn; a 429 seen meanwhile voids the reservation
    // the delay counts from the store's answer: a remote store's round trip never makes a request early
    const takeOn = (key: string, counted: RateLimits.Budget): Effect.Effect<void> =>
      Effect.flatMap(store.reserve(key, counted), (delay) =>
        delay <= 0
          ? Effect.void
          : Effect.zipRight(
            wait(delay),
            Effect.flatMap(store.blockedFor(key), (left) => left > 0 ? takeOn(key, counted) : Effect.void)
          ))
    const instance = options.budget === undefined ? undefined : Internal.counted(options.budget)
    const perUser = options.perUser === undefined ? undefined : Internal.counted(options.perUser)
    return {
      budget: options.budget,
      perUser: options.perUser,
      take: instance === undefined ? Effect.void : takeOn(instanceKey, instance),
      takeUser: perUser === undefined ? () => Effect.void : (userId) => takeOn(`${prefix}:user:${userId}`, perUser),
      rateLimited: (retryAfter) =>
        instance === undefined ? Effect.void : store.block(instanceKey, Math.ceil(Duration.toMillis(retryAfter)))
    } satisfies Service
  })

/**
 * The limiter of a `ClerkConfig` (its `instanceBudget`, by default from the key).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig, InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const limiter = InstanceBudget.fromConfig.pipe(Effect.provide(ClerkConfig.layer({ secretKey: "sk_test_..." })))
 * ```
 */
export const fromConfig: Effect.Effect<Service, never, ClerkConfig> = Effect.flatMap(
  ClerkConfig,
  (config) => make({ secretKey: config.secretKey, budget: config.instanceBudget, perUser: config.perUserWriteLimit })
)

/**
 * The limiter of a `ClerkConfig` as a layer, for several layers to share.
 *
 * @since 0.3.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, InstanceBudget, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 *
 * const UsersLive = Users.layer.pipe(
 *   Layer.provide(InstanceBudget.layer),
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer: Layer.Layer<Limiter, never, ClerkConfig> = Layer.effect(Limiter, fromConfig)
