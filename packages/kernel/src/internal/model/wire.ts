/**
 * The wire (snake_case JSON) form of the models, derived from the camelCase interfaces: Clerk's field names are
 * the camelCase ones with each capital letter turned into `_` and its lower case (`web3Wallet` is `web3_wallet`).
 *
 * @internal
 */
import type { BillingSubscription } from "./billing.js"
import type { OrganizationInvitation, OrganizationMembership } from "./organization.js"
import type { OAuthAccessToken } from "./responses.js"
import type { User, Verification } from "./user.js"

/**
 * A camelCase name in snake_case: `primaryEmailAddressId` is `primary_email_address_id`.
 *
 * @since 0.2.0
 * @category models
 */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Rest>}`
  : S

/**
 * The wire form of a model: every field name in snake_case, at every depth (arrays, nullable and optional fields
 * included); the values of a JSON object (metadata) are left as they are.
 *
 * @since 0.2.0
 * @category models
 */
export type Wire<A> = A extends ReadonlyArray<infer Item> ? ReadonlyArray<Wire<Item>>
  : A extends object ? { readonly [K in keyof A as K extends string ? SnakeCase<K> : K]: Wire<A[K]> }
  : A

/**
 * The wire form of a {@link User}.
 *
 * @since 0.2.0
 * @category models
 */
export type UserEncoded = Wire<User>

/**
 * The wire form of a {@link Verification}.
 *
 * @since 0.2.0
 * @category models
 */
export type VerificationEncoded = Wire<Verification>

/**
 * The wire form of an {@link OAuthAccessToken}.
 *
 * @since 0.2.0
 * @category models
 */
export type OAuthAccessTokenEncoded = Wire<OAuthAccessToken>

/**
 * The wire form of an {@link OrganizationMembership}.
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationMembershipEncoded = Wire<OrganizationMembership>

/**
 * The wire form of an {@link OrganizationInvitation}.
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationInvitationEncoded = Wire<OrganizationInvitation>

/**
 * The wire form of a {@link BillingSubscription}.
 *
 * @since 0.2.0
 * @category models
 */
export type BillingSubscriptionEncoded = Wire<BillingSubscription>
