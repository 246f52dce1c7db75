/**
 * The ids of the webhook messages already handled, for de-duplicating Svix's retries: an id is *claimed* once for
 * a time to live, the oldest claims forgotten first past a bound. Plain data and functions (the time is given by
 * the caller: each line reads its own `Clock`), shared by both lines' in-memory stores and their Redis stores'
 * local fallback.
 *
 * @since 0.3.0
 */
import * as Svix from "./Svix.js"

/**
 * How long a message id can come again: every attempt of Svix's retry schedule, each with its delivery timeout,
 * plus the signature's tolerance (about 27.7 hours).
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Deduplication } from "@effect-clerk/kernel"
 *
 * console.log(Deduplication.DEFAULT_TTL_MILLIS / 3_600_000) // ≈ 27.7 hours
 * ```
 */
export const DEFAULT_TTL_MILLIS: number =
  Svix.retrySchedule.reduce((sum, delay) => sum + delay + Svix.DELIVERY_TIMEOUT_MILLIS, 0) +
  Svix.TOLERANCE_SECONDS * 1000

/**
 * The most ids a store keeps unless told otherwise.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_MAX_ENTRIES = 100_000

/**
 * The claimed ids: id → expiry (epoch milliseconds), oldest claim first (mutable: one per store).
 *
 * @since 0.3.0
 * @category models
 */
export interface Seen {
  readonly maxEntries: number
  readonly expiries: Map<string, number>
}

/**
 * An empty set of claims keeping at most `maxEntries` ids (default {@link DEFAULT_MAX_ENTRIES}; less than 1 is
 * the default too).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Deduplication } from "@effect-clerk/kernel"
 *
 * const seen = Deduplication.make(2)
 * console.log(Deduplication.claim(seen, "msg_1", 0, 1000)) // true
 * console.log(Deduplication.claim(seen, "msg_1", 10, 1000)) // false: a duplicate
 * ```
 */
export const make = (maxEntries?: number): Seen => ({
  maxEntries: maxEntries !== undefined && maxEntries >= 1 ? Math.floor(maxEntries) : DEFAULT_MAX_ENTRIES,
  expiries: new Map()
})

/**
 * Claims `id` at `now` for `ttlMillis`: `true` when it was not claimed (or its claim expired), `false` for a
 * duplicate. Expired claims, and the oldest ones past `maxEntries`, are forgotten on the way.
 *
 * @since 0.3.0
 * @category combinators
 */
export const claim = (seen: Seen, id: string, now: number, ttlMillis: number): boolean => {
  const expiresAt = seen.expiries.get(id)
  if (expiresAt !== undefined && expiresAt > now) return false
  seen.expiries.delete(id)
  for (const [key, expiry] of seen.expiries) {
    if (expiry > now && seen.expiries.size < seen.maxEntries) break
    seen.expiries.delete(key)
  }
  seen.expiries.set(id, now + Math.max(0, ttlMillis))
  return true
}

/**
 * Forgets the claim of `id` (its handling failed: the next delivery of it must be handled).
 *
 * @since 0.3.0
 * @category combinators
 */
export const release = (seen: Seen, id: string): void => {
  seen.expiries.delete(id)
}

/**
 * The key of a claimed id in a shared store (Redis): `<prefix>clerk:webhook:<id>`, the same for both lines, so
 * that processes of either line in one fleet share their claims.
 *
 * @since 0.3.0
 * @category keys
 * @example
 * ```ts
 * import { Deduplication } from "@effect-clerk/kernel"
 *
 * console.log(Deduplication.key("app:", "msg_1")) // "app:clerk:webhook:msg_1"
 * ```
 */
export const key = (prefix: string | undefined, id: string): string => `${prefix ?? ""}clerk:webhook:${id}`

/**
 * A claim's time to live as a shared store takes it: whole milliseconds, at least 1.
 *
 * @since 0.3.0
 * @category keys
 */
export const storeTtlMillis = (ttlMillis: number): number => Math.max(1, Math.ceil(ttlMillis))
