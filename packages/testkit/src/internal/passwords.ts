/**
 * The kernel's hashing port (`Passwords` of `@effect-clerk/kernel`) as Effects: the hash of a new password,
 * the verification of a stored record (interrupting it aborts its work), and the hashers of imported digests.
 * A verification whose Promise rejects is `false`, never a defect.
 *
 * @internal
 */
import { Passwords } from "@effect-clerk/kernel"
import * as Effect from "effect/Effect"

/** @internal */
export type PasswordRecord = Passwords.PasswordRecord

/** A hasher of imported digests, its verification as an Effect. @internal */
export interface Hasher {
  readonly problem: (digest: string) => string | undefined
  readonly verify: (digest: string, password: string) => Effect.Effect<boolean>
}

const verifying = (run: (signal: AbortSignal) => Promise<boolean>): Effect.Effect<boolean> =>
  Effect.orElseSucceed(Effect.tryPromise(run), () => false)

/**
 * The hashers verified, by Clerk's `password_hasher` name.
 *
 * @internal
 */
export const HASHERS: { readonly [name: string]: Hasher } = Object.fromEntries(
  Object.entries(Passwords.HASHERS).map(([name, hasher]) => [name, {
    problem: hasher.problem,
    verify: (digest: string, password: string) => verifying((signal) => hasher.verify(digest, password, signal))
  }])
)

/** The cost bounds of imported digests, by family (see SECURITY.md). @internal */
export const DIGEST_BOUNDS = Passwords.DIGEST_BOUNDS

/** A new password's hash, computed by the port (off the event loop). @internal */
export const hashPassword = (
  password: string,
  hashing: Passwords.PasswordHashing = Passwords.nodeHashing
): Effect.Effect<PasswordRecord> => Effect.promise(() => hashing.hash(password))

/** Why an imported digest cannot be accepted, or `undefined` when it can. @internal */
export const digestProblem = Passwords.digestProblem

/** Whether `password` matches the record; `false` when the port fails. @internal */
export const verifyPassword = (
  record: PasswordRecord,
  password: string,
  hashing: Passwords.PasswordHashing = Passwords.nodeHashing
): Effect.Effect<boolean> => verifying((signal) => hashing.verify(record, password, signal))
