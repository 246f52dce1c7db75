/**
 * What is done around every attempt of a call: the per-user write limit and the instance budget waited for
 * (every attempt, retries included), a 429 blocking the instance budget for its `Retry-After`, and the retries
 * of the caller's policy (`RetryPolicy.withPolicy`) or the layer's.
 *
 * @internal
 */
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { ClerkError } from "../ClerkError.js"
import * as InstanceBudget from "../InstanceBudget.js"
import * as RetryPolicy from "../RetryPolicy.js"

/**
 * The settings of the policy.
 *
 * @internal
 */
export interface Settings {
  readonly retry: RetryPolicy.RetryPolicy
  readonly perUserWriteLimit: InstanceBudget.Budget | undefined
  readonly instanceBudget?: InstanceBudget.Budget | undefined
}

/**
 * What is done around an attempt of an operation (`key`: the write-limit key of the call, if any).
 *
 * @internal
 */
export type Around = <A, E extends ClerkError>(
  attempt: Effect.Effect<A, E>,
  key: string | undefined
) => Effect.Effect<A, E>

/**
 * The policy of one implementation.
 *
 * @internal
 */
export interface Runtime {
  readonly around: (operation: { readonly name: string; readonly idempotent: boolean }) => Around
}

/**
 * The policy of the settings, over the given pacing (else one of its own).
 *
 * @internal
 */
export const make = (settings: Settings, budget?: InstanceBudget.Service): Effect.Effect<Runtime> =>
  Effect.map(
    budget === undefined
      ? InstanceBudget.make({
        secretKey: "in-process",
        budget: settings.instanceBudget,
        perUser: settings.perUserWriteLimit
      })
      : Effect.succeed(budget),
    (limiter): Runtime => {
      const instance = limiter.budget !== undefined
      const perUser = limiter.perUser !== undefined
      const pace = (key: string | undefined): Effect.Effect<void> =>
        key !== undefined && perUser ? Effect.andThen(limiter.takeUser(key), limiter.take) : limiter.take
      const blocking = <A, E extends ClerkError>(attempt: Effect.Effect<A, E>): Effect.Effect<A, E> =>
        instance
          ? Effect.tapError(
            attempt,
            (error) =>
              error._tag === "RateLimited"
                ? limiter.rateLimited(error.retryAfter ?? Duration.millis(RateLimits.DEFAULT_RATE_LIMITED_BLOCK_MILLIS))
                : Effect.void
          )
          : attempt
      return {
        around: (operation) => (attempt, key) => {
          const paced = instance || perUser ? Effect.andThen(pace(key), blocking(attempt)) : attempt
          const context = { operation: operation.name, idempotent: operation.idempotent }
          return Effect.withFiber((fiber) =>
            RetryPolicy.retry(paced, fiber.getRef(RetryPolicy.CurrentRetryPolicy) ?? settings.retry, context)
          )
        }
      }
    }
  )
