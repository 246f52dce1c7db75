/**
 * The fields Clerk computes from the time of the request instead of storing them: read twice, a user that
 * nothing changed shows other values if time passed in between (under `TestClock`, whenever the test adjusts
 * it). `locked` also follows the clock, but as a change of state (the lock ended), so it is not one of them.
 *
 * @since 0.3.0
 */
import type { User } from "./Model.js"

/**
 * The fields of a `User` that Clerk computes from the time of the request: `lockoutExpiresInSeconds` (the
 * seconds left until a lock ends, counting down).
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { userFields } from "@effect-clerk/kernel/TimeRelative"
 *
 * console.log(userFields) // ["lockoutExpiresInSeconds"]
 * ```
 */
export const userFields = ["lockoutExpiresInSeconds"] as const satisfies ReadonlyArray<keyof User>

/**
 * A field of `userFields`.
 *
 * @since 0.3.0
 * @category models
 */
export type UserField = (typeof userFields)[number]
