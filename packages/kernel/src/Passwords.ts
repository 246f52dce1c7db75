/**
 * Passwords: plaintext passwords are stored as scrypt hashes; digests imported with `password_digest` are
 * verified for every hasher Clerk documents, each in the layout Clerk documents for it, and bounded so that
 * none stalls a server (checked at import, 422 on `password_digest`, and again at verification).
 *
 * Hashing is a port (`PasswordHashing`): the store never hashes, its writes take the hashed record, so they
 * stay synchronous. `nodeHashing` is Node's implementation. Where its work runs: costly hashes never run on the
 * event loop: PBKDF2 and scrypt on libuv's thread pool (`node:crypto`), bcrypt and argon2 on the same pool
 * (`@node-rs/bcrypt`, `@node-rs/argon2`: Rust bindings, prebuilt for each platform, no build step, loadable
 * from ES modules and CommonJS), the iterated digests (phpass, Symfony) in slices with the event loop running
 * between them. The single-round digests (`md5`, `sha256`, `ldap_ssha`) run inline: one hash, microseconds.
 *
 * Why these libraries: `hash-wasm` covers argon2, bcrypt, scrypt and PBKDF2 without a native build, but its
 * WebAssembly runs on the calling thread, so it would need a worker thread, and a worker's script cannot be
 * located the same way from an ES module and a CommonJS build; `bcryptjs` yields to the event loop between
 * slices of about 100 ms but has no argon2. The N-API bindings run on the thread pool like `node:crypto`, with
 * nothing to locate.
 *
 * @since 0.2.0
 */
import { randomBytes, scrypt } from "node:crypto"
import { ARGON2_BOUNDS, argon2i, argon2id } from "./internal/hashers/argon2.js"
import { bcrypt, BCRYPT_BOUNDS, bcryptSha256Django } from "./internal/hashers/bcrypt.js"
import { equal } from "./internal/hashers/codec.js"
import type { Hasher } from "./internal/hashers/hasher.js"
import { ldapSsha, LEGACY_BOUNDS, md5, md5Phpass, phpass, sha256, sha512Symfony } from "./internal/hashers/legacy.js"
import { threadPool } from "./internal/hashers/offload.js"
import {
  PBKDF2_BOUNDS,
  pbkdf2Sha1,
  pbkdf2Sha256,
  pbkdf2Sha256Django,
  pbkdf2Sha512,
  pbkdf2Sha512Hex
} from "./internal/hashers/pbkdf2.js"
import { SCRYPT_BOUNDS, scryptFirebase, scryptWerkzeug } from "./internal/hashers/scrypt.js"

/**
 * A stored password: a hash of a password the store was given, or a digest imported as it is.
 *
 * @since 0.2.0
 * @category models
 */
export type PasswordRecord =
  | { readonly _tag: "Scrypt"; readonly salt: string; readonly hash: string }
  | { readonly _tag: "Digest"; readonly hasher: string; readonly digest: string }

/**
 * The hashing port: the store's writes take a `PasswordRecord` computed before them with `hash`, and
 * `verify_password` reads `verify`'s answer. `verify` answers `false` for a digest it cannot verify and never
 * rejects; aborting `signal` may stop its work (its Promise then need not settle).
 *
 * @since 0.2.0
 * @category models
 */
export interface PasswordHashing {
  readonly hash: (password: string) => Promise<PasswordRecord>
  readonly verify: (record: PasswordRecord, password: string, signal?: AbortSignal) => Promise<boolean>
}

/**
 * A hasher of imported digests: `problem` is why a digest is refused at import, `verify` whether a password
 * matches it (`false` for a digest `problem` refuses; never rejects).
 *
 * @since 0.2.0
 * @category models
 */
export type { Hasher }

/**
 * The hashers verified, by Clerk's `password_hasher` name.
 *
 * @since 0.2.0
 * @category hashers
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

/**
 * The cost bounds of imported digests, by family (see SECURITY.md).
 *
 * @since 0.2.0
 * @category hashers
 */
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

/**
 * A new password's scrypt hash, computed on libuv's thread pool.
 *
 * @since 0.2.0
 * @category hashing
 */
export const hashPassword = (password: string): Promise<PasswordRecord> =>
  new Promise<PasswordRecord>((resolve, reject) => {
    const salt = randomBytes(16).toString("base64")
    // scrypt fails only on invalid parameters, which are constants here
    scrypt(
      password,
      salt,
      32,
      SCRYPT,
      (error, derived) =>
        error === null ? resolve({ _tag: "Scrypt", salt, hash: derived.toString("base64") }) : reject(error)
    )
  })

/**
 * Why an imported digest cannot be accepted, or `undefined` when it can. Digests of hashers outside `HASHERS`
 * (names Clerk may add) are stored as they are, and never verify.
 *
 * @since 0.2.0
 * @category hashers
 */
export const digestProblem = (hasher: string, digest: string): string | undefined => hasherOf(hasher)?.problem(digest)

/**
 * Whether `password` matches the record (see the module's doc for where each hash runs); never rejects.
 *
 * @since 0.2.0
 * @category hashing
 */
export const verifyPassword = (record: PasswordRecord, password: string, signal?: AbortSignal): Promise<boolean> => {
  if (record._tag === "Scrypt") {
    const expected = Buffer.from(record.hash, "base64")
    return threadPool((done) => scrypt(password, record.salt, 32, SCRYPT, done)).then((key) =>
      key !== undefined && equal(key, expected)
    )
  }
  const hasher = hasherOf(record.hasher)
  return hasher === undefined ? Promise.resolve(false) : hasher.verify(record.digest, password, signal)
}

/**
 * Node's hashing port: `hashPassword` and `verifyPassword`, off the event loop.
 *
 * @since 0.2.0
 * @category hashing
 */
export const nodeHashing: PasswordHashing = { hash: hashPassword, verify: verifyPassword }
