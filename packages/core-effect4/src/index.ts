/**
 * The Effect 4 line of effect-clerk (spike).
 *
 * @since 1.0.0
 */

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
export * as User from "./User.js"

/**
 * @since 1.0.0
 */
export * as Users from "./Users.js"
