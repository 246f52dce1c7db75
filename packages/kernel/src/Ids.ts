/**
 * Ids shaped like Clerk's: a prefix, `_`, then 27 base62 characters starting with `2`.
 *
 * @since 0.2.0
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

const base62 = (value: number, width: number): string => {
  let out = ""
  let n = Math.floor(Math.abs(value))
  for (let i = 0; i < width; i++) {
    out = BASE62[n % 62] + out
    n = Math.floor(n / 62)
  }
  return out
}

/** @since 0.2.0 */
export interface IdGenerator {
  readonly next: (prefix: string) => string
}

/**
 * Ids unique within one generator: a per-store salt (so two stores do not hand out the same ids) and a
 * counter (so ids are deterministic for a given salt).
 *
 * @since 0.2.0
 */
export const makeIdGenerator = (salt: number): IdGenerator => {
  let counter = 0
  const saltPart = base62(salt, 10)
  return {
    next: (prefix) => `${prefix}_2${saltPart}${base62(++counter, 16)}`
  }
}
