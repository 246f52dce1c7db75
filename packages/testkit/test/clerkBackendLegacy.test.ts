/**
 * Older clients no one here wrote: `@clerk/backend` 1.x (the latest, 1.34: what `@clerk/clerk-sdk-node` 5 and
 * early `@clerk/express` 1.x use) and 2.x (2.20, the last 2.x sending `Clerk-API-Version: 2025-04-10`) drive the
 * emulator on a loopback port through every method of their `users` API, as `clerkBackend.test.ts` does with
 * 3.x. Their `users` API is the same in both (24 methods, a subset of 3.x's).
 *
 * What these clients expect, which the emulator must keep:
 * - the `Clerk-API-Version` they send (`2025-04-10`) is accepted, with the rules of its date (metadata in
 *   `updateUser` is still taken);
 * - JSON answers carry `Content-Type: application/json` exactly: 1.x and 2.x parse a body as JSON only when the
 *   header is that string (with `; charset=utf-8` every call would fail);
 * - `getUserList` sends its filters twice: to `GET /users` with `limit`, `offset`, `order_by`, and to
 *   `GET /users/count` without them, so `organization_id` and `last_active_at_since` reach the count too;
 * - requests without a body (`banUser`, ...) still say `Content-Type: application/json`, and falsy query values
 *   (`0`, `false`) are left out;
 * - `getUserOauthAccessToken` sends `paginated=true` and reads `{ data, total_count }`.
 * None of their methods reaches a route outside the Users endpoints.
 */
import { createClerkClient as createClerkClientV1 } from "@clerk/backend-v1"
import { createClerkClient as createClerkClientV2 } from "@clerk/backend-v2"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { ClerkEmulator, UsersTestControl } from "../src/index.js"
import { methodsOf, recording } from "./utils/sdkUsers.js"

const KEY = "sk_test_clerk_backend_legacy"

const require = createRequire(import.meta.url)

/** The `Clerk-API-Version` a published `@clerk/backend` sends, read from its code. */
const versionSentBy = (alias: string): string | undefined => {
  const main = require.resolve(alias)
  const match = /SUPPORTED_BAPI_VERSION = "([^"]+)"/.exec(readFileSync(main, "utf8"))
  return match?.[1]
}

const clients = [
  { alias: "@clerk/backend-v1", create: createClerkClientV1, version: "1.34.0" },
  { alias: "@clerk/backend-v2", create: createClerkClientV2, version: "2.20.1" }
] as const

describe("what @clerk/backend 1.x and 2.x read of an answer", () => {
  it.live("every JSON answer, success or error, says Content-Type: application/json exactly", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const answer = (
        path: string,
        init: { readonly method?: string; readonly headers?: Record<string, string> } = {}
      ) =>
        Effect.promise(async () => {
          const response = await fetch(`${apiUrl}${path}`, {
            method: init.method ?? "GET",
            headers: { authorization: `Bearer ${KEY}`, "clerk-api-version": "2025-04-10", ...init.headers }
          })
          await response.arrayBuffer()
          return [path, response.status, response.headers.get("content-type")] as const
        })
      const answers = yield* Effect.all([
        answer("/users/count"),
        answer("/users?limit=1"),
        answer("/users/user_missing"),
        answer("/users/count", { headers: { authorization: "Bearer sk_test_wrong" } }),
        answer("/users/count", { headers: { "clerk-api-version": "2025-12-03" } }),
        answer("/users?limit=-1"),
        answer("/nowhere")
      ])
      expect(answers).toEqual([
        ["/users/count", 200, "application/json"],
        ["/users?limit=1", 200, "application/json"],
        ["/users/user_missing", 404, "application/json"],
        ["/users/count", 401, "application/json"],
        ["/users/count", 400, "application/json"],
        ["/users?limit=-1", 422, "application/json"],
        ["/nowhere", 404, "application/json"]
      ])
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY] }))))
})

describe.each(clients)("$alias ($version) against the emulator", ({ alias, create }) => {
  it("sends Clerk-API-Version 2025-04-10", () => {
    expect(versionSentBy(alias)).toBe("2025-04-10")
  })

  it.live("every users method works and answers as Clerk does", () =>
    Effect.gen(function*() {
      const emulator = yield* ClerkEmulator.ClerkEmulator
      const control = yield* UsersTestControl
      const clerk = create({ secretKey: KEY, apiUrl: emulator.apiUrl.replace(/\/v1$/, "") })
      const called = new Set<string>()
      const users = recording(clerk.users, called)
      const call = <A>(f: () => Promise<A>) => Effect.promise(f)

      const ada = yield* call(async () =>
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
      const bob = yield* call(async () => users.createUser({ emailAddress: ["bob@example.com"] }))
      expect((yield* call(async () => users.getUser(ada.id))).id).toBe(ada.id)
      const list = yield* call(async () => users.getUserList({ orderBy: "+created_at", limit: 10 }))
      expect([list.totalCount, list.data.map((u) => u.id)]).toEqual([2, [ada.id, bob.id]])
      expect(yield* call(async () => users.getCount({ emailAddress: ["bob@example.com"] }))).toBe(1)

      // getUserList's filters reach GET /users/count too: organization_id and last_active_at_since
      const acme = yield* control.seedOrganization({ name: "Acme" })
      yield* control.seedMembership({ userId: ada.id, organizationId: acme.id, role: "org:admin" })
      const members = yield* call(async () => users.getUserList({ organizationId: [acme.id], limit: 1 }))
      expect([members.totalCount, members.data.map((u) => u.id)]).toEqual([1, [ada.id]])
      const active = yield* call(async () => users.getUserList({ last_active_at_since: 1_700_000_000_000, limit: 5 }))
      expect([active.totalCount, active.data.length]).toEqual([0, 0])

      // API version 2025-04-10 still takes metadata in PATCH /users/{id}
      const renamed = yield* call(async () =>
        users.updateUser(ada.id, { lastName: "Lovelace", publicMetadata: { tier: 1 } })
      )
      expect([renamed.lastName, renamed.publicMetadata]).toEqual(["Lovelace", { tier: 1 }])
      const merged = yield* call(async () => users.updateUserMetadata(ada.id, { publicMetadata: { nested: { a: 1 } } }))
      expect(merged.publicMetadata).toEqual({ tier: 1, nested: { a: 1 } })

      const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "a.png", { type: "image/png" })
      expect((yield* call(async () => users.updateUserProfileImage(ada.id, { file: image }))).hasImage).toBe(true)
      expect((yield* call(async () => users.deleteUserProfileImage(ada.id))).hasImage).toBe(false)

      yield* control.seedOAuthToken({ userId: ada.id, provider: "oauth_google", token: "ya29.token" })
      const tokens = yield* call(async () => users.getUserOauthAccessToken(ada.id, "google"))
      expect([tokens.totalCount, tokens.data[0]?.token]).toEqual([1, "ya29.token"])
      yield* control.seedInvitation({ organizationId: acme.id, emailAddress: "bob@example.com" })
      const memberships = yield* call(async () => users.getOrganizationMembershipList({ userId: ada.id, limit: 10 }))
      expect([memberships.totalCount, memberships.data[0]?.organization.name]).toEqual([1, "Acme"])
      const invitations = yield* call(async () =>
        users.getOrganizationInvitationList({ userId: bob.id, status: "pending" })
      )
      expect([invitations.totalCount, invitations.data[0]?.emailAddress]).toEqual([1, "bob@example.com"])

      expect(yield* call(async () => users.verifyPassword({ userId: ada.id, password: "analytical-engine" }))).toEqual({
        verified: true
      })
      const code = yield* control.totpCode(ada.id)
      expect(yield* call(async () => users.verifyTOTP({ userId: ada.id, code }))).toEqual({
        verified: true,
        code_type: "totp"
      })

      expect((yield* call(async () => users.banUser(bob.id))).banned).toBe(true)
      expect((yield* call(async () => users.unbanUser(bob.id))).banned).toBe(false)
      expect((yield* call(async () => users.lockUser(bob.id))).locked).toBe(true)
      expect((yield* call(async () => users.unlockUser(bob.id))).locked).toBe(false)

      expect(yield* call(async () => users.deleteUserBackupCodes(ada.id))).toEqual({ user_id: ada.id })
      expect(yield* call(async () => users.deleteUserTOTP(ada.id))).toEqual({ user_id: ada.id })
      expect(yield* call(async () => users.disableUserMFA(ada.id))).toEqual({ user_id: ada.id })

      const carol = yield* control.seedUser({
        web3Wallet: ["0x0123456789abcdef0123456789abcdef01234567"],
        passkeys: [{ name: "phone" }],
        externalAccounts: [{ provider: "oauth_github", providerUserId: "gh-1" }]
      })
      const passkey = yield* call(async () =>
        users.deleteUserPasskey({ userId: carol.id, passkeyIdentificationId: carol.passkeys[0]!.id! })
      )
      const wallet = yield* call(async () =>
        users.deleteUserWeb3Wallet({ userId: carol.id, web3WalletIdentificationId: carol.web3Wallets[0]!.id! })
      )
      const account = yield* call(async () =>
        users.deleteUserExternalAccount({ userId: carol.id, externalAccountId: carol.externalAccounts[0]!.id })
      )
      expect([passkey.deleted, wallet.deleted, account.deleted]).toEqual([true, true, true])

      // typed as a User by @clerk/backend, a DeletedObject on the wire
      const deleted: unknown = yield* call(async () => users.deleteUser(bob.id))
      expect(deleted).toMatchObject({ id: bob.id, deleted: true })
      const missing = yield* Effect.flip(Effect.tryPromise(async () => users.getUser(bob.id)))
      expect(missing.error).toMatchObject({ status: 404, errors: [{ code: "resource_not_found" }] })

      expect([...called].sort()).toEqual([...methodsOf(clerk.users)].sort())
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY] }))), { timeout: 30_000 })
})
