/**
 * Realistic Clerk payloads: a fully populated user of about 7 KB, and pages of 500 of them.
 */
const T = 1_700_000_000_000

const verification = (strategy: string) => ({
  object: "verification_otp",
  status: "verified",
  strategy,
  attempts: 1,
  expire_at: T + 600_000,
  verified_at_client: "client_2abc"
})

const email = (i: number, n: number) => ({
  id: `idn_2email${i}x${n}`,
  object: "email_address",
  email_address: `user${i}.${n}@example.com`,
  reserved: false,
  verification: verification("email_code"),
  linked_to: [{ type: "oauth_google", id: `idn_2oauth${i}` }],
  matches_sso_connection: false,
  created_at: T,
  updated_at: T
})

export const makeUser = (i: number) => ({
  id: `user_2${String(i).padStart(26, "0")}`,
  object: "user",
  external_id: `ext_${i}`,
  primary_email_address_id: `idn_2email${i}x0`,
  primary_phone_number_id: `idn_2phone${i}`,
  primary_web3_wallet_id: `idn_2wallet${i}`,
  username: `user_${i}`,
  first_name: "Ada",
  last_name: "Lovelace",
  locale: "en-GB",
  profile_image_url: "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJodHRwczovL2ltYWdlcy5jbGVyay5kZXYifQ",
  image_url: "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJodHRwczovL2ltYWdlcy5jbGVyay5kZXYifQ",
  has_image: true,
  public_metadata: {
    plan: "pro",
    seats: 12,
    features: ["sso", "audit", "export"],
    onboarding: { step: 4, done: true },
    limits: {
      projects: 50,
      apiCallsPerDay: 100_000,
      storageGb: 250,
      members: 25,
      environments: ["dev", "staging", "prod"]
    },
    referral: { code: `REF-${i}`, source: "partner-program", campaign: "spring-launch" }
  },
  private_metadata: {
    stripe_customer_id: `cus_${i}`,
    crm: { id: `crm_${i}`, owner: "sales@example.com", tier: 2 },
    audit: Array.from(
      { length: 6 },
      (_, k) => ({ at: T + k * 86_400_000, by: "admin@example.com", action: "plan_change" })
    )
  },
  unsafe_metadata: {
    theme: "dark",
    language: "en",
    tour: { seen: ["dashboard", "billing", "settings", "members", "api-keys"] },
    recentSearches: ["quarterly report", "invoice 2024", "team settings", "sso setup", "webhooks"]
  },
  email_addresses: [email(i, 0), email(i, 1)],
  phone_numbers: [{
    id: `idn_2phone${i}`,
    object: "phone_number",
    phone_number: `+1555${String(1_000_000 + i).slice(-7)}`,
    reserved_for_second_factor: true,
    default_second_factor: true,
    reserved: false,
    verification: { ...verification("phone_code"), channel: "sms" },
    linked_to: [],
    backup_codes: null,
    created_at: T,
    updated_at: T
  }],
  web3_wallets: [{
    id: `idn_2wallet${i}`,
    object: "web3_wallet",
    web3_wallet: "0x0123456789abcdef0123456789abcdef01234567",
    verification: {
      object: "verification_web3",
      status: "verified",
      strategy: "web3_metamask_signature",
      nonce: "n",
      message: null,
      attempts: 1,
      expire_at: T
    },
    created_at: T,
    updated_at: T
  }],
  passkeys: [{
    id: `idn_2passkey${i}`,
    object: "passkey",
    name: "MacBook Touch ID",
    last_used_at: T,
    verification: { object: "verification_passkey", status: "verified", strategy: "passkey", attempts: 1, expire_at: T }
  }],
  password_enabled: true,
  two_factor_enabled: true,
  totp_enabled: true,
  backup_code_enabled: true,
  mfa_enabled_at: T,
  mfa_disabled_at: null,
  password_last_updated_at: T,
  external_accounts: [{
    object: "external_account",
    id: `eac_2${i}`,
    provider: "oauth_google",
    identification_id: `idn_2oauth${i}`,
    provider_user_id: `10${i}`,
    approved_scopes:
      "email https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile openid profile",
    email_address: `user${i}@gmail.com`,
    email_address_verified: true,
    first_name: "Ada",
    last_name: "Lovelace",
    avatar_url: "https://lh3.googleusercontent.com/a/ACg8ocJ",
    image_url: "https://img.clerk.com/eyJ0eXBlIjoicHJveHkifQ",
    username: null,
    phone_number: null,
    public_metadata: {},
    label: null,
    created_at: T,
    updated_at: T,
    verification: {
      object: "verification_oauth",
      status: "verified",
      strategy: "oauth_google",
      attempts: null,
      expire_at: T,
      external_verification_redirect_url: "",
      error: null
    }
  }],
  saml_accounts: [{
    id: `samlacc_2${i}`,
    object: "saml_account",
    provider: "saml_okta",
    active: true,
    email_address: `user${i}@corp.example`,
    first_name: "Ada",
    last_name: "Lovelace",
    provider_user_id: `okta|${i}`,
    last_authenticated_at: T,
    public_metadata: {},
    verification: {
      object: "verification_saml",
      status: "verified",
      strategy: "saml",
      attempts: null,
      expire_at: null,
      external_verification_redirect_url: null,
      error: null
    },
    saml_connection: {
      id: "samlc_2okta",
      name: "Okta",
      domain: "corp.example",
      domains: ["corp.example"],
      active: true,
      provider: "saml_okta",
      sync_user_attributes: true,
      allow_subdomains: false,
      allow_idp_initiated: false,
      disable_additional_identifications: false,
      created_at: T,
      updated_at: T
    }
  }],
  enterprise_accounts: [{
    id: `entacc_2${i}`,
    object: "enterprise_account",
    protocol: "saml",
    provider: "saml_okta",
    active: true,
    email_address: `user${i}@corp.example`,
    first_name: "Ada",
    last_name: "Lovelace",
    provider_user_id: `okta|${i}`,
    enterprise_connection_id: "entc_2okta",
    public_metadata: {},
    verification: {
      object: "verification_saml",
      status: "verified",
      strategy: "saml",
      attempts: null,
      expire_at: null
    },
    enterprise_connection: {
      id: "entc_2okta",
      protocol: "saml",
      provider: "saml_okta",
      name: "Okta",
      logo_public_url: null,
      domain: "corp.example",
      domains: ["corp.example"],
      active: true,
      sync_user_attributes: true,
      allow_subdomains: false,
      allow_idp_initiated: false,
      disable_additional_identifications: false,
      created_at: T,
      updated_at: T
    },
    last_authenticated_at: T
  }],
  organization_memberships: [{
    id: `orgmem_2${i}`,
    object: "organization_membership",
    role: "org:admin",
    role_name: "Admin",
    permissions: [
      "org:sys_profile:manage",
      "org:sys_profile:delete",
      "org:sys_memberships:read",
      "org:sys_memberships:manage"
    ],
    public_metadata: {},
    private_metadata: {},
    organization: {
      object: "organization",
      id: "org_2acme",
      name: "Acme Inc",
      slug: "acme",
      image_url: "https://img.clerk.com/org",
      has_image: true,
      members_count: 42,
      pending_invitations_count: 1,
      max_allowed_memberships: 100,
      admin_delete_enabled: true,
      public_metadata: {},
      private_metadata: {},
      created_by: "user_2owner",
      created_at: T,
      updated_at: T
    },
    created_at: T,
    updated_at: T
  }],
  last_sign_in_at: T + 1000,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: 100,
  updated_at: T + 2000,
  created_at: T,
  delete_self_enabled: true,
  create_organization_enabled: true,
  create_organizations_limit: null,
  last_active_at: T + 3000,
  legal_accepted_at: T,
  bypass_client_trust: false
})

export const userJson = (i: number) => JSON.stringify(makeUser(i))

export const pageJson = (offset: number, limit: number) =>
  `[${Array.from({ length: limit }, (_, k) => userJson(offset + k)).join(",")}]`
