/**
 * Comparisons that ignore the fields Clerk computes from the time of the request. Under `TestClock` a user that
 * nothing changed reads differently once the test adjusts the clock (a retry's wait is enough): a locked user's
 * `lockoutExpiresInSeconds` counts down. `omit` drops those fields (the kernel's `TimeRelative.userFields`, the
 * one list) from every user inside a value, for `expect(...).toEqual(...)`; `equals` compares two values so.
 *
 * `locked` follows the clock too, but as a change of state (the lock ended), so it is kept.
 *
 * @since 0.3.0
 */
import * as Kernel from "@effect-clerk/kernel/TimeRelative"
import * as Equal from "effect/Equal"
import * as Utils from "effect/Utils"

/**
 * The fields of a user that move with the clock (the kernel's list): `lockoutExpiresInSeconds`.
 *
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 */
export type UserField = Kernel.UserField

/**
 * A value with the fields of `userFields` dropped from every user in it: a `User`, an array of them, a page, a
 * `StoreSnapshot`, any plain object or array holding users.
 *
 * @since 0.3.0
 * @category models
 */
export type Omitted<A> = Kernel.Omitted<A>

/**
 * `value` without the fields that move with the clock (`userFields`) in any user it holds (a plain object whose
 * `object` is `"user"`): compare what a test read before and after with `toEqual`, and only real changes
 * differ. The value given is not modified.
 *
 * @since 0.3.0
 * @category utils
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { TimeRelative, UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect, TestClock } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   const locked = yield* users.lock((yield* users.create({ username: "ada" })).id)
 *   yield* TestClock.adjust("1 minute")
 *   const later = yield* users.get(locked.id)
 *   // later.lockoutExpiresInSeconds is 60 less; nothing else changed
 *   return [TimeRelative.omit(later), TimeRelative.omit(locked)]
 * }).pipe(Effect.provide(UsersInMemory.layer()))
 * ```
 */
export const omit: <A>(value: A) => Omitted<A> = Kernel.omit

/**
 * Whether two values are equal, field by field at any depth, once the fields that move with the clock are
 * dropped from their users (`omit`).
 *
 * @since 0.3.0
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
export const equals = <A>(self: A, that: A): boolean =>
  Utils.structuralRegion(() => Equal.equals(Kernel.omitFrom(self), Kernel.omitFrom(that)))
