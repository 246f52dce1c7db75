/**
 * The scrypt hashers, computed by `node:crypto` on libuv's thread pool.
 *
 * - `scrypt_firebase`: `<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>`, every byte string
 *   base64 (Clerk's layout, the values of Firebase's user export and project settings). Firebase's modified
 *   scrypt: the key is `scrypt(password, salt ‖ separator, N = 2^memory cost, r = rounds, p = 1)`, 32 bytes, and
 *   the hash is the signer key encrypted with AES-256-CTR under that key and a zero IV.
 * - `scrypt_werkzeug`: what Werkzeug's `generate_password_hash` writes, `scrypt:<N>:<r>:<p>$<salt>$<hash>`: the
 *   salt as text, the hash as 64 bytes of hex. Clerk documents `$<algorithm args>$<salt>$<hash>` with a base64
 *   hash; both are accepted (a leading `$`, a base64 hash where the hash is not hex).
 *
 * @internal
 */
import { createCipheriv, scrypt } from "node:crypto"
import * as Result from "../../Result.js"
import { base64, equal, integer, isHex, sized } from "./codec.js"
import type { Parsed } from "./hasher.js"
import { fail, gen, make, take } from "./hasher.js"
import { threadPool } from "./offload.js"

/**
 * The bounds of an imported scrypt digest: memory (`128 · N · r` bytes) up to 256 MiB, so N = 2^18 with r = 8
 * (Firebase projects use a memory cost of 14 and 8 rounds, Werkzeug N = 2^15, r = 8, p = 1); work (memory times
 * parallelism) up to 512 MiB; salts, keys and hashes of at most 1,024 bytes.
 *
 * @internal
 */
export const SCRYPT_BOUNDS = {
  maxMemoryBytes: 256 * 1024 * 1024,
  maxWorkBytes: 512 * 1024 * 1024,
  maxParallelism: 16,
  maxBytes: 1_024
} as const

interface ScryptCost {
  readonly N: number
  readonly r: number
  readonly p: number
}

const MiB = 1024 * 1024

const withinMemory = (cost: ScryptCost): Parsed<ScryptCost> =>
  128 * cost.N * cost.r > SCRYPT_BOUNDS.maxMemoryBytes
    ? Result.err(`must use at most ${SCRYPT_BOUNDS.maxMemoryBytes / MiB} MiB (128 · N · r bytes)`)
    : 128 * cost.N * cost.r * cost.p > SCRYPT_BOUNDS.maxWorkBytes
    ? Result.err(`must cost at most ${SCRYPT_BOUNDS.maxWorkBytes / MiB} MiB times parallelism (128 · N · r · p)`)
    : Result.ok(cost)

const derive = (password: string, salt: Buffer, cost: ScryptCost, length: number) =>
  threadPool((done) =>
    scrypt(password, salt, length, { ...cost, maxmem: 128 * cost.N * cost.r * (cost.p + 1) + 1024 * 1024 }, done)
  )

const bytes = (text: string, what: string) =>
  Result.flatMap(base64(text, what), (decoded) => sized(decoded, what, 1, SCRYPT_BOUNDS.maxBytes))

interface FirebaseDigest {
  readonly hash: Buffer
  readonly salt: Buffer
  readonly signerKey: Buffer
  readonly cost: ScryptCost
}

const parseFirebase = (digest: string): Parsed<FirebaseDigest> =>
  gen(function*() {
    const parts = digest.split("$")
    if (parts.length !== 6) {
      return yield* fail("must be <hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>")
    }
    const hash = yield* take(bytes(parts[0]!, "hash"))
    const salt = yield* take(bytes(parts[1]!, "salt"))
    const signerKey = yield* take(bytes(parts[2]!, "signer key"))
    const separator = yield* take(Result.flatMap(
      base64(parts[3]!, "salt separator"),
      (decoded) => sized(decoded, "salt separator", 0, SCRYPT_BOUNDS.maxBytes)
    ))
    const rounds = yield* take(integer(parts[4]!, "rounds", 1, 64))
    const memoryCost = yield* take(integer(parts[5]!, "a memory cost", 1, 24))
    const cost = yield* take(withinMemory({ N: 2 ** memoryCost, r: rounds, p: 1 }))
    return { hash, salt: Buffer.concat([salt, separator]), signerKey, cost }
  })

const verifyFirebase = (parsed: FirebaseDigest, password: string): Promise<boolean> =>
  derive(password, parsed.salt, parsed.cost, 32).then((key) => {
    if (key === undefined) return false
    const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16))
    const encrypted = Buffer.concat([cipher.update(parsed.signerKey), cipher.final()])
    return equal(encrypted.subarray(0, parsed.hash.length), parsed.hash)
  })

/** @internal */
export const scryptFirebase = make(parseFirebase, verifyFirebase)

interface WerkzeugDigest {
  readonly salt: Buffer
  readonly hash: Buffer
  readonly cost: ScryptCost
}

const parseWerkzeug = (digest: string): Parsed<WerkzeugDigest> =>
  gen(function*() {
    const parts = (digest.startsWith("$") ? digest.slice(1) : digest).split("$")
    const method = parts[0]?.split(":") ?? []
    if (parts.length !== 3 || method[0] !== "scrypt" || (method.length !== 1 && method.length !== 4)) {
      return yield* fail("must be scrypt:<N>:<r>:<p>$<salt>$<hash>")
    }
    // Werkzeug's defaults when the method is `scrypt` alone
    const N = method.length === 1 ? 32_768 : yield* take(integer(method[1]!, "N", 2, 2 ** 24))
    if ((N & (N - 1)) !== 0) return yield* fail("must have a power of two for N")
    const r = method.length === 1 ? 8 : yield* take(integer(method[2]!, "r", 1, 64))
    const p = method.length === 1 ? 1 : yield* take(integer(method[3]!, "p", 1, SCRYPT_BOUNDS.maxParallelism))
    const cost = yield* take(withinMemory({ N, r, p }))
    const salt = yield* take(sized(Buffer.from(parts[1]!, "utf8"), "salt", 0, SCRYPT_BOUNDS.maxBytes))
    const hash = yield* take(Result.flatMap(
      isHex(parts[2]!) ? Result.ok(Buffer.from(parts[2]!, "hex")) : base64(parts[2]!, "hash"),
      (decoded) => sized(decoded, "hash", 1, SCRYPT_BOUNDS.maxBytes)
    ))
    return { salt, hash, cost }
  })

const verifyWerkzeug = (parsed: WerkzeugDigest, password: string): Promise<boolean> =>
  derive(password, parsed.salt, parsed.cost, parsed.hash.length).then((key) =>
    key !== undefined && equal(key, parsed.hash)
  )

/** @internal */
export const scryptWerkzeug = make(parseWerkzeug, verifyWerkzeug)
