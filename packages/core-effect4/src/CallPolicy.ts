/**
 * The pacing and retries of the calls, as one policy that any implementation of the operations can be given
 * (`apply`): the HTTP client applies its configuration's, the test kit's in-memory layer the one it is given, so
 * both retry and pace the same way.
 *
 * @since 1.0.0
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import type * as ClerkConfig from "./ClerkConfig.js"
import { DEFAULT_PER_USER_WRITE_LIMIT } from "./ClerkConfig.js"
import * as Internal from "./internal/callPolicy.js"
import * as RetryPolicy from "./RetryPolicy.js"
import * as UsersCodec from "./UsersCodec.js"
import type * as UsersProtocol from "./UsersProtocol.js"

/**
 * A call policy: the retries, the per-user write limit and the instance budget.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
 * import { Duration } from "effect"
 *
 * const patient: CallPolicy.CallPolicy = {
 *   retry: RetryPolicy.make({ retries: 6 }),
 *   perUserWriteLimit: { requests: 5, window: Duration.seconds(10) }
 * }
 * ```
 */
export interface CallPolicy {
  readonly retry: RetryPolicy.RetryPolicy
  readonly perUserWriteLimit: ClerkConfig.WriteLimit | undefined
  /** The instance budget every call is paced by; absent or `undefined`: none. */
  readonly instanceBudget?: ClerkConfig.WriteLimit | undefined
}

/**
 * The options of `make`.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
 *
 * const options: CallPolicy.Options = { retry: RetryPolicy.none, perUserWriteLimit: false }
 * const policy = CallPolicy.make(options)
 * ```
 */
export interface Options {
  /** The retry policy. Default `RetryPolicy.defaultPolicy`. */
  readonly retry?: RetryPolicy.RetryPolicy
  /** The pacing of the per-user writes: default Clerk's limit; `false` for none. */
  readonly perUserWriteLimit?: ClerkConfig.WriteLimit | false
  /** The instance budget every call is paced by, or `false` (the default here). */
  readonly instanceBudget?: ClerkConfig.WriteLimit | false
}

/**
 * A policy from options.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
 *
 * // as Users.layer by default
 * const client = CallPolicy.make()
 * // two quick retries, writes not paced
 * const quick = CallPolicy.make({
 *   retry: RetryPolicy.make({ retries: 2, baseDelay: "10 millis" }),
 *   perUserWriteLimit: false
 * })
 * ```
 */
export const make = (options: Options = {}): CallPolicy => {
  const limit = options.perUserWriteLimit === false ? undefined : options.perUserWriteLimit
  return {
    retry: options.retry ?? RetryPolicy.defaultPolicy,
    perUserWriteLimit: limit === undefined
      ? options.perUserWriteLimit === false ? undefined : DEFAULT_PER_USER_WRITE_LIMIT
      : { requests: RateLimits.requestsOf(limit.requests), window: limit.window },
    ...(options.instanceBudget === undefined || options.instanceBudget === false
      ? {}
      : {
        instanceBudget: {
          requests: RateLimits.requestsOf(options.instanceBudget.requests),
          window: options.instanceBudget.window
        }
      })
  }
}

/**
 * No retries, no pacing.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
 *
 * console.log(CallPolicy.none.retry === RetryPolicy.none) // true
 * ```
 */
export const none: CallPolicy = { retry: RetryPolicy.none, perUserWriteLimit: undefined }

/**
 * The policy of a configuration (what `Users.layer` applies).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { CallPolicy, ClerkConfig } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const policy = Effect.map(Effect.service(ClerkConfig.ClerkConfig), CallPolicy.fromConfig)
 * ```
 */
export const fromConfig = (config: ClerkConfig.Service): CallPolicy => ({
  retry: config.retry,
  perUserWriteLimit: config.perUserWriteLimit,
  instanceBudget: config.instanceBudget
})

/**
 * Applies a policy to any implementation of the operations: each call paced, retried (the caller's
 * `RetryPolicy.withPolicy` first) and a 429 blocking the instance budget, as the HTTP client does.
 *
 * @since 1.0.0
 * @category combinators
 * @example
 * ```ts
 * import { CallPolicy, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * declare const double: Users.Operations
 * // the double, retried and paced as Users.layer would be by default
 * const service = Effect.map(CallPolicy.apply(double, CallPolicy.make()), Users.fromOperations)
 * ```
 */
export const apply: {
  (policy: CallPolicy): (operations: UsersProtocol.Methods) => Effect.Effect<UsersProtocol.Methods>
  (operations: UsersProtocol.Methods, policy: CallPolicy): Effect.Effect<UsersProtocol.Methods>
} = dual(
  2,
  (operations: UsersProtocol.Methods, policy: CallPolicy): Effect.Effect<UsersProtocol.Methods> =>
    Effect.map(Internal.make(policy), (runtime) =>
      UsersCodec.implement((operation) => {
        const call = UsersCodec.methodOf(operations, operation.key)
        const around = runtime.around(operation)
        const keyAt = ClientRequest.writeLimitIndex(operation)
        return (...args) => {
          const key = keyAt < 0 ? undefined : args[keyAt]
          return around(Effect.suspend(() => call(...args)), typeof key === "string" ? key : undefined)
        }
      }))
)
