/**
 * The user object and everything nested in it, as Effect 4 Schemas: camelCase in TypeScript, snake_case on the
 * wire (`Schema.encodeKeys`). Every schema is typed with the kernel's plain model (`Model.User` and its wire form
 * `Model.UserEncoded`), so a field added to the kernel's model fails to compile here until this line has it too.
 *
 * @example
 * ```ts
 * import { User } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(User.User)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as UserGetters from "@effect-clerk/kernel/UserGetters"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableNumber, NullableString } from "./internal/modelSchema.js"
import { OrganizationMembership } from "./OrganizationMembership.js"
import { IdentificationLink, Verification } from "./Verification.js"

/**
 * The kernel's `Model.EmailAddress`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface EmailAddress extends Model.EmailAddress {}

/**
 * The wire form of {@link EmailAddress}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface EmailAddressEncoded extends Model.Wire<Model.EmailAddress> {}

/**
 * An email address of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const EmailAddress: Schema.Codec<EmailAddress, EmailAddressEncoded> = exact<
  Model.EmailAddress,
  Model.Wire<Model.EmailAddress>
>()(
  Schema.Struct({
    id: Schema.optionalKey(Schema.String),
    object: Schema.String,
    emailAddress: Schema.String,
    reserved: Schema.Boolean,
    verification: Schema.NullOr(Verification),
    linkedTo: Schema.Array(IdentificationLink),
    matchesSsoConnection: Schema.optionalKey(Schema.Boolean),
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(Schema.encodeKeys({
    emailAddress: "email_address",
    linkedTo: "linked_to",
    matchesSsoConnection: "matches_sso_connection",
    createdAt: "created_at",
    updatedAt: "updated_at"
  }))
)

/**
 * The kernel's `Model.PhoneNumber`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface PhoneNumber extends Model.PhoneNumber {}

/**
 * The wire form of {@link PhoneNumber}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface PhoneNumberEncoded extends Model.Wire<Model.PhoneNumber> {}

/**
 * A phone number of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const PhoneNumber: Schema.Codec<PhoneNumber, PhoneNumberEncoded> = exact<
  Model.PhoneNumber,
  Model.Wire<Model.PhoneNumber>
>()(
  Schema.Struct({
    id: Schema.optionalKey(Schema.String),
    object: Schema.String,
    phoneNumber: Schema.String,
    reservedForSecondFactor: Schema.optionalKey(Schema.Boolean),
    defaultSecondFactor: Schema.optionalKey(Schema.Boolean),
    reserved: Schema.Boolean,
    verification: Schema.NullOr(Verification),
    linkedTo: Schema.Array(IdentificationLink),
    backupCodes: Schema.optionalKey(Schema.NullOr(Schema.Array(Schema.String))),
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(Schema.encodeKeys({
    phoneNumber: "phone_number",
    reservedForSecondFactor: "reserved_for_second_factor",
    defaultSecondFactor: "default_second_factor",
    linkedTo: "linked_to",
    backupCodes: "backup_codes",
    createdAt: "created_at",
    updatedAt: "updated_at"
  }))
)

/**
 * The kernel's `Model.Web3Wallet`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface Web3Wallet extends Model.Web3Wallet {}

/**
 * The wire form of {@link Web3Wallet}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface Web3WalletEncoded extends Model.Wire<Model.Web3Wallet> {}

/**
 * A web3 wallet of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const Web3Wallet: Schema.Codec<Web3Wallet, Web3WalletEncoded> = exact<
  Model.Web3Wallet,
  Model.Wire<Model.Web3Wallet>
>()(
  Schema.Struct({
    id: Schema.optionalKey(Schema.String),
    object: Schema.String,
    web3Wallet: Schema.String,
    verification: Schema.NullOr(Verification),
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(Schema.encodeKeys({ web3Wallet: "web3_wallet", createdAt: "created_at", updatedAt: "updated_at" }))
)

/**
 * The kernel's `Model.Passkey`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface Passkey extends Model.Passkey {}

/**
 * The wire form of {@link Passkey}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface PasskeyEncoded extends Model.Wire<Model.Passkey> {}

/**
 * A passkey of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const Passkey: Schema.Codec<Passkey, PasskeyEncoded> = exact<
  Model.Passkey,
  Model.Wire<Model.Passkey>
>()(
  Schema.Struct({
    id: Schema.optionalKey(Schema.String),
    object: Schema.String,
    name: Schema.String,
    lastUsedAt: Schema.Number,
    verification: Schema.NullOr(Verification)
  }).pipe(Schema.encodeKeys({ lastUsedAt: "last_used_at" }))
)

/**
 * The kernel's `Model.ExternalAccount`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface ExternalAccount extends Model.ExternalAccount {}

/**
 * The wire form of {@link ExternalAccount}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface ExternalAccountEncoded extends Model.Wire<Model.ExternalAccount> {}

/**
 * An OAuth (external) account linked to a user.
 *
 * @since 1.0.0
 * @category models
 */
export const ExternalAccount: Schema.Codec<ExternalAccount, ExternalAccountEncoded> = exact<
  Model.ExternalAccount,
  Model.Wire<Model.ExternalAccount>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    provider: Schema.String,
    identificationId: Schema.String,
    providerUserId: Schema.String,
    approvedScopes: Schema.String,
    emailAddress: Schema.String,
    emailAddressVerified: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
    firstName: Schema.String,
    lastName: Schema.String,
    avatarUrl: Schema.optionalKey(Schema.String),
    imageUrl: Schema.optionalKey(NullableString),
    username: Schema.optionalKey(NullableString),
    phoneNumber: Schema.optionalKey(NullableString),
    publicMetadata: Schema.JsonObject,
    label: Schema.optionalKey(NullableString),
    createdAt: Schema.Number,
    updatedAt: Schema.Number,
    verification: Schema.NullOr(Verification)
  }).pipe(Schema.encodeKeys({
    identificationId: "identification_id",
    providerUserId: "provider_user_id",
    approvedScopes: "approved_scopes",
    emailAddress: "email_address",
    emailAddressVerified: "email_address_verified",
    firstName: "first_name",
    lastName: "last_name",
    avatarUrl: "avatar_url",
    imageUrl: "image_url",
    phoneNumber: "phone_number",
    publicMetadata: "public_metadata",
    createdAt: "created_at",
    updatedAt: "updated_at"
  }))
)

/**
 * The kernel's `Model.SamlAccountConnection`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface SamlAccountConnection extends Model.SamlAccountConnection {}

/**
 * The wire form of {@link SamlAccountConnection}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface SamlAccountConnectionEncoded extends Model.Wire<Model.SamlAccountConnection> {}

/**
 * The SAML connection of a SAML account.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SamlAccountConnection: Schema.Codec<SamlAccountConnection, SamlAccountConnectionEncoded> = exact<
  Model.SamlAccountConnection,
  Model.Wire<Model.SamlAccountConnection>
>()(
  Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    domain: Schema.optionalKey(Schema.String),
    domains: Schema.optionalKey(Schema.Array(Schema.String)),
    active: Schema.Boolean,
    provider: Schema.String,
    syncUserAttributes: Schema.Boolean,
    allowSubdomains: Schema.optionalKey(Schema.Boolean),
    allowIdpInitiated: Schema.optionalKey(Schema.Boolean),
    disableAdditionalIdentifications: Schema.optionalKey(Schema.Boolean),
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(Schema.encodeKeys({
    syncUserAttributes: "sync_user_attributes",
    allowSubdomains: "allow_subdomains",
    allowIdpInitiated: "allow_idp_initiated",
    disableAdditionalIdentifications: "disable_additional_identifications",
    createdAt: "created_at",
    updatedAt: "updated_at"
  }))
)

/**
 * The kernel's `Model.SamlAccount`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface SamlAccount extends Model.SamlAccount {}

/**
 * The wire form of {@link SamlAccount}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface SamlAccountEncoded extends Model.Wire<Model.SamlAccount> {}

/**
 * A SAML account of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const SamlAccount: Schema.Codec<SamlAccount, SamlAccountEncoded> = exact<
  Model.SamlAccount,
  Model.Wire<Model.SamlAccount>
>()(
  Schema.Struct({
    id: Schema.String,
    object: Schema.String,
    provider: Schema.String,
    active: Schema.Boolean,
    emailAddress: Schema.String,
    firstName: Schema.optionalKey(NullableString),
    lastName: Schema.optionalKey(NullableString),
    providerUserId: Schema.optionalKey(NullableString),
    lastAuthenticatedAt: Schema.optionalKey(NullableNumber),
    publicMetadata: Schema.optionalKey(Schema.JsonObject),
    verification: Schema.NullOr(Verification),
    samlConnection: Schema.optionalKey(Schema.NullOr(SamlAccountConnection))
  }).pipe(Schema.encodeKeys({
    emailAddress: "email_address",
    firstName: "first_name",
    lastName: "last_name",
    providerUserId: "provider_user_id",
    lastAuthenticatedAt: "last_authenticated_at",
    publicMetadata: "public_metadata",
    samlConnection: "saml_connection"
  }))
)

/**
 * The kernel's `Model.EnterpriseAccountConnection`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface EnterpriseAccountConnection extends Model.EnterpriseAccountConnection {}

/**
 * The wire form of {@link EnterpriseAccountConnection}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface EnterpriseAccountConnectionEncoded extends Model.Wire<Model.EnterpriseAccountConnection> {}

/**
 * The enterprise connection of an enterprise account.
 *
 * @since 1.0.0
 * @category schemas
 */
export const EnterpriseAccountConnection: Schema.Codec<
  EnterpriseAccountConnection,
  EnterpriseAccountConnectionEncoded
> = exact<
  Model.EnterpriseAccountConnection,
  Model.Wire<Model.EnterpriseAccountConnection>
>()(
  Schema.Struct({
    id: Schema.String,
    protocol: Schema.String,
    provider: Schema.String,
    name: Schema.String,
    logoPublicUrl: NullableString,
    domain: Schema.optionalKey(Schema.String),
    domains: Schema.optionalKey(Schema.Array(Schema.String)),
    active: Schema.Boolean,
    syncUserAttributes: Schema.Boolean,
    allowSubdomains: Schema.Boolean,
    allowIdpInitiated: Schema.Boolean,
    disableAdditionalIdentifications: Schema.Boolean,
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(Schema.encodeKeys({
    logoPublicUrl: "logo_public_url",
    syncUserAttributes: "sync_user_attributes",
    allowSubdomains: "allow_subdomains",
    allowIdpInitiated: "allow_idp_initiated",
    disableAdditionalIdentifications: "disable_additional_identifications",
    createdAt: "created_at",
    updatedAt: "updated_at"
  }))
)

/**
 * The kernel's `Model.EnterpriseAccount`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface EnterpriseAccount extends Model.EnterpriseAccount {}

/**
 * The wire form of {@link EnterpriseAccount}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface EnterpriseAccountEncoded extends Model.Wire<Model.EnterpriseAccount> {}

/**
 * An enterprise (SSO) account of a user.
 *
 * @since 1.0.0
 * @category models
 */
export const EnterpriseAccount: Schema.Codec<EnterpriseAccount, EnterpriseAccountEncoded> = exact<
  Model.EnterpriseAccount,
  Model.Wire<Model.EnterpriseAccount>
>()(
  Schema.Struct({
    id: Schema.String,
    object: Schema.String,
    protocol: Schema.optionalKey(Schema.String),
    provider: Schema.String,
    active: Schema.Boolean,
    emailAddress: Schema.String,
    firstName: Schema.optionalKey(NullableString),
    lastName: Schema.optionalKey(NullableString),
    providerUserId: Schema.optionalKey(NullableString),
    enterpriseConnectionId: Schema.optionalKey(NullableString),
    publicMetadata: Schema.optionalKey(Schema.JsonObject),
    verification: Schema.NullOr(Verification),
    enterpriseConnection: Schema.optionalKey(Schema.NullOr(EnterpriseAccountConnection)),
    lastAuthenticatedAt: Schema.optionalKey(NullableNumber)
  }).pipe(Schema.encodeKeys({
    emailAddress: "email_address",
    firstName: "first_name",
    lastName: "last_name",
    providerUserId: "provider_user_id",
    enterpriseConnectionId: "enterprise_connection_id",
    publicMetadata: "public_metadata",
    enterpriseConnection: "enterprise_connection",
    lastAuthenticatedAt: "last_authenticated_at"
  }))
)

/**
 * The kernel's `Model.ScimUserMetadata`, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface ScimUserMetadata extends Model.ScimUserMetadata {}

/**
 * The wire form of {@link ScimUserMetadata}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface ScimUserMetadataEncoded extends Model.Wire<Model.ScimUserMetadata> {}

/**
 * The SCIM directory data of a user provisioned by SCIM.
 *
 * @since 1.0.0
 * @category schemas
 */
export const ScimUserMetadata: Schema.Codec<ScimUserMetadata, ScimUserMetadataEncoded> = exact<
  Model.ScimUserMetadata,
  Model.Wire<Model.ScimUserMetadata>
>()(
  Schema.Struct({
    directoryId: Schema.String,
    directoryEnabled: Schema.optionalKey(Schema.Boolean),
    externalId: NullableString
  }).pipe(Schema.encodeKeys({
    directoryId: "directory_id",
    directoryEnabled: "directory_enabled",
    externalId: "external_id"
  }))
)

/**
 * A Clerk user, camelCase (the kernel's `Model.User`).
 *
 * @since 1.0.0
 * @category models
 */
export interface User extends Model.User {}

/**
 * The wire form of {@link User}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface UserEncoded extends Model.UserEncoded {}

/**
 * A Clerk user: decodes Clerk's snake_case JSON into the kernel's `Model.User` (camelCase), and encodes it back.
 * Unknown fields are ignored when decoding.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { User } from "@effect-clerk/core"
 * import { Fixtures } from "@effect-clerk/kernel"
 * import { Schema } from "effect"
 *
 * const user = Schema.decodeUnknownSync(User.User)(Fixtures.userMinimal)
 * console.log(user.firstName)
 * ```
 */
export const User: Schema.Codec<User, UserEncoded> = exact<Model.User, Model.UserEncoded>()(
  Schema.Struct({
    id: Schema.String,
    object: Schema.String,
    externalId: NullableString,
    primaryEmailAddressId: NullableString,
    primaryPhoneNumberId: NullableString,
    primaryWeb3WalletId: NullableString,
    username: NullableString,
    firstName: NullableString,
    lastName: NullableString,
    locale: Schema.optionalKey(NullableString),
    profileImageUrl: Schema.optionalKey(Schema.String),
    imageUrl: Schema.optionalKey(Schema.String),
    hasImage: Schema.Boolean,
    publicMetadata: Schema.JsonObject,
    privateMetadata: Schema.optionalKey(Schema.NullOr(Schema.JsonObject)),
    unsafeMetadata: Schema.optionalKey(Schema.JsonObject),
    emailAddresses: Schema.Array(EmailAddress),
    phoneNumbers: Schema.Array(PhoneNumber),
    web3Wallets: Schema.Array(Web3Wallet),
    passkeys: Schema.Array(Passkey),
    passwordEnabled: Schema.Boolean,
    twoFactorEnabled: Schema.Boolean,
    totpEnabled: Schema.Boolean,
    backupCodeEnabled: Schema.Boolean,
    mfaEnabledAt: NullableNumber,
    mfaDisabledAt: NullableNumber,
    passwordLastUpdatedAt: Schema.optionalKey(NullableNumber),
    requiresPasswordReset: Schema.optionalKey(Schema.Boolean),
    externalAccounts: Schema.Array(ExternalAccount),
    samlAccounts: Schema.Array(SamlAccount),
    enterpriseAccounts: Schema.Array(EnterpriseAccount),
    organizationMemberships: Schema.optionalKey(Schema.Array(OrganizationMembership)),
    lastSignInAt: NullableNumber,
    banned: Schema.Boolean,
    locked: Schema.Boolean,
    deprovisioned: Schema.optionalKey(Schema.Boolean),
    lockoutExpiresInSeconds: NullableNumber,
    verificationAttemptsRemaining: NullableNumber,
    updatedAt: Schema.Number,
    createdAt: Schema.Number,
    deleteSelfEnabled: Schema.Boolean,
    createOrganizationEnabled: Schema.Boolean,
    createOrganizationsLimit: Schema.optionalKey(NullableNumber),
    lastActiveAt: NullableNumber,
    legalAcceptedAt: NullableNumber,
    bypassClientTrust: Schema.optionalKey(Schema.Boolean),
    scim: Schema.optionalKey(Schema.NullOr(ScimUserMetadata))
  }).pipe(Schema.encodeKeys({
    externalId: "external_id",
    primaryEmailAddressId: "primary_email_address_id",
    primaryPhoneNumberId: "primary_phone_number_id",
    primaryWeb3WalletId: "primary_web3_wallet_id",
    firstName: "first_name",
    lastName: "last_name",
    profileImageUrl: "profile_image_url",
    imageUrl: "image_url",
    hasImage: "has_image",
    publicMetadata: "public_metadata",
    privateMetadata: "private_metadata",
    unsafeMetadata: "unsafe_metadata",
    emailAddresses: "email_addresses",
    phoneNumbers: "phone_numbers",
    web3Wallets: "web3_wallets",
    passwordEnabled: "password_enabled",
    twoFactorEnabled: "two_factor_enabled",
    totpEnabled: "totp_enabled",
    backupCodeEnabled: "backup_code_enabled",
    mfaEnabledAt: "mfa_enabled_at",
    mfaDisabledAt: "mfa_disabled_at",
    passwordLastUpdatedAt: "password_last_updated_at",
    requiresPasswordReset: "requires_password_reset",
    externalAccounts: "external_accounts",
    samlAccounts: "saml_accounts",
    enterpriseAccounts: "enterprise_accounts",
    organizationMemberships: "organization_memberships",
    lastSignInAt: "last_sign_in_at",
    lockoutExpiresInSeconds: "lockout_expires_in_seconds",
    verificationAttemptsRemaining: "verification_attempts_remaining",
    updatedAt: "updated_at",
    createdAt: "created_at",
    deleteSelfEnabled: "delete_self_enabled",
    createOrganizationEnabled: "create_organization_enabled",
    createOrganizationsLimit: "create_organizations_limit",
    lastActiveAt: "last_active_at",
    legalAcceptedAt: "legal_accepted_at",
    bypassClientTrust: "bypass_client_trust"
  }))
)

/**
 * The user's full name, as `User.fullName` of `@clerk/backend` gives it: the first and last names joined by a
 * space, or none when both are missing or blank (the kernel's `UserGetters.fullName`).
 *
 * @since 1.0.0
 * @category getters
 * @example
 * ```ts
 * import { User } from "@effect-clerk/core"
 * import { Option } from "effect"
 *
 * const greeting = (user: User.User) => `Hello, ${Option.getOrElse(User.fullName(user), () => user.id)}`
 * ```
 */
export const fullName = (user: Pick<User, "firstName" | "lastName">): Option.Option<string> =>
  Option.fromUndefinedOr(UserGetters.fullName(user))

/**
 * The user's primary email address (the entry of `emailAddresses` whose id is `primaryEmailAddressId`), as
 * `User.primaryEmailAddress` of `@clerk/backend` gives it.
 *
 * @since 1.0.0
 * @category getters
 * @example
 * ```ts
 * import { User, Users } from "@effect-clerk/core"
 * import { Effect, Option } from "effect"
 *
 * const emailOf = (userId: string) =>
 *   Effect.map(Effect.flatMap(Effect.service(Users.Users), (users) => users.get(userId)), (user) =>
 *     Option.map(User.primaryEmailAddress(user), (email) => email.emailAddress))
 * ```
 */
export const primaryEmailAddress = (
  user: Pick<User, "emailAddresses" | "primaryEmailAddressId">
): Option.Option<EmailAddress> => Option.fromUndefinedOr(UserGetters.primaryEmailAddress(user))

/**
 * The user's primary phone number (the entry of `phoneNumbers` whose id is `primaryPhoneNumberId`), as
 * `User.primaryPhoneNumber` of `@clerk/backend` gives it.
 *
 * @since 1.0.0
 * @category getters
 */
export const primaryPhoneNumber = (
  user: Pick<User, "phoneNumbers" | "primaryPhoneNumberId">
): Option.Option<PhoneNumber> => Option.fromUndefinedOr(UserGetters.primaryPhoneNumber(user))

/**
 * The user's primary web3 wallet (the entry of `web3Wallets` whose id is `primaryWeb3WalletId`), as
 * `User.primaryWeb3Wallet` of `@clerk/backend` gives it.
 *
 * @since 1.0.0
 * @category getters
 */
export const primaryWeb3Wallet = (
  user: Pick<User, "web3Wallets" | "primaryWeb3WalletId">
): Option.Option<Web3Wallet> => Option.fromUndefinedOr(UserGetters.primaryWeb3Wallet(user))
