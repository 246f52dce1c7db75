/**
 * The parameters of the Users operations, camelCase (the wire is snake_case query parameters and JSON bodies):
 * list and count filters, pagination, create, update, metadata patches and the small request bodies.
 *
 * @internal
 */
import type {
  creditActions,
  identificationStatuses,
  invitationStatuses,
  membershipOrderFields,
  replacementStatuses,
  userOrderFields
} from "../../Limits.js"
import type { Metadata } from "./common.js"

/**
 * A field users can be ordered by.
 *
 * @since 0.2.0
 * @category models
 */
export type UserOrderField = typeof userOrderFields[number]

/**
 * The order of a user listing: a field, optionally prefixed by `+` (ascending, the default) or `-`
 * (descending).
 *
 * @since 0.2.0
 * @category models
 */
export type UserOrderBy = UserOrderField | `+${UserOrderField}` | `-${UserOrderField}`

/**
 * A field the instance's organization memberships can be ordered by.
 *
 * @since 0.2.0
 * @category models
 */
export type MembershipOrderField = typeof membershipOrderFields[number]

/**
 * The order of the instance's organization memberships.
 *
 * @since 0.2.0
 * @category models
 */
export type MembershipOrderBy = MembershipOrderField | `+${MembershipOrderField}` | `-${MembershipOrderField}`

/**
 * A password hashing algorithm accepted for `passwordDigest`. Open: Clerk may add values; known ones are listed in
 * `Limits.passwordHashers`.
 *
 * @since 0.2.0
 * @category models
 */
export type PasswordHasher = string

/**
 * The status an identifier is created with.
 *
 * @since 0.2.0
 * @category models
 */
export type IdentificationStatus = typeof identificationStatuses[number]

/**
 * The status an identifier is given when it replaces a user's others.
 *
 * @since 0.2.0
 * @category models
 */
export type ReplacementStatus = typeof replacementStatuses[number]

/**
 * A status organization invitations can be filtered by.
 *
 * @since 0.2.0
 * @category models
 */
export type InvitationStatusFilter = typeof invitationStatuses[number]

/**
 * The direction of a credit balance adjustment.
 *
 * @since 0.2.0
 * @category models
 */
export type CreditAction = typeof creditActions[number]

/**
 * The filters of `count` (and of `list`): exact-match lists (up to 100 values each), partial matches,
 * `banned`, and timestamp bounds in epoch milliseconds.
 *
 * @since 0.2.0
 * @category models
 */
export interface CountUsersParams {
  readonly emailAddress?: ReadonlyArray<string>
  readonly phoneNumber?: ReadonlyArray<string>
  readonly externalId?: ReadonlyArray<string>
  readonly username?: ReadonlyArray<string>
  readonly web3Wallet?: ReadonlyArray<string>
  readonly userId?: ReadonlyArray<string>
  readonly organizationId?: ReadonlyArray<string>
  readonly query?: string
  readonly emailAddressQuery?: string
  readonly phoneNumberQuery?: string
  readonly usernameQuery?: string
  readonly nameQuery?: string
  readonly banned?: boolean
  readonly lastActiveAtBefore?: number
  readonly lastActiveAtAfter?: number
  readonly lastActiveAtSince?: number
  readonly createdAtBefore?: number
  readonly createdAtAfter?: number
  readonly lastSignInAtBefore?: number
  readonly lastSignInAtAfter?: number
  readonly provider?: string
  readonly providerUserId?: ReadonlyArray<string>
}

/**
 * The parameters of `list`: every filter of {@link CountUsersParams}, the order, the page and the
 * `startingAfter` cursor.
 *
 * @since 0.2.0
 * @category models
 */
export interface ListUsersParams extends CountUsersParams {
  readonly orderBy?: UserOrderBy
  readonly limit?: number
  readonly offset?: number
  readonly startingAfter?: string
}

/**
 * `limit` and `offset` of a paginated listing.
 *
 * @since 0.2.0
 * @category models
 */
export interface PaginationParams {
  readonly limit?: number
  readonly offset?: number
}

/**
 * The parameters of `getOAuthAccessToken`.
 *
 * @since 0.2.0
 * @category models
 */
export interface OAuthAccessTokenParams {
  readonly paginated?: boolean
  readonly limit?: number
  readonly offset?: number
}

/**
 * The parameters of `getOrganizationInvitations`.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationInvitationsParams {
  readonly limit?: number
  readonly offset?: number
  readonly status?: InvitationStatusFilter
}

/**
 * The parameters of `getInstanceOrganizationMemberships`.
 *
 * @since 0.2.0
 * @category models
 */
export interface InstanceOrganizationMembershipsParams {
  readonly orderBy?: MembershipOrderBy
  readonly limit?: number
  readonly offset?: number
}

/**
 * The body of `create`. Every field is optional; which ones an instance requires depends on its settings.
 *
 * @since 0.2.0
 * @category models
 */
export interface CreateUserParams {
  readonly externalId?: string | null
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly locale?: string | null
  readonly emailAddress?: ReadonlyArray<string>
  readonly emailAddressIdentificationStatus?: ReadonlyArray<IdentificationStatus>
  readonly phoneNumber?: ReadonlyArray<string>
  readonly phoneNumberIdentificationStatus?: ReadonlyArray<IdentificationStatus>
  readonly web3Wallet?: ReadonlyArray<string>
  readonly username?: string | null
  readonly password?: string | null
  readonly passwordDigest?: string | null
  readonly passwordHasher?: PasswordHasher
  readonly skipPasswordChecks?: boolean | null
  readonly skipPasswordRequirement?: boolean | null
  readonly totpSecret?: string | null
  readonly backupCodes?: ReadonlyArray<string>
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly unsafeMetadata?: Metadata
  readonly deleteSelfEnabled?: boolean | null
  readonly legalAcceptedAt?: string | null
  readonly skipLegalChecks?: boolean | null
  readonly skipUserRequirement?: boolean | null
  readonly createOrganizationEnabled?: boolean | null
  readonly createOrganizationsLimit?: number | null
  readonly createdAt?: string | null
  readonly bypassClientTrust?: boolean | null
  readonly banned?: boolean | null
  readonly locked?: boolean | null
}

/**
 * The body of `update`: an absent field is left unchanged, `null` clears it.
 *
 * @since 0.2.0
 * @category models
 */
export interface UpdateUserParams {
  readonly externalId?: string | null
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly locale?: string | null
  readonly primaryEmailAddressId?: string | null
  readonly notifyPrimaryEmailAddressChanged?: boolean | null
  readonly primaryPhoneNumberId?: string | null
  readonly primaryWeb3WalletId?: string | null
  readonly username?: string | null
  readonly profileImageId?: string | null
  readonly password?: string | null
  readonly passwordDigest?: string
  readonly passwordHasher?: PasswordHasher
  readonly skipPasswordChecks?: boolean | null
  readonly signOutOfOtherSessions?: boolean | null
  readonly totpSecret?: string | null
  readonly backupCodes?: ReadonlyArray<string>
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly unsafeMetadata?: Metadata
  readonly deleteSelfEnabled?: boolean | null
  readonly createOrganizationEnabled?: boolean | null
  readonly legalAcceptedAt?: string | null
  readonly skipLegalChecks?: boolean | null
  readonly createOrganizationsLimit?: number | null
  readonly createdAt?: string | null
  readonly bypassClientTrust?: boolean | null
}

/**
 * The body of `updateMetadata`: each object is deep-merged into the stored one; `null` removes a key.
 *
 * @since 0.2.0
 * @category models
 */
export interface UpdateMetadataParams {
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly unsafeMetadata?: Metadata
}

/**
 * The body of `replaceMetadata`: each object given replaces the stored one as a whole.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReplaceMetadataParams {
  readonly publicMetadata?: Metadata
  readonly privateMetadata?: Metadata
  readonly unsafeMetadata?: Metadata
}

/**
 * The body of `replaceEmailAddress`: the one email address the user keeps.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReplaceEmailAddressParams {
  readonly emailAddress: string
  readonly identificationStatus?: ReplacementStatus
  readonly notifyPrimaryEmailAddressChanged?: boolean | null
}

/**
 * The body of `replacePhoneNumber`: the one phone number the user keeps.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReplacePhoneNumberParams {
  readonly phoneNumber: string
  readonly identificationStatus?: ReplacementStatus
}

/**
 * The body of `removePassword`.
 *
 * @since 0.2.0
 * @category models
 */
export interface RemovePasswordParams {
  readonly signOutOfOtherSessions?: boolean
}

/**
 * The body of `adjustBillingCreditBalance`: an amount in cents (more than 0), once per `idempotencyKey`.
 *
 * @since 0.2.0
 * @category models
 */
export interface AdjustCreditBalanceParams {
  readonly amount: number
  readonly action: CreditAction
  readonly currency?: string
  readonly idempotencyKey: string
  readonly note?: string
}

/**
 * The body of `setPasswordCompromised`.
 *
 * @since 0.2.0
 * @category models
 */
export interface SetPasswordCompromisedParams {
  readonly revokeAllSessions?: boolean | null
}

/**
 * The body of `bulkBan` and `bulkUnban`: 1 to 50 user ids.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserIdsBody {
  readonly userIds: ReadonlyArray<string>
}

/**
 * The body of `verifyPassword`.
 *
 * @since 0.2.0
 * @category models
 */
export interface VerifyPasswordBody {
  readonly password: string
}

/**
 * The body of `verifyTotp`.
 *
 * @since 0.2.0
 * @category models
 */
export interface VerifyTotpBody {
  readonly code: string
}

/**
 * The image `setProfileImage` uploads, sent as the multipart field `file`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ProfileImage {
  readonly data: Uint8Array | Blob
  readonly fileName?: string
  readonly contentType?: string
}
