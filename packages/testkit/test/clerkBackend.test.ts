/**
 * A client no one here wrote: Clerk's own `@clerk/backend` drives the emulator on a loopback port through every
 * method of its `users` API, and gets Clerk's results (its classes, its pagination, its errors). A new method in
 * a later `@clerk/backend` fails the coverage test until it is called here.
 */
import { createClerkClient } from "@clerk/backend"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { ClerkEmulator, UsersTestControl } from "../src/index.js"
import { methodsOf, recording } from "./utils/sdkUsers.js"

const KEY = "sk_test_clerk_backend"

describe("@clerk/backend against the emulator", () => {
  it.live("every users method works and answers as Clerk does", () =>
    Effect.gen(function*() {
      const emulator = yield* ClerkEmulator.ClerkEmulator
      const control = yield* UsersTestControl
      const clerk = createClerkClient({ secretKey: KEY, apiUrl: emulator.apiUrl.replace(/\/v1$/, "") })
      const called = new Set<string>()
      const users = recording(clerk.users, called)
      const call = <A>(f: () => Promise<A>) => Effect.promise(f)

      const ada = yield* call(() =>
        users.createUser({
          emailAddress: ["ada@example.com"],
          phoneNumber: ["+15555550100"],
          firstName: "Ada",
          password: "analytical-engine",
          totpSecret: "JBSWY3DPEHPK3PXP",
          backupCodes: ["abcd1234"],
          publicMetadata: { plan: "pro" }
        })
      )
      expect([ada.firstName, ada.emailAddresses[0]?.emailAddress, ada.passwordEnabled]).toEqual([
        "Ada",
        "ada@example.com",
        true
      ])
      const bob = yield* call(() => users.createUser({ emailAddress: ["bob@example.com"], banned: false }))
      expect((yield* call(() => users.getUser(ada.id))).id).toBe(ada.id)
      const list = yield* call(() => users.getUserList({ orderBy: "+created_at", limit: 10 }))
      expect([list.totalCount, list.data.map((u) => u.id)]).toEqual([2, [ada.id, bob.id]])
      expect(yield* call(() => users.getCount({ emailAddress: ["bob@example.com"] }))).toBe(1)

      // metadata in updateUser goes to PUT /users/{id}/metadata on API version 2026-05-12
      const renamed = yield* call(() => users.updateUser(ada.id, { lastName: "Lovelace", publicMetadata: { tier: 1 } }))
      expect([renamed.lastName, renamed.publicMetadata]).toEqual(["Lovelace", { tier: 1 }])
      const merged = yield* call(() => users.updateUserMetadata(ada.id, { publicMetadata: { nested: { a: 1 } } }))
      expect(merged.publicMetadata).toEqual({ tier: 1, nested: { a: 1 } })
      const replaced = yield* call(() => users.replaceUserMetadata(ada.id, { publicMetadata: { only: true } }))
      expect(replaced.publicMetadata).toEqual({ only: true })
      const email = yield* call(() => users.replaceUserEmailAddress(bob.id, { emailAddress: "bob@example.org" }))
      expect(email.emailAddress).toBe("bob@example.org")
      const phone = yield* call(() => users.replaceUserPhoneNumber(bob.id, { phoneNumber: "+15555550111" }))
      expect(phone.phoneNumber).toBe("+15555550111")

      const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "a.png", { type: "image/png" })
      expect((yield* call(() => users.updateUserProfileImage(ada.id, { file: image }))).hasImage).toBe(true)
      expect((yield* call(() => users.deleteUserProfileImage(ada.id))).hasImage).toBe(false)

      yield* control.seedOAuthToken({ userId: ada.id, provider: "oauth_google", token: "ya29.token" })
      const tokens = yield* call(() => users.getUserOauthAccessToken(ada.id, "google"))
      expect([tokens.totalCount, tokens.data[0]?.token]).toEqual([1, "ya29.token"])
      const acme = yield* control.seedOrganization({ name: "Acme" })
      yield* control.seedMembership({ userId: ada.id, organizationId: acme.id, role: "org:admin" })
      yield* control.seedInvitation({ organizationId: acme.id, emailAddress: "bob@example.org" })
      const memberships = yield* call(() => users.getOrganizationMembershipList({ userId: ada.id }))
      expect([memberships.totalCount, memberships.data[0]?.organization.name]).toEqual([1, "Acme"])
      const invitations = yield* call(() => users.getOrganizationInvitationList({ userId: bob.id, status: "pending" }))
      expect([invitations.totalCount, invitations.data[0]?.emailAddress]).toEqual([1, "bob@example.org"])

      expect(yield* call(() => users.verifyPassword({ userId: ada.id, password: "analytical-engine" }))).toEqual({
        verified: true
      })
      const code = yield* control.totpCode(ada.id)
      expect(yield* call(() => users.verifyTOTP({ userId: ada.id, code }))).toEqual({
        verified: true,
        code_type: "totp"
      })
      // @clerk/backend's User has no requires_password_reset: the store says what the calls did
      const requiresReset = Effect.map(
        control.snapshot,
        (snapshot) => snapshot.users.find((entry) => entry.user.id === ada.id)?.user.requiresPasswordReset
      )
      expect(yield* requiresReset).toBe(false)
      const compromised = yield* call(() => users.setPasswordCompromised(ada.id))
      expect(compromised.passwordEnabled).toBe(true)
      expect(yield* requiresReset).toBe(true)
      yield* call(() => users.unsetPasswordCompromised(ada.id))
      expect(yield* requiresReset).toBe(false)
      expect((yield* call(() => users.removePassword(ada.id))).passwordEnabled).toBe(false)

      expect((yield* call(() => users.banUser(bob.id))).banned).toBe(true)
      expect((yield* call(() => users.unbanUser(bob.id))).banned).toBe(false)
      expect((yield* call(() => users.lockUser(bob.id))).locked).toBe(true)
      expect((yield* call(() => users.unlockUser(bob.id))).locked).toBe(false)

      expect(yield* call(() => users.deleteUserBackupCodes(ada.id))).toEqual({ user_id: ada.id })
      expect(yield* call(() => users.deleteUserTOTP(ada.id))).toEqual({ user_id: ada.id })
      expect(yield* call(() => users.disableUserMFA(ada.id))).toEqual({ user_id: ada.id })

      const carol = yield* control.seedUser({
        web3Wallet: ["0x0123456789abcdef0123456789abcdef01234567"],
        passkeys: [{ name: "phone" }],
        externalAccounts: [{ provider: "oauth_github", providerUserId: "gh-1" }]
      })
      const passkey = yield* call(() =>
        users.deleteUserPasskey({ userId: carol.id, passkeyIdentificationId: carol.passkeys[0]!.id! })
      )
      const wallet = yield* call(() =>
        users.deleteUserWeb3Wallet({ userId: carol.id, web3WalletIdentificationId: carol.web3Wallets[0]!.id! })
      )
      const account = yield* call(() =>
        users.deleteUserExternalAccount({ userId: carol.id, externalAccountId: carol.externalAccounts[0]!.id })
      )
      expect([passkey.deleted, wallet.deleted, account.deleted]).toEqual([true, true, true])

      // typed as a User by @clerk/backend, a DeletedObject on the wire
      const deleted: unknown = yield* call(() => users.deleteUser(bob.id))
      expect(deleted).toMatchObject({ id: bob.id, deleted: true })
      const missing = yield* Effect.flip(Effect.tryPromise(() => users.getUser(bob.id)))
      expect(missing.error).toMatchObject({ status: 404, errors: [{ code: "resource_not_found" }] })

      expect([...called].sort()).toEqual([...methodsOf(clerk.users)].sort())
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY] }))), { timeout: 30_000 })
})
