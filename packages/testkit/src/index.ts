/**
 * `@effect-clerk/testkit`: an in-memory Clerk for tests of code built on `@effect-clerk/core`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"
/**
 * @since 0.1.0
 */
export * as ClerkEmulator from "./ClerkEmulator.js"
export * from "./DeepMerge.js"
/**
 * @since 0.3.0
 */
export * as EmulatorLauncher from "./EmulatorLauncher.js"
/**
 * @since 0.1.0
 */
export * as Fault from "./Fault.js"
/**
 * @since 0.2.0
 */
export * as Seeds from "./Seeds.js"
/**
 * @since 0.3.0
 */
export * as TimeRelative from "./TimeRelative.js"
/**
 * @since 0.1.0
 */
export * as UsersInMemory from "./UsersInMemory.js"
export * from "./UsersTestControl.js"
