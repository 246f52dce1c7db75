/**
 * The small objects the Users operations answer with: counts, verification results, deletions, TOTPs, trusted
 * devices, OAuth access tokens and the page of a listing.
 *
 * @internal
 */
import type { JsonObject } from "./common.js"

/**
 * The answer of `count`: `{ object: "total_count", total_count }`.
 *
 * @since 0.2.0
 * @category models
 */
export interface TotalCount {
  readonly object: string
  readonly totalCount: number
}

/**
 * The answer of `verifyPassword`.
 *
 * @since 0.2.0
 * @category models
 */
export interface VerifyPasswordResult {
  readonly verified: boolean
}

/**
 * The kind of code `verifyTotp` accepted. Open: Clerk may add values; known ones are `totp`, `backup_code`.
 *
 * @since 0.2.0
 * @category models
 */
export type TotpCodeType = string

/**
 * The answer of `verifyTotp`.
 *
 * @since 0.2.0
 * @category models
 */
export interface VerifyTotpResult {
  readonly verified: boolean
  readonly codeType?: TotpCodeType
}

/**
 * An answer naming only a user (the MFA and credential removals).
 *
 * @since 0.2.0
 * @category models
 */
export interface UserIdResult {
  readonly userId: string
}

/**
 * One page of a listing and the total count of the whole listing.
 *
 * @since 0.2.0
 * @category models
 */
export interface Paginated<A> {
  readonly data: ReadonlyArray<A>
  readonly totalCount: number
}

/**
 * What was deleted: its `object` type, its `id` and `deleted: true`.
 *
 * @since 0.2.0
 * @category models
 */
export interface DeletedObject {
  readonly object: string
  readonly id?: string
  readonly slug?: string
  readonly deleted: boolean
  readonly externalId?: string
}

/**
 * A TOTP with its secret and `otpauth://` URI, and backup codes when Clerk made them.
 *
 * @since 0.2.0
 * @category models
 */
export interface Totp {
  readonly object: string
  readonly id: string
  readonly secret: string | null
  readonly uri: string | null
  readonly verified: boolean
  readonly backupCodes?: ReadonlyArray<string> | null
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly label?: string | null
}

/**
 * A trusted device of a user.
 *
 * @since 0.2.0
 * @category models
 */
export interface TrustedDevice {
  readonly object: string
  readonly id: string
  readonly platform: string // ios, android
  readonly appIdentifier: string
  readonly name?: string | null
  readonly algorithm: string
  readonly status: string // active, revoked
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastUsedAt?: number | null
  readonly revokedAt?: number | null
}

/**
 * An OAuth access token of a user for one provider.
 *
 * @since 0.2.0
 * @category models
 */
export interface OAuthAccessToken {
  readonly object: string
  readonly externalAccountId: string
  readonly providerUserId: string
  readonly token: string
  readonly expiresAt: number | null
  readonly provider: string
  readonly publicMetadata: JsonObject
  readonly label: string | null
  readonly scopes?: ReadonlyArray<string>
  readonly idToken?: string
  readonly tokenSecret?: string
}
