/**
 * The params and body schemas check what the Effect 3 line checks (the kernel's `Limits`): a bad value is refused
 * while encoding, as a typed `SchemaError` (never a defect), and a good one encodes to Clerk's wire form.
 */
import * as Limits from "@effect-clerk/kernel/Limits"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Bodies from "../src/internal/bodies.js"
import * as UsersParams from "../src/UsersParams.js"

/** Encoding `value` with `schema` fails with a `SchemaError` whose message contains `text`. */
const refused = <T, E>(schema: Schema.Codec<T, E>, value: unknown, text?: string) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(Schema.encodeUnknownEffect(schema)(value))
    assert.strictEqual(error._tag, "SchemaError")
    if (text !== undefined) assert.include(error.message, text)
  })

const ids = (n: number) => Array.from({ length: n }, (_, i) => `user_${i}`)

describe("UsersParams: query parameters", () => {
  it.effect("encode to snake_case strings, lists as arrays, in both directions", () =>
    Effect.gen(function*() {
      const params: UsersParams.ListUsersParams = {
        emailAddress: ["a@example.com", "b@example.com"],
        banned: true,
        limit: 20,
        offset: 0,
        orderBy: "-created_at",
        createdAtAfter: 1_700_000_000_000,
        startingAfter: "user_1"
      }
      const wire = yield* Schema.encodeEffect(UsersParams.ListUsersParams)(params)
      assert.deepStrictEqual(wire, {
        email_address: ["a@example.com", "b@example.com"],
        banned: "true",
        limit: "20",
        offset: "0",
        order_by: "-created_at",
        created_at_after: "1700000000000",
        starting_after: "user_1"
      })
      assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(UsersParams.ListUsersParams)(wire), params)
    }))

  it.effect("a single query value decodes as a one-element list", () =>
    Effect.gen(function*() {
      const params = yield* Schema.decodeUnknownEffect(UsersParams.CountUsersParams)({ user_id: "user_1" })
      assert.deepStrictEqual(params, { userId: ["user_1"] })
    }))

  it.effect("limit: an integer from 1 to MAX_LIMIT", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.ListUsersParams, { limit: 0 }, "limit must be an integer from 1 to 500")
      yield* refused(UsersParams.ListUsersParams, { limit: Limits.MAX_LIMIT + 1 })
      yield* refused(UsersParams.PaginationParams, { limit: 1.5 })
      yield* refused(UsersParams.PaginationParams, { limit: "10" })
      assert.deepStrictEqual(
        yield* Schema.encodeEffect(UsersParams.PaginationParams)({ limit: Limits.MAX_LIMIT }),
        { limit: "500" }
      )
      const error = yield* Effect.flip(Schema.decodeUnknownEffect(UsersParams.PaginationParams)({ limit: "ten" }))
      assert.strictEqual(error._tag, "SchemaError")
    }))

  it.effect("offset: an integer of at least 0", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.OAuthAccessTokenParams, { offset: -1 }, "offset must be an integer of at least 0")
      yield* refused(UsersParams.OrganizationInvitationsParams, { offset: 0.5 })
    }))

  it.effect("filter lists: at most MAX_FILTER_VALUES values", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.CountUsersParams, { userId: ids(Limits.MAX_FILTER_VALUES + 1) }, "at most 100 values")
      const wire = yield* Schema.encodeEffect(UsersParams.CountUsersParams)({ userId: ids(Limits.MAX_FILTER_VALUES) })
      assert.strictEqual(wire.user_id?.length, Limits.MAX_FILTER_VALUES)
    }))

  it.effect("timestamp bounds: integers", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.CountUsersParams, { lastActiveAtBefore: 1.25 }, "expected an integer")
      yield* refused(UsersParams.CountUsersParams, { createdAtAfter: Number.NaN })
    }))

  it.effect("orders and statuses: only the kernel's values", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.ListUsersParams, { orderBy: "-password" })
      yield* refused(UsersParams.InstanceOrganizationMembershipsParams, { orderBy: "*username" })
      yield* refused(UsersParams.OrganizationInvitationsParams, { status: "lost" })
      for (const field of Limits.userOrderFields) {
        yield* Schema.encodeEffect(UsersParams.ListUsersParams)({ orderBy: `+${field}` })
      }
    }))

  it.effect("a field of the wrong type is refused", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.CountUsersParams, { banned: "yes" })
      yield* refused(UsersParams.CountUsersParams, { query: 42 })
    }))
})

describe("UsersParams: bodies", () => {
  it.effect("create encodes to Clerk's snake_case JSON", () =>
    Effect.gen(function*() {
      const wire = yield* Schema.encodeEffect(UsersParams.CreateUserParams)({
        firstName: "Ada",
        emailAddress: ["ada@example.com"],
        emailAddressIdentificationStatus: ["verified"],
        publicMetadata: { plan: "pro", seats: 3, tags: ["a"], nested: { ok: true, none: null } },
        createOrganizationsLimit: null,
        skipPasswordChecks: true
      })
      assert.deepStrictEqual(wire, {
        first_name: "Ada",
        email_address: ["ada@example.com"],
        email_address_identification_status: ["verified"],
        public_metadata: { plan: "pro", seats: 3, tags: ["a"], nested: { ok: true, none: null } },
        create_organizations_limit: null,
        skip_password_checks: true
      })
    }))

  it.effect("metadata: only JSON values", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.UpdateMetadataParams, { publicMetadata: { when: new Date(0) } })
      yield* refused(UsersParams.ReplaceMetadataParams, { privateMetadata: { f: () => 1 } })
      yield* refused(UsersParams.UpdateUserParams, { unsafeMetadata: { missing: undefined } })
      yield* refused(UsersParams.UpdateUserParams, { unsafeMetadata: { n: Number.NaN } })
      yield* refused(UsersParams.CreateUserParams, { publicMetadata: [1, 2] })
    }))

  it.effect("numbers: organizations limit and credit amounts are integers in range", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.UpdateUserParams, { createOrganizationsLimit: -1 })
      yield* refused(UsersParams.CreateUserParams, { createOrganizationsLimit: 2.5 })
      const adjust = { action: "increase", idempotencyKey: "k1" }
      yield* refused(UsersParams.AdjustCreditBalanceParams, { ...adjust, amount: 0 }, "at least 1 (cents)")
      yield* refused(UsersParams.AdjustCreditBalanceParams, { ...adjust, amount: 1.5 })
      yield* refused(UsersParams.AdjustCreditBalanceParams, { ...adjust, amount: 100, action: "double" })
      yield* refused(UsersParams.AdjustCreditBalanceParams, { ...adjust, amount: 100, idempotencyKey: "" })
      assert.deepStrictEqual(
        yield* Schema.encodeEffect(UsersParams.AdjustCreditBalanceParams)({
          amount: 100,
          action: "decrease",
          idempotencyKey: "k"
        }),
        { amount: 100, action: "decrease", idempotency_key: "k" }
      )
    }))

  it.effect("identification statuses and required fields", () =>
    Effect.gen(function*() {
      yield* refused(UsersParams.CreateUserParams, { emailAddressIdentificationStatus: ["unverified"] })
      yield* refused(UsersParams.ReplaceEmailAddressParams, { identificationStatus: "verified" })
      yield* refused(UsersParams.ReplacePhoneNumberParams, { phoneNumber: "+15550100", identificationStatus: "lost" })
      assert.deepStrictEqual(
        yield* Schema.encodeEffect(UsersParams.ReplaceEmailAddressParams)({
          emailAddress: "ada@example.com",
          identificationStatus: "unverified"
        }),
        { email_address: "ada@example.com", identification_status: "unverified" }
      )
    }))

  it.effect("user ids: 1 to MAX_BULK_IDS, sent as user_ids", () =>
    Effect.gen(function*() {
      yield* refused(Bodies.UserIdsBody, { userIds: [] }, "between 1 and 50 user ids")
      yield* refused(Bodies.UserIdsBody, { userIds: ids(Limits.MAX_BULK_IDS + 1) })
      assert.deepStrictEqual(yield* Schema.encodeEffect(Bodies.UserIdsBody)({ userIds: ["user_1"] }), {
        user_ids: ["user_1"]
      })
      assert.deepStrictEqual(yield* Schema.encodeEffect(Bodies.VerifyTotpBody)({ code: "123456" }), { code: "123456" })
      yield* refused(Bodies.VerifyPasswordBody, { password: 1 })
    }))
})
