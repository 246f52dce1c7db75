/**
 * Clerk's authentication of a Backend API request: `Authorization: Bearer <secret key>` with a key the instance
 * accepts, otherwise 401 `authentication_invalid`; and which keys a server may accept.
 *
 * @since 0.2.0
 */
import * as Refusal from "./Refusal.js"
import * as Result from "./Result.js"

/**
 * The key of an `Authorization` header (`Bearer <key>`, the scheme as Clerk's SDKs spell it), or `""`.
 *
 * @since 0.2.0
 * @category parsing
 */
export const bearerKey = (authorization: string | undefined): string =>
  authorization !== undefined && authorization.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : ""

/**
 * The accepted key an `Authorization` header carries, or the refusal.
 *
 * @since 0.2.0
 * @category checks
 */
export const authenticate = (
  authorization: string | undefined,
  keys: ReadonlySet<string>
): Result.Result<string, Refusal.AuthenticationInvalid> => {
  const key = bearerKey(authorization)
  return keys.has(key) ? Result.ok(key) : Result.err(Refusal.authenticationInvalid)
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/

/**
 * Whether a key is one a client can send: non-empty visible ASCII (an empty key would let requests in without
 * one).
 *
 * @since 0.2.0
 * @category checks
 */
export const isSendableKey = (key: string): boolean => VISIBLE_ASCII.test(key)

/**
 * Why a list of keys cannot be accepted.
 *
 * @since 0.2.0
 * @category models
 */
export type KeysProblem = "Empty" | "Unsendable"

/**
 * A list of keys a server may accept: at least one, each sendable.
 *
 * @since 0.2.0
 * @category checks
 */
export const checkKeys = (keys: ReadonlyArray<string>): Result.Result<ReadonlyArray<string>, KeysProblem> =>
  keys.length === 0 ? Result.err("Empty") : keys.every(isSendableKey) ? Result.ok(keys) : Result.err("Unsendable")
