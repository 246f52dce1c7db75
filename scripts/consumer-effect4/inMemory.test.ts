/**
 * An Effect 4 consumer's test with the in-memory layer of `@effect-clerk/testkit` 1.x (`@effect/vitest` 4):
 * seeded users are listed and read through the published `Users` service, and a missing one is a typed failure.
 */
import * as Users from "@effect-clerk/core/Users"
import * as UsersInMemory from "@effect-clerk/testkit/UsersInMemory"
import { UsersTestControl } from "@effect-clerk/testkit/UsersTestControl"
import { assert, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"

layer(UsersInMemory.layer())("UsersInMemory (Effect 4)", (it) => {
  it.effect("seeded users are listed, read and counted; a missing user is ResourceNotFound", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      const users = yield* Users.Users
      const [ada] = yield* control.seedUsers([
        { firstName: "Ada", lastName: "Lovelace", emailAddress: ["ada@example.com"] },
        { username: "grace" }
      ])
      const listed = yield* users.list({ emailAddress: ["ada@example.com"] })
      assert.deepStrictEqual(listed.map((user) => user.id), [ada!.id])
      assert.strictEqual((yield* users.get(ada!.id)).firstName, "Ada")
      const missing = yield* Effect.flip(users.get("user_missing"))
      assert.strictEqual(missing._tag, "ResourceNotFound")
    }))
})
