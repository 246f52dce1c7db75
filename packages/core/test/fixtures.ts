/**
 * Wire payloads as Clerk sends them: `full*` fill every documented field (nested objects included),
 * `minimal*` only the required ones, with nullable fields `null`.
 */

const T = 1_700_000_000_000

export const clerkApiErrorFull = {
  code: "form_param_format_invalid",
  message: "is invalid",
  long_message: "email_address must be a valid email address",
  meta: { param_name: "email_address" }
}

const verificationOtp = {
  object: "verification_otp",
  status: "verified",
  strategy: "email_code",
  attempts: 1,
  expire_at: T + 600_000,
  channel: null,
  verified_at_client: "client_1"
}

const verificationOauth = {
  object: "verification_oauth",
  status: "verified",
  strategy: "oauth_google",
  external_verification_redirect_url: "https://accounts.google.com/o/oauth2/auth",
  error: { ...clerkApiErrorFull },
  expire_at: T + 1000,
  attempts: null,
  verified_at_client: null
}

const verificationSaml = {
  object: "verification_saml",
  status: "verified",
  strategy: "saml",
  external_verification_redirect_url: null,
  error: null,
  expire_at: null,
  attempts: null,
  verified_at_client: null
}

const verificationWeb3 = {
  object: "verification_web3",
  status: "verified",
  strategy: "web3_metamask_signature",
  nonce: "nonce_1",
  message: "Sign in",
  attempts: 1,
  expire_at: T,
  verified_at_client: null
}

const verificationPasskey = {
  object: "verification_passkey",
  status: "verified",
  strategy: "passkey",
  nonce: "nonce",
  message: null,
  attempts: 1,
  expire_at: T,
  verified_at_client: null
}

const money = (amount: number) => ({
  amount,
  amount_formatted: `$${(amount / 100).toFixed(2)}`,
  currency: "USD",
  currency_symbol: "$"
})

export const organizationFull = {
  object: "organization",
  id: "org_2abc",
  name: "Acme",
  slug: "acme",
  image_url: "https://img.clerk.com/org.png",
  has_image: true,
  members_count: 12,
  missing_member_with_elevated_permissions: false,
  pending_invitations_count: 2,
  max_allowed_memberships: 100,
  admin_delete_enabled: true,
  public_metadata: { tier: "gold" },
  private_metadata: { crm: "0042" },
  created_by: "user_2owner",
  created_at: T,
  updated_at: T + 1,
  last_active_at: T + 2,
  role_set_key: "default"
}

export const membershipFull = {
  id: "orgmem_1",
  object: "organization_membership",
  role: "org:admin",
  role_name: "Admin",
  permissions: ["org:sys_profile:manage", "org:sys_memberships:read"],
  public_metadata: { team: "core" },
  private_metadata: { badge: 7 },
  organization: organizationFull,
  public_user_data: {
    user_id: "user_2full",
    first_name: "Ada",
    last_name: "Lovelace",
    profile_image_url: "https://img.clerk.com/ada.png",
    image_url: "https://img.clerk.com/ada.png",
    has_image: true,
    identifier: "ada@example.com",
    username: "ada",
    banned: false,
    deprovisioned: false
  },
  created_at: T,
  updated_at: T + 5
}

export const membershipMinimal = {
  id: "orgmem_2",
  object: "organization_membership",
  role: "org:member",
  permissions: [],
  public_metadata: {},
  organization: {
    object: "organization",
    id: "org_min",
    name: "Min",
    slug: "min",
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: false,
    public_metadata: {},
    created_at: T,
    updated_at: T
  },
  created_at: T,
  updated_at: T
}

export const userFull = {
  id: "user_2full",
  object: "user",
  external_id: "ext_42",
  primary_email_address_id: "idn_email1",
  primary_phone_number_id: "idn_phone1",
  primary_web3_wallet_id: "idn_wallet1",
  username: "ada",
  first_name: "Ada",
  last_name: "Lovelace",
  locale: "en-GB",
  profile_image_url: "https://img.clerk.com/ada.png",
  image_url: "https://img.clerk.com/ada.png",
  has_image: true,
  public_metadata: { plan: "pro", nested: { a: [1, 2, { b: null }] } },
  private_metadata: { stripeId: "cus_1" },
  unsafe_metadata: { theme: "dark" },
  email_addresses: [
    {
      id: "idn_email1",
      object: "email_address",
      email_address: "ada@example.com",
      reserved: false,
      verification: verificationOtp,
      linked_to: [{ type: "oauth_google", id: "idn_oauth1" }],
      matches_sso_connection: false,
      created_at: T,
      updated_at: T
    }
  ],
  phone_numbers: [
    {
      id: "idn_phone1",
      object: "phone_number",
      phone_number: "+15555550100",
      reserved_for_second_factor: true,
      default_second_factor: true,
      reserved: false,
      verification: { ...verificationOtp, strategy: "phone_code", channel: "sms" },
      linked_to: [],
      backup_codes: ["abc123"],
      created_at: T,
      updated_at: T
    }
  ],
  web3_wallets: [
    {
      id: "idn_wallet1",
      object: "web3_wallet",
      web3_wallet: "0x0123456789abcdef0123456789abcdef01234567",
      verification: verificationWeb3,
      created_at: T,
      updated_at: T
    }
  ],
  passkeys: [
    {
      id: "idn_passkey1",
      object: "passkey",
      name: "MacBook Touch ID",
      last_used_at: T,
      verification: verificationPasskey
    }
  ],
  password_enabled: true,
  two_factor_enabled: true,
  totp_enabled: true,
  backup_code_enabled: true,
  mfa_enabled_at: T,
  mfa_disabled_at: T - 1000,
  password_last_updated_at: T - 5000,
  requires_password_reset: false,
  external_accounts: [
    {
      object: "external_account",
      id: "eac_1",
      provider: "oauth_google",
      identification_id: "idn_oauth1",
      provider_user_id: "1234567890",
      approved_scopes: "email profile",
      email_address: "ada@gmail.com",
      email_address_verified: true,
      first_name: "Ada",
      last_name: "Lovelace",
      avatar_url: "https://lh3.googleusercontent.com/a",
      image_url: "https://img.clerk.com/g.png",
      username: "ada.l",
      phone_number: null,
      public_metadata: { locale: "en" },
      label: null,
      created_at: T,
      updated_at: T,
      verification: verificationOauth,
      some_future_field: "ignored"
    }
  ],
  saml_accounts: [
    {
      id: "samlacc_1",
      object: "saml_account",
      provider: "saml_okta",
      active: true,
      email_address: "ada@corp.example",
      first_name: "Ada",
      last_name: null,
      provider_user_id: "okta|1",
      last_authenticated_at: T,
      public_metadata: {},
      verification: verificationSaml,
      saml_connection: {
        id: "samlc_1",
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
    }
  ],
  enterprise_accounts: [
    {
      id: "entacc_1",
      object: "enterprise_account",
      protocol: "saml",
      provider: "saml_okta",
      active: true,
      email_address: "ada@corp.example",
      first_name: null,
      last_name: "Lovelace",
      provider_user_id: null,
      enterprise_connection_id: "entc_1",
      public_metadata: { dept: "R&D" },
      verification: { ...verificationSaml, object: "verification_ticket", strategy: "ticket" },
      enterprise_connection: {
        id: "entc_1",
        protocol: "saml",
        provider: "saml_okta",
        name: "Okta",
        logo_public_url: null,
        domain: "corp.example",
        domains: ["corp.example"],
        active: true,
        sync_user_attributes: true,
        allow_subdomains: true,
        allow_idp_initiated: false,
        disable_additional_identifications: false,
        created_at: T,
        updated_at: T
      },
      last_authenticated_at: T
    }
  ],
  organization_memberships: [membershipFull],
  last_sign_in_at: T + 10,
  banned: false,
  locked: false,
  deprovisioned: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: 100,
  updated_at: T + 20,
  created_at: T,
  delete_self_enabled: true,
  create_organization_enabled: true,
  create_organizations_limit: 3,
  last_active_at: T + 30,
  legal_accepted_at: T + 40,
  bypass_client_trust: false,
  scim: { directory_id: "dir_1", directory_enabled: true, external_id: null },
  a_field_clerk_added_later: { anything: true }
}

export const userMinimal = {
  id: "user_2min",
  object: "user",
  external_id: null,
  primary_email_address_id: null,
  primary_phone_number_id: null,
  primary_web3_wallet_id: null,
  username: null,
  first_name: null,
  last_name: null,
  has_image: false,
  public_metadata: {},
  email_addresses: [],
  phone_numbers: [],
  web3_wallets: [],
  passkeys: [],
  password_enabled: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  mfa_enabled_at: null,
  mfa_disabled_at: null,
  external_accounts: [],
  saml_accounts: [],
  enterprise_accounts: [],
  last_sign_in_at: null,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: null,
  updated_at: T,
  created_at: T,
  delete_self_enabled: false,
  create_organization_enabled: false,
  last_active_at: null,
  legal_accepted_at: null
}

export const deletedFull = { object: "user", id: "user_2full", slug: "ada", deleted: true, external_id: "ext_42" }
export const deletedMinimal = { object: "user", deleted: true }

export const totalCount = { object: "total_count", total_count: 42 }

export const invitationFull = {
  object: "organization_invitation",
  id: "orginv_1",
  email_address: "ada@example.com",
  role: "org:member",
  role_name: "Member",
  organization_id: "org_2abc",
  inviter_id: "user_2owner",
  public_inviter_data: {
    user_id: "user_2owner",
    first_name: "Owner",
    last_name: null,
    image_url: "https://img.clerk.com/o.png",
    has_image: false,
    identifier: "owner@example.com"
  },
  status: "pending",
  public_metadata: { source: "import" },
  private_metadata: { ticket: 1 },
  url: "https://acme.example/accept",
  expires_at: T + 86_400_000,
  created_at: T,
  updated_at: T,
  public_organization_data: {
    id: "org_2abc",
    name: "Acme",
    slug: "acme",
    image_url: "https://img.clerk.com/org.png",
    has_image: true
  }
}

export const invitationMinimal = {
  object: "organization_invitation",
  id: "orginv_2",
  email_address: "ada@example.com",
  role: "org:member",
  role_name: "Member",
  inviter_id: null,
  public_inviter_data: null,
  public_metadata: {},
  url: null,
  expires_at: null,
  created_at: T,
  updated_at: T
}

export const oauthTokenFull = {
  object: "oauth_access_token",
  external_account_id: "eac_1",
  provider_user_id: "1234567890",
  token: "ya29.token",
  expires_at: T + 3600_000,
  provider: "oauth_google",
  public_metadata: { hd: "example.com" },
  label: "work",
  scopes: ["email", "profile"],
  id_token: "eyJhbGciOi",
  token_secret: "secret-oauth1"
}

export const oauthTokenMinimal = {
  object: "oauth_access_token",
  external_account_id: "eac_2",
  provider_user_id: "99",
  token: "t",
  expires_at: null,
  provider: "oauth_github",
  public_metadata: {},
  label: null
}

const planFull = {
  object: "commerce_plan",
  id: "cplan_1",
  name: "Pro",
  fee: money(2000),
  annual_monthly_fee: money(1600),
  annual_fee: money(19200),
  description: "For teams",
  product_id: "cprod_1",
  is_default: false,
  is_recurring: true,
  publicly_visible: true,
  has_base_fee: true,
  for_payer_type: "user",
  slug: "pro",
  avatar_url: null,
  features: [{ object: "feature", id: "feat_1", name: "SSO", description: null, slug: "sso", avatar_url: null }],
  free_trial_enabled: true,
  free_trial_days: 14,
  unit_prices: [
    {
      name: "seats",
      block_size: 1,
      tiers: [{ starts_at_block: 1, ends_after_block: null, fee_per_block: money(500) }]
    }
  ]
}

const totalsFull = {
  subtotal: money(2500),
  base_fee: money(2000),
  tax_total: money(0),
  grand_total: money(2500),
  per_unit_totals: [
    { name: "seats", block_size: 1, tiers: [{ quantity: 1, fee_per_block: money(500), total: money(500) }] }
  ],
  credits: {
    proration: { amount: money(100), cycle_days_remaining: 10, cycle_days_total: 30, cycle_remaining_percent: 33.3 },
    payer: { remaining_balance: money(0), applied_amount: money(50) },
    total: money(150)
  },
  discounts: {
    proration: { amount: money(10), cycle_days_passed: 20, cycle_days_total: 30, cycle_passed_percent: 66.6 },
    total: money(10)
  }
}

export const subscriptionFull = {
  object: "commerce_subscription",
  id: "csub_1",
  instance_id: "ins_1",
  status: "active",
  payer_id: "cpayer_1",
  created_at: T,
  updated_at: T,
  active_at: T,
  past_due_at: null,
  subscription_items: [
    {
      object: "commerce_subscription_item",
      id: "csubi_1",
      instance_id: "ins_1",
      status: "active",
      credit: { amount: money(100), cycle_remaining_percent: 50 },
      credits: totalsFull.credits,
      plan_id: "cplan_1",
      price_id: "cprice_1",
      plan: planFull,
      plan_period: "month",
      payment_method: {
        object: "commerce_payment_method",
        id: "cpm_1",
        payer_id: "cpayer_1",
        payment_type: "card",
        is_default: true,
        gateway: "stripe",
        gateway_external_id: "pm_1",
        gateway_external_account_id: null,
        last4: "4242",
        status: "active",
        wallet_type: null,
        card_type: "visa",
        expiry_year: 2030,
        expiry_month: 12,
        created_at: T,
        updated_at: T,
        is_removable: true
      },
      lifetime_paid: money(10_000),
      next_payment: {
        amount: money(2000),
        date: T + 1,
        per_unit_totals: totalsFull.per_unit_totals,
        totals: totalsFull
      },
      payer_id: "cpayer_1",
      payer: {
        object: "commerce_payer",
        id: "cpayer_1",
        instance_id: "ins_1",
        user_id: "user_2full",
        first_name: "Ada",
        last_name: "Lovelace",
        email: "ada@example.com",
        organization_id: null,
        organization_name: null,
        image_url: "https://img.clerk.com/ada.png",
        credits_balance: money(0),
        created_at: T,
        updated_at: T
      },
      is_free_trial: false,
      period_start: T,
      period_end: T + 30 * 86_400_000,
      proration_date: "2026-01-01",
      canceled_at: null,
      past_due_at: null,
      ended_at: null,
      created_at: T,
      updated_at: T,
      seats: { quantity: 1, tiers: [{ quantity: 1, fee_per_block: money(500), total: money(500) }] },
      totals: totalsFull
    }
  ],
  next_payment: { date: T + 1, amount: money(2000), per_unit_totals: totalsFull.per_unit_totals, totals: totalsFull },
  eligible_for_free_trial: false
}

export const subscriptionMinimal = {
  object: "commerce_subscription",
  id: "csub_2",
  instance_id: "ins_1",
  status: "incomplete",
  payer_id: "cpayer_2",
  created_at: T,
  updated_at: T,
  active_at: null,
  past_due_at: null,
  subscription_items: [
    {
      object: "commerce_subscription_item",
      id: "csubi_2",
      instance_id: "ins_1",
      status: "upcoming",
      plan_id: null,
      plan_period: "annual",
      payer_id: "cpayer_2",
      is_free_trial: true,
      period_start: T,
      period_end: null,
      canceled_at: null,
      past_due_at: null,
      ended_at: null
    }
  ]
}

export const totpFull = {
  object: "totp",
  id: "totp_1",
  secret: "JBSWY3DPEHPK3PXP",
  uri: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme",
  verified: false,
  backup_codes: ["aaaa1111", "bbbb2222"],
  created_at: T,
  updated_at: T
}

export const totpMinimal = { object: "totp", id: "totp_2", secret: null, uri: null, verified: false }

export const clerkErrorBody = (status: number) => ({
  errors: [
    { ...clerkApiErrorFull, code: `code_${status}` },
    { code: "second", message: "second error", long_message: "the second error" }
  ],
  meta: {},
  clerk_trace_id: `trace_${status}`
})

export const emailAddressFull = userFull.email_addresses[0]!
export const emailAddressMinimal = {
  object: "email_address",
  email_address: "ada@example.org",
  reserved: true,
  verification: null,
  linked_to: [],
  created_at: T,
  updated_at: T
}

export const phoneNumberFull = userFull.phone_numbers[0]!
export const phoneNumberMinimal = {
  object: "phone_number",
  phone_number: "+15555550123",
  reserved: false,
  verification: null,
  linked_to: [],
  created_at: T,
  updated_at: T
}

export const creditBalanceFull = { object: "commerce_credit_balance", balance: money(1250) }
export const creditBalanceMinimal = { object: "commerce_credit_balance", balance: null }

export const ledgerEntryFull = {
  object: "commerce_credit_ledger",
  id: "ccl_2full",
  payer_id: "cpayer_2ada",
  amount: money(-500),
  source_type: "grant",
  source_id: "cgrant_2",
  note: "goodwill",
  created_at: "2026-05-12T10:00:00.000Z",
  a_field_clerk_added_later: true
}
export const ledgerEntryMinimal = {
  object: "commerce_credit_ledger",
  id: "ccl_2min",
  payer_id: "cpayer_2ada",
  amount: money(500),
  source_type: "grant",
  source_id: "cgrant_2",
  created_at: "2026-05-12T10:00:00.000Z"
}

export const trustedDeviceFull = {
  object: "trusted_device",
  id: "td_2full",
  platform: "ios",
  app_identifier: "com.example.app",
  name: "Ada's iPhone",
  algorithm: "ES256",
  status: "active",
  created_at: T,
  updated_at: T + 1,
  last_used_at: T + 2,
  revoked_at: null
}
export const trustedDeviceMinimal = {
  object: "trusted_device",
  id: "td_2min",
  platform: "a_future_platform",
  app_identifier: "com.example.app",
  algorithm: "ES256",
  status: "active",
  created_at: T,
  updated_at: T
}
