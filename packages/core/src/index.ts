/**
 * `@effect-clerk/core`: Clerk's Backend API Users endpoints as Effects with typed errors and retries.
 *
 * @since 0.1.0
 */

export * from "./BillingCredits.js"
export * from "./BillingSubscription.js"
export {
  ClerkConfig,
  DEFAULT_API_URL,
  DEFAULT_API_VERSION,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_PER_USER_WRITE_LIMIT,
  METADATA_IN_UPDATE_REMOVED_IN
} from "./ClerkConfig.js"
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
export * from "./TrustedDevice.js"
export * from "./User.js"
export { DEFAULT_PAGE_SIZE, Users } from "./Users.js"
export * from "./UsersParams.js"
/**
 * @since 0.2.0
 */
export * as UsersProtocol from "./UsersProtocol.js"
export * from "./Verification.js"
