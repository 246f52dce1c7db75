/**
 * The in-memory Clerk instance: users and everything attached to them, with Clerk's semantics. Both the
 * in-memory `Users` layer and the emulator run on it.
 *
 * Every operation is a synchronous function of the current time: it validates everything first and only
 * then mutates, so a failure leaves the store unchanged, and (JavaScript being single-threaded) it runs to
 * completion without interleaving: concurrent callers always see consistent state.
 *
 * @internal
 */
import type {
  BillingSubscription,
  CountUsersParams,
  CreateUserParams,
  DeletedObject,
  EmailAddress,
  ExternalAccount,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessToken,
  OAuthAccessTokenParams,
  Organization,
  OrganizationInvitation,
  OrganizationInvitationsParams,
  OrganizationMembership,
  Paginated,
  PaginationParams,
  Passkey,
  PhoneNumber,
  SetPasswordCompromisedParams,
  Totp,
  UpdateMetadataParams,
  UpdateUserParams,
  User,
  UserIdResult,
  VerifyPasswordResult,
  VerifyTotpResult,
  Web3Wallet
} from "@effect-clerk/core"
import * as Either from "effect/Either"
import { deepMerge, jsonByteLength } from "../DeepMerge.js"
import type * as Fault from "../Fault.js"
import type * as F from "./failures.js"
import {
  exceedsSize,
  formatInvalid,
  identifierExists,
  incorrectPassword,
  noPasswordSet,
  notFound,
  passwordPwned,
  passwordTooShort,
  totpDisabled,
  totpIncorrect,
  totpInvalidLength,
  valueInvalid
} from "./failures.js"
import type { IdGenerator } from "./ids.js"
import type { PasswordRecord } from "./passwords.js"
import { hashPassword, verifyPassword } from "./passwords.js"
import { base32Decode, newSecret, verifyTotpCode } from "./totp.js"

type Result<A> = Either.Either<A, F.StoreFailure>
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

// -----------------------------------------------------------------------------
// seeds
// -----------------------------------------------------------------------------

/** @internal */
export interface ExternalAccountSeed {
  readonly id?: string
  readonly provider: string
  readonly providerUserId: string
  readonly emailAddress?: string
  readonly firstName?: string
  readonly lastName?: string
  readonly approvedScopes?: string
  readonly username?: string | null
}

/** @internal */
export interface UserSeed extends Omit<CreateUserParams, "createdAt"> {
  readonly id?: string
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly lastActiveAt?: number | null
  readonly lastSignInAt?: number | null
  readonly imageUrl?: string
  readonly externalAccounts?: ReadonlyArray<ExternalAccountSeed>
  readonly passkeys?: ReadonlyArray<{ readonly id?: string; readonly name: string; readonly lastUsedAt?: number }>
}

/** @internal */
export interface OrganizationSeed {
  readonly id?: string
  readonly name: string
  readonly slug?: string
  readonly publicMetadata?: { readonly [key: string]: unknown }
  readonly privateMetadata?: { readonly [key: string]: unknown }
  readonly maxAllowedMemberships?: number
  readonly createdAt?: number
}

/** @internal */
export interface MembershipSeed {
  readonly id?: string
  readonly userId: string
  readonly organizationId: string
  readonly role?: string
  readonly roleName?: string
  readonly permissions?: ReadonlyArray<string>
  readonly publicMetadata?: { readonly [key: string]: unknown }
  readonly privateMetadata?: { readonly [key: string]: unknown }
  readonly createdAt?: number
}

/** @internal */
export interface InvitationSeed {
  readonly id?: string
  readonly organizationId: string
  readonly emailAddress: string
  readonly role?: string
  readonly roleName?: string
  readonly status?: "pending" | "accepted" | "revoked" | "expired"
  readonly inviterId?: string | null
  readonly publicMetadata?: { readonly [key: string]: unknown }
  readonly privateMetadata?: { readonly [key: string]: unknown }
  readonly url?: string | null
  readonly expiresAt?: number | null
  readonly createdAt?: number
}

/** @internal */
export interface OAuthTokenSeed {
  readonly userId: string
  readonly provider: string
  readonly token: string
  readonly externalAccountId?: string
  readonly providerUserId?: string
  readonly expiresAt?: number | null
  readonly scopes?: ReadonlyArray<string>
  readonly label?: string | null
  readonly idToken?: string
  readonly tokenSecret?: string
  readonly publicMetadata?: { readonly [key: string]: unknown }
}

// -----------------------------------------------------------------------------
// records
// -----------------------------------------------------------------------------

/** @internal */
export interface UserRecord {
  user: User
  readonly seq: number
  password: PasswordRecord | undefined
  totpSecret: string | undefined
  backupCodes: Array<string>
  /** `undefined`: not locked; `null`: locked until unlocked; a number: locked until then (epoch ms). */
  lockedUntil: number | null | undefined
}

interface MembershipRecord {
  readonly id: string
  readonly seq: number
  readonly userId: string
  readonly organizationId: string
  readonly role: string
  readonly roleName: string
  readonly permissions: ReadonlyArray<string>
  readonly publicMetadata: { readonly [key: string]: unknown }
  readonly privateMetadata: { readonly [key: string]: unknown }
  readonly createdAt: number
  readonly updatedAt: number
}

interface TokenRecord {
  readonly userId: string
  readonly token: OAuthAccessToken
}

/** A copy of everything the store holds, private fields included. @internal */
export interface StoreSnapshot {
  readonly users: ReadonlyArray<{
    readonly user: User
    readonly hasPassword: boolean
    readonly totpSecret: string | undefined
    readonly backupCodes: ReadonlyArray<string>
  }>
  readonly organizations: ReadonlyArray<Organization>
  readonly memberships: ReadonlyArray<OrganizationMembership>
  readonly invitations: ReadonlyArray<OrganizationInvitation>
  readonly oauthTokens: ReadonlyArray<OAuthAccessToken & { readonly userId: string }>
  readonly billingSubscriptions: ReadonlyArray<{ readonly userId: string; readonly subscription: BillingSubscription }>
}

/** @internal */
export interface StoreOptions {
  /** How long `lock` locks a user, in milliseconds; `null` until unlocked. Default 1 hour. */
  readonly lockoutMillis?: number | null
  /** Clerk's metadata size limit per field. Default 8 KB. */
  readonly metadataLimitBytes?: number
  /** The issuer shown in TOTP URIs. Default "Clerk". */
  readonly totpIssuer?: string
  /** The instance id of seeded billing data. */
  readonly instanceId?: string
}

// -----------------------------------------------------------------------------
// validation helpers
// -----------------------------------------------------------------------------

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+[1-9]\d{6,14}$/
const WEB3 = /^0x[0-9a-fA-F]{40}$/
const USERNAME = /^[a-z0-9_-]{4,64}$/
const PWNED: ReadonlySet<string> = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "iloveyou",
  "11111111",
  "abc12345"
])

const DEFAULT_IMAGE = "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9"
const METADATA_FIELDS = [
  ["publicMetadata", "public_metadata"],
  ["privateMetadata", "private_metadata"],
  ["unsafeMetadata", "unsafe_metadata"]
] as const

const rfc3339 = (param: string, value: string): Result<number> => {
  const millis = Date.parse(value)
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(millis)
    ? Either.right(millis)
    : Either.left(formatInvalid(param, "must be a valid RFC3339 date (e.g. 2012-10-20T07:15:20.902Z)"))
}

const lower = (s: string) => s.toLowerCase()

/** Splits a `+`/`-` prefixed list into its included and excluded values. */
const plusMinus = (values: ReadonlyArray<string> | undefined) => {
  if (values === undefined || values.length === 0) return undefined
  const include = new Set<string>()
  const exclude = new Set<string>()
  for (const value of values) {
    if (value.startsWith("-")) exclude.add(value.slice(1))
    else if (value.startsWith("+")) include.add(value.slice(1))
    else include.add(value)
  }
  return { include, exclude }
}

const matchesPlusMinus = (
  set: { readonly include: ReadonlySet<string>; readonly exclude: ReadonlySet<string> } | undefined,
  values: ReadonlyArray<string>
) => {
  if (set === undefined) return true
  if (set.include.size > 0 && !values.some((v) => set.include.has(v))) return false
  return !values.some((v) => set.exclude.has(v))
}

// -----------------------------------------------------------------------------
// ordering
// -----------------------------------------------------------------------------

type SortKey = string | number | null

const primaryOf = <A extends { readonly id?: string }>(items: ReadonlyArray<A>, primaryId: string | null) =>
  items.find((item) => item.id === primaryId) ?? items[0]

const userSortKeys: Record<string, (user: User) => SortKey> = {
  created_at: (u) => u.createdAt,
  updated_at: (u) => u.updatedAt,
  email_address: (u) => primaryOf(u.emailAddresses, u.primaryEmailAddressId)?.emailAddress ?? null,
  web3wallet: (u) => primaryOf(u.web3Wallets, u.primaryWeb3WalletId)?.web3Wallet ?? null,
  first_name: (u) => u.firstName,
  last_name: (u) => u.lastName,
  phone_number: (u) => primaryOf(u.phoneNumbers, u.primaryPhoneNumberId)?.phoneNumber ?? null,
  username: (u) => u.username,
  last_active_at: (u) => u.lastActiveAt,
  last_sign_in_at: (u) => u.lastSignInAt
}

/** Parses `[+|-]field`. */
const parseOrder = (orderBy: string) =>
  orderBy.startsWith("-")
    ? { field: orderBy.slice(1), descending: true }
    : { field: orderBy.startsWith("+") ? orderBy.slice(1) : orderBy, descending: false }

/**
 * Compares two keys the way Postgres orders them: ascending puts `null` last, descending first.
 *
 * @internal
 */
export const compareKeys = (a: SortKey, b: SortKey, descending: boolean): number => {
  if (a === b) return 0
  if (a === null) return descending ? -1 : 1
  if (b === null) return descending ? 1 : -1
  const c = a < b ? -1 : 1
  return descending ? -c : c
}

/**
 * The `limit` items from `offset` of `items` in the order of `compare` (a total order), without sorting the
 * whole array: a bounded max-heap keeps the best `offset + limit` items.
 *
 * @internal
 */
export const selectPage = <A>(
  items: ReadonlyArray<A>,
  compare: (a: A, b: A) => number,
  offset: number,
  limit: number
): Array<A> => {
  const k = offset + limit
  if (k >= items.length / 2) return [...items].sort(compare).slice(offset, k)
  const heap: Array<A> = []
  const swap = (i: number, j: number) => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (compare(heap[i]!, heap[parent]!) <= 0) break
        swap(i, parent)
        i = parent
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      for (let i = 0;;) {
        const l = 2 * i + 1
        const r = l + 1
        let largest = i
        if (l < heap.length && compare(heap[l]!, heap[largest]!) > 0) largest = l
        if (r < heap.length && compare(heap[r]!, heap[largest]!) > 0) largest = r
        if (largest === i) break
        swap(i, largest)
        i = largest
      }
    }
  }
  return heap.sort(compare).slice(offset, k)
}

// -----------------------------------------------------------------------------
// the store
// -----------------------------------------------------------------------------

/** @internal */
export type Store = ReturnType<typeof makeStore>

/** @internal */
export const makeStore = (ids: IdGenerator, options: StoreOptions = {}) => {
  const lockoutMillis = options.lockoutMillis === undefined ? 3_600_000 : options.lockoutMillis
  const metadataLimit = options.metadataLimitBytes ?? 8 * 1024
  const totpIssuer = options.totpIssuer ?? "Clerk"
  const instanceId = options.instanceId ?? "ins_2testkit"

  let seq = 0
  /** Bumped by every write, so that caches derived from the users know when they are stale. */
  let version = 0
  const users = new Map<string, UserRecord>()
  /** Users in creation order (for stable iteration). Deleted users are removed lazily. */
  let ordered: Array<UserRecord> = []
  let deletedSinceCompaction = 0
  const byEmail = new Map<string, string>()
  const byPhone = new Map<string, string>()
  const byUsername = new Map<string, string>()
  const byExternalId = new Map<string, string>()
  const byWeb3 = new Map<string, string>()
  const organizations = new Map<string, Organization>()
  const memberships = new Map<string, MembershipRecord>()
  const membershipsByUser = new Map<string, Set<string>>()
  const invitations = new Map<string, OrganizationInvitation>()
  let tokens: Array<TokenRecord> = []
  const subscriptions = new Map<string, BillingSubscription>()
  let faults: Array<Fault.Rule & { remaining: number }> = []

  // --- views ----------------------------------------------------------------

  const view = (record: UserRecord, now: number): User => {
    const lockedUntil = record.lockedUntil
    const locked = lockedUntil !== undefined && (lockedUntil === null || lockedUntil > now)
    const lockoutExpiresInSeconds = locked && lockedUntil !== null && lockedUntil !== undefined
      ? Math.ceil((lockedUntil - now) / 1000)
      : null
    if (record.user.locked === locked && record.user.lockoutExpiresInSeconds === lockoutExpiresInSeconds) {
      return record.user
    }
    return { ...record.user, locked, lockoutExpiresInSeconds }
  }

  const find = (userId: string): Result<UserRecord> => {
    const record = users.get(userId)
    return record === undefined ? Either.left(notFound("user", userId)) : Either.right(record)
  }

  const liveRecords = (): Array<UserRecord> => {
    if (deletedSinceCompaction > 0) {
      ordered = ordered.filter((record) => users.get(record.user.id) === record)
      deletedSinceCompaction = 0
    }
    return ordered
  }

  // --- identifiers ------------------------------------------------------------

  const owner = (index: Map<string, string>, key: string) => index.get(key)

  interface Identifiers {
    readonly emails: Array<{ readonly address: string; readonly reserved: boolean }>
    readonly phones: Array<{ readonly number: string; readonly reserved: boolean }>
    readonly wallets: Array<string>
    readonly username: string | null | undefined
    readonly externalId: string | null | undefined
  }

  /** Validates new identifiers (format and uniqueness, against others and within the request). */
  const checkIdentifiers = (input: Identifiers, self: string | undefined): Result<void> => {
    const taken = (index: Map<string, string>, key: string) => {
      const id = owner(index, key)
      return id !== undefined && id !== self
    }
    const seen = new Set<string>()
    for (const { address } of input.emails) {
      if (!EMAIL.test(address)) return Either.left(formatInvalid("email_address", "must be a valid email address."))
      const key = lower(address)
      if (taken(byEmail, key) || seen.has(`e:${key}`)) return Either.left(identifierExists("email_address"))
      seen.add(`e:${key}`)
    }
    for (const { number } of input.phones) {
      if (!PHONE.test(number)) {
        return Either.left(formatInvalid("phone_number", "must be a valid phone number in E.164 format."))
      }
      if (taken(byPhone, number) || seen.has(`p:${number}`)) return Either.left(identifierExists("phone_number"))
      seen.add(`p:${number}`)
    }
    for (const wallet of input.wallets) {
      if (!WEB3.test(wallet)) return Either.left(formatInvalid("web3_wallet", "must be a valid web3 wallet address."))
      const key = lower(wallet)
      if (taken(byWeb3, key) || seen.has(`w:${key}`)) return Either.left(identifierExists("web3_wallet"))
      seen.add(`w:${key}`)
    }
    if (input.username !== null && input.username !== undefined && input.username !== "") {
      const key = lower(input.username)
      if (!USERNAME.test(key)) {
        return Either.left(
          formatInvalid("username", "must be 4 to 64 characters: letters, digits, \"_\" and \"-\".")
        )
      }
      if (taken(byUsername, key)) return Either.left(identifierExists("username"))
    }
    if (input.externalId !== null && input.externalId !== undefined && input.externalId !== "") {
      if (taken(byExternalId, input.externalId)) return Either.left(identifierExists("external_id"))
    }
    return Either.void
  }

  const unindex = (user: User) => {
    for (const email of user.emailAddresses) byEmail.delete(lower(email.emailAddress))
    for (const phone of user.phoneNumbers) byPhone.delete(phone.phoneNumber)
    for (const wallet of user.web3Wallets) byWeb3.delete(lower(wallet.web3Wallet))
    if (user.username !== null) byUsername.delete(lower(user.username))
    if (user.externalId !== null) byExternalId.delete(user.externalId)
  }

  const index = (user: User) => {
    for (const email of user.emailAddresses) byEmail.set(lower(email.emailAddress), user.id)
    for (const phone of user.phoneNumbers) byPhone.set(phone.phoneNumber, user.id)
    for (const wallet of user.web3Wallets) byWeb3.set(lower(wallet.web3Wallet), user.id)
    if (user.username !== null) byUsername.set(lower(user.username), user.id)
    if (user.externalId !== null) byExternalId.set(user.externalId, user.id)
  }

  const replace = (record: UserRecord, next: User) => {
    unindex(record.user)
    record.user = next
    index(next)
  }

  // --- passwords and metadata -----------------------------------------------

  const checkPassword = (password: string, skipChecks: boolean | null | undefined): Result<void> => {
    if (skipChecks === true) return Either.void
    if (password.length < 8) return Either.left(passwordTooShort())
    if (PWNED.has(password.toLowerCase())) return Either.left(passwordPwned())
    return Either.void
  }

  const checkMetadataSize = (param: string, value: unknown): Result<void> =>
    jsonByteLength(value) > metadataLimit ? Either.left(exceedsSize(param, metadataLimit)) : Either.void

  const checkTotpSecret = (secret: string | null | undefined): Result<void> =>
    secret === null || secret === undefined || base32Decode(secret) !== undefined
      ? Either.void
      : Either.left(formatInvalid("totp_secret", "must be a base32 encoded secret."))

  // --- create -----------------------------------------------------------------

  const verified = { status: "verified", strategy: "admin", attempts: null, expireAt: null } as const

  const buildUser = (params: UserSeed, now: number, id: string): Result<UserRecord> =>
    Either.gen(function*() {
      const emailStatuses = params.emailAddressIdentificationStatus ?? []
      const phoneStatuses = params.phoneNumberIdentificationStatus ?? []
      const emails = (params.emailAddress ?? []).map((address, i) => ({
        address: address.trim(),
        reserved: emailStatuses[i] === "reserved"
      }))
      const phones = (params.phoneNumber ?? []).map((number, i) => ({
        number: number.trim(),
        reserved: phoneStatuses[i] === "reserved"
      }))
      if (emailStatuses.length > 0 && emailStatuses.length !== emails.length) {
        return yield* Either.left(
          valueInvalid("email_address_identification_status", "must have one item per email address.")
        )
      }
      if (phoneStatuses.length > 0 && phoneStatuses.length !== phones.length) {
        return yield* Either.left(
          valueInvalid("phone_number_identification_status", "must have one item per phone number.")
        )
      }
      const wallets = (params.web3Wallet ?? []).map((w) => w.trim())
      const username = params.username === undefined || params.username === null || params.username === ""
        ? null
        : params.username
      const externalId = params.externalId === undefined || params.externalId === "" ? null : params.externalId
      yield* checkIdentifiers({ emails, phones, wallets, username, externalId }, undefined)

      let password: PasswordRecord | undefined
      if (params.password !== undefined && params.password !== null) {
        yield* checkPassword(params.password, params.skipPasswordChecks)
        password = hashPassword(params.password)
      } else if (params.passwordDigest !== undefined && params.passwordDigest !== null) {
        if (params.passwordHasher === undefined) {
          return yield* Either.left(valueInvalid("password_hasher", "is required with password_digest."))
        }
        password = { _tag: "Digest", hasher: params.passwordHasher, digest: params.passwordDigest }
      }
      yield* checkTotpSecret(params.totpSecret)
      for (const [field, param] of METADATA_FIELDS) {
        const value = params[field]
        if (value !== undefined) yield* checkMetadataSize(param, value)
      }
      const createdAt = params.createdAt ?? now
      const legalAcceptedAt = params.legalAcceptedAt === undefined || params.legalAcceptedAt === null
        ? null
        : yield* rfc3339("legal_accepted_at", params.legalAcceptedAt)
      if (
        params.createOrganizationsLimit !== undefined && params.createOrganizationsLimit !== null &&
        params.createOrganizationsLimit < 0
      ) {
        return yield* Either.left(valueInvalid("create_organizations_limit", "must be 0 or more."))
      }

      const emailAddresses: Array<EmailAddress> = emails.map(({ address, reserved }) => ({
        id: ids.next("idn"),
        object: "email_address",
        emailAddress: lower(address),
        reserved,
        verification: reserved ? null : verified,
        linkedTo: [],
        matchesSsoConnection: false,
        createdAt,
        updatedAt: createdAt
      }))
      const phoneNumbers: Array<PhoneNumber> = phones.map(({ number, reserved }) => ({
        id: ids.next("idn"),
        object: "phone_number",
        phoneNumber: number,
        reservedForSecondFactor: false,
        defaultSecondFactor: false,
        reserved,
        verification: reserved ? null : verified,
        linkedTo: [],
        backupCodes: null,
        createdAt,
        updatedAt: createdAt
      }))
      const web3Wallets: Array<Web3Wallet> = wallets.map((wallet) => ({
        id: ids.next("idn"),
        object: "web3_wallet",
        web3Wallet: lower(wallet),
        verification: verified,
        createdAt,
        updatedAt: createdAt
      }))
      const externalAccounts: Array<ExternalAccount> = (params.externalAccounts ?? []).map((seed) =>
        externalAccount(seed, createdAt)
      )
      const passkeys: Array<Passkey> = (params.passkeys ?? []).map((seed) => ({
        id: seed.id ?? ids.next("idn"),
        object: "passkey",
        name: seed.name,
        lastUsedAt: seed.lastUsedAt ?? createdAt,
        verification: { object: "verification_passkey", status: "verified", strategy: "passkey", attempts: 1 }
      }))
      const backupCodes = [...(params.backupCodes ?? [])]
      const totpEnabled = params.totpSecret !== undefined && params.totpSecret !== null
      const backupCodeEnabled = backupCodes.length > 0
      const twoFactorEnabled = totpEnabled || backupCodeEnabled
      const image = params.imageUrl ?? DEFAULT_IMAGE
      const user: User = {
        id,
        object: "user",
        externalId,
        primaryEmailAddressId: emailAddresses[0]?.id ?? null,
        primaryPhoneNumberId: phoneNumbers[0]?.id ?? null,
        primaryWeb3WalletId: web3Wallets[0]?.id ?? null,
        username: username === null ? null : lower(username),
        firstName: params.firstName ?? null,
        lastName: params.lastName ?? null,
        locale: params.locale ?? null,
        profileImageUrl: image,
        imageUrl: image,
        hasImage: params.imageUrl !== undefined,
        publicMetadata: params.publicMetadata ?? {},
        privateMetadata: params.privateMetadata ?? {},
        unsafeMetadata: params.unsafeMetadata ?? {},
        emailAddresses,
        phoneNumbers,
        web3Wallets,
        passkeys,
        passwordEnabled: password !== undefined,
        twoFactorEnabled,
        totpEnabled,
        backupCodeEnabled,
        mfaEnabledAt: twoFactorEnabled ? createdAt : null,
        mfaDisabledAt: null,
        passwordLastUpdatedAt: password !== undefined ? createdAt : null,
        requiresPasswordReset: false,
        externalAccounts,
        samlAccounts: [],
        enterpriseAccounts: [],
        lastSignInAt: params.lastSignInAt ?? null,
        banned: params.banned === true,
        locked: false,
        lockoutExpiresInSeconds: null,
        verificationAttemptsRemaining: 100,
        updatedAt: params.updatedAt ?? createdAt,
        createdAt,
        deleteSelfEnabled: params.deleteSelfEnabled ?? true,
        createOrganizationEnabled: params.createOrganizationEnabled ?? true,
        createOrganizationsLimit: params.createOrganizationsLimit ?? null,
        lastActiveAt: params.lastActiveAt ?? null,
        legalAcceptedAt,
        bypassClientTrust: params.bypassClientTrust ?? false
      }
      const record: UserRecord = {
        user,
        seq: ++seq,
        password,
        totpSecret: params.totpSecret ?? undefined,
        backupCodes,
        lockedUntil: params.locked === true ? lockUntil(now) : undefined
      }
      return record
    })

  const lockUntil = (now: number) => (lockoutMillis === null ? null : now + lockoutMillis)

  const externalAccount = (seed: ExternalAccountSeed, now: number): ExternalAccount => ({
    object: "external_account",
    id: seed.id ?? ids.next("eac"),
    provider: seed.provider.startsWith("oauth_") ? seed.provider : `oauth_${seed.provider}`,
    identificationId: ids.next("idn"),
    providerUserId: seed.providerUserId,
    approvedScopes: seed.approvedScopes ?? "email profile",
    emailAddress: seed.emailAddress ?? "",
    emailAddressVerified: null,
    firstName: seed.firstName ?? "",
    lastName: seed.lastName ?? "",
    imageUrl: null,
    username: seed.username ?? null,
    phoneNumber: null,
    publicMetadata: {},
    label: null,
    createdAt: now,
    updatedAt: now,
    verification: {
      object: "verification_oauth",
      status: "verified",
      strategy: seed.provider.startsWith("oauth_") ? seed.provider : `oauth_${seed.provider}`,
      attempts: null,
      expireAt: now
    }
  })

  const insert = (record: UserRecord) => {
    users.set(record.user.id, record)
    ordered.push(record)
    index(record.user)
  }

  const create = (params: UserSeed, now: number): Result<User> => {
    if (params.id !== undefined && users.has(params.id)) {
      return Either.left(valueInvalid("id", `${params.id} is already used by another user.`))
    }
    const createdAt = params.createdAt
    const built = buildUser(params, now, params.id ?? ids.next("user"))
    return Either.map(built, (record) => {
      insert(record)
      return view(record, createdAt === undefined ? now : Math.max(now, createdAt))
    })
  }

  const createFromParams = (params: CreateUserParams, now: number): Result<User> =>
    Either.flatMap(
      params.createdAt === undefined || params.createdAt === null
        ? Either.right(undefined)
        : rfc3339("created_at", params.createdAt),
      (createdAt) => {
        const { createdAt: _ignored, ...rest } = params
        return create(createdAt === undefined ? rest : { ...rest, createdAt }, now)
      }
    )

  // --- update -----------------------------------------------------------------

  const update = (userId: string, params: UpdateUserParams, now: number): Result<User> =>
    Either.gen(function*() {
      const record = yield* find(userId)
      const current = record.user
      const username = params.username === undefined ? current.username : params.username || null
      const externalId = params.externalId === undefined ? current.externalId : params.externalId || null
      yield* checkIdentifiers({ emails: [], phones: [], wallets: [], username, externalId }, userId)

      const primary = <A extends { readonly id?: string; readonly verification: { readonly status: string } | null }>(
        param: string,
        requested: string | null | undefined,
        items: ReadonlyArray<A>,
        fallback: string | null
      ): Result<string | null> => {
        if (requested === undefined) return Either.right(fallback)
        if (requested === null) return Either.left(valueInvalid(param, "cannot be removed."))
        const item = items.find((i) => i.id === requested)
        if (item === undefined || item.verification?.status !== "verified") {
          return Either.left(valueInvalid(param, "must be the id of a verified identifier of this user."))
        }
        return Either.right(requested)
      }
      const primaryEmailAddressId = yield* primary(
        "primary_email_address_id",
        params.primaryEmailAddressId,
        current.emailAddresses,
        current.primaryEmailAddressId
      )
      const primaryPhoneNumberId = yield* primary(
        "primary_phone_number_id",
        params.primaryPhoneNumberId,
        current.phoneNumbers,
        current.primaryPhoneNumberId
      )
      const primaryWeb3WalletId = yield* primary(
        "primary_web3_wallet_id",
        params.primaryWeb3WalletId,
        current.web3Wallets,
        current.primaryWeb3WalletId
      )

      let password = record.password
      let passwordLastUpdatedAt = current.passwordLastUpdatedAt ?? null
      if (params.password !== undefined) {
        if (params.password === null) {
          password = undefined
        } else {
          yield* checkPassword(params.password, params.skipPasswordChecks)
          password = hashPassword(params.password)
        }
        passwordLastUpdatedAt = now
      } else if (params.passwordDigest !== undefined) {
        if (params.passwordHasher === undefined) {
          return yield* Either.left(valueInvalid("password_hasher", "is required with password_digest."))
        }
        password = { _tag: "Digest", hasher: params.passwordHasher, digest: params.passwordDigest }
        passwordLastUpdatedAt = now
      }
      yield* checkTotpSecret(params.totpSecret)
      for (const [field, param] of METADATA_FIELDS) {
        const value = params[field]
        if (value !== undefined) yield* checkMetadataSize(param, value)
      }
      const legalAcceptedAt = params.legalAcceptedAt === undefined
        ? current.legalAcceptedAt
        : params.legalAcceptedAt === null
        ? null
        : yield* rfc3339("legal_accepted_at", params.legalAcceptedAt)
      const createdAt = params.createdAt === undefined || params.createdAt === null
        ? current.createdAt
        : yield* rfc3339("created_at", params.createdAt)
      if (
        params.createOrganizationsLimit !== undefined && params.createOrganizationsLimit !== null &&
        params.createOrganizationsLimit < 0
      ) {
        return yield* Either.left(valueInvalid("create_organizations_limit", "must be 0 or more."))
      }

      // everything is valid: apply
      const totpSecret = params.totpSecret === undefined ? record.totpSecret : params.totpSecret ?? undefined
      const backupCodes = params.backupCodes === undefined ? record.backupCodes : [...params.backupCodes]
      const next: Mutable<User> = {
        ...current,
        username: username === null ? null : lower(username),
        externalId,
        primaryEmailAddressId,
        primaryPhoneNumberId,
        primaryWeb3WalletId,
        passwordEnabled: password !== undefined,
        passwordLastUpdatedAt,
        legalAcceptedAt,
        createdAt,
        updatedAt: now
      }
      const assign = <K extends keyof User>(key: K, value: User[K] | undefined) => {
        if (value !== undefined) next[key] = value
      }
      assign("firstName", params.firstName)
      assign("lastName", params.lastName)
      assign("locale", params.locale)
      assign("publicMetadata", params.publicMetadata)
      assign("privateMetadata", params.privateMetadata)
      assign("unsafeMetadata", params.unsafeMetadata)
      assign("deleteSelfEnabled", params.deleteSelfEnabled ?? undefined)
      assign("createOrganizationEnabled", params.createOrganizationEnabled ?? undefined)
      assign("createOrganizationsLimit", params.createOrganizationsLimit)
      assign("bypassClientTrust", params.bypassClientTrust ?? undefined)
      if (params.password !== undefined || params.passwordDigest !== undefined) next.requiresPasswordReset = false
      applyMfa(next, totpSecret !== undefined, backupCodes.length > 0, now)
      record.password = password
      record.totpSecret = totpSecret
      record.backupCodes = backupCodes
      replace(record, next)
      return view(record, now)
    })

  /** Sets the MFA flags and their timestamps. */
  const applyMfa = (user: Mutable<User>, totpEnabled: boolean, backupCodeEnabled: boolean, now: number) => {
    const wasEnabled = user.twoFactorEnabled
    const secondFactorPhone = user.phoneNumbers.some((p) => p.reservedForSecondFactor === true)
    user.totpEnabled = totpEnabled
    user.backupCodeEnabled = backupCodeEnabled
    user.twoFactorEnabled = totpEnabled || backupCodeEnabled || secondFactorPhone
    if (!wasEnabled && user.twoFactorEnabled) user.mfaEnabledAt = now
    if (wasEnabled && !user.twoFactorEnabled) user.mfaDisabledAt = now
  }

  const mutate = (userId: string, now: number, f: (user: Mutable<User>, record: UserRecord) => void): Result<User> =>
    Either.map(find(userId), (record) => {
      const next: Mutable<User> = { ...record.user, updatedAt: now }
      f(next, record)
      replace(record, next)
      return view(record, now)
    })

  // --- delete -----------------------------------------------------------------

  const remove = (userId: string): Result<DeletedObject> =>
    Either.map(find(userId), (record) => {
      unindex(record.user)
      users.delete(userId)
      deletedSinceCompaction++
      for (const membershipId of membershipsByUser.get(userId) ?? []) memberships.delete(membershipId)
      membershipsByUser.delete(userId)
      tokens = tokens.filter((t) => t.userId !== userId)
      subscriptions.delete(userId)
      return { object: "user", id: userId, deleted: true }
    })

  // --- ban / lock -------------------------------------------------------------

  const setBanned = (userId: string, banned: boolean, now: number) =>
    mutate(userId, now, (user) => {
      user.banned = banned
    })

  const bulkSetBanned = (userIds: ReadonlyArray<string>, banned: boolean, now: number): Result<Array<User>> => {
    const out: Array<User> = []
    for (const id of new Set(userIds)) {
      const result = setBanned(id, banned, now)
      if (Either.isRight(result)) out.push(result.right)
    }
    return Either.right(out)
  }

  const lock = (userId: string, now: number) =>
    Either.map(find(userId), (record) => {
      record.lockedUntil = lockUntil(now)
      record.user = { ...record.user, updatedAt: now }
      return view(record, now)
    })

  const unlock = (userId: string, now: number) =>
    Either.map(find(userId), (record) => {
      record.lockedUntil = undefined
      record.user = { ...record.user, updatedAt: now, verificationAttemptsRemaining: 100 }
      return view(record, now)
    })

  // --- images -------------------------------------------------------------------

  const setProfileImage = (userId: string, bytes: number, now: number) =>
    mutate(userId, now, (user) => {
      const url = `https://img.clerk.com/${ids.next("img")}?size=${bytes}`
      user.imageUrl = url
      user.profileImageUrl = url
      user.hasImage = true
    })

  const deleteProfileImage = (userId: string, now: number) =>
    mutate(userId, now, (user) => {
      user.imageUrl = DEFAULT_IMAGE
      user.profileImageUrl = DEFAULT_IMAGE
      user.hasImage = false
    })

  // --- metadata -----------------------------------------------------------------

  const updateMetadata = (userId: string, patch: UpdateMetadataParams, now: number): Result<User> =>
    Either.gen(function*() {
      const record = yield* find(userId)
      const merged: Partial<Record<(typeof METADATA_FIELDS)[number][0], { readonly [key: string]: unknown }>> = {}
      for (const [field, param] of METADATA_FIELDS) {
        const value = patch[field]
        if (value === undefined) continue
        const next = deepMerge(record.user[field] ?? {}, value)
        yield* checkMetadataSize(param, next)
        merged[field] = next
      }
      record.user = { ...record.user, ...merged, updatedAt: now }
      return view(record, now)
    })

  // --- passwords and MFA ------------------------------------------------------

  const verifyUserPassword = (userId: string, password: string): Result<VerifyPasswordResult> =>
    Either.flatMap(find(userId), (record) => {
      if (record.password === undefined) return Either.left(noPasswordSet())
      return verifyPassword(record.password, password) ? Either.right({ verified: true }) : Either.left(
        incorrectPassword()
      )
    })

  const verifyTotp = (userId: string, code: string, now: number): Result<VerifyTotpResult> =>
    Either.flatMap(find(userId), (record) => {
      const user = record.user
      if (!user.totpEnabled && !user.backupCodeEnabled) return Either.left(totpDisabled())
      const trimmed = code.trim()
      if (user.totpEnabled && record.totpSecret !== undefined && /^\d{6}$/.test(trimmed)) {
        if (verifyTotpCode(record.totpSecret, trimmed, now)) return Either.right({ verified: true, codeType: "totp" })
      }
      const backup = record.backupCodes.indexOf(trimmed)
      if (backup >= 0) {
        const backupCodes = record.backupCodes.filter((_, i) => i !== backup)
        record.backupCodes = backupCodes
        const next: Mutable<User> = { ...user, updatedAt: now }
        applyMfa(next, user.totpEnabled, backupCodes.length > 0, now)
        replace(record, next)
        return Either.right({ verified: true, codeType: "backup_code" })
      }
      if (!/^\d{6}$/.test(trimmed) && !/^[a-z0-9]{8,}$/i.test(trimmed)) return Either.left(totpInvalidLength())
      return Either.left(totpIncorrect())
    })

  const userIdResult = (userId: string, f: (record: UserRecord, user: Mutable<User>) => void, now: number) =>
    Either.map(mutate(userId, now, (user, record) => f(record, user)), (): UserIdResult => ({ userId }))

  const disableMfa = (userId: string, now: number) =>
    userIdResult(userId, (record, user) => {
      record.totpSecret = undefined
      record.backupCodes = []
      user.phoneNumbers = user.phoneNumbers.map((p) =>
        p.reservedForSecondFactor === true || p.defaultSecondFactor === true
          ? { ...p, reservedForSecondFactor: false, defaultSecondFactor: false }
          : p
      )
      applyMfa(user, false, false, now)
    }, now)

  const deleteBackupCodes = (userId: string, now: number) =>
    userIdResult(userId, (record, user) => {
      record.backupCodes = []
      applyMfa(user, user.totpEnabled, false, now)
    }, now)

  const deleteTotp = (userId: string, now: number) =>
    userIdResult(userId, (record, user) => {
      record.totpSecret = undefined
      applyMfa(user, false, user.backupCodeEnabled, now)
    }, now)

  const createTotp = (userId: string, now: number): Result<Totp> =>
    Either.flatMap(find(userId), (record) => {
      const secret = newSecret()
      const identifier = record.user.emailAddresses[0]?.emailAddress ?? record.user.username ?? record.user.id
      const label = encodeURIComponent(`${totpIssuer}:${identifier}`)
      const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${
        encodeURIComponent(totpIssuer)
      }&algorithm=SHA1&digits=6&period=30`
      record.totpSecret = secret
      const next: Mutable<User> = { ...record.user, updatedAt: now }
      applyMfa(next, true, record.backupCodes.length > 0, now)
      replace(record, next)
      return Either.right({
        object: "totp",
        id: ids.next("totp"),
        secret,
        uri,
        verified: true,
        backupCodes: null,
        createdAt: now,
        updatedAt: now
      })
    })

  // --- identifiers and accounts ---------------------------------------------

  const deleteItem = <K extends "passkeys" | "web3Wallets" | "externalAccounts">(
    userId: string,
    key: K,
    itemId: string,
    kind: "passkey" | "web3_wallet" | "external_account",
    now: number
  ): Result<DeletedObject> =>
    Either.flatMap(find(userId), (record) => {
      const items: ReadonlyArray<{ readonly id?: string }> = record.user[key]
      if (!items.some((item) => item.id === itemId)) return Either.left(notFound(kind, itemId))
      const next: Mutable<User> = { ...record.user, updatedAt: now }
      if (key === "passkeys") next.passkeys = next.passkeys.filter((p) => p.id !== itemId)
      if (key === "externalAccounts") {
        next.externalAccounts = next.externalAccounts.filter((a) => a.id !== itemId)
        tokens = tokens.filter((t) => !(t.userId === userId && t.token.externalAccountId === itemId))
      }
      if (key === "web3Wallets") {
        next.web3Wallets = next.web3Wallets.filter((w) => w.id !== itemId)
        if (next.primaryWeb3WalletId === itemId) next.primaryWeb3WalletId = next.web3Wallets[0]?.id ?? null
      }
      replace(record, next)
      return Either.right({ object: kind, id: itemId, deleted: true })
    })

  const setPasswordCompromised = (userId: string, _params: SetPasswordCompromisedParams, now: number) =>
    Either.flatMap(find(userId), (record) =>
      record.password === undefined
        ? Either.left(valueInvalid("password", "cannot be marked compromised: the user has no password."))
        : mutate(userId, now, (user) => {
          user.requiresPasswordReset = true
        }))

  const unsetPasswordCompromised = (userId: string, now: number) =>
    mutate(userId, now, (user) => {
      user.requiresPasswordReset = false
    })

  // --- listings -------------------------------------------------------------

  /** Lower-cased names, computed once per user object (users are replaced, never mutated, on a change). */
  const lowerNames = new WeakMap<User, { readonly first: string; readonly last: string; readonly full: string }>()
  const namesOf = (user: User) => {
    let names = lowerNames.get(user)
    if (names === undefined) {
      const first = (user.firstName ?? "").toLowerCase()
      const last = (user.lastName ?? "").toLowerCase()
      names = { first, last, full: `${first} ${last}` }
      lowerNames.set(user, names)
    }
    return names
  }

  /**
   * The filters as one predicate made of only the checks the params ask for (a listing over 100 000 users runs
   * it 100 000 times). Emails, usernames and wallets are stored lower-cased, so substring matches on them need
   * no conversion.
   */
  const userFilter = (params: CountUsersParams): Result<(record: UserRecord) => boolean> => {
    if ((params.provider === undefined) !== (params.providerUserId === undefined)) {
      return Either.left(valueInvalid("provider", "and provider_user_id must be used together."))
    }
    const checks: Array<(user: User) => boolean> = []
    const someEmail = (user: User, test: (email: string) => boolean) => {
      const items = user.emailAddresses
      for (let i = 0; i < items.length; i++) if (test(items[i]!.emailAddress)) return true
      return false
    }
    const somePhone = (user: User, test: (phone: string) => boolean) => {
      const items = user.phoneNumbers
      for (let i = 0; i < items.length; i++) if (test(items[i]!.phoneNumber)) return true
      return false
    }
    const someWallet = (user: User, test: (wallet: string) => boolean) => {
      const items = user.web3Wallets
      for (let i = 0; i < items.length; i++) if (test(items[i]!.web3Wallet)) return true
      return false
    }
    if (params.emailAddress !== undefined) {
      const emails = new Set(params.emailAddress.map(lower))
      const test = (e: string) => emails.has(e)
      checks.push((u) => someEmail(u, test))
    }
    if (params.phoneNumber !== undefined) {
      const phones = new Set(params.phoneNumber)
      const test = (p: string) => phones.has(p)
      checks.push((u) => somePhone(u, test))
    }
    if (params.username !== undefined) {
      const usernames = new Set(params.username.map(lower))
      checks.push((u) => u.username !== null && usernames.has(u.username))
    }
    if (params.web3Wallet !== undefined) {
      const wallets = new Set(params.web3Wallet.map(lower))
      const test = (w: string) => wallets.has(w)
      checks.push((u) => someWallet(u, test))
    }
    const userIds = plusMinus(params.userId)
    if (userIds !== undefined) checks.push((u) => matchesPlusMinus(userIds, [u.id]))
    const externalIds = plusMinus(params.externalId)
    if (externalIds !== undefined) {
      checks.push((u) => matchesPlusMinus(externalIds, u.externalId === null ? [] : [u.externalId]))
    }
    const organizationIds = plusMinus(params.organizationId)
    if (organizationIds !== undefined) {
      checks.push((u) => {
        const orgs: Array<string> = []
        for (const id of membershipsByUser.get(u.id) ?? []) {
          const membership = memberships.get(id)
          if (membership !== undefined) orgs.push(membership.organizationId)
        }
        return matchesPlusMinus(organizationIds, orgs)
      })
    }
    if (params.provider !== undefined && params.providerUserId !== undefined) {
      const provider = params.provider.startsWith("oauth_") ? params.provider : `oauth_${params.provider}`
      const providerUserIds = new Set(params.providerUserId)
      checks.push((u) =>
        u.externalAccounts.some((a) => a.provider === provider && providerUserIds.has(a.providerUserId))
      )
    }
    if (params.banned !== undefined) {
      const banned = params.banned
      checks.push((u) => u.banned === banned)
    }
    if (params.query !== undefined && params.query !== "") {
      const q = params.query.toLowerCase()
      const contains = (value: string) => value.toLowerCase().includes(q)
      checks.push((u) => {
        const names = namesOf(u)
        return u.id.toLowerCase().includes(q) || (u.username !== null && u.username.includes(q)) ||
          names.first.includes(q) || names.last.includes(q) || names.full.includes(q) ||
          someEmail(u, contains) || somePhone(u, contains) || someWallet(u, contains)
      })
    }
    if (params.emailAddressQuery !== undefined) {
      const q = params.emailAddressQuery.toLowerCase()
      const test = (e: string) => e.includes(q)
      checks.push((u) => someEmail(u, test))
    }
    if (params.phoneNumberQuery !== undefined) {
      const q = params.phoneNumberQuery.toLowerCase()
      const test = (p: string) => p.toLowerCase().includes(q)
      checks.push((u) => somePhone(u, test))
    }
    if (params.usernameQuery !== undefined) {
      const q = params.usernameQuery.toLowerCase()
      checks.push((u) => u.username !== null && u.username.includes(q))
    }
    if (params.nameQuery !== undefined) {
      const q = params.nameQuery.toLowerCase()
      checks.push((u) => {
        const names = namesOf(u)
        return names.first.includes(q) || names.last.includes(q) || names.full.includes(q)
      })
    }
    const bound = (
      value: (u: User) => number | null,
      test: (v: number, b: number) => boolean,
      b: number | undefined
    ) => {
      if (b !== undefined) {
        checks.push((u) => {
          const v = value(u)
          return v !== null && test(v, b)
        })
      }
    }
    const before = (v: number, b: number) => v < b
    const after = (v: number, b: number) => v > b
    bound((u) => u.lastActiveAt, before, params.lastActiveAtBefore)
    bound((u) => u.lastActiveAt, after, params.lastActiveAtAfter)
    bound((u) => u.lastActiveAt, (v, b) => v >= b, params.lastActiveAtSince)
    bound((u) => u.createdAt, before, params.createdAtBefore)
    bound((u) => u.createdAt, after, params.createdAtAfter)
    bound((u) => u.lastSignInAt, before, params.lastSignInAtBefore)
    bound((u) => u.lastSignInAt, after, params.lastSignInAtAfter)

    const n = checks.length
    const predicate = ({ user }: UserRecord): boolean => {
      for (let i = 0; i < n; i++) if (!checks[i]!(user)) return false
      return true
    }
    return Either.right(predicate)
  }

  const userComparator = (orderBy: string) => {
    const { descending, field } = parseOrder(orderBy)
    const key = userSortKeys[field] ?? userSortKeys["created_at"]!
    return (a: UserRecord, b: UserRecord) =>
      compareKeys(key(a.user), key(b.user), descending) || (descending ? b.seq - a.seq : a.seq - b.seq)
  }

  /**
   * All users in `orderBy` order, sorted once per version of the store: walking the pages of a listing costs
   * one sort, then a scan up to the page.
   */
  const sortedCache = new Map<string, { readonly version: number; readonly records: ReadonlyArray<UserRecord> }>()
  const sorted = (orderBy: string): ReadonlyArray<UserRecord> => {
    const cached = sortedCache.get(orderBy)
    if (cached !== undefined && cached.version === version) return cached.records
    const records = [...liveRecords()].sort(userComparator(orderBy))
    sortedCache.set(orderBy, { version, records })
    return records
  }

  /** Pages up to this depth are selected from the matches without sorting the population. */
  const SHALLOW = 2_000
  const shallowSeen = new Map<string, number>()

  const list = (params: ListUsersParams, now: number): Result<Array<User>> =>
    Either.flatMap(userFilter(params), (predicate) => {
      const orderBy = params.orderBy ?? "-created_at"
      const limit = params.limit ?? 10
      const offset = params.offset ?? 0
      if (params.startingAfter !== undefined) {
        if (parseOrder(orderBy).field !== "created_at") {
          return Either.left(valueInvalid("starting_after", "can only be used with the created_at ordering."))
        }
        if (offset !== 0) return Either.left(valueInvalid("starting_after", "cannot be combined with offset."))
      }
      const cached = sortedCache.get(orderBy)
      const fresh = cached !== undefined && cached.version === version
      // the second listing in this order at the same version sorts once, for all the ones that follow
      const repeated = shallowSeen.get(orderBy) === version
      shallowSeen.set(orderBy, version)
      if (!fresh && !repeated && params.startingAfter === undefined && offset + limit <= SHALLOW) {
        // a shallow page while the cached order is stale: select the best `offset + limit` matches directly
        const matches: Array<UserRecord> = []
        const all = liveRecords()
        for (let i = 0; i < all.length; i++) if (predicate(all[i]!)) matches.push(all[i]!)
        return Either.right(
          selectPage(matches, userComparator(orderBy), offset, limit).map((record) => view(record, now))
        )
      }
      // a deep page (walking a listing): sort the population once per version and scan up to the page
      const records = sorted(orderBy)
      let start = 0
      if (params.startingAfter !== undefined) {
        const cursor = users.get(params.startingAfter)
        if (cursor === undefined) return Either.right([])
        start = records.indexOf(cursor) + 1
      }
      const page: Array<User> = []
      let skipped = 0
      for (let i = start; i < records.length && page.length < limit; i++) {
        const record = records[i]!
        if (!predicate(record)) continue
        if (skipped < offset) skipped++
        else page.push(view(record, now))
      }
      return Either.right(page)
    })

  const count = (params: CountUsersParams): Result<number> => {
    const predicateResult = userFilter(params)
    return Either.map(predicateResult, (predicate) => {
      let n = 0
      const records = liveRecords()
      for (let i = 0; i < records.length; i++) if (predicate(records[i]!)) n++
      return n
    })
  }

  // --- organizations --------------------------------------------------------

  const membershipView = (record: MembershipRecord): OrganizationMembership | undefined => {
    const organization = organizations.get(record.organizationId)
    const user = users.get(record.userId)?.user
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

  const page = <A>(items: ReadonlyArray<A>, params: PaginationParams): Paginated<A> => {
    const offset = params.offset ?? 0
    const limit = params.limit ?? 10
    return { data: items.slice(offset, offset + limit), totalCount: items.length }
  }

  const byNewest = (a: MembershipRecord, b: MembershipRecord) => b.createdAt - a.createdAt || b.seq - a.seq

  const userMemberships = (userId: string, params: PaginationParams): Result<Paginated<OrganizationMembership>> => {
    const records = [...(membershipsByUser.get(userId) ?? [])]
      .map((id) => memberships.get(id))
      .filter((m): m is MembershipRecord => m !== undefined)
      .sort(byNewest)
    const views = records.map(membershipView).filter((m): m is OrganizationMembership => m !== undefined)
    return Either.right(page(views, params))
  }

  const membershipSortKeys: Record<string, (m: MembershipRecord) => SortKey> = {
    created_at: (m) => m.createdAt,
    first_name: (m) => users.get(m.userId)?.user.firstName ?? null,
    last_name: (m) => users.get(m.userId)?.user.lastName ?? null,
    username: (m) => users.get(m.userId)?.user.username ?? null,
    email_address: (m) => {
      const user = users.get(m.userId)?.user
      return user === undefined
        ? null
        : primaryOf(user.emailAddresses, user.primaryEmailAddressId)?.emailAddress ?? null
    },
    phone_number: (m) => {
      const user = users.get(m.userId)?.user
      return user === undefined ? null : primaryOf(user.phoneNumbers, user.primaryPhoneNumberId)?.phoneNumber ?? null
    }
  }

  const instanceMemberships = (
    params: InstanceOrganizationMembershipsParams
  ): Result<Paginated<OrganizationMembership>> => {
    const { descending, field } = parseOrder(params.orderBy ?? "-created_at")
    const key = membershipSortKeys[field] ?? membershipSortKeys["created_at"]!
    const records = [...memberships.values()].sort((a, b) =>
      compareKeys(key(a), key(b), descending) || (descending ? b.seq - a.seq : a.seq - b.seq)
    )
    const views = records.map(membershipView).filter((m): m is OrganizationMembership => m !== undefined)
    return Either.right(page(views, params))
  }

  const userInvitations = (
    userId: string,
    params: OrganizationInvitationsParams
  ): Result<Paginated<OrganizationInvitation>> =>
    Either.map(find(userId), (record) => {
      const emails = new Set(record.user.emailAddresses.map((e) => e.emailAddress))
      const items = [...invitations.values()]
        .filter((i) => emails.has(lower(i.emailAddress)))
        .filter((i) => params.status === undefined || i.status === params.status)
        .sort((a, b) => b.createdAt - a.createdAt)
      return page(items, params)
    })

  const oauthTokens = (
    userId: string,
    provider: string,
    params: OAuthAccessTokenParams
  ): Result<Array<OAuthAccessToken>> =>
    Either.map(find(userId), () => {
      const normalized = provider.startsWith("oauth_") ? provider : `oauth_${provider}`
      const all = tokens.filter((t) => t.userId === userId && t.token.provider === normalized).map((t) => t.token)
      if (params.paginated === true || params.limit !== undefined || params.offset !== undefined) {
        const offset = params.offset ?? 0
        return all.slice(offset, offset + (params.limit ?? 10))
      }
      return all
    })

  const billingSubscription = (userId: string): Result<BillingSubscription> =>
    Either.flatMap(find(userId), () => {
      const subscription = subscriptions.get(userId)
      return subscription === undefined ? Either.left(notFound("subscription", userId)) : Either.right(subscription)
    })

  // --- seeding --------------------------------------------------------------

  const seedOrganization = (seed: OrganizationSeed, now: number): Result<Organization> => {
    const id = seed.id ?? ids.next("org")
    if (organizations.has(id)) return Either.left(valueInvalid("id", `${id} is already used by another organization.`))
    const createdAt = seed.createdAt ?? now
    const organization: Organization = {
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
    }
    organizations.set(id, organization)
    return Either.right(organization)
  }

  const seedMembership = (seed: MembershipSeed, now: number): Result<OrganizationMembership> =>
    Either.gen(function*() {
      yield* find(seed.userId)
      const organization = organizations.get(seed.organizationId)
      if (organization === undefined) {
        return yield* Either.left(valueInvalid("organization_id", `${seed.organizationId} is not an organization.`))
      }
      const id = seed.id ?? ids.next("orgmem")
      const createdAt = seed.createdAt ?? now
      const role = seed.role ?? "org:member"
      const record: MembershipRecord = {
        id,
        seq: ++seq,
        userId: seed.userId,
        organizationId: seed.organizationId,
        role,
        roleName: seed.roleName ?? (role === "org:admin" ? "Admin" : "Member"),
        permissions: seed.permissions ?? [],
        publicMetadata: seed.publicMetadata ?? {},
        privateMetadata: seed.privateMetadata ?? {},
        createdAt,
        updatedAt: createdAt
      }
      memberships.set(id, record)
      const set = membershipsByUser.get(seed.userId) ?? new Set<string>()
      set.add(id)
      membershipsByUser.set(seed.userId, set)
      organizations.set(organization.id, { ...organization, membersCount: (organization.membersCount ?? 0) + 1 })
      return membershipView(record)!
    })

  const seedInvitation = (seed: InvitationSeed, now: number): Result<OrganizationInvitation> => {
    const organization = organizations.get(seed.organizationId)
    if (organization === undefined) {
      return Either.left(valueInvalid("organization_id", `${seed.organizationId} is not an organization.`))
    }
    const createdAt = seed.createdAt ?? now
    const role = seed.role ?? "org:member"
    const invitation: OrganizationInvitation = {
      object: "organization_invitation",
      id: seed.id ?? ids.next("orginv"),
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
    }
    invitations.set(invitation.id, invitation)
    return Either.right(invitation)
  }

  const seedOAuthToken = (seed: OAuthTokenSeed, now: number): Result<OAuthAccessToken> =>
    Either.flatMap(find(seed.userId), (record) => {
      const provider = seed.provider.startsWith("oauth_") ? seed.provider : `oauth_${seed.provider}`
      let account = seed.externalAccountId === undefined
        ? record.user.externalAccounts.find((a) => a.provider === provider)
        : record.user.externalAccounts.find((a) => a.id === seed.externalAccountId)
      if (account === undefined) {
        account = externalAccount({
          provider,
          providerUserId: seed.providerUserId ?? ids.next("puid"),
          ...(seed.externalAccountId === undefined ? {} : { id: seed.externalAccountId })
        }, now)
        record.user = { ...record.user, externalAccounts: [...record.user.externalAccounts, account] }
      }
      const token: OAuthAccessToken = {
        object: "oauth_access_token",
        externalAccountId: account.id,
        providerUserId: account.providerUserId,
        token: seed.token,
        expiresAt: seed.expiresAt === undefined ? null : seed.expiresAt,
        provider,
        publicMetadata: seed.publicMetadata ?? {},
        label: seed.label ?? null,
        ...(seed.scopes === undefined ? {} : { scopes: seed.scopes }),
        ...(seed.idToken === undefined ? {} : { idToken: seed.idToken }),
        ...(seed.tokenSecret === undefined ? {} : { tokenSecret: seed.tokenSecret })
      }
      tokens.push({ userId: seed.userId, token })
      return Either.right(token)
    })

  const seedBillingSubscription = (userId: string, subscription: BillingSubscription): Result<void> =>
    Either.map(find(userId), () => {
      subscriptions.set(userId, subscription)
    })

  // --- faults ---------------------------------------------------------------

  const addFault = (rule: Fault.Rule) => {
    const remaining = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY)
    faults.push({ ...rule, remaining })
  }

  /** The fault to apply to a call of `operation`, if any (consumes one use of its rule). */
  const takeFault = (operation: string, random: () => number) => {
    for (const rule of faults) {
      if (rule.remaining <= 0) continue
      if (rule.operations !== undefined && !rule.operations.includes(operation)) continue
      if (rule.probability !== undefined && random() >= rule.probability) continue
      rule.remaining--
      faults = faults.filter((r) => r.remaining > 0)
      return { fault: rule.fault, when: rule.when ?? "before" }
    }
    return undefined
  }

  // --- raw access -------------------------------------------------------------

  const snapshot = (now: number): StoreSnapshot =>
    structuredClone({
      users: liveRecords().map((record) => ({
        user: view(record, now),
        hasPassword: record.password !== undefined,
        totpSecret: record.totpSecret,
        backupCodes: record.backupCodes
      })),
      organizations: [...organizations.values()],
      memberships: [...memberships.values()].map(membershipView).filter((m): m is OrganizationMembership =>
        m !== undefined
      ),
      invitations: [...invitations.values()],
      oauthTokens: tokens.map((t) => ({ ...t.token, userId: t.userId })),
      billingSubscriptions: [...subscriptions.entries()].map(([userId, subscription]) => ({ userId, subscription }))
    })

  const reset = () => {
    users.clear()
    ordered = []
    deletedSinceCompaction = 0
    for (const map of [byEmail, byPhone, byUsername, byExternalId, byWeb3]) map.clear()
    organizations.clear()
    memberships.clear()
    membershipsByUser.clear()
    invitations.clear()
    tokens = []
    subscriptions.clear()
    faults = []
  }

  const api = {
    instanceId,
    view,
    record: (userId: string) => users.get(userId),
    create,
    createFromParams,
    get: (userId: string, now: number) => Either.map(find(userId), (record) => view(record, now)),
    update,
    delete: remove,
    ban: (userId: string, now: number) => setBanned(userId, true, now),
    unban: (userId: string, now: number) => setBanned(userId, false, now),
    bulkBan: (userIds: ReadonlyArray<string>, now: number) => bulkSetBanned(userIds, true, now),
    bulkUnban: (userIds: ReadonlyArray<string>, now: number) => bulkSetBanned(userIds, false, now),
    lock,
    unlock,
    setProfileImage,
    deleteProfileImage,
    updateMetadata,
    getBillingSubscription: billingSubscription,
    getOAuthAccessToken: oauthTokens,
    getOrganizationMemberships: userMemberships,
    getOrganizationInvitations: userInvitations,
    verifyPassword: verifyUserPassword,
    verifyTotp,
    disableMfa,
    deleteBackupCodes,
    deletePasskey: (userId: string, id: string, now: number) => deleteItem(userId, "passkeys", id, "passkey", now),
    deleteWeb3Wallet: (userId: string, id: string, now: number) =>
      deleteItem(userId, "web3Wallets", id, "web3_wallet", now),
    createTotp,
    deleteTotp,
    deleteExternalAccount: (userId: string, id: string, now: number) =>
      deleteItem(userId, "externalAccounts", id, "external_account", now),
    setPasswordCompromised,
    unsetPasswordCompromised,
    getInstanceOrganizationMemberships: instanceMemberships,
    list,
    count,
    seedOrganization,
    seedMembership,
    seedInvitation,
    seedOAuthToken,
    seedBillingSubscription,
    addFault,
    clearFaults: () => {
      faults = []
    },
    takeFault,
    snapshot,
    reset,
    size: () => users.size
  }

  /** Every write bumps the version (a write that fails changes nothing, but bumping anyway is harmless). */
  const writes = [
    "create",
    "createFromParams",
    "update",
    "delete",
    "ban",
    "unban",
    "bulkBan",
    "bulkUnban",
    "lock",
    "unlock",
    "setProfileImage",
    "deleteProfileImage",
    "updateMetadata",
    "verifyTotp",
    "disableMfa",
    "deleteBackupCodes",
    "deletePasskey",
    "deleteWeb3Wallet",
    "createTotp",
    "deleteTotp",
    "deleteExternalAccount",
    "setPasswordCompromised",
    "unsetPasswordCompromised",
    "seedOrganization",
    "seedMembership",
    "seedInvitation",
    "seedOAuthToken",
    "seedBillingSubscription",
    "reset"
  ] as const
  const bumped = { ...api }
  for (const name of writes) {
    const write = api[name] as (...args: ReadonlyArray<unknown>) => unknown
    ;(bumped as Record<string, unknown>)[name] = (...args: ReadonlyArray<unknown>) => {
      const result = write(...args)
      version++
      return result
    }
  }
  return bumped as typeof api
}
