/**
 * Every model of the Effect 4 line on the kernel's `Fixtures` (Clerk's wire JSON): the full fixture decodes (a
 * field Clerk may add later is ignored) and survives a round trip, the minimal one encodes back to exactly itself,
 * and a wrong field is a typed failure (a `SchemaError`, never a defect).
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as BillingCreditBalance from "../src/BillingCreditBalance.js"
import * as BillingSubscription from "../src/BillingSubscription.js"
import * as ClerkError from "../src/ClerkError.js"
import * as DeletedObject from "../src/DeletedObject.js"
import * as OAuthAccessToken from "../src/OAuthAccessToken.js"
import * as OrganizationInvitation from "../src/OrganizationInvitation.js"
import * as OrganizationMembership from "../src/OrganizationMembership.js"
import * as Responses from "../src/Responses.js"
import * as Totp from "../src/Totp.js"
import * as TrustedDevice from "../src/TrustedDevice.js"
import * as User from "../src/User.js"
import * as Verification from "../src/Verification.js"

interface Case {
  readonly name: string
  readonly schema: Schema.Codec<unknown, unknown>
  readonly full: unknown
  readonly minimal?: unknown
  /** a required string field, given a number to be refused (default `object`) */
  readonly required?: string
}

const cases: ReadonlyArray<Case> = [
  { name: "User", schema: User.User, full: Fixtures.userFull, minimal: Fixtures.userMinimal },
  {
    name: "EmailAddress",
    schema: User.EmailAddress,
    full: Fixtures.emailAddressFull,
    minimal: Fixtures.emailAddressMinimal
  },
  {
    name: "PhoneNumber",
    schema: User.PhoneNumber,
    full: Fixtures.phoneNumberFull,
    minimal: Fixtures.phoneNumberMinimal
  },
  { name: "Verification", schema: Verification.Verification, full: Fixtures.emailAddressFull.verification },
  { name: "Organization", schema: OrganizationMembership.Organization, full: Fixtures.organizationFull },
  {
    name: "OrganizationMembership",
    schema: OrganizationMembership.OrganizationMembership,
    full: Fixtures.membershipFull,
    minimal: Fixtures.membershipMinimal
  },
  {
    name: "OrganizationInvitation",
    schema: OrganizationInvitation.OrganizationInvitation,
    full: Fixtures.invitationFull,
    minimal: Fixtures.invitationMinimal
  },
  {
    name: "OAuthAccessToken",
    schema: OAuthAccessToken.OAuthAccessToken,
    full: Fixtures.oauthTokenFull,
    minimal: Fixtures.oauthTokenMinimal
  },
  {
    name: "BillingSubscription",
    schema: BillingSubscription.BillingSubscription,
    full: Fixtures.subscriptionFull,
    minimal: Fixtures.subscriptionMinimal
  },
  {
    name: "BillingCreditBalance",
    schema: BillingCreditBalance.BillingCreditBalance,
    full: Fixtures.creditBalanceFull,
    minimal: Fixtures.creditBalanceMinimal
  },
  {
    name: "BillingCreditLedgerEntry",
    schema: BillingCreditBalance.BillingCreditLedgerEntry,
    full: Fixtures.ledgerEntryFull,
    minimal: Fixtures.ledgerEntryMinimal
  },
  { name: "Totp", schema: Totp.Totp, full: Fixtures.totpFull, minimal: Fixtures.totpMinimal },
  {
    name: "TrustedDevice",
    schema: TrustedDevice.TrustedDevice,
    full: Fixtures.trustedDeviceFull,
    minimal: Fixtures.trustedDeviceMinimal
  },
  {
    name: "DeletedObject",
    schema: DeletedObject.DeletedObject,
    full: Fixtures.deletedFull,
    minimal: Fixtures.deletedMinimal
  },
  { name: "TotalCount", schema: Responses.TotalCount, full: Fixtures.totalCount, minimal: Fixtures.totalCount },
  { name: "ClerkApiError", schema: ClerkError.ClerkApiError, full: Fixtures.clerkApiErrorFull, required: "code" }
]

const hasUpperCaseKey = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(hasUpperCaseKey)
    : typeof value === "object" && value !== null &&
      Object.entries(value).some(([key, inner]) =>
        /[A-Z]/.test(key) ||
        (key !== "public_metadata" && key !== "private_metadata" && key !== "unsafe_metadata" && key !== "meta" &&
          hasUpperCaseKey(inner))
      )

describe("models on the kernel's fixtures", () => {
  for (const { full, minimal, name, required = "object", schema } of cases) {
    it.effect(`${name}: the full fixture decodes, encodes to snake_case and decodes back to the same value`, () =>
      Effect.gen(function*() {
        const decoded = yield* Schema.decodeUnknownEffect(schema)(full)
        const wire = yield* Schema.encodeEffect(schema)(decoded)
        assert.isFalse(hasUpperCaseKey(wire), `${name}: a camelCase key on the wire`)
        assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(schema)(wire), decoded)
      }))

    if (minimal !== undefined) {
      it.effect(`${name}: the minimal fixture encodes back to exactly itself`, () =>
        Effect.gen(function*() {
          const decoded = yield* Schema.decodeUnknownEffect(schema)(minimal)
          assert.deepStrictEqual(yield* Schema.encodeEffect(schema)(decoded), minimal)
        }))
    }

    it(`${name}: a non-object and an object with a wrong field are typed failures`, () => {
      assert.isTrue(Result.isFailure(Schema.decodeUnknownResult(schema)("not an object")))
      assert.isTrue(Result.isFailure(Schema.decodeUnknownResult(schema)({ ...(full as object), [required]: 42 })))
    })
  }

  it.effect("a camelCase value decodes to camelCase fields (the fixture's snake_case keys are gone)", () =>
    Effect.gen(function*() {
      const subscription = yield* Schema.decodeUnknownEffect(BillingSubscription.BillingSubscription)(
        Fixtures.subscriptionFull
      )
      assert.strictEqual(subscription.payerId, Fixtures.subscriptionFull.payer_id)
      assert.isFalse(Object.hasOwn(subscription, "payer_id"))
    }))

  it.effect("CountResponse projects the count and encodes back to the body", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* Schema.decodeUnknownEffect(Responses.CountResponse)(Fixtures.totalCount), 42)
      assert.deepStrictEqual(yield* Schema.encodeEffect(Responses.CountResponse)(42), Fixtures.totalCount)
    }))

  it.effect("Paginated wraps any item schema in the { data, total_count } envelope", () =>
    Effect.gen(function*() {
      const Page = Responses.Paginated(OrganizationMembership.OrganizationMembership)
      const page = yield* Schema.decodeUnknownEffect(Page)({ data: [Fixtures.membershipMinimal], total_count: 7 })
      assert.strictEqual(page.totalCount, 7)
      assert.strictEqual(page.data.length, 1)
      assert.deepStrictEqual(yield* Schema.encodeEffect(Page)(page), {
        data: [Fixtures.membershipMinimal],
        total_count: 7
      })
    }))

  it.effect("VerifyTotpResult, VerifyPasswordResult and UserIdResult rename their keys", () =>
    Effect.gen(function*() {
      const totp = yield* Schema.decodeUnknownEffect(Responses.VerifyTotpResult)({ verified: true, code_type: "totp" })
      assert.deepStrictEqual(totp, { verified: true, codeType: "totp" })
      assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(Responses.VerifyPasswordResult)({ verified: false }), {
        verified: false
      })
      assert.deepStrictEqual(yield* Schema.decodeUnknownEffect(Responses.UserIdResult)({ user_id: "user_1" }), {
        userId: "user_1"
      })
    }))

  it.effect("the user getters: full name and primary identifiers (the kernel's UserGetters, in Option)", () =>
    Effect.gen(function*() {
      const user = yield* Schema.decodeUnknownEffect(User.User)(Fixtures.userFull)
      assert.deepStrictEqual(User.fullName(user), Option.some(`${user.firstName} ${user.lastName}`))
      assert.isTrue(Option.isNone(User.fullName({ firstName: null, lastName: " " })))
      const email = User.primaryEmailAddress(user)
      assert.isTrue(Option.isSome(email) && email.value.id === user.primaryEmailAddressId)
      assert.isTrue(
        Option.isNone(User.primaryPhoneNumber({ phoneNumbers: user.phoneNumbers, primaryPhoneNumberId: "none" }))
      )
      assert.isTrue(Option.isNone(User.primaryWeb3Wallet({ web3Wallets: [], primaryWeb3WalletId: null })))
    }))
})
