/**
 * Clerk's Users API as data: the kernel's operation table (`@effect-clerk/kernel/Operations`: method, path
 * template, documented statuses, idempotency, where each argument goes on the wire, API-version rules) with this
 * line's Effect 4 schemas, and the types of the `Users` methods read from it.
 *
 * The HTTP client and the test kit's in-memory layer derive from this table, so none of them lists the
 * operations by hand. The methods' types come from the kernel's rows (`ArgsOf`, `SuccessOf`, `StatusOf`), the
 * same types the Effect 3 line's methods have.
 *
 * @since 1.0.0
 */
import * as Versions from "@effect-clerk/kernel/ApiVersions"
import type * as Model from "@effect-clerk/kernel/Model"
import * as Kernel from "@effect-clerk/kernel/Operations"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { BillingCreditBalance, BillingCreditLedgerEntry } from "./BillingCreditBalance.js"
import { BillingSubscription } from "./BillingSubscription.js"
import type { OperationError } from "./ClerkError.js"
import { DeletedObject } from "./DeletedObject.js"
import * as Bind from "./internal/arguments.js"
import { UserIdsBody, VerifyPasswordBody, VerifyTotpBody } from "./internal/bodies.js"
import type { AnyOperation, AnySchema } from "./internal/operation.js"
import { OAuthAccessToken } from "./OAuthAccessToken.js"
import { OrganizationInvitation } from "./OrganizationInvitation.js"
import { OrganizationMembership } from "./OrganizationMembership.js"
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
export type { AnyOperation, AnySchema, Arg, ArgList, ResponseVariant } from "./internal/operation.js"

/**
 * The API versions Clerk publishes that this library knows, oldest first.
 *
 * @since 1.0.0
 * @category versions
 */
export const apiVersions: typeof Versions.apiVersions = Versions.apiVersions

/**
 * An API version this library knows.
 *
 * @since 1.0.0
 * @category versions
 */
export type ApiVersion = Versions.ApiVersion

/**
 * Whether a string is an API version this library knows.
 *
 * @since 1.0.0
 * @category versions
 */
export const isApiVersion: (version: string) => version is ApiVersion = Versions.isApiVersion

const UserList = Schema.Array(User)
const MembershipPage = Paginated(OrganizationMembership)
const InvitationPage = Paginated(OrganizationInvitation)
const TokenList = Schema.Array(OAuthAccessToken)
const TokenPage = Paginated(OAuthAccessToken)
const TrustedDevicePage = Paginated(TrustedDevice)

/**
 * The operations of the Users API, keyed by their method name on the `Users` service: the kernel's rows with
 * this line's schemas (one per query, body or body-field argument, the response's and the variants').
 *
 * @since 1.0.0
 * @category operations
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 *
 * for (const operation of UsersProtocol.rows) console.log(operation.method, operation.path, operation.statuses)
 * ```
 */
export const operations = Bind.bind({
  list: { args: { params: ListUsersParams }, success: UserList },
  create: { args: { params: CreateUserParams }, success: User },
  count: { args: { params: CountUsersParams }, success: CountResponse },
  get: { success: User },
  update: { args: { params: UpdateUserParams }, success: User },
  delete: { success: DeletedObject },
  ban: { success: User },
  unban: { success: User },
  bulkBan: { args: { userIds: UserIdsBody }, success: UserList },
  bulkUnban: { args: { userIds: UserIdsBody }, success: UserList },
  lock: { success: User },
  unlock: { success: User },
  setProfileImage: { success: User },
  deleteProfileImage: { success: User },
  updateMetadata: { args: { patch: UpdateMetadataParams }, success: User },
  getBillingSubscription: { success: BillingSubscription },
  getOAuthAccessToken: { args: { params: OAuthAccessTokenParams }, success: TokenList, variants: [TokenPage] },
  getOrganizationMemberships: { args: { params: PaginationParams }, success: MembershipPage },
  getOrganizationInvitations: { args: { params: OrganizationInvitationsParams }, success: InvitationPage },
  verifyPassword: { args: { password: VerifyPasswordBody }, success: VerifyPasswordResult },
  verifyTotp: { args: { code: VerifyTotpBody }, success: VerifyTotpResult },
  disableMfa: { success: UserIdResult },
  deleteBackupCodes: { success: UserIdResult },
  deletePasskey: { success: DeletedObject },
  deleteWeb3Wallet: { success: DeletedObject },
  createTotp: { success: Totp },
  deleteTotp: { success: UserIdResult },
  deleteExternalAccount: { success: DeletedObject },
  setPasswordCompromised: { args: { params: SetPasswordCompromisedParams }, success: User },
  unsetPasswordCompromised: { success: User },
  getInstanceOrganizationMemberships: {
    args: { params: InstanceOrganizationMembershipsParams },
    success: MembershipPage
  },
  replaceMetadata: { args: { metadata: ReplaceMetadataParams }, success: User },
  replaceEmailAddress: { args: { params: ReplaceEmailAddressParams }, success: EmailAddress },
  replacePhoneNumber: { args: { params: ReplacePhoneNumberParams }, success: PhoneNumber },
  removePassword: { args: { params: RemovePasswordParams }, success: User },
  getBillingCreditBalance: { success: BillingCreditBalance },
  adjustBillingCreditBalance: { args: { params: AdjustCreditBalanceParams }, success: BillingCreditLedgerEntry },
  listTrustedDevices: { success: TrustedDevicePage },
  revokeTrustedDevice: { success: TrustedDevice }
})

/**
 * The table's type.
 *
 * @since 1.0.0
 * @category models
 */
export type Operations = typeof operations

/**
 * The name of an operation (its method on the `Users` service).
 *
 * @since 1.0.0
 * @category models
 */
export type OperationKey = Kernel.OperationKey

/**
 * The parameters of an operation's method.
 *
 * @since 1.0.0
 * @category models
 */
export type ArgsOf<K extends OperationKey> = Kernel.ArgsOf<K>

/**
 * What an operation's method succeeds with (the kernel's model types, which this line's schemas decode to
 * exactly).
 *
 * @since 1.0.0
 * @category models
 */
export type SuccessOf<K extends OperationKey> = Kernel.SuccessOf<K>

/**
 * The error statuses an operation documents.
 *
 * @since 1.0.0
 * @category models
 */
export type StatusOf<K extends OperationKey> = Kernel.StatusOf<K>

/**
 * The error union of an operation: its documented statuses and the failures every operation has.
 *
 * @since 1.0.0
 * @category models
 */
export type ErrorOf<K extends OperationKey> = OperationError<StatusOf<K>>

/**
 * The method of an operation on the `Users` service.
 *
 * @since 1.0.0
 * @category models
 */
export type MethodOf<K extends OperationKey> = (...args: ArgsOf<K>) => Effect.Effect<SuccessOf<K>, ErrorOf<K>>

/**
 * The methods whose type the row alone cannot say: the value follows an argument (overloads).
 *
 * @since 1.0.0
 * @category models
 */
export interface MethodOverrides {
  /** With `paginated: true`, a page and the total; otherwise every token. */
  readonly getOAuthAccessToken: {
    (
      userId: string,
      provider: string,
      params: Model.OAuthAccessTokenParams & { readonly paginated: true }
    ): Effect.Effect<Model.Paginated<Model.OAuthAccessToken>, ErrorOf<"getOAuthAccessToken">>
    (
      userId: string,
      provider: string,
      params?: Model.OAuthAccessTokenParams
    ): Effect.Effect<ReadonlyArray<Model.OAuthAccessToken>, ErrorOf<"getOAuthAccessToken">>
  }
}

/**
 * Every operation's method: the shape of `Users.Operations`.
 *
 * @since 1.0.0
 * @category models
 */
export type Methods = {
  readonly [K in OperationKey]: K extends keyof MethodOverrides ? MethodOverrides[K] : MethodOf<K>
}

/**
 * Every row of the table, in the kernel's order, as the type every implementation reads them with.
 *
 * @since 1.0.0
 * @category operations
 */
export const rows: ReadonlyArray<AnyOperation> = Object.values(operations)

/**
 * The response schema of a call: the first of the row's variants whose condition the arguments meet, or the
 * row's own (the kernel's `Operations.responseOf`).
 *
 * @since 1.0.0
 * @category codecs
 */
export const successOf = (operation: AnyOperation, args: ReadonlyArray<unknown>): AnySchema =>
  Kernel.responseOf(operation, args)
