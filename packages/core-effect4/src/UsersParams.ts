/**
 * The parameters of the Users operations: list and count filters, pagination, create, update, metadata patches
 * and the small request bodies, as Effect 4 Schemas typed with the kernel's model.
 *
 * Each is one schema whose TypeScript side is camelCase (exactly the kernel's `Model`) and whose encoded side
 * is what Clerk reads: query parameters as strings (lists as repeated keys), bodies as snake_case JSON.
 * Encoding a value also validates it (the kernel's `Limits`: list sizes, page bounds, integers), which is how
 * the client refuses bad input before sending.
 *
 * @example
 * ```ts
 * import { UsersParams } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // camelCase in TypeScript, snake_case on the wire, validated while encoding
 * console.log(Schema.encodeSync(UsersParams.CreateUserParams)({ firstName: "Ada" })) // { first_name: "Ada" }
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Limits from "@effect-clerk/kernel/Limits"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import { exact } from "./internal/kernelModel.js"
import { NullableBoolean, NullableString } from "./internal/modelSchema.js"

// -----------------------------------------------------------------------------
// query building blocks
// -----------------------------------------------------------------------------

/**
 * The most values Clerk accepts in one filter list (the kernel's `Limits.MAX_FILTER_VALUES`).
 *
 * @since 1.0.0
 * @category constants
 */
export const MAX_FILTER_VALUES: number = Limits.MAX_FILTER_VALUES

/**
 * The largest page Clerk serves (the kernel's `Limits.MAX_LIMIT`).
 *
 * @since 1.0.0
 * @category constants
 */
export const MAX_LIMIT: number = Limits.MAX_LIMIT

/** A filter list: repeated query keys (one value may come alone when decoding), at most `MAX_FILTER_VALUES`. */
const QueryList = Schema.Union([
  Schema.Array(Schema.String),
  Schema.String.pipe(
    Schema.decodeTo(Schema.Array(Schema.String), {
      decode: SchemaGetter.transform((value: string): ReadonlyArray<string> => [value]),
      encode: SchemaGetter.transform((values: ReadonlyArray<string>) => values[0] ?? "")
    })
  )
]).check(Schema.makeFilter((values) => Limits.filterValuesProblem(values), {
  arbitraryConstraint: { maxLength: MAX_FILTER_VALUES },
  "~structural": true
}))

/** A timestamp bound: epoch milliseconds, an integer, as a query string. */
const QueryInt = Schema.NumberFromString.check(
  Schema.makeFilter((n) => Limits.timestampProblem(n), { arbitraryConstraint: { number: "integer" } })
)

const QueryString = Schema.String

/** `true` / `false` on the query string. */
const QueryBoolean = Schema.Literals(["true", "false"]).pipe(
  Schema.decodeTo(Schema.Boolean, {
    decode: SchemaGetter.transform((value: "true" | "false") => value === "true"),
    encode: SchemaGetter.transform((value: boolean): "true" | "false" => (value ? "true" : "false"))
  })
)

/**
 * A page size: an integer from 1 to 500, a string on the query.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Limit = Schema.NumberFromString.check(Schema.makeFilter((n) => Limits.limitProblem(n), {
  arbitraryConstraint: { number: "integer", minimum: 1, maximum: MAX_LIMIT }
}))

/**
 * A number of items to skip: an integer of at least 0, a string on the query.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Offset = Schema.NumberFromString.check(
  Schema.makeFilter((n) => Limits.offsetProblem(n), { arbitraryConstraint: { number: "integer", minimum: 0 } })
)

/**
 * The fields users can be ordered by (the kernel's `Limits.userOrderFields`).
 *
 * @since 1.0.0
 * @category models
 */
export const userOrderFields: typeof Limits.userOrderFields = Limits.userOrderFields

/**
 * The order of a user listing: a field, optionally prefixed by `+` (ascending, the default) or `-`
 * (descending). Clerk's default is `-created_at`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UserOrderBy = Schema.Literals(Limits.orderByValues(userOrderFields)).annotate({
  message: Limits.orderByMessage(userOrderFields)
})

/**
 * The order of a user listing (the kernel's `Model.UserOrderBy`).
 *
 * @since 1.0.0
 * @category models
 */
export type UserOrderBy = Model.UserOrderBy

/**
 * The fields instance organization memberships can be ordered by (the kernel's `Limits.membershipOrderFields`).
 *
 * @since 1.0.0
 * @category models
 */
export const membershipOrderFields: typeof Limits.membershipOrderFields = Limits.membershipOrderFields

/**
 * The order of the instance's organization memberships.
 *
 * @since 1.0.0
 * @category schemas
 */
export const MembershipOrderBy = Schema.Literals(Limits.orderByValues(membershipOrderFields)).annotate({
  message: Limits.orderByMessage(membershipOrderFields)
})

/**
 * The order of the instance's organization memberships (the kernel's `Model.MembershipOrderBy`).
 *
 * @since 1.0.0
 * @category models
 */
export type MembershipOrderBy = Model.MembershipOrderBy

// -----------------------------------------------------------------------------
// list / count
// -----------------------------------------------------------------------------

const userFilterFields = {
  emailAddress: Schema.optionalKey(QueryList),
  phoneNumber: Schema.optionalKey(QueryList),
  externalId: Schema.optionalKey(QueryList),
  username: Schema.optionalKey(QueryList),
  web3Wallet: Schema.optionalKey(QueryList),
  userId: Schema.optionalKey(QueryList),
  organizationId: Schema.optionalKey(QueryList),
  query: Schema.optionalKey(QueryString),
  emailAddressQuery: Schema.optionalKey(QueryString),
  phoneNumberQuery: Schema.optionalKey(QueryString),
  usernameQuery: Schema.optionalKey(QueryString),
  nameQuery: Schema.optionalKey(QueryString),
  banned: Schema.optionalKey(QueryBoolean),
  lastActiveAtBefore: Schema.optionalKey(QueryInt),
  lastActiveAtAfter: Schema.optionalKey(QueryInt),
  lastActiveAtSince: Schema.optionalKey(QueryInt),
  createdAtBefore: Schema.optionalKey(QueryInt),
  createdAtAfter: Schema.optionalKey(QueryInt),
  lastSignInAtBefore: Schema.optionalKey(QueryInt),
  lastSignInAtAfter: Schema.optionalKey(QueryInt),
  provider: Schema.optionalKey(QueryString),
  providerUserId: Schema.optionalKey(QueryList)
}

const userFilterKeys = {
  emailAddress: "email_address",
  phoneNumber: "phone_number",
  externalId: "external_id",
  web3Wallet: "web3_wallet",
  userId: "user_id",
  organizationId: "organization_id",
  emailAddressQuery: "email_address_query",
  phoneNumberQuery: "phone_number_query",
  usernameQuery: "username_query",
  nameQuery: "name_query",
  lastActiveAtBefore: "last_active_at_before",
  lastActiveAtAfter: "last_active_at_after",
  lastActiveAtSince: "last_active_at_since",
  createdAtBefore: "created_at_before",
  createdAtAfter: "created_at_after",
  lastSignInAtBefore: "last_sign_in_at_before",
  lastSignInAtAfter: "last_sign_in_at_after",
  providerUserId: "provider_user_id"
} as const

const CountUsersParamsStruct = Schema.Struct(userFilterFields).pipe(
  Schema.encodeKeys(userFilterKeys),
  Schema.annotate({ identifier: "CountUsersParams" })
)

type CountUsersParamsWire = typeof CountUsersParamsStruct["Encoded"]

/**
 * The kernel's `Model.CountUsersParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface CountUsersParams extends Model.CountUsersParams {}

/**
 * The encoded side of {@link CountUsersParams}: its query parameters, snake_case, as strings (lists as arrays: repeated
 * keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface CountUsersParamsEncoded extends CountUsersParamsWire {}

/**
 * The filters of `count` (and of `list`): exact-match lists (up to 100 values each; `userId`, `externalId` and
 * `organizationId` values may be prefixed by `+` to include or `-` to exclude), partial matches (`query`,
 * `*Query`), `banned`, and timestamp bounds in epoch milliseconds.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import type { UsersParams } from "@effect-clerk/core"
 *
 * const activeGmailUsers: UsersParams.CountUsersParams = { emailAddressQuery: "@gmail.com", banned: false }
 * ```
 */
export const CountUsersParams: Schema.Codec<CountUsersParams, CountUsersParamsEncoded> = exact<
  Model.CountUsersParams,
  CountUsersParamsWire
>()(CountUsersParamsStruct)

const ListUsersParamsStruct = Schema.Struct({
  ...userFilterFields,
  orderBy: Schema.optionalKey(UserOrderBy),
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset),
  startingAfter: Schema.optionalKey(QueryString)
}).pipe(
  Schema.encodeKeys({ ...userFilterKeys, orderBy: "order_by", startingAfter: "starting_after" }),
  Schema.annotate({ identifier: "ListUsersParams" })
)

type ListUsersParamsWire = typeof ListUsersParamsStruct["Encoded"]

/**
 * The kernel's `Model.ListUsersParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface ListUsersParams extends Model.ListUsersParams {}

/**
 * The encoded side of {@link ListUsersParams}: its query parameters, snake_case, as strings (lists as arrays: repeated
 * keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface ListUsersParamsEncoded extends ListUsersParamsWire {}

/**
 * The parameters of `list`: every filter of {@link CountUsersParams}, plus `orderBy`, `limit` (1..500, Clerk's
 * default 10), `offset` and the `startingAfter` cursor.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import type { UsersParams } from "@effect-clerk/core"
 *
 * const newestBanned: UsersParams.ListUsersParams = { banned: true, orderBy: "-created_at", limit: 50 }
 * ```
 */
export const ListUsersParams: Schema.Codec<ListUsersParams, ListUsersParamsEncoded> = exact<
  Model.ListUsersParams,
  ListUsersParamsWire
>()(ListUsersParamsStruct)

const PaginationParamsStruct = Schema.Struct({
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset)
}).pipe(
  Schema.annotate({ identifier: "PaginationParams" })
)

type PaginationParamsWire = typeof PaginationParamsStruct["Encoded"]

/**
 * The kernel's `Model.PaginationParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface PaginationParams extends Model.PaginationParams {}

/**
 * The encoded side of {@link PaginationParams}: its query parameters, snake_case, as strings (lists as arrays: repeated
 * keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface PaginationParamsEncoded extends PaginationParamsWire {}

/**
 * `limit` and `offset` of a paginated listing.
 *
 * @since 1.0.0
 * @category schemas
 */
export const PaginationParams: Schema.Codec<PaginationParams, PaginationParamsEncoded> = exact<
  Model.PaginationParams,
  PaginationParamsWire
>()(PaginationParamsStruct)

const OAuthAccessTokenParamsStruct = Schema.Struct({
  paginated: Schema.optionalKey(QueryBoolean),
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset)
}).pipe(
  Schema.annotate({ identifier: "OAuthAccessTokenParams" })
)

type OAuthAccessTokenParamsWire = typeof OAuthAccessTokenParamsStruct["Encoded"]

/**
 * The kernel's `Model.OAuthAccessTokenParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface OAuthAccessTokenParams extends Model.OAuthAccessTokenParams {}

/**
 * The encoded side of {@link OAuthAccessTokenParams}: its query parameters, snake_case, as strings (lists as arrays:
 * repeated keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface OAuthAccessTokenParamsEncoded extends OAuthAccessTokenParamsWire {}

/**
 * The parameters of `getOAuthAccessToken`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OAuthAccessTokenParams: Schema.Codec<OAuthAccessTokenParams, OAuthAccessTokenParamsEncoded> = exact<
  Model.OAuthAccessTokenParams,
  OAuthAccessTokenParamsWire
>()(OAuthAccessTokenParamsStruct)

/**
 * The statuses an organization invitation can be filtered by (the kernel's `Limits.invitationStatuses`).
 *
 * @since 1.0.0
 * @category schemas
 */
export const InvitationStatusFilter = Schema.Literals(Limits.invitationStatuses)

const OrganizationInvitationsParamsStruct = Schema.Struct({
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset),
  status: Schema.optionalKey(InvitationStatusFilter)
}).pipe(
  Schema.annotate({ identifier: "OrganizationInvitationsParams" })
)

type OrganizationInvitationsParamsWire = typeof OrganizationInvitationsParamsStruct["Encoded"]

/**
 * The kernel's `Model.OrganizationInvitationsParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationsParams extends Model.OrganizationInvitationsParams {}

/**
 * The encoded side of {@link OrganizationInvitationsParams}: its query parameters, snake_case, as strings (lists as
 * arrays: repeated keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationsParamsEncoded extends OrganizationInvitationsParamsWire {}

/**
 * The parameters of `getOrganizationInvitations`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationInvitationsParams: Schema.Codec<
  OrganizationInvitationsParams,
  OrganizationInvitationsParamsEncoded
> = exact<Model.OrganizationInvitationsParams, OrganizationInvitationsParamsWire>()(OrganizationInvitationsParamsStruct)

const InstanceOrganizationMembershipsParamsStruct = Schema.Struct({
  orderBy: Schema.optionalKey(MembershipOrderBy),
  limit: Schema.optionalKey(Limit),
  offset: Schema.optionalKey(Offset)
}).pipe(
  Schema.encodeKeys({
    orderBy: "order_by"
  }),
  Schema.annotate({ identifier: "InstanceOrganizationMembershipsParams" })
)

type InstanceOrganizationMembershipsParamsWire = typeof InstanceOrganizationMembershipsParamsStruct["Encoded"]

/**
 * The kernel's `Model.InstanceOrganizationMembershipsParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface InstanceOrganizationMembershipsParams extends Model.InstanceOrganizationMembershipsParams {}

/**
 * The encoded side of {@link InstanceOrganizationMembershipsParams}: its query parameters, snake_case, as strings
 * (lists as arrays: repeated keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface InstanceOrganizationMembershipsParamsEncoded extends InstanceOrganizationMembershipsParamsWire {}

/**
 * The parameters of `getInstanceOrganizationMemberships`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const InstanceOrganizationMembershipsParams: Schema.Codec<
  InstanceOrganizationMembershipsParams,
  InstanceOrganizationMembershipsParamsEncoded
> = exact<Model.InstanceOrganizationMembershipsParams, InstanceOrganizationMembershipsParamsWire>()(
  InstanceOrganizationMembershipsParamsStruct
)

// -----------------------------------------------------------------------------
// bodies
// -----------------------------------------------------------------------------

/**
 * A password hashing algorithm accepted for `passwordDigest`: an open string (known ones in the kernel's
 * `Limits.passwordHashers`; Clerk may add values).
 *
 * @since 1.0.0
 * @category schemas
 */
export const PasswordHasher: Schema.String = Schema.String

/**
 * The status an identifier is created with (the kernel's `Limits.identificationStatuses`).
 *
 * @since 1.0.0
 * @category schemas
 */
export const IdentificationStatus = Schema.Literals(Limits.identificationStatuses)

const OrganizationsLimit = Schema.NullOr(
  Schema.Number.check(
    Schema.makeFilter((n) => Limits.countProblem(n), { arbitraryConstraint: { number: "integer", minimum: 0 } })
  )
)

const CreditAmount = Schema.Number.check(
  Schema.makeFilter((n) => Limits.centsProblem(n), { arbitraryConstraint: { number: "integer", minimum: 1 } })
)

/**
 * A JSON value (the kernel's `Model.JsonValue`).
 *
 * @since 1.0.0
 * @category models
 */
export type JsonValue = Model.JsonValue

/**
 * A JSON object (the kernel's `Model.JsonObject`).
 *
 * @since 1.0.0
 * @category models
 */
export type JsonObject = Model.JsonObject

/**
 * A metadata object sent to Clerk: a JSON object whose values are checked to be JSON values (a `Date`, a
 * function, `undefined`, `NaN` are refused while encoding).
 *
 * @since 1.0.0
 * @category schemas
 */
export const Metadata: Schema.Codec<Model.Metadata> = Schema.JsonObject

/**
 * A metadata object sent to Clerk (the kernel's `Model.Metadata`).
 *
 * @since 1.0.0
 * @category models
 */
export type Metadata = Model.Metadata

const CreateUserParamsStruct = Schema.Struct({
  externalId: Schema.optionalKey(NullableString),
  firstName: Schema.optionalKey(NullableString),
  lastName: Schema.optionalKey(NullableString),
  locale: Schema.optionalKey(NullableString),
  emailAddress: Schema.optionalKey(Schema.Array(Schema.String)),
  emailAddressIdentificationStatus: Schema.optionalKey(Schema.Array(IdentificationStatus)),
  phoneNumber: Schema.optionalKey(Schema.Array(Schema.String)),
  phoneNumberIdentificationStatus: Schema.optionalKey(Schema.Array(IdentificationStatus)),
  web3Wallet: Schema.optionalKey(Schema.Array(Schema.String)),
  username: Schema.optionalKey(NullableString),
  password: Schema.optionalKey(NullableString),
  passwordDigest: Schema.optionalKey(NullableString),
  passwordHasher: Schema.optionalKey(PasswordHasher),
  skipPasswordChecks: Schema.optionalKey(NullableBoolean),
  skipPasswordRequirement: Schema.optionalKey(NullableBoolean),
  totpSecret: Schema.optionalKey(NullableString),
  backupCodes: Schema.optionalKey(Schema.Array(Schema.String)),
  publicMetadata: Schema.optionalKey(Metadata),
  privateMetadata: Schema.optionalKey(Metadata),
  unsafeMetadata: Schema.optionalKey(Metadata),
  deleteSelfEnabled: Schema.optionalKey(NullableBoolean),
  legalAcceptedAt: Schema.optionalKey(NullableString),
  skipLegalChecks: Schema.optionalKey(NullableBoolean),
  skipUserRequirement: Schema.optionalKey(NullableBoolean),
  createOrganizationEnabled: Schema.optionalKey(NullableBoolean),
  createOrganizationsLimit: Schema.optionalKey(OrganizationsLimit),
  createdAt: Schema.optionalKey(NullableString),
  bypassClientTrust: Schema.optionalKey(NullableBoolean),
  banned: Schema.optionalKey(NullableBoolean),
  locked: Schema.optionalKey(NullableBoolean)
}).pipe(
  Schema.encodeKeys({
    externalId: "external_id",
    firstName: "first_name",
    lastName: "last_name",
    emailAddress: "email_address",
    emailAddressIdentificationStatus: "email_address_identification_status",
    phoneNumber: "phone_number",
    phoneNumberIdentificationStatus: "phone_number_identification_status",
    web3Wallet: "web3_wallet",
    passwordDigest: "password_digest",
    passwordHasher: "password_hasher",
    skipPasswordChecks: "skip_password_checks",
    skipPasswordRequirement: "skip_password_requirement",
    totpSecret: "totp_secret",
    backupCodes: "backup_codes",
    publicMetadata: "public_metadata",
    privateMetadata: "private_metadata",
    unsafeMetadata: "unsafe_metadata",
    deleteSelfEnabled: "delete_self_enabled",
    legalAcceptedAt: "legal_accepted_at",
    skipLegalChecks: "skip_legal_checks",
    skipUserRequirement: "skip_user_requirement",
    createOrganizationEnabled: "create_organization_enabled",
    createOrganizationsLimit: "create_organizations_limit",
    createdAt: "created_at",
    bypassClientTrust: "bypass_client_trust"
  }),
  Schema.annotate({ identifier: "CreateUserParams" })
)

/**
 * The kernel's `Model.CreateUserParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface CreateUserParams extends Model.CreateUserParams {}

/**
 * The encoded side of {@link CreateUserParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface CreateUserParamsEncoded extends Model.Wire<Model.CreateUserParams> {}

/**
 * The body of `create`. Every field is optional; which ones an instance requires depends on its settings.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { UsersParams } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.encodeSync(UsersParams.CreateUserParams)({ firstName: "Ada" })) // { first_name: "Ada" }
 * ```
 */
export const CreateUserParams: Schema.Codec<CreateUserParams, CreateUserParamsEncoded> = exact<
  Model.CreateUserParams,
  Model.Wire<Model.CreateUserParams>
>()(CreateUserParamsStruct)

const UpdateUserParamsStruct = Schema.Struct({
  externalId: Schema.optionalKey(NullableString),
  firstName: Schema.optionalKey(NullableString),
  lastName: Schema.optionalKey(NullableString),
  locale: Schema.optionalKey(NullableString),
  primaryEmailAddressId: Schema.optionalKey(NullableString),
  notifyPrimaryEmailAddressChanged: Schema.optionalKey(NullableBoolean),
  primaryPhoneNumberId: Schema.optionalKey(NullableString),
  primaryWeb3WalletId: Schema.optionalKey(NullableString),
  username: Schema.optionalKey(NullableString),
  profileImageId: Schema.optionalKey(NullableString),
  password: Schema.optionalKey(NullableString),
  passwordDigest: Schema.optionalKey(Schema.String),
  passwordHasher: Schema.optionalKey(PasswordHasher),
  skipPasswordChecks: Schema.optionalKey(NullableBoolean),
  signOutOfOtherSessions: Schema.optionalKey(NullableBoolean),
  totpSecret: Schema.optionalKey(NullableString),
  backupCodes: Schema.optionalKey(Schema.Array(Schema.String)),
  publicMetadata: Schema.optionalKey(Metadata),
  privateMetadata: Schema.optionalKey(Metadata),
  unsafeMetadata: Schema.optionalKey(Metadata),
  deleteSelfEnabled: Schema.optionalKey(NullableBoolean),
  createOrganizationEnabled: Schema.optionalKey(NullableBoolean),
  legalAcceptedAt: Schema.optionalKey(NullableString),
  skipLegalChecks: Schema.optionalKey(NullableBoolean),
  createOrganizationsLimit: Schema.optionalKey(OrganizationsLimit),
  createdAt: Schema.optionalKey(NullableString),
  bypassClientTrust: Schema.optionalKey(NullableBoolean)
}).pipe(
  Schema.encodeKeys({
    externalId: "external_id",
    firstName: "first_name",
    lastName: "last_name",
    primaryEmailAddressId: "primary_email_address_id",
    notifyPrimaryEmailAddressChanged: "notify_primary_email_address_changed",
    primaryPhoneNumberId: "primary_phone_number_id",
    primaryWeb3WalletId: "primary_web3_wallet_id",
    profileImageId: "profile_image_id",
    passwordDigest: "password_digest",
    passwordHasher: "password_hasher",
    skipPasswordChecks: "skip_password_checks",
    signOutOfOtherSessions: "sign_out_of_other_sessions",
    totpSecret: "totp_secret",
    backupCodes: "backup_codes",
    publicMetadata: "public_metadata",
    privateMetadata: "private_metadata",
    unsafeMetadata: "unsafe_metadata",
    deleteSelfEnabled: "delete_self_enabled",
    createOrganizationEnabled: "create_organization_enabled",
    legalAcceptedAt: "legal_accepted_at",
    skipLegalChecks: "skip_legal_checks",
    createOrganizationsLimit: "create_organizations_limit",
    createdAt: "created_at",
    bypassClientTrust: "bypass_client_trust"
  }),
  Schema.annotate({ identifier: "UpdateUserParams" })
)

/**
 * The kernel's `Model.UpdateUserParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface UpdateUserParams extends Model.UpdateUserParams {}

/**
 * The encoded side of {@link UpdateUserParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface UpdateUserParamsEncoded extends Model.Wire<Model.UpdateUserParams> {}

/**
 * The body of `update`: an absent field is left unchanged, `null` clears it.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UpdateUserParams: Schema.Codec<UpdateUserParams, UpdateUserParamsEncoded> = exact<
  Model.UpdateUserParams,
  Model.Wire<Model.UpdateUserParams>
>()(UpdateUserParamsStruct)

// the three metadata objects, as `updateMetadata` (merged) and `replaceMetadata` (replaced) both take them
const metadataFields = {
  publicMetadata: Schema.optionalKey(Metadata),
  privateMetadata: Schema.optionalKey(Metadata),
  unsafeMetadata: Schema.optionalKey(Metadata)
}

const metadataKeys = {
  publicMetadata: "public_metadata",
  privateMetadata: "private_metadata",
  unsafeMetadata: "unsafe_metadata"
} as const

const UpdateMetadataParamsStruct = Schema.Struct(metadataFields).pipe(
  Schema.encodeKeys(metadataKeys),
  Schema.annotate({ identifier: "UpdateMetadataParams" })
)

/**
 * The kernel's `Model.UpdateMetadataParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface UpdateMetadataParams extends Model.UpdateMetadataParams {}

/**
 * The encoded side of {@link UpdateMetadataParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface UpdateMetadataParamsEncoded extends Model.Wire<Model.UpdateMetadataParams> {}

/**
 * The body of `updateMetadata`: each object is deep-merged into the stored one; `null` removes a key.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UpdateMetadataParams: Schema.Codec<UpdateMetadataParams, UpdateMetadataParamsEncoded> = exact<
  Model.UpdateMetadataParams,
  Model.Wire<Model.UpdateMetadataParams>
>()(UpdateMetadataParamsStruct)

const ReplaceMetadataParamsStruct = Schema.Struct(metadataFields).pipe(
  Schema.encodeKeys(metadataKeys),
  Schema.annotate({ identifier: "ReplaceMetadataParams" })
)

/**
 * The kernel's `Model.ReplaceMetadataParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplaceMetadataParams extends Model.ReplaceMetadataParams {}

/**
 * The encoded side of {@link ReplaceMetadataParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplaceMetadataParamsEncoded extends Model.Wire<Model.ReplaceMetadataParams> {}

/**
 * The body of `replaceMetadata`: each object given replaces the stored one as a whole.
 *
 * @since 1.0.0
 * @category schemas
 */
export const ReplaceMetadataParams: Schema.Codec<ReplaceMetadataParams, ReplaceMetadataParamsEncoded> = exact<
  Model.ReplaceMetadataParams,
  Model.Wire<Model.ReplaceMetadataParams>
>()(ReplaceMetadataParamsStruct)

/**
 * The status an identifier is given when it replaces a user's others (the kernel's `Limits.replacementStatuses`).
 *
 * @since 1.0.0
 * @category schemas
 */
export const ReplacementStatus = Schema.Literals(Limits.replacementStatuses)

const ReplaceEmailAddressParamsStruct = Schema.Struct({
  emailAddress: Schema.String,
  identificationStatus: Schema.optionalKey(ReplacementStatus),
  notifyPrimaryEmailAddressChanged: Schema.optionalKey(NullableBoolean)
}).pipe(
  Schema.encodeKeys({
    emailAddress: "email_address",
    identificationStatus: "identification_status",
    notifyPrimaryEmailAddressChanged: "notify_primary_email_address_changed"
  }),
  Schema.annotate({ identifier: "ReplaceEmailAddressParams" })
)

/**
 * The kernel's `Model.ReplaceEmailAddressParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplaceEmailAddressParams extends Model.ReplaceEmailAddressParams {}

/**
 * The encoded side of {@link ReplaceEmailAddressParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplaceEmailAddressParamsEncoded extends Model.Wire<Model.ReplaceEmailAddressParams> {}

/**
 * The body of `replaceEmailAddress`: the one email address the user keeps.
 *
 * @since 1.0.0
 * @category schemas
 */
export const ReplaceEmailAddressParams: Schema.Codec<ReplaceEmailAddressParams, ReplaceEmailAddressParamsEncoded> =
  exact<Model.ReplaceEmailAddressParams, Model.Wire<Model.ReplaceEmailAddressParams>>()(ReplaceEmailAddressParamsStruct)

const ReplacePhoneNumberParamsStruct = Schema.Struct({
  phoneNumber: Schema.String,
  identificationStatus: Schema.optionalKey(ReplacementStatus)
}).pipe(
  Schema.encodeKeys({
    phoneNumber: "phone_number",
    identificationStatus: "identification_status"
  }),
  Schema.annotate({ identifier: "ReplacePhoneNumberParams" })
)

/**
 * The kernel's `Model.ReplacePhoneNumberParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplacePhoneNumberParams extends Model.ReplacePhoneNumberParams {}

/**
 * The encoded side of {@link ReplacePhoneNumberParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface ReplacePhoneNumberParamsEncoded extends Model.Wire<Model.ReplacePhoneNumberParams> {}

/**
 * The body of `replacePhoneNumber`: the one phone number the user keeps.
 *
 * @since 1.0.0
 * @category schemas
 */
export const ReplacePhoneNumberParams: Schema.Codec<ReplacePhoneNumberParams, ReplacePhoneNumberParamsEncoded> = exact<
  Model.ReplacePhoneNumberParams,
  Model.Wire<Model.ReplacePhoneNumberParams>
>()(ReplacePhoneNumberParamsStruct)

const RemovePasswordParamsStruct = Schema.Struct({
  signOutOfOtherSessions: Schema.optionalKey(Schema.Boolean)
}).pipe(
  Schema.encodeKeys({
    signOutOfOtherSessions: "sign_out_of_other_sessions"
  }),
  Schema.annotate({ identifier: "RemovePasswordParams" })
)

/**
 * The kernel's `Model.RemovePasswordParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface RemovePasswordParams extends Model.RemovePasswordParams {}

/**
 * The encoded side of {@link RemovePasswordParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface RemovePasswordParamsEncoded extends Model.Wire<Model.RemovePasswordParams> {}

/**
 * The body of `removePassword`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const RemovePasswordParams: Schema.Codec<RemovePasswordParams, RemovePasswordParamsEncoded> = exact<
  Model.RemovePasswordParams,
  Model.Wire<Model.RemovePasswordParams>
>()(RemovePasswordParamsStruct)

const AdjustCreditBalanceParamsStruct = Schema.Struct({
  amount: CreditAmount,
  action: Schema.Literals(Limits.creditActions),
  currency: Schema.optionalKey(Schema.String),
  idempotencyKey: Schema.String.check(Schema.isMinLength(1)),
  note: Schema.optionalKey(Schema.String)
}).pipe(
  Schema.encodeKeys({
    idempotencyKey: "idempotency_key"
  }),
  Schema.annotate({ identifier: "AdjustCreditBalanceParams" })
)

/**
 * The kernel's `Model.AdjustCreditBalanceParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface AdjustCreditBalanceParams extends Model.AdjustCreditBalanceParams {}

/**
 * The encoded side of {@link AdjustCreditBalanceParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface AdjustCreditBalanceParamsEncoded extends Model.Wire<Model.AdjustCreditBalanceParams> {}

/**
 * The body of `adjustBillingCreditBalance`: an amount in cents (at least 1), once per `idempotencyKey`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const AdjustCreditBalanceParams: Schema.Codec<AdjustCreditBalanceParams, AdjustCreditBalanceParamsEncoded> =
  exact<Model.AdjustCreditBalanceParams, Model.Wire<Model.AdjustCreditBalanceParams>>()(AdjustCreditBalanceParamsStruct)

const SetPasswordCompromisedParamsStruct = Schema.Struct({
  revokeAllSessions: Schema.optionalKey(NullableBoolean)
}).pipe(
  Schema.encodeKeys({
    revokeAllSessions: "revoke_all_sessions"
  }),
  Schema.annotate({ identifier: "SetPasswordCompromisedParams" })
)

/**
 * The kernel's `Model.SetPasswordCompromisedParams`.
 *
 * @since 1.0.0
 * @category models
 */
export interface SetPasswordCompromisedParams extends Model.SetPasswordCompromisedParams {}

/**
 * The encoded side of {@link SetPasswordCompromisedParams}: its JSON body, snake_case as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface SetPasswordCompromisedParamsEncoded extends Model.Wire<Model.SetPasswordCompromisedParams> {}

/**
 * The body of `setPasswordCompromised`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SetPasswordCompromisedParams: Schema.Codec<
  SetPasswordCompromisedParams,
  SetPasswordCompromisedParamsEncoded
> = exact<Model.SetPasswordCompromisedParams, Model.Wire<Model.SetPasswordCompromisedParams>>()(
  SetPasswordCompromisedParamsStruct
)

/**
 * The most user ids `bulkBan` and `bulkUnban` take in one call (the kernel's `Limits.MAX_BULK_IDS`).
 *
 * @since 1.0.0
 * @category constants
 */
export const MAX_BULK_IDS: number = Limits.MAX_BULK_IDS

/**
 * The image `setProfileImage` uploads, sent as the multipart field `file` (the kernel's `Model.ProfileImage`).
 *
 * @since 1.0.0
 * @category models
 */
export interface ProfileImage extends Model.ProfileImage {}
