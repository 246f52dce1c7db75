/**
 * Compile-time checks (`tsc -p packages/core-effect4`): each operation's error union is derived from the
 * statuses its kernel row documents, as on the Effect 3 line, and the named unions are those unions.
 */
import type * as Effect from "effect/Effect"
import type { Users } from "../src/index.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined
type Common =
  | "RateLimited"
  | "ServerError"
  | "UnexpectedStatus"
  | "TransportError"
  | "DecodeError"
  | "InvalidRequest"

assertType<Equals<Users.Error<"get">["_tag"], "BadRequest" | "AuthenticationInvalid" | "ResourceNotFound" | Common>>()
assertType<
  Equals<Users.Error<"list">["_tag"], "BadRequest" | "AuthenticationInvalid" | "UnprocessableEntity" | Common>
>()
assertType<Equals<Users.GetError, Users.Error<"get">>>()
assertType<Equals<Users.BulkBanError, Users.Error<"bulkBan">>>()
assertType<Equals<Users.GetBillingCreditBalanceError, Users.Error<"getBillingCreditBalance">>>()
// a status the row does not document is not in its union
assertType<Equals<Extract<Users.GetError, { readonly _tag: "Conflict" }>, never>>()
// the methods' error channels are the unions
type GetChannel = ReturnType<Users.Service["get"]> extends Effect.Effect<infer _A, infer E> ? E
  : never
assertType<Equals<GetChannel, Users.GetError>>()
type CreateOnceChannel = ReturnType<Users.Service["createOnce"]> extends Effect.Effect<
  infer _A,
  infer E
> ? E
  : never
assertType<Equals<CreateOnceChannel, Users.CreateError | Users.ListError>>()
