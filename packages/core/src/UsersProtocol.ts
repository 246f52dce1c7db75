/**
 * Clerk's Users API as data: one table whose rows hold the facts of one operation each (HTTP method, path
 * template, documented error statuses, idempotency, where each argument goes on the wire and under which name,
 * the schema of its response, API-version rules), and the types of the `Users` methods read from it.
 *
 * This module is the definition only, as `HttpApi` is in `@effect/platform`; what derives from it (request and
 * response codecs, status errors, routes, and `implement` for a whole implementation) is in `UsersCodec`. The
 * HTTP client, the test kit's in-memory layer and its emulator all derive from the table, so none of them lists
 * the operations by hand. Adding an operation is a row here, its store handler in the test kit and its named
 * error union in `Users.ts` (see CONTRIBUTING.md).
 *
 * @since 0.2.0
 */
import * as Versions from "@effect-clerk/kernel/ApiVersions"
import type * as Kernel from "@effect-clerk/kernel/Operations"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { BillingCreditBalance, BillingCreditLedgerEntry } from "./BillingCreditBalance.js"
import { BillingSubscription } from "./BillingSubscription.js"
import type { OperationError } from "./ClerkError.js"
import { DeletedObject } from "./DeletedObject.js"
import * as Bind from "./internal/arguments.js"
import { UserIdsBody, VerifyPasswordBody, VerifyTotpBody } from "./internal/bodies.js"
import type { AnyOperation } from "./internal/operation.js"
import * as Operation from "./internal/operation.js"
import { OAuthAccessToken } from "./OAuthAccessToken.js"
import { OrganizationInvitation } from "./OrganizationInvitation.js"
import { OrganizationMembership } from "./OrganizationMembership.js"
import type { Paginated as PaginatedResult } from "./Responses.js"
import { CountResponse, Paginated, UserIdResult, VerifyPasswordResult, VerifyTotpResult } from "./Responses.js"
import { Totp } from "./Totp.js"
import { TrustedDevice } from "./TrustedDevice.js"
import { EmailAddress, PhoneNumber, User } from "./User.js"
import {
  AdjustCreditBalanceParams,
  CountUsersParams,
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessTokenParams,
  OrganizationInvitationsParams,
  PaginationParams,
  RemovePasswordParams,
  ReplaceEmailAddressParams,
  ReplaceMetadataParams,
  ReplacePhoneNumberParams,
  SetPasswordCompromisedParams,
  UpdateMetadataParams,
  UpdateUserParams
} from "./UsersParams.js"

export type { Bound } from "./internal/arguments.js"
export type {
  UserIdsBody,
  UserIdsBodyEncoded,
  VerifyPasswordBody,
  VerifyPasswordBodyEncoded,
  VerifyTotpBody,
  VerifyTotpBodyEncoded
} from "./internal/bodies.js"
export type { AnyOperation, Arg, ArgList, Operation, Row } from "./internal/operation.js"
export type { ImpliedField, ResponseVariant, VersionRule } from "./internal/operation.js"

// -----------------------------------------------------------------------------
// API versions
// -----------------------------------------------------------------------------

/**
 * The API versions Clerk publishes that this library knows, oldest first. A version only changes what its rows'
 * `versionRules` say (from `2026-05-12`, `update` no longer takes metadata); operations added later are served
 * under every version.
 *
 * @since 0.2.0
 * @category versions
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersProtocol.apiVersions.at(-1)) // "2026-05-12"
 * ```
 */
export const apiVersions: typeof Versions.apiVersions = Versions.apiVersions

/**
 * An API version this library knows.
 *
 * @since 0.2.0
 * @category versions
 */
export type ApiVersion = Versions.ApiVersion

/**
 * Whether a string is an API version this library knows.
 *
 * @since 0.2.0
 * @category versions
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersProtocol.isApiVersion("v1")) // false: the URL's version, not the API's
 * ```
 */
export const isApiVersion: (version: string) => version is ApiVersion = Versions.isApiVersion

// -----------------------------------------------------------------------------
// the table
// -----------------------------------------------------------------------------

/**
 * This line's schema of every shape the kernel's table names (kernel `Shapes`): the responses, and the query
 * and body arguments. Keyed by shape, not by operation: the rows say which operation uses which.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const total = Schema.decodeUnknownSync(UsersProtocol.shapes.TotalCount)({ object: "total_count", total_count: 3 })
 * ```
 */
export const shapes = {
  User,
  UserList: Schema.Array(User),
  TotalCount: CountResponse,
  DeletedObject,
  BillingSubscription,
  OAuthAccessTokenList: Schema.Array(OAuthAccessToken),
  OAuthAccessTokenPage: Paginated(OAuthAccessToken),
  OrganizationMembershipPage: Paginated(OrganizationMembership),
  OrganizationInvitationPage: Paginated(OrganizationInvitation),
  VerifyPasswordResult,
  VerifyTotpResult,
  UserIdResult,
  Totp,
  EmailAddress,
  PhoneNumber,
  BillingCreditBalance,
  BillingCreditLedgerEntry,
  TrustedDevicePage: Paginated(TrustedDevice),
  TrustedDevice,
  ListUsersParams,
  CreateUserParams,
  CountUsersParams,
  UpdateUserParams,
  UpdateMetadataParams,
  OAuthAccessTokenParams,
  PaginationParams,
  OrganizationInvitationsParams,
  SetPasswordCompromisedParams,
  InstanceOrganizationMembershipsParams,
  ReplaceMetadataParams,
  ReplaceEmailAddressParams,
  ReplacePhoneNumberParams,
  RemovePasswordParams,
  AdjustCreditBalanceParams,
  UserIdsBody,
  VerifyPasswordBody,
  VerifyTotpBody
}

/**
 * The operations of the Users API, keyed by their method name on the `Users` service: the kernel's rows
 * (`@effect-clerk/kernel/Operations`: method, path, statuses, arguments and wire names, the shapes of their
 * arguments and responses, rules) bound to this line's `shapes`.
 *
 * @since 0.2.0
 * @category operations
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * for (const operation of Object.values(UsersProtocol.operations)) {
 *   console.log(operation.method, operation.path, operation.statuses)
 * }
 * ```
 */
export const operations = Bind.bind(shapes)

// -----------------------------------------------------------------------------
// derived types
// -----------------------------------------------------------------------------

/**
 * The table's type.
 *
 * @since 0.2.0
 * @category models
 */
export type Operations = typeof operations

/**
 * The name of an operation (its method on the `Users` service).
 *
 * @since 0.2.0
 * @category models
 */
export type OperationKey = keyof Operations

/**
 * The parameters of an operation's method.
 *
 * @since 0.2.0
 * @category models
 */
export type ArgsOf<K extends OperationKey> = Kernel.ArgsOf<K>

/**
 * What an operation's method succeeds with.
 *
 * @since 0.2.0
 * @category models
 */
export type SuccessOf<K extends OperationKey> =
  | Schema.Schema.Type<Operations[K]["success"]>
  | (Operations[K] extends { readonly variants: ReadonlyArray<infer V> }
    ? V extends { readonly success: Schema.Schema<infer A, infer _I> } ? A : never
    : never)

/**
 * The error statuses an operation documents.
 *
 * @since 0.2.0
 * @category models
 */
export type StatusOf<K extends OperationKey> = Kernel.StatusOf<K>

/**
 * The error union of an operation: its documented statuses and the failures every operation has.
 *
 * @since 0.2.0
 * @category models
 */
export type ErrorOf<K extends OperationKey> = OperationError<StatusOf<K>>

/**
 * The method of an operation on the `Users` service.
 *
 * @since 0.2.0
 * @category models
 */
export type MethodOf<K extends OperationKey> = (...args: ArgsOf<K>) => Effect.Effect<SuccessOf<K>, ErrorOf<K>>

/**
 * The methods whose type the row alone cannot say: the value follows an argument (overloads).
 *
 * @since 0.2.0
 * @category models
 */
export interface MethodOverrides {
  /** With `paginated: true`, a page and the total; otherwise every token. */
  readonly getOAuthAccessToken: {
    (
      userId: string,
      provider: string,
      params: OAuthAccessTokenParams & { readonly paginated: true }
    ): Effect.Effect<PaginatedResult<OAuthAccessToken>, ErrorOf<"getOAuthAccessToken">>
    (
      userId: string,
      provider: string,
      params?: OAuthAccessTokenParams
    ): Effect.Effect<ReadonlyArray<OAuthAccessToken>, ErrorOf<"getOAuthAccessToken">>
  }
}

/**
 * Every operation's method: the shape of `Users.Operations`.
 *
 * @since 0.2.0
 * @category models
 */
export type Methods = {
  readonly [K in OperationKey]: K extends keyof MethodOverrides ? MethodOverrides[K] : MethodOf<K>
}

// -----------------------------------------------------------------------------
// reading a row
// -----------------------------------------------------------------------------

/**
 * Every row of the table, as the type every implementation reads them with.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * console.log(UsersProtocol.rows.filter((operation) => !operation.idempotent).map((operation) => operation.key))
 * ```
 */
export const rows: ReadonlyArray<AnyOperation> = Object.values(operations)

/**
 * The response schema of a call: the first of the row's variants whose condition the arguments meet, or the
 * row's own (`getOAuthAccessToken` with `paginated: true` answers a page).
 *
 * @since 0.2.0
 * @category codecs
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * const page = UsersProtocol.successOf(UsersProtocol.operations.getOAuthAccessToken, ["u", "p", { paginated: true }])
 * ```
 */
export const successOf: (operation: AnyOperation, args: ReadonlyArray<unknown>) => Schema.Schema.AnyNoContext =
  Operation.successOf
