/**
 * Clerk's limits on a Users request and the closed lists of values it accepts: page sizes, list sizes, the
 * fields a listing can be ordered by, the password hashers, the statuses an identifier can be given. Every line
 * validates requests against these, and the store applies them.
 *
 * @since 0.2.0
 */

/**
 * The most values Clerk accepts in one filter list.
 *
 * @since 0.2.0
 * @category constants
 * @example
 * ```ts
 * import { MAX_FILTER_VALUES } from "@effect-clerk/kernel/Limits"
 *
 * console.log(MAX_FILTER_VALUES) // 100
 * ```
 */
export const MAX_FILTER_VALUES = 100

/**
 * The largest page Clerk serves.
 *
 * @since 0.2.0
 * @category constants
 * @example
 * ```ts
 * import { MAX_LIMIT } from "@effect-clerk/kernel/Limits"
 *
 * console.log(MAX_LIMIT) // 500
 * ```
 */
export const MAX_LIMIT = 500

/**
 * The page size Clerk serves when a listing gives no `limit`.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_LIMIT = 10

/**
 * The most user ids `bulkBan` and `bulkUnban` accept at once.
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_BULK_IDS = 50

/**
 * The values of `order_by` for a list of fields: each field as is, with `+` (ascending) and with `-`
 * (descending).
 *
 * @since 0.2.0
 * @category constructors
 * @example
 * ```ts
 * import { orderByValues } from "@effect-clerk/kernel/Limits"
 *
 * console.log(orderByValues(["created_at"])) // ["created_at", "+created_at", "-created_at"]
 * ```
 */
export const orderByValues = <const Fields extends ReadonlyArray<string>>(
  fields: Fields
): ReadonlyArray<Fields[number] | `+${Fields[number]}` | `-${Fields[number]}`> =>
  fields.flatMap((field) => [field, `+${field}`, `-${field}`] as const)

/**
 * The fields users can be ordered by.
 *
 * @since 0.2.0
 * @category constants
 */
export const userOrderFields = [
  "created_at",
  "updated_at",
  "email_address",
  "web3wallet",
  "first_name",
  "last_name",
  "phone_number",
  "username",
  "last_active_at",
  "last_sign_in_at"
] as const

/**
 * The order of a user listing when none is given: newest first.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_USER_ORDER_BY = "-created_at"

/**
 * The fields the instance's organization memberships can be ordered by.
 *
 * @since 0.2.0
 * @category constants
 */
export const membershipOrderFields = [
  "phone_number",
  "email_address",
  "created_at",
  "first_name",
  "last_name",
  "username"
] as const

/**
 * The order of the instance's organization memberships when none is given: newest first.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_MEMBERSHIP_ORDER_BY = "-created_at"

/**
 * The password hashing algorithms Clerk accepts for `password_digest` (Clerk may add others).
 *
 * @since 0.2.0
 * @category constants
 */
export const passwordHashers = [
  "argon2i",
  "argon2id",
  "awscognito",
  "bcrypt",
  "bcrypt_sha256_django",
  "md5",
  "md5_phpass",
  "pbkdf2_sha1",
  "pbkdf2_sha256",
  "pbkdf2_sha256_django",
  "pbkdf2_sha512",
  "pbkdf2_sha512_hex",
  "phpass",
  "scrypt_firebase",
  "scrypt_werkzeug",
  "sha256",
  "sha256_salted",
  "sha512_symfony",
  "ldap_ssha"
] as const

/**
 * The statuses an identifier is created with: verified (the default) or reserved.
 *
 * @since 0.2.0
 * @category constants
 */
export const identificationStatuses = ["verified", "reserved"] as const

/**
 * The statuses an identifier is given when it replaces a user's others: verified (the default), reserved, or
 * unverified (another user may hold it too).
 *
 * @since 0.2.0
 * @category constants
 */
export const replacementStatuses = ["verified", "reserved", "unverified"] as const

/**
 * The statuses organization invitations can be filtered by.
 *
 * @since 0.2.0
 * @category constants
 */
export const invitationStatuses = ["pending", "accepted", "revoked", "expired"] as const

/**
 * The directions of a credit balance adjustment.
 *
 * @since 0.2.0
 * @category constants
 */
export const creditActions = ["increase", "decrease"] as const

/**
 * Why a page size cannot be sent (an integer from 1 to {@link MAX_LIMIT}), `undefined` when it can: the message of
 * the `InvalidRequest` on both lines.
 *
 * @since 0.3.0
 * @category validation
 * @example
 * ```ts
 * import { limitProblem } from "@effect-clerk/kernel/Limits"
 *
 * console.log(limitProblem(9999)) // "limit must be an integer from 1 to 500, got 9999"
 * ```
 */
export const limitProblem = (n: number): string | undefined =>
  Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT
    ? undefined
    : `limit must be an integer from 1 to ${MAX_LIMIT}, got ${n}`

/**
 * Why a number of items to skip cannot be sent (an integer of at least 0), `undefined` when it can.
 *
 * @since 0.3.0
 * @category validation
 */
export const offsetProblem = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 0 ? undefined : `offset must be an integer of at least 0, got ${n}`

/**
 * Why a filter list cannot be sent (at most {@link MAX_FILTER_VALUES} values), `undefined` when it can.
 *
 * @since 0.3.0
 * @category validation
 */
export const filterValuesProblem = (values: ReadonlyArray<unknown>): string | undefined =>
  values.length <= MAX_FILTER_VALUES
    ? undefined
    : `at most ${MAX_FILTER_VALUES} values are accepted, got ${values.length}`

/**
 * Why a timestamp bound cannot be sent (an integer of epoch milliseconds), `undefined` when it can.
 *
 * @since 0.3.0
 * @category validation
 */
export const timestampProblem = (n: number): string | undefined =>
  Number.isSafeInteger(n) ? undefined : `expected an integer (epoch milliseconds), got ${n}`

/**
 * Why a count (an organization limit) cannot be sent (an integer of at least 0), `undefined` when it can.
 *
 * @since 0.3.0
 * @category validation
 */
export const countProblem = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n >= 0 ? undefined : `expected an integer of at least 0, got ${n}`

/**
 * Why a credit amount cannot be sent (an integer of at least 1 cent), `undefined` when it can.
 *
 * @since 0.3.0
 * @category validation
 */
export const centsProblem = (n: number): string | undefined =>
  Number.isSafeInteger(n) && n > 0 ? undefined : `expected an integer of at least 1 (cents), got ${n}`

/**
 * Why the user ids of `bulkBan` / `bulkUnban` cannot be sent (1 to {@link MAX_BULK_IDS}), `undefined` when they can.
 *
 * @since 0.3.0
 * @category validation
 * @example
 * ```ts
 * import { bulkIdsProblem } from "@effect-clerk/kernel/Limits"
 *
 * console.log(bulkIdsProblem([])) // "between 1 and 50 user ids are accepted, got 0"
 * ```
 */
export const bulkIdsProblem = (ids: ReadonlyArray<unknown>): string | undefined =>
  ids.length >= 1 && ids.length <= MAX_BULK_IDS
    ? undefined
    : `between 1 and ${MAX_BULK_IDS} user ids are accepted, got ${ids.length}`

/**
 * The message refusing an `order_by` that is not one of `fields` (optionally prefixed by `+` or `-`).
 *
 * @since 0.3.0
 * @category validation
 * @example
 * ```ts
 * import { orderByMessage } from "@effect-clerk/kernel/Limits"
 *
 * console.log(orderByMessage(["created_at"])) // "order_by must be one of created_at, optionally prefixed by + or -"
 * ```
 */
export const orderByMessage = (fields: ReadonlyArray<string>): string =>
  `order_by must be one of ${fields.join(", ")}, optionally prefixed by + or -`
