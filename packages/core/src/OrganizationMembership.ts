/**
 * Organizations and a user's memberships in them.
 *
 * Field names are camelCase in TypeScript and snake_case on the wire; the schemas rename them and validate.
 *
 * @example
 * ```ts
 * import { OrganizationMembership } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire, camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(OrganizationMembership.OrganizationMembership)
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject, OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

const OrganizationStruct = Schema.Struct({
  object: OpenEnum("organization"),
  id: Schema.String,
  name: Schema.String,
  slug: Schema.String,
  imageUrl: wireOptional("image_url", Schema.String),
  hasImage: wire("has_image", Schema.Boolean),
  membersCount: wireOptional("members_count", Schema.Number),
  missingMemberWithElevatedPermissions: wireOptional("missing_member_with_elevated_permissions", Schema.Boolean),
  pendingInvitationsCount: wireOptional("pending_invitations_count", Schema.Number),
  maxAllowedMemberships: wire("max_allowed_memberships", Schema.Number),
  adminDeleteEnabled: wire("admin_delete_enabled", Schema.Boolean),
  publicMetadata: wire("public_metadata", JsonObject),
  privateMetadata: wireOptional("private_metadata", JsonObject),
  createdBy: wireOptional("created_by", Schema.String),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number),
  lastActiveAt: wireOptional("last_active_at", Schema.Number),
  roleSetKey: wireOptional("role_set_key", Schema.NullOr(Schema.String))
}).annotations({ identifier: "Organization" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Organization extends Schema.Schema.Type<typeof OrganizationStruct> {}

/**
 * The encoded side of {@link Organization}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationEncoded extends Schema.Schema.Encoded<typeof OrganizationStruct> {}

/**
 * An organization, as embedded in a membership.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Organization } from "@effect-clerk/core/OrganizationMembership"
 * import { Schema } from "effect"
 *
 * const organization = Schema.decodeUnknownSync(Organization)({
 *   object: "organization", id: "org_1", name: "Acme", slug: "acme", has_image: false,
 *   max_allowed_memberships: 5, admin_delete_enabled: true, public_metadata: {},
 *   created_at: 1700000000000, updated_at: 1700000000000
 * })
 * console.log(organization.maxAllowedMemberships)
 * ```
 */
export const Organization: Schema.Schema<Organization, OrganizationEncoded> = OrganizationStruct

const OrganizationMembershipPublicUserDataStruct = Schema.Struct({
  userId: wire("user_id", Schema.String),
  firstName: wire("first_name", Schema.NullOr(Schema.String)),
  lastName: wire("last_name", Schema.NullOr(Schema.String)),
  profileImageUrl: wire("profile_image_url", Schema.NullOr(Schema.String)),
  imageUrl: wire("image_url", Schema.String),
  hasImage: wire("has_image", Schema.Boolean),
  identifier: optional(Schema.NullOr(Schema.String)),
  username: optional(Schema.NullOr(Schema.String)),
  banned: optional(Schema.Boolean),
  deprovisioned: optional(Schema.Boolean)
}).annotations({ identifier: "OrganizationMembershipPublicUserData" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipPublicUserData
  extends Schema.Schema.Type<typeof OrganizationMembershipPublicUserDataStruct>
{}

/**
 * The encoded side of {@link OrganizationMembershipPublicUserData}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationMembershipPublicUserDataEncoded
  extends Schema.Schema.Encoded<typeof OrganizationMembershipPublicUserDataStruct>
{}

/**
 * The public data of the user a membership belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganizationMembershipPublicUserData: Schema.Schema<
  OrganizationMembershipPublicUserData,
  OrganizationMembershipPublicUserDataEncoded
> = OrganizationMembershipPublicUserDataStruct

const OrganizationMembershipStruct = Schema.Struct({
  id: Schema.String,
  object: OpenEnum("organization_membership"),
  role: Schema.String,
  roleName: wireOptional("role_name", Schema.String),
  permissions: Schema.Array(Schema.String),
  publicMetadata: wire("public_metadata", JsonObject),
  privateMetadata: wireOptional("private_metadata", JsonObject),
  organization: Organization,
  publicUserData: wireOptional("public_user_data", OrganizationMembershipPublicUserData),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number)
}).annotations({ identifier: "OrganizationMembership" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembership extends Schema.Schema.Type<typeof OrganizationMembershipStruct> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationMembershipEncoded extends Schema.Schema.Encoded<typeof OrganizationMembershipStruct> {}

/**
 * A user's membership in an organization.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganizationMembership: Schema.Schema<OrganizationMembership, OrganizationMembershipEncoded> =
  OrganizationMembershipStruct
