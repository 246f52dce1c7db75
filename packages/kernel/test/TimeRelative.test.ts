/**
 * `TimeRelative.userFields` is the whole list: with nothing done to the store, the only fields of a user that
 * differ between two reads at two times (before any lock ends) are the listed ones, in every read (`get`, `list`,
 * the snapshot), and a user that is not locked shows none moving.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Ids from "../src/Ids.js"
import type * as Model from "../src/Model.js"
import * as Store from "../src/Store.js"
import * as TimeRelative from "../src/TimeRelative.js"

const NOW = Date.UTC(2026, 0, 1)

/** The keys whose values differ between two plain records. */
const changedKeys = (before: object, after: object): ReadonlyArray<string> => {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort()
}

const value = <A>(outcome: Store.Outcome<A>): A => {
  if (outcome._tag === "Err") throw new Error(JSON.stringify(outcome.error))
  return outcome.value
}

const step = <A>(step: Store.Step<A>): A => {
  if (step._tag === "Hash" || step._tag === "Verify") throw new Error(`unexpected ${step._tag} step`)
  return value(step)
}

/** A store with users in several states, some locked. */
const populated = (options: Store.StoreOptions = {}) => {
  const state = Store.make(options, { ids: Ids.makeIdGenerator(11) })
  const seeds: ReadonlyArray<Model.CreateUserParams> = [
    { emailAddress: ["ada@example.com"], firstName: "Ada", publicMetadata: { plan: "pro" } },
    { username: "grace", phoneNumber: ["+15555550100"], backupCodes: ["12345678"] },
    { externalId: "legacy-1", createdAt: "2025-12-31T00:00:00.000Z", locked: true },
    { emailAddress: ["linus@example.com"], skipPasswordChecks: true, privateMetadata: { lockoutExpiresInSeconds: 1 } }
  ]
  const users = seeds.map((seed) => step(Store.handlers.create(state, [seed], NOW)))
  step(Store.handlers.lock(state, [users[0]!.id], NOW))
  step(Store.handlers.lock(state, [users[3]!.id], NOW - 1_000))
  step(Store.handlers.ban(state, [users[1]!.id], NOW))
  return { state, ids: users.map((user) => user.id), locked: new Set([users[0]!.id, users[2]!.id, users[3]!.id]) }
}

const get = (state: Store.State, id: string, now: number) => step(Store.handlers.get(state, [id], now))

describe("TimeRelative", () => {
  it("lists exactly the user fields that move with the clock alone (get, list, snapshot)", () => {
    const { ids, locked, state } = populated()
    const listed = [...TimeRelative.userFields].sort()
    for (const later of [1_000, 59_000, 1_799_000]) {
      for (const id of ids) {
        const moved = changedKeys(get(state, id, NOW), get(state, id, NOW + later))
        expect(moved, `${id} after ${later} ms`).toEqual(locked.has(id) ? listed : [])
      }
      const before = step(Store.handlers.list(state, [{ limit: 100 }], NOW))
      const after = step(Store.handlers.list(state, [{ limit: 100 }], NOW + later))
      expect(before.map((user, i) => changedKeys(user, after[i]!)).flat()).toEqual(
        before.flatMap((user) => (locked.has(user.id) ? listed : []))
      )
      const snapshotBefore = Store.snapshot(state, NOW)
      const snapshotAfter = Store.snapshot(state, NOW + later)
      expect(snapshotBefore.users.flatMap((entry, i) => changedKeys(entry.user, snapshotAfter.users[i]!.user)))
        .toEqual(snapshotBefore.users.flatMap((entry) => (locked.has(entry.user.id) ? listed : [])))
      expect({ ...snapshotBefore, users: [] }).toEqual({ ...snapshotAfter, users: [] })
    }
  })

  it("a lock without an end (lockout null) moves nothing", () => {
    const { ids, state } = populated({ lockoutMillis: null })
    for (const id of ids) expect(changedKeys(get(state, id, NOW), get(state, id, NOW + 3_600_000))).toEqual([])
  })
})
