/**
 * What a store can be seeded with, as plain types: users (everything `create` accepts, plus what only Clerk
 * sets: ids, timestamps, external accounts, passkeys), organizations, memberships, invitations, OAuth tokens,
 * trusted devices and credits. Times are epoch milliseconds. Each line decodes seeds from outside the process
 * with its own Schemas, checked equal to these types.
 *
 * @since 0.2.0
 */
import type { CreateUserParams, Metadata } from "./Model.js"

/**
 * An external (OAuth) account to attach to a seeded user.
 *
 * @since 0.2.0
 * @category models
 */
export interface ExternalAccountSeed {
  readonly id?: string
  readonly provider: string
  readonly providerUserId: string
  readonly emailAddress?: string
  readonly firstName?: string
  readonly lastName?: string
  readonly approvedScopes?: string
  readonly username?: string | null
}

/**
 * A passkey to attach to a seeded user.
 *
 * @since 0.2.0
 * @category models
 */
export interface PasskeySeed {
  readonly id?: string
  readonly name: string
  readonly lastUsedAt?: number
}

/**
 * A user: `create`'s parameters (`createdAt` in epoch milliseconds) and what only Clerk sets.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserSeed extends Omit<CreateUserParams, "createdAt"> {
  readonly id?: string
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly lastActiveAt?: number | null
  readonly lastSignInAt?: number | null
  readonly imageUrl?: string
  readonly externalAccounts?: ReadonlyArray<ExternalAccountSeed>
  readonly passkeys?: ReadonlyArray<PasskeySeed>
  readonly secondFactorPhoneNumbers?: ReadonlyArray<string>
}

/**
 * @since 0.2.0
 * @category models
 */
export interface OrganizationSeed {
  readonly id?: string
  readonly name: string
  readonly slug?: string
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly maxAllowedMemberships?: number
  readonly createdAt?: number
}

/**
 * @since 0.2.0
 * @category models
 */
export interface MembershipSeed {
  readonly id?: string
  readonly userId: string
  readonly organizationId: string
  readonly role?: string
  readonly roleName?: string
  readonly permissions?: ReadonlyArray<string>
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly createdAt?: number
}

/**
 * @since 0.2.0
 * @category models
 */
export interface InvitationSeed {
  readonly id?: string
  readonly organizationId: string
  readonly emailAddress: string
  readonly role?: string
  readonly roleName?: string
  readonly status?: "pending" | "accepted" | "revoked" | "expired"
  readonly inviterId?: string | null
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly url?: string | null
  readonly expiresAt?: number | null
  readonly createdAt?: number
}

/**
 * @since 0.2.0
 * @category models
 */
export interface OAuthTokenSeed {
  readonly userId: string
  readonly provider: string
  readonly token: string
  readonly externalAccountId?: string
  readonly providerUserId?: string
  readonly expiresAt?: number | null
  readonly scopes?: ReadonlyArray<string>
  readonly label?: string | null
  readonly idToken?: string
  readonly tokenSecret?: string
  readonly publicMetadata?: Metadata
}

/**
 * @since 0.2.0
 * @category models
 */
export interface TrustedDeviceSeed {
  readonly id?: string
  readonly platform: "ios" | "android"
  readonly appIdentifier: string
  readonly name?: string | null
  readonly status?: "active" | "revoked"
  readonly createdAt?: number
  readonly lastUsedAt?: number | null
}

/**
 * Credits granted to a user (an `increase` of its balance), in cents.
 *
 * @since 0.2.0
 * @category models
 */
export interface CreditSeed {
  readonly amount: number
  readonly currency?: string
  readonly note?: string
}
