/**
 * Compile-time checks (`tsc -p packages/core-effect4`): each operation's error union is derived from the
 * statuses its kernel row documents, as on the Effect 3 line.
 */
import type { Users } from "../src/index.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined
type Common = "UnexpectedStatus" | "TransportError" | "DecodeError"

assertType<Equals<Users.Error<"get">["_tag"], "BadRequest" | "AuthenticationInvalid" | "ResourceNotFound" | Common>>()
assertType<
  Equals<Users.Error<"list">["_tag"], "BadRequest" | "AuthenticationInvalid" | "UnprocessableEntity" | Common>
>()
