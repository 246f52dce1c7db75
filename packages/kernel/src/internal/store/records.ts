/**
 * Reading and changing one user record: the user as Clerk shows it at a given time, lookups, and the one way
 * a handler changes a user.
 *
 * @internal
 */
import { type Failure as StoreFailure, notFound } from "../../ErrorCatalogue.js"
import type { User } from "../../Model.js"
import type { PasswordRecord } from "../../Passwords.js"
import * as Result from "../../Result.js"
import type { Credentials, State, UserRecord } from "./state.js"
import { updateUser } from "./state.js"

/** @internal */
export type Outcome<A> = Result.Result<A, StoreFailure>

/**
 * A handler's answer: an outcome now, or first a password to hash (`Hash`) or a stored password to verify
 * (`Verify`) through the hashing port, then the outcome `then` computes synchronously from the port's answer.
 *
 * @internal
 */
export type Step<A> =
  | Outcome<A>
  | {
    readonly _tag: "Hash"
    readonly password: string
    readonly then: (hashed: PasswordRecord) => Outcome<A>
  }
  | {
    readonly _tag: "Verify"
    readonly record: PasswordRecord
    readonly password: string
    readonly then: (verified: boolean) => Outcome<A>
  }

/** Success without a value. @internal */
export const unit: Outcome<void> = Result.ok(undefined)

/**
 * Runs a rule written as a generator: `yield* take(outcome)` reads a value or stops at its failure,
 * `yield* fail(failure)` stops.
 *
 * @internal
 */
export const gen = <A>(body: () => Generator<Result.Err<StoreFailure>, A, unknown>): Outcome<A> => {
  const step = body().next()
  return step.done === true ? Result.ok(step.value) : step.value
}

/** The value of an outcome, or its failure for `gen`. @internal */
export function* take<A>(outcome: Outcome<A>): Generator<Result.Err<StoreFailure>, A, unknown> {
  while (outcome._tag === "Err") yield outcome
  return outcome.value
}

/** A failure for `gen`. @internal */
export function* fail(failure: StoreFailure): Generator<Result.Err<StoreFailure>, never, unknown> {
  for (;;) yield { _tag: "Err", error: failure }
}

/** @internal */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Clerk's default avatar. @internal */
export const DEFAULT_IMAGE = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9"

/** The three metadata fields, with their wire names. @internal */
export const METADATA_FIELDS = [
  ["publicMetadata", "public_metadata"],
  ["privateMetadata", "private_metadata"],
  ["unsafeMetadata", "unsafe_metadata"]
] as const

/** @internal */
export const lower = (s: string): string => s.toLowerCase()

/** The user as Clerk shows it at `now` (a lock expires with time). @internal */
export const view = (record: UserRecord, now: number): User => {
  const lockedUntil = record.lockedUntil
  const locked = lockedUntil !== undefined && (lockedUntil === null || lockedUntil > now)
  const lockoutExpiresInSeconds = locked && lockedUntil !== null && lockedUntil !== undefined
    ? Math.ceil((lockedUntil - now) / 1000)
    : null
  if (record.user.locked === locked && record.user.lockoutExpiresInSeconds === lockoutExpiresInSeconds) {
    return record.user
  }
  return { ...record.user, locked, lockoutExpiresInSeconds }
}

/** The record of a user, or Clerk's 404. @internal */
export const find = (state: State, userId: string): Outcome<UserRecord> => {
  const record = state.users.get(userId)
  return record === undefined ? Result.err(notFound("user", userId)) : Result.ok(record)
}

/** When a lock taken at `now` ends (`null`: never by itself). @internal */
export const lockUntil = (state: State, now: number): number | null =>
  state.lockoutMillis === null ? null : now + state.lockoutMillis

/**
 * Changes a user: `change` edits a copy (whose `updatedAt` is `now`) and returns the private fields to change
 * with it, if any. Returns the user as shown after the change.
 *
 * @internal
 */
export const mutate = (
  state: State,
  userId: string,
  now: number,
  change: (user: Mutable<User>, record: UserRecord) => Credentials | void
): Outcome<User> =>
  Result.map(find(state, userId), (record) => {
    const next: Mutable<User> = { ...record.user, updatedAt: now }
    const credentials = change(next, record) ?? {}
    return view(updateUser(state, record, next, credentials), now)
  })

/** The item of `items` with id `primaryId`, or the first. @internal */
export const primaryOf = <A extends { readonly id?: string }>(
  items: ReadonlyArray<A>,
  primaryId: string | null
): A | undefined => items.find((item) => item.id === primaryId) ?? items[0]
