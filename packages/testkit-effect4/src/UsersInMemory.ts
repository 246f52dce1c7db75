/**
 * An in-memory `Users` with Clerk's semantics for Effect 4 unit tests: the kernel's store and every check Clerk
 * makes (filters and ordering, limit/offset, uniqueness, deep-merged metadata and its 8 KB limit, ban and lock,
 * real password hashing, TOTP, backup codes) and Clerk's error bodies, on Effect's `Clock` (so `TestClock`
 * drives timestamps, lockouts and TOTP). Every operation of the table, derived from it as `Users.layer` is
 * (`UsersCodec.implement`); failures are the core's tagged errors, the ones the HTTP client gives Clerk's answers.
 *
 * Around each call the layer applies a `CallPolicy` with the HTTP client's own code (`CallPolicy.apply`); by
 * default `CallPolicy.none` (no retry unless the caller asks with `RetryPolicy.withPolicy`, no pacing). With
 * `rateLimits` the instance enforces Clerk's limits on `Clock` (the kernel's `RateLimits`). Each layer build owns a
 * fresh store.
 *
 * @since 1.0.0
 */
import { CallPolicy, ClerkError, Users, UsersCodec } from "@effect-clerk/core"
import { ClientConfig, FaultRules, Operations } from "@effect-clerk/kernel"
import type { RateLimits, Seed } from "@effect-clerk/kernel"
import type * as Duration from "effect/Duration"
import * as Duration_ from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Engine from "./internal/engine.js"
import { type OptionsError, type SeedError, UsersTestControl } from "./UsersTestControl.js"

/**
 * The options of the in-memory instance.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  /** How long `lock` locks a user; `null` until `unlock`. Default 1 hour. */
  readonly lockout?: Duration.Input | null
  /** Clerk's metadata size limit, per metadata field. Default 8 KB. */
  readonly metadataLimitBytes?: number
  /** The Clerk API version whose rules apply. Default the library's (`2025-11-10`). */
  readonly apiVersion?: string
  /** The issuer in TOTP URIs. Default "Clerk". */
  readonly totpIssuer?: string
  /** Users to seed when the layer is built. */
  readonly users?: ReadonlyArray<Seed.UserSeed>
  /** Clerk's rate limits, enforced on `Clock`: `"development"`, `"production"` or custom. Default none. */
  readonly rateLimits?: RateLimits.Option | undefined
  /** What is done around each call (retries, pacing), as `Users.layer` does. Default `CallPolicy.none`. */
  readonly callPolicy?: CallPolicy.CallPolicy
}

/**
 * An in-memory instance: the `Users` service and its control.
 *
 * @since 1.0.0
 * @category models
 */
export interface Instance {
  readonly users: Users.Users["Service"]
  readonly control: UsersTestControl["Service"]
}

/**
 * Builds an in-memory instance.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const { control, users } = yield* UsersInMemory.make({ lockout: null })
 *   yield* users.create({ emailAddress: ["ada@example.com"] })
 *   console.log(yield* control.size) // 1
 * })
 * ```
 */
export const make = (options: Options = {}): Effect.Effect<Instance, SeedError | OptionsError> =>
  Effect.gen(function*() {
    const engine = yield* Engine.make(options)
    const apiVersion = options.apiVersion ?? ClientConfig.DEFAULT_API_VERSION
    // Clerk's answer to one request: the row's handler; its failure the error the HTTP client gives that answer
    const answered = UsersCodec.implement((operation) => (...args) =>
      Effect.flatMap(engine.run(Operations.operations[operation.key], args), (result) => {
        if (result._tag === "Success") return Effect.succeed(result.success)
        const failure = result.failure
        return Effect.fail(
          failure._tag === "Disconnect"
            ? new ClerkError.TransportError({
              operation: operation.name,
              reason: "Transport",
              message: FaultRules.DISCONNECT_MESSAGE
            })
            : UsersCodec.errorForStatus(operation, failure.failure.status, {
              errors: failure.failure.errors,
              clerkTraceId: engine.traceId(),
              ...(failure.retryAfterSeconds !== undefined &&
                { retryAfter: Duration_.seconds(failure.retryAfterSeconds) })
            })
        )
      })
    )
    const sent = yield* CallPolicy.apply(answered, options.callPolicy ?? CallPolicy.none)
    // each row's request checks first, as `Users.make` does: both refuse the same input before anything is sent
    const methods = UsersCodec.implement((operation) => {
      const validate = UsersCodec.requestEncoder(operation, apiVersion)
      const send = UsersCodec.methodOf(sent, operation.key)
      return Effect.fn(operation.name)((...args: ReadonlyArray<unknown>) =>
        Effect.andThen(validate(args), send(...args))
      )
    })
    return { users: Users.fromOperations(methods), control: engine.control }
  })

/**
 * The in-memory `Users` and its `UsersTestControl`; every build of the layer owns a fresh store.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users.Users
 *   const ada = yield* users.create({ emailAddress: ["ada@example.com"], password: "analytical-engine" })
 *   yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" } })
 *   return yield* users.count({ emailAddressQuery: "example.com" })
 * }).pipe(Effect.provide(UsersInMemory.layer()))
 * ```
 */
export const layer = (options: Options = {}): Layer.Layer<Users.Users | UsersTestControl, SeedError | OptionsError> =>
  Layer.unwrap(
    Effect.map(
      make(options),
      ({ control, users }) => Layer.merge(Layer.succeed(Users.Users, users), Layer.succeed(UsersTestControl, control))
    )
  )
