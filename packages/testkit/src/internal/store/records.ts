/**
 * Reading and changing one user record: the user as Clerk shows it at a given time, lookups, and the one way
 * a handler changes a user.
 *
 * @internal
 */
import type { User } from "@effect-clerk/core/User"
import { type Failure as StoreFailure, notFound } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import type { Credentials, State, UserRecord } from "./state.js"
import { updateUser } from "./state.js"

/** @internal */
export type Result<A> = Either.Either<A, StoreFailure>

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
export const find = (state: State, userId: string): Result<UserRecord> => {
  const record = state.users.get(userId)
  return record === undefined ? Either.left(notFound("user", userId)) : Either.right(record)
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
): Result<User> =>
  Either.map(find(state, userId), (record) => {
    const next: Mutable<User> = { ...record.user, updatedAt: now }
    const credentials = change(next, record) ?? {}
    return view(updateUser(state, record, next, credentials), now)
  })

/** The item of `items` with id `primaryId`, or the first. @internal */
export const primaryOf = <A extends { readonly id?: string }>(
  items: ReadonlyArray<A>,
  primaryId: string | null
): A | undefined => items.find((item) => item.id === primaryId) ?? items[0]
