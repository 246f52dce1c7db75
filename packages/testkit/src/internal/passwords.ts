/**
 * Password hashing for the in-memory store, with `node:crypto`: plaintext passwords are stored as scrypt
 * hashes; digests imported with `password_digest` are verified for the hashers `node:crypto` can compute.
 *
 * Hashing and verifying run on libuv's thread pool (`crypto.scrypt`, `crypto.pbkdf2`), never on the event
 * loop, so a slow digest (or a batch of seeded users) does not stall the other clients of the emulator; and imported digests are bounded to the
 * parameters a real import would use (`PBKDF2_LIMITS`), checked when the digest is imported and again when it
 * is verified.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { createHash, pbkdf2, randomBytes, scrypt, timingSafeEqual } from "node:crypto"

/** @internal */
export type PasswordRecord =
  | { readonly _tag: "Scrypt"; readonly salt: string; readonly hash: string }
  | { readonly _tag: "Digest"; readonly hasher: string; readonly digest: string }

// Low cost on purpose: this store holds test users, and tests create many.
const SCRYPT = { N: 1024, r: 8, p: 1 } as const

/** A new password's scrypt hash, computed on libuv's thread pool. @internal */
export const hashPassword = (password: string): Effect.Effect<PasswordRecord> =>
  Effect.async<PasswordRecord>((resume) => {
    const salt = randomBytes(16).toString("base64")
    scrypt(password, salt, 32, SCRYPT, (error, derived) => {
      // scrypt fails only on invalid parameters, which are constants here
      resume(
        error === null ? Effect.succeed({ _tag: "Scrypt", salt, hash: derived.toString("base64") }) : Effect.die(error)
      )
    })
  })

/**
 * The bounds of an imported PBKDF2 digest: iterations up to 1,200,000 (Django 6's default, the highest of the
 * common frameworks), a hash no longer than the digest function's output (a longer one multiplies the work
 * without adding strength), a salt of at most 1,024 characters.
 *
 * @internal
 */
export const PBKDF2_LIMITS = { maxIterations: 1_200_000, maxSaltLength: 1_024 } as const

const PBKDF2_HASHERS = {
  pbkdf2_sha1: { algorithm: "sha1", outputBytes: 20 },
  pbkdf2_sha256: { algorithm: "sha256", outputBytes: 32 },
  pbkdf2_sha256_django: { algorithm: "sha256", outputBytes: 32 },
  pbkdf2_sha512: { algorithm: "sha512", outputBytes: 64 }
} as const

interface Pbkdf2Digest {
  readonly algorithm: "sha1" | "sha256" | "sha512"
  readonly iterations: number
  readonly salt: string
  readonly expected: Buffer
}

/** A PBKDF2 digest (`<name>$<iterations>$<salt>$<base64 hash>`, Django / passlib layout) within the bounds. */
const parsePbkdf2 = (hasher: keyof typeof PBKDF2_HASHERS, digest: string): Pbkdf2Digest | string => {
  const { algorithm, outputBytes } = PBKDF2_HASHERS[hasher]
  const parts = digest.split("$")
  if (parts.length !== 4) return "must be <name>$<iterations>$<salt>$<base64 hash>"
  const iterations = /^\d{1,10}$/.test(parts[1]!) ? Number(parts[1]) : Number.NaN
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > PBKDF2_LIMITS.maxIterations) {
    return `must have from 1 to ${PBKDF2_LIMITS.maxIterations} iterations`
  }
  const salt = parts[2]!
  if (salt.length > PBKDF2_LIMITS.maxSaltLength) {
    return `must have a salt of at most ${PBKDF2_LIMITS.maxSaltLength} characters`
  }
  const expected = Buffer.from(parts[3]!, "base64")
  if (expected.length === 0 || expected.length > outputBytes) {
    return `must have a hash of 1 to ${outputBytes} bytes`
  }
  return { algorithm, iterations, salt, expected }
}

const isPbkdf2 = (hasher: string): hasher is keyof typeof PBKDF2_HASHERS => Object.hasOwn(PBKDF2_HASHERS, hasher)

/**
 * Why an imported digest cannot be accepted, or `undefined` when it can (digests of hashers the store does not
 * verify are stored as they are).
 *
 * @internal
 */
export const digestProblem = (hasher: string, digest: string): string | undefined => {
  if (!isPbkdf2(hasher)) return undefined
  const parsed = parsePbkdf2(hasher, digest)
  return typeof parsed === "string" ? parsed : undefined
}

const equal = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)

const hex = (algorithm: string, input: string) => createHash(algorithm).update(input, "utf8").digest()

/** A `node:crypto` callback API as an Effect (the work runs on the thread pool). */
const onThreadPool = (
  run: (done: (error: Error | null, key: Buffer) => void) => void
): Effect.Effect<Buffer | undefined> =>
  Effect.async<Buffer | undefined>((resume) => {
    run((error, key) => resume(Effect.succeed(error === null ? key : undefined)))
  })

/**
 * Whether `password` matches the record, computed off the event loop.
 *
 * @internal
 */
export const verifyPassword = (record: PasswordRecord, password: string): Effect.Effect<boolean> => {
  if (record._tag === "Scrypt") {
    const expected = Buffer.from(record.hash, "base64")
    return Effect.map(
      onThreadPool((done) => scrypt(password, record.salt, 32, SCRYPT, done)),
      (key) => key !== undefined && equal(key, expected)
    )
  }
  const { digest, hasher } = record
  if (hasher === "md5" || hasher === "sha256") {
    return Effect.sync(() => equal(hex(hasher, password), Buffer.from(digest, "hex")))
  }
  if (!isPbkdf2(hasher)) return Effect.succeed(false)
  const parsed = parsePbkdf2(hasher, digest)
  if (typeof parsed === "string") return Effect.succeed(false)
  return Effect.map(
    onThreadPool((done) =>
      pbkdf2(password, parsed.salt, parsed.iterations, parsed.expected.length, parsed.algorithm, done)
    ),
    (key) => key !== undefined && equal(key, parsed.expected)
  )
}
