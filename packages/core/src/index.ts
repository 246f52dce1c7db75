/**
 * `@effect-clerk/core`: Clerk's Backend API Users endpoints as Effects with typed errors and retries.
 *
 * `Users` (the service, with `Users.layer`) and `ClerkConfig` (its configuration, with `ClerkConfig.layer` and
 * `ClerkConfig.layerFromEnv`) stand at the root; every other module is a namespace (`User.User`,
 * `ClerkError.ResourceNotFound`, `UsersParams.CreateUserParams`...), also importable by path
 * (`@effect-clerk/core/User`).
 *
 * @since 0.1.0
 */

/**
 * @since 0.3.0
 */
export * as BillingCreditBalance from "./BillingCreditBalance.js"
/**
 * @since 0.3.0
 */
export * as BillingSubscription from "./BillingSubscription.js"
/**
 * @since 0.3.0
 */
export * as Bulk from "./Bulk.js"
/**
 * @since 0.3.0
 */
export * as CallPolicy from "./CallPolicy.js"
export { ClerkConfig } from "./ClerkConfig.js"
/**
 * @since 0.3.0
 */
export * as ClerkError from "./ClerkError.js"
/**
 * @since 0.3.0
 */
export * as DeletedObject from "./DeletedObject.js"
/**
 * @since 0.3.0
 */
export * as InstanceBudget from "./InstanceBudget.js"
/**
 * @since 0.3.0
 */
export * as OAuthAccessToken from "./OAuthAccessToken.js"
/**
 * @since 0.3.0
 */
export * as OrganizationInvitation from "./OrganizationInvitation.js"
/**
 * @since 0.3.0
 */
export * as OrganizationMembership from "./OrganizationMembership.js"
/**
 * @since 0.3.0
 */
export * as Pagination from "./Pagination.js"
/**
 * @since 0.3.0
 */
export * as Responses from "./Responses.js"
/**
 * @since 0.1.0
 */
export * as RetryPolicy from "./RetryPolicy.js"
/**
 * @since 0.3.0
 */
export * as Totp from "./Totp.js"
/**
 * @since 0.3.0
 */
export * as TrustedDevice from "./TrustedDevice.js"
/**
 * @since 0.3.0
 */
export * as User from "./User.js"
export { Users } from "./Users.js"
/**
 * @since 0.3.0
 */
export * as UsersCodec from "./UsersCodec.js"
/**
 * @since 0.3.0
 */
export * as UsersParams from "./UsersParams.js"
/**
 * @since 0.2.0
 */
export * as UsersProtocol from "./UsersProtocol.js"
/**
 * @since 0.3.0
 */
export * as Verification from "./Verification.js"
/**
 * @since 0.3.0
 */
export * as WebhookDeduplication from "./WebhookDeduplication.js"
/**
 * @since 0.3.0
 */
export * as WebhookEvent from "./WebhookEvent.js"
/**
 * @since 0.3.0
 */
export * as Webhooks from "./Webhooks.js"
