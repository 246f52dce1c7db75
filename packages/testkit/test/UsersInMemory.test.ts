import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { createHash, pbkdf2Sync } from "node:crypto"
import { Fault, UsersInMemory, UsersTestControl } from "../src/index.js"

const failure = <A>(effect: Effect.Effect<A, ClerkError>) =>
  Effect.map(Effect.either(effect), (result) => {
    if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
    return result.left
  })

const codes = (error: ClerkError) => ("errors" in error ? error.errors.map((e) => e.code) : [])
const param = (error: ClerkError) => ("errors" in error ? error.errors[0]?.meta?.["param_name"] : undefined)

const withLayer = <A, E>(effect: Effect.Effect<A, E, Users | UsersTestControl>, options?: UsersInMemory.Options) =>
  Effect.provide(effect, UsersInMemory.layer(options))

describe("UsersInMemory", () => {
  it.effect("create: Clerk-shaped ids, verified primary identifiers, timestamps from the Clock", () =>
    withLayer(Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const users = yield* Users
      const user = yield* users.create({
        emailAddress: ["Ada@Example.com", "ada2@example.com"],
        phoneNumber: ["+15555550100"],
        web3Wallet: ["0x0123456789ABCDEF0123456789abcdef01234567"],
        username: "Ada_L",
        externalId: "ext-1",
        firstName: "Ada",
        password: "analytical-engine",
        publicMetadata: { plan: "pro" }
      })
      expect(user.id).toMatch(/^user_2[0-9A-Za-z]{26}$/)
      expect(user.emailAddresses[0]?.id).toMatch(/^idn_2[0-9A-Za-z]{26}$/)
      expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id)
      expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual(["ada@example.com", "ada2@example.com"])
      expect(user.emailAddresses[0]?.verification?.status).toBe("verified")
      expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]?.id)
      expect(user.web3Wallets[0]?.web3Wallet).toBe("0x0123456789abcdef0123456789abcdef01234567")
      expect(user.username).toBe("ada_l")
      expect(user.passwordEnabled).toBe(true)
      expect(user.createdAt).toBe(1_700_000_000_000)
      expect(user.updatedAt).toBe(1_700_000_000_000)
      expect(user.passwordLastUpdatedAt).toBe(1_700_000_000_000)
      expect(user.publicMetadata).toEqual({ plan: "pro" })
    })))

  it.effect("identifiers are unique: 422 form_identifier_exists with meta.param_name", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      yield* users.create({
        emailAddress: ["ada@example.com"],
        phoneNumber: ["+15555550100"],
        username: "ada_l",
        externalId: "ext-1"
      })
      const cases = [
        [{ emailAddress: ["ADA@example.com"] }, "email_address"],
        [{ phoneNumber: ["+15555550100"] }, "phone_number"],
        [{ username: "ADA_L" }, "username"],
        [{ externalId: "ext-1" }, "external_id"],
        [{ emailAddress: ["x@example.com", "X@example.com"] }, "email_address"]
      ] as const
      for (const [params, name] of cases) {
        const error = yield* failure(users.create(params))
        expect(error._tag).toBe("UnprocessableEntity")
        expect(codes(error)).toEqual(["form_identifier_exists"])
        expect(param(error)).toBe(name)
        expect("clerkTraceId" in error && error.clerkTraceId).toBeTruthy()
      }
      expect(yield* users.count()).toBe(1)
    })))

  it.effect("malformed identifiers and weak passwords are 422 with Clerk's codes", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      expect(codes(yield* failure(users.create({ emailAddress: ["not-an-email"] })))).toEqual([
        "form_param_format_invalid"
      ])
      expect(codes(yield* failure(users.create({ phoneNumber: ["555"] })))).toEqual(["form_param_format_invalid"])
      expect(codes(yield* failure(users.create({ username: "a b" })))).toEqual(["form_param_format_invalid"])
      expect(codes(yield* failure(users.create({ password: "short" })))).toEqual(["form_password_length_too_short"])
      expect(codes(yield* failure(users.create({ password: "password123" })))).toEqual(["form_password_pwned"])
      expect((yield* users.create({ password: "short", skipPasswordChecks: true })).passwordEnabled).toBe(true)
      expect(codes(yield* failure(users.create({ totpSecret: "not base32!" })))).toEqual([
        "form_param_format_invalid"
      ])
      expect(codes(yield* failure(users.create({ createdAt: "yesterday" })))).toEqual(["form_param_format_invalid"])
      expect(yield* users.count()).toBe(1)
    })))

  it.effect("a missing user is 404 resource_not_found with Clerk's message (tagged per operation)", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const error = yield* failure(users.get("user_missing"))
      expect(error._tag).toBe("ResourceNotFound")
      expect("errors" in error && error.errors[0]).toMatchObject({
        code: "resource_not_found",
        longMessage: "No user was found with id user_missing"
      })
      // ban does not document 404: the same answer arrives as UnexpectedStatus, as over HTTP
      const banned = yield* failure(users.ban("user_missing"))
      expect(banned._tag).toBe("UnexpectedStatus")
      expect("status" in banned && banned.status).toBe(404)
    })))

  it.effect("update keeps absent and null apart", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ firstName: "Ada", lastName: "Lovelace", username: "ada_l", locale: "en" })
      const renamed = yield* users.update(user.id, { firstName: "Grace" })
      expect([renamed.firstName, renamed.lastName, renamed.username, renamed.locale]).toEqual([
        "Grace",
        "Lovelace",
        "ada_l",
        "en"
      ])
      const cleared = yield* users.update(user.id, { lastName: null, username: null })
      expect([cleared.firstName, cleared.lastName, cleared.username]).toEqual(["Grace", null, null])
      // the username is free again
      expect((yield* users.create({ username: "ada_l" })).username).toBe("ada_l")
    })))

  it.effect("update: primary identifiers must be verified identifiers of the user; passwords are re-hashed", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ emailAddress: ["a@example.com", "b@example.com"] })
      const second = user.emailAddresses[1]!.id!
      expect((yield* users.update(user.id, { primaryEmailAddressId: second })).primaryEmailAddressId).toBe(second)
      const error = yield* failure(users.update(user.id, { primaryEmailAddressId: "idn_other" }))
      expect(codes(error)).toEqual(["form_param_value_invalid"])
      yield* users.update(user.id, { password: "a-new-password" })
      expect(yield* users.verifyPassword(user.id, "a-new-password")).toEqual({ verified: true })
    })))

  it.effect("updateMetadata deep-merges; over 8 KB is 422 and changes nothing", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ publicMetadata: { a: { b: 1, c: [1, 2] }, keep: true } })
      const merged = yield* users.updateMetadata(user.id, {
        publicMetadata: { a: { c: [3], d: null, e: { f: null, g: 1 } } },
        privateMetadata: { secret: 1 }
      })
      expect(merged.publicMetadata).toEqual({ a: { b: 1, c: [3], e: { g: 1 } }, keep: true })
      expect(merged.privateMetadata).toEqual({ secret: 1 })
      const huge = { blob: "x".repeat(8 * 1024) }
      const error = yield* failure(users.updateMetadata(user.id, { publicMetadata: huge, unsafeMetadata: { u: 1 } }))
      expect(codes(error)).toEqual(["form_param_exceeds_allowed_size"])
      expect(param(error)).toBe("public_metadata")
      const after = yield* users.get(user.id)
      expect(after.publicMetadata).toEqual(merged.publicMetadata)
      expect(after.unsafeMetadata).toEqual({})
      expect(after.updatedAt).toBe(merged.updatedAt)
    })))

  it.effect("ban, unban, bulk ban and unban (unknown ids ignored)", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const [a, b] = [yield* users.create({ firstName: "a" }), yield* users.create({ firstName: "b" })]
      expect((yield* users.ban(a.id)).banned).toBe(true)
      expect(yield* users.count({ banned: true })).toBe(1)
      expect((yield* users.unban(a.id)).banned).toBe(false)
      const banned = yield* users.bulkBan([a.id, b.id, "user_unknown"])
      expect(banned.map((u) => u.banned)).toEqual([true, true])
      expect(yield* users.count({ banned: false })).toBe(0)
      expect((yield* users.bulkUnban([b.id])).map((u) => u.id)).toEqual([b.id])
    })))

  it.effect("lock expires on the Clock; unlock clears it", () =>
    withLayer(
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({ firstName: "a" })
        const locked = yield* users.lock(user.id)
        expect([locked.locked, locked.lockoutExpiresInSeconds]).toEqual([true, 600])
        yield* TestClock.adjust("9 minutes")
        expect((yield* users.get(user.id)).lockoutExpiresInSeconds).toBe(60)
        yield* TestClock.adjust("1 minute")
        expect((yield* users.get(user.id)).locked).toBe(false)
        yield* users.lock(user.id)
        expect((yield* users.unlock(user.id)).locked).toBe(false)
      }),
      { lockout: "10 minutes" }
    ))

  it.effect("verifyPassword: 400 without a password, 422 when wrong, verified when right; imported digests", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const none = yield* users.create({ firstName: "a" })
      const noPassword = yield* failure(users.verifyPassword(none.id, "anything"))
      expect([noPassword._tag, ...codes(noPassword)]).toEqual(["BadRequest", "no_password_set"])
      const user = yield* users.create({ password: "correct horse battery" })
      const wrong = yield* failure(users.verifyPassword(user.id, "incorrect horse"))
      expect([wrong._tag, ...codes(wrong)]).toEqual(["UnprocessableEntity", "incorrect_password"])
      expect(yield* users.verifyPassword(user.id, "correct horse battery")).toEqual({ verified: true })
      const sha = createHash("sha256").update("imported-pw").digest("hex")
      const imported = yield* users.create({ passwordDigest: sha, passwordHasher: "sha256" })
      expect(yield* users.verifyPassword(imported.id, "imported-pw")).toEqual({ verified: true })
      const django = `pbkdf2_sha256$1000$salt$${pbkdf2Sync("dj-pw", "salt", 1000, 32, "sha256").toString("base64")}`
      const fromDjango = yield* users.create({ passwordDigest: django, passwordHasher: "pbkdf2_sha256_django" })
      expect(yield* users.verifyPassword(fromDjango.id, "dj-pw")).toEqual({ verified: true })
    })))

  it.effect("TOTP per RFC 6238 on the Clock (±1 step), and single-use backup codes", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* TestClock.setTime(59_000) // RFC 6238 test vector time
      const user = yield* users.create({ totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", backupCodes: ["abcd1234"] })
      expect([user.totpEnabled, user.backupCodeEnabled, user.twoFactorEnabled]).toEqual([true, true, true])
      expect(yield* control.totpCode(user.id)).toBe("287082") // RFC 6238 SHA-1 vector, truncated to 6 digits
      expect(yield* users.verifyTotp(user.id, "287082")).toEqual({ verified: true, codeType: "totp" })
      yield* TestClock.adjust("30 seconds")
      expect(yield* users.verifyTotp(user.id, "287082")).toEqual({ verified: true, codeType: "totp" })
      yield* TestClock.adjust("30 seconds")
      const stale = yield* failure(users.verifyTotp(user.id, "287082"))
      expect(codes(stale)).toEqual(["totp_incorrect_code"])
      expect(codes(yield* failure(users.verifyTotp(user.id, "12")))).toEqual(["totp_invalid_length"])
      expect(yield* users.verifyTotp(user.id, "abcd1234")).toEqual({ verified: true, codeType: "backup_code" })
      expect(codes(yield* failure(users.verifyTotp(user.id, "abcd1234")))).toEqual(["totp_incorrect_code"])
      expect((yield* users.get(user.id)).backupCodeEnabled).toBe(false)
      const plain = yield* users.create({ firstName: "no mfa" })
      const disabled = yield* failure(users.verifyTotp(plain.id, "123456"))
      expect([disabled._tag, ...codes(disabled)]).toEqual(["BadRequest", "totp_disabled"])
    })))

  it.effect("createTotp, deleteTotp, deleteBackupCodes and disableMfa update the flags", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* TestClock.setTime(1_000_000)
      const user = yield* users.create({ backupCodes: ["aaaa1111"], phoneNumber: ["+15555550100"] })
      const totp = yield* users.createTotp(user.id)
      expect(totp.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+.*&digits=6&period=30/)
      expect(yield* users.verifyTotp(user.id, yield* control.totpCode(user.id))).toMatchObject({ codeType: "totp" })
      expect((yield* users.get(user.id)).totpEnabled).toBe(true)
      expect(yield* users.deleteTotp(user.id)).toEqual({ userId: user.id })
      expect((yield* users.get(user.id)).totpEnabled).toBe(false)
      expect((yield* users.get(user.id)).twoFactorEnabled).toBe(true)
      yield* users.deleteBackupCodes(user.id)
      const after = yield* users.get(user.id)
      expect([after.backupCodeEnabled, after.twoFactorEnabled]).toEqual([false, false])
      yield* users.createTotp(user.id)
      yield* TestClock.adjust("1 minute")
      yield* users.disableMfa(user.id)
      const off = yield* users.get(user.id)
      expect([off.totpEnabled, off.twoFactorEnabled, off.mfaDisabledAt]).toEqual([false, false, 1_060_000])
    })))

  it.effect("deleting passkeys, web3 wallets and external accounts; 404 when absent", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const user = yield* control.seedUser({
        web3Wallet: ["0x0123456789abcdef0123456789abcdef01234567"],
        passkeys: [{ name: "laptop" }],
        externalAccounts: [{ provider: "oauth_google", providerUserId: "g-1" }]
      })
      const passkey = user.passkeys[0]!.id!
      const wallet = user.web3Wallets[0]!.id!
      const account = user.externalAccounts[0]!.id
      expect(yield* users.deletePasskey(user.id, passkey)).toEqual({ object: "passkey", id: passkey, deleted: true })
      expect(yield* users.deleteWeb3Wallet(user.id, wallet)).toMatchObject({ object: "web3_wallet", deleted: true })
      expect(yield* users.deleteExternalAccount(user.id, account)).toMatchObject({ object: "external_account" })
      const after = yield* users.get(user.id)
      expect([after.passkeys, after.web3Wallets, after.externalAccounts, after.primaryWeb3WalletId]).toEqual([
        [],
        [],
        [],
        null
      ])
      for (
        const error of [
          yield* failure(users.deletePasskey(user.id, passkey)),
          yield* failure(users.deleteWeb3Wallet(user.id, wallet)),
          yield* failure(users.deleteExternalAccount(user.id, account))
        ]
      ) {
        expect([error._tag, ...codes(error)]).toEqual(["ResourceNotFound", "resource_not_found"])
      }
    })))

  it.effect("profile image set and delete update imageUrl and hasImage; compromised password flags", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ password: "a-long-password" })
      const withImage = yield* users.setProfileImage(user.id, { data: new Uint8Array([1, 2, 3]) })
      expect(withImage.hasImage).toBe(true)
      expect(withImage.imageUrl).not.toBe(user.imageUrl)
      const without = yield* users.deleteProfileImage(user.id)
      expect([without.hasImage, without.imageUrl]).toEqual([false, user.imageUrl])
      expect((yield* users.setPasswordCompromised(user.id, { revokeAllSessions: true })).requiresPasswordReset).toBe(
        true
      )
      expect((yield* users.unsetPasswordCompromised(user.id)).requiresPasswordReset).toBe(false)
      const noPassword = yield* users.create({ firstName: "x" })
      expect((yield* failure(users.setPasswordCompromised(noPassword.id)))._tag).toBe("UnprocessableEntity")
    })))

  it.effect("memberships, invitations (status filter), OAuth tokens and subscriptions come from seeds", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"], firstName: "Ada", username: "ada_l" })
      const bob = yield* control.seedUser({ emailAddress: ["bob@example.com"], firstName: "Bob", username: "bob_b" })
      const acme = yield* control.seedOrganization({ name: "Acme" })
      const globex = yield* control.seedOrganization({ name: "Globex" })
      yield* control.seedMembership({ userId: ada.id, organizationId: acme.id, role: "org:admin", createdAt: 1 })
      yield* control.seedMembership({ userId: ada.id, organizationId: globex.id, createdAt: 2 })
      yield* control.seedMembership({ userId: bob.id, organizationId: acme.id, createdAt: 3 })
      const memberships = yield* users.getOrganizationMemberships(ada.id)
      expect(memberships.totalCount).toBe(2)
      expect(memberships.data.map((m) => m.organization.name)).toEqual(["Globex", "Acme"])
      expect(memberships.data[1]?.publicUserData?.identifier).toBe("ada@example.com")
      const byName = yield* users.getInstanceOrganizationMemberships({ orderBy: "-first_name" })
      expect(byName.data.map((m) => m.publicUserData?.firstName)).toEqual(["Bob", "Ada", "Ada"])
      expect(yield* users.count({ organizationId: [acme.id] })).toBe(2)
      expect(yield* users.count({ organizationId: [`-${globex.id}`] })).toBe(1)

      yield* control.seedInvitation({ organizationId: acme.id, emailAddress: "ADA@example.com", status: "pending" })
      yield* control.seedInvitation({ organizationId: globex.id, emailAddress: "ada@example.com", status: "revoked" })
      expect((yield* users.getOrganizationInvitations(ada.id)).totalCount).toBe(2)
      const pending = yield* users.getOrganizationInvitations(ada.id, { status: "pending" })
      expect(pending.data.map((i) => i.publicOrganizationData?.name)).toEqual(["Acme"])

      yield* control.seedOAuthToken({ userId: ada.id, provider: "oauth_google", token: "ya29", providerUserId: "g1" })
      expect((yield* users.getOAuthAccessToken(ada.id, "oauth_google")).map((t) => t.token)).toEqual(["ya29"])
      expect(yield* users.getOAuthAccessToken(ada.id, "oauth_github")).toEqual([])
      expect(yield* users.count({ provider: "oauth_google", providerUserId: ["g1"] })).toBe(1)

      expect((yield* failure(users.getBillingSubscription(ada.id)))._tag).toBe("ResourceNotFound")
    })))

  it.effect("injected faults: status with Clerk body, 429 with Retry-After, latency, next N calls", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.status(503), times: 2 })
      expect((yield* failure(users.count()))._tag).toBe("ServerError")
      expect((yield* failure(users.count()))._tag).toBe("ServerError")
      expect(yield* users.count()).toBe(0)
      yield* control.injectFault({ fault: Fault.rateLimited("7 seconds") })
      const limited = yield* failure(users.list())
      expect(limited._tag === "RateLimited" && limited.retryAfter).toEqual(Duration.seconds(7))
      yield* control.injectFault({ operations: ["list"], fault: Fault.latency("5 seconds") })
      const fiber = yield* Effect.fork(users.list())
      yield* TestClock.adjust("4 seconds")
      expect(fiber.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 second")
      expect(Exit.isSuccess(yield* Fiber.await(fiber))).toBe(true)
      // "after": the operation takes effect, then the client sees a failure
      yield* control.injectFault({ operations: ["create"], fault: Fault.disconnect, when: "after" })
      expect((yield* failure(users.create({ firstName: "ghost" })))._tag).toBe("TransportError")
      expect(yield* users.count()).toBe(1)
    })))

  it.effect("invalid input is refused before reaching the store, as over HTTP", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      expect((yield* failure(users.get("")))._tag).toBe("InvalidRequest")
      expect((yield* failure(users.list({ limit: 0 })))._tag).toBe("InvalidRequest")
      expect((yield* failure(users.bulkBan([])))._tag).toBe("InvalidRequest")
    })))

  it.effect("every build of the layer owns a fresh store", () =>
    Effect.gen(function*() {
      const count = Effect.flatMap(Users, (users) => Effect.zipRight(users.create({}), users.count()))
      expect(yield* Effect.provide(count, UsersInMemory.layer())).toBe(1)
      expect(yield* Effect.provide(count, UsersInMemory.layer())).toBe(1)
    }))

  it.effect("update on API version 2026-05-12 refuses metadata, as the HTTP client does", () =>
    withLayer(
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({})
        const error = yield* failure(users.update(user.id, { publicMetadata: {} }))
        expect(error._tag).toBe("InvalidRequest")
      }),
      { apiVersion: "2026-05-12" }
    ))

  it.effect("update on API version 2026-05-12 names both ways to write metadata", () =>
    withLayer(
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({})
        const error = yield* failure(users.update(user.id, { privateMetadata: {} }))
        expect(error._tag === "InvalidRequest" && [error.field, error.message]).toEqual([
          "params.privateMetadata",
          expect.stringMatching(/updateMetadata or replaceMetadata/)
        ])
      }),
      { apiVersion: "2026-05-12" }
    ))

  it.effect("replaceMetadata replaces each given field as a whole and keeps the others", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ publicMetadata: { a: { b: 1 } }, privateMetadata: { keep: true } })
      const replaced = yield* users.replaceMetadata(user.id, { publicMetadata: { a: { c: 2 } } })
      expect([replaced.publicMetadata, replaced.privateMetadata]).toEqual([{ a: { c: 2 } }, { keep: true }])
      const emptied = yield* users.replaceMetadata(user.id, { privateMetadata: {} })
      expect(emptied.privateMetadata).toEqual({})
    })))

  it.effect("replaceEmailAddress: one primary address; refused while an address is linked to a connected account", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* users.create({ emailAddress: ["ada@example.com", "ada@work.example"] })
      const reserved = yield* users.replaceEmailAddress(ada.id, {
        emailAddress: "ada@example.org",
        identificationStatus: "reserved"
      })
      expect([reserved.reserved, reserved.verification]).toEqual([true, null])
      const after = yield* users.get(ada.id)
      expect([after.emailAddresses.length, after.primaryEmailAddressId]).toEqual([1, reserved.id])
      // the old addresses are free again
      yield* users.create({ emailAddress: ["ada@work.example"] })
      // an external account carrying the same address links it, as an OAuth sign-in does
      const linked = yield* control.seedUser({ emailAddress: ["linked@example.com"] })
      const withAccount = yield* control.seedExternalAccount(linked.id, {
        provider: "github",
        providerUserId: "gh-1",
        emailAddress: "Linked@example.com"
      })
      expect(withAccount.emailAddresses[0]?.linkedTo).toEqual([
        { type: "oauth_github", id: withAccount.externalAccounts[0]!.identificationId }
      ])
      const refused = yield* failure(users.replaceEmailAddress(linked.id, { emailAddress: "new@example.com" }))
      expect([refused._tag, param(refused)]).toEqual(["UnprocessableEntity", "email_address"])
      yield* users.deleteExternalAccount(linked.id, withAccount.externalAccounts[0]!.id)
      const unlinked = yield* users.replaceEmailAddress(linked.id, { emailAddress: "new@example.com" })
      expect(unlinked.emailAddress).toBe("new@example.com")
    })))

  it.effect("replacePhoneNumber: a number reserved for second factor takes the user's MFA with it", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      // a plain number: TOTP stays
      const plainUser = yield* control.seedUser({ phoneNumber: ["+15555550100"], totpSecret: "JBSWY3DPEHPK3PXP" })
      const plain = yield* users.replacePhoneNumber(plainUser.id, { phoneNumber: "+15555550101" })
      expect(plain.reservedForSecondFactor).toBe(false)
      expect(yield* users.get(plainUser.id)).toMatchObject({ totpEnabled: true, twoFactorEnabled: true })
      // a number reserved for second factor: all of the user's MFA goes
      const smsUser = yield* control.seedUser({
        phoneNumber: ["+15555550110", "+15555550111"],
        secondFactorPhoneNumbers: ["+15555550111"],
        totpSecret: "JBSWY3DPEHPK3PXP",
        backupCodes: ["aaaa1111"]
      })
      expect(smsUser.phoneNumbers.map((p) => [p.reservedForSecondFactor, p.defaultSecondFactor])).toEqual([
        [false, false],
        [true, true]
      ])
      const replaced = yield* users.replacePhoneNumber(smsUser.id, { phoneNumber: "+15555550112" })
      expect([replaced.reservedForSecondFactor, replaced.defaultSecondFactor]).toEqual([false, false])
      const after = yield* users.get(smsUser.id)
      expect(after).toMatchObject({ totpEnabled: false, backupCodeEnabled: false, twoFactorEnabled: false })
      expect(after.mfaDisabledAt).not.toBeNull()
      expect(after.phoneNumbers.map((p) => p.phoneNumber)).toEqual(["+15555550112"])
      // only SMS: two-factor is on from the seed, off after the replacement
      const smsOnly = yield* control.seedUser({
        phoneNumber: ["+15555550120"],
        secondFactorPhoneNumbers: ["+15555550120"]
      })
      expect(smsOnly.twoFactorEnabled).toBe(true)
      yield* users.replacePhoneNumber(smsOnly.id, { phoneNumber: "+15555550121" })
      expect((yield* users.get(smsOnly.id)).twoFactorEnabled).toBe(false)
      // a second-factor number that is not one of the user's is a seeding error
      const seedError = yield* Effect.flip(
        control.seedUser({ phoneNumber: ["+15555550130"], secondFactorPhoneNumbers: ["+15555550131"] })
      )
      expect(seedError).toMatchObject({ _tag: "SeedError", code: "form_param_value_invalid" })
      const error = yield* failure(users.replacePhoneNumber("user_none", { phoneNumber: "+15555550102" }))
      expect(error._tag).toBe("ResourceNotFound")
    })))

  it.effect("credits: a ledger in one currency, never below zero, one entry per idempotency key", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const user = yield* users.create({})
      const seeded = yield* control.seedCredits(user.id, { amount: 1000, currency: "EUR" })
      expect([seeded.sourceType, seeded.amount.amountFormatted]).toEqual(["seed", "€10.00"])
      const spent = yield* users.adjustBillingCreditBalance(user.id, {
        amount: 250,
        action: "decrease",
        idempotencyKey: "spend-1"
      })
      expect([spent.amount.amount, spent.amount.amountFormatted, spent.amount.currency]).toEqual([
        -250,
        "-€2.50",
        "EUR"
      ])
      const again = yield* users.adjustBillingCreditBalance(user.id, {
        amount: 999,
        action: "decrease",
        idempotencyKey: "spend-1"
      })
      expect(again).toEqual(spent)
      const otherCurrency = yield* failure(
        users.adjustBillingCreditBalance(user.id, {
          amount: 1,
          action: "increase",
          idempotencyKey: "usd",
          currency: "USD"
        })
      )
      expect([otherCurrency._tag, param(otherCurrency)]).toEqual(["UnprocessableEntity", "currency"])
      const tooMuch = yield* failure(
        users.adjustBillingCreditBalance(user.id, { amount: 751, action: "decrease", idempotencyKey: "spend-2" })
      )
      expect([tooMuch._tag, param(tooMuch)]).toEqual(["UnprocessableEntity", "amount"])
      expect((yield* users.getBillingCreditBalance(user.id)).balance?.amount).toBe(750)
    })))

  it.effect("OAuth tokens: an array, or with paginated a page and the total", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const user = yield* users.create({})
      for (const token of ["t1", "t2", "t3"]) {
        yield* control.seedOAuthToken({ userId: user.id, provider: "google", token })
      }
      const all = yield* users.getOAuthAccessToken(user.id, "oauth_google")
      expect(all.map((t) => t.token)).toEqual(["t1", "t2", "t3"])
      const page = yield* users.getOAuthAccessToken(user.id, "google", { paginated: true, limit: 2, offset: 1 })
      expect([page.totalCount, page.data.map((t) => t.token)]).toEqual([3, ["t2", "t3"]])
    })))
})
