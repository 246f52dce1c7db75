/**
 * Organizations, a user's memberships in them and the invitations addressed to a user.
 *
 * @internal
 */
import type { JsonObject } from "./common.js"

/**
 * An organization, as embedded in a membership.
 *
 * @since 0.2.0
 * @category models
 */
export interface Organization {
  readonly object: string
  readonly id: string
  readonly name: string
  readonly slug: string
  readonly imageUrl?: string
  readonly hasImage: boolean
  readonly membersCount?: number
  readonly missingMemberWithElevatedPermissions?: boolean
  readonly pendingInvitationsCount?: number
  readonly maxAllowedMemberships: number
  readonly adminDeleteEnabled: boolean
  readonly publicMetadata: JsonObject
  readonly privateMetadata?: JsonObject
  readonly createdBy?: string
  readonly createdAt: number
  readonly updatedAt: number
  readonly lastActiveAt?: number
  readonly roleSetKey?: string | null
}

/**
 * The public data of the user a membership belongs to.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationMembershipPublicUserData {
  readonly userId: string
  readonly firstName: string | null
  readonly lastName: string | null
  readonly profileImageUrl: string | null
  readonly imageUrl: string
  readonly hasImage: boolean
  readonly identifier?: string | null
  readonly username?: string | null
  readonly banned?: boolean
  readonly deprovisioned?: boolean
}

/**
 * A user's membership in an organization.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationMembership {
  readonly id: string
  readonly object: string
  readonly role: string
  readonly roleName?: string
  readonly permissions: ReadonlyArray<string>
  readonly publicMetadata: JsonObject
  readonly privateMetadata?: JsonObject
  readonly organization: Organization
  readonly publicUserData?: OrganizationMembershipPublicUserData
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * The public data of the organization an invitation is for.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationInvitationPublicOrganizationData {
  readonly id: string
  readonly name: string
  readonly slug: string
  readonly imageUrl?: string
  readonly hasImage: boolean
}

/**
 * The public data of the user who sent an invitation.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationInvitationPublicUserData {
  readonly userId: string
  readonly firstName: string | null
  readonly lastName: string | null
  readonly imageUrl: string
  readonly hasImage: boolean
  readonly identifier: string
}

/**
 * The status of an organization invitation. Open: Clerk may add values; known ones are `pending`, `accepted`,
 * `revoked`, `expired`.
 *
 * @since 0.2.0
 * @category models
 */
export type OrganizationInvitationStatus = string

/**
 * An organization invitation with the public data of its organization.
 *
 * @since 0.2.0
 * @category models
 */
export interface OrganizationInvitation {
  readonly object: string
  readonly id: string
  readonly emailAddress: string
  readonly role: string
  readonly roleName: string
  readonly organizationId?: string
  readonly inviterId: string | null
  readonly publicInviterData: OrganizationInvitationPublicUserData | null
  readonly status?: OrganizationInvitationStatus
  readonly publicMetadata: JsonObject
  readonly privateMetadata?: JsonObject
  readonly url: string | null
  readonly expiresAt: number | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly publicOrganizationData?: OrganizationInvitationPublicOrganizationData
}
