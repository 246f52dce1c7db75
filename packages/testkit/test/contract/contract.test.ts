/**
 * The contract suite: one scenario over every operation (successes, the errors Clerk's semantics produce,
 * and every documented status injected as a fault), run against the three set-ups. Each run checks Clerk's
 * behaviour step by step; the normalized logs of the three runs must then be identical.
 */
import { Users } from "@effect-clerk/core"
import type { BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { statusErrorClasses } from "@effect-clerk/core/ClerkError"
import { operations } from "@effect-clerk/core/UsersProtocol"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { Fault, UsersTestControl } from "../../src/index.js"
import { setups } from "./setups.js"

interface Step {
  readonly step: string
  readonly ok?: unknown
  readonly error?: { readonly tag: string; readonly status?: number; readonly codes?: ReadonlyArray<string> }
}

const ID = /\b(user|idn|eac|org|orgmem|orginv|img|totp|puid|ccl|csrc|cpayer|td)_2[0-9A-Za-z]{26}\b/g

/** Replaces generated ids by their order of first appearance, so that runs on different stores compare. */
const normalizer = () => {
  const seen = new Map<string, string>()
  return (value: unknown): unknown => {
    if (value === undefined) return undefined
    const text = JSON.stringify(value).replace(ID, (id, prefix: string) => {
      let label = seen.get(id)
      if (label === undefined) {
        label = `<${prefix}#${seen.size}>`
        seen.set(id, label)
      }
      return label
    })
    return JSON.parse(text)
  }
}

const subscription = (payerId: string): BillingSubscription => ({
  object: "commerce_subscription",
  id: "csub_contract",
  instanceId: "ins_contract",
  status: "active",
  payerId,
  createdAt: 1,
  updatedAt: 2,
  activeAt: 1,
  pastDueAt: null,
  subscriptionItems: [{
    object: "commerce_subscription_item",
    id: "csubi_1",
    instanceId: "ins_contract",
    status: "active",
    planId: "cplan_pro",
    planPeriod: "month",
    payerId,
    isFreeTrial: false,
    periodStart: 1,
    periodEnd: null,
    canceledAt: null,
    pastDueAt: null,
    endedAt: null
  }]
})

const scenario = Effect.gen(function*() {
  const users = yield* Users
  const control = yield* UsersTestControl
  const log: Array<Step> = []
  const normalize = normalizer()

  const ok = <A>(step: string, effect: Effect.Effect<A, ClerkError>) =>
    Effect.flatMap(Effect.either(effect), (result) => {
      if (Either.isLeft(result)) {
        return Effect.dieMessage(`${step}: expected a success, got ${result.left._tag}: ${result.left.message}`)
      }
      log.push({ step, ok: normalize(result.right) })
      return Effect.succeed(result.right)
    })

  const fails = (step: string, effect: Effect.Effect<unknown, ClerkError>, tag: string, code?: string) =>
    Effect.flatMap(Effect.either(effect), (result) => {
      if (Either.isRight(result)) return Effect.dieMessage(`${step}: expected ${tag}, got a success`)
      const error = result.left
      expect(error._tag, step).toBe(tag)
      const codes = "errors" in error ? error.errors.map((e) => e.code) : undefined
      if (code !== undefined) expect(codes, step).toContain(code)
      log.push({
        step,
        error: { tag: error._tag, ...("status" in error ? { status: error.status } : {}), ...(codes ? { codes } : {}) }
      })
      return Effect.void
    })

  // --- create, uniqueness -----------------------------------------------------
  const ada = yield* ok(
    "create ada",
    users.create({
      emailAddress: ["ada@example.com"],
      phoneNumber: ["+15555550100"],
      username: "ada_l",
      firstName: "Ada",
      lastName: "Byron",
      password: "analytical-engine",
      totpSecret: "JBSWY3DPEHPK3PXP",
      backupCodes: ["abcd1234", "efgh5678"],
      publicMetadata: { plan: "pro", nested: { a: 1 } }
    })
  )
  expect(ada.totpEnabled && ada.backupCodeEnabled && ada.passwordEnabled).toBe(true)
  const bob = yield* ok("create bob", users.create({ emailAddress: ["bob@example.com"], externalId: "ext-bob" }))
  const carol = yield* control.seedUser({
    emailAddress: ["carol@example.com"],
    web3Wallet: ["0x0123456789abcdef0123456789abcdef01234567"],
    passkeys: [{ name: "phone", lastUsedAt: 5 }],
    externalAccounts: [{ provider: "oauth_github", providerUserId: "gh-1", emailAddress: "carol@example.com" }]
  })
  log.push({ step: "seed carol", ok: normalize(carol) })
  yield* fails(
    "create: email taken",
    users.create({ emailAddress: ["ADA@example.com"] }),
    "UnprocessableEntity",
    "form_identifier_exists"
  )
  yield* fails(
    "create: external id taken",
    users.create({ externalId: "ext-bob" }),
    "UnprocessableEntity",
    "form_identifier_exists"
  )
  yield* fails(
    "create: bad email",
    users.create({ emailAddress: ["nope"] }),
    "UnprocessableEntity",
    "form_param_format_invalid"
  )
  yield* fails(
    "create: weak password",
    users.create({ password: "short" }),
    "UnprocessableEntity",
    "form_password_length_too_short"
  )
  yield* fails("create: NaN metadata", users.create({ publicMetadata: { n: Number.NaN } }), "InvalidRequest")

  // --- list, count, get ---------------------------------------------------------
  const all = yield* ok("list +created_at", users.list({ orderBy: "+created_at", limit: 10 }))
  expect(all.map((u) => u.id)).toEqual([ada.id, bob.id, carol.id])
  expect((yield* ok("list email query", users.list({ emailAddressQuery: "ADA" }))).map((u) => u.id)).toEqual([ada.id])
  yield* ok("list page 2", users.list({ orderBy: "-created_at", limit: 2, offset: 2 }))
  yield* ok("list by provider", users.list({ provider: "oauth_github", providerUserId: ["gh-1"] }))
  yield* fails("list: provider alone", users.list({ provider: "oauth_github" }), "UnprocessableEntity")
  yield* fails("list: limit 0", users.list({ limit: 0 }), "InvalidRequest")
  expect(yield* ok("count", users.count())).toBe(3)
  expect(yield* ok("count excluding ada", users.count({ userId: [`-${ada.id}`] }))).toBe(2)
  yield* ok("count by external id", users.count({ externalId: ["ext-bob"] }))
  yield* fails("count: provider alone", users.count({ provider: "x" }), "UnprocessableEntity")
  yield* ok("get ada", users.get(ada.id))
  yield* fails("get missing", users.get("user_missing"), "ResourceNotFound", "resource_not_found")
  yield* fails("get empty id", users.get(""), "InvalidRequest")

  // --- update, metadata ---------------------------------------------------------
  const updated = yield* ok("update ada", users.update(ada.id, { lastName: null, locale: "en-GB" }))
  expect([updated.firstName, updated.lastName, updated.locale]).toEqual(["Ada", null, "en-GB"])
  yield* fails(
    "update: username taken",
    users.update(bob.id, { username: "ada_l" }),
    "UnprocessableEntity",
    "form_identifier_exists"
  )
  yield* fails("update missing", users.update("user_missing", { firstName: "x" }), "ResourceNotFound")
  const merged = yield* ok(
    "updateMetadata",
    users.updateMetadata(ada.id, {
      publicMetadata: { nested: { b: 2 }, plan: null },
      privateMetadata: { tier: 1 }
    })
  )
  expect(merged.publicMetadata).toEqual({ nested: { a: 1, b: 2 } })
  yield* fails(
    "updateMetadata: 8 KB",
    users.updateMetadata(ada.id, { unsafeMetadata: { x: "y".repeat(9000) } }),
    "UnprocessableEntity",
    "form_param_exceeds_allowed_size"
  )
  yield* fails("updateMetadata missing", users.updateMetadata("user_missing", {}), "ResourceNotFound")

  // --- ban, lock ------------------------------------------------------------------
  yield* ok("ban bob", users.ban(bob.id))
  yield* ok("unban bob", users.unban(bob.id))
  yield* fails("ban missing (404 undocumented)", users.ban("user_missing"), "UnexpectedStatus")
  yield* fails("unban missing", users.unban("user_missing"), "UnexpectedStatus")
  yield* ok("bulkBan", users.bulkBan([ada.id, bob.id]))
  expect(yield* ok("count banned", users.count({ banned: true }))).toBe(2)
  yield* ok("bulkUnban", users.bulkUnban([ada.id, bob.id, "user_missing"]))
  yield* fails("bulkBan: none", users.bulkBan([]), "InvalidRequest")
  const locked = yield* ok("lock ada", users.lock(ada.id))
  expect([locked.locked, locked.lockoutExpiresInSeconds]).toEqual([true, 3600])
  yield* ok("unlock ada", users.unlock(ada.id))
  yield* fails("lock missing", users.lock("user_missing"), "UnexpectedStatus")
  yield* fails("unlock missing", users.unlock("user_missing"), "UnexpectedStatus")

  // --- profile image --------------------------------------------------------------
  const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
  expect(
    (yield* ok(
      "setProfileImage",
      users.setProfileImage(ada.id, { data: image, fileName: "a.png", contentType: "image/png" })
    )).hasImage
  ).toBe(true)
  expect((yield* ok("deleteProfileImage", users.deleteProfileImage(ada.id))).hasImage).toBe(false)
  yield* fails("setProfileImage missing", users.setProfileImage("user_missing", { data: image }), "ResourceNotFound")
  yield* fails("setProfileImage empty", users.setProfileImage(ada.id, { data: new Uint8Array(0) }), "InvalidRequest")
  yield* fails("deleteProfileImage missing", users.deleteProfileImage("user_missing"), "ResourceNotFound")

  // --- seeded relations -----------------------------------------------------------
  yield* fails("getBillingSubscription none", users.getBillingSubscription(ada.id), "ResourceNotFound")
  yield* control.seedBillingSubscription(ada.id, subscription("cpayer_ada"))
  yield* ok("getBillingSubscription", users.getBillingSubscription(ada.id))
  yield* control.seedOAuthToken({
    userId: ada.id,
    provider: "oauth_google",
    token: "ya29.t",
    providerUserId: "g-1",
    scopes: ["email"]
  })
  expect((yield* ok("getOAuthAccessToken", users.getOAuthAccessToken(ada.id, "oauth_google"))).map((t) => t.token))
    .toEqual(["ya29.t"])
  yield* ok(
    "getOAuthAccessToken paginated",
    users.getOAuthAccessToken(ada.id, "oauth_google", { paginated: true, limit: 5 })
  )
  yield* fails(
    "getOAuthAccessToken missing",
    users.getOAuthAccessToken("user_missing", "oauth_google"),
    "ResourceNotFound"
  )
  const acme = yield* control.seedOrganization({ name: "Acme", createdAt: 10 })
  const globex = yield* control.seedOrganization({ name: "Globex", createdAt: 11 })
  yield* control.seedMembership({ userId: ada.id, organizationId: acme.id, role: "org:admin", createdAt: 20 })
  yield* control.seedMembership({ userId: bob.id, organizationId: acme.id, createdAt: 21 })
  yield* control.seedMembership({ userId: ada.id, organizationId: globex.id, createdAt: 22 })
  yield* control.seedInvitation({
    organizationId: globex.id,
    emailAddress: "bob@example.com",
    status: "pending",
    createdAt: 30
  })
  yield* control.seedInvitation({
    organizationId: acme.id,
    emailAddress: "bob@example.com",
    status: "accepted",
    createdAt: 31
  })
  expect((yield* ok("getOrganizationMemberships", users.getOrganizationMemberships(ada.id))).totalCount).toBe(2)
  yield* ok("getOrganizationMemberships page", users.getOrganizationMemberships(ada.id, { limit: 1, offset: 1 }))
  expect(
    (yield* ok("getOrganizationInvitations pending", users.getOrganizationInvitations(bob.id, { status: "pending" })))
      .totalCount
  ).toBe(1)
  yield* ok("getOrganizationInvitations all", users.getOrganizationInvitations(bob.id))
  yield* fails(
    "getOrganizationInvitations missing",
    users.getOrganizationInvitations("user_missing"),
    "ResourceNotFound"
  )
  yield* ok("getInstanceOrganizationMemberships", users.getInstanceOrganizationMemberships({ orderBy: "-created_at" }))
  yield* ok(
    "getInstanceOrganizationMemberships by email",
    users.getInstanceOrganizationMemberships({ orderBy: "email_address", limit: 2 })
  )
  expect(yield* ok("count in acme", users.count({ organizationId: [acme.id] }))).toBe(2)

  // --- passwords, TOTP, MFA ---------------------------------------------------------
  yield* ok("verifyPassword", users.verifyPassword(ada.id, "analytical-engine"))
  yield* fails(
    "verifyPassword wrong",
    users.verifyPassword(ada.id, "difference-engine"),
    "UnprocessableEntity",
    "incorrect_password"
  )
  yield* fails("verifyPassword none", users.verifyPassword(bob.id, "whatever"), "BadRequest", "no_password_set")
  yield* fails("verifyPassword missing", users.verifyPassword("user_missing", "x"), "ResourceNotFound")
  const code = yield* control.totpCode(ada.id)
  yield* ok("verifyTotp totp", users.verifyTotp(ada.id, code))
  yield* ok("verifyTotp backup code", users.verifyTotp(ada.id, "abcd1234"))
  yield* fails(
    "verifyTotp used backup code",
    users.verifyTotp(ada.id, "abcd1234"),
    "UnprocessableEntity",
    "totp_incorrect_code"
  )
  yield* fails("verifyTotp bad length", users.verifyTotp(ada.id, "12"), "UnprocessableEntity", "totp_invalid_length")
  yield* fails("verifyTotp disabled", users.verifyTotp(bob.id, "123456"), "BadRequest", "totp_disabled")
  yield* fails("verifyTotp missing", users.verifyTotp("user_missing", "123456"), "ResourceNotFound")
  const totp = yield* users.createTotp(bob.id).pipe(Effect.orDie)
  expect(totp.secret).toMatch(/^[A-Z2-7]{32}$/)
  log.push({ step: "createTotp", ok: normalize({ ...totp, secret: "<secret>", uri: "<uri>" }) })
  yield* fails("createTotp missing", users.createTotp("user_missing"), "ResourceNotFound")
  yield* ok("deleteTotp", users.deleteTotp(bob.id))
  yield* fails("deleteTotp missing", users.deleteTotp("user_missing"), "ResourceNotFound")
  yield* ok("deleteBackupCodes", users.deleteBackupCodes(ada.id))
  yield* fails("deleteBackupCodes missing", users.deleteBackupCodes("user_missing"), "ResourceNotFound")
  yield* ok("disableMfa", users.disableMfa(ada.id))
  yield* fails("disableMfa missing", users.disableMfa("user_missing"), "ResourceNotFound")
  expect((yield* ok("get ada after MFA", users.get(ada.id))).twoFactorEnabled).toBe(false)

  // --- identifiers and accounts ---------------------------------------------------------
  yield* ok("deletePasskey", users.deletePasskey(carol.id, carol.passkeys[0]!.id!))
  yield* fails("deletePasskey again", users.deletePasskey(carol.id, carol.passkeys[0]!.id!), "ResourceNotFound")
  yield* ok("deleteWeb3Wallet", users.deleteWeb3Wallet(carol.id, carol.web3Wallets[0]!.id!))
  yield* fails(
    "deleteWeb3Wallet again",
    users.deleteWeb3Wallet(carol.id, carol.web3Wallets[0]!.id!),
    "ResourceNotFound"
  )
  yield* ok("deleteExternalAccount", users.deleteExternalAccount(carol.id, carol.externalAccounts[0]!.id))
  yield* fails(
    "deleteExternalAccount again",
    users.deleteExternalAccount(carol.id, carol.externalAccounts[0]!.id),
    "ResourceNotFound"
  )

  // --- compromised passwords ----------------------------------------------------------
  expect(
    (yield* ok("setPasswordCompromised", users.setPasswordCompromised(ada.id, { revokeAllSessions: true })))
      .requiresPasswordReset
  ).toBe(true)
  expect((yield* ok("unsetPasswordCompromised", users.unsetPasswordCompromised(ada.id))).requiresPasswordReset).toBe(
    false
  )
  yield* fails("setPasswordCompromised without password", users.setPasswordCompromised(bob.id), "UnprocessableEntity")
  yield* fails("setPasswordCompromised missing", users.setPasswordCompromised("user_missing"), "ResourceNotFound")
  yield* fails("unsetPasswordCompromised missing", users.unsetPasswordCompromised("user_missing"), "ResourceNotFound")

  // --- API version 2026-05-12: metadata, identifiers, passwords, credits, trusted devices ----------------
  const replaced = yield* ok(
    "replaceMetadata",
    users.replaceMetadata(ada.id, { publicMetadata: { tier: "gold" }, unsafeMetadata: {} })
  )
  expect([replaced.publicMetadata, replaced.unsafeMetadata, replaced.privateMetadata]).toEqual([
    { tier: "gold" },
    {},
    { tier: 1 }
  ])
  yield* fails(
    "replaceMetadata: 8 KB",
    users.replaceMetadata(ada.id, { privateMetadata: { x: "y".repeat(9000) } }),
    "UnprocessableEntity",
    "form_param_exceeds_allowed_size"
  )
  yield* fails("replaceMetadata missing", users.replaceMetadata("user_missing", {}), "ResourceNotFound")
  const bobEmail = yield* ok(
    "replaceEmailAddress",
    users.replaceEmailAddress(bob.id, { emailAddress: "Bob@Example.org" })
  )
  expect([bobEmail.emailAddress, bobEmail.verification?.status]).toEqual(["bob@example.org", "verified"])
  expect((yield* ok("get bob after replaceEmailAddress", users.get(bob.id))).emailAddresses.map((e) => e.id)).toEqual([
    bobEmail.id
  ])
  yield* fails(
    "replaceEmailAddress: taken",
    users.replaceEmailAddress(bob.id, { emailAddress: "ada@example.com" }),
    "UnprocessableEntity",
    "form_identifier_exists"
  )
  const unverified = yield* ok(
    "replaceEmailAddress unverified, held by another user",
    users.replaceEmailAddress(bob.id, { emailAddress: "ada@example.com", identificationStatus: "unverified" })
  )
  expect([unverified.reserved, unverified.verification?.status]).toEqual([false, "unverified"])
  yield* fails(
    "replaceEmailAddress: bad format",
    users.replaceEmailAddress(bob.id, { emailAddress: "nope" }),
    "UnprocessableEntity",
    "form_param_format_invalid"
  )
  yield* fails(
    "replaceEmailAddress missing",
    users.replaceEmailAddress("user_missing", { emailAddress: "x@example.com" }),
    "ResourceNotFound"
  )
  yield* ok("replacePhoneNumber", users.replacePhoneNumber(ada.id, { phoneNumber: "+15555550199" }))
  yield* fails(
    "replacePhoneNumber: bad format",
    users.replacePhoneNumber(ada.id, { phoneNumber: "555" }),
    "UnprocessableEntity",
    "form_param_format_invalid"
  )
  yield* fails(
    "replacePhoneNumber missing",
    users.replacePhoneNumber("user_missing", { phoneNumber: "+15555550100" }),
    "ResourceNotFound"
  )
  const withoutPassword = yield* ok("removePassword", users.removePassword(ada.id, { signOutOfOtherSessions: true }))
  expect(withoutPassword.passwordEnabled).toBe(false)
  const unchanged = yield* ok("removePassword again: unchanged", users.removePassword(ada.id))
  expect(unchanged.updatedAt).toBe(withoutPassword.updatedAt)
  yield* fails("verifyPassword after removePassword", users.verifyPassword(ada.id, "analytical-engine"), "BadRequest")
  yield* fails("removePassword missing", users.removePassword("user_missing"), "ResourceNotFound")
  expect((yield* ok("getBillingCreditBalance none", users.getBillingCreditBalance(ada.id))).balance).toBeNull()
  const granted = yield* ok(
    "adjustBillingCreditBalance increase",
    users.adjustBillingCreditBalance(ada.id, { amount: 1000, action: "increase", idempotencyKey: "k1", note: "hi" })
  )
  const replayed = yield* ok(
    "adjustBillingCreditBalance same key",
    users.adjustBillingCreditBalance(ada.id, { amount: 1000, action: "increase", idempotencyKey: "k1" })
  )
  expect(replayed.id).toBe(granted.id)
  yield* ok(
    "adjustBillingCreditBalance decrease",
    users.adjustBillingCreditBalance(ada.id, { amount: 300, action: "decrease", idempotencyKey: "k2" })
  )
  expect((yield* ok("getBillingCreditBalance", users.getBillingCreditBalance(ada.id))).balance?.amount).toBe(700)
  yield* fails(
    "adjustBillingCreditBalance below zero",
    users.adjustBillingCreditBalance(ada.id, { amount: 5000, action: "decrease", idempotencyKey: "k3" }),
    "UnprocessableEntity"
  )
  yield* fails(
    "adjustBillingCreditBalance missing",
    users.adjustBillingCreditBalance("user_missing", { amount: 1, action: "increase", idempotencyKey: "k4" }),
    "ResourceNotFound"
  )
  yield* fails("getBillingCreditBalance missing", users.getBillingCreditBalance("user_missing"), "ResourceNotFound")
  const device = yield* control.seedTrustedDevice(ada.id, { platform: "ios", appIdentifier: "com.example.app" })
  log.push({ step: "seed trusted device", ok: normalize(device) })
  expect((yield* ok("listTrustedDevices", users.listTrustedDevices(ada.id))).totalCount).toBe(1)
  expect((yield* ok("revokeTrustedDevice", users.revokeTrustedDevice(ada.id, device.id))).status).toBe("revoked")
  expect((yield* ok("listTrustedDevices after revoke", users.listTrustedDevices(ada.id))).data).toEqual([])
  yield* fails("revokeTrustedDevice again", users.revokeTrustedDevice(ada.id, device.id), "ResourceNotFound")
  yield* fails("listTrustedDevices missing", users.listTrustedDevices("user_missing"), "ResourceNotFound")
  const tokenPage = yield* ok(
    "getOAuthAccessToken paginated page",
    users.getOAuthAccessToken(ada.id, "oauth_google", { paginated: true, limit: 1 })
  )
  expect([tokenPage.totalCount, tokenPage.data.length]).toEqual([1, 1])

  // --- streams ------------------------------------------------------------------------------
  const streamed = yield* Stream.runCollect(users.listStream({ orderBy: "+created_at" }, { pageSize: 1 })).pipe(
    Effect.orDie
  )
  expect(Chunk.toReadonlyArray(streamed).map((u) => u.id)).toEqual([ada.id, bob.id, carol.id])

  // --- path injection ---------------------------------------------------------------------
  for (const hostile of ["../organization_memberships", "a/b", "x?y=1", "%2F", "ünïcødé 🎉", "user_x#frag", "a+b c"]) {
    const error = yield* Effect.flip(users.get(hostile))
    expect(error._tag, hostile).toBe("ResourceNotFound")
    if (error._tag === "ResourceNotFound") {
      expect(error.errors[0]?.longMessage).toBe(`No user was found with id ${hostile}`)
    }
    log.push({ step: `get ${JSON.stringify(hostile)}`, error: { tag: error._tag } })
    const page = yield* users.getOrganizationMemberships(hostile).pipe(Effect.orDie)
    expect(page).toEqual({ data: [], totalCount: 0 })
  }

  // --- every documented status, 429, 5xx, an undocumented status and a dropped connection ------------
  const calls: Record<keyof typeof operations, () => Effect.Effect<unknown, ClerkError>> = {
    list: () => users.list(),
    create: () => users.create({ firstName: "x" }),
    count: () => users.count(),
    get: () => users.get(ada.id),
    update: () => users.update(ada.id, { firstName: "Ada" }),
    delete: () => users.delete(carol.id),
    ban: () => users.ban(ada.id),
    unban: () => users.unban(ada.id),
    bulkBan: () => users.bulkBan([ada.id]),
    bulkUnban: () => users.bulkUnban([ada.id]),
    lock: () => users.lock(ada.id),
    unlock: () => users.unlock(ada.id),
    setProfileImage: () => users.setProfileImage(ada.id, { data: image }),
    deleteProfileImage: () => users.deleteProfileImage(ada.id),
    updateMetadata: () => users.updateMetadata(ada.id, {}),
    getBillingSubscription: () => users.getBillingSubscription(ada.id),
    getOAuthAccessToken: () => users.getOAuthAccessToken(ada.id, "oauth_google"),
    getOrganizationMemberships: () => users.getOrganizationMemberships(ada.id),
    getOrganizationInvitations: () => users.getOrganizationInvitations(bob.id),
    verifyPassword: () => users.verifyPassword(ada.id, "analytical-engine"),
    verifyTotp: () => users.verifyTotp(ada.id, "efgh5678"),
    disableMfa: () => users.disableMfa(ada.id),
    deleteBackupCodes: () => users.deleteBackupCodes(ada.id),
    deletePasskey: () => users.deletePasskey(carol.id, "idn_gone"),
    deleteWeb3Wallet: () => users.deleteWeb3Wallet(carol.id, "idn_gone"),
    createTotp: () => users.createTotp(ada.id),
    deleteTotp: () => users.deleteTotp(ada.id),
    deleteExternalAccount: () => users.deleteExternalAccount(carol.id, "eac_gone"),
    setPasswordCompromised: () => users.setPasswordCompromised(ada.id),
    unsetPasswordCompromised: () => users.unsetPasswordCompromised(ada.id),
    getInstanceOrganizationMemberships: () => users.getInstanceOrganizationMemberships(),
    replaceMetadata: () => users.replaceMetadata(ada.id, {}),
    replaceEmailAddress: () => users.replaceEmailAddress(ada.id, { emailAddress: "ada@example.com" }),
    replacePhoneNumber: () => users.replacePhoneNumber(ada.id, { phoneNumber: "+15555550199" }),
    removePassword: () => users.removePassword(ada.id),
    getBillingCreditBalance: () => users.getBillingCreditBalance(ada.id),
    adjustBillingCreditBalance: () =>
      users.adjustBillingCreditBalance(ada.id, { amount: 1, action: "increase", idempotencyKey: "faults" }),
    listTrustedDevices: () => users.listTrustedDevices(ada.id),
    revokeTrustedDevice: () => users.revokeTrustedDevice(ada.id, "td_gone")
  }
  for (const [name, operation] of Object.entries(operations)) {
    const call = calls[name as keyof typeof operations]
    const undocumented = [400, 401, 402, 403, 404, 409, 422].find((s) =>
      !(operation.statuses as ReadonlyArray<number>).includes(s)
    )!
    for (const status of [...operation.statuses, 429, 503, undocumented]) {
      yield* control.injectFault({
        operations: [name],
        fault: status === 429 ? Fault.rateLimited("3 seconds") : Fault.status(status)
      })
      const tag = status === undocumented
        ? "UnexpectedStatus"
        : status === 429
        ? "RateLimited"
        : status >= 500
        ? "ServerError"
        : statusErrorClasses[status as keyof typeof statusErrorClasses]._tag
      yield* fails(`${name}: injected ${status}`, call(), tag)
    }
    yield* control.injectFault({ operations: [name], fault: Fault.disconnect })
    yield* fails(`${name}: dropped connection`, call(), "TransportError")
  }

  // --- delete ---------------------------------------------------------------------------------
  yield* ok("delete bob", users.delete(bob.id))
  yield* fails("delete bob again", users.delete(bob.id), "ResourceNotFound")
  expect(yield* ok("count after delete", users.count())).toBe(2)
  return log
})

const logs = new Map<string, ReadonlyArray<Step>>()

describe("contract: the same behaviour from the in-memory layer and from the emulator over HTTP", () => {
  for (const setup of setups) {
    it.effect(setup.name, () =>
      Effect.gen(function*() {
        const log = yield* scenario
        logs.set(setup.name, log)
        expect(log.length).toBeGreaterThan(250)
      }).pipe(Effect.provide(setup.layer())), { timeout: 60_000 })
  }

  it("the three runs agree step by step: same values, same error tags, same statuses, same codes", () => {
    const [baseline, ...others] = setups.map((s) => logs.get(s.name))
    expect(baseline).toBeDefined()
    for (const other of others) {
      expect(other).toBeDefined()
      expect(other!.map((s) => s.step)).toEqual(baseline!.map((s) => s.step))
      for (let i = 0; i < baseline!.length; i++) expect(other![i], baseline![i]!.step).toEqual(baseline![i])
    }
  })

  it.effect("under API version 2026-05-12 the three agree: update refuses metadata, replaceMetadata and updateMetadata write it", () =>
    Effect.forEach(setups, (setup) =>
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({ firstName: "Ada" })
        const refused = yield* Effect.flip(users.update(user.id, { firstName: "A", publicMetadata: { a: 1 } }))
        expect(refused._tag === "InvalidRequest" && refused.field, setup.name).toBe("params.publicMetadata")
        expect((yield* users.update(user.id, { firstName: "Augusta" })).firstName).toBe("Augusta")
        expect((yield* users.replaceMetadata(user.id, { publicMetadata: { a: 1 } })).publicMetadata).toEqual({ a: 1 })
        expect((yield* users.updateMetadata(user.id, { publicMetadata: { b: 2 } })).publicMetadata).toEqual({
          a: 1,
          b: 2
        })
      }).pipe(Effect.provide(setup.layer(undefined, "2026-05-12")))))

  it.effect("an API version this library does not know is refused by every set-up", () =>
    Effect.forEach(setups, (setup) =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit(Effect.provide(Users, setup.layer(undefined, "2099-01-01")))
        expect(exit._tag, setup.name).toBe("Failure")
      })))
})
