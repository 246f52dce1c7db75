/**
 * Compile-time checks, run by `pnpm check` (tsc): metadata is typed as JSON values (the kernel's
 * `Model.JsonObject`), in every parameter that carries it and in the models that return it, so a value that
 * `JSON.stringify` would change (a `Date`, a function, a class instance, `undefined` in an array) does not
 * compile; and the named interfaces are what the methods show.
 */
import type { Model } from "@effect-clerk/kernel"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import { Users } from "../src/index.js"
import type * as User from "../src/User.js"
import type * as UsersParams from "../src/UsersParams.js"
import type * as UsersProtocol from "../src/UsersProtocol.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined

// one type, from the kernel's Model
assertType<Equals<UsersParams.Metadata, Model.Metadata>>()
assertType<Equals<UsersParams.JsonObject, Model.JsonObject>>()
assertType<Equals<UsersParams.JsonValue, Model.JsonValue>>()
assertType<Equals<Schema.Schema.Type<typeof UsersParams.Metadata>, Model.JsonObject>>()
assertType<Equals<NonNullable<UsersParams.UpdateMetadataParams["publicMetadata"]>, Model.JsonObject>>()
assertType<Equals<NonNullable<UsersParams.CreateUserParams["privateMetadata"]>, Model.JsonObject>>()
// the decode side too: what a user's metadata holds is JSON
assertType<Equals<User.User["publicMetadata"], Model.JsonObject>>()
assertType<Equals<User.User["unsafeMetadata"], Model.JsonObject | undefined>>()

// the methods show the named interfaces, not their expansion
assertType<Equals<UsersProtocol.SuccessOf<"get">, User.User>>()
assertType<Equals<Schema.Schema.Type<typeof User.User>, User.User>>()
assertType<Equals<Schema.Schema.Encoded<typeof User.User>, User.UserEncoded>>()

export const program = Effect.gen(function*() {
  const users = yield* Users
  // JSON values compile
  yield* users.updateMetadata("user_1", {
    publicMetadata: { at: new Date(0).toISOString(), n: 1, ok: true, none: null, tags: ["a", { b: [1, 2] }] }
  })
  yield* users.create({ emailAddress: ["ada@example.com"], unsafeMetadata: { theme: "dark" } })

  // @ts-expect-error a Date is not a JSON value (JSON.stringify would turn it into a string)
  yield* users.updateMetadata("user_1", { publicMetadata: { at: new Date() } })
  // @ts-expect-error nor is a function
  yield* users.replaceMetadata("user_1", { privateMetadata: { callback: () => 1 } })
  // @ts-expect-error nor a class instance
  yield* users.update("user_1", { unsafeMetadata: { seen: new Set(["a"]) } })
  // @ts-expect-error nor undefined in an array (JSON.stringify writes null)
  yield* users.create({ publicMetadata: { list: [1, undefined] } })
  // @ts-expect-error nor a bigint
  yield* users.updateMetadata("user_1", { privateMetadata: { big: 1n } })
})
