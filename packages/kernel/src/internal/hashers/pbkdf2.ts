/**
 * The PBKDF2 hashers, in the layouts Clerk documents for each (`POST /users`, `password_hasher`):
 *
 * | hasher | digest | salt | hash |
 * |---|---|---|---|
 * | `pbkdf2_sha1` | `pbkdf2_sha1$<iterations>$<salt>$<hash>[$<key length>]` | hex, else its text | hex, key length 32 unless given |
 * | `pbkdf2_sha256` | `pbkdf2_sha256$<iterations>$<salt>$<hash>` | base64 | base64 |
 * | `pbkdf2_sha256_django` | `pbkdf2_sha256$<iterations>$<salt>$<hash>` (Django's `make_password`) | text | base64 |
 * | `pbkdf2_sha512` | `pbkdf2_sha512$<iterations>$<salt>$<hash>` | text | hex |
 * | `pbkdf2_sha512_hex` | `pbkdf2_sha512_hex$<iterations>$<salt>$<hash>` | hex | hex |
 *
 * The key length is the hash's length (but for `pbkdf2_sha1`). Computed by `node:crypto` on libuv's thread pool.
 *
 * @internal
 */
import { pbkdf2 } from "node:crypto"
import * as Result from "../../Result.js"
import { base64, equal, hex, integer, isHex, sized } from "./codec.js"
import type { Hasher, Parsed } from "./hasher.js"
import { fail, gen, make, take } from "./hasher.js"
import { threadPool } from "./offload.js"

/**
 * The bounds of an imported PBKDF2 digest: work (iterations times the blocks of the key, a block being one
 * output of the digest function) up to 5,000,000: 5,000,000 iterations of Django's 32-byte SHA-256 key
 * (Django's default is 1,200,000 in 6.0 and grows by about a fifth a release), 2,500,000 of a 64-byte one; a
 * key of 1 to 64 bytes; a salt of at most 1,024 bytes.
 *
 * @internal
 */
export const PBKDF2_BOUNDS = { maxWork: 5_000_000, maxKeyBytes: 64, maxSaltBytes: 1_024 } as const

type Algorithm = "sha1" | "sha256" | "sha512"

const OUTPUT_BYTES: Record<Algorithm, number> = { sha1: 20, sha256: 32, sha512: 64 }

interface Pbkdf2Digest {
  readonly algorithm: Algorithm
  readonly iterations: number
  readonly salt: Buffer
  readonly expected: Buffer
}

type Encoding = "text" | "hex" | "hexOrText" | "base64"

const decode = (text: string, encoding: Encoding, what: string): Parsed<Buffer> =>
  encoding === "text"
    ? Result.ok(Buffer.from(text, "utf8"))
    : encoding === "base64"
    ? base64(text, what)
    : encoding === "hex"
    ? hex(text, what)
    : Result.ok(isHex(text) ? Buffer.from(text, "hex") : Buffer.from(text, "utf8"))

interface Layout {
  readonly prefix: string
  readonly algorithm: Algorithm
  readonly salt: Encoding
  readonly hash: "hex" | "base64"
  /** `pbkdf2_sha1`: an optional fifth part, the key length, 32 when absent. */
  readonly keyLength?: { readonly default: number }
}

const parse = (layout: Layout) => (digest: string): Parsed<Pbkdf2Digest> =>
  gen(function*() {
    const parts = digest.split("$")
    const shape = `${layout.prefix}$<iterations>$<salt>$<${layout.hash} hash>${
      layout.keyLength === undefined ? "" : "[$<key length>]"
    }`
    const counts = layout.keyLength === undefined ? [4] : [4, 5]
    if (!counts.includes(parts.length) || parts[0] !== layout.prefix) return yield* fail(`must be ${shape}`)
    const iterations = yield* take(integer(parts[1]!, "iterations", 1, PBKDF2_BOUNDS.maxWork))
    const salt = yield* take(Result.flatMap(
      decode(parts[2]!, layout.salt, "salt"),
      (bytes) => sized(bytes, "salt", 0, PBKDF2_BOUNDS.maxSaltBytes)
    ))
    const expected = yield* take(Result.flatMap(
      layout.hash === "hex" ? hex(parts[3]!, "hash") : base64(parts[3]!, "hash"),
      (bytes) => sized(bytes, "hash", 1, PBKDF2_BOUNDS.maxKeyBytes)
    ))
    if (layout.keyLength !== undefined) {
      const keyLength = parts[4] === undefined
        ? layout.keyLength.default
        : yield* take(integer(parts[4], "a key length", 1, PBKDF2_BOUNDS.maxKeyBytes))
      if (expected.length !== keyLength) {
        return yield* fail(`must have a hash of the key length (${keyLength} bytes)`)
      }
    }
    const work = iterations * Math.ceil(expected.length / OUTPUT_BYTES[layout.algorithm])
    if (work > PBKDF2_BOUNDS.maxWork) {
      return yield* fail(
        `must cost at most ${PBKDF2_BOUNDS.maxWork.toLocaleString("en-US")} iterations times the blocks of its hash`
      )
    }
    return { algorithm: layout.algorithm, iterations, salt, expected }
  })

const verify = (parsed: Pbkdf2Digest, password: string): Promise<boolean> =>
  threadPool((done) => pbkdf2(password, parsed.salt, parsed.iterations, parsed.expected.length, parsed.algorithm, done))
    .then((key) => key !== undefined && equal(key, parsed.expected))

const hasher = (layout: Layout): Hasher => make(parse(layout), verify)

/** @internal */
export const pbkdf2Sha1 = hasher({
  prefix: "pbkdf2_sha1",
  algorithm: "sha1",
  salt: "hexOrText",
  hash: "hex",
  keyLength: { default: 32 }
})

/** @internal */
export const pbkdf2Sha256 = hasher({ prefix: "pbkdf2_sha256", algorithm: "sha256", salt: "base64", hash: "base64" })

/** @internal */
export const pbkdf2Sha256Django = hasher({
  prefix: "pbkdf2_sha256",
  algorithm: "sha256",
  salt: "text",
  hash: "base64"
})

/** @internal */
export const pbkdf2Sha512 = hasher({ prefix: "pbkdf2_sha512", algorithm: "sha512", salt: "text", hash: "hex" })

/** @internal */
export const pbkdf2Sha512Hex = hasher({
  prefix: "pbkdf2_sha512_hex",
  algorithm: "sha512",
  salt: "hex",
  hash: "hex"
})
