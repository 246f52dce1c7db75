/**
 * Clerk's metadata merge, as `PATCH /users/{id}/metadata` performs it, and the size Clerk measures metadata by.
 *
 * @since 0.2.0
 */

import type { JsonObject, JsonValue } from "./Model.js"

/**
 * A JSON object (the model's, `Model.JsonObject`): string keys, JSON values.
 *
 * @since 0.2.0
 * @category models
 */
export type { JsonObject, JsonValue }

const isObject = (u: JsonValue | undefined): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Removes every `null` from an object, at any depth (arrays are kept as they are).
 *
 * @since 0.2.0
 * @category utils
 */
export const stripNulls = (value: JsonObject): JsonObject => {
  const entries: Array<[string, JsonValue]> = []
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === null || v === undefined) continue
    entries.push([key, isObject(v) ? stripNulls(v) : v])
  }
  return Object.fromEntries(entries)
}

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
 * @since 0.2.0
 * @category utils
 */
export const deepMerge = (target: JsonObject, patch: JsonObject): JsonObject => {
  const merged = new Map<string, JsonValue>()
  for (const key of Object.keys(target)) merged.set(key, target[key]!)
  for (const key of Object.keys(patch)) {
    const next = patch[key]
    if (next === undefined) continue
    if (next === null) {
      merged.delete(key)
      continue
    }
    const current = merged.get(key)
    merged.set(
      key,
      isObject(next) ? (isObject(current) ? deepMerge(current, next) : stripNulls(next)) : next
    )
  }
  return Object.fromEntries(merged)
}

/**
 * The size of a metadata object as Clerk measures it: the bytes of its JSON serialization.
 *
 * @since 0.2.0
 * @category utils
 */
export const jsonByteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8")
