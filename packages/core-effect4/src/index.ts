/**
 * The Effect 4 line of effect-clerk (spike).
 *
 * @since 1.0.0
 */

/**
 * @since 1.0.0
 */
export * as BillingCreditBalance from "./BillingCreditBalance.js"

/**
 * @since 1.0.0
 */
export * as BillingSubscription from "./BillingSubscription.js"

/**
 * @since 1.0.0
 */
export * as Bulk from "./Bulk.js"

/**
 * @since 1.0.0
 */
export * as CallPolicy from "./CallPolicy.js"

/**
 * @since 1.0.0
 */
export * as ClerkConfig from "./ClerkConfig.js"

/**
 * @since 1.0.0
 */
export * as ClerkError from "./ClerkError.js"

/**
 * @since 1.0.0
 */
export * as DeletedObject from "./DeletedObject.js"

/**
 * @since 1.0.0
 */
export * as InstanceBudget from "./InstanceBudget.js"

/**
 * @since 1.0.0
 */
export * as OAuthAccessToken from "./OAuthAccessToken.js"

/**
 * @since 1.0.0
 */
export * as OrganizationInvitation from "./OrganizationInvitation.js"

/**
 * @since 1.0.0
 */
export * as OrganizationMembership from "./OrganizationMembership.js"

/**
 * @since 1.0.0
 */
export * as Pagination from "./Pagination.js"

/**
 * @since 1.0.0
 */
export * as Responses from "./Responses.js"

/**
 * @since 1.0.0
 */
export * as RetryPolicy from "./RetryPolicy.js"

/**
 * @since 1.0.0
 */
export * as Totp from "./Totp.js"

/**
 * @since 1.0.0
 */
export * as TrustedDevice from "./TrustedDevice.js"

/**
 * @since 1.0.0
 */
export * as User from "./User.js"

/**
 * @since 1.0.0
 */
export * as Users from "./Users.js"

/**
 * @since 1.0.0
 */
export * as UsersCodec from "./UsersCodec.js"

/**
 * @since 1.0.0
 */
export * as UsersParams from "./UsersParams.js"

/**
 * @since 1.0.0
 */
export * as UsersProtocol from "./UsersProtocol.js"

/**
 * @since 1.0.0
 */
export * as Verification from "./Verification.js"

/**
 * @since 1.0.0
 */
export * as WebhookDeduplication from "./WebhookDeduplication.js"

/**
 * @since 1.0.0
 */
export * as WebhookEvent from "./WebhookEvent.js"

/**
 * @since 1.0.0
 */
export * as Webhooks from "./Webhooks.js"
