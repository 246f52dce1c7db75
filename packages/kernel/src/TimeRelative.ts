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

/**
 * A value with the fields of `userFields` dropped from every user in it: a `User`, an array of them, a page, a
 * store snapshot, any plain object or array holding users.
 *
 * @since 0.3.0
 * @category models
 */
export type Omitted<A> = A extends { readonly object: string; readonly lockoutExpiresInSeconds: number | null }
  ? Omit<A, UserField>
  : A extends ReadonlyArray<infer B> ? ReadonlyArray<Omitted<B>>
  : A extends ((...args: ReadonlyArray<never>) => unknown) | Date | Uint8Array ? A
  : A extends object ? { readonly [K in keyof A]: Omitted<A[K]> }
  : A

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * `value` without the fields of `userFields` in any user it holds (a plain object whose `object` is `"user"`,
 * its metadata kept as it is); the value given is not modified. Each line's `TimeRelative.omit` is this.
 *
 * @since 0.3.0
 * @category utils
 * @example
 * ```ts
 * import { omitFrom } from "@effect-clerk/kernel/TimeRelative"
 *
 * console.log(omitFrom([{ object: "user", id: "user_1", lockoutExpiresInSeconds: 60 }])) // [{ object: "user", id: "user_1" }]
 * ```
 */
export const omitFrom = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(omitFrom)
  if (!isPlainObject(value)) return value
  if (value["object"] === "user" && typeof value["id"] === "string") {
    const copy: Record<string, unknown> = { ...value }
    for (const field of userFields) delete copy[field]
    return copy
  }
  const copy: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) copy[key] = omitFrom(entry)
  return copy
}

/**
 * `omitFrom`, typed: `value` without the fields that move with the clock in any user it holds.
 *
 * @since 0.3.0
 * @category utils
 */
export const omit = <A>(value: A): Omitted<A> => omitFrom(value) as Omitted<A>
