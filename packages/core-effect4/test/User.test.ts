import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { User } from "../src/User.js"

const decode = Schema.decodeUnknownEffect(User)
const encode = Schema.encodeEffect(User)

describe("User (Effect 4 Schema) on the kernel's fixtures", () => {
  it.effect("decodes the full fixture to camelCase, ignoring fields Clerk may add later", () =>
    Effect.gen(function*() {
      const user = yield* decode(Fixtures.userFull)
      assert.strictEqual(user.id, Fixtures.userFull.id)
      assert.strictEqual(user.firstName, Fixtures.userFull.first_name)
      assert.strictEqual(user.emailAddresses[0]?.emailAddress, Fixtures.userFull.email_addresses[0]?.email_address)
      assert.deepStrictEqual(user.publicMetadata, Fixtures.userFull.public_metadata)
      assert.isFalse(Object.hasOwn(user, "first_name"))
    }))

  it.effect("decodes the minimal fixture (nullable fields null, optional keys absent)", () =>
    Effect.gen(function*() {
      const user = yield* decode(Fixtures.userMinimal)
      assert.strictEqual(user.username, null)
      assert.isFalse(Object.hasOwn(user, "locale"))
    }))

  it.effect("encodes back to the wire form it decoded (snake_case)", () =>
    Effect.gen(function*() {
      const wire = yield* encode(yield* decode(Fixtures.userMinimal))
      assert.deepStrictEqual(wire, Fixtures.userMinimal)
    }))

  it("refuses a user without its required fields, as a typed failure (no defect)", () => {
    const { id: _id, ...withoutId } = Fixtures.userMinimal
    const result = Schema.decodeUnknownResult(User)(withoutId)
    assert.isTrue(Result.isFailure(result))
    assert.isTrue(Result.isFailure(Schema.decodeUnknownResult(User)({ ...Fixtures.userMinimal, first_name: 1 })))
  })
})
