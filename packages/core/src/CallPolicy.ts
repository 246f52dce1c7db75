/**
 * What a `Users` layer does around each call of an operation, whatever answers it: the retries of its
 * `RetryPolicy` (the caller's, set with `RetryPolicy.withPolicy`, else the layer's), which wait at least the
 * server's `Retry-After` and re-send only what the policy allows for the operation (a non-idempotent `create`
 * is not re-sent after a failure Clerk may have acted on), and the pacing of the writes Clerk limits per user
 * (`update`, `updateMetadata`, `replaceMetadata`: 10 requests in 10 seconds), all on `Clock`.
 *
 * `Users.layer` applies the policy of its `ClerkConfig` to every request; `apply` gives the same policy, the
 * same code, to any other implementation of the operations: the test kit's in-memory layer takes it as its
 * `callPolicy` option, so that a test of "we survive 429s" passes or fails there as it does over HTTP.
 *
 * @since 0.3.0
 */
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import type { ClerkConfig } from "./ClerkConfig.js"
import { DEFAULT_PER_USER_WRITE_LIMIT } from "./ClerkConfig.js"
import type { ClerkError } from "./ClerkError.js"
import * as Internal from "./internal/callPolicy.js"
import { requestsOf } from "./internal/instanceBudget.js"
import { writeLimitIndex } from "./internal/operation.js"
import * as RetryPolicy from "./RetryPolicy.js"
import * as UsersCodec from "./UsersCodec.js"
import type * as UsersProtocol from "./UsersProtocol.js"

/**
 * A layer's call policy: its retry policy (a call's own, from `RetryPolicy.withPolicy`, wins) and its per-user
 * write limit (`undefined`: writes are not paced).
 *
 * @since 0.3.0
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
  /** The instance budget every call is paced by (`InstanceBudget`); absent or `undefined`: none. */
  readonly instanceBudget?: ClerkConfig.WriteLimit | undefined
}

/**
 * The options of {@link make}, named and defaulted as `ClerkConfig.layer`'s.
 *
 * @since 0.3.0
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
  /**
   * The pacing of `update`, `updateMetadata` and `replaceMetadata` per user: default Clerk's limit
   * (`ClerkConfig.DEFAULT_PER_USER_WRITE_LIMIT`, 10 requests in 10 seconds); `false` for none. Fewer than one
   * request per window (or not a number) counts as one.
   */
  readonly perUserWriteLimit?: ClerkConfig.WriteLimit | false
  /**
   * The instance budget every call is paced by (`InstanceBudget`), or `false` (the default here: an
   * implementation given to `apply` has no secret key to derive one from; `InstanceBudget.fromKey` gives Clerk's).
   */
  readonly instanceBudget?: ClerkConfig.WriteLimit | false
}

/**
 * A call policy; with no options, the one `Users.layer` applies by default (`RetryPolicy.defaultPolicy` and
 * Clerk's per-user write limit).
 *
 * @since 0.3.0
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
      : { requests: requestsOf(limit.requests), window: limit.window },
    ...(options.instanceBudget === undefined || options.instanceBudget === false
      ? {}
      : {
        instanceBudget: {
          requests: requestsOf(options.instanceBudget.requests),
          window: options.instanceBudget.window
        }
      })
  }
}

/**
 * Nothing around the calls unless a caller asks: no retry (a call under `RetryPolicy.withPolicy` is retried by
 * that policy), no pacing. The in-memory layer's default, so that a test under `TestClock` never waits on a
 * sleep it did not ask for.
 *
 * @since 0.3.0
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
 * The call policy of a resolved `ClerkConfig`: what `Users.layer` applies with it.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { CallPolicy, ClerkConfig } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const policy = Effect.map(ClerkConfig, CallPolicy.fromConfig)
 * ```
 */
export const fromConfig = (config: ClerkConfig.Service): CallPolicy => ({
  retry: config.retry,
  perUserWriteLimit: config.perUserWriteLimit,
  instanceBudget: config.instanceBudget
})

/**
 * Applies a call policy to any implementation of the operations: every call goes through the code the HTTP
 * layer runs around its requests (`Users.layer`), each attempt paced by the user's write window, the attempts
 * retried by the policy in force (`RetryPolicy.withPolicy` wins over `policy.retry`), waiting at least
 * `Retry-After`. Each retry calls the method again. The pacing state belongs to the returned operations: build
 * them once per instance, as a layer does. (`Users.layer`'s operations have their policy already: applying
 * another would retry each of its retries.)
 *
 * @since 0.3.0
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
        // the row's method, called with whatever arguments its caller gave (its own type is the row's)
        const method: (...args: ReadonlyArray<never>) => Effect.Effect<unknown, ClerkError> =
          operations[operation.key as UsersProtocol.OperationKey]
        const call = method as UsersCodec.AnyMethod
        const around = runtime.around(operation)
        const keyAt = writeLimitIndex(operation)
        return (...args) => {
          const key = keyAt < 0 ? undefined : args[keyAt]
          return around(Effect.suspend(() => call(...args)), typeof key === "string" ? key : undefined)
        }
      }))
)
