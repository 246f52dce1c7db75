/**
 * The Effect 4 arbitraries generate what they promise (properties on `effect/Arbitrary`, the seed printed by
 * `vitest.setup.ts` and replayed with `EFFECT_CLERK_SEED`): populations seed without a conflict, `create`
 * parameters and `list` filters are valid for the core's Schemas, metadata survives JSON.
 */
import { User } from "@effect-clerk/core/User"
import { CreateUserParams, ListUsersParams } from "@effect-clerk/core/UsersParams"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Arbitraries } from "../src/index.js"
import * as Engine from "../src/internal/engine.js"

describe("Arbitraries (Effect 4)", () => {
  it.effect.prop(
    "a population seeds all or nothing without a conflict: every user is in the store",
    [Arbitraries.population({ maxLength: 25 })],
    ([seeds]) =>
      Effect.gen(function*() {
        const { control } = yield* Engine.make()
        const users = yield* control.seedUsers(seeds)
        assert.strictEqual(users.length, seeds.length)
        assert.strictEqual(yield* control.size, seeds.length)
      }),
    { arbitrary: { runs: 30 } }
  )

  it.effect.prop(
    "create parameters and list parameters encode with the core's Schemas",
    [Arbitraries.createUserParams, Arbitraries.listUsersParams],
    ([create, list]) =>
      Effect.gen(function*() {
        const body = yield* Schema.encodeEffect(CreateUserParams)(create)
        assert.isArray(body.email_address)
        const query = yield* Schema.encodeEffect(ListUsersParams)(list)
        assert.isDefined(query.limit)
      }),
    { arbitrary: { runs: 50 } }
  )

  it.prop(
    "metadata patches survive JSON; stored metadata has no null",
    [Arbitraries.metadataPatch(), Arbitraries.metadata()],
    ([patch, stored]) => {
      assert.deepStrictEqual(JSON.parse(JSON.stringify(patch)), patch)
      assert.notInclude(JSON.stringify(stored), "null")
    },
    { arbitrary: { runs: 100 } }
  )

  it.effect.prop(
    "users from the User schema encode to Clerk's wire form and decode back",
    [Arbitraries.user],
    ([user]) =>
      Effect.gen(function*() {
        const wire = yield* Schema.encodeEffect(User)(user)
        assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(User)(wire), user)
      }),
    { arbitrary: { runs: 20 } }
  )
})
