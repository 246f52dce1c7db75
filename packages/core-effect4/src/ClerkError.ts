/**
 * The failures of the Users operations as Effect 4 `Schema.TaggedError` classes, each carrying
 * `ClerkErrorTypeId`. Errors built from a response carry the `status`, Clerk's `errors` (camelCase) and the
 * `clerkTraceId` when sent, and the `operation`; never a request header.
 *
 * @since 1.0.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { ClerkApiError } from "./User.js"

/**
 * The identity every error of this library carries (the same symbol as on the Effect 3 line).
 *
 * @since 1.0.0
 * @category type ids
 */
export const ClerkErrorTypeId: unique symbol = Symbol.for("@effect-clerk/core/ClerkError")

/**
 * @since 1.0.0
 * @category type ids
 */
export type ClerkErrorTypeId = typeof ClerkErrorTypeId

const responseFields = {
  operation: Schema.String,
  status: Schema.Number,
  errors: Schema.Array(Schema.toType(ClerkApiError)),
  clerkTraceId: Schema.optionalKey(Schema.String)
}

/**
 * 400: Clerk rejected the request as malformed.
 *
 * @since 1.0.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>("@effect-clerk/core/BadRequest")(
  "BadRequest",
  responseFields
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * 401: the secret key is missing or invalid.
 *
 * @since 1.0.0
 * @category errors
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
}

/**
 * 404: no such user (or resource).
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core-effect4"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Effect.service(Users.Users), (users) => users.get("user_123")).pipe(
 *   Effect.catchTag("ResourceNotFound", () => Effect.succeed(undefined))
 * )
 * ```
 */
export class ResourceNotFound extends Schema.TaggedError<ResourceNotFound>("@effect-clerk/core/ResourceNotFound")(
  "ResourceNotFound",
  responseFields
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * 422: Clerk understood the request but refused its content.
 *
 * @since 1.0.0
 * @category errors
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
}

/**
 * A status the operation does not document (the spike's stand-in for RateLimited, ServerError and the rest).
 *
 * @since 1.0.0
 * @category errors
 */
export class UnexpectedStatus extends Schema.TaggedError<UnexpectedStatus>("@effect-clerk/core/UnexpectedStatus")(
  "UnexpectedStatus",
  responseFields
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * The request never got a response (connection refused, reset, aborted).
 *
 * @since 1.0.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>("@effect-clerk/core/TransportError")(
  "TransportError",
  { operation: Schema.String, message: Schema.String }
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * A response that could not be used: not JSON, or not of the documented shape.
 *
 * @since 1.0.0
 * @category errors
 */
export class DecodeError extends Schema.TaggedError<DecodeError>("@effect-clerk/core/DecodeError")(
  "DecodeError",
  {
    operation: Schema.String,
    status: Schema.Number,
    reason: Schema.Literals(["Json", "Schema"]),
    message: Schema.String
  }
) {
  get [ClerkErrorTypeId](): ClerkErrorTypeId {
    return ClerkErrorTypeId
  }
}

/**
 * The failures every operation can have.
 *
 * @since 1.0.0
 * @category models
 */
export type CommonError = UnexpectedStatus | TransportError | DecodeError

/**
 * Whether a value is one of this library's errors.
 *
 * @since 1.0.0
 * @category guards
 */
export const isClerkError = (
  u: unknown
): u is { readonly _tag: string; readonly [ClerkErrorTypeId]: ClerkErrorTypeId } =>
  Predicate.hasProperty(u, ClerkErrorTypeId)
