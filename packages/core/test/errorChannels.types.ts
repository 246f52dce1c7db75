/**
 * Compile-time checks, run by `pnpm check` (tsc): each operation's error channel is exactly its documented
 * statuses plus the common failures, so handling a status an operation does not document does not compile.
 */
import * as Effect from "effect/Effect"
import type { Users } from "../src/index.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined

type Common = "RateLimited" | "ServerError" | "UnexpectedStatus" | "TransportError" | "DecodeError" | "InvalidRequest"

assertType<Equals<Users.ListError["_tag"], "BadRequest" | "AuthenticationInvalid" | "UnprocessableEntity" | Common>>()
assertType<
  Equals<
    Users.CreateError["_tag"],
    "BadRequest" | "AuthenticationInvalid" | "PaymentRequired" | "AuthorizationInvalid" | "UnprocessableEntity" | Common
  >
>()
assertType<Equals<Users.CountError["_tag"], "UnprocessableEntity" | Common>>()
assertType<Equals<Users.GetError["_tag"], "BadRequest" | "AuthenticationInvalid" | "ResourceNotFound" | Common>>()
assertType<
  Equals<
    Users.UpdateError["_tag"],
    "BadRequest" | "AuthenticationInvalid" | "ResourceNotFound" | "Conflict" | "UnprocessableEntity" | Common
  >
>()
assertType<Equals<Users.BanError["_tag"], "PaymentRequired" | Common>>()
assertType<Equals<Users.BulkBanError["_tag"], "BadRequest" | "PaymentRequired" | Common>>()
assertType<Equals<Users.LockError["_tag"], "AuthorizationInvalid" | Common>>()
assertType<Equals<Users.DeleteProfileImageError["_tag"], "ResourceNotFound" | Common>>()
assertType<Equals<Users.GetOrganizationMembershipsError["_tag"], "AuthorizationInvalid" | Common>>()
assertType<
  Equals<Users.VerifyPasswordError["_tag"], "BadRequest" | "ResourceNotFound" | "UnprocessableEntity" | Common>
>()
assertType<Equals<Users.CreateTotpError["_tag"], "AuthorizationInvalid" | "ResourceNotFound" | Common>>()
assertType<Equals<Users.DisableMfaError["_tag"], "ResourceNotFound" | Common>>()

assertType<
  Equals<
    Users.ReplaceMetadataError["_tag"],
    "BadRequest" | "AuthenticationInvalid" | "ResourceNotFound" | "UnprocessableEntity" | Common
  >
>()
assertType<
  Equals<
    Users.AdjustBillingCreditBalanceError["_tag"],
    | "BadRequest"
    | "AuthenticationInvalid"
    | "AuthorizationInvalid"
    | "ResourceNotFound"
    | "Conflict"
    | "UnprocessableEntity"
    | Common
  >
>()
assertType<Equals<Users.ListTrustedDevicesError["_tag"], "AuthorizationInvalid" | "ResourceNotFound" | Common>>()
assertType<Equals<Users.RevokeTrustedDeviceError, Users.Error<"revokeTrustedDevice">>>()

declare const users: Users.Service

// the value of getOAuthAccessToken follows `paginated`
export const tokenPage: Effect.Effect<{ readonly data: ReadonlyArray<unknown>; readonly totalCount: number }, unknown> =
  users.getOAuthAccessToken("user_1", "oauth_google", { paginated: true })
export const tokenList: Effect.Effect<ReadonlyArray<unknown>, unknown> = users.getOAuthAccessToken("user_1", "google")
// @ts-expect-error without `paginated: true` the value is an array, not a page
export const notAPage: Effect.Effect<{ readonly totalCount: number }, unknown> = users.getOAuthAccessToken("u", "p")

// handling a documented status compiles
export const handled = users.get("user_1").pipe(
  Effect.catchTag("ResourceNotFound", () => Effect.succeed(null))
)

// ban documents no 404: handling one is a compile error
export const banNotFound = users.ban("user_1").pipe(
  // @ts-expect-error ResourceNotFound is not in Users.BanError
  Effect.catchTag("ResourceNotFound", () => Effect.succeed(null))
)

// lock documents no 402
export const lockPayment = users.lock("user_1").pipe(
  // @ts-expect-error PaymentRequired is not in Users.LockError
  Effect.catchTag("PaymentRequired", () => Effect.succeed(null))
)

// count documents no 401
export const countAuth = users.count().pipe(
  // @ts-expect-error AuthenticationInvalid is not in Users.CountError
  Effect.catchTag("AuthenticationInvalid", () => Effect.succeed(0))
)

// after handling every tag, the error channel is empty
export const total: Effect.Effect<unknown, never> = users.ban("user_1").pipe(
  Effect.catchTags({
    PaymentRequired: () => Effect.void,
    RateLimited: () => Effect.void,
    ServerError: () => Effect.void,
    UnexpectedStatus: () => Effect.void,
    TransportError: () => Effect.void,
    DecodeError: () => Effect.void,
    InvalidRequest: () => Effect.void
  })
)
