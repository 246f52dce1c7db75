/**
 * The state of an in-memory Clerk instance: users and everything attached to them, as one explicit value.
 *
 * Every write goes through the mutators of this module, which keep the identifier indexes in step and bump the
 * state's `version` (caches derived from the users, such as sorted orders, compare it to know they are stale).
 * The other store modules read the state freely and write it only through these functions.
 *
 * @internal
 */
import type { IdGenerator } from "../../Ids.js"
import type {
  BillingCreditLedgerEntry,
  BillingSubscription,
  JsonObject,
  OAuthAccessToken,
  Organization,
  OrganizationInvitation,
  TrustedDevice,
  User
} from "../../Model.js"
import type { PasswordRecord } from "../../Passwords.js"

/**
 * A user and its private fields. The record is one object for the user's whole life (the creation-order list
 * and the sorted caches hold it); only `updateUser` writes its fields.
 *
 * @internal
 */
export interface UserRecord {
  user: User
  readonly seq: number
  password: PasswordRecord | undefined
  totpSecret: string | undefined
  backupCodes: ReadonlyArray<string>
  /** `undefined`: not locked; `null`: locked until unlocked; a number: locked until then (epoch ms). */
  lockedUntil: number | null | undefined
}

/** The private fields of a user record, which a mutation may change beside the user object. @internal */
export type Credentials = Partial<Pick<UserRecord, "password" | "totpSecret" | "backupCodes" | "lockedUntil">>

/** @internal */
export interface MembershipRecord {
  readonly id: string
  readonly seq: number
  readonly userId: string
  readonly organizationId: string
  readonly role: string
  readonly roleName: string
  readonly permissions: ReadonlyArray<string>
  readonly publicMetadata: JsonObject
  readonly privateMetadata: JsonObject
  readonly createdAt: number
  readonly updatedAt: number
}

/** @internal */
export interface TokenRecord {
  readonly userId: string
  readonly token: OAuthAccessToken
}

/** A user's credits: the payer, the currency, the ledger and its entries by idempotency key. @internal */
export interface CreditAccount {
  readonly payerId: string
  readonly currency: string
  readonly entries: ReadonlyArray<BillingCreditLedgerEntry>
  readonly byKey: ReadonlyMap<string, BillingCreditLedgerEntry>
}

/** @internal */
export interface StoreOptions {
  /** How long `lock` locks a user, in milliseconds; `null` until unlocked. Default 1 hour. */
  readonly lockoutMillis?: number | null
  /** Clerk's metadata size limit per field. Default 8 KB. */
  readonly metadataLimitBytes?: number
  /** The issuer shown in TOTP URIs. Default "Clerk". */
  readonly totpIssuer?: string
}

/**
 * Caches derived from the users (never data): each sorted order with the version it was sorted at, the version
 * at which a shallow page in an order was last selected, and lower-cased names per user object.
 *
 * @internal
 */
export interface QueryCaches {
  readonly sorted: Map<string, { readonly version: number; readonly records: ReadonlyArray<UserRecord> }>
  readonly shallowSeen: Map<string, number>
  readonly names: WeakMap<User, { readonly first: string; readonly last: string; readonly full: string }>
}

/** @internal */
export interface State {
  readonly ids: IdGenerator
  /** The random source of secrets (TOTP). */
  readonly randomBytes: (size: number) => Uint8Array
  readonly lockoutMillis: number | null
  readonly metadataLimit: number
  readonly totpIssuer: string
  /** Bumped by every write. */
  version: number
  seq: number
  readonly users: Map<string, UserRecord>
  /** Users in creation order (for stable iteration); deleted users are dropped lazily. */
  ordered: Array<UserRecord>
  deletedSinceCompaction: number
  readonly byEmail: Map<string, string>
  readonly byPhone: Map<string, string>
  readonly byUsername: Map<string, string>
  readonly byExternalId: Map<string, string>
  readonly byWeb3: Map<string, string>
  readonly organizations: Map<string, Organization>
  readonly memberships: Map<string, MembershipRecord>
  readonly membershipsByUser: Map<string, Set<string>>
  readonly invitations: Map<string, OrganizationInvitation>
  tokens: ReadonlyArray<TokenRecord>
  readonly subscriptions: Map<string, BillingSubscription>
  readonly credits: Map<string, CreditAccount>
  readonly trustedDevices: Map<string, ReadonlyArray<TrustedDevice>>
  readonly caches: QueryCaches
}

/** @internal */
export const DEFAULT_LOCKOUT_MILLIS = 3_600_000

/** @internal */
export const make = (
  ids: IdGenerator,
  randomBytes: (size: number) => Uint8Array,
  options: StoreOptions = {}
): State => ({
  ids,
  randomBytes,
  lockoutMillis: options.lockoutMillis === undefined ? DEFAULT_LOCKOUT_MILLIS : options.lockoutMillis,
  metadataLimit: options.metadataLimitBytes ?? 8 * 1024,
  totpIssuer: options.totpIssuer ?? "Clerk",
  version: 0,
  seq: 0,
  users: new Map(),
  ordered: [],
  deletedSinceCompaction: 0,
  byEmail: new Map(),
  byPhone: new Map(),
  byUsername: new Map(),
  byExternalId: new Map(),
  byWeb3: new Map(),
  organizations: new Map(),
  memberships: new Map(),
  membershipsByUser: new Map(),
  invitations: new Map(),
  tokens: [],
  subscriptions: new Map(),
  credits: new Map(),
  trustedDevices: new Map(),
  caches: { sorted: new Map(), shallowSeen: new Map(), names: new WeakMap() }
})

/** The next sequence number (creation order of users and memberships). @internal */
export const nextSeq = (state: State): number => ++state.seq

// -----------------------------------------------------------------------------
// reads
// -----------------------------------------------------------------------------

/** The users in creation order. @internal */
export const liveRecords = (state: State): ReadonlyArray<UserRecord> => {
  if (state.deletedSinceCompaction > 0) {
    state.ordered = state.ordered.filter((record) => state.users.get(record.user.id) === record)
    state.deletedSinceCompaction = 0
  }
  return state.ordered
}

const lower = (s: string) => s.toLowerCase()

/** The id of the user holding an identifier, if any. @internal */
export const owners = (state: State) => ({
  email: (address: string) => state.byEmail.get(lower(address)),
  phone: (phone: string) => state.byPhone.get(phone),
  web3: (wallet: string) => state.byWeb3.get(lower(wallet)),
  username: (username: string) => state.byUsername.get(lower(username)),
  externalId: (externalId: string) => state.byExternalId.get(externalId)
})

// -----------------------------------------------------------------------------
// mutators: the only writers
// -----------------------------------------------------------------------------

/** An unverified identifier (not reserved either) claims nothing: another user may hold it too. */
const claims = (
  identifier: { readonly reserved: boolean; readonly verification: { readonly status: string } | null }
) => identifier.reserved || identifier.verification?.status !== "unverified"

const release = (index: Map<string, string>, key: string, userId: string) => {
  if (index.get(key) === userId) index.delete(key)
}

const unindex = (state: State, user: User) => {
  for (const email of user.emailAddresses) release(state.byEmail, lower(email.emailAddress), user.id)
  for (const phone of user.phoneNumbers) release(state.byPhone, phone.phoneNumber, user.id)
  for (const wallet of user.web3Wallets) release(state.byWeb3, lower(wallet.web3Wallet), user.id)
  if (user.username !== null) release(state.byUsername, lower(user.username), user.id)
  if (user.externalId !== null) release(state.byExternalId, user.externalId, user.id)
}

const index = (state: State, user: User) => {
  for (const email of user.emailAddresses) if (claims(email)) state.byEmail.set(lower(email.emailAddress), user.id)
  for (const phone of user.phoneNumbers) if (claims(phone)) state.byPhone.set(phone.phoneNumber, user.id)
  for (const wallet of user.web3Wallets) state.byWeb3.set(lower(wallet.web3Wallet), user.id)
  if (user.username !== null) state.byUsername.set(lower(user.username), user.id)
  if (user.externalId !== null) state.byExternalId.set(user.externalId, user.id)
}

/** Adds a new user. @internal */
export const insertUser = (state: State, record: UserRecord): UserRecord => {
  state.users.set(record.user.id, record)
  state.ordered.push(record)
  index(state, record.user)
  state.version++
  return record
}

/** Replaces a user (and optionally its private fields), re-indexing its identifiers. @internal */
export const updateUser = (state: State, record: UserRecord, user: User, credentials: Credentials = {}): UserRecord => {
  unindex(state, record.user)
  record.user = user
  if ("password" in credentials) record.password = credentials.password
  if ("totpSecret" in credentials) record.totpSecret = credentials.totpSecret
  if (credentials.backupCodes !== undefined) record.backupCodes = credentials.backupCodes
  if ("lockedUntil" in credentials) record.lockedUntil = credentials.lockedUntil
  index(state, user)
  state.version++
  return record
}

/** Removes a user and everything attached to it. @internal */
export const deleteUser = (state: State, record: UserRecord): void => {
  const userId = record.user.id
  unindex(state, record.user)
  state.users.delete(userId)
  state.deletedSinceCompaction++
  for (const membershipId of state.membershipsByUser.get(userId) ?? []) {
    const membership = state.memberships.get(membershipId)
    const organization = membership === undefined ? undefined : state.organizations.get(membership.organizationId)
    if (organization !== undefined) {
      state.organizations.set(organization.id, {
        ...organization,
        membersCount: Math.max(0, (organization.membersCount ?? 1) - 1)
      })
    }
    state.memberships.delete(membershipId)
  }
  state.membershipsByUser.delete(userId)
  state.tokens = state.tokens.filter((t) => t.userId !== userId)
  state.subscriptions.delete(userId)
  state.credits.delete(userId)
  state.trustedDevices.delete(userId)
  state.version++
}

/** Adds or replaces an organization. @internal */
export const putOrganization = (state: State, organization: Organization): Organization => {
  state.organizations.set(organization.id, organization)
  state.version++
  return organization
}

/** Adds a membership. @internal */
export const insertMembership = (state: State, record: MembershipRecord): MembershipRecord => {
  state.memberships.set(record.id, record)
  const set = state.membershipsByUser.get(record.userId) ?? new Set<string>()
  set.add(record.id)
  state.membershipsByUser.set(record.userId, set)
  state.version++
  return record
}

/** Adds or replaces an invitation. @internal */
export const putInvitation = (state: State, invitation: OrganizationInvitation): OrganizationInvitation => {
  state.invitations.set(invitation.id, invitation)
  state.version++
  return invitation
}

/** Replaces the OAuth tokens. @internal */
export const setTokens = (state: State, tokens: ReadonlyArray<TokenRecord>): void => {
  state.tokens = tokens
  state.version++
}

/** Sets a user's billing subscription. @internal */
export const putSubscription = (state: State, userId: string, subscription: BillingSubscription): void => {
  state.subscriptions.set(userId, subscription)
  state.version++
}

/** Sets a user's credit account. @internal */
export const putCredits = (state: State, userId: string, account: CreditAccount): void => {
  state.credits.set(userId, account)
  state.version++
}

/** Sets a user's trusted devices. @internal */
export const putTrustedDevices = (state: State, userId: string, devices: ReadonlyArray<TrustedDevice>): void => {
  state.trustedDevices.set(userId, devices)
  state.version++
}

/** Empties the state. @internal */
export const reset = (state: State): void => {
  state.users.clear()
  state.ordered = []
  state.deletedSinceCompaction = 0
  for (const map of [state.byEmail, state.byPhone, state.byUsername, state.byExternalId, state.byWeb3]) map.clear()
  state.organizations.clear()
  state.memberships.clear()
  state.membershipsByUser.clear()
  state.invitations.clear()
  state.tokens = []
  state.subscriptions.clear()
  state.credits.clear()
  state.trustedDevices.clear()
  state.version++
}
