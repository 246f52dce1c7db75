/**
 * Which failures are retried, how long to wait between attempts, and how `Retry-After` is honoured: the same
 * rules as the Effect 3 line (the kernel's `ClientErrors.isRetryable`), as an Effect 4 `Schedule`.
 *
 * By default a `RateLimited` is always retried (Clerk refused it before doing anything), and a `TransportError`
 * or a 502/503/504 `ServerError` only for idempotent operations (a `create` that timed out may have happened).
 * A `Retry-After` longer than the backoff's delay replaces it; one longer than `maxRetryAfter` ends the retries.
 *
 * @since 1.0.0
 */
import * as ClientConfig from "@effect-clerk/kernel/ClientConfig"
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import type { ClerkError } from "./ClerkError.js"

/**
 * What a retry decision knows about the call.
 *
 * @since 1.0.0
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
 * @since 1.0.0
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
 * The default retry decision (the kernel's `ClientErrors.isRetryable`).
 *
 * @since 1.0.0
 * @category predicates
 * @example
 * ```ts
 * import { ClerkError, RetryPolicy } from "@effect-clerk/core"
 *
 * const unavailable = new ClerkError.ServerError({ operation: "Users.create", status: 503, errors: [] })
 * console.log(RetryPolicy.isRetryable(unavailable, { operation: "Users.create", idempotent: false })) // false
 * ```
 */
export const isRetryable = (error: ClerkError, context: RetryContext): boolean =>
  ClientErrors.isRetryable(error, context.idempotent)

/**
 * The options of `make`.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  /** How many times a request is retried (after the first attempt). Default 3. */
  readonly retries?: number
  /** The first backoff delay. Default 250 ms. */
  readonly baseDelay?: Duration.Input
  /** The growth factor of the backoff. Default 2. */
  readonly factor?: number
  /** The longest backoff delay (before `Retry-After`). Default 10 s. */
  readonly maxDelay?: Duration.Input
  /** The time (from the first retry decision) after which no further retry is scheduled. Default 60 s. */
  readonly maxElapsed?: Duration.Input
  /** Randomize each delay by ±20 %, so that clients do not retry in lockstep. Default true. */
  readonly jitter?: boolean
  /** The longest `Retry-After` that is waited for. Default 60 s. */
  readonly maxRetryAfter?: Duration.Input
  /** Which failures may be retried. Default {@link isRetryable}. */
  readonly retryOn?: (error: ClerkError, context: RetryContext) => boolean
}

/**
 * A policy of exponential backoff with the given options.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 *
 * const patient = RetryPolicy.make({ retries: 5, baseDelay: "500 millis" })
 * ```
 */
export const make = (options: Options = {}): RetryPolicy => {
  const defaults = ClientConfig.retryDefaults
  const maxDelay = Duration.fromInputUnsafe(options.maxDelay ?? Duration.millis(defaults.maxDelayMillis))
  const backoff = Schedule.exponential(
    options.baseDelay ?? Duration.millis(defaults.baseDelayMillis),
    options.factor ?? defaults.factor
  )
  const jittered = options.jitter === false ? backoff : Schedule.jittered(backoff)
  const schedule = jittered.pipe(
    Schedule.modifyDelay(({ duration }) => Effect.succeed(Duration.min(duration, maxDelay))),
    Schedule.upTo({
      times: Math.max(0, Math.floor(options.retries ?? defaults.retries)),
      duration: options.maxElapsed ?? Duration.millis(defaults.maxElapsedMillis)
    })
  )
  return fromSchedule(schedule, options)
}

/**
 * A policy from any schedule (its delays are still raised to a `Retry-After`).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 * import { Schedule } from "effect"
 *
 * const fixed = RetryPolicy.fromSchedule(Schedule.spaced("1 second").pipe(Schedule.upTo({ times: 2 })))
 * ```
 */
export const fromSchedule = (
  schedule: Schedule.Schedule<unknown, ClerkError>,
  options: Pick<Options, "maxRetryAfter" | "retryOn"> = {}
): RetryPolicy => ({
  schedule,
  retryOn: options.retryOn ?? isRetryable,
  maxRetryAfter: Duration.fromInputUnsafe(
    options.maxRetryAfter ?? Duration.millis(ClientConfig.retryDefaults.maxRetryAfterMillis)
  )
})

/**
 * The default policy: 3 retries, 250 ms doubling up to 10 s, jittered, within 60 s.
 *
 * @since 1.0.0
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
 * No retries.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const once = Effect.flatMap(Effect.service(Users.Users), (users) => users.list()).pipe(
 *   RetryPolicy.withPolicy(RetryPolicy.none)
 * )
 * ```
 */
export const none: RetryPolicy = fromSchedule(Schedule.recurs(0))

/**
 * The policy of the calls made in an effect (`withPolicy`), `undefined` for the layer's.
 *
 * @since 1.0.0
 * @category references
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // a reference: `undefined` unless `withPolicy` set one
 * const policyInUse = Effect.map(Effect.service(RetryPolicy.CurrentRetryPolicy), (policy) =>
 *   policy ?? RetryPolicy.defaultPolicy)
 * ```
 */
export const CurrentRetryPolicy: Context.Reference<RetryPolicy | undefined> = Context.Reference<
  RetryPolicy | undefined
>("@effect-clerk/core/RetryPolicy/CurrentRetryPolicy", { defaultValue: () => undefined })

/**
 * Runs an effect with its calls retried by `policy` instead of the layer's.
 *
 * @since 1.0.0
 * @category combinators
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const once = Effect.flatMap(Effect.service(Users.Users), (users) => users.get("user_1")).pipe(
 *   RetryPolicy.withPolicy(RetryPolicy.none)
 * )
 * ```
 */
export const withPolicy: {
  (policy: RetryPolicy): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, policy: RetryPolicy): Effect.Effect<A, E, R> =>
    Effect.provideService(self, CurrentRetryPolicy, policy)
)

/**
 * Runs a stream with its calls retried by `policy` instead of the layer's.
 *
 * @since 1.0.0
 * @category combinators
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Effect, Stream } from "effect"
 *
 * const everyone = Stream.unwrap(Effect.map(Effect.service(Users.Users), (users) => users.listStream())).pipe(
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
    Stream.provideService(self, CurrentRetryPolicy, policy)
)

/**
 * The wait a failure asked for (`Retry-After` of a `RateLimited` or a `ServerError`), if any.
 *
 * @since 1.0.0
 * @category getters
 * @example
 * ```ts
 * import { RetryPolicy, Users } from "@effect-clerk/core"
 * import { Duration, Effect } from "effect"
 *
 * const report = Effect.flatMap(Effect.service(Users.Users), (users) => users.count()).pipe(
 *   Effect.tapError((error) =>
 *     Effect.log(`retry after ${Duration.format(RetryPolicy.retryAfterOf(error) ?? Duration.zero)}`)
 *   )
 * )
 * ```
 */
export const retryAfterOf = (error: ClerkError): Duration.Duration | undefined =>
  error._tag === "RateLimited" || error._tag === "ServerError" ? error.retryAfter : undefined

/**
 * Whether the policy retries a failure of a call (its `retryOn`, and a `Retry-After` within `maxRetryAfter`).
 *
 * @since 1.0.0
 * @category predicates
 */
export const retries = (policy: RetryPolicy, context: RetryContext) => (error: ClerkError): boolean => {
  if (!policy.retryOn(error, context)) return false
  const wait = retryAfterOf(error)
  return wait === undefined || Duration.isLessThanOrEqualTo(wait, policy.maxRetryAfter)
}

/**
 * The policy's schedule for a call of the given context: it stops at a failure the policy does not retry
 * (`retryOn`, or a `Retry-After` longer than `maxRetryAfter`), and each delay is raised to the failure's
 * `Retry-After`.
 *
 * @since 1.0.0
 * @category conversions
 * @example
 * ```ts
 * import { RetryPolicy } from "@effect-clerk/core"
 *
 * const schedule = RetryPolicy.toSchedule(RetryPolicy.defaultPolicy, { operation: "Users.get", idempotent: true })
 * ```
 */
export const toSchedule = (policy: RetryPolicy, context: RetryContext): Schedule.Schedule<unknown, ClerkError> => {
  const retried = retries(policy, context)
  return policy.schedule.pipe(
    Schedule.while(({ input }) => retried(input)),
    Schedule.modifyDelay(({ duration, input }) => {
      const wait = retryAfterOf(input)
      return Effect.succeed(wait === undefined ? duration : Duration.max(duration, wait))
    })
  )
}

/**
 * Retries an effect by a policy, for a call of the given context.
 *
 * @since 1.0.0
 * @category combinators
 */
export const retry = <A, E extends ClerkError, R>(
  self: Effect.Effect<A, E, R>,
  policy: RetryPolicy,
  context: RetryContext
): Effect.Effect<A, E, R> => policy === none ? self : Effect.retry(self, toSchedule(policy, context))
