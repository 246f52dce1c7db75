/**
 * The user lifecycle: create (from `create`'s parameters or a seed), update, delete, ban, lock, profile image
 * and metadata. Every function validates everything first and only then writes, so a failure changes nothing.
 *
 * @internal
 */
import { deepMerge, jsonByteLength } from "../../DeepMerge.js"
import { exceedsSize, formatInvalid, valueInvalid } from "../../ErrorCatalogue.js"
import type {
  CreateUserParams,
  DeletedObject,
  EmailAddress,
  JsonObject,
  PhoneNumber,
  ProfileImage,
  ReplaceEmailAddressParams,
  ReplaceMetadataParams,
  ReplacePhoneNumberParams,
  UpdateMetadataParams,
  UpdateUserParams,
  User,
  Web3Wallet
} from "../../Model.js"
import type { PasswordRecord } from "../../Passwords.js"
import * as Result from "../../Result.js"
import type { UserSeed } from "../../Seed.js"
import { externalAccount, linkEmails, passkeyOf } from "./accounts.js"
import { applyMfa, checkDigest, checkPassword, checkTotpSecret } from "./credentials.js"
import { checkIdentifiers } from "./identifiers.js"
import type { Mutable, Outcome, Step } from "./records.js"
import {
  DEFAULT_IMAGE,
  fail,
  find,
  gen,
  lockUntil,
  lower,
  METADATA_FIELDS,
  mutate,
  take,
  unit,
  view
} from "./records.js"
import type { State, UserRecord } from "./state.js"
import { deleteUser, insertUser, nextSeq, updateUser } from "./state.js"

const rfc3339 = (param: string, value: string): Outcome<number> => {
  const millis = Date.parse(value)
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(millis)
    ? Result.ok(millis)
    : Result.err(formatInvalid(param, "must be a valid RFC3339 date (e.g. 2012-10-20T07:15:20.902Z)"))
}

const checkMetadataSize = (state: State, param: string, value: unknown): Outcome<void> =>
  jsonByteLength(value) > state.metadataLimit ? Result.err(exceedsSize(param, state.metadataLimit)) : unit

const checkMetadata = (
  state: State,
  params: { readonly [K in (typeof METADATA_FIELDS)[number][0]]?: unknown }
): Outcome<void> => {
  for (const [field, param] of METADATA_FIELDS) {
    const value = params[field]
    if (value !== undefined) {
      const checked = checkMetadataSize(state, param, value)
      if (Result.isErr(checked)) return checked
    }
  }
  return unit
}

const checkOrganizationsLimit = (limit: number | null | undefined): Outcome<void> =>
  limit !== undefined && limit !== null && limit < 0
    ? Result.err(valueInvalid("create_organizations_limit", "must be 0 or more."))
    : unit

const verified = { status: "verified", strategy: "admin", attempts: null, expireAt: null } as const

type IdentificationStatus = "verified" | "reserved" | "unverified"

/** Verified by the admin, reserved (no verification, but claimed), or unverified (claims nothing). */
const verificationOf = (status: IdentificationStatus) =>
  status === "verified"
    ? verified
    : status === "reserved"
    ? null
    : { status: "unverified", strategy: "admin", attempts: null, expireAt: null }

const emailAddressOf = (state: State, address: string, status: IdentificationStatus, at: number): EmailAddress => ({
  id: state.ids.next("idn"),
  object: "email_address",
  emailAddress: lower(address),
  reserved: status === "reserved",
  verification: verificationOf(status),
  linkedTo: [],
  matchesSsoConnection: false,
  createdAt: at,
  updatedAt: at
})

const phoneNumberOf = (state: State, number: string, status: IdentificationStatus, at: number): PhoneNumber => ({
  id: state.ids.next("idn"),
  object: "phone_number",
  phoneNumber: number,
  reservedForSecondFactor: false,
  defaultSecondFactor: false,
  reserved: status === "reserved",
  verification: verificationOf(status),
  linkedTo: [],
  backupCodes: null,
  createdAt: at,
  updatedAt: at
})

/**
 * A step that hashes the password a call sets (when it sets one) before the synchronous validate-and-write
 * step `then`: hashing never blocks the event loop, and the write still runs without interleaving.
 *
 * @internal
 */
export const withHashOf = <A>(
  password: string | null | undefined,
  then: (hashed: PasswordRecord | undefined) => Outcome<A>
): Step<A> => password === undefined || password === null ? then(undefined) : { _tag: "Hash", password, then }

/** The seed's email addresses and phone numbers, each with whether it is reserved (one status per item). */
const contactsOf = (params: UserSeed) =>
  gen(function*() {
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
      return yield* fail(
        valueInvalid("email_address_identification_status", "must have one item per email address.")
      )
    }
    if (phoneStatuses.length > 0 && phoneStatuses.length !== phones.length) {
      return yield* fail(
        valueInvalid("phone_number_identification_status", "must have one item per phone number.")
      )
    }
    return { emails, phones }
  })

/** The password a seed sets: the hash computed beforehand, or an imported digest checked against its hasher. */
const passwordOf = (params: UserSeed, hashed: PasswordRecord | undefined) =>
  gen(function*() {
    let password: PasswordRecord | undefined = undefined
    if (params.password !== undefined && params.password !== null) {
      yield* take(checkPassword(params.password, params.skipPasswordChecks))
      password = hashed
    } else if (params.passwordDigest !== undefined && params.passwordDigest !== null) {
      if (params.passwordHasher === undefined) {
        return yield* fail(valueInvalid("password_hasher", "is required with password_digest."))
      }
      yield* take(checkDigest(params.passwordHasher, params.passwordDigest))
      password = { _tag: "Digest", hasher: params.passwordHasher, digest: params.passwordDigest }
    }
    return password
  })

const buildUser = (
  state: State,
  params: UserSeed,
  now: number,
  id: string,
  hashed: PasswordRecord | undefined
): Outcome<UserRecord> =>
  gen(function*() {
    const { emails, phones } = yield* take(contactsOf(params))
    const wallets = (params.web3Wallet ?? []).map((w) => w.trim())
    const username = params.username === undefined || params.username === null || params.username === ""
      ? null
      : params.username
    const externalId = params.externalId === undefined || params.externalId === "" ? null : params.externalId
    yield* take(checkIdentifiers(state, { emails, phones, wallets, username, externalId }, undefined))

    const password = yield* take(passwordOf(params, hashed))
    yield* take(checkTotpSecret(params.totpSecret))
    yield* take(checkMetadata(state, params))
    const createdAt = params.createdAt ?? now
    const legalAcceptedAt = params.legalAcceptedAt === undefined || params.legalAcceptedAt === null
      ? null
      : yield* take(rfc3339("legal_accepted_at", params.legalAcceptedAt))
    yield* take(checkOrganizationsLimit(params.createOrganizationsLimit))

    const emailAddresses = emails.map(({ address, reserved }) =>
      emailAddressOf(state, address, reserved ? "reserved" : "verified", createdAt)
    )
    const secondFactor = (params.secondFactorPhoneNumbers ?? []).map((number) => number.trim())
    const unknownSecondFactor = secondFactor.find((number) => !phones.some((phone) => phone.number === number))
    if (unknownSecondFactor !== undefined) {
      return yield* fail(
        valueInvalid("second_factor_phone_numbers", `${unknownSecondFactor} is not one of the user's phone numbers.`)
      )
    }
    const phoneNumbers = phones.map(({ number, reserved }): PhoneNumber => {
      const phone = phoneNumberOf(state, number, reserved ? "reserved" : "verified", createdAt)
      return secondFactor.includes(number)
        ? { ...phone, reservedForSecondFactor: true, defaultSecondFactor: number === secondFactor[0] }
        : phone
    })
    const web3Wallets: Array<Web3Wallet> = wallets.map((wallet) => ({
      id: state.ids.next("idn"),
      object: "web3_wallet",
      web3Wallet: lower(wallet),
      verification: verified,
      createdAt,
      updatedAt: createdAt
    }))
    const externalAccounts = (params.externalAccounts ?? []).map((seed) => externalAccount(state, seed, createdAt))
    const passkeys = (params.passkeys ?? []).map((seed) => passkeyOf(state, seed, createdAt))
    const backupCodes = [...(params.backupCodes ?? [])]
    const totpEnabled = params.totpSecret !== undefined && params.totpSecret !== null
    const backupCodeEnabled = backupCodes.length > 0
    const twoFactorEnabled = totpEnabled || backupCodeEnabled || secondFactor.length > 0
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
      emailAddresses: linkEmails(emailAddresses, externalAccounts),
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
    return {
      user,
      seq: nextSeq(state),
      password,
      totpSecret: params.totpSecret ?? undefined,
      backupCodes,
      lockedUntil: params.locked === true ? lockUntil(state, now) : undefined
    }
  })

/**
 * Creates a user from a seed (what `create` takes, plus what only Clerk sets), its password already hashed
 * (`withHashOf`): synchronous, so that validation and the write cannot interleave with another call.
 *
 * @internal
 */
export const createHashed = (
  state: State,
  params: UserSeed,
  now: number,
  hashed: PasswordRecord | undefined
): Outcome<User> => {
  if (params.id !== undefined && state.users.has(params.id)) {
    return Result.err(valueInvalid("id", `${params.id} is already used by another user.`))
  }
  const createdAt = params.createdAt
  return Result.map(
    buildUser(state, params, now, params.id ?? state.ids.next("user"), hashed),
    (record) => view(insertUser(state, record), createdAt === undefined ? now : Math.max(now, createdAt))
  )
}

/** `POST /users`: the password hashed off the event loop, then validated and written at once. @internal */
export const createFromParams = (
  state: State,
  params: CreateUserParams,
  now: number
): Step<User> =>
  withHashOf(params.password, (hashed) =>
    Result.flatMap(
      params.createdAt === undefined || params.createdAt === null
        ? Result.ok(undefined)
        : rfc3339("created_at", params.createdAt),
      (createdAt) => {
        const { createdAt: _ignored, ...rest } = params
        return createHashed(state, createdAt === undefined ? rest : { ...rest, createdAt }, now, hashed)
      }
    ))

const primary = <A extends { readonly id?: string; readonly verification: { readonly status: string } | null }>(
  param: string,
  requested: string | null | undefined,
  items: ReadonlyArray<A>,
  fallback: string | null
): Outcome<string | null> => {
  if (requested === undefined) return Result.ok(fallback)
  if (requested === null) return Result.err(valueInvalid(param, "cannot be removed."))
  const item = items.find((i) => i.id === requested)
  if (item === undefined || item.verification?.status !== "verified") {
    return Result.err(valueInvalid(param, "must be the id of a verified identifier of this user."))
  }
  return Result.ok(requested)
}

/** `PATCH /users/{user_id}`: absent fields unchanged, `null` clears; a new password hashed first. @internal */
export const update = (
  state: State,
  userId: string,
  params: UpdateUserParams,
  now: number
): Step<User> => withHashOf(params.password, (hashed) => updateHashed(state, userId, params, now, hashed))

const updateHashed = (
  state: State,
  userId: string,
  params: UpdateUserParams,
  now: number,
  hashed: PasswordRecord | undefined
): Outcome<User> =>
  gen(function*() {
    const record = yield* take(find(state, userId))
    const current = record.user
    const username = params.username === undefined ? current.username : params.username || null
    const externalId = params.externalId === undefined ? current.externalId : params.externalId || null
    yield* take(checkIdentifiers(state, { emails: [], phones: [], wallets: [], username, externalId }, userId))
    const primaryEmailAddressId = yield* take(primary(
      "primary_email_address_id",
      params.primaryEmailAddressId,
      current.emailAddresses,
      current.primaryEmailAddressId
    ))
    const primaryPhoneNumberId = yield* take(primary(
      "primary_phone_number_id",
      params.primaryPhoneNumberId,
      current.phoneNumbers,
      current.primaryPhoneNumberId
    ))
    const primaryWeb3WalletId = yield* take(primary(
      "primary_web3_wallet_id",
      params.primaryWeb3WalletId,
      current.web3Wallets,
      current.primaryWeb3WalletId
    ))

    let password = record.password
    let passwordLastUpdatedAt = current.passwordLastUpdatedAt ?? null
    if (params.password !== undefined) {
      if (params.password === null) {
        password = undefined
      } else {
        yield* take(checkPassword(params.password, params.skipPasswordChecks))
        password = hashed
      }
      passwordLastUpdatedAt = now
    } else if (params.passwordDigest !== undefined) {
      if (params.passwordHasher === undefined) {
        return yield* fail(valueInvalid("password_hasher", "is required with password_digest."))
      }
      yield* take(checkDigest(params.passwordHasher, params.passwordDigest))
      password = { _tag: "Digest", hasher: params.passwordHasher, digest: params.passwordDigest }
      passwordLastUpdatedAt = now
    }
    yield* take(checkTotpSecret(params.totpSecret))
    yield* take(checkMetadata(state, params))
    const legalAcceptedAt = params.legalAcceptedAt === undefined
      ? current.legalAcceptedAt
      : params.legalAcceptedAt === null
      ? null
      : yield* take(rfc3339("legal_accepted_at", params.legalAcceptedAt))
    const createdAt = params.createdAt === undefined || params.createdAt === null
      ? current.createdAt
      : yield* take(rfc3339("created_at", params.createdAt))
    yield* take(checkOrganizationsLimit(params.createOrganizationsLimit))

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
    return view(updateUser(state, record, next, { password, totpSecret, backupCodes }), now)
  })

/** `DELETE /users/{user_id}`. @internal */
export const remove = (state: State, userId: string): Outcome<DeletedObject> =>
  Result.map(find(state, userId), (record) => {
    deleteUser(state, record)
    return { object: "user", id: userId, deleted: true }
  })

/** @internal */
export const setBanned = (state: State, userId: string, banned: boolean, now: number): Outcome<User> =>
  mutate(state, userId, now, (user) => {
    user.banned = banned
  })

/** Bans or unbans every known user of the list (unknown ids are ignored), returning those it changed. @internal */
export const bulkSetBanned = (
  state: State,
  userIds: ReadonlyArray<string>,
  banned: boolean,
  now: number
): Outcome<Array<User>> => {
  const out: Array<User> = []
  for (const id of new Set(userIds)) {
    const result = setBanned(state, id, banned, now)
    if (Result.isOk(result)) out.push(result.value)
  }
  return Result.ok(out)
}

/** @internal */
export const lock = (state: State, userId: string, now: number): Outcome<User> =>
  mutate(state, userId, now, () => ({ lockedUntil: lockUntil(state, now) }))

/** @internal */
export const unlock = (state: State, userId: string, now: number): Outcome<User> =>
  mutate(state, userId, now, (user) => {
    user.verificationAttemptsRemaining = 100
    return { lockedUntil: undefined }
  })

/** @internal */
export const setProfileImage = (state: State, userId: string, file: ProfileImage, now: number): Outcome<User> =>
  mutate(state, userId, now, (user) => {
    const bytes = file.data instanceof Blob ? file.data.size : file.data.length
    const url = `https://img.clerk.com/${state.ids.next("img")}?size=${bytes}`
    user.imageUrl = url
    user.profileImageUrl = url
    user.hasImage = true
  })

/** @internal */
export const deleteProfileImage = (state: State, userId: string, now: number): Outcome<User> =>
  mutate(state, userId, now, (user) => {
    user.imageUrl = DEFAULT_IMAGE
    user.profileImageUrl = DEFAULT_IMAGE
    user.hasImage = false
  })

/** Deep-merges each metadata patch into the stored field, within the size limit. @internal */
export const updateMetadata = (state: State, userId: string, patch: UpdateMetadataParams, now: number): Outcome<User> =>
  gen(function*() {
    const record = yield* take(find(state, userId))
    const merged: Partial<Record<(typeof METADATA_FIELDS)[number][0], JsonObject>> = {}
    for (const [field, param] of METADATA_FIELDS) {
      const value = patch[field]
      if (value === undefined) continue
      const next = deepMerge(record.user[field] ?? {}, value)
      yield* take(checkMetadataSize(state, param, next))
      merged[field] = next
    }
    return view(updateUser(state, record, { ...record.user, ...merged, updatedAt: now }), now)
  })

/** Replaces each metadata field given as a whole (no merge), within the size limit. @internal */
export const replaceMetadata = (
  state: State,
  userId: string,
  metadata: ReplaceMetadataParams,
  now: number
): Outcome<User> =>
  gen(function*() {
    const record = yield* take(find(state, userId))
    yield* take(checkMetadata(state, metadata))
    const replaced: Partial<Record<(typeof METADATA_FIELDS)[number][0], JsonObject>> = {}
    for (const [field] of METADATA_FIELDS) {
      const value = metadata[field]
      if (value !== undefined) replaced[field] = value
    }
    return view(updateUser(state, record, { ...record.user, ...replaced, updatedAt: now }), now)
  })

/**
 * Replaces every email address of a user by one, primary. Refused while an address is linked to a connected
 * account. An unverified replacement claims nothing (another user may hold the same address).
 *
 * @internal
 */
export const replaceEmailAddress = (
  state: State,
  userId: string,
  params: ReplaceEmailAddressParams,
  now: number
): Outcome<EmailAddress> =>
  gen(function*() {
    const record = yield* take(find(state, userId))
    const address = params.emailAddress.trim()
    const status = params.identificationStatus ?? "verified"
    yield* take(checkIdentifiers(state, {
      emails: [{ address, claimed: status !== "unverified" }],
      phones: [],
      wallets: [],
      username: undefined,
      externalId: undefined
    }, userId))
    if (record.user.emailAddresses.some((email) => email.linkedTo.length > 0)) {
      return yield* fail(
        valueInvalid("email_address", "cannot be replaced while an email address is linked to a connected account.")
      )
    }
    const email = emailAddressOf(state, address, status, now)
    updateUser(state, record, {
      ...record.user,
      emailAddresses: [email],
      primaryEmailAddressId: email.id ?? null,
      updatedAt: now
    })
    return email
  })

/**
 * Replaces every phone number of a user by one, primary, never reserved for second factor; replacing a number
 * that was disables the user's MFA.
 *
 * @internal
 */
export const replacePhoneNumber = (
  state: State,
  userId: string,
  params: ReplacePhoneNumberParams,
  now: number
): Outcome<PhoneNumber> =>
  gen(function*() {
    const record = yield* take(find(state, userId))
    const number = params.phoneNumber.trim()
    const status = params.identificationStatus ?? "verified"
    yield* take(checkIdentifiers(state, {
      emails: [],
      phones: [{ number, claimed: status !== "unverified" }],
      wallets: [],
      username: undefined,
      externalId: undefined
    }, userId))
    const phone = phoneNumberOf(state, number, status, now)
    const secondFactor = record.user.phoneNumbers.some((p) => p.reservedForSecondFactor === true)
    const next: Mutable<User> = {
      ...record.user,
      phoneNumbers: [phone],
      primaryPhoneNumberId: phone.id ?? null,
      updatedAt: now
    }
    applyMfa(next, secondFactor ? false : next.totpEnabled, secondFactor ? false : next.backupCodeEnabled, now)
    updateUser(state, record, next, secondFactor ? { totpSecret: undefined, backupCodes: [] } : {})
    return phone
  })
