/**
 * The lifecycle scenario, by concern: users created (and the identifiers Clerk keeps unique), listed, counted,
 * read, updated, banned, locked, given an image, related to seeded organizations, billing and tokens, then
 * their credentials. Each section goes on from the state the previous one left.
 */
import type { Arg, Step } from "./language.js"
import { bytes, control, exact, fails, ok, ref, text } from "./language.js"

const ada = ref("ada", "id")
const bob = ref("bob", "id")
const carol = ref("carol", "id")
const missing = "user_missing"

/** The image uploaded (a PNG signature, then a few bytes). */
export const image = bytes(0x89, 0x50, 0x4e, 0x47, 1, 2, 3)

const subscription = (payerId: string): Arg => ({
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

/** Ada (every credential), Bob (an external id) and Carol (seeded with a wallet, a passkey, an account). */
export const people: ReadonlyArray<Step> = [
  ok("create ada", "create", [{
    emailAddress: ["ada@example.com"],
    phoneNumber: ["+15555550100"],
    username: "ada_l",
    firstName: "Ada",
    lastName: "Byron",
    password: "analytical-engine",
    totpSecret: "JBSWY3DPEHPK3PXP",
    backupCodes: ["abcd1234", "efgh5678"],
    publicMetadata: { plan: "pro", nested: { a: 1 } }
  }], { bind: "ada", shape: { totpEnabled: true, backupCodeEnabled: true, passwordEnabled: true } }),
  ok("create bob", "create", [{ emailAddress: ["bob@example.com"], externalId: "ext-bob" }], { bind: "bob" }),
  control("seed carol", "seedUser", [{
    emailAddress: ["carol@example.com"],
    web3Wallet: ["0x0123456789abcdef0123456789abcdef01234567"],
    passkeys: [{ name: "phone", lastUsedAt: 5 }],
    externalAccounts: [{ provider: "oauth_github", providerUserId: "gh-1", emailAddress: "carol@example.com" }]
  }], "carol")
]

const uniqueness: ReadonlyArray<Step> = [
  fails("create: email taken", "create", [{ emailAddress: ["ADA@example.com"] }], "UnprocessableEntity", {
    codes: ["form_identifier_exists"]
  }),
  fails("create: external id taken", "create", [{ externalId: "ext-bob" }], "UnprocessableEntity", {
    codes: ["form_identifier_exists"]
  }),
  fails("create: bad email", "create", [{ emailAddress: ["nope"] }], "UnprocessableEntity", {
    codes: ["form_param_format_invalid"]
  }),
  fails("create: weak password", "create", [{ password: "short" }], "UnprocessableEntity", {
    codes: ["form_password_length_too_short"]
  }),
  fails("create: NaN metadata", "create", [{ publicMetadata: { n: Number.NaN } }], "InvalidRequest")
]

const reads: ReadonlyArray<Step> = [
  ok("list +created_at", "list", [{ orderBy: "+created_at", limit: 10 }], {
    shape: [{ id: ada }, { id: bob }, { id: carol }]
  }),
  ok("list email query", "list", [{ emailAddressQuery: "ADA" }], { shape: [{ id: ada }] }),
  ok("list page 2", "list", [{ orderBy: "-created_at", limit: 2, offset: 2 }]),
  ok("list by provider", "list", [{ provider: "oauth_github", providerUserId: ["gh-1"] }]),
  fails("list: provider alone", "list", [{ provider: "oauth_github" }], "UnprocessableEntity"),
  fails("list: limit 0", "list", [{ limit: 0 }], "InvalidRequest"),
  ok("count", "count", [], { shape: 3 }),
  ok("count excluding ada", "count", [{ userId: [text("-", ada)] }], { shape: 2 }),
  ok("count by external id", "count", [{ externalId: ["ext-bob"] }]),
  fails("count: provider alone", "count", [{ provider: "x" }], "UnprocessableEntity"),
  ok("get ada", "get", [ada]),
  fails("get missing", "get", [missing], "ResourceNotFound", { codes: ["resource_not_found"] }),
  fails("get empty id", "get", [""], "InvalidRequest")
]

const updates: ReadonlyArray<Step> = [
  ok("update ada", "update", [ada, { lastName: null, locale: "en-GB" }], {
    shape: { firstName: "Ada", lastName: null, locale: "en-GB" }
  }),
  fails("update: username taken", "update", [bob, { username: "ada_l" }], "UnprocessableEntity", {
    codes: ["form_identifier_exists"]
  }),
  fails("update missing", "update", [missing, { firstName: "x" }], "ResourceNotFound"),
  ok("updateMetadata", "updateMetadata", [ada, {
    publicMetadata: { nested: { b: 2 }, plan: null },
    privateMetadata: { tier: 1 }
  }], { shape: { publicMetadata: exact({ nested: { a: 1, b: 2 } }) } }),
  fails(
    "updateMetadata: 8 KB",
    "updateMetadata",
    [ada, { unsafeMetadata: { x: "y".repeat(9000) } }],
    "UnprocessableEntity",
    {
      codes: ["form_param_exceeds_allowed_size"]
    }
  ),
  fails("updateMetadata missing", "updateMetadata", [missing, {}], "ResourceNotFound")
]

const bans: ReadonlyArray<Step> = [
  ok("ban bob", "ban", [bob]),
  ok("unban bob", "unban", [bob]),
  fails("ban missing (404 undocumented)", "ban", [missing], "UnexpectedStatus"),
  fails("unban missing", "unban", [missing], "UnexpectedStatus"),
  ok("bulkBan", "bulkBan", [[ada, bob]]),
  ok("count banned", "count", [{ banned: true }], { shape: 2 }),
  ok("bulkUnban", "bulkUnban", [[ada, bob, missing]]),
  fails("bulkBan: none", "bulkBan", [[]], "InvalidRequest"),
  ok("lock ada", "lock", [ada], { shape: { locked: true, lockoutExpiresInSeconds: 3600 } }),
  ok("unlock ada", "unlock", [ada]),
  fails("lock missing", "lock", [missing], "UnexpectedStatus"),
  fails("unlock missing", "unlock", [missing], "UnexpectedStatus")
]

const images: ReadonlyArray<Step> = [
  ok("setProfileImage", "setProfileImage", [ada, { data: image, fileName: "a.png", contentType: "image/png" }], {
    shape: { hasImage: true }
  }),
  ok("deleteProfileImage", "deleteProfileImage", [ada], { shape: { hasImage: false } }),
  fails("setProfileImage missing", "setProfileImage", [missing, { data: image }], "ResourceNotFound"),
  fails("setProfileImage empty", "setProfileImage", [ada, { data: bytes() }], "InvalidRequest"),
  fails("deleteProfileImage missing", "deleteProfileImage", [missing], "ResourceNotFound")
]

const billingAndTokens: ReadonlyArray<Step> = [
  fails("getBillingSubscription none", "getBillingSubscription", [ada], "ResourceNotFound"),
  control("seed subscription", "seedBillingSubscription", [ada, subscription("cpayer_ada")]),
  ok("getBillingSubscription", "getBillingSubscription", [ada]),
  control("seed oauth token", "seedOAuthToken", [{
    userId: ada,
    provider: "oauth_google",
    token: "ya29.t",
    providerUserId: "g-1",
    scopes: ["email"]
  }]),
  ok("getOAuthAccessToken", "getOAuthAccessToken", [ada, "oauth_google"], { shape: [{ token: "ya29.t" }] }),
  ok("getOAuthAccessToken paginated", "getOAuthAccessToken", [ada, "oauth_google", { paginated: true, limit: 5 }]),
  fails("getOAuthAccessToken missing", "getOAuthAccessToken", [missing, "oauth_google"], "ResourceNotFound")
]

const acme = ref("acme", "id")
const globex = ref("globex", "id")

const organizations: ReadonlyArray<Step> = [
  control("seed acme", "seedOrganization", [{ name: "Acme", createdAt: 10 }], "acme"),
  control("seed globex", "seedOrganization", [{ name: "Globex", createdAt: 11 }], "globex"),
  control("seed ada in acme", "seedMembership", [{
    userId: ada,
    organizationId: acme,
    role: "org:admin",
    createdAt: 20
  }]),
  control("seed bob in acme", "seedMembership", [{ userId: bob, organizationId: acme, createdAt: 21 }]),
  control("seed ada in globex", "seedMembership", [{ userId: ada, organizationId: globex, createdAt: 22 }]),
  control("seed bob invited to globex", "seedInvitation", [{
    organizationId: globex,
    emailAddress: "bob@example.com",
    status: "pending",
    createdAt: 30
  }]),
  control("seed bob invited to acme", "seedInvitation", [{
    organizationId: acme,
    emailAddress: "bob@example.com",
    status: "accepted",
    createdAt: 31
  }]),
  ok("getOrganizationMemberships", "getOrganizationMemberships", [ada], { shape: { totalCount: 2 } }),
  ok("getOrganizationMemberships page", "getOrganizationMemberships", [ada, { limit: 1, offset: 1 }]),
  ok("getOrganizationInvitations pending", "getOrganizationInvitations", [bob, { status: "pending" }], {
    shape: { totalCount: 1 }
  }),
  ok("getOrganizationInvitations all", "getOrganizationInvitations", [bob]),
  fails("getOrganizationInvitations missing", "getOrganizationInvitations", [missing], "ResourceNotFound"),
  ok("getInstanceOrganizationMemberships", "getInstanceOrganizationMemberships", [{ orderBy: "-created_at" }]),
  ok("getInstanceOrganizationMemberships by email", "getInstanceOrganizationMemberships", [{
    orderBy: "email_address",
    limit: 2
  }]),
  ok("count in acme", "count", [{ organizationId: [acme] }], { shape: 2 })
]

/** From creation to organizations: the steps before the credentials. */
export const profile: ReadonlyArray<Step> = [
  ...people,
  ...uniqueness,
  ...reads,
  ...updates,
  ...bans,
  ...images,
  ...billingAndTokens,
  ...organizations
]
