/**
 * The building blocks every model shares: JSON values and Clerk's error object.
 *
 * @internal
 */

/**
 * A JSON value: what `JSON.parse` can return and `JSON.stringify` writes back unchanged (strings, finite
 * numbers, booleans, `null`, arrays and plain objects of JSON values). A `Date`, a function, a class instance,
 * `undefined` or a `bigint` is not one: `JSON.stringify` would change, drop or reject it.
 *
 * @since 0.3.0
 * @category models
 */
export type JsonValue = string | number | boolean | null | JsonArray | JsonObject

/**
 * A JSON array: JSON values (never `undefined`, which `JSON.stringify` writes as `null`).
 *
 * @since 0.3.0
 * @category models
 */
export interface JsonArray extends ReadonlyArray<JsonValue> {}

/**
 * A JSON object: string keys, JSON values (metadata as Clerk stores and returns it).
 *
 * @since 0.2.0
 * @category models
 */
export interface JsonObject {
  readonly [key: string]: JsonValue
}

/**
 * A metadata object sent to Clerk: a JSON object. Its values are JSON values, so that a `Date` (or a function,
 * a class instance, `undefined`...) does not compile: write `date.toISOString()` or `date.getTime()` instead.
 *
 * @since 0.2.0
 * @category models
 */
export type Metadata = JsonObject

/**
 * One error of a Clerk error response (`errors[]`): a stable `code`, messages and optional `meta` (for example
 * `meta.param_name`).
 *
 * @since 0.2.0
 * @category models
 */
export interface ClerkApiError {
  readonly code: string
  readonly message: string
  readonly longMessage?: string
  readonly meta?: { readonly [x: string]: unknown }
}
