import { Users } from "@effect-clerk/core"
import { Arbitraries, deepMerge, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { expect, it } from "@effect/vitest"
import { Effect } from "effect"

// in a test file: fast-check generates populations and patches, and prints the seed of any failure
it.effect.prop(
  "updateMetadata deep-merges",
  [Arbitraries.population({ maxLength: 10 }), Arbitraries.metadataPatch()],
  ([population, patch]) =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      for (const seeded of yield* control.seedUsers(population)) {
        const updated = yield* users.updateMetadata(seeded.id, { publicMetadata: patch })
        expect(updated.publicMetadata).toEqual(deepMerge(seeded.publicMetadata, patch))
      }
    }).pipe(Effect.provide(UsersInMemory.layer()))
)
