/**
 * Compile-time checks, run by `pnpm check` (tsc): the kernel's plain types are the types core's Schemas decode,
 * so a value the kernel builds is a value the client reads.
 */
import type { ClerkApiError } from "@effect-clerk/core/ClerkError"
import type { ErrorCatalogue, Seed } from "@effect-clerk/kernel"
import type * as Seeds from "../src/Seeds.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const assertType = <T extends true>(_proof?: T) => undefined

assertType<Equals<ErrorCatalogue.ApiError, ClerkApiError>>()

// Seeds.ts: the Schemas' types are the kernel's plain seed interfaces
assertType<Equals<Seeds.ExternalAccountSeed, Seed.ExternalAccountSeed>>()
assertType<Equals<Seeds.PasskeySeed, Seed.PasskeySeed>>()
// (UserSeed extends an `Omit` of the create parameters on one side and a Schema's `omit` on the other, which the
// identity check above tells apart; each is assignable to the other, field by field)
assertType<Mutual<Seeds.UserSeed, Seed.UserSeed>>()
assertType<Equals<Seeds.OrganizationSeed, Seed.OrganizationSeed>>()
assertType<Equals<Seeds.MembershipSeed, Seed.MembershipSeed>>()
assertType<Equals<Seeds.InvitationSeed, Seed.InvitationSeed>>()
assertType<Equals<Seeds.OAuthTokenSeed, Seed.OAuthTokenSeed>>()
assertType<Equals<Seeds.TrustedDeviceSeed, Seed.TrustedDeviceSeed>>()
assertType<Equals<Seeds.CreditSeed, Seed.CreditSeed>>()
