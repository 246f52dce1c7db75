/**
 * Clerk's metadata merge, as `PATCH /users/{id}/metadata` performs it.
 *
 * @since 0.1.0
 */
import { DeepMerge } from "@effect-clerk/kernel"

/**
 * A JSON object: string keys, {@link JsonValue}s (the kernel's `Model.JsonObject`, which metadata is).
 *
 * @since 0.1.0
 * @category models
 */
export type JsonObject = DeepMerge.JsonObject

/**
 * A JSON value: a string, a finite number, a boolean, `null`, an array or a plain object of JSON values (the
 * kernel's `Model.JsonValue`).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { JsonValue } from "@effect-clerk/testkit/DeepMerge"
 *
 * const tags: JsonValue = ["beta", { since: "2026-01-01" }]
 * ```
 */
export type JsonValue = DeepMerge.JsonValue

/**
 * Removes every `null` from an object, at any depth (arrays are kept as they are).
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { stripNulls } from "@effect-clerk/testkit"
 *
 * console.log(stripNulls({ a: null, b: { c: null, d: 1 } })) // { b: { d: 1 } }
 * ```
 */
export const stripNulls: (value: JsonObject) => JsonObject = DeepMerge.stripNulls

/**
 * Deep-merges `patch` into `target`:
 *
 * - a key absent from the patch is left as it is;
 * - `null` removes the key, at any depth;
 * - an object merges recursively into an object;
 * - anything else (a string, a number, a boolean, an array, or an object replacing a non-object) replaces the
 *   value as a whole: arrays are atomic.
 *
 * Pure: neither argument is modified. Keys such as `__proto__` are ordinary keys, never prototypes.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { deepMerge } from "@effect-clerk/testkit"
 *
 * deepMerge({ a: { b: 1, c: 2 }, tags: ["x"] }, { a: { c: null, d: 3 }, tags: ["y"] })
 * // { a: { b: 1, d: 3 }, tags: ["y"] }
 * ```
 */
export const deepMerge: (target: JsonObject, patch: JsonObject) => JsonObject = DeepMerge.deepMerge

/**
 * The size of a metadata object as Clerk measures it: the bytes of its JSON serialization.
 *
 * @since 0.1.0
 * @category utils
 * @example
 * ```ts
 * import { jsonByteLength } from "@effect-clerk/testkit"
 *
 * console.log(jsonByteLength({ name: "Ada" })) // 14
 * ```
 */
export const jsonByteLength: (value: unknown) => number = DeepMerge.jsonByteLength
