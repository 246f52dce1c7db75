/**
 * When and how often a failed request is tried again.
 *
 * A policy is a `Schedule` (the backoff between attempts and how many there are) plus a predicate that says
 * which failures may be retried. Whatever the schedule, two rules always hold:
 *
 * - a `RateLimited` (429) failure waits at least the server's `Retry-After`, and one whose `Retry-After` is
 *   longer than `maxRetryAfter` is not retried (it is returned, for the caller to decide);
 * - the default predicate never re-sends a non-idempotent request (`create`, `verifyPassword`,
 *   `verifyTotp`, `createTotp`) once the server may have processed it: only a 429 (which Clerk answers before
 *   doing anything) is retried for those. Idempotent operations are also retried on 502, 503, 504 and
 *   transport failures (including timeouts). 500 is never retried.
 *
 * The policy is set per layer (`ClerkConfig.layer({ retry })`) and can be overridden per call with
 * {@link withPolicy}.
 *
 * @since 0.1.0
 */
import * as ClientConfig from "@effect-clerk/kernel/ClientConfig"
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import type { ClerkError } from "./ClerkError.js"

/**
 * What the retry decision knows about the request.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryContext {
  /** The operation, as its span is named (`"Users.get"`). */
  readonly operation: string
  /** Whether sending the request twice has the same effect as sending it once. */
  readonly idempotent: boolean
}

/**
 * A retry policy.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  /** The backoff between attempts; when it stops, the last failure is returned. */
  readonly schedule: Schedule.Schedule<unknown, ClerkError>
  /** Which failures may be retried. */
  readonly retryOn: (error: ClerkError, context: RetryContext) => boolean
  /** The longest `Retry-After` that is waited for; a longer one ends the retries. */
  readonly maxRetryAfter: Duration.Duration
}

/**
 * The default retry predicate: 429 for every operation; 502/503/504 and transport failures only for
 * idempotent ones.
 *
 * @since 0.1.0
 * @category predicates
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 * import { ServerError } from "@effect-clerk/core/ClerkError"
 *
 * const unavailable = new ServerError({ operation: "Users.create", status: 503, errors: [] })
 * console.log(RetryPolicy.isRetryable(unavailable, { operation: "Users.create", idempotent: false })) // false
 * ```
 */
export const isRetryable = (error: ClerkError, context: RetryContext): boolean =>
  ClientErrors.isRetryable(error, context.idempotent)

/**
 * The options of {@link make}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How many times a request is retried (after the first attempt). Default 3. */
  readonly retries?: number
  /** The first backoff delay. Default 250 ms. */
  readonly baseDelay?: Duration.DurationInput
  /** The growth factor of the backoff. Default 2. */
  readonly factor?: number
  /** The longest backoff delay (before `Retry-After`). Default 10 s. */
  readonly maxDelay?: Duration.DurationInput
  /** The time (from the first retry decision) after which no further retry is scheduled. Default 60 s. */
  readonly maxElapsed?: Duration.DurationInput
  /** Randomize each delay by ±20 %, so that clients do not retry in lockstep. Default true. */
  readonly jitter?: boolean
  /** The longest `Retry-After` that is waited for. Default 60 s. */
  readonly maxRetryAfter?: Duration.DurationInput
  /** Which failures may be retried. Default {@link isRetryable}. */
  readonly retryOn?: (error: ClerkError, context: RetryContext) => boolean
}

/**
 * Exponential backoff with jitter, bounded in attempts and elapsed time.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig, RetryPolicy } from "@effect-clerk/core"
 * import { Redacted } from "effect"
 *
 * const patient = RetryPolicy.make({ retries: 6, baseDelay: "500 millis", maxElapsed: "2 minutes" })
 * const config = ClerkConfig.layer({ secretKey: Redacted.make("sk_test_..."), retry: patient })
 * ```
 */
export const make = (options: Options = {}): RetryPolicy => {
  const defaults = ClientConfig.retryDefaults
  const maxDelay = Duration.decode(options.maxDelay ?? Duration.millis(defaults.maxDelayMillis))
  const backoff = Schedule.exponential(
    options.baseDelay ?? Duration.millis(defaults.baseDelayMillis),
    options.factor ?? defaults.factor
  )
  const jittered = options.jitter === false ? backoff : Schedule.jittered(backoff)
  const schedule = jittered.pipe(
    Schedule.modifyDelay((_, delay) => Duration.min(delay, maxDelay)),
    Schedule.intersect(Schedule.recurs(Math.max(0, Math.floor(options.retries ?? defaults.retries)))),
    Schedule.upTo(options.maxElapsed ?? Duration.millis(defaults.maxElapsedMillis))
  )
  return fromSchedule(schedule, options)
}

/**
 * A policy from any schedule (its input is the failure, so it can inspect it). `Retry-After` and the retry
 * predicate still apply.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 * import { Schedule } from "effect"
 *
 * const fixed = RetryPolicy.fromSchedule(Schedule.spaced("1 second").pipe(Schedule.intersect(Schedule.recurs(2))))
 * ```
 */
export const fromSchedule = (
  schedule: Schedule.Schedule<unknown, ClerkError>,
  options: Pick<Options, "maxRetryAfter" | "retryOn"> = {}
): RetryPolicy => ({
  schedule,
  retryOn: options.retryOn ?? isRetryable,
  maxRetryAfter: Duration.decode(
    options.maxRetryAfter ?? Duration.millis(ClientConfig.retryDefaults.maxRetryAfterMillis)
  )
})

/**
 * The default policy: 3 retries, exponential backoff from 250 ms (×2, jittered, at most 10 s between
 * attempts), within 60 s, `Retry-After` honoured up to 60 s.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig, RetryPolicy } from "@effect-clerk/core"
 *
 * // what a layer uses unless told otherwise
 * const config = ClerkConfig.layer({ secretKey: "sk_test_...", retry: RetryPolicy.defaultPolicy })
 * ```
 */
export const defaultPolicy: RetryPolicy = make()

/**
 * Never retry.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const once = Effect.flatMap(Users, (users) => users.list()).pipe(RetryPolicy.withPolicy(RetryPolicy.none))
 * ```
 */
export const none: RetryPolicy = fromSchedule(Schedule.stop)

/**
 * The policy of the current call, when one was set with {@link withPolicy}; otherwise the layer's applies.
 *
 * @since 0.1.0
 * @category references
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 * import { Effect, Option } from "effect"
 *
 * const policyInUse = Effect.map(RetryPolicy.CurrentRetryPolicy, Option.getOrElse(() => RetryPolicy.defaultPolicy))
 * ```
 */
export class CurrentRetryPolicy extends Context.Reference<CurrentRetryPolicy>()(
  "@effect-clerk/core/RetryPolicy/CurrentRetryPolicy",
  { defaultValue: (): Option.Option<RetryPolicy> => Option.none() }
) {}

/**
 * Run an effect (one operation or a whole program) with another retry policy than the layer's.
 *
 * @since 0.1.0
 * @category combinators
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const insist = Effect.flatMap(Users, (users) => users.get("user_123")).pipe(
 *   RetryPolicy.withPolicy(RetryPolicy.make({ retries: 8 }))
 * )
 * ```
 */
export const withPolicy: {
  (policy: RetryPolicy): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R> =>
    Effect.provideService(self, CurrentRetryPolicy, Option.some(policy))
)

/**
 * {@link withPolicy} for a stream (every page request of a pagination stream uses the policy).
 *
 * @since 0.1.0
 * @category combinators
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect, Stream } from "effect"
 *
 * const everyone = Stream.unwrap(Effect.map(Users, (users) => users.listStream())).pipe(
 *   RetryPolicy.withPolicyStream(RetryPolicy.make({ retries: 10, maxElapsed: "5 minutes" }))
 * )
 * ```
 */
export const withPolicyStream: {
  (policy: RetryPolicy): <A, E, R>(self: Stream.Stream<A, E, R>) => Stream.Stream<A, E, R>
  <A, E, R>(self: Stream.Stream<A, E, R>, policy: RetryPolicy): Stream.Stream<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Stream.Stream<A, E, R>, policy: RetryPolicy): Stream.Stream<A, E, R> =>
    Stream.provideService(self, CurrentRetryPolicy, Option.some(policy))
)

/**
 * The server's `Retry-After` carried by a failure, if any.
 *
 * @since 0.1.0
 * @category getters
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Duration, Effect } from "effect"
 *
 * const report = Effect.flatMap(Users, (users) => users.count()).pipe(
 *   Effect.tapError((error) =>
 *     Effect.log(`retry after ${Duration.format(RetryPolicy.retryAfterOf(error) ?? Duration.zero)}`)
 *   )
 * )
 * ```
 */
export const retryAfterOf = (error: ClerkError): Duration.Duration | undefined =>
  error._tag === "RateLimited" || error._tag === "ServerError" ? error.retryAfter : undefined

/**
 * The schedule `Effect.retry` runs for one request: the policy's backoff, floored by `Retry-After`, while the
 * predicate allows.
 *
 * @since 0.1.0
 * @category combinators
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 *
 * // the schedule the client runs for `Users.get` under the default policy
 * const schedule = RetryPolicy.toSchedule(RetryPolicy.defaultPolicy, { operation: "Users.get", idempotent: true })
 * ```
 */
export const toSchedule = (policy: RetryPolicy, context: RetryContext): Schedule.Schedule<unknown, ClerkError> =>
  Schedule.intersect(policy.schedule, Schedule.identity<ClerkError>()).pipe(
    Schedule.whileInput((error: ClerkError) => {
      if (!policy.retryOn(error, context)) return false
      const wait = retryAfterOf(error)
      return wait === undefined || Duration.lessThanOrEqualTo(wait, policy.maxRetryAfter)
    }),
    Schedule.modifyDelay(([, error], delay) => {
      const wait = retryAfterOf(error)
      return wait === undefined ? delay : Duration.max(delay, wait)
    })
  )
