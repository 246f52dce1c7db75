/**
 * Organizations and a user's memberships in them, as Effect 4 Schemas typed with the kernel's model: camelCase
 * in TypeScript, snake_case on the wire (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { OrganizationMembership } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(OrganizationMembership.OrganizationMembership)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableString } from "./internal/modelSchema.js"

/**
 * An organization, camelCase (the kernel's `Model.Organization`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Organization extends Model.Organization {}

/**
 * The wire form of {@link Organization}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationEncoded extends Model.Wire<Model.Organization> {}

/**
 * An organization, as embedded in a membership.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Organization: Schema.Codec<Organization, OrganizationEncoded> = exact<
  Model.Organization,
  Model.Wire<Model.Organization>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    name: Schema.String,
    slug: Schema.String,
    imageUrl: Schema.optionalKey(Schema.String),
    hasImage: Schema.Boolean,
    membersCount: Schema.optionalKey(Schema.Number),
    missingMemberWithElevatedPermissions: Schema.optionalKey(Schema.Boolean),
    pendingInvitationsCount: Schema.optionalKey(Schema.Number),
    maxAllowedMemberships: Schema.Number,
    adminDeleteEnabled: Schema.Boolean,
    publicMetadata: Schema.JsonObject,
    privateMetadata: Schema.optionalKey(Schema.JsonObject),
    createdBy: Schema.optionalKey(Schema.String),
    createdAt: Schema.Number,
    updatedAt: Schema.Number,
    lastActiveAt: Schema.optionalKey(Schema.Number),
    roleSetKey: Schema.optionalKey(NullableString)
  }).pipe(
    Schema.encodeKeys({
      imageUrl: "image_url",
      hasImage: "has_image",
      membersCount: "members_count",
      missingMemberWithElevatedPermissions: "missing_member_with_elevated_permissions",
      pendingInvitationsCount: "pending_invitations_count",
      maxAllowedMemberships: "max_allowed_memberships",
      adminDeleteEnabled: "admin_delete_enabled",
      publicMetadata: "public_metadata",
      privateMetadata: "private_metadata",
      createdBy: "created_by",
      createdAt: "created_at",
      updatedAt: "updated_at",
      lastActiveAt: "last_active_at",
      roleSetKey: "role_set_key"
    }),
    Schema.annotate({ identifier: "Organization" })
  )
)

/**
 * The public data of the user a membership belongs to, camelCase.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationMembershipPublicUserData extends Model.OrganizationMembershipPublicUserData {}

/**
 * The wire form of {@link OrganizationMembershipPublicUserData}.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationMembershipPublicUserDataEncoded
  extends Model.Wire<Model.OrganizationMembershipPublicUserData>
{}

/**
 * The public data of the user a membership belongs to.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationMembershipPublicUserData: Schema.Codec<
  OrganizationMembershipPublicUserData,
  OrganizationMembershipPublicUserDataEncoded
> = exact<Model.OrganizationMembershipPublicUserData, Model.Wire<Model.OrganizationMembershipPublicUserData>>()(
  Schema.Struct({
    userId: Schema.String,
    firstName: NullableString,
    lastName: NullableString,
    profileImageUrl: NullableString,
    imageUrl: Schema.String,
    hasImage: Schema.Boolean,
    identifier: Schema.optionalKey(NullableString),
    username: Schema.optionalKey(NullableString),
    banned: Schema.optionalKey(Schema.Boolean),
    deprovisioned: Schema.optionalKey(Schema.Boolean)
  }).pipe(
    Schema.encodeKeys({
      userId: "user_id",
      firstName: "first_name",
      lastName: "last_name",
      profileImageUrl: "profile_image_url",
      imageUrl: "image_url",
      hasImage: "has_image"
    }),
    Schema.annotate({ identifier: "OrganizationMembershipPublicUserData" })
  )
)

/**
 * A user's membership in an organization, camelCase (the kernel's `Model.OrganizationMembership`).
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationMembership extends Model.OrganizationMembership {}

/**
 * The wire form of {@link OrganizationMembership}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationMembershipEncoded extends Model.OrganizationMembershipEncoded {}

/**
 * A user's membership in an organization.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationMembership: Schema.Codec<OrganizationMembership, OrganizationMembershipEncoded> = exact<
  Model.OrganizationMembership,
  Model.OrganizationMembershipEncoded
>()(
  Schema.Struct({
    id: Schema.String,
    object: Schema.String,
    role: Schema.String,
    roleName: Schema.optionalKey(Schema.String),
    permissions: Schema.Array(Schema.String),
    publicMetadata: Schema.JsonObject,
    privateMetadata: Schema.optionalKey(Schema.JsonObject),
    organization: Organization,
    publicUserData: Schema.optionalKey(OrganizationMembershipPublicUserData),
    createdAt: Schema.Number,
    updatedAt: Schema.Number
  }).pipe(
    Schema.encodeKeys({
      roleName: "role_name",
      publicMetadata: "public_metadata",
      privateMetadata: "private_metadata",
      publicUserData: "public_user_data",
      createdAt: "created_at",
      updatedAt: "updated_at"
    }),
    Schema.annotate({ identifier: "OrganizationMembership" })
  )
)
