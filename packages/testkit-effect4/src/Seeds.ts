/**
 * What the in-memory Clerk can be seeded with: users (everything `create` accepts, plus what only Clerk sets: ids,
 * timestamps, external accounts, passkeys), organizations, memberships, invitations, OAuth tokens, trusted devices
 * and credits. The JSON form is camelCase, times are epoch milliseconds. These are the kernel's `Seed` types, the
 * ones the store seeds; the Effect 3 line also has them as Schemas, to decode seed files and admin requests of its
 * emulator (the one emulator, which this line drives over HTTP: it decodes them there).
 *
 * @since 1.0.0
 */
import type * as Seed from "@effect-clerk/kernel/Seed"

/**
 * A user to seed: `create`'s parameters (`createdAt` in epoch milliseconds) and what only Clerk sets.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { Seeds } from "@effect-clerk/testkit"
 *
 * const ada: Seeds.UserSeed = { emailAddress: ["ada@example.com"], createdAt: 1_700_000_000_000 }
 * ```
 */
export type UserSeed = Seed.UserSeed

/**
 * An external (OAuth) account to attach to a seeded user.
 *
 * @since 1.0.0
 * @category models
 */
export type ExternalAccountSeed = Seed.ExternalAccountSeed

/**
 * A passkey to attach to a seeded user.
 *
 * @since 1.0.0
 * @category models
 */
export type PasskeySeed = Seed.PasskeySeed

/**
 * An organization to seed.
 *
 * @since 1.0.0
 * @category models
 */
export type OrganizationSeed = Seed.OrganizationSeed

/**
 * A membership to seed (the user and the organization must exist).
 *
 * @since 1.0.0
 * @category models
 */
export type MembershipSeed = Seed.MembershipSeed

/**
 * An organization invitation to seed; it is listed for the users holding its email address.
 *
 * @since 1.0.0
 * @category models
 */
export type InvitationSeed = Seed.InvitationSeed

/**
 * An OAuth access token to seed.
 *
 * @since 1.0.0
 * @category models
 */
export type OAuthTokenSeed = Seed.OAuthTokenSeed

/**
 * A trusted device to enroll for a user.
 *
 * @since 1.0.0
 * @category models
 */
export type TrustedDeviceSeed = Seed.TrustedDeviceSeed

/**
 * Credits to grant a user (a ledger entry of source type `seed`), in cents.
 *
 * @since 1.0.0
 * @category models
 */
export type CreditSeed = Seed.CreditSeed
