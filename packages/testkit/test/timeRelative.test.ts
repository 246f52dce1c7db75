/**
 * `TimeRelative`: under `TestClock`, a locked user that nothing changed reads differently after the clock moves
 * (`lockoutExpiresInSeconds`); `omit` and `equals` see no change there, and still see every real one (a field
 * written, a lock that ended, metadata that happens to use the same key).
 */
import { Users } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { ClerkEmulator, TimeRelative, UsersInMemory, UsersTestControl } from "../src/index.js"

const scenario = Effect.gen(function*() {
  const users = yield* Users
  const control = yield* UsersTestControl
  const [ada, grace] = yield* control.seedUsers([
    { emailAddress: ["ada@example.com"], publicMetadata: { lockoutExpiresInSeconds: 1 } },
    { username: "grace" }
  ])
  yield* users.lock(ada!.id)
  const before = { ada: yield* users.get(ada!.id), all: yield* users.list(), snapshot: yield* control.snapshot }
  yield* TestClock.adjust("1 minute")
  const after = { ada: yield* users.get(ada!.id), all: yield* users.list(), snapshot: yield* control.snapshot }

  // the raw reads differ: the lock counts down
  expect(before.ada.lockoutExpiresInSeconds).toBe(3600)
  expect(after.ada.lockoutExpiresInSeconds).toBe(3540)
  expect(after).not.toEqual(before)
  // without the fields that move with the clock, nothing changed: a user, a list, the snapshot
  expect(TimeRelative.omit(after)).toEqual(TimeRelative.omit(before))
  expect(TimeRelative.equals(after, before)).toBe(true)
  expect(TimeRelative.equals(after.snapshot, before.snapshot)).toBe(true)
  expect(Object.keys(TimeRelative.omit(after.ada))).not.toContain("lockoutExpiresInSeconds")
  // the user's own metadata keeps its keys, whatever they are called
  expect(TimeRelative.omit(after.ada).publicMetadata).toEqual({ lockoutExpiresInSeconds: 1 })

  // real changes still show
  const renamed = yield* users.update(grace!.id, { firstName: "Grace" })
  expect(TimeRelative.equals(yield* users.list(), before.all)).toBe(false)
  expect(TimeRelative.equals(renamed, before.all.find((user) => user.id === grace!.id)!)).toBe(false)
  const remeta = yield* users.updateMetadata(ada!.id, { publicMetadata: { lockoutExpiresInSeconds: 2 } })
  expect(TimeRelative.equals({ ...remeta, updatedAt: before.ada.updatedAt }, before.ada)).toBe(false)
  yield* TestClock.adjust("1 hour") // the lock ends: `locked` is a change of state, not a moving field
  const unlocked = yield* users.get(ada!.id)
  expect(unlocked.locked).toBe(false)
  const restored = { ...unlocked, publicMetadata: before.ada.publicMetadata, updatedAt: before.ada.updatedAt }
  expect(TimeRelative.equals(restored, before.ada)).toBe(false)
  expect(TimeRelative.omit(restored)).toEqual(TimeRelative.omit({ ...before.ada, locked: false }))
})

describe("TimeRelative", () => {
  it("lists the kernel's fields, each named in the README's testing section", () => {
    expect(TimeRelative.userFields).toEqual(["lockoutExpiresInSeconds"])
    const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8")
    const testing = readme.slice(
      readme.indexOf("\n## Testing\n"),
      readme.indexOf("\n## ", readme.indexOf("\n## Testing\n") + 1)
    )
    for (const field of TimeRelative.userFields) expect(testing).toContain(`\`${field}\``)
  })

  it.effect("in memory under TestClock: omit and equals ignore what moves with the clock, and only that", () =>
    scenario.pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("over the in-process emulator, the same", () => scenario.pipe(Effect.provide(ClerkEmulator.layerUsers())))
})
