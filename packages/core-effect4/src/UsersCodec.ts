/**
 * What derives from the operation table for any implementation of the operations: `implement` (one method per
 * row, typed by the row), the row's request checks (`requestEncoder`: an implementation refuses the same input
 * as the HTTP client, before anything is sent) and the error of a status (`errorForStatus`: the tag the HTTP
 * client gives it). The test kit's in-memory layer is built with these.
 *
 * @since 1.0.0
 */
import * as Effect from "effect/Effect"
import type { ClerkError, InvalidRequest } from "./ClerkError.js"
import type { AnyOperation } from "./internal/operation.js"
import * as Request from "./internal/request.js"
import * as Response from "./internal/response.js"
import type { Methods, OperationKey } from "./UsersProtocol.js"
import { rows } from "./UsersProtocol.js"

/**
 * A method written for any row: its arguments as the row takes them, its value and its failure untyped.
 *
 * @since 1.0.0
 * @category models
 */
export type AnyMethod = (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, ClerkError>

/**
 * The methods of every row, each made by `f` from its row. The contract: `f(operation)` takes the row's
 * arguments and succeeds with the row's response (or a variant's), failing with the row's errors; the rows'
 * types are then given to the methods.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkError, Users, UsersCodec } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // a double that refuses every call, with the error each method may fail with
 * const refuseAll: Users.Service = Users.fromOperations(
 *   UsersCodec.implement((operation) => () =>
 *     Effect.fail(new ClerkError.InvalidRequest({ operation: operation.name, field: "*", message: "refused" })))
 * )
 * ```
 */
export const implement = (f: (operation: AnyOperation) => AnyMethod): Methods => {
  const methods: Record<string, AnyMethod> = {}
  for (const operation of rows) methods[operation.key] = f(operation)
  // the one place where the rows' types are given to methods written for any row (see the contract above)
  return methods as Methods
}

/**
 * The method of a row of an implementation, as a method for any row (its own type is the row's).
 *
 * @since 1.0.0
 * @category getters
 */
export const methodOf = (methods: Methods, key: OperationKey): AnyMethod => {
  const method: (...args: ReadonlyArray<never>) => Effect.Effect<unknown, ClerkError> = methods[key]
  // the row's method, called with the arguments its caller gave (checked by the row's request encoder first)
  return method as AnyMethod
}

/**
 * What a call's arguments send (path parameters, query pairs, body, the write-limit key, implied fields).
 *
 * @since 1.0.0
 * @category models
 */
export type RequestInput = Request.RequestInput

/**
 * The request checks of a row under an API version: the arguments encoded as the HTTP client sends them, or
 * the `InvalidRequest` that stops the call.
 *
 * @since 1.0.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const encode = UsersCodec.requestEncoder(UsersProtocol.operations.get, "2025-11-10")
 * Effect.runSync(encode(["user_123"])) // { params: ["user_123"], urlParams: [], implied: [] }
 * ```
 */
export const requestEncoder = (
  operation: AnyOperation,
  apiVersion: string
): (args: ReadonlyArray<unknown>) => Effect.Effect<RequestInput, InvalidRequest> => {
  const encode = Request.encoder(operation, apiVersion)
  return (args) => Effect.suspend(() => Effect.fromResult(encode(args)))
}

/**
 * The error of an error status for an operation, with what the response said.
 *
 * @since 1.0.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * const error = UsersCodec.errorForStatus(UsersProtocol.operations.ban, 404, { errors: [] })
 * console.log(error._tag) // "UnexpectedStatus": ban documents no 404
 * ```
 */
export const errorForStatus: (
  operation: { readonly name: string; readonly statuses: ReadonlyArray<number> },
  status: number,
  details: Response.FailureDetails
) => ClerkError = Response.errorForStatus

/**
 * What an error response says besides its status (Clerk's `errors`, its trace id, the `Retry-After` wait).
 *
 * @since 1.0.0
 * @category models
 */
export type FailureDetails = Response.FailureDetails
