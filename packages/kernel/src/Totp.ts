/**
 * RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) and RFC 4648 base32, with `node:crypto`.
 *
 * @since 0.2.0
 */
import { createHmac, randomBytes } from "node:crypto"

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

/** @since 0.2.0 */
export const base32Encode = (bytes: Uint8Array): string => {
  let bits = 0
  let value = 0
  let out = ""
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/**
 * Decodes base32 (case-insensitive, padding and spaces ignored); `undefined` when it is not base32.
 *
 * @since 0.2.0
 */
export const base32Decode = (input: string): Uint8Array | undefined => {
  const clean = input.replace(/[\s=]/g, "").toUpperCase()
  if (clean.length === 0) return undefined
  let bits = 0
  let value = 0
  const out: Array<number> = []
  for (const char of clean) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) return undefined
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Uint8Array.from(out)
}

/** @since 0.2.0 */
export const STEP_SECONDS = 30
/** @since 0.2.0 */
export const DIGITS = 6

/**
 * The HOTP value (RFC 4226) of `counter`.
 *
 * @since 0.2.0
 */
export const hotp = (key: Uint8Array, counter: number): string => {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac("sha1", key).update(message).digest()
  const offset = digest[digest.length - 1]! & 0x0f
  const binary = ((digest[offset]! & 0x7f) << 24) | (digest[offset + 1]! << 16) | (digest[offset + 2]! << 8) |
    digest[offset + 3]!
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0")
}

/**
 * The TOTP code of a base32 `secret` at `nowMillis`.
 *
 * @since 0.2.0
 */
export const totpAt = (secret: string, nowMillis: number): string | undefined => {
  const key = base32Decode(secret)
  return key === undefined ? undefined : hotp(key, Math.floor(nowMillis / 1000 / STEP_SECONDS))
}

/**
 * Whether `code` is valid for `secret` at `nowMillis`, one step of drift allowed either way.
 *
 * @since 0.2.0
 */
export const verifyTotpCode = (secret: string, code: string, nowMillis: number): boolean => {
  const key = base32Decode(secret)
  if (key === undefined) return false
  const counter = Math.floor(nowMillis / 1000 / STEP_SECONDS)
  for (const drift of [0, -1, 1]) {
    if (counter + drift >= 0 && hotp(key, counter + drift) === code) return true
  }
  return false
}

/**
 * A new random secret (160 bits of `random`, by default `node:crypto`'s, in base32).
 *
 * @since 0.2.0
 */
export const newSecret = (random: (size: number) => Uint8Array = randomBytes): string => base32Encode(random(20))
