/**
 * Password hashing for the in-memory store, with `node:crypto`: plaintext passwords are stored as scrypt
 * hashes; digests imported with `password_digest` are verified for the hashers `node:crypto` can compute.
 *
 * @internal
 */
import { createHash, pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual } from "node:crypto"

/** @internal */
export type PasswordRecord =
  | { readonly _tag: "Scrypt"; readonly salt: string; readonly hash: string }
  | { readonly _tag: "Digest"; readonly hasher: string; readonly digest: string }

// Low cost on purpose: this store holds test users, and tests create many.
const SCRYPT = { N: 1024, r: 8, p: 1 } as const

/** @internal */
export const hashPassword = (password: string): PasswordRecord => {
  const salt = randomBytes(16).toString("base64")
  const hash = scryptSync(password, salt, 32, SCRYPT).toString("base64")
  return { _tag: "Scrypt", salt, hash }
}

const equal = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)

const hex = (algorithm: string, input: string) => createHash(algorithm).update(input, "utf8").digest()

const pbkdf2 = (digest: string, algorithm: "sha1" | "sha256" | "sha512", password: string): boolean => {
  // Django / passlib layout: <name>$<iterations>$<salt>$<base64 hash>
  const parts = digest.split("$")
  if (parts.length !== 4) return false
  const iterations = Number(parts[1])
  const salt = parts[2]!
  const expected = Buffer.from(parts[3]!, "base64")
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000 || expected.length === 0) {
    return false
  }
  return equal(pbkdf2Sync(password, salt, iterations, expected.length, algorithm), expected)
}

/** @internal */
export const verifyPassword = (record: PasswordRecord, password: string): boolean => {
  if (record._tag === "Scrypt") {
    return equal(scryptSync(password, record.salt, 32, SCRYPT), Buffer.from(record.hash, "base64"))
  }
  const { digest, hasher } = record
  switch (hasher) {
    case "md5":
      return equal(hex("md5", password), Buffer.from(digest, "hex"))
    case "sha256":
      return equal(hex("sha256", password), Buffer.from(digest, "hex"))
    case "pbkdf2_sha1":
      return pbkdf2(digest, "sha1", password)
    case "pbkdf2_sha256":
    case "pbkdf2_sha256_django":
      return pbkdf2(digest, "sha256", password)
    case "pbkdf2_sha512":
      return pbkdf2(digest, "sha512", password)
    default:
      return false
  }
}
