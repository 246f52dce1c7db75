/**
 * The building blocks every model shares: JSON objects and Clerk's error object.
 *
 * @internal
 */

/**
 * A JSON object of arbitrary content, as Clerk returns it (metadata, `meta` of an error).
 *
 * @since 0.2.0
 * @category models
 */
export type JsonObject = { readonly [x: string]: unknown }

/**
 * A metadata object sent to Clerk: any JSON object (finite numbers, strings, booleans, `null`, arrays, plain
 * objects).
 *
 * @since 0.2.0
 * @category models
 */
export type Metadata = { readonly [key: string]: unknown }

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
