/**
 * The failures of the Users operations: one `Schema.TaggedError` class per cause.
 *
 * Errors that come from a Clerk response carry the `status`, Clerk's `errors` array (`code`, `message`,
 * `longMessage`, `meta`) and `clerkTraceId` when the server sent them, and the `operation` that failed. None of
 * them carries request headers, so the secret key can never surface through an error.
 *
 * @since 0.1.0
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import type * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { optional, wireOptional } from "./internal/schema.js"

/**
 * The identity every error of this library carries: `isClerkError` checks it, so an application's own
 * `Data.TaggedError("Conflict")` is never mistaken for one of these.
 *
 * @since 0.1.0
 * @category type ids
 * @example
 * ```ts
 * import { ClerkErrorTypeId, ResourceNotFound } from "@effect-clerk/core/ClerkError"
 *
 * const error = new ResourceNotFound({ operation: "Users.get", status: 404, errors: [] })
 * console.log(error[ClerkErrorTypeId] === ClerkErrorTypeId) // true
 * ```
 */
export const ClerkErrorTypeId: unique symbol = Symbol.for("@effect-clerk/core/ClerkError")

/**
 * @since 0.1.0
 * @category type ids
 */
export type ClerkErrorTypeId = typeof ClerkErrorTypeId

/**
 * An error Clerk attaches to a failed verification, or sends in an error response.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { ClerkApiError } from "@effect-clerk/core/ClerkError"
 * import { Schema } from "effect"
 *
 * const error = Schema.decodeUnknownSync(ClerkApiError)({
 *   code: "resource_not_found",
 *   message: "not found",
 *   long_message: "No user was found with id user_123"
 * })
 * console.log(error.longMessage)
 * ```
 */
export const ClerkApiError = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  longMessage: wireOptional("long_message", Schema.String),
  meta: optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
}).annotations({ identifier: "ClerkApiError" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ClerkApiError extends Schema.Schema.Type<typeof ClerkApiError> {}

const ApiErrors = Schema.Array(Schema.typeSchema(ClerkApiError))

const responseFields = {
  operation: Schema.String,
  status: Schema.Number,
  errors: ApiErrors,
  clerkTraceId: Schema.optionalWith(Schema.String, { exact: true })
}

const describe = (self: {
  readonly operation: string
  readonly status: number
  readonly errors: ReadonlyArray<ClerkApiError>
  readonly clerkTraceId?: string | undefined
  readonly retryAfter?: Duration.Duration | undefined
}): string =>
  ClientErrors.describe({
    operation: self.operation,
    status: self.status,
    errors: self.errors,
    clerkTraceId: self.clerkTraceId,
    retryAfterMillis: self.retryAfter === undefined ? undefined : Duration.toMillis(self.retryAfter)
  })

const retryableFields = {
  ...responseFields,
  retryAfter: Schema.optionalWith(Schema.DurationFromSelf, { exact: true })
}

/**
 * The fields of an error class: its `_tag` and its own fields.
 *
 * @since 0.3.0
 * @category models
 */
export type TaggedFields<Tag extends string, F extends Schema.Struct.Fields> = { readonly _tag: Schema.tag<Tag> } & F

/**
 * The class of every error of this module: a `Schema.TaggedError` (identified as `@effect-clerk/core/<tag>`)
 * whose instances carry `ClerkErrorTypeId`.
 *
 * @since 0.3.0
 * @category models
 */
export interface ClerkErrorClass<Self, Tag extends string, F extends Schema.Struct.Fields> extends
  Schema.Class<
    Self,
    TaggedFields<Tag, F>,
    Schema.Struct.Encoded<TaggedFields<Tag, F>>,
    Schema.Struct.Context<TaggedFields<Tag, F>>,
    Schema.Struct.Constructor<Omit<TaggedFields<Tag, F>, "_tag">>,
    { readonly [ClerkErrorTypeId]: ClerkErrorTypeId },
    Cause.YieldableError
  >
{
  readonly _tag: Tag
}

/**
 * The one base of the errors: `Schema.TaggedError` with `ClerkErrorTypeId` on its prototype and, for the errors
 * built from a response, a `message` computed from their fields (`describe`).
 */
const ErrorClass = <Self>() =>
<Tag extends string, F extends Schema.Struct.Fields>(
  tag: Tag,
  fields: F,
  message?: (self: Schema.Struct.Type<F>) => string
): ClerkErrorClass<Self, Tag, F> => {
  // `TaggedError<Self>` is a conditional type (it checks that `Self` was given) that a generic `Self` leaves
  // unresolved: this is its resolved branch
  const Class = Schema.TaggedError<Self>(`@effect-clerk/core/${tag}`)(tag, fields) as Schema.TaggedErrorClass<
    Self,
    Tag,
    TaggedFields<Tag, F>
  >
  Object.defineProperty(Class.prototype, ClerkErrorTypeId, { value: ClerkErrorTypeId })
  if (message !== undefined) {
    Object.defineProperty(Class.prototype, "message", {
      get(this: Schema.Struct.Type<F>) {
        return message(this)
      },
      configurable: true
    })
  }
  // the prototype now carries the type id: the instances are what `ClerkErrorClass` says
  return Class as ClerkErrorClass<Self, Tag, F>
}

/**
 * 400: Clerk rejected the request as malformed.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("BadRequest", (error) => Effect.succeed(error.errors.map((e) => e.code)))
 * )
 * ```
 */
export class BadRequest extends ErrorClass<BadRequest>()("BadRequest", responseFields, describe) {}

/**
 * 401: the secret key is missing, malformed or revoked.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.list()).pipe(
 *   Effect.catchTag("AuthenticationInvalid", () => Effect.dieMessage("check CLERK_SECRET_KEY"))
 * )
 * ```
 */
export class AuthenticationInvalid
  extends ErrorClass<AuthenticationInvalid>()("AuthenticationInvalid", responseFields, describe)
{}

/**
 * 402: the feature needs a paid plan.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.ban("user_123")).pipe(
 *   Effect.catchTag("PaymentRequired", () => Effect.log("banning needs a paid plan"))
 * )
 * ```
 */
export class PaymentRequired extends ErrorClass<PaymentRequired>()("PaymentRequired", responseFields, describe) {}

/**
 * 403: the key is valid but not allowed to do this (or the feature is disabled on the instance).
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.lock("user_123")).pipe(
 *   Effect.catchTag("AuthorizationInvalid", () => Effect.log("user lockout is disabled on this instance"))
 * )
 * ```
 */
export class AuthorizationInvalid
  extends ErrorClass<AuthorizationInvalid>()("AuthorizationInvalid", responseFields, describe)
{}

/**
 * 404: the user (or the passkey, wallet, account... named in the path) does not exist.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect, Option } from "effect"
 *
 * const findUser = (id: string) =>
 *   Effect.flatMap(Users, (users) => users.get(id)).pipe(
 *     Effect.map(Option.some),
 *     Effect.catchTag("ResourceNotFound", () => Effect.succeed(Option.none()))
 *   )
 * ```
 */
export class ResourceNotFound extends ErrorClass<ResourceNotFound>()("ResourceNotFound", responseFields, describe) {}

/**
 * 409: the request conflicts with the current state of the user.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.update("user_123", { username: "ada" })).pipe(
 *   Effect.catchTag("Conflict", (error) => Effect.logWarning(error.message))
 * )
 * ```
 */
export class Conflict extends ErrorClass<Conflict>()("Conflict", responseFields, describe) {}

/**
 * 422: Clerk understood the request but refused its content (an identifier already taken, a wrong password,
 * a parameter of the wrong format...). The `errors` array says which (`form_identifier_exists`,
 * `incorrect_password`, ...), with `meta.param_name` naming the parameter.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.create({ emailAddress: ["ada@example.com"] })).pipe(
 *   Effect.catchTag("UnprocessableEntity", (error) =>
 *     error.errors.some((e) => e.code === "form_identifier_exists")
 *       ? Effect.succeed("already registered")
 *       : Effect.fail(error))
 * )
 * ```
 */
export class UnprocessableEntity
  extends ErrorClass<UnprocessableEntity>()("UnprocessableEntity", responseFields, describe)
{}

/**
 * 429: too many requests. `retryAfter` is the server's `Retry-After`, when it sent one. The default retry
 * policy waits at least that long before trying again.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Duration, Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.list()).pipe(
 *   Effect.catchTag("RateLimited", (error) =>
 *     Effect.logWarning(`slow down for ${Duration.format(error.retryAfter ?? Duration.seconds(1))}`))
 * )
 * ```
 */
export class RateLimited extends ErrorClass<RateLimited>()("RateLimited", retryableFields, describe) {}

/**
 * 5xx: Clerk failed. 502, 503 and 504 are transient and retried for idempotent operations; 500 is not.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.list()).pipe(
 *   Effect.catchTag("ServerError", (error) => Effect.logError(`Clerk answered ${error.status}`))
 * )
 * ```
 */
export class ServerError extends ErrorClass<ServerError>()("ServerError", retryableFields, describe) {}

/**
 * A status the operation does not document (for example a 404 from `ban`, or a 3xx). The body, when it was a
 * Clerk error body, is decoded into `errors`.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.ban("user_123")).pipe(
 *   Effect.catchTag("UnexpectedStatus", (error) => Effect.logError(`unexpected ${error.status}`))
 * )
 * ```
 */
export class UnexpectedStatus extends ErrorClass<UnexpectedStatus>()("UnexpectedStatus", responseFields, describe) {}

/**
 * The request did not complete: connection refused or reset, DNS failure, or no answer within the configured
 * timeout (`reason: "Timeout"`).
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("TransportError", (error) => Effect.logError(`${error.reason}: ${error.message}`))
 * )
 * ```
 */
export class TransportError extends ErrorClass<TransportError>()("TransportError", {
  operation: Schema.String,
  reason: Schema.Literal("Transport", "Timeout"),
  message: Schema.String
}) {}

/**
 * A response that could not be used: not JSON, not of the documented shape, larger than the configured bound
 * (`reason: "TooLarge"`), or a page of a pagination stream that repeats the previous one (`reason: "Pagination"`:
 * a server that ignores `offset` would otherwise be walked forever). `message` says what did not match, without
 * echoing the body.
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("DecodeError", (error) => Effect.logError(error.message))
 * )
 * ```
 */
export class DecodeError extends ErrorClass<DecodeError>()("DecodeError", {
  operation: Schema.String,
  status: Schema.Number,
  reason: Schema.Literal("Json", "Schema", "TooLarge", "Pagination"),
  message: Schema.String
}) {}

/**
 * Input refused before anything was sent: an empty or unsendable id, a limit outside 1..500, a negative
 * offset, more than 100 values in a filter list, 0 or more than 50 ids for a bulk ban, a metadata value JSON
 * cannot carry, metadata in `update` on an API version that no longer accepts it...
 *
 * @since 0.1.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Users, (users) => users.list({ limit: 1000 })).pipe(
 *   Effect.catchTag("InvalidRequest", (error) => Effect.logError(`${error.field}: ${error.message}`))
 * )
 * ```
 */
export class InvalidRequest extends ErrorClass<InvalidRequest>()("InvalidRequest", {
  operation: Schema.String,
  field: Schema.String,
  message: Schema.String
}) {}

/**
 * The failures every operation can have, whatever its documented statuses.
 *
 * @since 0.1.0
 * @category models
 */
export type CommonError = RateLimited | ServerError | UnexpectedStatus | TransportError | DecodeError | InvalidRequest

/**
 * The error classes every operation can fail with, whatever its documented statuses (the runtime counterpart
 * of {@link CommonError}).
 *
 * @since 0.2.0
 * @category constructors
 * @example
 * ```ts
 * import { commonErrorClasses } from "@effect-clerk/core/ClerkError"
 *
 * console.log(commonErrorClasses.map((ErrorClass) => ErrorClass._tag))
 * ```
 */
export const commonErrorClasses = [
  RateLimited,
  ServerError,
  UnexpectedStatus,
  TransportError,
  DecodeError,
  InvalidRequest
] as const

/**
 * The statuses an operation can document, each mapped to its error class.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatusErrors {
  readonly 400: BadRequest
  readonly 401: AuthenticationInvalid
  readonly 402: PaymentRequired
  readonly 403: AuthorizationInvalid
  readonly 404: ResourceNotFound
  readonly 409: Conflict
  readonly 422: UnprocessableEntity
  readonly 500: ServerError
}

/**
 * A status an operation can document.
 *
 * @since 0.1.0
 * @category models
 */
export type DocumentedStatus = keyof StatusErrors

/**
 * The error union of an operation that documents the statuses `S`.
 *
 * @since 0.1.0
 * @category models
 */
export type OperationError<S extends DocumentedStatus> = StatusErrors[S] | CommonError

/**
 * Any failure of any Users operation.
 *
 * @since 0.1.0
 * @category models
 */
export type ClerkError = StatusErrors[DocumentedStatus] | CommonError

/**
 * The error classes of the documented 4xx statuses.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { statusErrorClasses } from "@effect-clerk/core/ClerkError"
 *
 * console.log(statusErrorClasses[404].name) // "ResourceNotFound"
 * ```
 */
export const statusErrorClasses = {
  400: BadRequest,
  401: AuthenticationInvalid,
  402: PaymentRequired,
  403: AuthorizationInvalid,
  404: ResourceNotFound,
  409: Conflict,
  422: UnprocessableEntity
} as const

/**
 * Whether `u` is one of the errors of this module.
 *
 * @since 0.1.0
 * @category guards
 * @example
 * ```ts
 * import { InvalidRequest, isClerkError } from "@effect-clerk/core/ClerkError"
 *
 * console.log(isClerkError(new InvalidRequest({ operation: "Users.get", field: "userId", message: "empty" })))
 * ```
 */
export const isClerkError = (u: unknown): u is ClerkError => Predicate.hasProperty(u, ClerkErrorTypeId)
