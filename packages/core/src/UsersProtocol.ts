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
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { BillingCreditBalance, BillingCreditLedgerEntry } from "./BillingCreditBalance.js"
import { BillingSubscription } from "./BillingSubscription.js"
import type { OperationError } from "./ClerkError.js"
import { DeletedObject } from "./DeletedObject.js"
import * as Versions from "./internal/apiVersions.js"
import { argList, jsonBody, jsonBodyField, multipartFile, pathParam, queryParams } from "./internal/arguments.js"
import { UserIdsBody, VerifyPasswordBody, VerifyTotpBody } from "./internal/bodies.js"
import type { AnyOperation, Arg } from "./internal/operation.js"
import * as Operation from "./internal/operation.js"
import { OAuthAccessToken } from "./OAuthAccessToken.js"
import { OrganizationInvitation } from "./OrganizationInvitation.js"
import { OrganizationMembership } from "./OrganizationMembership.js"
import type { Paginated as PaginatedResult } from "./Responses.js"
import { CountResponse, Paginated, UserIdResult, VerifyPasswordResult, VerifyTotpResult } from "./Responses.js"
import { Totp } from "./Totp.js"
import { TrustedDevice } from "./TrustedDevice.js"
import { EmailAddress, PhoneNumber, User } from "./User.js"
import type { ProfileImage } from "./UsersParams.js"
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
export type ApiVersion = (typeof apiVersions)[number]

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
export const isApiVersion = (version: string): version is ApiVersion =>
  (apiVersions as ReadonlyArray<string>).includes(version)

// -----------------------------------------------------------------------------
// the table
// -----------------------------------------------------------------------------

const UserList = Schema.Array(User)
const MembershipPage = Paginated(OrganizationMembership)
const InvitationPage = Paginated(OrganizationInvitation)
const TokenList = Schema.Array(OAuthAccessToken)
const TokenPage = Paginated(OAuthAccessToken)
const TrustedDevicePage = Paginated(TrustedDevice)

// the fields `update` stops taking from 2026-05-12: the metadata objects, as `updateMetadata` takes them
const METADATA_FIELDS = Object.keys(UpdateMetadataParams.fields)

/** Any row, as the table accepts it. */
interface AnyRow extends Omit<AnyOperation, "key" | "name" | "args"> {
  readonly args: ReadonlyArray<Arg> & { readonly "~args"?: ReadonlyArray<unknown> }
}

const table = <const Rows extends { readonly [key: string]: AnyRow }>(
  rows: Rows
): { readonly [K in keyof Rows & string]: Rows[K] & { readonly key: K; readonly name: `Users.${K}` } } => {
  const out: Record<string, unknown> = {}
  for (const [key, row] of Object.entries(rows)) out[key] = { ...row, key, name: `Users.${key}` }
  return out as { readonly [K in keyof Rows & string]: Rows[K] & { readonly key: K; readonly name: `Users.${K}` } }
}

const userId = pathParam("userId", "user_id")

/**
 * The operations of the Users API, keyed by their method name on the `Users` service.
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
export const operations = table({
  list: {
    method: "GET",
    path: "/users",
    statuses: [400, 401, 422],
    idempotent: true,
    args: argList<[params?: ListUsersParams]>(queryParams("params", ListUsersParams, { optional: true })),
    success: UserList
  },
  create: {
    method: "POST",
    path: "/users",
    statuses: [400, 401, 402, 403, 422],
    idempotent: false,
    args: argList<[params: CreateUserParams]>(jsonBody("params", CreateUserParams)),
    success: User
  },
  count: {
    method: "GET",
    path: "/users/count",
    statuses: [422],
    idempotent: true,
    args: argList<[params?: CountUsersParams]>(queryParams("params", CountUsersParams, { optional: true })),
    success: CountResponse
  },
  get: {
    method: "GET",
    path: "/users/{user_id}",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  update: {
    method: "PATCH",
    path: "/users/{user_id}",
    statuses: [400, 401, 404, 409, 422],
    idempotent: true,
    args: argList<[userId: string, params: UpdateUserParams]>(userId, jsonBody("params", UpdateUserParams)),
    success: User,
    writeLimitKey: "userId",
    versionRules: [
      {
        since: Versions.metadataInUpdateRemovedIn,
        arg: "params",
        fields: METADATA_FIELDS,
        use: ["updateMetadata", "replaceMetadata"]
      }
    ]
  },
  delete: {
    method: "DELETE",
    path: "/users/{user_id}",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: DeletedObject
  },
  ban: {
    method: "POST",
    path: "/users/{user_id}/ban",
    statuses: [402],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  unban: {
    method: "POST",
    path: "/users/{user_id}/unban",
    statuses: [402],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  bulkBan: {
    method: "POST",
    path: "/users/ban",
    statuses: [400, 402],
    idempotent: true,
    args: argList<[userIds: ReadonlyArray<string>]>(
      jsonBodyField("userIds", "user_ids", UserIdsBody, { ids: true })
    ),
    success: UserList
  },
  bulkUnban: {
    method: "POST",
    path: "/users/unban",
    statuses: [400, 402],
    idempotent: true,
    args: argList<[userIds: ReadonlyArray<string>]>(
      jsonBodyField("userIds", "user_ids", UserIdsBody, { ids: true })
    ),
    success: UserList
  },
  lock: {
    method: "POST",
    path: "/users/{user_id}/lock",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  unlock: {
    method: "POST",
    path: "/users/{user_id}/unlock",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  setProfileImage: {
    method: "POST",
    path: "/users/{user_id}/profile_image",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string, file: ProfileImage]>(userId, multipartFile("file", "file")),
    success: User
  },
  deleteProfileImage: {
    method: "DELETE",
    path: "/users/{user_id}/profile_image",
    statuses: [404],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  updateMetadata: {
    method: "PATCH",
    path: "/users/{user_id}/metadata",
    statuses: [400, 401, 404, 422],
    idempotent: true,
    args: argList<[userId: string, patch: UpdateMetadataParams]>(userId, jsonBody("patch", UpdateMetadataParams)),
    success: User,
    writeLimitKey: "userId"
  },
  getBillingSubscription: {
    method: "GET",
    path: "/users/{user_id}/billing/subscription",
    statuses: [400, 401, 403, 404, 422, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: BillingSubscription
  },
  getOAuthAccessToken: {
    method: "GET",
    path: "/users/{user_id}/oauth_access_tokens/{provider}",
    statuses: [400, 404, 422],
    idempotent: true,
    args: argList<[userId: string, provider: string, params?: OAuthAccessTokenParams]>(
      userId,
      pathParam("provider", "provider"),
      queryParams("params", OAuthAccessTokenParams, { optional: true })
    ),
    success: TokenList,
    variants: [{ when: { arg: "params", field: "paginated", equals: true }, success: TokenPage }]
  },
  getOrganizationMemberships: {
    method: "GET",
    path: "/users/{user_id}/organization_memberships",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string, params?: PaginationParams]>(
      userId,
      queryParams("params", PaginationParams, { optional: true })
    ),
    success: MembershipPage
  },
  getOrganizationInvitations: {
    method: "GET",
    path: "/users/{user_id}/organization_invitations",
    statuses: [400, 403, 404],
    idempotent: true,
    args: argList<[userId: string, params?: OrganizationInvitationsParams]>(
      userId,
      queryParams("params", OrganizationInvitationsParams, { optional: true })
    ),
    success: InvitationPage
  },
  verifyPassword: {
    method: "POST",
    path: "/users/{user_id}/verify_password",
    statuses: [400, 404, 422, 500],
    idempotent: false,
    args: argList<[userId: string, password: string]>(
      userId,
      jsonBodyField("password", "password", VerifyPasswordBody)
    ),
    success: VerifyPasswordResult,
    implied: [{ wire: "verified", value: true }]
  },
  verifyTotp: {
    method: "POST",
    path: "/users/{user_id}/verify_totp",
    statuses: [400, 404, 422, 500],
    idempotent: false,
    args: argList<[userId: string, code: string]>(userId, jsonBodyField("code", "code", VerifyTotpBody)),
    success: VerifyTotpResult,
    implied: [{ wire: "verified", value: true }]
  },
  disableMfa: {
    method: "DELETE",
    path: "/users/{user_id}/mfa",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: UserIdResult,
    implied: [{ wire: "user_id", arg: "userId" }]
  },
  deleteBackupCodes: {
    method: "DELETE",
    path: "/users/{user_id}/backup_code",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: UserIdResult,
    implied: [{ wire: "user_id", arg: "userId" }]
  },
  deletePasskey: {
    method: "DELETE",
    path: "/users/{user_id}/passkeys/{passkey_identification_id}",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, passkeyIdentificationId: string]>(
      userId,
      pathParam("passkeyIdentificationId", "passkey_identification_id")
    ),
    success: DeletedObject
  },
  deleteWeb3Wallet: {
    method: "DELETE",
    path: "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
    statuses: [400, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, web3WalletIdentificationId: string]>(
      userId,
      pathParam("web3WalletIdentificationId", "web3_wallet_identification_id")
    ),
    success: DeletedObject
  },
  createTotp: {
    method: "POST",
    path: "/users/{user_id}/totp",
    statuses: [403, 404, 500],
    idempotent: false,
    args: argList<[userId: string]>(userId),
    success: Totp
  },
  deleteTotp: {
    method: "DELETE",
    path: "/users/{user_id}/totp",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: UserIdResult,
    implied: [{ wire: "user_id", arg: "userId" }]
  },
  deleteExternalAccount: {
    method: "DELETE",
    path: "/users/{user_id}/external_accounts/{external_account_id}",
    statuses: [400, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, externalAccountId: string]>(
      userId,
      pathParam("externalAccountId", "external_account_id")
    ),
    success: DeletedObject
  },
  setPasswordCompromised: {
    method: "POST",
    path: "/users/{user_id}/password/set_compromised",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params?: SetPasswordCompromisedParams]>(
      userId,
      jsonBody("params", SetPasswordCompromisedParams, { optional: true })
    ),
    success: User
  },
  unsetPasswordCompromised: {
    method: "POST",
    path: "/users/{user_id}/password/unset_compromised",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: User
  },
  getInstanceOrganizationMemberships: {
    method: "GET",
    path: "/organization_memberships",
    statuses: [400, 401, 422, 500],
    idempotent: true,
    args: argList<[params?: InstanceOrganizationMembershipsParams]>(
      queryParams("params", InstanceOrganizationMembershipsParams, { optional: true })
    ),
    success: MembershipPage
  },
  replaceMetadata: {
    method: "PUT",
    path: "/users/{user_id}/metadata",
    statuses: [400, 401, 404, 422],
    idempotent: true,
    args: argList<[userId: string, metadata: ReplaceMetadataParams]>(
      userId,
      jsonBody("metadata", ReplaceMetadataParams)
    ),
    success: User,
    writeLimitKey: "userId"
  },
  replaceEmailAddress: {
    method: "PUT",
    path: "/users/{user_id}/email_address",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params: ReplaceEmailAddressParams]>(
      userId,
      jsonBody("params", ReplaceEmailAddressParams)
    ),
    success: EmailAddress
  },
  replacePhoneNumber: {
    method: "PUT",
    path: "/users/{user_id}/phone_number",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params: ReplacePhoneNumberParams]>(
      userId,
      jsonBody("params", ReplacePhoneNumberParams)
    ),
    success: PhoneNumber
  },
  removePassword: {
    method: "POST",
    path: "/users/{user_id}/remove_password",
    statuses: [400, 401, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, params?: RemovePasswordParams]>(
      userId,
      jsonBody("params", RemovePasswordParams, { optional: true })
    ),
    success: User
  },
  getBillingCreditBalance: {
    method: "GET",
    path: "/users/{user_id}/billing/credits",
    statuses: [400, 401, 403, 404, 422, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: BillingCreditBalance
  },
  adjustBillingCreditBalance: {
    method: "POST",
    path: "/users/{user_id}/billing/credits",
    statuses: [400, 401, 403, 404, 409, 422, 500],
    // a repeated idempotency key returns the first adjustment: sending twice is the same as once
    idempotent: true,
    args: argList<[userId: string, params: AdjustCreditBalanceParams]>(
      userId,
      jsonBody("params", AdjustCreditBalanceParams)
    ),
    success: BillingCreditLedgerEntry
  },
  listTrustedDevices: {
    method: "GET",
    path: "/users/{user_id}/trusted_devices",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string]>(userId),
    success: TrustedDevicePage
  },
  revokeTrustedDevice: {
    method: "DELETE",
    path: "/users/{user_id}/trusted_devices/{trusted_device_id}",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, trustedDeviceId: string]>(userId, pathParam("trustedDeviceId", "trusted_device_id")),
    success: TrustedDevice
  }
})

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
export type ArgsOf<K extends OperationKey> = Exclude<Operations[K]["args"]["~args"], undefined>

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
export type StatusOf<K extends OperationKey> = Operations[K]["statuses"][number]

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
