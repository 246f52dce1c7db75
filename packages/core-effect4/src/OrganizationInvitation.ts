/**
 * The organization invitations addressed to a user, as an Effect 4 Schema typed with the kernel's model: camelCase in
 * TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { OrganizationInvitation } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(OrganizationInvitation.OrganizationInvitation)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableNumber, NullableString } from "./internal/modelSchema.js"

/**
 * The public data of the organization an invitation is for, camelCase (the kernel's
 * `Model.OrganizationInvitationPublicOrganizationData`).
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationPublicOrganizationData
  extends Model.OrganizationInvitationPublicOrganizationData
{}

/**
 * The wire form of {@link OrganizationInvitationPublicOrganizationData}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationPublicOrganizationDataEncoded
  extends Model.Wire<Model.OrganizationInvitationPublicOrganizationData>
{}

/**
 * The public data of the organization an invitation is for: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationInvitationPublicOrganizationData: Schema.Codec<
  OrganizationInvitationPublicOrganizationData,
  OrganizationInvitationPublicOrganizationDataEncoded
> = exact<
  Model.OrganizationInvitationPublicOrganizationData,
  Model.Wire<Model.OrganizationInvitationPublicOrganizationData>
>()(
  Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    slug: Schema.String,
    imageUrl: Schema.optionalKey(Schema.String),
    hasImage: Schema.Boolean
  }).pipe(
    Schema.encodeKeys({
      imageUrl: "image_url",
      hasImage: "has_image"
    }),
    Schema.annotate({ identifier: "OrganizationInvitationPublicOrganizationData" })
  )
)

/**
 * The public data of the user who sent an invitation, camelCase (the kernel's
 * `Model.OrganizationInvitationPublicUserData`).
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationPublicUserData extends Model.OrganizationInvitationPublicUserData {}

/**
 * The wire form of {@link OrganizationInvitationPublicUserData}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationPublicUserDataEncoded
  extends Model.Wire<Model.OrganizationInvitationPublicUserData>
{}

/**
 * The public data of the user who sent an invitation: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationInvitationPublicUserData: Schema.Codec<
  OrganizationInvitationPublicUserData,
  OrganizationInvitationPublicUserDataEncoded
> = exact<
  Model.OrganizationInvitationPublicUserData,
  Model.Wire<Model.OrganizationInvitationPublicUserData>
>()(
  Schema.Struct({
    userId: Schema.String,
    firstName: NullableString,
    lastName: NullableString,
    imageUrl: Schema.String,
    hasImage: Schema.Boolean,
    identifier: Schema.String
  }).pipe(
    Schema.encodeKeys({
      userId: "user_id",
      firstName: "first_name",
      lastName: "last_name",
      imageUrl: "image_url",
      hasImage: "has_image"
    }),
    Schema.annotate({ identifier: "OrganizationInvitationPublicUserData" })
  )
)

/**
 * The status of an organization invitation: an open string (`pending`, `accepted`, `revoked`, `expired`; Clerk may
 * add values).
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationInvitationStatus: Schema.String = Schema.String

/**
 * An organization invitation with the public data of its organization, camelCase (the kernel's
 * `Model.OrganizationInvitation`).
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitation extends Model.OrganizationInvitation {}

/**
 * The wire form of {@link OrganizationInvitation}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OrganizationInvitationEncoded extends Model.OrganizationInvitationEncoded {}

/**
 * An organization invitation with the public data of its organization: decodes Clerk's snake_case JSON, encodes it
 * back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OrganizationInvitation: Schema.Codec<OrganizationInvitation, OrganizationInvitationEncoded> = exact<
  Model.OrganizationInvitation,
  Model.OrganizationInvitationEncoded
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    emailAddress: Schema.String,
    role: Schema.String,
    roleName: Schema.String,
    organizationId: Schema.optionalKey(Schema.String),
    inviterId: NullableString,
    publicInviterData: Schema.NullOr(OrganizationInvitationPublicUserData),
    status: Schema.optionalKey(OrganizationInvitationStatus),
    publicMetadata: Schema.JsonObject,
    privateMetadata: Schema.optionalKey(Schema.JsonObject),
    url: NullableString,
    expiresAt: NullableNumber,
    createdAt: Schema.Number,
    updatedAt: Schema.Number,
    publicOrganizationData: Schema.optionalKey(OrganizationInvitationPublicOrganizationData)
  }).pipe(
    Schema.encodeKeys({
      emailAddress: "email_address",
      roleName: "role_name",
      organizationId: "organization_id",
      inviterId: "inviter_id",
      publicInviterData: "public_inviter_data",
      publicMetadata: "public_metadata",
      privateMetadata: "private_metadata",
      expiresAt: "expires_at",
      createdAt: "created_at",
      updatedAt: "updated_at",
      publicOrganizationData: "public_organization_data"
    }),
    Schema.annotate({ identifier: "OrganizationInvitation" })
  )
)
