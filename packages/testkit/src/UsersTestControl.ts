/**
 * The control side of the in-memory Clerk instance: seed data, read the raw store, inject faults.
 *
 * @since 0.1.0
 */
import type { BillingCreditLedgerEntry } from "@effect-clerk/core/BillingCreditBalance"
import type { BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import type { OAuthAccessToken } from "@effect-clerk/core/OAuthAccessToken"
import type { OrganizationInvitation } from "@effect-clerk/core/OrganizationInvitation"
import type { Organization, OrganizationMembership } from "@effect-clerk/core/OrganizationMembership"
import type { TrustedDevice } from "@effect-clerk/core/TrustedDevice"
import type { User } from "@effect-clerk/core/User"
import type { Store } from "@effect-clerk/kernel"
import type * as FaultRules from "@effect-clerk/kernel/FaultRules"
import type * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import type * as Fault from "./Fault.js"
import type * as Seeds from "./Seeds.js"

/**
 * Seeding refused the data (an identifier already taken, an unknown user or organization, a malformed
 * value...). `code` is the Clerk error code the same data would get from `create`.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const seeded = Effect.flatMap(UsersTestControl, (control) => control.seedUser({ username: "ada" })).pipe(
 *   Effect.catchTag("SeedError", (error) => Effect.die(`bad seed: ${error.code}`))
 * )
 * ```
 */
export class SeedError extends Schema.TaggedError<SeedError>("@effect-clerk/testkit/SeedError")("SeedError", {
  code: Schema.String,
  message: Schema.String,
  /** Which entry of a batch (`seedUsers`, a seed file, the admin API) was refused; nothing of the batch stays. */
  entry: Schema.optionalWith(Schema.Number, { exact: true })
}) {}

/**
 * An option of the in-memory instance or the emulator that cannot be honoured (an API version this library
 * does not know, an empty secret key...). `option` names it; the value is not repeated.
 *
 * @since 0.2.0
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
 * A user to seed (see `Seeds.UserSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type UserSeed = Seeds.UserSeed

/**
 * An external (OAuth) account to attach to a seeded user (see `Seeds.ExternalAccountSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type ExternalAccountSeed = Seeds.ExternalAccountSeed

/**
 * An organization to seed (see `Seeds.OrganizationSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationSeed = Seeds.OrganizationSeed

/**
 * A membership to seed (see `Seeds.MembershipSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type MembershipSeed = Seeds.MembershipSeed

/**
 * An organization invitation to seed (see `Seeds.InvitationSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type InvitationSeed = Seeds.InvitationSeed

/**
 * An OAuth access token to seed (see `Seeds.OAuthTokenSeed`).
 *
 * @since 0.1.0
 * @category models
 */
export type OAuthTokenSeed = Seeds.OAuthTokenSeed

/**
 * Everything the store holds, private fields included (a deep copy).
 *
 * @since 0.1.0
 * @category models
 */
export type StoreSnapshot = Store.StoreSnapshot

/**
 * Call and fault counters of an instance.
 *
 * @since 0.1.0
 * @category models
 */
export type Stats = FaultRules.Stats

/**
 * A user event the instance emitted: Clerk's envelope with camelCase fields (`instanceId`, `eventAttributes`),
 * its `data` the user (`user.created`, `user.updated`) or `{ object: "user", id, deleted: true, externalId? }`
 * (`user.deleted`). The kernel's `UserEvents.UserEvent`; the emulator delivers its wire form.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvent } from "@effect-clerk/testkit"
 *
 * const describe = (event: UserEvent) => `${event.type} ${event.data.id}`
 * ```
 */
export type UserEvent = UserEvents.UserEvent

/**
 * The type of a user event: `"user.created"`, `"user.updated"` or `"user.deleted"`.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEventType } from "@effect-clerk/testkit"
 *
 * const types: ReadonlyArray<UserEventType> = ["user.created", "user.deleted"]
 * ```
 */
export type UserEventType = UserEvents.UserEventType

/**
 * One attempt to deliver a webhook: when (epoch ms on the emulator's `Clock`), and the endpoint's status
 * (`undefined` when no response came: a network failure, the 15 s timeout, a dropped attempt).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookAttempt } from "@effect-clerk/testkit"
 *
 * const failed = (attempt: WebhookAttempt) => attempt.status === undefined || attempt.status >= 300
 * ```
 */
export interface WebhookAttempt {
  readonly at: number
  readonly status?: number
  /** Why the attempt failed without a status (`"timeout"`, `"dropped"`, a network error's message). */
  readonly error?: string
}

/**
 * The delivery of one event to one endpoint, as Svix keeps it: the message id (`svix-id`, the same on every
 * attempt), the attempts so far, and where it stands: `"pending"` (a retry is scheduled), `"succeeded"` (a 2xx),
 * `"failed"` (the retry schedule is exhausted), `"aborted"` (the endpoint answered `webhook-delivery:
 * abort-message`).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const attempts = Effect.flatMap(UsersTestControl, (control) => control.webhookDeliveries).pipe(
 *   Effect.map((log) => log.map((delivery) => `${delivery.eventType}: ${delivery.state}, ${delivery.attempts.length}`))
 * )
 * ```
 */
export interface WebhookDelivery {
  readonly messageId: string
  readonly endpoint: string
  readonly eventType: string
  readonly state: "pending" | "succeeded" | "failed" | "aborted"
  readonly attempts: ReadonlyArray<WebhookAttempt>
}

/**
 * Control over an in-memory Clerk instance.
 *
 * @since 0.1.0
 * @category tags
 * @example
 * ```ts
 * import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const control = yield* UsersTestControl
 *   const users = yield* Users
 *   const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"], firstName: "Ada" })
 *   yield* control.injectFault({ operations: ["get"], fault: Fault.status(503) })
 *   return yield* users.get(ada.id) // fails once with ServerError
 * }).pipe(Effect.provide(UsersInMemory.layer()))
 * ```
 */
export class UsersTestControl extends Context.Tag("@effect-clerk/testkit/UsersTestControl")<
  UsersTestControl,
  UsersTestControl.Service
>() {}

/**
 * The types of `UsersTestControl`: its service and the seeds it accepts.
 *
 * @since 0.1.0
 * @category models
 */
export declare namespace UsersTestControl {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    readonly seedUser: (seed: UserSeed) => Effect.Effect<User, SeedError>
    /** Seeds users all or nothing: a refused entry (named by `SeedError.entry`) leaves none of the batch. */
    readonly seedUsers: (seeds: Iterable<UserSeed>) => Effect.Effect<ReadonlyArray<User>, SeedError>
    readonly seedOrganization: (seed: OrganizationSeed) => Effect.Effect<Organization, SeedError>
    readonly seedMembership: (seed: MembershipSeed) => Effect.Effect<OrganizationMembership, SeedError>
    readonly seedInvitation: (seed: InvitationSeed) => Effect.Effect<OrganizationInvitation, SeedError>
    readonly seedOAuthToken: (seed: OAuthTokenSeed) => Effect.Effect<OAuthAccessToken, SeedError>
    readonly seedBillingSubscription: (
      userId: string,
      subscription: BillingSubscription
    ) => Effect.Effect<void, SeedError>
    /** Grants a user credits (a ledger entry of source type `seed`). */
    readonly seedCredits: (
      userId: string,
      credits: Seeds.CreditSeed
    ) => Effect.Effect<BillingCreditLedgerEntry, SeedError>
    /** Enrolls a trusted device for a user. */
    readonly seedTrustedDevice: (
      userId: string,
      device: Seeds.TrustedDeviceSeed
    ) => Effect.Effect<TrustedDevice, SeedError>
    /** Adds a passkey to an existing user. */
    readonly seedPasskey: (userId: string, passkey: Seeds.PasskeySeed) => Effect.Effect<User, SeedError>
    /** Links an external account to an existing user. */
    readonly seedExternalAccount: (
      userId: string,
      account: Seeds.ExternalAccountSeed
    ) => Effect.Effect<User, SeedError>
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
    /** Removes every fault rule, the delivery faults' too. */
    readonly clearFaults: Effect.Effect<void>
    /**
     * The user events the instance emitted since it was built or last reset (the latest 10,000), then each new one
     * as it is emitted (the stream never ends: take what you expect). Each operation whose row states an `event` emits it after a
     * successful change (one per user for `bulkBan`/`bulkUnban`); seeding emits nothing.
     *
     * @since 0.3.0
     */
    readonly events: Stream.Stream<UserEvent>
    /**
     * The user events emitted since the instance was built or last reset, in order (the latest 10,000).
     *
     * @since 0.3.0
     */
    readonly emitted: Effect.Effect<ReadonlyArray<UserEvent>>
    /**
     * Emits an event no operation caused, as `stripe trigger` does: a sample user ("Example User", a fresh id)
     * with `overrides` laid over it (for `user.deleted`, a fresh id unless `overrides.id`). The store is not
     * changed.
     *
     * @since 0.3.0
     */
    readonly trigger: <T extends UserEventType>(
      type: T,
      overrides?: Partial<UserEvents.DataOf<T>>
    ) => Effect.Effect<UserEvent>
    /**
     * The emulator's webhook deliveries (attempts, statuses, times), in the order the events were emitted; the
     * in-memory layer delivers nothing (empty).
     *
     * @since 0.3.0
     */
    readonly webhookDeliveries: Effect.Effect<ReadonlyArray<WebhookDelivery>>
    /**
     * Adds a webhook delivery fault rule (duplicates, drops, delays) for the emulator's deliveries; removed by
     * `clearFaults` and `reset`.
     *
     * @since 0.3.0
     */
    readonly injectDeliveryFault: (rule: Fault.DeliveryRule) => Effect.Effect<void>
    /** Empties the store, the emitted events and the delivery log, and removes every fault. */
    readonly reset: Effect.Effect<void>
  }
}
