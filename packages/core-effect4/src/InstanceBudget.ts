/**
 * Client-side pacing under Clerk's rate limits: every request under the instance budget, the writes of one user
 * (`update`, `updateMetadata`, `replaceMetadata`) under the per-user write limit. The window arithmetic is the
 * kernel's (`RateLimits.reserve`, `RateLimits.block`), the same as the Effect 3 line's; a 429 blocks the
 * instance budget for its `Retry-After`, so every fiber sharing the budget waits it out.
 *
 * The budget lives in a `Store`: in memory by default (one process), or shared by several processes when a
 * `BudgetStore` is provided.
 *
 * @since 1.0.0
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
import { budgetOfKey } from "./internal/budget.js"

/**
 * A budget of `requests` per `window`.
 *
 * @since 1.0.0
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
 * Where budgets are kept: `reserve` books one request of a key and answers how long to wait for it, `block`
 * voids the key's reservations for a while (a 429), `blockedFor` says how long the key is still blocked.
 *
 * @since 1.0.0
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
 * The store the budgets of the layers built in its context share.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const wait = Effect.flatMap(Effect.service(InstanceBudget.BudgetStore), (store) =>
 *   store.reserve("clerk:example:instance", { requests: 10, windowMillis: 1000 }))
 * ```
 */
export class BudgetStore
  extends Context.Service<BudgetStore, Store>()("@effect-clerk/core/InstanceBudget/BudgetStore")
{}

/**
 * A store in memory (this process).
 *
 * @since 1.0.0
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
export const makeStoreMemory: Effect.Effect<Store> = Effect.sync((): Store => {
  const store = RateLimits.memoryStore()
  const at = <A>(f: (now: number) => A): Effect.Effect<A> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => f(now)))
  return {
    reserve: (key, budget) => at((now) => store.reserve(key, budget, now)),
    block: (key, millis) => at((now) => store.block(key, millis, now)),
    blockedFor: (key) => at((now) => store.blockedFor(key, now))
  }
})

/**
 * A layer of the memory store, for layers that should share one budget.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, InstanceBudget, Users } from "@effect-clerk/core"
 * import { Layer } from "effect"
 * import { FetchHttpClient } from "effect/http"
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
 * The instance budget of a secret key: Clerk's for its kind, less a 10 % margin.
 *
 * @since 1.0.0
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
export const fromKey = (secretKey: string): Budget => budgetOfKey(secretKey)

/**
 * The pacing of one client: `take` waits for a request of the instance budget, `takeUser` for a write of a
 * user, `rateLimited` blocks the instance budget after a 429.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const paced = <A, E, R>(request: Effect.Effect<A, E, R>) =>
 *   Effect.flatMap(Effect.service(InstanceBudget.Limiter), (budget) => Effect.andThen(budget.take, request))
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
 * The pacing the `Users` layers built in its context share (else each layer has its own).
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { InstanceBudget } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const budget = Effect.map(Effect.service(InstanceBudget.Limiter), (limiter) => limiter.budget)
 * ```
 */
export class Limiter extends Context.Service<Limiter, Service>()("@effect-clerk/core/InstanceBudget/Limiter") {}

/**
 * No pacing.
 *
 * @since 1.0.0
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
 * The options of `make`.
 *
 * @since 1.0.0
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
  /** The budget of writes per user, or `undefined` for none. */
  readonly perUser?: Budget | undefined
}

const counted = (budget: Budget): RateLimits.Budget =>
  RateLimits.counted(budget.requests, Duration.toMillis(budget.window))

const wait = (millis: number): Effect.Effect<void> =>
  Effect.logDebug(`clerk: instance budget spent, waiting ${millis} ms`).pipe(
    Effect.andThen(Effect.sleep(Duration.millis(millis)))
  )

/**
 * The pacing of a client, over the `BudgetStore` of the context or a memory store of its own.
 *
 * @since 1.0.0
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
    const takeOn = (key: string, budget: RateLimits.Budget): Effect.Effect<void> =>
      Effect.flatMap(store.reserve(key, budget), (delay) =>
        delay <= 0
          ? Effect.void
          : wait(delay).pipe(
            Effect.andThen(store.blockedFor(key)),
            Effect.flatMap((left) => left > 0 ? takeOn(key, budget) : Effect.void)
          ))
    const instance = options.budget === undefined ? undefined : counted(options.budget)
    const perUser = options.perUser === undefined ? undefined : counted(options.perUser)
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
 * The pacing of the configuration's key and limits.
 *
 * @since 1.0.0
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
  Effect.service(ClerkConfig),
  (config) => make({ secretKey: config.secretKey, budget: config.instanceBudget, perUser: config.perUserWriteLimit })
)

/**
 * A `Limiter` from the configuration, for several `Users` layers to share.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, InstanceBudget, Users } from "@effect-clerk/core"
 * import { Layer } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * const UsersLive = Users.layer.pipe(
 *   Layer.provide(InstanceBudget.layer),
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer: Layer.Layer<Limiter, never, ClerkConfig> = Layer.effect(Limiter, fromConfig)
