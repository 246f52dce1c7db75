/**
 * Organizations, memberships and invitations: seeded, and listed per user and for the instance.
 *
 * @internal
 */
import type { OrganizationInvitation } from "@effect-clerk/core/OrganizationInvitation"
import type { Organization, OrganizationMembership } from "@effect-clerk/core/OrganizationMembership"
import type { Paginated } from "@effect-clerk/core/Responses"
import type {
  InstanceOrganizationMembershipsParams,
  OrganizationInvitationsParams,
  PaginationParams
} from "@effect-clerk/core/UsersParams"
import { valueInvalid } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import type { InvitationSeed, MembershipSeed, OrganizationSeed } from "../../Seeds.js"
import { compareKeys, page, parseOrder, type SortKey } from "./queries.js"
import type { Result } from "./records.js"
import { DEFAULT_IMAGE, find, lower, primaryOf } from "./records.js"
import type { MembershipRecord, State } from "./state.js"
import { insertMembership, nextSeq, putInvitation, putOrganization } from "./state.js"

/** A membership as Clerk shows it (with its organization and the member's public data). @internal */
export const membershipView = (state: State, record: MembershipRecord): OrganizationMembership | undefined => {
  const organization = state.organizations.get(record.organizationId)
  const user = state.users.get(record.userId)?.user
  if (organization === undefined || user === undefined) return undefined
  const primaryEmail = primaryOf(user.emailAddresses, user.primaryEmailAddressId)?.emailAddress
  return {
    id: record.id,
    object: "organization_membership",
    role: record.role,
    roleName: record.roleName,
    permissions: record.permissions,
    publicMetadata: record.publicMetadata,
    privateMetadata: record.privateMetadata,
    organization,
    publicUserData: {
      userId: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      profileImageUrl: user.profileImageUrl ?? DEFAULT_IMAGE,
      imageUrl: user.imageUrl ?? DEFAULT_IMAGE,
      hasImage: user.hasImage,
      identifier: primaryEmail ?? user.username ?? null,
      username: user.username,
      banned: user.banned
    },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt
  }
}

const views = (state: State, records: ReadonlyArray<MembershipRecord>): Array<OrganizationMembership> =>
  records.flatMap((record) => {
    const view = membershipView(state, record)
    return view === undefined ? [] : [view]
  })

/** A user's memberships, newest first (an unknown user has none). @internal */
export const userMemberships = (
  state: State,
  userId: string,
  params: PaginationParams | undefined
): Result<Paginated<OrganizationMembership>> => {
  const records = [...(state.membershipsByUser.get(userId) ?? [])]
    .map((id) => state.memberships.get(id))
    .filter((m): m is MembershipRecord => m !== undefined)
    .sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq)
  return Either.right(page(views(state, records), params))
}

/** The instance's memberships, ordered by a field of the membership or of its member. @internal */
export const instanceMemberships = (
  state: State,
  params: InstanceOrganizationMembershipsParams | undefined
): Result<Paginated<OrganizationMembership>> => {
  const userOf = (m: MembershipRecord) => state.users.get(m.userId)?.user
  const keys: Record<string, (m: MembershipRecord) => SortKey> = {
    created_at: (m) => m.createdAt,
    first_name: (m) => userOf(m)?.firstName ?? null,
    last_name: (m) => userOf(m)?.lastName ?? null,
    username: (m) => userOf(m)?.username ?? null,
    email_address: (m) => {
      const user = userOf(m)
      return user === undefined
        ? null
        : primaryOf(user.emailAddresses, user.primaryEmailAddressId)?.emailAddress ?? null
    },
    phone_number: (m) => {
      const user = userOf(m)
      return user === undefined ? null : primaryOf(user.phoneNumbers, user.primaryPhoneNumberId)?.phoneNumber ?? null
    }
  }
  const { descending, field } = parseOrder(params?.orderBy ?? "-created_at")
  const key = keys[field] ?? keys["created_at"]!
  const records = [...state.memberships.values()].sort((a, b) =>
    compareKeys(key(a), key(b), descending) || (descending ? b.seq - a.seq : a.seq - b.seq)
  )
  return Either.right(page(views(state, records), params))
}

/** The invitations sent to any of a user's email addresses, newest first. @internal */
export const userInvitations = (
  state: State,
  userId: string,
  params: OrganizationInvitationsParams | undefined
): Result<Paginated<OrganizationInvitation>> =>
  Either.map(find(state, userId), (record) => {
    const emails = new Set(record.user.emailAddresses.map((e) => e.emailAddress))
    const items = [...state.invitations.values()]
      .filter((i) => emails.has(lower(i.emailAddress)))
      .filter((i) => params?.status === undefined || i.status === params.status)
      .sort((a, b) => b.createdAt - a.createdAt)
    return page(items, params)
  })

/** @internal */
export const seedOrganization = (state: State, seed: OrganizationSeed, now: number): Result<Organization> => {
  const id = seed.id ?? state.ids.next("org")
  if (state.organizations.has(id)) {
    return Either.left(valueInvalid("id", `${id} is already used by another organization.`))
  }
  const createdAt = seed.createdAt ?? now
  return Either.right(putOrganization(state, {
    object: "organization",
    id,
    name: seed.name,
    slug: seed.slug ?? seed.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    imageUrl: DEFAULT_IMAGE,
    hasImage: false,
    membersCount: 0,
    pendingInvitationsCount: 0,
    maxAllowedMemberships: seed.maxAllowedMemberships ?? 0,
    adminDeleteEnabled: true,
    publicMetadata: seed.publicMetadata ?? {},
    privateMetadata: seed.privateMetadata ?? {},
    createdAt,
    updatedAt: createdAt
  }))
}

const unknownOrganization = (id: string) => valueInvalid("organization_id", `${id} is not an organization.`)

/** @internal */
export const seedMembership = (state: State, seed: MembershipSeed, now: number): Result<OrganizationMembership> =>
  Either.gen(function*() {
    yield* find(state, seed.userId)
    const organization = state.organizations.get(seed.organizationId)
    if (organization === undefined) return yield* Either.left(unknownOrganization(seed.organizationId))
    const createdAt = seed.createdAt ?? now
    const role = seed.role ?? "org:member"
    const record = insertMembership(state, {
      id: seed.id ?? state.ids.next("orgmem"),
      seq: nextSeq(state),
      userId: seed.userId,
      organizationId: seed.organizationId,
      role,
      roleName: seed.roleName ?? (role === "org:admin" ? "Admin" : "Member"),
      permissions: seed.permissions ?? [],
      publicMetadata: seed.publicMetadata ?? {},
      privateMetadata: seed.privateMetadata ?? {},
      createdAt,
      updatedAt: createdAt
    })
    putOrganization(state, { ...organization, membersCount: (organization.membersCount ?? 0) + 1 })
    return membershipView(state, record)!
  })

/** @internal */
export const seedInvitation = (state: State, seed: InvitationSeed, now: number): Result<OrganizationInvitation> => {
  const organization = state.organizations.get(seed.organizationId)
  if (organization === undefined) return Either.left(unknownOrganization(seed.organizationId))
  const createdAt = seed.createdAt ?? now
  const role = seed.role ?? "org:member"
  return Either.right(putInvitation(state, {
    object: "organization_invitation",
    id: seed.id ?? state.ids.next("orginv"),
    emailAddress: lower(seed.emailAddress),
    role,
    roleName: seed.roleName ?? (role === "org:admin" ? "Admin" : "Member"),
    organizationId: organization.id,
    inviterId: seed.inviterId ?? null,
    publicInviterData: null,
    status: seed.status ?? "pending",
    publicMetadata: seed.publicMetadata ?? {},
    privateMetadata: seed.privateMetadata ?? {},
    url: seed.url ?? null,
    expiresAt: seed.expiresAt === undefined ? createdAt + 30 * 86_400_000 : seed.expiresAt,
    createdAt,
    updatedAt: createdAt,
    publicOrganizationData: {
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      imageUrl: organization.imageUrl ?? DEFAULT_IMAGE,
      hasImage: organization.hasImage
    }
  }))
}
