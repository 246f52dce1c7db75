import { Users } from "@effect-clerk/core"
import { Arbitraries, deepMerge, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { appendFileSync } from "node:fs"

describe("consumer", () => {
  it.effect("UsersInMemory.layer with TestClock", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      yield* users.lock(ada.id)
      yield* TestClock.adjust("2 hours")
      expect((yield* users.get(ada.id)).locked).toBe(false)
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect.prop(
    "updateMetadata deep-merges",
    [Arbitraries.population({ maxLength: 5 }), Arbitraries.metadataPatch()],
    ([population, patch]) =>
      Effect.gen(function*() {
        if (process.env["SAMPLES"]) appendFileSync(process.env["SAMPLES"], JSON.stringify(patch) + "\n")
        const users = yield* Users
        const control = yield* UsersTestControl
        for (const seeded of yield* control.seedUsers(population)) {
          const updated = yield* users.updateMetadata(seeded.id, { publicMetadata: patch })
          expect(updated.publicMetadata).toEqual(deepMerge(seeded.publicMetadata, patch))
        }
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 20 } }
  )
})
