/**
 * The parameters of the Users operations: list and count filters, pagination, create, update, metadata
 * patches and the small request bodies.
 *
 * Each is one schema whose TypeScript side is camelCase and whose encoded side is exactly what Clerk reads:
 * query parameters as strings (lists as repeated keys), bodies as snake_case JSON. Encoding a value also
 * validates it (limits, list sizes, integers), which is how the client refuses bad input before sending.
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
 * @since 0.1.0
 */
import * as Limits from "@effect-clerk/kernel/Limits"
import type * as Model from "@effect-clerk/kernel/Model"
import * as Schema from "effect/Schema"
import { JsonObjectStrict } from "./internal/json.js"
import { OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

// -----------------------------------------------------------------------------
// query building blocks
// -----------------------------------------------------------------------------

/**
 * The most values Clerk accepts in one filter list.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { MAX_FILTER_VALUES } from "@effect-clerk/core/UsersParams"
 *
 * console.log(MAX_FILTER_VALUES) // 100
 * ```
 */
export const MAX_FILTER_VALUES = Limits.MAX_FILTER_VALUES

/**
 * The largest page Clerk serves.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { MAX_LIMIT } from "@effect-clerk/core/UsersParams"
 *
 * console.log(MAX_LIMIT) // 500
 * ```
 */
export const MAX_LIMIT = Limits.MAX_LIMIT

const QueryList = Schema.Union(
  Schema.Array(Schema.String),
  Schema.transform(Schema.String, Schema.Array(Schema.String), {
    strict: true,
    decode: (value) => [value],
    encode: (values) => values[0] ?? ""
  })
).pipe(
  Schema.filter((values) => Limits.filterValuesProblem(values))
)

const QueryInt = Schema.NumberFromString.pipe(
  Schema.filter((n) => Limits.timestampProblem(n))
)

const QueryString = Schema.String

const QueryBoolean = Schema.BooleanFromString

/**
 * A page size: an integer from 1 to 500.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { Limit } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(Limit)
 * ```
 */
export const Limit = Schema.NumberFromString.pipe(
  Schema.filter((n) => Limits.limitProblem(n))
)

/**
 * A number of items to skip: an integer of at least 0.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { Offset } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(Offset)
 * ```
 */
export const Offset = Schema.NumberFromString.pipe(
  Schema.filter((n) => Limits.offsetProblem(n))
)

/**
 * The fields users can be ordered by.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { userOrderFields } from "@effect-clerk/core/UsersParams"
 *
 * // each field sorts ascending with "+" (or no prefix) and descending with "-"
 * console.log(userOrderFields.map((field) => `-${field}`))
 * ```
 */
export const userOrderFields = Limits.userOrderFields

/**
 * The order of a user listing: a field, optionally prefixed by `+` (ascending, the default) or `-`
 * (descending). Clerk's default is `-created_at`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { UserOrderBy } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(UserOrderBy)
 * ```
 */
export const UserOrderBy = Schema.Literal(...Limits.orderByValues(userOrderFields)).annotations({
  message: () => ({ message: Limits.orderByMessage(userOrderFields), override: true })
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserOrderBy = typeof UserOrderBy.Type

/**
 * The fields instance organization memberships can be ordered by.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { membershipOrderFields } from "@effect-clerk/core/UsersParams"
 *
 * // each field sorts ascending with "+" (or no prefix) and descending with "-"
 * console.log(membershipOrderFields.map((field) => `-${field}`))
 * ```
 */
export const membershipOrderFields = Limits.membershipOrderFields

/**
 * The order of the instance's organization memberships.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { MembershipOrderBy } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(MembershipOrderBy)
 * ```
 */
export const MembershipOrderBy = Schema.Literal(...Limits.orderByValues(membershipOrderFields)).annotations({
  message: () => ({ message: Limits.orderByMessage(membershipOrderFields), override: true })
})

/**
 * @since 0.1.0
 * @category models
 */
export type MembershipOrderBy = typeof MembershipOrderBy.Type

// -----------------------------------------------------------------------------
// list / count
// -----------------------------------------------------------------------------

const userFilterFields = {
  emailAddress: wireOptional("email_address", QueryList),
  phoneNumber: wireOptional("phone_number", QueryList),
  externalId: wireOptional("external_id", QueryList),
  username: optional(QueryList),
  web3Wallet: wireOptional("web3_wallet", QueryList),
  userId: wireOptional("user_id", QueryList),
  organizationId: wireOptional("organization_id", QueryList),
  query: optional(QueryString),
  emailAddressQuery: wireOptional("email_address_query", QueryString),
  phoneNumberQuery: wireOptional("phone_number_query", QueryString),
  usernameQuery: wireOptional("username_query", QueryString),
  nameQuery: wireOptional("name_query", QueryString),
  banned: optional(QueryBoolean),
  lastActiveAtBefore: wireOptional("last_active_at_before", QueryInt),
  lastActiveAtAfter: wireOptional("last_active_at_after", QueryInt),
  lastActiveAtSince: wireOptional("last_active_at_since", QueryInt),
  createdAtBefore: wireOptional("created_at_before", QueryInt),
  createdAtAfter: wireOptional("created_at_after", QueryInt),
  lastSignInAtBefore: wireOptional("last_sign_in_at_before", QueryInt),
  lastSignInAtAfter: wireOptional("last_sign_in_at_after", QueryInt),
  provider: optional(QueryString),
  providerUserId: wireOptional("provider_user_id", QueryList)
}

const CountUsersParamsStruct = Schema.Struct(userFilterFields).annotations({ identifier: "CountUsersParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CountUsersParams extends Schema.Schema.Type<typeof CountUsersParamsStruct> {}

/**
 * The encoded side of {@link CountUsersParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface CountUsersParamsEncoded extends Schema.Schema.Encoded<typeof CountUsersParamsStruct> {}

/**
 * The filters of `count` (and of `list`): exact-match lists (up to 100 values each; `userId`,
 * `externalId` and `organizationId` values may be prefixed by `+` to include or `-` to exclude), partial
 * matches (`query`, `*Query`), `banned`, and timestamp bounds in epoch milliseconds.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { CountUsersParams } from "@effect-clerk/core/UsersParams"
 *
 * const activeGmailUsers: CountUsersParams = {
 *   emailAddressQuery: "@gmail.com",
 *   banned: false,
 *   lastActiveAtAfter: Date.now() - 30 * 24 * 3600 * 1000
 * }
 * ```
 */
export const CountUsersParams: Schema.Schema<CountUsersParams, CountUsersParamsEncoded> = CountUsersParamsStruct

const ListUsersParamsStruct = Schema.Struct({
  ...userFilterFields,
  orderBy: wireOptional("order_by", UserOrderBy),
  limit: optional(Limit),
  offset: optional(Offset),
  startingAfter: wireOptional("starting_after", QueryString)
}).annotations({ identifier: "ListUsersParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ListUsersParams extends Schema.Schema.Type<typeof ListUsersParamsStruct> {}

/**
 * The encoded side of {@link ListUsersParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface ListUsersParamsEncoded extends Schema.Schema.Encoded<typeof ListUsersParamsStruct> {}

/**
 * The parameters of `list`: every filter of {@link CountUsersParams}, plus `orderBy`, `limit` (1..500,
 * Clerk's default 10), `offset` and the `startingAfter` cursor.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { ListUsersParams } from "@effect-clerk/core/UsersParams"
 *
 * const newestBanned: ListUsersParams = { banned: true, orderBy: "-created_at", limit: 50 }
 * ```
 */
export const ListUsersParams: Schema.Schema<ListUsersParams, ListUsersParamsEncoded> = ListUsersParamsStruct

const PaginationParamsStruct = Schema.Struct({
  limit: optional(Limit),
  offset: optional(Offset)
}).annotations({ identifier: "PaginationParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PaginationParams extends Schema.Schema.Type<typeof PaginationParamsStruct> {}

/**
 * The encoded side of {@link PaginationParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface PaginationParamsEncoded extends Schema.Schema.Encoded<typeof PaginationParamsStruct> {}

/**
 * `limit` and `offset` of a paginated listing.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { PaginationParams } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(PaginationParams)
 * ```
 */
export const PaginationParams: Schema.Schema<PaginationParams, PaginationParamsEncoded> = PaginationParamsStruct

const OAuthAccessTokenParamsStruct = Schema.Struct({
  paginated: optional(QueryBoolean),
  limit: optional(Limit),
  offset: optional(Offset)
}).annotations({ identifier: "OAuthAccessTokenParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OAuthAccessTokenParams extends Schema.Schema.Type<typeof OAuthAccessTokenParamsStruct> {}

/**
 * The encoded side of {@link OAuthAccessTokenParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface OAuthAccessTokenParamsEncoded extends Schema.Schema.Encoded<typeof OAuthAccessTokenParamsStruct> {}

/**
 * The parameters of `getOAuthAccessToken`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { OAuthAccessTokenParams } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(OAuthAccessTokenParams)
 * ```
 */
export const OAuthAccessTokenParams: Schema.Schema<OAuthAccessTokenParams, OAuthAccessTokenParamsEncoded> =
  OAuthAccessTokenParamsStruct

/**
 * The statuses an organization invitation can be filtered by.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { InvitationStatusFilter } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(InvitationStatusFilter)
 * ```
 */
export const InvitationStatusFilter = Schema.Literal(...Limits.invitationStatuses)

const OrganizationInvitationsParamsStruct = Schema.Struct({
  limit: optional(Limit),
  offset: optional(Offset),
  status: optional(InvitationStatusFilter)
}).annotations({ identifier: "OrganizationInvitationsParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationInvitationsParams extends Schema.Schema.Type<typeof OrganizationInvitationsParamsStruct> {}

/**
 * The encoded side of {@link OrganizationInvitationsParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationInvitationsParamsEncoded
  extends Schema.Schema.Encoded<typeof OrganizationInvitationsParamsStruct>
{}

/**
 * The parameters of `getOrganizationInvitations`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { OrganizationInvitationsParams } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(OrganizationInvitationsParams)
 * ```
 */
export const OrganizationInvitationsParams: Schema.Schema<
  OrganizationInvitationsParams,
  OrganizationInvitationsParamsEncoded
> = OrganizationInvitationsParamsStruct

const InstanceOrganizationMembershipsParamsStruct = Schema.Struct({
  orderBy: wireOptional("order_by", MembershipOrderBy),
  limit: optional(Limit),
  offset: optional(Offset)
}).annotations({ identifier: "InstanceOrganizationMembershipsParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface InstanceOrganizationMembershipsParams
  extends Schema.Schema.Type<typeof InstanceOrganizationMembershipsParamsStruct>
{}

/**
 * The encoded side of {@link InstanceOrganizationMembershipsParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface InstanceOrganizationMembershipsParamsEncoded
  extends Schema.Schema.Encoded<typeof InstanceOrganizationMembershipsParamsStruct>
{}

/**
 * The parameters of `getInstanceOrganizationMemberships`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InstanceOrganizationMembershipsParams: Schema.Schema<
  InstanceOrganizationMembershipsParams,
  InstanceOrganizationMembershipsParamsEncoded
> = InstanceOrganizationMembershipsParamsStruct

// -----------------------------------------------------------------------------
// bodies
// -----------------------------------------------------------------------------

/**
 * The password hashing algorithms Clerk accepts for `passwordDigest`.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { PasswordHasher } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(PasswordHasher)
 * ```
 */
export const PasswordHasher = OpenEnum(...Limits.passwordHashers)

/**
 * The status an identifier is created with: verified (the default) or reserved.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { IdentificationStatus } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(IdentificationStatus)
 * ```
 */
export const IdentificationStatus = Schema.Literal(...Limits.identificationStatuses)

const NullableString = Schema.NullOr(Schema.String)
const NullableBoolean = Schema.NullOr(Schema.Boolean)
const OrganizationsLimit = Schema.NullOr(
  Schema.Number.pipe(
    Schema.filter((n) => Limits.countProblem(n))
  )
)

/**
 * A JSON value: a string, a finite number, a boolean, `null`, an array or a plain object of JSON values (the
 * kernel's `Model.JsonValue`). A `Date`, a function, a class instance or `undefined` is not one.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { JsonValue } from "@effect-clerk/core/UsersParams"
 *
 * const at: JsonValue = new Date(0).toISOString() // a Date itself does not compile
 * ```
 */
export type JsonValue = Model.JsonValue

/**
 * A JSON object: string keys, {@link JsonValue}s (the kernel's `Model.JsonObject`).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { JsonObject } from "@effect-clerk/core/UsersParams"
 *
 * const onboarding: JsonObject = { step: 3, done: false, seen: ["dashboard"], at: Date.now() }
 * ```
 */
export type JsonObject = Model.JsonObject

/**
 * A metadata object: any JSON object (finite numbers, strings, booleans, `null`, arrays, plain objects). Its
 * type is the kernel's `Model.Metadata` ({@link JsonObject}), so that `{ at: new Date() }` does not compile;
 * encoding checks the same for callers without types (`InvalidRequest`).
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import { Metadata } from "@effect-clerk/core/UsersParams"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(Metadata)
 * ```
 */
export const Metadata: Schema.Schema<Model.Metadata> = JsonObjectStrict

/**
 * @since 0.1.0
 * @category models
 */
export type Metadata = Model.Metadata

const CreateUserParamsStruct = Schema.Struct({
  externalId: wireOptional("external_id", NullableString),
  firstName: wireOptional("first_name", NullableString),
  lastName: wireOptional("last_name", NullableString),
  locale: optional(NullableString),
  emailAddress: wireOptional("email_address", Schema.Array(Schema.String)),
  emailAddressIdentificationStatus: wireOptional(
    "email_address_identification_status",
    Schema.Array(IdentificationStatus)
  ),
  phoneNumber: wireOptional("phone_number", Schema.Array(Schema.String)),
  phoneNumberIdentificationStatus: wireOptional(
    "phone_number_identification_status",
    Schema.Array(IdentificationStatus)
  ),
  web3Wallet: wireOptional("web3_wallet", Schema.Array(Schema.String)),
  username: optional(NullableString),
  password: optional(NullableString),
  passwordDigest: wireOptional("password_digest", NullableString),
  passwordHasher: wireOptional("password_hasher", PasswordHasher),
  skipPasswordChecks: wireOptional("skip_password_checks", NullableBoolean),
  skipPasswordRequirement: wireOptional("skip_password_requirement", NullableBoolean),
  totpSecret: wireOptional("totp_secret", NullableString),
  backupCodes: wireOptional("backup_codes", Schema.Array(Schema.String)),
  publicMetadata: wireOptional("public_metadata", Metadata),
  privateMetadata: wireOptional("private_metadata", Metadata),
  unsafeMetadata: wireOptional("unsafe_metadata", Metadata),
  deleteSelfEnabled: wireOptional("delete_self_enabled", NullableBoolean),
  legalAcceptedAt: wireOptional("legal_accepted_at", NullableString),
  skipLegalChecks: wireOptional("skip_legal_checks", NullableBoolean),
  skipUserRequirement: wireOptional("skip_user_requirement", NullableBoolean),
  createOrganizationEnabled: wireOptional("create_organization_enabled", NullableBoolean),
  createOrganizationsLimit: wireOptional("create_organizations_limit", OrganizationsLimit),
  createdAt: wireOptional("created_at", NullableString),
  bypassClientTrust: wireOptional("bypass_client_trust", NullableBoolean),
  banned: optional(NullableBoolean),
  locked: optional(NullableBoolean)
}).annotations({ identifier: "CreateUserParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface CreateUserParams extends Schema.Schema.Type<typeof CreateUserParamsStruct> {}

/**
 * The encoded side of {@link CreateUserParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface CreateUserParamsEncoded extends Schema.Schema.Encoded<typeof CreateUserParamsStruct> {}

/**
 * The body of `create`. Every field is optional; which ones your instance requires depends on its settings.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { CreateUserParams } from "@effect-clerk/core/UsersParams"
 *
 * const params: CreateUserParams = {
 *   emailAddress: ["ada@example.com"],
 *   firstName: "Ada",
 *   password: "correct horse battery staple",
 *   publicMetadata: { plan: "pro" }
 * }
 * ```
 */
export const CreateUserParams: Schema.Schema<CreateUserParams, CreateUserParamsEncoded> = CreateUserParamsStruct

const UpdateUserParamsStruct = Schema.Struct({
  externalId: wireOptional("external_id", NullableString),
  firstName: wireOptional("first_name", NullableString),
  lastName: wireOptional("last_name", NullableString),
  locale: optional(NullableString),
  primaryEmailAddressId: wireOptional("primary_email_address_id", NullableString),
  notifyPrimaryEmailAddressChanged: wireOptional("notify_primary_email_address_changed", NullableBoolean),
  primaryPhoneNumberId: wireOptional("primary_phone_number_id", NullableString),
  primaryWeb3WalletId: wireOptional("primary_web3_wallet_id", NullableString),
  username: optional(NullableString),
  profileImageId: wireOptional("profile_image_id", NullableString),
  password: optional(NullableString),
  passwordDigest: wireOptional("password_digest", Schema.String),
  passwordHasher: wireOptional("password_hasher", PasswordHasher),
  skipPasswordChecks: wireOptional("skip_password_checks", NullableBoolean),
  signOutOfOtherSessions: wireOptional("sign_out_of_other_sessions", NullableBoolean),
  totpSecret: wireOptional("totp_secret", NullableString),
  backupCodes: wireOptional("backup_codes", Schema.Array(Schema.String)),
  publicMetadata: wireOptional("public_metadata", Metadata),
  privateMetadata: wireOptional("private_metadata", Metadata),
  unsafeMetadata: wireOptional("unsafe_metadata", Metadata),
  deleteSelfEnabled: wireOptional("delete_self_enabled", NullableBoolean),
  createOrganizationEnabled: wireOptional("create_organization_enabled", NullableBoolean),
  legalAcceptedAt: wireOptional("legal_accepted_at", NullableString),
  skipLegalChecks: wireOptional("skip_legal_checks", NullableBoolean),
  createOrganizationsLimit: wireOptional("create_organizations_limit", OrganizationsLimit),
  createdAt: wireOptional("created_at", NullableString),
  bypassClientTrust: wireOptional("bypass_client_trust", NullableBoolean)
}).annotations({ identifier: "UpdateUserParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserParams extends Schema.Schema.Type<typeof UpdateUserParamsStruct> {}

/**
 * The encoded side of {@link UpdateUserParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface UpdateUserParamsEncoded extends Schema.Schema.Encoded<typeof UpdateUserParamsStruct> {}

/**
 * The body of `update`. An absent field is left unchanged; `null` clears it (for example `username: null`
 * removes the username). The three metadata fields replace the stored values and are only accepted by API
 * versions before `2026-05-12`; use `updateMetadata` to merge.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { UpdateUserParams } from "@effect-clerk/core/UsersParams"
 *
 * const rename: UpdateUserParams = { firstName: "Grace", lastName: null }
 * ```
 */
export const UpdateUserParams: Schema.Schema<UpdateUserParams, UpdateUserParamsEncoded> = UpdateUserParamsStruct

// the three metadata objects, as `updateMetadata` (merged) and `replaceMetadata` (replaced) both take them
const metadataFields = {
  publicMetadata: wireOptional("public_metadata", Metadata),
  privateMetadata: wireOptional("private_metadata", Metadata),
  unsafeMetadata: wireOptional("unsafe_metadata", Metadata)
}

const UpdateMetadataParamsStruct = Schema.Struct(metadataFields).annotations({ identifier: "UpdateMetadataParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UpdateMetadataParams extends Schema.Schema.Type<typeof UpdateMetadataParamsStruct> {}

/**
 * The encoded side of {@link UpdateMetadataParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface UpdateMetadataParamsEncoded extends Schema.Schema.Encoded<typeof UpdateMetadataParamsStruct> {}

/**
 * The body of `updateMetadata`: each object is deep-merged into the stored one; `null` removes a key at any
 * depth, arrays are replaced as a whole.
 *
 * @since 0.1.0
 * @category schemas
 * @example
 * ```ts
 * import type { UpdateMetadataParams } from "@effect-clerk/core/UsersParams"
 *
 * const patch: UpdateMetadataParams = {
 *   publicMetadata: { onboarding: { step: 3 } },
 *   privateMetadata: { legacyId: null }
 * }
 * ```
 */
export const UpdateMetadataParams: Schema.Schema<UpdateMetadataParams, UpdateMetadataParamsEncoded> =
  UpdateMetadataParamsStruct

const ReplaceMetadataParamsStruct = Schema.Struct(metadataFields).annotations({ identifier: "ReplaceMetadataParams" })

/**
 * @since 0.2.0
 * @category models
 */
export interface ReplaceMetadataParams extends Schema.Schema.Type<typeof ReplaceMetadataParamsStruct> {}

/**
 * The encoded side of {@link ReplaceMetadataParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface ReplaceMetadataParamsEncoded extends Schema.Schema.Encoded<typeof ReplaceMetadataParamsStruct> {}

/**
 * The body of `replaceMetadata`: each object given replaces the stored one as a whole (no merge); a field
 * left out keeps its value, `{}` empties it.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import type { ReplaceMetadataParams } from "@effect-clerk/core/UsersParams"
 *
 * const reset: ReplaceMetadataParams = { privateMetadata: {}, publicMetadata: { plan: "free" } }
 * ```
 */
export const ReplaceMetadataParams: Schema.Schema<ReplaceMetadataParams, ReplaceMetadataParamsEncoded> =
  ReplaceMetadataParamsStruct

/**
 * The status an identifier is given when it replaces a user's others: verified (the default), reserved
 * (unverified, but usable for sign-in and claimed), or unverified (neither; another user may hold it too).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { ReplacementStatus } from "@effect-clerk/core/UsersParams"
 *
 * console.log(ReplacementStatus.literals) // ["verified", "reserved", "unverified"]
 * ```
 */
export const ReplacementStatus = Schema.Literal(...Limits.replacementStatuses)

const ReplaceEmailAddressParamsStruct = Schema.Struct({
  emailAddress: wire("email_address", Schema.String),
  identificationStatus: wireOptional("identification_status", ReplacementStatus),
  notifyPrimaryEmailAddressChanged: wireOptional("notify_primary_email_address_changed", NullableBoolean)
}).annotations({ identifier: "ReplaceEmailAddressParams" })

/**
 * @since 0.2.0
 * @category models
 */
export interface ReplaceEmailAddressParams extends Schema.Schema.Type<typeof ReplaceEmailAddressParamsStruct> {}

/**
 * The encoded side of {@link ReplaceEmailAddressParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface ReplaceEmailAddressParamsEncoded
  extends Schema.Schema.Encoded<typeof ReplaceEmailAddressParamsStruct>
{}

/**
 * The body of `replaceEmailAddress`: the one email address the user keeps.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import type { ReplaceEmailAddressParams } from "@effect-clerk/core/UsersParams"
 *
 * const params: ReplaceEmailAddressParams = { emailAddress: "ada@example.org", identificationStatus: "reserved" }
 * ```
 */
export const ReplaceEmailAddressParams: Schema.Schema<ReplaceEmailAddressParams, ReplaceEmailAddressParamsEncoded> =
  ReplaceEmailAddressParamsStruct

const ReplacePhoneNumberParamsStruct = Schema.Struct({
  phoneNumber: wire("phone_number", Schema.String),
  identificationStatus: wireOptional("identification_status", ReplacementStatus)
}).annotations({ identifier: "ReplacePhoneNumberParams" })

/**
 * @since 0.2.0
 * @category models
 */
export interface ReplacePhoneNumberParams extends Schema.Schema.Type<typeof ReplacePhoneNumberParamsStruct> {}

/**
 * The encoded side of {@link ReplacePhoneNumberParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface ReplacePhoneNumberParamsEncoded extends Schema.Schema.Encoded<typeof ReplacePhoneNumberParamsStruct> {}

/**
 * The body of `replacePhoneNumber`: the one phone number the user keeps (never reserved for second factor).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import type { ReplacePhoneNumberParams } from "@effect-clerk/core/UsersParams"
 *
 * const params: ReplacePhoneNumberParams = { phoneNumber: "+15555550123" }
 * ```
 */
export const ReplacePhoneNumberParams: Schema.Schema<ReplacePhoneNumberParams, ReplacePhoneNumberParamsEncoded> =
  ReplacePhoneNumberParamsStruct

const RemovePasswordParamsStruct = Schema.Struct({
  signOutOfOtherSessions: wireOptional("sign_out_of_other_sessions", Schema.Boolean)
}).annotations({ identifier: "RemovePasswordParams" })

/**
 * @since 0.2.0
 * @category models
 */
export interface RemovePasswordParams extends Schema.Schema.Type<typeof RemovePasswordParamsStruct> {}

/**
 * The encoded side of {@link RemovePasswordParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface RemovePasswordParamsEncoded extends Schema.Schema.Encoded<typeof RemovePasswordParamsStruct> {}

/**
 * The body of `removePassword`.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import type { RemovePasswordParams } from "@effect-clerk/core/UsersParams"
 *
 * const andSignOut: RemovePasswordParams = { signOutOfOtherSessions: true }
 * ```
 */
export const RemovePasswordParams: Schema.Schema<RemovePasswordParams, RemovePasswordParamsEncoded> =
  RemovePasswordParamsStruct

const AdjustCreditBalanceParamsStruct = Schema.Struct({
  amount: Schema.Number.pipe(
    Schema.filter((n) => Limits.centsProblem(n))
  ),
  action: Schema.Literal(...Limits.creditActions),
  currency: optional(Schema.String),
  idempotencyKey: wire("idempotency_key", Schema.String.pipe(Schema.minLength(1))),
  note: optional(Schema.String)
}).annotations({ identifier: "AdjustCreditBalanceParams" })

/**
 * @since 0.2.0
 * @category models
 */
export interface AdjustCreditBalanceParams extends Schema.Schema.Type<typeof AdjustCreditBalanceParamsStruct> {}

/**
 * The encoded side of {@link AdjustCreditBalanceParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface AdjustCreditBalanceParamsEncoded
  extends Schema.Schema.Encoded<typeof AdjustCreditBalanceParamsStruct>
{}

/**
 * The body of `adjustBillingCreditBalance`: an amount in cents (more than 0), increased or decreased, once per
 * `idempotencyKey` (a repeated key returns the first adjustment's ledger entry).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import type { AdjustCreditBalanceParams } from "@effect-clerk/core/UsersParams"
 *
 * const refund: AdjustCreditBalanceParams = { amount: 1999, action: "increase", idempotencyKey: "refund-42" }
 * ```
 */
export const AdjustCreditBalanceParams: Schema.Schema<AdjustCreditBalanceParams, AdjustCreditBalanceParamsEncoded> =
  AdjustCreditBalanceParamsStruct

const SetPasswordCompromisedParamsStruct = Schema.Struct({
  revokeAllSessions: wireOptional("revoke_all_sessions", NullableBoolean)
}).annotations({ identifier: "SetPasswordCompromisedParams" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SetPasswordCompromisedParams extends Schema.Schema.Type<typeof SetPasswordCompromisedParamsStruct> {}

/**
 * The encoded side of {@link SetPasswordCompromisedParams}: its wire form, snake_case as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface SetPasswordCompromisedParamsEncoded
  extends Schema.Schema.Encoded<typeof SetPasswordCompromisedParamsStruct>
{}

/**
 * The body of `setPasswordCompromised`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SetPasswordCompromisedParams: Schema.Schema<
  SetPasswordCompromisedParams,
  SetPasswordCompromisedParamsEncoded
> = SetPasswordCompromisedParamsStruct

/**
 * The most user ids `bulkBan` and `bulkUnban` accept at once.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { MAX_BULK_IDS } from "@effect-clerk/core/UsersParams"
 *
 * console.log(MAX_BULK_IDS) // 50
 * ```
 */
export const MAX_BULK_IDS = Limits.MAX_BULK_IDS

/**
 * The image `setProfileImage` uploads, sent as the multipart field `file`.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import type { ProfileImage } from "@effect-clerk/core/UsersParams"
 *
 * const image: ProfileImage = { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), fileName: "avatar.png" }
 * ```
 */
export interface ProfileImage {
  readonly data: Uint8Array | Blob
  readonly fileName?: string
  readonly contentType?: string
}
