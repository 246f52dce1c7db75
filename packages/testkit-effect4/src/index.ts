/**
 * `@effect-clerk/testkit` for Effect 4: the in-memory `Users` layer and its control over the kernel's store,
 * fault rules, seeds, arbitraries for property tests, time-relative comparisons, and a launcher of the one
 * emulator (the Effect 3 line's command, a black box over HTTP).
 *
 * @since 1.0.0
 */

/**
 * @since 1.0.0
 */
export * as Arbitraries from "./Arbitraries.js"

/**
 * @since 1.0.0
 */
export * as EmulatorLauncher from "./EmulatorLauncher.js"

/**
 * @since 1.0.0
 */
export * as Fault from "./Fault.js"

/**
 * @since 1.0.0
 */
export * as Seeds from "./Seeds.js"

/**
 * @since 1.0.0
 */
export * as TimeRelative from "./TimeRelative.js"

/**
 * @since 1.0.0
 */
export * as UsersInMemory from "./UsersInMemory.js"

/**
 * @since 1.0.0
 */
export * as UsersTestControl from "./UsersTestControl.js"
