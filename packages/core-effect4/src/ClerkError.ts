/**
 * The failures of the Users operations: one `Schema.TaggedError` class per cause, with the same tags and fields
 * as the Effect 3 line.
 *
 * Errors that come from a Clerk response carry the `status`, Clerk's `errors` array (`code`, `message`,
 * `longMessage`, `meta`) and `clerkTraceId` when the server sent them, and the `operation` that failed. None of
 * them carries request headers, so the secret key can never surface through an error. Their `message` is the
 * kernel's (`ClientErrors.describe`), the same text on both lines.
 *
 * @since 1.0.0
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Duration from "effect/Duration"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as ModelSchema from "./internal/modelSchema.js"

/**
 * The identity every error of this library carries (the same symbol as on the Effect 3 line): `isClerkError`
 * checks it, so an application's own `Data.TaggedError("Conflict")` is never mistaken for one of these.
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category type ids
 */
export type ClerkErrorTypeId = typeof ClerkErrorTypeId

/**
 * An error Clerk sends in an error response (or attaches to a failed verification): `code`, `message`,
 * `longMessage`, `meta`.
 *
 * @since 1.0.0
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
export const ClerkApiError: typeof ModelSchema.ClerkApiError = ModelSchema.ClerkApiError

/**
 * @since 1.0.0
 * @category models
 */
export type ClerkApiError = typeof ModelSchema.ClerkApiError.Type

const responseFields = {
  operation: Schema.String,
  status: Schema.Number,
  errors: Schema.Array(Schema.toType(ModelSchema.ClerkApiError)),
  clerkTraceId: Schema.optionalKey(Schema.String)
}

const retryableFields = { ...responseFields, retryAfter: Schema.optionalKey(Schema.Duration) }

const describe = (self: {
  readonly operation: string
  readonly status: number
  readonly errors: ReadonlyArray<ClerkApiError>
  readonly clerkTraceId?: string
  readonly retryAfter?: Duration.Duration
}): string =>
  ClientErrors.describe({
    operation: self.operation,
    status: self.status,
    errors: self.errors,
    clerkTraceId: self.clerkTraceId,
    retryAfterMillis: self.retryAfter === undefined ? undefined : Duration.toMillis(self.retryAfter)
  })

/**
 * 400: Clerk rejected the request as malformed.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("BadRequest", (error) => Effect.succeed(error.errors.map((e) => e.code)))
 * )
 * ```
 */
export class BadRequest
  extends Schema.TaggedError<BadRequest>("@effect-clerk/core/BadRequest")("BadRequest", responseFields)
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 401: the secret key is missing or invalid.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.list()).pipe(
 *   Effect.catchTag("AuthenticationInvalid", () => Effect.die(new Error("check CLERK_SECRET_KEY")))
 * )
 * ```
 */
export class AuthenticationInvalid
  extends Schema.TaggedError<AuthenticationInvalid>("@effect-clerk/core/AuthenticationInvalid")(
    "AuthenticationInvalid",
    responseFields
  )
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 402: the operation needs a paid plan.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.ban("user_123")).pipe(
 *   Effect.catchTag("PaymentRequired", () => Effect.log("banning needs a paid plan"))
 * )
 * ```
 */
export class PaymentRequired
  extends Schema.TaggedError<PaymentRequired>("@effect-clerk/core/PaymentRequired")("PaymentRequired", responseFields)
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 403: the key may not do this.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.lock("user_123")).pipe(
 *   Effect.catchTag("AuthorizationInvalid", () => Effect.log("user lockout is disabled on this instance"))
 * )
 * ```
 */
export class AuthorizationInvalid
  extends Schema.TaggedError<AuthorizationInvalid>("@effect-clerk/core/AuthorizationInvalid")(
    "AuthorizationInvalid",
    responseFields
  )
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 404: no such user (or resource).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect, Option } from "effect"
 *
 * const findUser = (id: string) =>
 *   Effect.flatMap(Effect.service(Users.Users), (users) => users.get(id)).pipe(
 *     Effect.map(Option.some),
 *     Effect.catchTag("ResourceNotFound", () => Effect.succeed(Option.none()))
 *   )
 * ```
 */
export class ResourceNotFound extends Schema.TaggedError<ResourceNotFound>("@effect-clerk/core/ResourceNotFound")(
  "ResourceNotFound",
  responseFields
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 409: the request conflicts with the resource's state.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(
 *   Effect.service(Users.Users),
 *   (users) => users.update("user_123", { username: "ada" })
 * ).pipe(
 *   Effect.catchTag("Conflict", (error) => Effect.logWarning(error.message))
 * )
 * ```
 */
export class Conflict extends Schema.TaggedError<Conflict>("@effect-clerk/core/Conflict")("Conflict", responseFields) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 422: Clerk understood the request but refused its content (`errors` says why).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(
 *   Effect.service(Users.Users),
 *   (users) => users.create({ emailAddress: ["ada@example.com"] })
 * ).pipe(
 *   Effect.catchTag("UnprocessableEntity", (error) =>
 *     error.errors.some((e) => e.code === "form_identifier_exists")
 *       ? Effect.succeed("already registered")
 *       : Effect.fail(error))
 * )
 * ```
 */
export class UnprocessableEntity
  extends Schema.TaggedError<UnprocessableEntity>("@effect-clerk/core/UnprocessableEntity")(
    "UnprocessableEntity",
    responseFields
  )
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 429: too many requests; `retryAfter` is the wait the response asked for (`Retry-After`).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Duration, Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.list()).pipe(
 *   Effect.catchTag("RateLimited", (error) =>
 *     Effect.logWarning(`slow down for ${Duration.format(error.retryAfter ?? Duration.seconds(1))}`))
 * )
 * ```
 */
export class RateLimited
  extends Schema.TaggedError<RateLimited>("@effect-clerk/core/RateLimited")("RateLimited", retryableFields)
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * 5xx: Clerk (or a proxy) failed; `retryAfter` when the response asked for a wait.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.list()).pipe(
 *   Effect.catchTag("ServerError", (error) => Effect.logError(`Clerk answered ${error.status}`))
 * )
 * ```
 */
export class ServerError
  extends Schema.TaggedError<ServerError>("@effect-clerk/core/ServerError")("ServerError", retryableFields)
{
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * A status the operation does not document (a 2xx is never one).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.ban("user_123")).pipe(
 *   Effect.catchTag("UnexpectedStatus", (error) => Effect.logError(`unexpected ${error.status}`))
 * )
 * ```
 */
export class UnexpectedStatus extends Schema.TaggedError<UnexpectedStatus>("@effect-clerk/core/UnexpectedStatus")(
  "UnexpectedStatus",
  responseFields
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
  override get message(): string {
    return describe(this)
  }
}

/**
 * The request never got a complete response: `reason` is `"Transport"` (refused, reset, aborted, a redirect not
 * followed) or `"Timeout"` (no complete response within the configured timeout).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("TransportError", (error) => Effect.logError(`${error.reason}: ${error.message}`))
 * )
 * ```
 */
export class TransportError extends Schema.TaggedError<TransportError>("@effect-clerk/core/TransportError")(
  "TransportError",
  { operation: Schema.String, reason: Schema.Literals(["Transport", "Timeout"]), message: Schema.String }
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * A 2xx response that could not be used: not JSON (`"Json"`), not of the documented shape (`"Schema"`), over the
 * size bound (`"TooLarge"`), or a page repeating the previous one (`"Pagination"`).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("DecodeError", (error) => Effect.logError(error.message))
 * )
 * ```
 */
export class DecodeError extends Schema.TaggedError<DecodeError>("@effect-clerk/core/DecodeError")("DecodeError", {
  operation: Schema.String,
  status: Schema.Number,
  reason: Schema.Literals(["Json", "Schema", "TooLarge", "Pagination"]),
  message: Schema.String
}) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * Arguments that cannot be sent (an empty id, a limit out of range, a field the API version refuses): nothing
 * was sent. `field` names the argument (`userId`, `params.limit`).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.list({ limit: 1000 })).pipe(
 *   Effect.catchTag("InvalidRequest", (error) => Effect.logError(`${error.field}: ${error.message}`))
 * )
 * ```
 */
export class InvalidRequest extends Schema.TaggedError<InvalidRequest>("@effect-clerk/core/InvalidRequest")(
  "InvalidRequest",
  { operation: Schema.String, field: Schema.String, message: Schema.String }
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * The failures every operation can have, whatever its documented statuses.
 *
 * @since 1.0.0
 * @category models
 */
export type CommonError = RateLimited | ServerError | UnexpectedStatus | TransportError | DecodeError | InvalidRequest

/**
 * The classes of the common failures.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { commonErrorClasses } from "@effect-clerk/core/ClerkError"
 *
 * console.log(commonErrorClasses.map((ErrorClass) => ErrorClass.name))
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
 * The error of each status an operation can document.
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category models
 */
export type DocumentedStatus = keyof StatusErrors

/**
 * The error union of an operation documenting the statuses `S`.
 *
 * @since 1.0.0
 * @category models
 */
export type OperationError<S extends DocumentedStatus> = StatusErrors[S] | CommonError

/**
 * Any failure of this library's operations.
 *
 * @since 1.0.0
 * @category models
 */
export type ClerkError = StatusErrors[DocumentedStatus] | CommonError

/**
 * The class of each documented client-error status (the kernel's `ClientErrors.statusTags`, as classes).
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { ClerkError } from "@effect-clerk/core"
 *
 * console.log(ClerkError.statusErrorClasses[404].name) // "ResourceNotFound"
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
 * Whether a value is one of this library's errors.
 *
 * @since 1.0.0
 * @category guards
 * @example
 * ```ts
 * import { ClerkError } from "@effect-clerk/core"
 *
 * console.log(ClerkError.isClerkError(new ClerkError.ResourceNotFound({ operation: "Users.get", status: 404, errors: [] })))
 * ```
 */
export const isClerkError = (u: unknown): u is ClerkError => Predicate.hasProperty(u, ClerkErrorTypeId)
