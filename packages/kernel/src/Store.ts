/**
 * Clerk's Users store: functions over an explicit state value, every check Clerk makes (uniqueness, metadata
 * size, deep merge, filters, ordering, pages, lockouts, MFA rules, the credits ledger), results as plain
 * `Result` values. Nothing here reads a clock, a random source or a hash: time is each call's `now`, ids and
 * random bytes come from the ports given to `make`, and a handler that needs a password hashed or verified answers a
 * `Hash` or `Verify` step, which the caller settles through its `PasswordHashing` port before the synchronous
 * rest runs; so every write runs to completion without interleaving.
 *
 * @since 0.2.0
 */
import { randomBytes } from "node:crypto"
import type { Failure } from "./ErrorCatalogue.js"
import type { IdGenerator } from "./Ids.js"
import * as Accounts from "./internal/store/accounts.js"
import * as Billing from "./internal/store/billing.js"
import * as Credentials from "./internal/store/credentials.js"
import * as Handlers from "./internal/store/handlers.js"
import * as Organizations from "./internal/store/organizations.js"
import type * as Records from "./internal/store/records.js"
import * as Snapshot from "./internal/store/snapshot.js"
import * as StateModule from "./internal/store/state.js"
import * as Users from "./internal/store/users.js"
import type { BillingSubscription, OAuthAccessToken, Organization, OrganizationInvitation } from "./Model.js"
import type { OrganizationMembership, TrustedDevice, User } from "./Model.js"
import type { OperationKey } from "./Operations.js"
import type { PasswordHashing, PasswordRecord } from "./Passwords.js"
import * as Result from "./Result.js"
import type { CreditSeed, ExternalAccountSeed, InvitationSeed, MembershipSeed, OAuthTokenSeed } from "./Seed.js"
import type { OrganizationSeed, PasskeySeed, TrustedDeviceSeed, UserSeed } from "./Seed.js"

/**
 * The state of one Clerk instance: users and everything attached to them, one mutable value.
 *
 * @since 0.2.0
 * @category models
 */
export type State = StateModule.State

/**
 * The options of a state: lockout duration (ms, `null`: until unlocked; default 1 hour), metadata size limit
 * (default 8 KB per field), TOTP issuer (default "Clerk").
 *
 * @since 0.2.0
 * @category models
 */
export type StoreOptions = StateModule.StoreOptions

/**
 * How long a user stays locked by default after `lockUser` (or too many failed attempts): 1 hour.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_LOCKOUT_MILLIS: number = StateModule.DEFAULT_LOCKOUT_MILLIS

/**
 * What the store needs from outside: the ids it hands out, and the random source of the secrets it makes (TOTP;
 * default `node:crypto`'s `randomBytes`).
 *
 * @since 0.2.0
 * @category models
 */
export interface Ports {
  readonly ids: IdGenerator
  readonly randomBytes?: (size: number) => Uint8Array
}

/**
 * A store function's result: a value, or Clerk's refusal.
 *
 * @since 0.2.0
 * @category models
 */
export type Outcome<A> = Records.Outcome<A>

/**
 * A handler's answer: an outcome now, or a `Hash` / `Verify` step for the hashing port, then the outcome.
 *
 * @since 0.2.0
 * @category models
 */
export type Step<A> = Records.Step<A>

/**
 * The handler of operation `K`: the state, the call's arguments (as the client method takes them, already
 * validated), the time.
 *
 * @since 0.2.0
 * @category models
 */
export type Handler<K extends OperationKey> = Handlers.Handler<K>

/**
 * A deep copy of everything the state holds, private fields included.
 *
 * @since 0.2.0
 * @category models
 */
export type { StoreSnapshot } from "./internal/store/snapshot.js"

/**
 * A fresh, empty state.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: StoreOptions, ports: Ports): State =>
  StateModule.make(ports.ids, ports.randomBytes ?? randomBytes, options)

/**
 * Every operation's handler.
 *
 * @since 0.2.0
 * @category handlers
 */
export const handlers: { readonly [K in OperationKey]: Handler<K> } = Handlers.handlers

/**
 * Runs the handler of the operation `key` on a call's arguments, already validated by the line's request checks
 * (each line's test kit dispatches calls by their row's key; the handler's own argument types are the rows').
 *
 * @since 0.3.0
 * @category handlers
 */
export const handle = (state: State, key: OperationKey, args: ReadonlyArray<unknown>, now: number): Step<unknown> => {
  const handler = handlers[key] as (state: State, args: ReadonlyArray<unknown>, now: number) => Step<unknown>
  return handler(state, args, now)
}

/**
 * Settles a step with a Promise-based hashing port (a line with its own runtime settles `Hash` and `Verify`
 * itself, as the Effect 3 test kit does). A verification that rejects is `false`.
 *
 * @since 0.2.0
 * @category handlers
 */
export const settle = <A>(step: Step<A>, hashing: PasswordHashing): Outcome<A> | Promise<Outcome<A>> => {
  switch (step._tag) {
    case "Ok":
    case "Err":
      return step
    case "Hash":
      return hashing.hash(step.password).then(step.then)
    case "Verify":
      return hashing.verify(step.record, step.password).catch(() => false).then(step.then)
  }
}

/**
 * Seeds one user whose password (if any) was hashed beforehand.
 *
 * @since 0.2.0
 * @category seeding
 */
export const seedUser = (
  state: State,
  seed: UserSeed,
  now: number,
  hashed: PasswordRecord | undefined
): Outcome<User> => Users.createHashed(state, { skipPasswordChecks: true, ...seed }, now, hashed)

/**
 * Seeds users all or nothing, each with its hashed password (`hashed[i]` for `seeds[i]`): a refused entry
 * removes the ones seeded before it and is named by its index.
 *
 * @since 0.2.0
 * @category seeding
 */
export const seedUsers = (
  state: State,
  seeds: ReadonlyArray<UserSeed>,
  now: number,
  hashed: ReadonlyArray<PasswordRecord | undefined>
): Result.Result<ReadonlyArray<User>, { readonly failure: Failure; readonly index: number }> => {
  const created: Array<User> = []
  for (let i = 0; i < seeds.length; i++) {
    const result = seedUser(state, seeds[i]!, now, hashed[i])
    if (result._tag === "Err") {
      for (const user of created) Users.remove(state, user.id)
      return Result.err({ failure: result.error, index: i })
    }
    created.push(result.value)
  }
  return Result.ok(created)
}

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedOrganization: (state: State, seed: OrganizationSeed, now: number) => Outcome<Organization> =
  Organizations.seedOrganization

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedMembership: (state: State, seed: MembershipSeed, now: number) => Outcome<OrganizationMembership> =
  Organizations.seedMembership

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedInvitation: (state: State, seed: InvitationSeed, now: number) => Outcome<OrganizationInvitation> =
  Organizations.seedInvitation

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedOAuthToken: (state: State, seed: OAuthTokenSeed, now: number) => Outcome<OAuthAccessToken> =
  Accounts.seedOAuthToken

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedPasskey: (state: State, userId: string, seed: PasskeySeed, now: number) => Outcome<User> =
  Accounts.seedPasskey

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedExternalAccount: (
  state: State,
  userId: string,
  seed: ExternalAccountSeed,
  now: number
) => Outcome<User> = Accounts.seedExternalAccount

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedTrustedDevice: (
  state: State,
  userId: string,
  seed: TrustedDeviceSeed,
  now: number
) => Outcome<TrustedDevice> = Credentials.seedTrustedDevice

/**
 * @since 0.2.0
 * @category seeding
 */
export const seedBillingSubscription: (
  state: State,
  userId: string,
  subscription: BillingSubscription
) => Outcome<void> = Billing.seedBillingSubscription

/**
 * Grants credits: an `increase` of the user's balance, its idempotency key a fresh id.
 *
 * @since 0.2.0
 * @category seeding
 */
export const seedCredits = (state: State, userId: string, credits: CreditSeed, now: number) =>
  Billing.adjustCredits(
    state,
    userId,
    {
      amount: credits.amount,
      action: "increase",
      idempotencyKey: state.ids.next("seed"),
      ...(credits.currency === undefined ? {} : { currency: credits.currency }),
      ...(credits.note === undefined ? {} : { note: credits.note })
    },
    now,
    "seed"
  )

/**
 * A deep copy of everything the state holds at `now`.
 *
 * @since 0.2.0
 * @category reads
 */
export const snapshot: (state: State, now: number) => Snapshot.StoreSnapshot = Snapshot.snapshot

/**
 * How many users the state holds.
 *
 * @since 0.2.0
 * @category reads
 */
export const size = (state: State): number => state.users.size

/**
 * A user's TOTP secret, if TOTP is set up.
 *
 * @since 0.2.0
 * @category reads
 */
export const totpSecret = (state: State, userId: string): string | undefined => state.users.get(userId)?.totpSecret

/**
 * Empties the state.
 *
 * @since 0.2.0
 * @category mutations
 */
export const reset: (state: State) => void = StateModule.reset
