/**
 * The comparison of the fleet benchmark (not the library's store): an `InstanceBudget.Store` in Redis over
 * `@effect/experimental`'s `RateLimiter` in its fixed window, delay mode, as the first version of
 * `InstanceBudgetRedis` kept the budget, before it spaced the requests (no local fallback here: the algorithm only).
 *
 * The fixed window is a counter whose key lives for the backlog (`window / requests` ms per request, whole
 * milliseconds: the window is stretched so that it divides); in delay mode the k-th reservation of a key's life
 * waits until `floor((k - 1) / requests)` windows after the key was made: a window's whole budget goes at once,
 * at the start of each of the client's windows. A 429's block is a key of its own with `PX`.
 */
import { InstanceBudget } from "@effect-clerk/core"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as RateLimiterRedis from "@effect/experimental/RateLimiter/Redis"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"

/** The fixed-window store over a `RateLimiter` and a client of its own. */
export const make = (options: RedisOptions): Effect.Effect<InstanceBudget.Store, never, Scope.Scope> =>
  Effect.gen(function*() {
    // the RateLimiter's store (its own Redis client) lives as long as the scope
    const redisStore = yield* Effect.orDie(Layer.build(RateLimiterRedis.layerStore({ ...options, prefix: "" })))
    const limiter = yield* Effect.provide(RateLimiter.make, redisStore)
    const redis = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const client = new Redis(options)
        client.on("error", () => {})
        return client
      }),
      (client) => Effect.sync(() => client.disconnect())
    )
    return {
      reserve: (key, budget) => {
        const refill = Math.max(1, Math.ceil(budget.windowMillis / budget.requests))
        return Effect.orDie(Effect.map(
          limiter.consume({
            key,
            limit: budget.requests,
            window: Duration.millis(refill * budget.requests),
            algorithm: "fixed-window",
            onExceeded: "delay"
          }),
          (result) => Duration.toMillis(result.delay)
        ))
      },
      block: (key, millis) =>
        millis < 1
          ? Effect.void
          : Effect.orDie(
            Effect.asVoid(Effect.tryPromise(() => redis.set(`${key}:blocked`, "1", "PX", Math.ceil(millis))))
          ),
      blockedFor: (key) =>
        Effect.orDie(Effect.tryPromise(() => redis.pttl(`${key}:blocked`).then((left) => Math.max(0, left))))
    } satisfies InstanceBudget.Store
  })

/** The fixed-window store as the `BudgetStore` of the limiters built under it. */
export const layer = (options: RedisOptions) => Layer.scoped(InstanceBudget.BudgetStore, make(options))
