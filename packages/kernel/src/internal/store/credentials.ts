/**
 * Credentials: passwords (checks, hashing, verification, compromise), TOTP, backup codes, the MFA flags, and
 * trusted devices (listing, revoking, seeding).
 *
 * @internal
 */
import {
  formatInvalid,
  incorrectPassword,
  noPasswordSet,
  notFound,
  passwordPwned,
  passwordTooShort,
  totpDisabled,
  totpIncorrect,
  totpInvalidLength,
  valueInvalid
} from "../../ErrorCatalogue.js"
import type {
  Paginated,
  RemovePasswordParams,
  SetPasswordCompromisedParams,
  Totp,
  TrustedDevice,
  User,
  UserIdResult,
  VerifyPasswordResult,
  VerifyTotpResult
} from "../../Model.js"
import { digestProblem } from "../../Passwords.js"
import * as Result from "../../Result.js"
import type { TrustedDeviceSeed } from "../../Seed.js"
import { base32Decode, newSecret, verifyTotpCode } from "../../Totp.js"
import type { Mutable, Outcome, Step } from "./records.js"
import { find, mutate, unit, view } from "./records.js"
import type { State } from "./state.js"
import { putTrustedDevices, updateUser } from "./state.js"

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

/** Clerk's password rules (unless skipped): 8 characters or more, not a known breached password. @internal */
export const checkPassword = (password: string, skipChecks: boolean | null | undefined): Outcome<void> => {
  if (skipChecks === true) return unit
  if (password.length < 8) return Result.err(passwordTooShort())
  if (PWNED.has(password.toLowerCase())) return Result.err(passwordPwned())
  return unit
}

/** A TOTP secret must be base32. @internal */
export const checkTotpSecret = (secret: string | null | undefined): Outcome<void> =>
  secret === null || secret === undefined || base32Decode(secret) !== undefined
    ? unit
    : Result.err(formatInvalid("totp_secret", "must be a base32 encoded secret."))

/** Sets the MFA flags and their timestamps. @internal */
export const applyMfa = (user: Mutable<User>, totpEnabled: boolean, backupCodeEnabled: boolean, now: number) => {
  const wasEnabled = user.twoFactorEnabled
  const secondFactorPhone = user.phoneNumbers.some((p) => p.reservedForSecondFactor === true)
  user.totpEnabled = totpEnabled
  user.backupCodeEnabled = backupCodeEnabled
  user.twoFactorEnabled = totpEnabled || backupCodeEnabled || secondFactorPhone
  if (!wasEnabled && user.twoFactorEnabled) user.mfaEnabledAt = now
  if (wasEnabled && !user.twoFactorEnabled) user.mfaDisabledAt = now
}

/**
 * A step that verifies the password through the hashing port (costly hashes run off the event loop, so that a
 * slow digest does not stall other requests), then answers.
 *
 * @internal
 */
export const verifyPassword = (state: State, userId: string, password: string): Step<VerifyPasswordResult> => {
  const found = find(state, userId)
  if (found._tag === "Err") return found
  const record = found.value.password
  if (record === undefined) return Result.err(noPasswordSet())
  return {
    _tag: "Verify",
    record,
    password,
    then: (verified) => verified ? Result.ok({ verified: true }) : Result.err(incorrectPassword())
  }
}

/** An imported digest within the bounds of its hasher (see the kernel's `Passwords`), or 422 naming `password_digest`. @internal */
export const checkDigest = (hasher: string, digest: string): Outcome<void> => {
  const problem = digestProblem(hasher, digest)
  return problem === undefined ? unit : Result.err(formatInvalid("password_digest", problem))
}

/** A TOTP code, or a backup code (used once). @internal */
export const verifyTotp = (state: State, userId: string, code: string, now: number): Outcome<VerifyTotpResult> =>
  Result.flatMap(find(state, userId), (record) => {
    const user = record.user
    if (!user.totpEnabled && !user.backupCodeEnabled) return Result.err(totpDisabled())
    const trimmed = code.trim()
    if (user.totpEnabled && record.totpSecret !== undefined && /^\d{6}$/.test(trimmed)) {
      if (verifyTotpCode(record.totpSecret, trimmed, now)) return Result.ok({ verified: true, codeType: "totp" })
    }
    const backup = record.backupCodes.indexOf(trimmed)
    if (backup >= 0) {
      const backupCodes = record.backupCodes.filter((_, i) => i !== backup)
      const next: Mutable<User> = { ...user, updatedAt: now }
      applyMfa(next, user.totpEnabled, backupCodes.length > 0, now)
      updateUser(state, record, next, { backupCodes })
      return Result.ok({ verified: true, codeType: "backup_code" })
    }
    if (!/^\d{6}$/.test(trimmed) && !/^[a-z0-9]{8,}$/i.test(trimmed)) return Result.err(totpInvalidLength())
    return Result.err(totpIncorrect())
  })

const userIdResult = (result: Outcome<User>): Outcome<UserIdResult> =>
  Result.map(result, (user) => ({ userId: user.id }))

/** @internal */
export const disableMfa = (state: State, userId: string, now: number): Outcome<UserIdResult> =>
  userIdResult(mutate(state, userId, now, (user) => {
    user.phoneNumbers = user.phoneNumbers.map((p) =>
      p.reservedForSecondFactor === true || p.defaultSecondFactor === true
        ? { ...p, reservedForSecondFactor: false, defaultSecondFactor: false }
        : p
    )
    applyMfa(user, false, false, now)
    return { totpSecret: undefined, backupCodes: [] }
  }))

/** @internal */
export const deleteBackupCodes = (state: State, userId: string, now: number): Outcome<UserIdResult> =>
  userIdResult(mutate(state, userId, now, (user) => {
    applyMfa(user, user.totpEnabled, false, now)
    return { backupCodes: [] }
  }))

/** @internal */
export const deleteTotp = (state: State, userId: string, now: number): Outcome<UserIdResult> =>
  userIdResult(mutate(state, userId, now, (user) => {
    applyMfa(user, false, user.backupCodeEnabled, now)
    return { totpSecret: undefined }
  }))

/** A new TOTP secret (replacing any), without backup codes. @internal */
export const createTotp = (state: State, userId: string, now: number): Outcome<Totp> =>
  Result.flatMap(find(state, userId), (record) => {
    const secret = newSecret(state.randomBytes)
    const identifier = record.user.emailAddresses[0]?.emailAddress ?? record.user.username ?? record.user.id
    const issuer = state.totpIssuer
    const label = encodeURIComponent(`${issuer}:${identifier}`)
    const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${
      encodeURIComponent(issuer)
    }&algorithm=SHA1&digits=6&period=30`
    const next: Mutable<User> = { ...record.user, updatedAt: now }
    applyMfa(next, true, record.backupCodes.length > 0, now)
    updateUser(state, record, next, { totpSecret: secret })
    return Result.ok({
      object: "totp",
      id: state.ids.next("totp"),
      secret,
      uri,
      verified: true,
      backupCodes: null,
      createdAt: now,
      updatedAt: now
    })
  })

/** @internal */
export const setPasswordCompromised = (
  state: State,
  userId: string,
  _params: SetPasswordCompromisedParams | undefined,
  now: number
): Outcome<User> =>
  Result.flatMap(find(state, userId), (record) =>
    record.password === undefined
      ? Result.err(valueInvalid("password", "cannot be marked compromised: the user has no password."))
      : mutate(state, userId, now, (user) => {
        user.requiresPasswordReset = true
      }))

/** @internal */
export const unsetPasswordCompromised = (state: State, userId: string, now: number): Outcome<User> =>
  mutate(state, userId, now, (user) => {
    user.requiresPasswordReset = false
  })

/** Removes the password; a user without one is returned unchanged. @internal */
export const removePassword = (
  state: State,
  userId: string,
  _params: RemovePasswordParams | undefined,
  now: number
): Outcome<User> =>
  Result.flatMap(find(state, userId), (record) =>
    record.password === undefined
      ? Result.ok(view(record, now))
      : mutate(state, userId, now, (user) => {
        user.passwordEnabled = false
        user.passwordLastUpdatedAt = now
        user.requiresPasswordReset = false
        return { password: undefined }
      }))

/** A user's active trusted devices. @internal */
export const listTrustedDevices = (state: State, userId: string): Outcome<Paginated<TrustedDevice>> =>
  Result.map(find(state, userId), () => {
    const active = (state.trustedDevices.get(userId) ?? []).filter((device) => device.status === "active")
    return { data: active, totalCount: active.length }
  })

/** Revokes an active trusted device (an unknown or revoked one is a 404). @internal */
export const revokeTrustedDevice = (
  state: State,
  userId: string,
  deviceId: string,
  now: number
): Outcome<TrustedDevice> =>
  Result.flatMap(find(state, userId), () => {
    const devices = state.trustedDevices.get(userId) ?? []
    const device = devices.find((d) => d.id === deviceId && d.status === "active")
    if (device === undefined) return Result.err(notFound("trusted_device", deviceId))
    const revoked: TrustedDevice = { ...device, status: "revoked", revokedAt: now, updatedAt: now }
    putTrustedDevices(state, userId, devices.map((d) => (d === device ? revoked : d)))
    return Result.ok(revoked)
  })

/** Enrolls a trusted device for a user. @internal */
export const seedTrustedDevice = (
  state: State,
  userId: string,
  seed: TrustedDeviceSeed,
  now: number
): Outcome<TrustedDevice> =>
  Result.map(find(state, userId), () => {
    const createdAt = seed.createdAt ?? now
    const device: TrustedDevice = {
      object: "trusted_device",
      id: seed.id ?? state.ids.next("td"),
      platform: seed.platform,
      appIdentifier: seed.appIdentifier,
      name: seed.name ?? null,
      algorithm: "ES256",
      status: seed.status ?? "active",
      createdAt,
      updatedAt: createdAt,
      lastUsedAt: seed.lastUsedAt ?? null,
      revokedAt: seed.status === "revoked" ? createdAt : null
    }
    putTrustedDevices(state, userId, [...(state.trustedDevices.get(userId) ?? []), device])
    return device
  })
