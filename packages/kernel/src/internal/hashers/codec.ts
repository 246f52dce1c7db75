/**
 * Strict decoders for the parts of a digest (`Buffer.from` accepts anything and drops what it cannot read;
 * these refuse it instead), and the comparison of two hashes in constant time.
 *
 * @internal
 */
import { timingSafeEqual } from "node:crypto"
import * as Result from "../../Result.js"
import type { Parsed } from "./hasher.js"

/** Standard base64, padded or not. @internal */
export const base64 = (text: string, what: string): Parsed<Buffer> =>
  /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.replace(/=+$/, "").length % 4 !== 1 &&
    (!text.includes("=") || text.length % 4 === 0)
    ? Result.ok(Buffer.from(text, "base64"))
    : Result.err(`must have a base64 ${what}`)

/** Hexadecimal, either case. @internal */
export const hex = (text: string, what: string): Parsed<Buffer> =>
  /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Result.ok(Buffer.from(text, "hex")) : Result.err(`must have a hex ${what}`)

/** Whether `text` is hexadecimal (an even number of hex digits, at least two). @internal */
export const isHex = (text: string): boolean => /^(?:[0-9a-fA-F]{2})+$/.test(text)

/** A whole decimal number from `min` to `max` (digits only: no sign, exponent or spaces). @internal */
export const integer = (text: string, what: string, min: number, max: number): Parsed<number> => {
  const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN
  return Number.isSafeInteger(value) && value >= min && value <= max
    ? Result.ok(value)
    : Result.err(`must have ${what} from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`)
}

/** A byte length from `min` to `max`. @internal */
export const sized = (bytes: Buffer, what: string, min: number, max: number): Parsed<Buffer> =>
  bytes.length >= min && bytes.length <= max
    ? Result.ok(bytes)
    : Result.err(`must have a ${what} of ${min} to ${max} bytes`)

/** Constant-time equality of two hashes (`false` when their lengths differ). @internal */
export const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b)
