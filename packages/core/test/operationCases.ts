/**
 * Every operation as a test case: a call with representative arguments, the request Clerk expects, the
 * documented error statuses (written out here, independently of the source), and full and minimal payloads.
 * Shared by the operation tests and the reliability tests.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { expect } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { BillingCreditLedgerEntry } from "../src/BillingCreditBalance.js"
import { BillingSubscription } from "../src/BillingSubscription.js"
import type { ClerkError } from "../src/ClerkError.js"
import { DeletedObject } from "../src/DeletedObject.js"
import type { Users } from "../src/index.js"
import { OAuthAccessToken } from "../src/OAuthAccessToken.js"
import { OrganizationInvitation } from "../src/OrganizationInvitation.js"
import { OrganizationMembership } from "../src/OrganizationMembership.js"
import { Totp } from "../src/Totp.js"
import { TrustedDevice } from "../src/TrustedDevice.js"
import { EmailAddress, PhoneNumber, User } from "../src/User.js"

export const tagOfStatus: Record<number, string> = {
  400: "BadRequest",
  401: "AuthenticationInvalid",
  402: "PaymentRequired",
  403: "AuthorizationInvalid",
  404: "ResourceNotFound",
  409: "Conflict",
  422: "UnprocessableEntity",
  500: "ServerError"
}

export interface Case {
  readonly name: string
  readonly call: (users: Users.Service) => Effect.Effect<unknown, ClerkError>
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  /** The path after `/v1`, as sent (percent-encoded). */
  readonly path: string
  /** The query pairs, in any order. */
  readonly query?: ReadonlyArray<readonly [string, string]>
  /** Substrings the raw query string must contain (encoding checks). */
  readonly rawQuery?: ReadonlyArray<string>
  /** The JSON body, or "multipart". */
  readonly body?: unknown
  /** The documented error statuses (seeds + reference spec), written out here independently of the source. */
  readonly statuses: ReadonlyArray<number>
  readonly full: unknown
  readonly minimal: unknown
  /** Checks the decoded value of the full payload. */
  readonly checkFull: (value: unknown) => void
}

const decodesBack = <A, I>(schema: Schema.Schema<A, I>, value: unknown, wire: unknown) => {
  const encoded = Schema.encodeSync(schema)(value as A)
  expect(JSON.parse(JSON.stringify(encoded))).toEqual(stripUnknown(schema, wire))
}

/** The wire payload without the fields the schema does not know (they are ignored when decoding). */
const stripUnknown = <A, I>(schema: Schema.Schema<A, I>, wire: unknown): unknown =>
  JSON.parse(JSON.stringify(Schema.encodeSync(schema)(Schema.decodeUnknownSync(schema)(wire))))

const userCheck = (value: unknown) => {
  const user = value as User
  expect(user.id).toBe("user_2full")
  expect(user.firstName).toBe("Ada")
  expect(user.emailAddresses[0]?.emailAddress).toBe("ada@example.com")
  expect(user.emailAddresses[0]?.verification?.expireAt).toBe(1_700_000_600_000)
  expect(user.phoneNumbers[0]?.reservedForSecondFactor).toBe(true)
  expect(user.externalAccounts[0]?.verification?.error?.longMessage).toContain("email_address")
  expect(user.samlAccounts[0]?.samlConnection?.syncUserAttributes).toBe(true)
  expect(user.enterpriseAccounts[0]?.enterpriseConnection?.logoPublicUrl).toBeNull()
  expect(user.organizationMemberships?.[0]?.organization.maxAllowedMemberships).toBe(100)
  expect(user.publicMetadata).toEqual({ plan: "pro", nested: { a: [1, 2, { b: null }] } })
  expect(user.scim?.directoryId).toBe("dir_1")
  expect("a_field_clerk_added_later" in user).toBe(false)
  decodesBack(User, user, F.userFull)
}

const usersCheck = (value: unknown) => {
  const users = value as ReadonlyArray<User>
  expect(users).toHaveLength(2)
  userCheck(users[0])
  expect(users[1]?.firstName).toBeNull()
}

const deletedCheck = (value: unknown) => {
  expect(value).toEqual({ object: "user", id: "user_2full", slug: "ada", deleted: true, externalId: "ext_42" })
  decodesBack(DeletedObject, value, F.deletedFull)
}

const membershipsCheck = (value: unknown) => {
  const page = value as { data: ReadonlyArray<OrganizationMembership>; totalCount: number }
  expect(page.totalCount).toBe(2)
  expect(page.data[0]?.publicUserData?.identifier).toBe("ada@example.com")
  expect(page.data[0]?.organization.roleSetKey).toBe("default")
  decodesBack(OrganizationMembership, page.data[0], F.membershipFull)
}

const userIdCheck = (value: unknown) => expect(value).toEqual({ userId: "user_1" })

const userCase = (
  name: string,
  call: Case["call"],
  method: Case["method"],
  path: string,
  statuses: ReadonlyArray<number>,
  extra: Partial<Case> = {}
): Case => ({
  name,
  call,
  method,
  path,
  statuses,
  full: F.userFull,
  minimal: F.userMinimal,
  checkFull: userCheck,
  ...extra
})

export const cases: ReadonlyArray<Case> = [
  {
    name: "list",
    call: (users) =>
      users.list({
        emailAddress: ["a+1@example.com", "b@example.com"],
        userId: ["+user_1", "-user_2"],
        organizationId: ["-org_1"],
        query: "ada lovelace",
        banned: false,
        lastActiveAtAfter: 0,
        createdAtBefore: 1_730_160_000_000,
        orderBy: "+created_at",
        limit: 20,
        offset: 0,
        provider: "oauth_google",
        providerUserId: ["123"]
      }),
    method: "GET",
    path: "/users",
    query: [
      ["email_address", "a+1@example.com"],
      ["email_address", "b@example.com"],
      ["user_id", "+user_1"],
      ["user_id", "-user_2"],
      ["organization_id", "-org_1"],
      ["query", "ada lovelace"],
      ["banned", "false"],
      ["last_active_at_after", "0"],
      ["created_at_before", "1730160000000"],
      ["order_by", "+created_at"],
      ["limit", "20"],
      ["offset", "0"],
      ["provider", "oauth_google"],
      ["provider_user_id", "123"]
    ],
    rawQuery: [
      "order_by=%2Bcreated_at",
      "user_id=%2Buser_1",
      "email_address=a%2B1%40example.com",
      "banned=false",
      "offset=0",
      "last_active_at_after=0"
    ],
    statuses: [400, 401, 422],
    full: [F.userFull, F.userMinimal],
    minimal: [],
    checkFull: usersCheck
  },
  {
    name: "create",
    call: (users) =>
      users.create({
        emailAddress: ["ada@example.com"],
        firstName: "Ada",
        lastName: null,
        password: "correct horse battery staple",
        skipPasswordChecks: false,
        publicMetadata: { plan: "pro" },
        createOrganizationsLimit: 0,
        banned: false
      }),
    method: "POST",
    path: "/users",
    body: {
      email_address: ["ada@example.com"],
      first_name: "Ada",
      last_name: null,
      password: "correct horse battery staple",
      skip_password_checks: false,
      public_metadata: { plan: "pro" },
      create_organizations_limit: 0,
      banned: false
    },
    statuses: [400, 401, 402, 403, 422],
    full: F.userFull,
    minimal: F.userMinimal,
    checkFull: userCheck
  },
  {
    name: "count",
    call: (users) => users.count({ emailAddressQuery: "ello", banned: true, username: ["ada"] }),
    method: "GET",
    path: "/users/count",
    query: [["email_address_query", "ello"], ["banned", "true"], ["username", "ada"]],
    statuses: [422],
    full: F.totalCount,
    minimal: { object: "total_count", total_count: 0 },
    checkFull: (value) => expect(value).toBe(42)
  },
  userCase("get", (users) => users.get("user_1"), "GET", "/users/user_1", [400, 401, 404]),
  userCase(
    "update",
    (users) => users.update("user_1", { firstName: "Grace", lastName: null, username: null, deleteSelfEnabled: false }),
    "PATCH",
    "/users/user_1",
    [400, 401, 404, 409, 422],
    { body: { first_name: "Grace", last_name: null, username: null, delete_self_enabled: false } }
  ),
  {
    name: "delete",
    call: (users) => users.delete("user_1"),
    method: "DELETE",
    path: "/users/user_1",
    statuses: [400, 401, 404],
    full: F.deletedFull,
    minimal: F.deletedMinimal,
    checkFull: deletedCheck
  },
  userCase("ban", (users) => users.ban("user_1"), "POST", "/users/user_1/ban", [402]),
  userCase("unban", (users) => users.unban("user_1"), "POST", "/users/user_1/unban", [402]),
  {
    name: "bulkBan",
    call: (users) => users.bulkBan(["user_1", "user_2"]),
    method: "POST",
    path: "/users/ban",
    body: { user_ids: ["user_1", "user_2"] },
    statuses: [400, 402],
    full: [F.userFull, F.userMinimal],
    minimal: [],
    checkFull: usersCheck
  },
  {
    name: "bulkUnban",
    call: (users) => users.bulkUnban(["user_1"]),
    method: "POST",
    path: "/users/unban",
    body: { user_ids: ["user_1"] },
    statuses: [400, 402],
    full: [F.userFull, F.userMinimal],
    minimal: [],
    checkFull: usersCheck
  },
  userCase("lock", (users) => users.lock("user_1"), "POST", "/users/user_1/lock", [403]),
  userCase("unlock", (users) => users.unlock("user_1"), "POST", "/users/user_1/unlock", [403]),
  userCase(
    "setProfileImage",
    (users) =>
      users.setProfileImage("user_1", {
        data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
        fileName: "avatar.png",
        contentType: "image/png"
      }),
    "POST",
    "/users/user_1/profile_image",
    [400, 401, 404],
    { body: "multipart" }
  ),
  userCase(
    "deleteProfileImage",
    (users) => users.deleteProfileImage("user_1"),
    "DELETE",
    "/users/user_1/profile_image",
    [404]
  ),
  userCase(
    "updateMetadata",
    (users) =>
      users.updateMetadata("user_1", {
        publicMetadata: { onboarding: { step: 3 } },
        privateMetadata: { legacy: null }
      }),
    "PATCH",
    "/users/user_1/metadata",
    [400, 401, 404, 422],
    { body: { public_metadata: { onboarding: { step: 3 } }, private_metadata: { legacy: null } } }
  ),
  {
    name: "getBillingSubscription",
    call: (users) => users.getBillingSubscription("user_1"),
    method: "GET",
    path: "/users/user_1/billing/subscription",
    statuses: [400, 401, 403, 404, 422, 500],
    full: F.subscriptionFull,
    minimal: F.subscriptionMinimal,
    checkFull: (value) => {
      const subscription = value as BillingSubscription
      expect(subscription.subscriptionItems[0]?.plan?.unitPrices?.[0]?.tiers[0]?.endsAfterBlock).toBeNull()
      expect(subscription.subscriptionItems[0]?.paymentMethod?.last4).toBe("4242")
      expect(subscription.nextPayment?.totals?.discounts?.proration?.cyclePassedPercent).toBe(66.6)
      decodesBack(BillingSubscription, subscription, F.subscriptionFull)
    }
  },
  {
    name: "getOAuthAccessToken",
    call: (users) => users.getOAuthAccessToken("user_1", "oauth_google", { paginated: true, limit: 5, offset: 0 }),
    method: "GET",
    path: "/users/user_1/oauth_access_tokens/oauth_google",
    query: [["paginated", "true"], ["limit", "5"], ["offset", "0"]],
    statuses: [400, 404, 422],
    full: { data: [F.oauthTokenFull, F.oauthTokenMinimal], total_count: 7 },
    minimal: { data: [], total_count: 0 },
    checkFull: (value) => {
      const page = value as { data: ReadonlyArray<OAuthAccessToken>; totalCount: number }
      expect(page.totalCount).toBe(7)
      expect(page.data[0]?.tokenSecret).toBe("secret-oauth1")
      expect(page.data[1]?.expiresAt).toBeNull()
      decodesBack(OAuthAccessToken, page.data[0], F.oauthTokenFull)
    }
  },
  {
    name: "getOrganizationMemberships",
    call: (users) => users.getOrganizationMemberships("user_1", { limit: 10, offset: 20 }),
    method: "GET",
    path: "/users/user_1/organization_memberships",
    query: [["limit", "10"], ["offset", "20"]],
    statuses: [403],
    full: { data: [F.membershipFull, F.membershipMinimal], total_count: 2 },
    minimal: { data: [], total_count: 0 },
    checkFull: membershipsCheck
  },
  {
    name: "getOrganizationInvitations",
    call: (users) => users.getOrganizationInvitations("user_1", { status: "pending", limit: 1 }),
    method: "GET",
    path: "/users/user_1/organization_invitations",
    query: [["status", "pending"], ["limit", "1"]],
    statuses: [400, 403, 404],
    full: { data: [F.invitationFull, F.invitationMinimal], total_count: 2 },
    minimal: { data: [], total_count: 0 },
    checkFull: (value) => {
      const page = value as { data: ReadonlyArray<OrganizationInvitation>; totalCount: number }
      expect(page.data[0]?.publicOrganizationData?.slug).toBe("acme")
      expect(page.data[1]?.publicInviterData).toBeNull()
      decodesBack(OrganizationInvitation, page.data[0], F.invitationFull)
    }
  },
  {
    name: "verifyPassword",
    call: (users) => users.verifyPassword("user_1", "hunter2!"),
    method: "POST",
    path: "/users/user_1/verify_password",
    body: { password: "hunter2!" },
    statuses: [400, 404, 422, 500],
    full: { verified: true },
    // the spec does not require `verified`: a 200 means verified
    minimal: {},
    checkFull: (value) => expect(value).toEqual({ verified: true })
  },
  {
    name: "verifyTotp",
    call: (users) => users.verifyTotp("user_1", "123456"),
    method: "POST",
    path: "/users/user_1/verify_totp",
    body: { code: "123456" },
    statuses: [400, 404, 422, 500],
    full: { verified: true, code_type: "backup_code" },
    // the spec requires neither field: a 200 means verified, the code type stays unknown
    minimal: {},
    checkFull: (value) => expect(value).toEqual({ verified: true, codeType: "backup_code" })
  },
  {
    name: "disableMfa",
    call: (users) => users.disableMfa("user_1"),
    method: "DELETE",
    path: "/users/user_1/mfa",
    statuses: [404, 500],
    full: { user_id: "user_1" },
    // the spec does not require `user_id`: it is the path's
    minimal: {},
    checkFull: userIdCheck
  },
  {
    name: "deleteBackupCodes",
    call: (users) => users.deleteBackupCodes("user_1"),
    method: "DELETE",
    path: "/users/user_1/backup_code",
    statuses: [404, 500],
    full: { user_id: "user_1" },
    // the spec does not require `user_id`: it is the path's
    minimal: {},
    checkFull: userIdCheck
  },
  {
    name: "deletePasskey",
    call: (users) => users.deletePasskey("user_1", "idn_pk/1"),
    method: "DELETE",
    path: "/users/user_1/passkeys/idn_pk%2F1",
    statuses: [403, 404, 500],
    full: F.deletedFull,
    minimal: F.deletedMinimal,
    checkFull: deletedCheck
  },
  {
    name: "deleteWeb3Wallet",
    call: (users) => users.deleteWeb3Wallet("user_1", "idn_w1"),
    method: "DELETE",
    path: "/users/user_1/web3_wallets/idn_w1",
    statuses: [400, 403, 404, 500],
    full: F.deletedFull,
    minimal: F.deletedMinimal,
    checkFull: deletedCheck
  },
  {
    name: "createTotp",
    call: (users) => users.createTotp("user_1"),
    method: "POST",
    path: "/users/user_1/totp",
    statuses: [403, 404, 500],
    full: F.totpFull,
    minimal: F.totpMinimal,
    checkFull: (value) => {
      expect((value as Totp).uri).toContain("otpauth://")
      decodesBack(Totp, value, F.totpFull)
    }
  },
  {
    name: "deleteTotp",
    call: (users) => users.deleteTotp("user_1"),
    method: "DELETE",
    path: "/users/user_1/totp",
    statuses: [404, 500],
    full: { user_id: "user_1" },
    // the spec does not require `user_id`: it is the path's
    minimal: {},
    checkFull: userIdCheck
  },
  {
    name: "deleteExternalAccount",
    call: (users) => users.deleteExternalAccount("user_1", "eac_1"),
    method: "DELETE",
    path: "/users/user_1/external_accounts/eac_1",
    statuses: [400, 403, 404, 500],
    full: F.deletedFull,
    minimal: F.deletedMinimal,
    checkFull: deletedCheck
  },
  userCase(
    "setPasswordCompromised",
    (users) => users.setPasswordCompromised("user_1", { revokeAllSessions: true }),
    "POST",
    "/users/user_1/password/set_compromised",
    [400, 401, 403, 404, 422],
    { body: { revoke_all_sessions: true } }
  ),
  userCase(
    "unsetPasswordCompromised",
    (users) => users.unsetPasswordCompromised("user_1"),
    "POST",
    "/users/user_1/password/unset_compromised",
    [400, 401, 403, 404, 422]
  ),
  {
    name: "getInstanceOrganizationMemberships",
    call: (users) => users.getInstanceOrganizationMemberships({ orderBy: "-created_at", limit: 500 }),
    method: "GET",
    path: "/organization_memberships",
    query: [["order_by", "-created_at"], ["limit", "500"]],
    statuses: [400, 401, 422, 500],
    full: { data: [F.membershipFull, F.membershipMinimal], total_count: 2 },
    minimal: { data: [], total_count: 0 },
    checkFull: membershipsCheck
  },
  userCase(
    "replaceMetadata",
    (users) => users.replaceMetadata("user_1", { publicMetadata: { plan: "team" }, privateMetadata: {} }),
    "PUT",
    "/users/user_1/metadata",
    [400, 401, 404, 422],
    { body: { public_metadata: { plan: "team" }, private_metadata: {} } }
  ),
  {
    name: "replaceEmailAddress",
    call: (users) =>
      users.replaceEmailAddress("user_1", {
        emailAddress: "ada@example.org",
        identificationStatus: "reserved",
        notifyPrimaryEmailAddressChanged: false
      }),
    method: "PUT",
    path: "/users/user_1/email_address",
    body: {
      email_address: "ada@example.org",
      identification_status: "reserved",
      notify_primary_email_address_changed: false
    },
    statuses: [400, 401, 403, 404, 422],
    full: F.emailAddressFull,
    minimal: F.emailAddressMinimal,
    checkFull: (value) => {
      expect((value as EmailAddress).emailAddress).toBe("ada@example.com")
      decodesBack(EmailAddress, value, F.emailAddressFull)
    }
  },
  {
    name: "replacePhoneNumber",
    call: (users) => users.replacePhoneNumber("user_1", { phoneNumber: "+15555550123" }),
    method: "PUT",
    path: "/users/user_1/phone_number",
    body: { phone_number: "+15555550123" },
    statuses: [400, 401, 403, 404, 422],
    full: F.phoneNumberFull,
    minimal: F.phoneNumberMinimal,
    checkFull: (value) => {
      expect((value as PhoneNumber).reservedForSecondFactor).toBe(true)
      decodesBack(PhoneNumber, value, F.phoneNumberFull)
    }
  },
  userCase(
    "removePassword",
    (users) => users.removePassword("user_1", { signOutOfOtherSessions: true }),
    "POST",
    "/users/user_1/remove_password",
    [400, 401, 403, 404, 500],
    { body: { sign_out_of_other_sessions: true } }
  ),
  {
    name: "getBillingCreditBalance",
    call: (users) => users.getBillingCreditBalance("user_1"),
    method: "GET",
    path: "/users/user_1/billing/credits",
    statuses: [400, 401, 403, 404, 422, 500],
    full: F.creditBalanceFull,
    minimal: F.creditBalanceMinimal,
    checkFull: (value) =>
      expect(value).toEqual({
        object: "commerce_credit_balance",
        balance: { amount: 1250, amountFormatted: "$12.50", currency: "USD", currencySymbol: "$" }
      })
  },
  {
    name: "adjustBillingCreditBalance",
    call: (users) =>
      users.adjustBillingCreditBalance("user_1", {
        amount: 500,
        action: "decrease",
        idempotencyKey: "refund-42",
        note: "goodwill"
      }),
    method: "POST",
    path: "/users/user_1/billing/credits",
    body: { amount: 500, action: "decrease", idempotency_key: "refund-42", note: "goodwill" },
    statuses: [400, 401, 403, 404, 409, 422, 500],
    full: F.ledgerEntryFull,
    minimal: F.ledgerEntryMinimal,
    checkFull: (value) => {
      expect((value as BillingCreditLedgerEntry).amount.amount).toBe(-500)
      expect("a_field_clerk_added_later" in (value as object)).toBe(false)
      decodesBack(BillingCreditLedgerEntry, value, F.ledgerEntryFull)
    }
  },
  {
    name: "listTrustedDevices",
    call: (users) => users.listTrustedDevices("user_1"),
    method: "GET",
    path: "/users/user_1/trusted_devices",
    statuses: [403, 404, 500],
    full: { data: [F.trustedDeviceFull, F.trustedDeviceMinimal], total_count: 2 },
    minimal: { data: [], total_count: 0 },
    checkFull: (value) => {
      const page = value as { data: ReadonlyArray<TrustedDevice>; totalCount: number }
      expect(page.data.map((device) => device.platform)).toEqual(["ios", "a_future_platform"])
      decodesBack(TrustedDevice, page.data[0], F.trustedDeviceFull)
    }
  },
  {
    name: "revokeTrustedDevice",
    call: (users) => users.revokeTrustedDevice("user_1", "td_2/full"),
    method: "DELETE",
    path: "/users/user_1/trusted_devices/td_2%2Ffull",
    statuses: [403, 404, 500],
    full: F.trustedDeviceFull,
    minimal: F.trustedDeviceMinimal,
    checkFull: (value) => {
      expect((value as TrustedDevice).appIdentifier).toBe("com.example.app")
      decodesBack(TrustedDevice, value, F.trustedDeviceFull)
    }
  }
]

/** The arguments a case's call passes to its method. */
export const argsOf = (c: Case): Effect.Effect<ReadonlyArray<unknown>, ClerkError> =>
  Effect.suspend(() => {
    let captured: ReadonlyArray<unknown> = []
    const recorder = new Proxy({}, {
      get: () => (...args: ReadonlyArray<unknown>) => {
        captured = args
        return Effect.void
      }
    })
    return Effect.map(c.call(recorder as Users.Service), () => captured)
  })
