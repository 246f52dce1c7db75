/**
 * The user object and everything nested in it, camelCase (the wire is snake_case), timestamps in epoch
 * milliseconds.
 *
 * @internal
 */
import type { ClerkApiError, JsonObject } from "./common.js"
import type { OrganizationMembership } from "./organization.js"

/**
 * The `object` of a verification, naming its variant. Open: Clerk may add values; known ones are
 * `verification_otp`, `verification_admin`, `verification_from_oauth`, `verification_ticket`,
 * `verification_saml`, `verification_email_link`, `verification_scim`, `verification_oauth`,
 * `verification_google_one_tap`, `verification_passkey`, `verification_web3`.
 *
 * @since 0.2.0
 * @category models
 */
export type VerificationObject = string

/**
 * The status of a verification. Open: Clerk may add values; known ones are `unverified`, `verified`, `failed`,
 * `expired`, `transferable`.
 *
 * @since 0.2.0
 * @category models
 */
export type VerificationStatus = string

/**
 * A verification of an identifier or an account: the fields every variant shares are required, the
 * variant-specific ones optional.
 *
 * @since 0.2.0
 * @category models
 */
export interface Verification {
  readonly object?: VerificationObject
  readonly status: VerificationStatus
  readonly strategy: string
  readonly attempts: number | null
  readonly expireAt?: number | null
  readonly verifiedAtClient?: string | null
  readonly channel?: string | null
  readonly nonce?: string | null
  readonly message?: string | null
  readonly externalVerificationRedirectUrl?: string | null
  readonly error?: ClerkApiError | null
}

/**
 * A link between an identifier and the account it came from.
 *
 * @since 0.2.0
 * @category models
 */
export interface IdentificationLink {
  readonly type: string
  readonly id: string
}

/**
 * An email address of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface EmailAddress {
  readonly id?: string
  readonly object: string
  readonly emailAddress: string
  readonly reserved: boolean
  readonly verification: Verification | null
  readonly linkedTo: ReadonlyArray<IdentificationLink>
  readonly matchesSsoConnection?: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A phone number of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface PhoneNumber {
  readonly id?: string
  readonly object: string
  readonly phoneNumber: string
  readonly reservedForSecondFactor?: boolean
  readonly defaultSecondFactor?: boolean
  readonly reserved: boolean
  readonly verification: Verification | null
  readonly linkedTo: ReadonlyArray<IdentificationLink>
  readonly backupCodes?: ReadonlyArray<string> | null
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A web3 wallet of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface Web3Wallet {
  readonly id?: string
  readonly object: string
  readonly web3Wallet: string
  readonly verification: Verification | null
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A passkey of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface Passkey {
  readonly id?: string
  readonly object: string
  readonly name: string
  readonly lastUsedAt: number
  readonly verification: Verification | null
}

/**
 * An OAuth (external) account linked to a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface ExternalAccount {
  readonly object: string // external_account, facebook_account, google_account
  readonly id: string
  readonly provider: string
  readonly identificationId: string
  readonly providerUserId: string
  readonly approvedScopes: string
  readonly emailAddress: string
  readonly emailAddressVerified?: boolean | null
  readonly firstName: string
  readonly lastName: string
  readonly avatarUrl?: string
  readonly imageUrl?: string | null
  readonly username?: string | null
  readonly phoneNumber?: string | null
  readonly publicMetadata: JsonObject
  readonly label?: string | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly verification: Verification | null
}

/**
 * The SAML connection a SAML account signs in through.
 *
 * @since 0.2.0
 * @category models
 */
export interface SamlAccountConnection {
  readonly id: string
  readonly name: string
  readonly domain?: string
  readonly domains?: ReadonlyArray<string>
  readonly active: boolean
  readonly provider: string
  readonly syncUserAttributes: boolean
  readonly allowSubdomains?: boolean
  readonly allowIdpInitiated?: boolean
  readonly disableAdditionalIdentifications?: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A SAML account of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface SamlAccount {
  readonly id: string
  readonly object: string
  readonly provider: string
  readonly active: boolean
  readonly emailAddress: string
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly providerUserId?: string | null
  readonly lastAuthenticatedAt?: number | null
  readonly publicMetadata?: JsonObject
  readonly verification: Verification | null
  readonly samlConnection?: SamlAccountConnection | null
}

/**
 * The enterprise connection an enterprise account signs in through.
 *
 * @since 0.2.0
 * @category models
 */
export interface EnterpriseAccountConnection {
  readonly id: string
  readonly protocol: string
  readonly provider: string
  readonly name: string
  readonly logoPublicUrl: string | null
  readonly domain?: string
  readonly domains?: ReadonlyArray<string>
  readonly active: boolean
  readonly syncUserAttributes: boolean
  readonly allowSubdomains: boolean
  readonly allowIdpInitiated: boolean
  readonly disableAdditionalIdentifications: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * An enterprise (SAML or OIDC) account of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface EnterpriseAccount {
  readonly id: string
  readonly object: string
  readonly protocol?: string // oauth, saml
  readonly provider: string
  readonly active: boolean
  readonly emailAddress: string
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly providerUserId?: string | null
  readonly enterpriseConnectionId?: string | null
  readonly publicMetadata?: JsonObject
  readonly verification: Verification | null
  readonly enterpriseConnection?: EnterpriseAccountConnection | null
  readonly lastAuthenticatedAt?: number | null
}

/**
 * How a user is linked to a directory (SCIM), when Clerk sends it.
 *
 * @since 0.2.0
 * @category models
 */
export interface ScimUserMetadata {
  readonly directoryId: string
  readonly directoryEnabled?: boolean
  readonly externalId: string | null
}

/**
 * A Clerk user.
 *
 * @since 0.2.0
 * @category models
 */
export interface User {
  readonly id: string
  readonly object: string
  readonly externalId: string | null
  readonly primaryEmailAddressId: string | null
  readonly primaryPhoneNumberId: string | null
  readonly primaryWeb3WalletId: string | null
  readonly username: string | null
  readonly firstName: string | null
  readonly lastName: string | null
  readonly locale?: string | null
  readonly profileImageUrl?: string
  readonly imageUrl?: string
  readonly hasImage: boolean
  readonly publicMetadata: JsonObject
  readonly privateMetadata?: JsonObject | null
  readonly unsafeMetadata?: JsonObject
  readonly emailAddresses: ReadonlyArray<EmailAddress>
  readonly phoneNumbers: ReadonlyArray<PhoneNumber>
  readonly web3Wallets: ReadonlyArray<Web3Wallet>
  readonly passkeys: ReadonlyArray<Passkey>
  readonly passwordEnabled: boolean
  readonly twoFactorEnabled: boolean
  readonly totpEnabled: boolean
  readonly backupCodeEnabled: boolean
  readonly mfaEnabledAt: number | null
  readonly mfaDisabledAt: number | null
  readonly passwordLastUpdatedAt?: number | null
  readonly requiresPasswordReset?: boolean
  readonly externalAccounts: ReadonlyArray<ExternalAccount>
  readonly samlAccounts: ReadonlyArray<SamlAccount>
  readonly enterpriseAccounts: ReadonlyArray<EnterpriseAccount>
  readonly organizationMemberships?: ReadonlyArray<OrganizationMembership>
  readonly lastSignInAt: number | null
  readonly banned: boolean
  readonly locked: boolean
  readonly deprovisioned?: boolean
  readonly lockoutExpiresInSeconds: number | null
  readonly verificationAttemptsRemaining: number | null
  readonly updatedAt: number
  readonly createdAt: number
  readonly deleteSelfEnabled: boolean
  readonly createOrganizationEnabled: boolean
  readonly createOrganizationsLimit?: number | null
  readonly lastActiveAt: number | null
  readonly legalAcceptedAt: number | null
  readonly bypassClientTrust?: boolean
  readonly scim?: ScimUserMetadata | null
}
