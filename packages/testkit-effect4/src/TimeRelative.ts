/**
 * Comparisons that ignore the fields Clerk computes from the time of the request. Under `TestClock` a user that
 * nothing changed reads differently once the test adjusts the clock: a locked user's `lockoutExpiresInSeconds`
 * counts down. `omit` drops those fields (the kernel's `TimeRelative`, the one list) from every user inside a
 * value; `equals` compares two values so (Effect 4's `Equal.equals` is structural).
 *
 * @since 1.0.0
 */
import * as Kernel from "@effect-clerk/kernel/TimeRelative"
import * as Equal from "effect/Equal"

/**
 * The fields of a user that move with the clock: `lockoutExpiresInSeconds`.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { TimeRelative } from "@effect-clerk/testkit"
 *
 * console.log(TimeRelative.userFields) // ["lockoutExpiresInSeconds"]
 * ```
 */
export const userFields: typeof Kernel.userFields = Kernel.userFields

/**
 * A field of `userFields`.
 *
 * @since 1.0.0
 * @category models
 */
export type UserField = Kernel.UserField

/**
 * A value with the fields of `userFields` dropped from every user in it.
 *
 * @since 1.0.0
 * @category models
 */
export type Omitted<A> = Kernel.Omitted<A>

/**
 * `value` without the fields that move with the clock in any user it holds (the value given is not modified).
 *
 * @since 1.0.0
 * @category utils
 * @example
 * ```ts
 * import { TimeRelative } from "@effect-clerk/testkit"
 *
 * console.log(TimeRelative.omit({ object: "user", id: "user_1", locked: true, lockoutExpiresInSeconds: 60 }))
 * // { object: "user", id: "user_1", locked: true }
 * ```
 */
export const omit: <A>(value: A) => Omitted<A> = Kernel.omit

/**
 * Whether two values are equal, field by field at any depth, once the fields that move with the clock are
 * dropped from their users.
 *
 * @since 1.0.0
 * @category utils
 * @example
 * ```ts
 * import { TimeRelative } from "@effect-clerk/testkit"
 *
 * const before = { object: "user", id: "user_1", locked: true, lockoutExpiresInSeconds: 3600 }
 * const after = { object: "user", id: "user_1", locked: true, lockoutExpiresInSeconds: 3540 }
 * console.log(TimeRelative.equals(before, after)) // true
 * ```
 */
export const equals = <A>(self: A, that: A): boolean => Equal.equals(Kernel.omitFrom(self), Kernel.omitFrom(that))
