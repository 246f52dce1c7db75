/**
 * Credentials: passwords (checks, hashing, verification, compromise), TOTP, backup codes, the MFA flags, and
 * trusted devices (listing, revoking, seeding).
 *
 * @internal
 */
import type { Paginated, UserIdResult, VerifyPasswordResult, VerifyTotpResult } from "@effect-clerk/core/Responses"
import type { Totp } from "@effect-clerk/core/Totp"
import type { TrustedDevice } from "@effect-clerk/core/TrustedDevice"
import type { User } from "@effect-clerk/core/User"
import type { RemovePasswordParams, SetPasswordCompromisedParams } from "@effect-clerk/core/UsersParams"
import type { Failure as StoreFailure } from "@effect-clerk/kernel/ErrorCatalogue"
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
} from "@effect-clerk/kernel/ErrorCatalogue"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { TrustedDeviceSeed } from "../../Seeds.js"
import { digestProblem, verifyPassword as verifyPasswordRecord } from "../passwords.js"
import { base32Decode, newSecret, verifyTotpCode } from "../totp.js"
import type { Mutable, Result } from "./records.js"
import { find, mutate, view } from "./records.js"
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
export const checkPassword = (password: string, skipChecks: boolean | null | undefined): Result<void> => {
  if (skipChecks === true) return Either.void
  if (password.length < 8) return Either.left(passwordTooShort())
  if (PWNED.has(password.toLowerCase())) return Either.left(passwordPwned())
  return Either.void
}

/** A TOTP secret must be base32. @internal */
export const checkTotpSecret = (secret: string | null | undefined): Result<void> =>
  secret === null || secret === undefined || base32Decode(secret) !== undefined
    ? Either.void
    : Either.left(formatInvalid("totp_secret", "must be a base32 encoded secret."))

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
 * An `Effect`: costly hashes run off the event loop (see `passwords.ts`; only single-round digests run inline), so
 * that a slow digest does not stall other requests.
 *
 * @internal
 */
export const verifyPassword = (
  state: State,
  userId: string,
  password: string
): Effect.Effect<VerifyPasswordResult, StoreFailure> =>
  Effect.flatMap(find(state, userId), (record) => {
    if (record.password === undefined) return Effect.fail(noPasswordSet())
    return Effect.flatMap(
      verifyPasswordRecord(record.password, password),
      (verified): Effect.Effect<VerifyPasswordResult, StoreFailure> =>
        verified ? Effect.succeed({ verified: true }) : Effect.fail(incorrectPassword())
    )
  })

/** An imported digest within the bounds of its hasher (see `passwords.ts`), or 422 naming `password_digest`. @internal */
export const checkDigest = (hasher: string, digest: string): Result<void> => {
  const problem = digestProblem(hasher, digest)
  return problem === undefined ? Either.void : Either.left(formatInvalid("password_digest", problem))
}

/** A TOTP code, or a backup code (used once). @internal */
export const verifyTotp = (state: State, userId: string, code: string, now: number): Result<VerifyTotpResult> =>
  Either.flatMap(find(state, userId), (record) => {
    const user = record.user
    if (!user.totpEnabled && !user.backupCodeEnabled) return Either.left(totpDisabled())
    const trimmed = code.trim()
    if (user.totpEnabled && record.totpSecret !== undefined && /^\d{6}$/.test(trimmed)) {
      if (verifyTotpCode(record.totpSecret, trimmed, now)) return Either.right({ verified: true, codeType: "totp" })
    }
    const backup = record.backupCodes.indexOf(trimmed)
    if (backup >= 0) {
      const backupCodes = record.backupCodes.filter((_, i) => i !== backup)
      const next: Mutable<User> = { ...user, updatedAt: now }
      applyMfa(next, user.totpEnabled, backupCodes.length > 0, now)
      updateUser(state, record, next, { backupCodes })
      return Either.right({ verified: true, codeType: "backup_code" })
    }
    if (!/^\d{6}$/.test(trimmed) && !/^[a-z0-9]{8,}$/i.test(trimmed)) return Either.left(totpInvalidLength())
    return Either.left(totpIncorrect())
  })

const userIdResult = (result: Result<User>): Result<UserIdResult> => Either.map(result, (user) => ({ userId: user.id }))

/** @internal */
export const disableMfa = (state: State, userId: string, now: number): Result<UserIdResult> =>
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
export const deleteBackupCodes = (state: State, userId: string, now: number): Result<UserIdResult> =>
  userIdResult(mutate(state, userId, now, (user) => {
    applyMfa(user, user.totpEnabled, false, now)
    return { backupCodes: [] }
  }))

/** @internal */
export const deleteTotp = (state: State, userId: string, now: number): Result<UserIdResult> =>
  userIdResult(mutate(state, userId, now, (user) => {
    applyMfa(user, false, user.backupCodeEnabled, now)
    return { totpSecret: undefined }
  }))

/** A new TOTP secret (replacing any), without backup codes. @internal */
export const createTotp = (state: State, userId: string, now: number): Result<Totp> =>
  Either.flatMap(find(state, userId), (record) => {
    const secret = newSecret()
    const identifier = record.user.emailAddresses[0]?.emailAddress ?? record.user.username ?? record.user.id
    const issuer = state.totpIssuer
    const label = encodeURIComponent(`${issuer}:${identifier}`)
    const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${
      encodeURIComponent(issuer)
    }&algorithm=SHA1&digits=6&period=30`
    const next: Mutable<User> = { ...record.user, updatedAt: now }
    applyMfa(next, true, record.backupCodes.length > 0, now)
    updateUser(state, record, next, { totpSecret: secret })
    return Either.right({
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
): Result<User> =>
  Either.flatMap(find(state, userId), (record) =>
    record.password === undefined
      ? Either.left(valueInvalid("password", "cannot be marked compromised: the user has no password."))
      : mutate(state, userId, now, (user) => {
        user.requiresPasswordReset = true
      }))

/** @internal */
export const unsetPasswordCompromised = (state: State, userId: string, now: number): Result<User> =>
  mutate(state, userId, now, (user) => {
    user.requiresPasswordReset = false
  })

/** Removes the password; a user without one is returned unchanged. @internal */
export const removePassword = (
  state: State,
  userId: string,
  _params: RemovePasswordParams | undefined,
  now: number
): Result<User> =>
  Either.flatMap(find(state, userId), (record) =>
    record.password === undefined
      ? Either.right(view(record, now))
      : mutate(state, userId, now, (user) => {
        user.passwordEnabled = false
        user.passwordLastUpdatedAt = now
        user.requiresPasswordReset = false
        return { password: undefined }
      }))

/** A user's active trusted devices. @internal */
export const listTrustedDevices = (state: State, userId: string): Result<Paginated<TrustedDevice>> =>
  Either.map(find(state, userId), () => {
    const active = (state.trustedDevices.get(userId) ?? []).filter((device) => device.status === "active")
    return { data: active, totalCount: active.length }
  })

/** Revokes an active trusted device (an unknown or revoked one is a 404). @internal */
export const revokeTrustedDevice = (
  state: State,
  userId: string,
  deviceId: string,
  now: number
): Result<TrustedDevice> =>
  Either.flatMap(find(state, userId), () => {
    const devices = state.trustedDevices.get(userId) ?? []
    const device = devices.find((d) => d.id === deviceId && d.status === "active")
    if (device === undefined) return Either.left(notFound("trusted_device", deviceId))
    const revoked: TrustedDevice = { ...device, status: "revoked", revokedAt: now, updatedAt: now }
    putTrustedDevices(state, userId, devices.map((d) => (d === device ? revoked : d)))
    return Either.right(revoked)
  })

/** Enrolls a trusted device for a user. @internal */
export const seedTrustedDevice = (
  state: State,
  userId: string,
  seed: TrustedDeviceSeed,
  now: number
): Result<TrustedDevice> =>
  Either.map(find(state, userId), () => {
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
