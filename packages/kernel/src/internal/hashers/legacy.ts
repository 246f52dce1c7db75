/**
 * The unsalted, salted and iterated message digests.
 *
 * One fixed-cost hash, computed inline on the calling thread (a few microseconds, bounded by the request body's
 * size): `md5` (32 hex digits), `sha256` (64 hex digits), `ldap_ssha` (OpenLDAP's `{SSHA}` with base64 of the
 * SHA-1 of password and salt, then the salt).
 *
 * Iterated, in slices between which the event loop runs (`iterate`):
 * - `phpass` and `md5_phpass`: phpass's portable hashes, `$P$` (WordPress, phpass) or `$H$` (phpBB), one
 *   character for the log2 of the MD5 rounds, 8 of salt, 22 of hash. Clerk documents no layout of its own for
 *   `md5_phpass`: both names take these hashes.
 * - `sha512_symfony`: Symfony's legacy `MessageDigestPasswordHasher` with SHA-512, Clerk's
 *   `sha512_symfony$<iterations>$<salt>$<base64 hash>`: `password{salt}` hashed, then the digest and
 *   `password{salt}` hashed again, `iterations` times in all (Symfony's default 5,000).
 *
 * @internal
 */
import { createHash } from "node:crypto"
import * as Result from "../../Result.js"
import { base64, equal, hex, integer, sized } from "./codec.js"
import type { Hasher, Parsed } from "./hasher.js"
import { fail, gen, make, take } from "./hasher.js"
import { iterate } from "./offload.js"

/**
 * The bounds of the iterated digests: phpass up to 2^18 MD5 rounds (WordPress writes 2^13, phpBB 2^11, phpass
 * allows 2^30), Symfony up to 200,000 iterations (its default is 5,000); an `{SSHA}` salt of at most 1,024 bytes.
 *
 * @internal
 */
export const LEGACY_BOUNDS = { maxPhpassLog2Rounds: 18, maxSymfonyIterations: 200_000, maxSaltBytes: 1_024 } as const

const digestOf = (algorithm: "md5" | "sha1" | "sha256" | "sha512", ...parts: ReadonlyArray<Uint8Array>) => {
  const hash = createHash(algorithm)
  for (const part of parts) hash.update(part)
  return hash.digest()
}

const utf8 = (text: string) => Buffer.from(text, "utf8")

const plain = (algorithm: "md5" | "sha256", hexDigits: number): Hasher =>
  make(
    (digest): Parsed<Buffer> =>
      digest.length === hexDigits ? hex(digest, "hash") : Result.err(`must be ${hexDigits} hex digits`),
    (expected, password) => Promise.resolve(equal(digestOf(algorithm, utf8(password)), expected))
  )

/** @internal */
export const md5 = plain("md5", 32)

/** @internal */
export const sha256 = plain("sha256", 64)

/** @internal */
export const ldapSsha = make(
  (digest): Parsed<{ readonly hash: Buffer; readonly salt: Buffer }> =>
    digest.startsWith("{SSHA}")
      ? Result.flatMap(base64(digest.slice(6), "hash and salt"), (bytes) =>
        bytes.length > 20 && bytes.length <= 20 + LEGACY_BOUNDS.maxSaltBytes
          ? Result.ok({ hash: bytes.subarray(0, 20), salt: bytes.subarray(20) })
          : Result.err(`must have a 20-byte hash and a salt of 1 to ${LEGACY_BOUNDS.maxSaltBytes} bytes`))
      : Result.err("must be {SSHA}<base64 of hash and salt>"),
  ({ hash, salt }, password) => Promise.resolve(equal(digestOf("sha1", utf8(password), salt), hash))
)

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** phpass's `encode64`: 6 bits a character, least significant first. */
const encode64 = (input: Uint8Array): string => {
  let output = ""
  let i = 0
  while (i < input.length) {
    let value = input[i++]!
    output += ITOA64[value & 0x3f]
    if (i < input.length) value |= input[i]! << 8
    output += ITOA64[(value >> 6) & 0x3f]
    if (i++ >= input.length) break
    if (i < input.length) value |= input[i]! << 16
    output += ITOA64[(value >> 12) & 0x3f]
    if (i++ >= input.length) break
    output += ITOA64[(value >> 18) & 0x3f]
  }
  return output
}

interface PhpassDigest {
  readonly rounds: number
  readonly salt: string
  readonly checksum: string
}

const parsePhpass = (digest: string): Parsed<PhpassDigest> =>
  gen(function*() {
    if (!/^\$[PH]\$[./0-9A-Za-z]{31}$/.test(digest)) {
      return yield* fail("must be $P$<rounds><8 characters of salt><22 of hash> (or $H$)")
    }
    const log2 = ITOA64.indexOf(digest[3]!)
    if (log2 < 7 || log2 > LEGACY_BOUNDS.maxPhpassLog2Rounds) {
      return yield* fail(`must have from 2^7 to 2^${LEGACY_BOUNDS.maxPhpassLog2Rounds} rounds`)
    }
    return { rounds: 2 ** log2, salt: digest.slice(4, 12), checksum: digest.slice(12) }
  })

const verifyPhpass = (parsed: PhpassDigest, password: string, signal?: AbortSignal): Promise<boolean> => {
  const secret = utf8(password)
  return iterate(
    digestOf("md5", utf8(parsed.salt), secret),
    parsed.rounds,
    (hash) => digestOf("md5", hash, secret),
    signal
  ).then((hash) => equal(utf8(encode64(hash)), utf8(parsed.checksum)))
}

/** @internal */
export const phpass = make(parsePhpass, verifyPhpass)

/** @internal */
export const md5Phpass = make(parsePhpass, verifyPhpass)

interface SymfonyDigest {
  readonly iterations: number
  readonly salt: string
  readonly hash: Buffer
}

const parseSymfony = (digest: string): Parsed<SymfonyDigest> =>
  gen(function*() {
    const parts = digest.split("$")
    if (parts.length !== 4 || parts[0] !== "sha512_symfony") {
      return yield* fail("must be sha512_symfony$<iterations>$<salt>$<base64 hash>")
    }
    const iterations = yield* take(integer(parts[1]!, "iterations", 1, LEGACY_BOUNDS.maxSymfonyIterations))
    const salt = parts[2]!
    if (/[{}]/.test(salt) || utf8(salt).length > LEGACY_BOUNDS.maxSaltBytes) {
      return yield* fail(`must have a salt without braces, of at most ${LEGACY_BOUNDS.maxSaltBytes} bytes`)
    }
    const hash = yield* take(Result.flatMap(base64(parts[3]!, "hash"), (bytes) => sized(bytes, "hash", 64, 64)))
    return { iterations, salt, hash }
  })

const verifySymfony = (parsed: SymfonyDigest, password: string, signal?: AbortSignal): Promise<boolean> => {
  const salted = utf8(parsed.salt === "" ? password : `${password}{${parsed.salt}}`)
  return iterate(
    digestOf("sha512", salted),
    parsed.iterations - 1,
    (hash) => digestOf("sha512", hash, salted),
    signal
  ).then((hash) => equal(hash, parsed.hash))
}

/** @internal */
export const sha512Symfony = make(parseSymfony, verifySymfony)
