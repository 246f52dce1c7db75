/**
 * Property tests over the params and body schemas with `effect/Arbitrary` (values derived from the Schemas, the
 * checks included): every valid value encodes to a wire form (query strings, snake_case JSON) that decodes back
 * to it (for query parameters, whose numbers travel as strings, up to the sign of a zero: `-0` is sent as `0`,
 * so there the wire form is what must survive: encoding the decoded value gives the same wire form). The seed comes from `EFFECT_CLERK_SEED` when set (replay), otherwise a fresh one, printed either way.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Bodies from "../src/internal/bodies.js"
import * as UsersParams from "../src/UsersParams.js"

const seed = process.env["EFFECT_CLERK_SEED"] ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`[effect/Arbitrary] seed=${seed} (replay with EFFECT_CLERK_SEED=${seed})`)

const roundTrip = <T, E>(schema: Schema.Codec<T, E>) => (value: T) =>
  Effect.gen(function*() {
    const wire = yield* Schema.encodeEffect(schema)(value)
    assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(schema)(wire), value)
  })

/** Query parameters: the wire form survives decode then encode, and the decoded value is the value but for `-0`. */
const queryRoundTrip = <T, E>(schema: Schema.Codec<T, E>) => (value: T) =>
  Effect.gen(function*() {
    const wire = yield* Schema.encodeEffect(schema)(value)
    const decoded = yield* Schema.decodeUnknownEffect(schema)(wire)
    assert.deepStrictEqual(yield* Schema.encodeEffect(schema)(decoded), wire)
    assert.deepStrictEqual(Object.keys(decoded as object).sort(), Object.keys(value as object).sort())
  })

const options = { arbitrary: { runs: 40, seed } }

describe("UsersParams: encode then decode is the identity", () => {
  it.effect.prop(
    "ListUsersParams",
    [Schema.toType(UsersParams.ListUsersParams)],
    ([value]) => queryRoundTrip(UsersParams.ListUsersParams)(value),
    options
  )
  it.effect.prop(
    "OAuthAccessTokenParams, OrganizationInvitationsParams, InstanceOrganizationMembershipsParams",
    [
      Schema.toType(UsersParams.OAuthAccessTokenParams),
      Schema.toType(UsersParams.OrganizationInvitationsParams),
      Schema.toType(UsersParams.InstanceOrganizationMembershipsParams)
    ],
    ([token, invitations, memberships]) =>
      Effect.gen(function*() {
        yield* queryRoundTrip(UsersParams.OAuthAccessTokenParams)(token)
        yield* queryRoundTrip(UsersParams.OrganizationInvitationsParams)(invitations)
        yield* queryRoundTrip(UsersParams.InstanceOrganizationMembershipsParams)(memberships)
      }),
    options
  )
  it.effect.prop(
    "CreateUserParams",
    [Schema.toType(UsersParams.CreateUserParams)],
    ([value]) => roundTrip(UsersParams.CreateUserParams)(value),
    options
  )
  it.effect.prop(
    "UpdateUserParams and UpdateMetadataParams",
    [Schema.toType(UsersParams.UpdateUserParams), Schema.toType(UsersParams.UpdateMetadataParams)],
    ([update, metadata]) =>
      Effect.gen(function*() {
        yield* roundTrip(UsersParams.UpdateUserParams)(update)
        yield* roundTrip(UsersParams.UpdateMetadataParams)(metadata)
      }),
    options
  )
  it.effect.prop(
    "the small bodies",
    [
      Schema.toType(UsersParams.ReplaceEmailAddressParams),
      Schema.toType(UsersParams.AdjustCreditBalanceParams),
      Schema.toType(Bodies.UserIdsBody)
    ],
    ([replace, adjust, userIds]) =>
      Effect.gen(function*() {
        yield* roundTrip(UsersParams.ReplaceEmailAddressParams)(replace)
        yield* roundTrip(UsersParams.AdjustCreditBalanceParams)(adjust)
        yield* roundTrip(Bodies.UserIdsBody)(userIds)
      }),
    options
  )
})
