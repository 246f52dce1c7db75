/**
 * The control side of the in-memory Clerk instance: seed data, read the raw store, inject faults, count calls,
 * read the user events it emitted. The values are the kernel's models (the core's Schemas are `exact` to them).
 *
 * @since 1.0.0
 */
import type { FaultRules, Model, Seed, Store } from "@effect-clerk/kernel"
import type * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import type * as Fault from "./Fault.js"

/**
 * Seeding refused the data (an identifier already taken, an unknown user or organization, a malformed value...).
 * `code` is the Clerk error code the same data would get from `create`; `entry` names the refused entry of a batch.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const seeded = Effect.gen(function*() {
 *   const control = yield* UsersTestControl.UsersTestControl
 *   return yield* control.seedUser({ username: "ada" })
 * }).pipe(Effect.catchTag("SeedError", (error) => Effect.die(`bad seed: ${error.code}`)))
 * ```
 */
export class SeedError extends Schema.TaggedError<SeedError>("@effect-clerk/testkit/SeedError")("SeedError", {
  code: Schema.String,
  message: Schema.String,
  entry: Schema.optionalKey(Schema.Number)
}) {}

/**
 * An option of the in-memory instance that cannot be honoured (an API version this library does not know,
 * custom rate limits that are not positive integers...). `option` names it; the value is not repeated.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const refused = UsersInMemory.make({ apiVersion: "latest" }).pipe(
 *   Effect.catchTag("OptionsError", (error) => Effect.die(`${error.option}: ${error.message}`))
 * )
 * ```
 */
export class OptionsError extends Schema.TaggedError<OptionsError>("@effect-clerk/testkit/OptionsError")(
  "OptionsError",
  { option: Schema.String, message: Schema.String }
) {}

/**
 * Call and fault counters of an instance (the kernel's `FaultRules.Stats`).
 *
 * @since 1.0.0
 * @category models
 */
export type Stats = FaultRules.Stats

/**
 * Everything the store holds, private fields included (a deep copy).
 *
 * @since 1.0.0
 * @category models
 */
export type StoreSnapshot = Store.StoreSnapshot

/**
 * A user event the instance emitted (the kernel's `UserEvents.UserEvent`, camelCase).
 *
 * @since 1.0.0
 * @category models
 */
export type UserEvent = UserEvents.UserEvent

/**
 * The type of a user event: `"user.created"`, `"user.updated"` or `"user.deleted"`.
 *
 * @since 1.0.0
 * @category models
 */
export type UserEventType = UserEvents.UserEventType

/**
 * The service: seeding (all or nothing per call), the store, TOTP codes on `Clock`, statistics, fault rules,
 * user events, reset.
 *
 * @since 1.0.0
 * @category models
 */
export interface Service {
  readonly seedUser: (seed: Seed.UserSeed) => Effect.Effect<Model.User, SeedError>
  /** Seeds users all or nothing: a refused entry (named by `SeedError.entry`) leaves none of the batch. */
  readonly seedUsers: (seeds: Iterable<Seed.UserSeed>) => Effect.Effect<ReadonlyArray<Model.User>, SeedError>
  readonly seedOrganization: (seed: Seed.OrganizationSeed) => Effect.Effect<Model.Organization, SeedError>
  readonly seedMembership: (seed: Seed.MembershipSeed) => Effect.Effect<Model.OrganizationMembership, SeedError>
  readonly seedInvitation: (seed: Seed.InvitationSeed) => Effect.Effect<Model.OrganizationInvitation, SeedError>
  readonly seedOAuthToken: (seed: Seed.OAuthTokenSeed) => Effect.Effect<Model.OAuthAccessToken, SeedError>
  readonly seedBillingSubscription: (
    userId: string,
    subscription: Model.BillingSubscription
  ) => Effect.Effect<void, SeedError>
  /** Grants a user credits (a ledger entry of source type `seed`). */
  readonly seedCredits: (
    userId: string,
    credits: Seed.CreditSeed
  ) => Effect.Effect<Model.BillingCreditLedgerEntry, SeedError>
  readonly seedTrustedDevice: (
    userId: string,
    device: Seed.TrustedDeviceSeed
  ) => Effect.Effect<Model.TrustedDevice, SeedError>
  readonly seedPasskey: (userId: string, passkey: Seed.PasskeySeed) => Effect.Effect<Model.User, SeedError>
  readonly seedExternalAccount: (
    userId: string,
    account: Seed.ExternalAccountSeed
  ) => Effect.Effect<Model.User, SeedError>
  /** A deep copy of the store, private fields (TOTP secret, backup codes) included. */
  readonly snapshot: Effect.Effect<StoreSnapshot>
  /** The number of users. */
  readonly size: Effect.Effect<number>
  /** The TOTP code a user's authenticator shows now (on `Clock`). */
  readonly totpCode: (userId: string) => Effect.Effect<string, SeedError>
  /** How many calls the instance served and how many faults it injected (by kind and by operation). */
  readonly stats: Effect.Effect<Stats>
  /** Adds a fault rule; rules are tried in the order they were added. */
  readonly injectFault: (rule: Fault.Rule) => Effect.Effect<void>
  /** Removes every fault rule. */
  readonly clearFaults: Effect.Effect<void>
  /**
   * The user events emitted since the instance was built or last reset (the latest 10,000), then each new one
   * (the stream never ends: take what you expect).
   */
  readonly events: Stream.Stream<UserEvent>
  /** The user events emitted since the instance was built or last reset, in order (the latest 10,000). */
  readonly emitted: Effect.Effect<ReadonlyArray<UserEvent>>
  /**
   * Emits an event no operation caused, as `stripe trigger` does: a sample user with `overrides` laid over it.
   * The store is not changed.
   */
  readonly trigger: <T extends UserEventType>(
    type: T,
    overrides?: Partial<UserEvents.DataOf<T>>
  ) => Effect.Effect<UserEvent>
  /** Empties the store and the emitted events, and removes every fault. */
  readonly reset: Effect.Effect<void>
}

/**
 * Control over an in-memory Clerk instance (provided by `UsersInMemory.layer` beside `Users`).
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const control = yield* UsersTestControl.UsersTestControl
 *   const users = yield* Users.Users
 *   const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"], firstName: "Ada" })
 *   yield* control.injectFault({ operations: ["get"], fault: Fault.status(503) })
 *   return yield* users.get(ada.id) // fails once with ServerError
 * }).pipe(Effect.provide(UsersInMemory.layer()))
 * ```
 */
export class UsersTestControl extends Context.Service<UsersTestControl, Service>()(
  "@effect-clerk/testkit/UsersTestControl"
) {}
