/**
 * Realistic Clerk payloads: a fully populated user of about 7 KB (the operation tests' full user, with an id,
 * identifiers and metadata of its own per index), and pages of 500 of them.
 */
import { userFull } from "@effect-clerk/kernel/Fixtures"

const T = 1_700_000_000_000

export const makeUser = (i: number) => ({
  ...userFull,
  id: `user_2${String(i).padStart(26, "0")}`,
  external_id: `ext_${i}`,
  username: `user_${i}`,
  email_addresses: [0, 1].map((n) => ({
    ...userFull.email_addresses[0]!,
    id: `idn_2email${i}x${n}`,
    email_address: `user${i}.${n}@example.com`
  })),
  primary_email_address_id: `idn_2email${i}x0`,
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
  }
})

export const userJson = (i: number) => JSON.stringify(makeUser(i))

export const pageJson = (offset: number, limit: number) =>
  `[${Array.from({ length: limit }, (_, k) => userJson(offset + k)).join(",")}]`
