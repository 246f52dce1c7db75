/**
 * What the in-memory Clerk can be seeded with, as Schemas: users (everything `create` accepts, plus what only
 * Clerk sets: ids, timestamps, external accounts, passkeys), organizations, memberships, invitations and OAuth
 * tokens. The JSON form is camelCase, as in TypeScript. Seeds from outside the process (a `--seed` file, the
 * emulator's admin API) are decoded with these schemas, so a typo or a wrong type is reported, never seeded.
 *
 * @since 0.2.0
 */
import { CreateUserParams, Metadata } from "@effect-clerk/core/UsersParams"
import * as Schema from "effect/Schema"

const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

const Timestamp = Schema.Number.pipe(
  Schema.filter((n) => Number.isSafeInteger(n) || `expected an integer (epoch milliseconds), got ${n}`)
)

/**
 * An external (OAuth) account to attach to a seeded user.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const account: Seeds.ExternalAccountSeed = { provider: "oauth_github", providerUserId: "gh-1" }
 * ```
 */
export const ExternalAccountSeed = Schema.Struct({
  id: optional(Schema.String),
  provider: Schema.String,
  providerUserId: Schema.String,
  emailAddress: optional(Schema.String),
  firstName: optional(Schema.String),
  lastName: optional(Schema.String),
  approvedScopes: optional(Schema.String),
  username: optional(Schema.NullOr(Schema.String))
}).annotations({ identifier: "ExternalAccountSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface ExternalAccountSeed extends Schema.Schema.Type<typeof ExternalAccountSeed> {}

/**
 * A passkey to attach to a seeded user.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const passkey: Seeds.PasskeySeed = { name: "phone", lastUsedAt: 1_700_000_000_000 }
 * ```
 */
export const PasskeySeed = Schema.Struct({
  id: optional(Schema.String),
  name: Schema.String,
  lastUsedAt: optional(Timestamp)
}).annotations({ identifier: "PasskeySeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface PasskeySeed extends Schema.Schema.Type<typeof PasskeySeed> {}

/**
 * A user to seed: everything `create` accepts (camelCase), plus fields only Clerk itself sets (`id`,
 * timestamps, external accounts, passkeys, phone numbers reserved for second factor). Password checks are skipped unless `skipPasswordChecks: false`.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 * import { Schema } from "effect"
 *
 * // a seed file's entry, checked: unknown keys (a typo) and wrong types are refused
 * const seed = Schema.decodeUnknownSync(Seeds.UserSeed, { onExcessProperty: "error" })({
 *   emailAddress: ["ada@example.com"],
 *   createdAt: 1_700_000_000_000
 * })
 * ```
 */
export const UserSeed = Schema.extend(
  Schema.typeSchema(CreateUserParams).pipe(Schema.omit("createdAt")),
  Schema.Struct({
    id: optional(Schema.String),
    createdAt: optional(Timestamp),
    updatedAt: optional(Timestamp),
    lastActiveAt: optional(Schema.NullOr(Timestamp)),
    lastSignInAt: optional(Schema.NullOr(Timestamp)),
    imageUrl: optional(Schema.String),
    externalAccounts: optional(Schema.Array(ExternalAccountSeed)),
    passkeys: optional(Schema.Array(PasskeySeed)),
    /**
     * Which of `phoneNumber` are reserved for second factor (SMS codes; the first is the default second
     * factor). Clerk sets this only through a user's own sign-in flows, never through the Backend API.
     */
    secondFactorPhoneNumbers: optional(Schema.Array(Schema.String))
  })
).annotations({ identifier: "UserSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface UserSeed extends Schema.Schema.Type<typeof UserSeed> {}

/**
 * An organization to seed.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const acme: Seeds.OrganizationSeed = { name: "Acme", maxAllowedMemberships: 5 }
 * ```
 */
export const OrganizationSeed = Schema.Struct({
  id: optional(Schema.String),
  name: Schema.String,
  slug: optional(Schema.String),
  publicMetadata: optional(Metadata),
  privateMetadata: optional(Metadata),
  maxAllowedMemberships: optional(Schema.Number),
  createdAt: optional(Timestamp)
}).annotations({ identifier: "OrganizationSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface OrganizationSeed extends Schema.Schema.Type<typeof OrganizationSeed> {}

/**
 * A membership to seed (the user and the organization must exist).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const admin: Seeds.MembershipSeed = { userId: "user_1", organizationId: "org_1", role: "org:admin" }
 * ```
 */
export const MembershipSeed = Schema.Struct({
  id: optional(Schema.String),
  userId: Schema.String,
  organizationId: Schema.String,
  role: optional(Schema.String),
  roleName: optional(Schema.String),
  permissions: optional(Schema.Array(Schema.String)),
  publicMetadata: optional(Metadata),
  privateMetadata: optional(Metadata),
  createdAt: optional(Timestamp)
}).annotations({ identifier: "MembershipSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface MembershipSeed extends Schema.Schema.Type<typeof MembershipSeed> {}

/**
 * An organization invitation to seed; it is listed for the users holding its email address.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const invitation: Seeds.InvitationSeed = { organizationId: "org_1", emailAddress: "bob@example.com" }
 * ```
 */
export const InvitationSeed = Schema.Struct({
  id: optional(Schema.String),
  organizationId: Schema.String,
  emailAddress: Schema.String,
  role: optional(Schema.String),
  roleName: optional(Schema.String),
  status: optional(Schema.Literal("pending", "accepted", "revoked", "expired")),
  inviterId: optional(Schema.NullOr(Schema.String)),
  publicMetadata: optional(Metadata),
  privateMetadata: optional(Metadata),
  url: optional(Schema.NullOr(Schema.String)),
  expiresAt: optional(Schema.NullOr(Timestamp)),
  createdAt: optional(Timestamp)
}).annotations({ identifier: "InvitationSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface InvitationSeed extends Schema.Schema.Type<typeof InvitationSeed> {}

/**
 * An OAuth access token to seed (an external account of that provider is created when the user has none).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const token: Seeds.OAuthTokenSeed = { userId: "user_1", provider: "oauth_google", token: "ya29.token" }
 * ```
 */
export const OAuthTokenSeed = Schema.Struct({
  userId: Schema.String,
  provider: Schema.String,
  token: Schema.String,
  externalAccountId: optional(Schema.String),
  providerUserId: optional(Schema.String),
  expiresAt: optional(Schema.NullOr(Timestamp)),
  scopes: optional(Schema.Array(Schema.String)),
  label: optional(Schema.NullOr(Schema.String)),
  idToken: optional(Schema.String),
  tokenSecret: optional(Schema.String),
  publicMetadata: optional(Metadata)
}).annotations({ identifier: "OAuthTokenSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface OAuthTokenSeed extends Schema.Schema.Type<typeof OAuthTokenSeed> {}

/**
 * A trusted device to enroll for a user.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const phone: Seeds.TrustedDeviceSeed = { platform: "ios", appIdentifier: "com.example.app", name: "Ada's iPhone" }
 * ```
 */
export const TrustedDeviceSeed = Schema.Struct({
  id: optional(Schema.String),
  platform: Schema.Literal("ios", "android"),
  appIdentifier: Schema.String,
  name: optional(Schema.NullOr(Schema.String)),
  status: optional(Schema.Literal("active", "revoked")),
  createdAt: optional(Timestamp),
  lastUsedAt: optional(Schema.NullOr(Timestamp))
}).annotations({ identifier: "TrustedDeviceSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface TrustedDeviceSeed extends Schema.Schema.Type<typeof TrustedDeviceSeed> {}

/**
 * Credits to grant a user (a ledger entry of source type `seed`).
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Seeds } from "@effect-clerk/testkit"
 *
 * const fiveDollars: Seeds.CreditSeed = { amount: 500, currency: "USD", note: "welcome" }
 * ```
 */
export const CreditSeed = Schema.Struct({
  amount: Schema.Number.pipe(
    Schema.filter((n) => (Number.isSafeInteger(n) && n > 0) || `expected an integer of at least 1 (cents), got ${n}`)
  ),
  currency: optional(Schema.String),
  note: optional(Schema.String)
}).annotations({ identifier: "CreditSeed" })

/**
 * @since 0.2.0
 * @category models
 */
export interface CreditSeed extends Schema.Schema.Type<typeof CreditSeed> {}
