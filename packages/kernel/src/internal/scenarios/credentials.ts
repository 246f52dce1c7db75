/**
 * The lifecycle scenario, continued: passwords, TOTP and MFA, identifiers and external accounts, compromised
 * passwords, what API version 2026-05-12 added (metadata replaced, identifiers replaced, passwords removed,
 * credits, trusted devices), the pagination stream, and deletion.
 */
import type { Step } from "./language.js"
import { collect, control, exact, fails, ok, pattern, ref } from "./language.js"

const ada = ref("ada", "id")
const bob = ref("bob", "id")
const carol = ref("carol", "id")
const missing = "user_missing"

const passwordsAndMfa: ReadonlyArray<Step> = [
  ok("verifyPassword", "verifyPassword", [ada, "analytical-engine"]),
  fails("verifyPassword wrong", "verifyPassword", [ada, "difference-engine"], "UnprocessableEntity", {
    codes: ["incorrect_password"]
  }),
  fails("verifyPassword none", "verifyPassword", [bob, "whatever"], "BadRequest", { codes: ["no_password_set"] }),
  fails("verifyPassword missing", "verifyPassword", [missing, "x"], "ResourceNotFound"),
  control("totp code of ada", "totpCode", [ada], "code"),
  ok("verifyTotp totp", "verifyTotp", [ada, ref("code")]),
  ok("verifyTotp backup code", "verifyTotp", [ada, "abcd1234"]),
  fails("verifyTotp used backup code", "verifyTotp", [ada, "abcd1234"], "UnprocessableEntity", {
    codes: ["totp_incorrect_code"]
  }),
  fails("verifyTotp bad length", "verifyTotp", [ada, "12"], "UnprocessableEntity", { codes: ["totp_invalid_length"] }),
  fails("verifyTotp disabled", "verifyTotp", [bob, "123456"], "BadRequest", { codes: ["totp_disabled"] }),
  fails("verifyTotp missing", "verifyTotp", [missing, "123456"], "ResourceNotFound"),
  ok("createTotp", "createTotp", [bob], { shape: { secret: pattern("^[A-Z2-7]{32}$") }, mask: ["secret", "uri"] }),
  fails("createTotp missing", "createTotp", [missing], "ResourceNotFound"),
  ok("deleteTotp", "deleteTotp", [bob]),
  fails("deleteTotp missing", "deleteTotp", [missing], "ResourceNotFound"),
  ok("deleteBackupCodes", "deleteBackupCodes", [ada]),
  fails("deleteBackupCodes missing", "deleteBackupCodes", [missing], "ResourceNotFound"),
  ok("disableMfa", "disableMfa", [ada]),
  fails("disableMfa missing", "disableMfa", [missing], "ResourceNotFound"),
  ok("get ada after MFA", "get", [ada], { shape: { twoFactorEnabled: false } })
]

const passkey = ref("carol", "passkeys", 0, "id")
const wallet = ref("carol", "web3Wallets", 0, "id")
const account = ref("carol", "externalAccounts", 0, "id")

const identifiers: ReadonlyArray<Step> = [
  ok("deletePasskey", "deletePasskey", [carol, passkey]),
  fails("deletePasskey again", "deletePasskey", [carol, passkey], "ResourceNotFound"),
  ok("deleteWeb3Wallet", "deleteWeb3Wallet", [carol, wallet]),
  fails("deleteWeb3Wallet again", "deleteWeb3Wallet", [carol, wallet], "ResourceNotFound"),
  ok("deleteExternalAccount", "deleteExternalAccount", [carol, account]),
  fails("deleteExternalAccount again", "deleteExternalAccount", [carol, account], "ResourceNotFound")
]

const compromised: ReadonlyArray<Step> = [
  ok("setPasswordCompromised", "setPasswordCompromised", [ada, { revokeAllSessions: true }], {
    shape: { requiresPasswordReset: true }
  }),
  ok("unsetPasswordCompromised", "unsetPasswordCompromised", [ada], { shape: { requiresPasswordReset: false } }),
  fails("setPasswordCompromised without password", "setPasswordCompromised", [bob], "UnprocessableEntity"),
  fails("setPasswordCompromised missing", "setPasswordCompromised", [missing], "ResourceNotFound"),
  fails("unsetPasswordCompromised missing", "unsetPasswordCompromised", [missing], "ResourceNotFound")
]

const replacements: ReadonlyArray<Step> = [
  ok("replaceMetadata", "replaceMetadata", [ada, { publicMetadata: { tier: "gold" }, unsafeMetadata: {} }], {
    shape: { publicMetadata: exact({ tier: "gold" }), unsafeMetadata: exact({}), privateMetadata: exact({ tier: 1 }) }
  }),
  fails(
    "replaceMetadata: 8 KB",
    "replaceMetadata",
    [ada, { privateMetadata: { x: "y".repeat(9000) } }],
    "UnprocessableEntity",
    {
      codes: ["form_param_exceeds_allowed_size"]
    }
  ),
  fails("replaceMetadata missing", "replaceMetadata", [missing, {}], "ResourceNotFound"),
  ok("replaceEmailAddress", "replaceEmailAddress", [bob, { emailAddress: "Bob@Example.org" }], {
    bind: "bobEmail",
    shape: { emailAddress: "bob@example.org", verification: { status: "verified" } }
  }),
  ok("get bob after replaceEmailAddress", "get", [bob], {
    shape: { emailAddresses: [{ id: ref("bobEmail", "id") }] }
  }),
  fails(
    "replaceEmailAddress: taken",
    "replaceEmailAddress",
    [bob, { emailAddress: "ada@example.com" }],
    "UnprocessableEntity",
    {
      codes: ["form_identifier_exists"]
    }
  ),
  ok("replaceEmailAddress unverified, held by another user", "replaceEmailAddress", [bob, {
    emailAddress: "ada@example.com",
    identificationStatus: "unverified"
  }], { shape: { reserved: false, verification: { status: "unverified" } } }),
  fails(
    "replaceEmailAddress: bad format",
    "replaceEmailAddress",
    [bob, { emailAddress: "nope" }],
    "UnprocessableEntity",
    {
      codes: ["form_param_format_invalid"]
    }
  ),
  fails(
    "replaceEmailAddress missing",
    "replaceEmailAddress",
    [missing, { emailAddress: "x@example.com" }],
    "ResourceNotFound"
  ),
  ok("replacePhoneNumber", "replacePhoneNumber", [ada, { phoneNumber: "+15555550199" }]),
  fails("replacePhoneNumber: bad format", "replacePhoneNumber", [ada, { phoneNumber: "555" }], "UnprocessableEntity", {
    codes: ["form_param_format_invalid"]
  }),
  fails(
    "replacePhoneNumber missing",
    "replacePhoneNumber",
    [missing, { phoneNumber: "+15555550100" }],
    "ResourceNotFound"
  )
]

const passwordRemoval: ReadonlyArray<Step> = [
  ok("removePassword", "removePassword", [ada, { signOutOfOtherSessions: true }], {
    bind: "withoutPassword",
    shape: { passwordEnabled: false }
  }),
  ok("removePassword again: unchanged", "removePassword", [ada], {
    shape: { updatedAt: ref("withoutPassword", "updatedAt") }
  }),
  fails("verifyPassword after removePassword", "verifyPassword", [ada, "analytical-engine"], "BadRequest"),
  fails("removePassword missing", "removePassword", [missing], "ResourceNotFound")
]

const credits: ReadonlyArray<Step> = [
  ok("getBillingCreditBalance none", "getBillingCreditBalance", [ada], { shape: { balance: null } }),
  ok("adjustBillingCreditBalance increase", "adjustBillingCreditBalance", [ada, {
    amount: 1000,
    action: "increase",
    idempotencyKey: "k1",
    note: "hi"
  }], { bind: "granted" }),
  ok("adjustBillingCreditBalance same key", "adjustBillingCreditBalance", [ada, {
    amount: 1000,
    action: "increase",
    idempotencyKey: "k1"
  }], { shape: { id: ref("granted", "id") } }),
  ok("adjustBillingCreditBalance decrease", "adjustBillingCreditBalance", [ada, {
    amount: 300,
    action: "decrease",
    idempotencyKey: "k2"
  }]),
  ok("getBillingCreditBalance", "getBillingCreditBalance", [ada], { shape: { balance: { amount: 700 } } }),
  fails("adjustBillingCreditBalance below zero", "adjustBillingCreditBalance", [ada, {
    amount: 5000,
    action: "decrease",
    idempotencyKey: "k3"
  }], "UnprocessableEntity"),
  fails("adjustBillingCreditBalance missing", "adjustBillingCreditBalance", [missing, {
    amount: 1,
    action: "increase",
    idempotencyKey: "k4"
  }], "ResourceNotFound"),
  fails("getBillingCreditBalance missing", "getBillingCreditBalance", [missing], "ResourceNotFound")
]

const device = ref("device", "id")

const trustedDevices: ReadonlyArray<Step> = [
  control(
    "seed trusted device",
    "seedTrustedDevice",
    [ada, { platform: "ios", appIdentifier: "com.example.app" }],
    "device"
  ),
  ok("listTrustedDevices", "listTrustedDevices", [ada], { shape: { totalCount: 1 } }),
  ok("revokeTrustedDevice", "revokeTrustedDevice", [ada, device], { shape: { status: "revoked" } }),
  ok("listTrustedDevices after revoke", "listTrustedDevices", [ada], { shape: { data: [] } }),
  fails("revokeTrustedDevice again", "revokeTrustedDevice", [ada, device], "ResourceNotFound"),
  fails("listTrustedDevices missing", "listTrustedDevices", [missing], "ResourceNotFound"),
  ok(
    "getOAuthAccessToken paginated page",
    "getOAuthAccessToken",
    [ada, "oauth_google", { paginated: true, limit: 1 }],
    {
      shape: { totalCount: 1, data: [{}] }
    }
  )
]

const ending: ReadonlyArray<Step> = [
  collect("listStream", "listStream", [{ orderBy: "+created_at" }, { pageSize: 1 }], [{ id: ada }, { id: bob }, {
    id: carol
  }]),
  ok("delete bob", "delete", [bob]),
  fails("delete bob again", "delete", [bob], "ResourceNotFound"),
  ok("count after delete", "count", [], { shape: 2 })
]

/** From the credentials to deletion: the steps after the organizations. */
export const credentials: ReadonlyArray<Step> = [
  ...passwordsAndMfa,
  ...identifiers,
  ...compromised,
  ...replacements,
  ...passwordRemoval,
  ...credits,
  ...trustedDevices,
  ...ending
]
