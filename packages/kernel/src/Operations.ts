/**
 * Clerk's Users API as data: one row per operation with its facts (HTTP method, path template, documented error
 * statuses, idempotency, where each argument goes on the wire and under which names, the per-user write limit,
 * API-version rules, implied response fields, response variants), written once for every line of the library
 * and every server. A row names its response body instead of holding a schema: each line gives the schemas.
 *
 * The rows carry their TypeScript types at the type level (`ArgsOf<K>`, `SuccessOf<K>`, read from the kernel's
 * `Model`), so a store or a client can type one handler per row without a line's schemas.
 *
 * Each row states the user event a success emits (`event`: `"user.created"`, `"user.updated"`, `"user.deleted"`
 * or `undefined`; see `UserEvents`).
 *
 * The wire names are the reference spec's, and what core's schemas encode (a test in core compares them). The
 * one difference: `update`'s body keeps the three metadata fields the spec no longer lists, refused from
 * `2026-05-12` by its version rule.
 *
 * @since 0.2.0
 */
import { metadataInUpdateRemovedIn } from "./ApiVersions.js"
import type { ResponseVariant, Row } from "./internal/rows.js"
import {
  argList,
  documentedStatuses as documentedStatuses_,
  jsonBody,
  jsonBodyField,
  multipartFile,
  pathParam,
  queryParams,
  shape
} from "./internal/rows.js"
import { CREATE_FIELDS, METADATA_FIELDS, PAGE, UPDATE_FIELDS, USER_FILTERS } from "./internal/wireFields.js"
import type {
  AdjustCreditBalanceParams,
  CountUsersParams,
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessTokenParams,
  OrganizationInvitationsParams,
  PaginationParams,
  ProfileImage,
  RemovePasswordParams,
  ReplaceEmailAddressParams,
  ReplaceMetadataParams,
  ReplacePhoneNumberParams,
  SetPasswordCompromisedParams,
  UpdateMetadataParams,
  UpdateUserParams
} from "./Model.js"

export type {
  Arg,
  ArgList,
  ArgPlacement,
  ArgTuple,
  ArgTypes,
  EventFact,
  ImpliedField,
  Method,
  ResponseVariant,
  Row,
  Shape,
  Status,
  VersionRule
} from "./internal/rows.js"

/**
 * The error statuses the Users API documents, ascending.
 *
 * @since 0.2.0
 * @category constants
 */
export const documentedStatuses: typeof documentedStatuses_ = documentedStatuses_

/**
 * Clerk's per-user write limit: at most `requests` writes per user in any `windowMillis`, on `PATCH
 * /users/{user_id}` and the metadata endpoints (the rows with a `writeLimitKey`).
 *
 * @since 0.2.0
 * @category constants
 */
export const writeLimit: { readonly requests: number; readonly windowMillis: number } = {
  requests: 10,
  windowMillis: 10_000
}

const table = <const Rows extends { readonly [key: string]: Row }>(
  rows: Rows
): { readonly [K in keyof Rows & string]: Rows[K] & { readonly key: K } } => {
  const out: Record<string, unknown> = {}
  for (const [key, row] of Object.entries(rows)) out[key] = { ...row, key }
  return out as { readonly [K in keyof Rows & string]: Rows[K] & { readonly key: K } }
}

const userId = pathParam("userId", "user_id")

/**
 * The operations of the Users API, keyed by their method name (`Users.get` on the Effect lines).
 *
 * @since 0.2.0
 * @category operations
 * @example
 * ```ts
 * import { Operations } from "@effect-clerk/kernel"
 *
 * const get = Operations.operations.get
 * console.log(get.method, get.path, get.statuses) // GET /users/{user_id} [ 400, 401, 404 ]
 * console.log(Operations.rows.filter((row) => row.writeLimitKey !== undefined).map((row) => row.key))
 * // [ "update", "updateMetadata", "replaceMetadata" ]
 * ```
 */
export const operations = table({
  list: {
    method: "GET",
    path: "/users",
    statuses: [400, 401, 422],
    idempotent: true,
    args: argList<[params?: ListUsersParams]>()(
      queryParams("params", "ListUsersParams", [...USER_FILTERS, "order_by", ...PAGE, "starting_after"], {
        optional: true
      })
    ),
    success: shape("UserList"),
    event: undefined
  },
  create: {
    method: "POST",
    path: "/users",
    statuses: [400, 401, 402, 403, 422],
    idempotent: false,
    args: argList<[params: CreateUserParams]>()(jsonBody("params", "CreateUserParams", CREATE_FIELDS)),
    success: shape("User"),
    event: "user.created"
  },
  count: {
    method: "GET",
    path: "/users/count",
    statuses: [422],
    idempotent: true,
    args: argList<[params?: CountUsersParams]>()(
      queryParams("params", "CountUsersParams", USER_FILTERS, { optional: true })
    ),
    // the body is `{ object: "total_count", total_count }`; the call returns the count
    success: shape("TotalCount"),
    event: undefined
  },
  get: {
    method: "GET",
    path: "/users/{user_id}",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: undefined
  },
  update: {
    method: "PATCH",
    path: "/users/{user_id}",
    statuses: [400, 401, 404, 409, 422],
    idempotent: true,
    args: argList<[userId: string, params: UpdateUserParams]>()(
      userId,
      jsonBody("params", "UpdateUserParams", UPDATE_FIELDS)
    ),
    success: shape("User"),
    writeLimitKey: "userId",
    versionRules: [
      {
        since: metadataInUpdateRemovedIn,
        arg: "params",
        fields: ["publicMetadata", "privateMetadata", "unsafeMetadata"],
        use: ["updateMetadata", "replaceMetadata"]
      }
    ],
    event: "user.updated"
  },
  delete: {
    method: "DELETE",
    path: "/users/{user_id}",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("DeletedObject"),
    event: "user.deleted"
  },
  ban: {
    method: "POST",
    path: "/users/{user_id}/ban",
    statuses: [402],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  unban: {
    method: "POST",
    path: "/users/{user_id}/unban",
    statuses: [402],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  bulkBan: {
    method: "POST",
    path: "/users/ban",
    statuses: [400, 402],
    idempotent: true,
    args: argList<[userIds: ReadonlyArray<string>]>()(
      jsonBodyField("userIds", "UserIdsBody", "user_ids", { ids: true })
    ),
    success: shape("UserList"),
    event: "user.updated"
  },
  bulkUnban: {
    method: "POST",
    path: "/users/unban",
    statuses: [400, 402],
    idempotent: true,
    args: argList<[userIds: ReadonlyArray<string>]>()(
      jsonBodyField("userIds", "UserIdsBody", "user_ids", { ids: true })
    ),
    success: shape("UserList"),
    event: "user.updated"
  },
  lock: {
    method: "POST",
    path: "/users/{user_id}/lock",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  unlock: {
    method: "POST",
    path: "/users/{user_id}/unlock",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  setProfileImage: {
    method: "POST",
    path: "/users/{user_id}/profile_image",
    statuses: [400, 401, 404],
    idempotent: true,
    args: argList<[userId: string, file: ProfileImage]>()(userId, multipartFile<ProfileImage>("file", "file")),
    success: shape("User"),
    event: "user.updated"
  },
  deleteProfileImage: {
    method: "DELETE",
    path: "/users/{user_id}/profile_image",
    statuses: [404],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  updateMetadata: {
    method: "PATCH",
    path: "/users/{user_id}/metadata",
    statuses: [400, 401, 404, 422],
    idempotent: true,
    args: argList<[userId: string, patch: UpdateMetadataParams]>()(
      userId,
      jsonBody("patch", "UpdateMetadataParams", METADATA_FIELDS)
    ),
    success: shape("User"),
    writeLimitKey: "userId",
    event: "user.updated"
  },
  getBillingSubscription: {
    method: "GET",
    path: "/users/{user_id}/billing/subscription",
    statuses: [400, 401, 403, 404, 422, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("BillingSubscription"),
    event: undefined
  },
  getOAuthAccessToken: {
    method: "GET",
    path: "/users/{user_id}/oauth_access_tokens/{provider}",
    statuses: [400, 404, 422],
    idempotent: true,
    args: argList<[userId: string, provider: string, params?: OAuthAccessTokenParams]>()(
      userId,
      pathParam("provider", "provider"),
      queryParams("params", "OAuthAccessTokenParams", ["paginated", ...PAGE], { optional: true })
    ),
    success: shape("OAuthAccessTokenList"),
    variants: [{
      when: { arg: "params", field: "paginated", equals: true },
      success: shape("OAuthAccessTokenPage")
    }],
    event: undefined
  },
  getOrganizationMemberships: {
    method: "GET",
    path: "/users/{user_id}/organization_memberships",
    statuses: [403],
    idempotent: true,
    args: argList<[userId: string, params?: PaginationParams]>()(
      userId,
      queryParams("params", "PaginationParams", PAGE, { optional: true })
    ),
    success: shape("OrganizationMembershipPage"),
    event: undefined
  },
  getOrganizationInvitations: {
    method: "GET",
    path: "/users/{user_id}/organization_invitations",
    statuses: [400, 403, 404],
    idempotent: true,
    args: argList<[userId: string, params?: OrganizationInvitationsParams]>()(
      userId,
      queryParams("params", "OrganizationInvitationsParams", [...PAGE, "status"], { optional: true })
    ),
    success: shape("OrganizationInvitationPage"),
    event: undefined
  },
  verifyPassword: {
    method: "POST",
    path: "/users/{user_id}/verify_password",
    statuses: [400, 404, 422, 500],
    idempotent: false,
    args: argList<[userId: string, password: string]>()(
      userId,
      jsonBodyField("password", "VerifyPasswordBody", "password")
    ),
    success: shape("VerifyPasswordResult"),
    implied: [{ wire: "verified", value: true }],
    event: undefined
  },
  verifyTotp: {
    method: "POST",
    path: "/users/{user_id}/verify_totp",
    statuses: [400, 404, 422, 500],
    idempotent: false,
    args: argList<[userId: string, code: string]>()(userId, jsonBodyField("code", "VerifyTotpBody", "code")),
    success: shape("VerifyTotpResult"),
    implied: [{ wire: "verified", value: true }],
    event: undefined
  },
  disableMfa: {
    method: "DELETE",
    path: "/users/{user_id}/mfa",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("UserIdResult"),
    implied: [{ wire: "user_id", arg: "userId" }],
    event: "user.updated"
  },
  deleteBackupCodes: {
    method: "DELETE",
    path: "/users/{user_id}/backup_code",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("UserIdResult"),
    implied: [{ wire: "user_id", arg: "userId" }],
    event: "user.updated"
  },
  deletePasskey: {
    method: "DELETE",
    path: "/users/{user_id}/passkeys/{passkey_identification_id}",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, passkeyIdentificationId: string]>()(
      userId,
      pathParam("passkeyIdentificationId", "passkey_identification_id")
    ),
    success: shape("DeletedObject"),
    event: "user.updated"
  },
  deleteWeb3Wallet: {
    method: "DELETE",
    path: "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
    statuses: [400, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, web3WalletIdentificationId: string]>()(
      userId,
      pathParam("web3WalletIdentificationId", "web3_wallet_identification_id")
    ),
    success: shape("DeletedObject"),
    event: "user.updated"
  },
  createTotp: {
    method: "POST",
    path: "/users/{user_id}/totp",
    statuses: [403, 404, 500],
    idempotent: false,
    args: argList<[userId: string]>()(userId),
    success: shape("Totp"),
    event: "user.updated"
  },
  deleteTotp: {
    method: "DELETE",
    path: "/users/{user_id}/totp",
    statuses: [404, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("UserIdResult"),
    implied: [{ wire: "user_id", arg: "userId" }],
    event: "user.updated"
  },
  deleteExternalAccount: {
    method: "DELETE",
    path: "/users/{user_id}/external_accounts/{external_account_id}",
    statuses: [400, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, externalAccountId: string]>()(
      userId,
      pathParam("externalAccountId", "external_account_id")
    ),
    success: shape("DeletedObject"),
    event: "user.updated"
  },
  setPasswordCompromised: {
    method: "POST",
    path: "/users/{user_id}/password/set_compromised",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params?: SetPasswordCompromisedParams]>()(
      userId,
      jsonBody("params", "SetPasswordCompromisedParams", ["revoke_all_sessions"], { optional: true })
    ),
    success: shape("User"),
    event: "user.updated"
  },
  unsetPasswordCompromised: {
    method: "POST",
    path: "/users/{user_id}/password/unset_compromised",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("User"),
    event: "user.updated"
  },
  getInstanceOrganizationMemberships: {
    method: "GET",
    path: "/organization_memberships",
    statuses: [400, 401, 422, 500],
    idempotent: true,
    args: argList<[params?: InstanceOrganizationMembershipsParams]>()(
      queryParams("params", "InstanceOrganizationMembershipsParams", ["order_by", ...PAGE], { optional: true })
    ),
    success: shape("OrganizationMembershipPage"),
    event: undefined
  },
  replaceMetadata: {
    method: "PUT",
    path: "/users/{user_id}/metadata",
    statuses: [400, 401, 404, 422],
    idempotent: true,
    args: argList<[userId: string, metadata: ReplaceMetadataParams]>()(
      userId,
      jsonBody("metadata", "ReplaceMetadataParams", METADATA_FIELDS)
    ),
    success: shape("User"),
    writeLimitKey: "userId",
    event: "user.updated"
  },
  replaceEmailAddress: {
    method: "PUT",
    path: "/users/{user_id}/email_address",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params: ReplaceEmailAddressParams]>()(
      userId,
      jsonBody("params", "ReplaceEmailAddressParams", [
        "email_address",
        "identification_status",
        "notify_primary_email_address_changed"
      ])
    ),
    success: shape("EmailAddress"),
    event: "user.updated"
  },
  replacePhoneNumber: {
    method: "PUT",
    path: "/users/{user_id}/phone_number",
    statuses: [400, 401, 403, 404, 422],
    idempotent: true,
    args: argList<[userId: string, params: ReplacePhoneNumberParams]>()(
      userId,
      jsonBody("params", "ReplacePhoneNumberParams", ["phone_number", "identification_status"])
    ),
    success: shape("PhoneNumber"),
    event: "user.updated"
  },
  removePassword: {
    method: "POST",
    path: "/users/{user_id}/remove_password",
    statuses: [400, 401, 403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, params?: RemovePasswordParams]>()(
      userId,
      jsonBody("params", "RemovePasswordParams", ["sign_out_of_other_sessions"], { optional: true })
    ),
    success: shape("User"),
    event: "user.updated"
  },
  getBillingCreditBalance: {
    method: "GET",
    path: "/users/{user_id}/billing/credits",
    statuses: [400, 401, 403, 404, 422, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("BillingCreditBalance"),
    event: undefined
  },
  adjustBillingCreditBalance: {
    method: "POST",
    path: "/users/{user_id}/billing/credits",
    statuses: [400, 401, 403, 404, 409, 422, 500],
    // a repeated idempotency key returns the first adjustment: sending twice is the same as once
    idempotent: true,
    args: argList<[userId: string, params: AdjustCreditBalanceParams]>()(
      userId,
      jsonBody("params", "AdjustCreditBalanceParams", ["amount", "action", "currency", "idempotency_key", "note"])
    ),
    success: shape("BillingCreditLedgerEntry"),
    event: undefined
  },
  listTrustedDevices: {
    method: "GET",
    path: "/users/{user_id}/trusted_devices",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string]>()(userId),
    success: shape("TrustedDevicePage"),
    event: undefined
  },
  revokeTrustedDevice: {
    method: "DELETE",
    path: "/users/{user_id}/trusted_devices/{trusted_device_id}",
    statuses: [403, 404, 500],
    idempotent: true,
    args: argList<[userId: string, trustedDeviceId: string]>()(
      userId,
      pathParam("trustedDeviceId", "trusted_device_id")
    ),
    success: shape("TrustedDevice"),
    event: undefined
  }
})

/**
 * The table's type.
 *
 * @since 0.2.0
 * @category models
 */
export type Operations = typeof operations

/**
 * The name of an operation.
 *
 * @since 0.2.0
 * @category models
 */
export type OperationKey = keyof Operations

/**
 * The parameters of an operation (a labeled tuple, `?` on the optional ones).
 *
 * @since 0.2.0
 * @category models
 */
export type ArgsOf<K extends OperationKey> = Exclude<Operations[K]["args"]["~args"], undefined>

/**
 * The type a row's response shape stands for (`shape("User")` stands for `User`).
 *
 * @since 0.3.0
 * @category models
 */
export type ShapeType<S> = S extends { readonly "~type"?: infer A } ? Exclude<A, undefined> : never

/**
 * What a call of an operation returns: the row's response, or one of its variants'.
 *
 * @since 0.2.0
 * @category models
 */
export type SuccessOf<K extends OperationKey> =
  | ShapeType<Operations[K]["success"]>
  | (Operations[K] extends { readonly variants: ReadonlyArray<infer V> }
    ? V extends { readonly success: infer S } ? ShapeType<S> : never
    : never)

/**
 * The error statuses an operation documents.
 *
 * @since 0.2.0
 * @category models
 */
export type StatusOf<K extends OperationKey> = Operations[K]["statuses"][number]

/**
 * Any row with its key, as code that works on every row reads it.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnyOperation extends Row {
  readonly key: OperationKey
}

/**
 * Every row of the table, in the table's order.
 *
 * @since 0.2.0
 * @category operations
 */
export const rows: ReadonlyArray<AnyOperation> = Object.values(operations)

/**
 * The response of a call: the first of the row's variants whose condition the arguments meet, or the row's own.
 *
 * @since 0.2.0
 * @category operations
 */
export const responseOf = <S, V = S>(
  operation: {
    readonly args: ReadonlyArray<{ readonly name: string }>
    readonly success: S
    readonly variants?: ReadonlyArray<{ readonly when: ResponseVariant["when"]; readonly success: V }> | undefined
  },
  args: ReadonlyArray<unknown>
): S | V => {
  const variants = operation.variants
  if (variants === undefined) return operation.success
  for (const variant of variants) {
    const value = args[operation.args.findIndex((arg) => arg.name === variant.when.arg)]
    if (
      typeof value === "object" && value !== null &&
      (value as Record<string, unknown>)[variant.when.field] === variant.when.equals
    ) {
      return variant.success
    }
  }
  return operation.success
}

/**
 * Whether a string is the key of a row.
 *
 * @since 0.2.0
 * @category operations
 */
export const isOperationKey = (key: string): key is OperationKey => Object.hasOwn(operations, key)
