/**
 * Organization invitations addressed to a user.
 *
 * Field names are camelCase in TypeScript and snake_case on the wire; the schemas rename them and validate.
 *
 * @example
 * ```ts
 * import { OrganizationInvitation } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire, camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(OrganizationInvitation.OrganizationInvitation)
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject, OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

const OrganizationInvitationPublicOrganizationDataStruct = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  slug: Schema.String,
  imageUrl: wireOptional("image_url", Schema.String),
  hasImage: wire("has_image", Schema.Boolean)
}).annotations({ identifier: "OrganizationInvitationPublicOrganizationData" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationInvitationPublicOrganizationData
  extends Schema.Schema.Type<typeof OrganizationInvitationPublicOrganizationDataStruct>
{}

/**
 * The encoded side of {@link OrganizationInvitationPublicOrganizationData}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationInvitationPublicOrganizationDataEncoded
  extends Schema.Schema.Encoded<typeof OrganizationInvitationPublicOrganizationDataStruct>
{}

/**
 * The public data of the organization an invitation is for.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganizationInvitationPublicOrganizationData: Schema.Schema<
  OrganizationInvitationPublicOrganizationData,
  OrganizationInvitationPublicOrganizationDataEncoded
> = OrganizationInvitationPublicOrganizationDataStruct

const OrganizationInvitationPublicUserDataStruct = Schema.Struct({
  userId: wire("user_id", Schema.String),
  firstName: wire("first_name", Schema.NullOr(Schema.String)),
  lastName: wire("last_name", Schema.NullOr(Schema.String)),
  imageUrl: wire("image_url", Schema.String),
  hasImage: wire("has_image", Schema.Boolean),
  identifier: Schema.String
}).annotations({ identifier: "OrganizationInvitationPublicUserData" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationInvitationPublicUserData
  extends Schema.Schema.Type<typeof OrganizationInvitationPublicUserDataStruct>
{}

/**
 * The encoded side of {@link OrganizationInvitationPublicUserData}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface OrganizationInvitationPublicUserDataEncoded
  extends Schema.Schema.Encoded<typeof OrganizationInvitationPublicUserDataStruct>
{}

/**
 * The public data of the user who sent an invitation.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganizationInvitationPublicUserData: Schema.Schema<
  OrganizationInvitationPublicUserData,
  OrganizationInvitationPublicUserDataEncoded
> = OrganizationInvitationPublicUserDataStruct

/**
 * The status of an organization invitation.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { OrganizationInvitationStatus } from "@effect-clerk/core/OrganizationInvitation"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(OrganizationInvitationStatus)
 * ```
 */
export const OrganizationInvitationStatus = OpenEnum("pending", "accepted", "revoked", "expired")

const OrganizationInvitationStruct = Schema.Struct({
  object: OpenEnum("organization_invitation"),
  id: Schema.String,
  emailAddress: wire("email_address", Schema.String),
  role: Schema.String,
  roleName: wire("role_name", Schema.String),
  organizationId: wireOptional("organization_id", Schema.String),
  inviterId: wire("inviter_id", Schema.NullOr(Schema.String)),
  publicInviterData: wire("public_inviter_data", Schema.NullOr(OrganizationInvitationPublicUserData)),
  status: optional(OrganizationInvitationStatus),
  publicMetadata: wire("public_metadata", JsonObject),
  privateMetadata: wireOptional("private_metadata", JsonObject),
  url: Schema.NullOr(Schema.String),
  expiresAt: wire("expires_at", Schema.NullOr(Schema.Number)),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number),
  publicOrganizationData: wireOptional("public_organization_data", OrganizationInvitationPublicOrganizationData)
}).annotations({ identifier: "OrganizationInvitation" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationInvitation extends Schema.Schema.Type<typeof OrganizationInvitationStruct> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface OrganizationInvitationEncoded extends Schema.Schema.Encoded<typeof OrganizationInvitationStruct> {}

/**
 * An organization invitation with the public data of its organization.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const pending = Effect.flatMap(Users, (users) =>
 *   users.getOrganizationInvitations("user_123", { status: "pending" })
 * ).pipe(Effect.map(({ data }) => data.map((invitation) => invitation.publicOrganizationData?.name)))
 * ```
 */
export const OrganizationInvitation: Schema.Schema<OrganizationInvitation, OrganizationInvitationEncoded> =
  OrganizationInvitationStruct
