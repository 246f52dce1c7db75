/**
 * What derives from the operation table (`UsersProtocol`), for any implementation of `Users`, as
 * `HttpApiClient` and `HttpApiBuilder` derive from an `HttpApi`: `implement` (every row's method at once, with
 * the row's type), the request encoder (a call into a request) and decoder (a request into a call, for
 * servers), the response codecs, the tagged error of a status, and the route of a path.
 *
 * @since 0.3.0
 */
import type * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import type { ClerkError, DecodeError, DocumentedStatus, InvalidRequest, OperationError } from "./ClerkError.js"
import * as Codec from "./internal/codec.js"
import type { AnyOperation } from "./internal/operation.js"
import * as Request from "./internal/request.js"
import * as Response from "./internal/response.js"
import * as ServerRequest from "./internal/serverRequest.js"
import type { Methods } from "./UsersProtocol.js"
import { rows } from "./UsersProtocol.js"

export type { Body, RequestInput } from "./internal/request.js"
export type { FailureDetails } from "./internal/response.js"
export type { RequestIssue, RequestParts } from "./internal/serverRequest.js"

/**
 * A method of any row, as an implementation writes it once for every row: any arguments, a value, one of the
 * library's errors.
 *
 * @since 0.3.0
 * @category implementation
 */
export type AnyMethod = (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, ClerkError>

/**
 * Implements every operation of the table with one function of the row, and gives the methods the types the
 * rows say (`Users.Operations`). The function is trusted to keep to its row: check the arguments with the
 * row's `requestEncoder` (or decoder), produce the row's value (as `decodeResponse` or a store does) and fail
 * with the row's errors (`errorForStatus`). `Users.make` and the test kit's in-memory layer are built this way.
 *
 * @since 0.3.0
 * @category implementation
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
 * The request encoder of an operation, for an API version: checks and encodes the arguments by the row (an
 * `InvalidRequest` when something cannot be sent faithfully) into the path parameters, query and body to send.
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const encode = UsersCodec.requestEncoder(UsersProtocol.operations.get, "2025-11-10")
 * Effect.runSync(encode(["user_123"])) // { params: ["user_123"] }
 * ```
 */
export const requestEncoder: (
  operation: AnyOperation,
  apiVersion: string
) => (args: ReadonlyArray<unknown>) => Effect.Effect<Request.RequestInput, InvalidRequest> = Request.requestEncoder

/**
 * The request decoder of an operation, for servers: the parts of an HTTP request into the call's arguments,
 * with the same schemas the client encodes with. Given an API version, the fields its rules remove are refused
 * as unknown parameters (named as on the wire).
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * const decode = UsersCodec.requestDecoder(UsersProtocol.operations.count)
 * console.log(decode({ path: [], search: "banned=true", json: undefined, file: undefined }))
 * ```
 */
export const requestDecoder: (
  operation: AnyOperation
) => (
  parts: ServerRequest.RequestParts,
  apiVersion?: string
) => Either.Either<ReadonlyArray<unknown>, ServerRequest.RequestIssue> = ServerRequest.requestDecoder

/**
 * What body an operation's request carries: none, JSON or a multipart form.
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersCodec.bodyKind(UsersProtocol.operations.setProfileImage)) // "multipart"
 * ```
 */
export const bodyKind: (operation: AnyOperation) => "none" | "json" | "multipart" = ServerRequest.bodyKind

/**
 * Maps a non-2xx status to the operation's tagged error: 429 is `RateLimited`, 5xx `ServerError`, a documented
 * 4xx its own class, anything else `UnexpectedStatus`.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * const error = UsersCodec.errorForStatus(UsersProtocol.operations.ban, 404, { errors: [] })
 * console.log(error._tag) // "UnexpectedStatus": ban documents no 404
 * ```
 */
export const errorForStatus: <S extends DocumentedStatus>(
  operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
  status: number,
  details: Response.FailureDetails
) => OperationError<S> = Response.errorForStatus

/**
 * Maps a non-2xx response (status, headers, body text) to the operation's tagged error, reading Clerk's error
 * body leniently and `Retry-After` on 429 and 5xx.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * const error = UsersCodec.statusError(UsersProtocol.operations.get, 429, { "retry-after": "3" }, "", Date.now())
 * console.log(error._tag) // "RateLimited"
 * ```
 */
export const statusError: <S extends DocumentedStatus>(
  operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
  status: number,
  headers: { readonly [name: string]: string | undefined },
  text: string,
  nowMillis: number
) => OperationError<S> = Response.statusError

/**
 * Decodes a successful response body with the operation's schema (compiled), into its value or a
 * `DecodeError` that does not echo the body.
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * const count = UsersCodec.decodeResponse(UsersProtocol.operations.count, 200, `{"object":"total_count","total_count":2}`)
 * ```
 */
export const decodeResponse: <A, I>(
  operation: { readonly name: string; readonly success: Schema.Schema<A, I> },
  status: number,
  text: string
) => Either.Either<A, DecodeError> = Response.decodeSuccess

/**
 * Encodes an operation's value into its wire form (what a server answers), with the compiled encoder.
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersCodec.encodeResponse(UsersProtocol.operations.count, 7)) // Right({ object: "total_count", total_count: 7 })
 * ```
 */
export const encodeResponse = <A, I>(
  operation: { readonly success: Schema.Schema<A, I> },
  value: A
): Either.Either<I, ParseResult.ParseError> => Codec.encoderFor(operation.success)(value)

/**
 * The compiled decoder of any schema (cached per schema): Effect's decoder runs only for values the compiled
 * one refuses, for the authoritative error. Unknown keys are ignored.
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec } from "@effect-clerk/core"
 * import { User } from "@effect-clerk/core/User"
 * import { Schema } from "effect"
 *
 * const decodePage = UsersCodec.decoderFor(Schema.Array(User))
 * ```
 */
export const decoderFor: <A, I>(
  schema: Schema.Schema<A, I>
) => (u: unknown) => Either.Either<A, ParseResult.ParseError> = Codec.decoderFor

/**
 * The route of a path template for `HttpRouter` (`/users/{user_id}` → `/users/:user_id`).
 *
 * @since 0.3.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersCodec, UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersCodec.routeOf("/users/{user_id}/ban")) // "/users/:user_id/ban"
 * ```
 */
export const routeOf = (template: string): `/${string}` => template.replace(/\{([a-z0-9_]+)\}/g, ":$1") as `/${string}`
