/**
 * An in-memory `Users` with Clerk's semantics, for unit tests: filters and ordering, limit/offset,
 * uniqueness of identifiers, deep-merged metadata and its 8 KB limit, ban and lock, real password hashing,
 * RFC 6238 TOTP and single-use backup codes, and Clerk's error bodies, all on Effect's `Clock` (so
 * `TestClock` drives timestamps, lockouts and TOTP).
 *
 * Around each call, the layer applies a `CallPolicy` with the HTTP layer's own code (`CallPolicy.apply`):
 * retries, `Retry-After`, which failures are retried for which operation, per-user write pacing. By default
 * (`CallPolicy.none`) nothing is retried unless the caller asks with `RetryPolicy.withPolicy`, and nothing is
 * paced: an injected fault fails the call at once, and no test under `TestClock` waits on a sleep it did not
 * ask for. `callPolicy: CallPolicy.make()` behaves as `Users.layer` does by default.
 *
 * With `rateLimits` (`"development"`, `"production"` or a `RateLimits.Custom`; off by default) the instance
 * enforces Clerk's rate limits on `Clock`, with the kernel's `RateLimits`: one instance budget (the layer has one
 * key) and the per-user write budget; a request over budget fails with `RateLimited` and its `retryAfter`, the
 * seconds until the window resets, as the HTTP client reads Clerk's 429. `TestClock.adjust` moves the windows.
 *
 * Each layer build owns a fresh store.
 *
 * @since 0.1.0
 */
import type { UsersProtocol } from "@effect-clerk/core"
import { CallPolicy, Users, UsersCodec } from "@effect-clerk/core"
import { DEFAULT_API_VERSION } from "@effect-clerk/core/ClerkConfig"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { TransportError } from "@effect-clerk/core/ClerkError"
import * as FaultRules from "@effect-clerk/kernel/FaultRules"
import type * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Engine from "./internal/engine.js"
import type { UserSeed } from "./Seeds.js"
import type { OptionsError, SeedError } from "./UsersTestControl.js"
import { UsersTestControl } from "./UsersTestControl.js"

/**
 * The options of the in-memory instance.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How long `lock` locks a user; `null` until `unlock`. Default 1 hour. */
  readonly lockout?: Duration.DurationInput | null
  /** Clerk's metadata size limit, per metadata field. Default 8 KB. */
  readonly metadataLimitBytes?: number
  /** The Clerk API version whose rules apply (metadata in `update`): one of `UsersProtocol.apiVersions`. Default `2025-11-10`. */
  readonly apiVersion?: string
  /** The issuer in TOTP URIs. Default "Clerk". */
  readonly totpIssuer?: string
  /** Users to seed when the layer is built. */
  readonly users?: ReadonlyArray<UserSeed>
  /**
   * Clerk's rate limits, enforced on `Clock`: `"development"` (100 requests / 10 s), `"production"` (1,000 /
   * 10 s), or a `RateLimits.Custom`; the per-user write budget (10 / 10 s) with either preset. A request over
   * budget fails with `RateLimited` and its `retryAfter`. Default: none (an `OptionsError` for a custom budget
   * that is not positive integers).
   *
   * @since 0.3.0
   */
  readonly rateLimits?: RateLimits.Option | undefined
  /**
   * What is done around each call, as `Users.layer` does with its `ClerkConfig`: retries by the policy (a
   * call's own `RetryPolicy.withPolicy` wins), at least `Retry-After` apart, only where the policy allows for
   * the operation; per-user write pacing; on `Clock`. Each retry is one more call in `UsersTestControl.stats`.
   * Default `CallPolicy.none` (no retry unless a caller asks, no pacing); `CallPolicy.make()` is the HTTP
   * layer's default, `CallPolicy.fromConfig(config)` a `ClerkConfig`'s.
   *
   * @since 0.3.0
   */
  readonly callPolicy?: CallPolicy.CallPolicy
}

/**
 * An in-memory instance: the `Users` service and its control.
 *
 * @since 0.1.0
 * @category models
 */
export interface Instance {
  readonly users: Users.Service
  readonly control: UsersTestControl.Service
}

/** How a failure of the engine reaches a client: the tag the HTTP client would produce for Clerk's answer. */
const clientError = (operation: UsersProtocol.AnyOperation, failure: Engine.Failure, traceId: string): ClerkError =>
  failure._tag === "Disconnect"
    ? new TransportError({ operation: operation.name, reason: "Transport", message: FaultRules.DISCONNECT_MESSAGE })
    : UsersCodec.errorForStatus(operation, failure.failure.status, {
      errors: failure.failure.errors,
      clerkTraceId: traceId,
      ...(failure.retryAfter === undefined ? {} : { retryAfter: failure.retryAfter })
    })

/**
 * Builds an in-memory instance.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const { users, control } = yield* UsersInMemory.make({ lockout: null })
 *   yield* users.create({ emailAddress: ["ada@example.com"] })
 *   console.log(yield* control.size) // 1
 * })
 * ```
 */
export const make = (options: Options = {}): Effect.Effect<Instance, SeedError | OptionsError> =>
  Effect.gen(function*() {
    const engine = yield* Engine.make(options)
    const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
    // Clerk's answer to one request: the row's store handler, its failures as the tags the HTTP client produces
    const answered = UsersCodec.implement((operation) => (...args: ReadonlyArray<unknown>) =>
      Effect.flatMap(engine.run(operation, args), (result) =>
        result._tag === "Right"
          ? Effect.succeed(result.right)
          : Effect.fail(clientError(operation, result.left, engine.traceId())))
    )
    // each request paced and retried by the call policy, with the HTTP layer's code
    const sent = yield* CallPolicy.apply(answered, options.callPolicy ?? CallPolicy.none)
    // the same derivation as `Users.make`: each row's request checks first (so both refuse the same input, before
    // anything is sent or paced), then the requests
    const methods = UsersCodec.implement((operation) => {
      const validate = UsersCodec.requestEncoder(operation, apiVersion)
      const row: (...args: ReadonlyArray<never>) => Effect.Effect<unknown, ClerkError> =
        sent[operation.key as UsersProtocol.OperationKey]
      const send = row as UsersCodec.AnyMethod
      return Effect.fn(operation.name)((...args: ReadonlyArray<unknown>) =>
        Effect.zipRight(validate(args), send(...args))
      )
    })
    return { users: Users.fromOperations(methods), control: engine.control }
  })

/**
 * The in-memory `Users` and its `UsersTestControl`. Every build of the layer owns a fresh store.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   const ada = yield* users.create({ emailAddress: ["ada@example.com"], password: "analytical-engine" })
 *   yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" } })
 *   return yield* users.count({ emailAddressQuery: "example.com" })
 * })
 *
 * Effect.runPromise(program.pipe(Effect.provide(UsersInMemory.layer()))).then(console.log) // 1
 * ```
 */
export const layer = (options: Options = {}): Layer.Layer<Users | UsersTestControl, SeedError | OptionsError> =>
  Layer.effectContext(
    Effect.map(
      make(options),
      ({ control, users }) => Context.make(Users, users).pipe(Context.add(UsersTestControl, control))
    )
  )
