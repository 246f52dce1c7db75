/**
 * What a layer does around each call of an operation, whatever answers it (the HTTP pipeline, the test kit's
 * in-memory layer, any implementation given to `CallPolicy.apply`): each attempt is paced first (Clerk's
 * per-user write limit, then the instance budget, both kept by `InstanceBudget`'s limiter; a 429 blocks the
 * instance budget for its `Retry-After`), then the attempts are retried by the retry policy in force (the
 * caller's `RetryPolicy.withPolicy`, else the layer's), whose schedule waits at least `Retry-After` and retries
 * only what the policy's predicate allows for the operation (`RetryPolicy.toSchedule`, cached by
 * `retrySchedules.ts`). Everything runs on `Clock`.
 *
 * @internal
 */
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Duration_ from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type { ClerkError } from "../ClerkError.js"
import * as InstanceBudget from "../InstanceBudget.js"
import * as RetryPolicy from "../RetryPolicy.js"
import * as RetrySchedules from "./retrySchedules.js"

/**
 * The settings of a layer's calls: its retry policy and its per-user write limit (`undefined`: none).
 *
 * @internal
 */
export interface Settings {
  readonly retry: RetryPolicy.RetryPolicy
  readonly perUserWriteLimit: { readonly requests: number; readonly window: Duration.Duration } | undefined
  /** The instance budget (absent: none). */
  readonly instanceBudget?: { readonly requests: number; readonly window: Duration.Duration } | undefined
}

/**
 * The retry policy of a call, from the fiber that makes it and the layer's.
 *
 * @internal
 */
export type PolicyOf = (
  caller: Fiber.RuntimeFiber<unknown, unknown>,
  configured: RetryPolicy.RetryPolicy
) => RetryPolicy.RetryPolicy

/**
 * The caller's policy (`RetryPolicy.withPolicy`), else the layer's.
 *
 * @internal
 */
export const callerOrLayer: PolicyOf = (caller, configured) => {
  const current = Context.get(caller.currentContext, RetryPolicy.CurrentRetryPolicy)
  return current._tag === "Some" ? current.value : configured
}

/**
 * The calls of one operation under the policy: `attempt` (one request) paced by `key` (the write-limit key of
 * the call, if its row has one), then retried. `direct`, when given, is the attempt run from the caller's fiber:
 * used as it is when there is nothing to do around it (no retry, no key), one step less.
 *
 * @internal
 */
export type Around = <A, E extends ClerkError>(
  attempt: Effect.Effect<A, E>,
  key: string | undefined,
  direct?: (caller: Fiber.RuntimeFiber<unknown, unknown>) => Effect.Effect<A, E>
) => Effect.Effect<A, E>

/**
 * A layer's policy at work: its pacing state (shared by all its calls) and its schedules.
 *
 * @internal
 */
export interface Runtime {
  /** What is done around the calls of an operation. */
  readonly around: (operation: { readonly name: string; readonly idempotent: boolean }) => Around
}

/**
 * Builds the policy's state (its limiter: `budget`, else one of its own), for one layer.
 *
 * @internal
 */
export const make = (
  settings: Settings,
  policyOf: PolicyOf = callerOrLayer,
  budget?: InstanceBudget.Service
): Effect.Effect<Runtime> =>
  Effect.map(
    budget === undefined
      ? InstanceBudget.make({
        secretKey: "in-process",
        budget: settings.instanceBudget,
        perUser: settings.perUserWriteLimit
      })
      : Effect.succeed(budget),
    (limiter) => {
      const scheduleFor = RetrySchedules.make()
      const instance = limiter.budget !== undefined
      const perUser = limiter.perUser !== undefined
      // What an attempt waits for before it is sent: Clerk's per-user write limit (the attempts of a row with a
      // write-limit key), then the instance budget (every attempt, last, so that its reservation is the closest
      // to the send), so that every attempt, retries included, is paced by both.
      const pace = !instance && !perUser
        ? undefined
        : (key: string | undefined) =>
          key === undefined || !perUser
            ? instance ? limiter.take : undefined
            : instance
            ? Effect.zipRight(limiter.takeUser(key), limiter.take)
            : limiter.takeUser(key)
      // a 429 blocks the instance budget for its Retry-After (1 s without one): every fiber waits it out
      const blocking = <A, E extends ClerkError>(attempt: Effect.Effect<A, E>): Effect.Effect<A, E> =>
        instance
          ? Effect.tapError(attempt, (error) =>
            error._tag === "RateLimited"
              ? limiter.rateLimited(error.retryAfter ?? Duration_.millis(RateLimits.DEFAULT_RATE_LIMITED_BLOCK_MILLIS))
              : Effect.void)
          : attempt
      return {
        around: (operation) =>
        <A, E extends ClerkError>(
          attempt: Effect.Effect<A, E>,
          key: string | undefined,
          direct?: (caller: Fiber.RuntimeFiber<unknown, unknown>) => Effect.Effect<A, E>
        ): Effect.Effect<A, E> => {
          const wait = pace === undefined ? undefined : pace(key)
          const sent = blocking(attempt)
          const waited = wait === undefined ? sent : Effect.zipRight(wait, sent)
          return Effect.withFiberRuntime<A, E>((caller) => {
            const policy = policyOf(caller, settings.retry)
            if (policy !== RetryPolicy.none) return Effect.retry(waited, scheduleFor(policy, operation))
            return wait === undefined && direct !== undefined ? direct(caller) : waited
          })
        }
      }
    }
  )
