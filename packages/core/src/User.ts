/**
 * The user object and everything nested in it: email addresses, phone numbers, web3 wallets, passkeys,
 * external, SAML and enterprise accounts.
 *
 * Field names are camelCase in TypeScript and snake_case on the wire; the schemas rename them. Timestamps are
 * epoch milliseconds, as Clerk sends them. Unknown fields are ignored when decoding.
 *
 * @example
 * ```ts
 * import { User } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire, camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(User.User)
 * ```
 *
 * @since 0.1.0
 */
import * as UserGetters from "@effect-clerk/kernel/UserGetters"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { JsonObject, OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"
import { OrganizationMembership } from "./OrganizationMembership.js"
import { IdentificationLink, Verification } from "./Verification.js"

const EmailAddressStruct = Schema.Struct({
  id: optional(Schema.String),
  object: OpenEnum("email_address"),
  emailAddress: wire("email_address", Schema.String),
  reserved: Schema.Boolean,
  verification: Schema.NullOr(Verification),
  linkedTo: wire("linked_to", Schema.Array(IdentificationLink)),
  matchesSsoConnection: wireOptional("matches_sso_connection", Schema.Boolean),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "EmailAddress" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EmailAddress extends Schema.Schema.Type<typeof EmailAddressStruct> {}

/**
 * The encoded side of {@link EmailAddress}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface EmailAddressEncoded extends Schema.Schema.Encoded<typeof EmailAddressStruct> {}

/**
 * An email address of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const EmailAddress: Schema.Schema<EmailAddress, EmailAddressEncoded> = EmailAddressStruct

const PhoneNumberStruct = Schema.Struct({
  id: optional(Schema.String),
  object: OpenEnum("phone_number"),
  phoneNumber: wire("phone_number", Schema.String),
  reservedForSecondFactor: wireOptional("reserved_for_second_factor", Schema.Boolean),
  defaultSecondFactor: wireOptional("default_second_factor", Schema.Boolean),
  reserved: Schema.Boolean,
  verification: Schema.NullOr(Verification),
  linkedTo: wire("linked_to", Schema.Array(IdentificationLink)),
  backupCodes: wireOptional("backup_codes", Schema.NullOr(Schema.Array(Schema.String))),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "PhoneNumber" })

/**
 * @since 0.1.0
 * @category models
 */
export interface PhoneNumber extends Schema.Schema.Type<typeof PhoneNumberStruct> {}

/**
 * The encoded side of {@link PhoneNumber}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface PhoneNumberEncoded extends Schema.Schema.Encoded<typeof PhoneNumberStruct> {}

/**
 * A phone number of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const PhoneNumber: Schema.Schema<PhoneNumber, PhoneNumberEncoded> = PhoneNumberStruct

const Web3WalletStruct = Schema.Struct({
  id: optional(Schema.String),
  object: OpenEnum("web3_wallet"),
  web3Wallet: wire("web3_wallet", Schema.String),
  verification: Schema.NullOr(Verification),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "Web3Wallet" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Web3Wallet extends Schema.Schema.Type<typeof Web3WalletStruct> {}

/**
 * The encoded side of {@link Web3Wallet}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface Web3WalletEncoded extends Schema.Schema.Encoded<typeof Web3WalletStruct> {}

/**
 * A web3 wallet of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const Web3Wallet: Schema.Schema<Web3Wallet, Web3WalletEncoded> = Web3WalletStruct

const PasskeyStruct = Schema.Struct({
  id: optional(Schema.String),
  object: OpenEnum("passkey"),
  name: Schema.String,
  lastUsedAt: wire("last_used_at", Schema.Number),
  verification: Schema.NullOr(Verification)
}).annotations({ identifier: "Passkey" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Passkey extends Schema.Schema.Type<typeof PasskeyStruct> {}

/**
 * The encoded side of {@link Passkey}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface PasskeyEncoded extends Schema.Schema.Encoded<typeof PasskeyStruct> {}

/**
 * A passkey of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const Passkey: Schema.Schema<Passkey, PasskeyEncoded> = PasskeyStruct

const ExternalAccountStruct = Schema.Struct({
  object: OpenEnum("external_account", "facebook_account", "google_account"),
  id: Schema.String,
  provider: Schema.String,
  identificationId: wire("identification_id", Schema.String),
  providerUserId: wire("provider_user_id", Schema.String),
  approvedScopes: wire("approved_scopes", Schema.String),
  emailAddress: wire("email_address", Schema.String),
  emailAddressVerified: wireOptional("email_address_verified", Schema.NullOr(Schema.Boolean)),
  firstName: wire("first_name", Schema.String),
  lastName: wire("last_name", Schema.String),
  avatarUrl: wireOptional("avatar_url", Schema.String),
  imageUrl: wireOptional("image_url", Schema.NullOr(Schema.String)),
  username: optional(Schema.NullOr(Schema.String)),
  phoneNumber: wireOptional("phone_number", Schema.NullOr(Schema.String)),
  publicMetadata: wire("public_metadata", JsonObject),
  label: optional(Schema.NullOr(Schema.String)),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number),
  verification: Schema.NullOr(Verification)
}).annotations({ identifier: "ExternalAccount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ExternalAccount extends Schema.Schema.Type<typeof ExternalAccountStruct> {}

/**
 * The encoded side of {@link ExternalAccount}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface ExternalAccountEncoded extends Schema.Schema.Encoded<typeof ExternalAccountStruct> {}

/**
 * An OAuth (external) account linked to a user.
 *
 * @since 0.1.0
 * @category models
 */
export const ExternalAccount: Schema.Schema<ExternalAccount, ExternalAccountEncoded> = ExternalAccountStruct

const SamlAccountConnectionStruct = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  domain: optional(Schema.String),
  domains: optional(Schema.Array(Schema.String)),
  active: Schema.Boolean,
  provider: Schema.String,
  syncUserAttributes: wire("sync_user_attributes", Schema.Boolean),
  allowSubdomains: wireOptional("allow_subdomains", Schema.Boolean),
  allowIdpInitiated: wireOptional("allow_idp_initiated", Schema.Boolean),
  disableAdditionalIdentifications: wireOptional("disable_additional_identifications", Schema.Boolean),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "SamlAccountConnection" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SamlAccountConnection extends Schema.Schema.Type<typeof SamlAccountConnectionStruct> {}

/**
 * The encoded side of {@link SamlAccountConnection}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface SamlAccountConnectionEncoded extends Schema.Schema.Encoded<typeof SamlAccountConnectionStruct> {}

/**
 * The SAML connection a SAML account signs in through.
 *
 * @since 0.1.0
 * @category models
 */
export const SamlAccountConnection: Schema.Schema<SamlAccountConnection, SamlAccountConnectionEncoded> =
  SamlAccountConnectionStruct

const SamlAccountStruct = Schema.Struct({
  id: Schema.String,
  object: OpenEnum("saml_account"),
  provider: Schema.String,
  active: Schema.Boolean,
  emailAddress: wire("email_address", Schema.String),
  firstName: wireOptional("first_name", Schema.NullOr(Schema.String)),
  lastName: wireOptional("last_name", Schema.NullOr(Schema.String)),
  providerUserId: wireOptional("provider_user_id", Schema.NullOr(Schema.String)),
  lastAuthenticatedAt: wireOptional("last_authenticated_at", Schema.NullOr(Schema.Number)),
  publicMetadata: wireOptional("public_metadata", JsonObject),
  verification: Schema.NullOr(Verification),
  samlConnection: wireOptional("saml_connection", Schema.NullOr(SamlAccountConnection))
}).annotations({ identifier: "SamlAccount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface SamlAccount extends Schema.Schema.Type<typeof SamlAccountStruct> {}

/**
 * The encoded side of {@link SamlAccount}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface SamlAccountEncoded extends Schema.Schema.Encoded<typeof SamlAccountStruct> {}

/**
 * A SAML account of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const SamlAccount: Schema.Schema<SamlAccount, SamlAccountEncoded> = SamlAccountStruct

const EnterpriseAccountConnectionStruct = Schema.Struct({
  id: Schema.String,
  protocol: Schema.String,
  provider: Schema.String,
  name: Schema.String,
  logoPublicUrl: wire("logo_public_url", Schema.NullOr(Schema.String)),
  domain: optional(Schema.String),
  domains: optional(Schema.Array(Schema.String)),
  active: Schema.Boolean,
  syncUserAttributes: wire("sync_user_attributes", Schema.Boolean),
  allowSubdomains: wire("allow_subdomains", Schema.Boolean),
  allowIdpInitiated: wire("allow_idp_initiated", Schema.Boolean),
  disableAdditionalIdentifications: wire("disable_additional_identifications", Schema.Boolean),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "EnterpriseAccountConnection" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EnterpriseAccountConnection extends Schema.Schema.Type<typeof EnterpriseAccountConnectionStruct> {}

/**
 * The encoded side of {@link EnterpriseAccountConnection}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface EnterpriseAccountConnectionEncoded
  extends Schema.Schema.Encoded<typeof EnterpriseAccountConnectionStruct>
{}

/**
 * The enterprise connection an enterprise account signs in through.
 *
 * @since 0.1.0
 * @category models
 */
export const EnterpriseAccountConnection: Schema.Schema<
  EnterpriseAccountConnection,
  EnterpriseAccountConnectionEncoded
> = EnterpriseAccountConnectionStruct

const EnterpriseAccountStruct = Schema.Struct({
  id: Schema.String,
  object: OpenEnum("enterprise_account"),
  protocol: optional(OpenEnum("oauth", "saml")),
  provider: Schema.String,
  active: Schema.Boolean,
  emailAddress: wire("email_address", Schema.String),
  firstName: wireOptional("first_name", Schema.NullOr(Schema.String)),
  lastName: wireOptional("last_name", Schema.NullOr(Schema.String)),
  providerUserId: wireOptional("provider_user_id", Schema.NullOr(Schema.String)),
  enterpriseConnectionId: wireOptional("enterprise_connection_id", Schema.NullOr(Schema.String)),
  publicMetadata: wireOptional("public_metadata", JsonObject),
  verification: Schema.NullOr(Verification),
  enterpriseConnection: wireOptional("enterprise_connection", Schema.NullOr(EnterpriseAccountConnection)),
  lastAuthenticatedAt: wireOptional("last_authenticated_at", Schema.NullOr(Schema.Number))
}).annotations({ identifier: "EnterpriseAccount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EnterpriseAccount extends Schema.Schema.Type<typeof EnterpriseAccountStruct> {}

/**
 * The encoded side of {@link EnterpriseAccount}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface EnterpriseAccountEncoded extends Schema.Schema.Encoded<typeof EnterpriseAccountStruct> {}

/**
 * An enterprise (SAML or OIDC) account of a user.
 *
 * @since 0.1.0
 * @category models
 */
export const EnterpriseAccount: Schema.Schema<EnterpriseAccount, EnterpriseAccountEncoded> = EnterpriseAccountStruct

const ScimUserMetadataStruct = Schema.Struct({
  directoryId: wire("directory_id", Schema.String),
  directoryEnabled: wireOptional("directory_enabled", Schema.Boolean),
  externalId: wire("external_id", Schema.NullOr(Schema.String))
}).annotations({ identifier: "ScimUserMetadata" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ScimUserMetadata extends Schema.Schema.Type<typeof ScimUserMetadataStruct> {}

/**
 * The encoded side of {@link ScimUserMetadata}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface ScimUserMetadataEncoded extends Schema.Schema.Encoded<typeof ScimUserMetadataStruct> {}

/**
 * How a user is linked to a directory (SCIM), when Clerk sends it.
 *
 * @since 0.1.0
 * @category models
 */
export const ScimUserMetadata: Schema.Schema<ScimUserMetadata, ScimUserMetadataEncoded> = ScimUserMetadataStruct

const UserStruct = Schema.Struct({
  id: Schema.String,
  object: OpenEnum("user"),
  externalId: wire("external_id", Schema.NullOr(Schema.String)),
  primaryEmailAddressId: wire("primary_email_address_id", Schema.NullOr(Schema.String)),
  primaryPhoneNumberId: wire("primary_phone_number_id", Schema.NullOr(Schema.String)),
  primaryWeb3WalletId: wire("primary_web3_wallet_id", Schema.NullOr(Schema.String)),
  username: Schema.NullOr(Schema.String),
  firstName: wire("first_name", Schema.NullOr(Schema.String)),
  lastName: wire("last_name", Schema.NullOr(Schema.String)),
  locale: optional(Schema.NullOr(Schema.String)),
  profileImageUrl: wireOptional("profile_image_url", Schema.String),
  imageUrl: wireOptional("image_url", Schema.String),
  hasImage: wire("has_image", Schema.Boolean),
  publicMetadata: wire("public_metadata", JsonObject),
  privateMetadata: wireOptional("private_metadata", Schema.NullOr(JsonObject)),
  unsafeMetadata: wireOptional("unsafe_metadata", JsonObject),
  emailAddresses: wire("email_addresses", Schema.Array(EmailAddress)),
  phoneNumbers: wire("phone_numbers", Schema.Array(PhoneNumber)),
  web3Wallets: wire("web3_wallets", Schema.Array(Web3Wallet)),
  passkeys: Schema.Array(Passkey),
  passwordEnabled: wire("password_enabled", Schema.Boolean),
  twoFactorEnabled: wire("two_factor_enabled", Schema.Boolean),
  totpEnabled: wire("totp_enabled", Schema.Boolean),
  backupCodeEnabled: wire("backup_code_enabled", Schema.Boolean),
  mfaEnabledAt: wire("mfa_enabled_at", Schema.NullOr(Schema.Number)),
  mfaDisabledAt: wire("mfa_disabled_at", Schema.NullOr(Schema.Number)),
  passwordLastUpdatedAt: wireOptional("password_last_updated_at", Schema.NullOr(Schema.Number)),
  requiresPasswordReset: wireOptional("requires_password_reset", Schema.Boolean),
  externalAccounts: wire("external_accounts", Schema.Array(ExternalAccount)),
  samlAccounts: wire("saml_accounts", Schema.Array(SamlAccount)),
  enterpriseAccounts: wire("enterprise_accounts", Schema.Array(EnterpriseAccount)),
  organizationMemberships: wireOptional("organization_memberships", Schema.Array(OrganizationMembership)),
  lastSignInAt: wire("last_sign_in_at", Schema.NullOr(Schema.Number)),
  banned: Schema.Boolean,
  locked: Schema.Boolean,
  deprovisioned: optional(Schema.Boolean),
  lockoutExpiresInSeconds: wire("lockout_expires_in_seconds", Schema.NullOr(Schema.Number)),
  verificationAttemptsRemaining: wire("verification_attempts_remaining", Schema.NullOr(Schema.Number)),
  updatedAt: wire("updated_at", Schema.Number),
  createdAt: wire("created_at", Schema.Number),
  deleteSelfEnabled: wire("delete_self_enabled", Schema.Boolean),
  createOrganizationEnabled: wire("create_organization_enabled", Schema.Boolean),
  createOrganizationsLimit: wireOptional("create_organizations_limit", Schema.NullOr(Schema.Number)),
  lastActiveAt: wire("last_active_at", Schema.NullOr(Schema.Number)),
  legalAcceptedAt: wire("legal_accepted_at", Schema.NullOr(Schema.Number)),
  bypassClientTrust: wireOptional("bypass_client_trust", Schema.Boolean),
  scim: optional(Schema.NullOr(ScimUserMetadata))
}).annotations({ identifier: "User" })

/**
 * @since 0.1.0
 * @category models
 */
export interface User extends Schema.Schema.Type<typeof UserStruct> {}

/**
 * The wire (snake_case) form of a {@link User}.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserEncoded extends Schema.Schema.Encoded<typeof UserStruct> {}

/**
 * A Clerk user.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   const user = yield* users.get("user_123")
 *   return `${user.firstName ?? ""} ${user.lastName ?? ""} <${user.emailAddresses[0]?.emailAddress ?? "?"}>`
 * })
 * ```
 */
export const User: Schema.Schema<User, UserEncoded> = UserStruct

/**
 * The user's full name, as `User.fullName` of `@clerk/backend` gives it: the first and last names joined by a
 * space, or none when both are missing or blank.
 *
 * @since 0.2.0
 * @category getters
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { fullName } from "@effect-clerk/core/User"
 * import { Effect, Option } from "effect"
 *
 * const greeting = (userId: string) =>
 *   Effect.map(Effect.flatMap(Users, (users) => users.get(userId)), (user) =>
 *     `Hello, ${Option.getOrElse(fullName(user), () => user.id)}`)
 * ```
 */
export const fullName = (user: Pick<User, "firstName" | "lastName">): Option.Option<string> =>
  Option.fromNullable(UserGetters.fullName(user))

/** The item of `items` whose id is `id`, when there is one (the kernel's `UserGetters.primaryOf`). */
const primaryOf = <A extends { readonly id?: string | undefined }>(
  items: ReadonlyArray<A>,
  id: string | null
): Option.Option<A> => Option.fromNullable(UserGetters.primaryOf(items, id))

/**
 * The user's primary email address (the entry of `emailAddresses` whose id is `primaryEmailAddressId`), as
 * `User.primaryEmailAddress` of `@clerk/backend` gives it; `Option.getOrNull` for its `null`.
 *
 * @since 0.2.0
 * @category getters
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { primaryEmailAddress } from "@effect-clerk/core/User"
 * import { Effect, Option } from "effect"
 *
 * const emailOf = (userId: string) =>
 *   Effect.map(Effect.flatMap(Users, (users) => users.get(userId)), (user) =>
 *     Option.map(primaryEmailAddress(user), (email) => email.emailAddress))
 * ```
 */
export const primaryEmailAddress = (
  user: Pick<User, "emailAddresses" | "primaryEmailAddressId">
): Option.Option<EmailAddress> => primaryOf(user.emailAddresses, user.primaryEmailAddressId)

/**
 * The user's primary phone number (the entry of `phoneNumbers` whose id is `primaryPhoneNumberId`), as
 * `User.primaryPhoneNumber` of `@clerk/backend` gives it.
 *
 * @since 0.2.0
 * @category getters
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { primaryPhoneNumber } from "@effect-clerk/core/User"
 * import { Effect, Option } from "effect"
 *
 * const phoneOf = (userId: string) =>
 *   Effect.map(Effect.flatMap(Users, (users) => users.get(userId)), (user) =>
 *     Option.map(primaryPhoneNumber(user), (phone) => phone.phoneNumber))
 * ```
 */
export const primaryPhoneNumber = (
  user: Pick<User, "phoneNumbers" | "primaryPhoneNumberId">
): Option.Option<PhoneNumber> => primaryOf(user.phoneNumbers, user.primaryPhoneNumberId)

/**
 * The user's primary web3 wallet (the entry of `web3Wallets` whose id is `primaryWeb3WalletId`), as
 * `User.primaryWeb3Wallet` of `@clerk/backend` gives it.
 *
 * @since 0.2.0
 * @category getters
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { primaryWeb3Wallet } from "@effect-clerk/core/User"
 * import { Effect, Option } from "effect"
 *
 * const walletOf = (userId: string) =>
 *   Effect.map(Effect.flatMap(Users, (users) => users.get(userId)), (user) =>
 *     Option.map(primaryWeb3Wallet(user), (wallet) => wallet.web3Wallet))
 * ```
 */
export const primaryWeb3Wallet = (
  user: Pick<User, "web3Wallets" | "primaryWeb3WalletId">
): Option.Option<Web3Wallet> => primaryOf(user.web3Wallets, user.primaryWeb3WalletId)
