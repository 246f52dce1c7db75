/**
 * `@effect-clerk/core`: Clerk's Backend API Users endpoints as Effects with typed errors and retries.
 *
 * @since 0.1.0
 */

export * from "./BillingSubscription.js"
export * from "./ClerkConfig.js"
export * from "./ClerkError.js"
export * from "./DeletedObject.js"
export * from "./OAuthAccessToken.js"
export * from "./OrganizationInvitation.js"
export * from "./OrganizationMembership.js"
export * from "./Responses.js"
/**
 * @since 0.1.0
 */
export * as RetryPolicy from "./RetryPolicy.js"
export * from "./Totp.js"
export * from "./User.js"
export { DEFAULT_PAGE_SIZE, Users } from "./Users.js"
export * from "./UsersParams.js"
export * from "./Verification.js"
