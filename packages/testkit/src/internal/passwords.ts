/**
 * Passwords in the in-memory store: plaintext passwords are stored as scrypt hashes; digests imported with
 * `password_digest` are verified for every hasher Clerk documents, each in the layout Clerk documents for it
 * (see `hashers/`), and bounded so that none stalls the emulator (checked at import, 422 on `password_digest`,
 * and again at verification).
 *
 * Where the work runs. Costly hashes never run on the event loop: PBKDF2 and scrypt on libuv's thread pool
 * (`node:crypto`), bcrypt and argon2 on the same pool (`@node-rs/bcrypt`, `@node-rs/argon2`: Rust bindings,
 * prebuilt for each platform, no build step, loadable from ES modules and CommonJS), the iterated digests
 * (phpass, Symfony) in slices with the event loop running between them. The single-round digests (`md5`,
 * `sha256`, `ldap_ssha`) run inline: one hash of the password, microseconds.
 *
 * Why these libraries: `hash-wasm` covers argon2, bcrypt, scrypt and PBKDF2 without a native build, but its
 * WebAssembly runs on the calling thread, so it would need a worker thread, and a worker's script cannot be
 * located the same way from this package's ES module and CommonJS builds; `bcryptjs` yields to the event loop
 * between slices of about 100 ms but has no argon2. The N-API bindings run on the thread pool like
 * `node:crypto`, with nothing to locate.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { randomBytes, scrypt } from "node:crypto"
import { ARGON2_BOUNDS, argon2i, argon2id } from "./hashers/argon2.js"
import { bcrypt, BCRYPT_BOUNDS, bcryptSha256Django } from "./hashers/bcrypt.js"
import { equal } from "./hashers/codec.js"
import type { Hasher } from "./hashers/hasher.js"
import { ldapSsha, LEGACY_BOUNDS, md5, md5Phpass, phpass, sha256, sha512Symfony } from "./hashers/legacy.js"
import { threadPool } from "./hashers/offload.js"
import {
  PBKDF2_BOUNDS,
  pbkdf2Sha1,
  pbkdf2Sha256,
  pbkdf2Sha256Django,
  pbkdf2Sha512,
  pbkdf2Sha512Hex
} from "./hashers/pbkdf2.js"
import { SCRYPT_BOUNDS, scryptFirebase, scryptWerkzeug } from "./hashers/scrypt.js"

/** @internal */
export type PasswordRecord =
  | { readonly _tag: "Scrypt"; readonly salt: string; readonly hash: string }
  | { readonly _tag: "Digest"; readonly hasher: string; readonly digest: string }

/**
 * The hashers the store verifies, by Clerk's `password_hasher` name.
 *
 * @internal
 */
export const HASHERS: { readonly [name: string]: Hasher } = {
  argon2i,
  argon2id,
  bcrypt,
  bcrypt_sha256_django: bcryptSha256Django,
  ldap_ssha: ldapSsha,
  md5,
  md5_phpass: md5Phpass,
  pbkdf2_sha1: pbkdf2Sha1,
  pbkdf2_sha256: pbkdf2Sha256,
  pbkdf2_sha256_django: pbkdf2Sha256Django,
  pbkdf2_sha512: pbkdf2Sha512,
  pbkdf2_sha512_hex: pbkdf2Sha512Hex,
  phpass,
  scrypt_firebase: scryptFirebase,
  scrypt_werkzeug: scryptWerkzeug,
  sha256,
  sha512_symfony: sha512Symfony
}

/** The cost bounds of imported digests, by family (see SECURITY.md). @internal */
export const DIGEST_BOUNDS = {
  pbkdf2: PBKDF2_BOUNDS,
  scrypt: SCRYPT_BOUNDS,
  bcrypt: BCRYPT_BOUNDS,
  argon2: ARGON2_BOUNDS,
  legacy: LEGACY_BOUNDS
} as const

const hasherOf = (name: string): Hasher | undefined => Object.hasOwn(HASHERS, name) ? HASHERS[name] : undefined

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
 * Why an imported digest cannot be accepted, or `undefined` when it can. Digests of hashers outside `HASHERS`
 * (names Clerk may add) are stored as they are, and never verify.
 *
 * @internal
 */
export const digestProblem = (hasher: string, digest: string): string | undefined => hasherOf(hasher)?.problem(digest)

/**
 * Whether `password` matches the record (see the module's doc for where each hash runs).
 *
 * @internal
 */
export const verifyPassword = (record: PasswordRecord, password: string): Effect.Effect<boolean> => {
  if (record._tag === "Scrypt") {
    const expected = Buffer.from(record.hash, "base64")
    return Effect.map(
      threadPool((done) => scrypt(password, record.salt, 32, SCRYPT, done)),
      (key) => key !== undefined && equal(key, expected)
    )
  }
  const hasher = hasherOf(record.hasher)
  return hasher === undefined ? Effect.succeed(false) : hasher.verify(record.digest, password)
}
