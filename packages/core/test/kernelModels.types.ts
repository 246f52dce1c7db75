/**
 * Compile-time checks, run by `pnpm check` (tsc): every model and parameter type core's Schemas decode to is
 * exactly the kernel's interface of the same name (both directions, optional and nullable fields included), so
 * the Effect 3 line and the kernel cannot drift apart silently.
 */
import type { Model } from "@effect-clerk/kernel"
import type * as BillingCreditBalance from "../src/BillingCreditBalance.js"
import type * as BillingSubscription from "../src/BillingSubscription.js"
import type * as ClerkError from "../src/ClerkError.js"
import type * as DeletedObject from "../src/DeletedObject.js"
import type * as bodies from "../src/internal/bodies.js"
import type * as OAuthAccessToken from "../src/OAuthAccessToken.js"
import type * as OrganizationInvitation from "../src/OrganizationInvitation.js"
import type * as OrganizationMembership from "../src/OrganizationMembership.js"
import type * as Responses from "../src/Responses.js"
import type * as Totp from "../src/Totp.js"
import type * as TrustedDevice from "../src/TrustedDevice.js"
import type * as User from "../src/User.js"
import type * as UsersParams from "../src/UsersParams.js"
import type * as Verification from "../src/Verification.js"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const assertType = <T extends true>(_proof?: T) => undefined

// Verification.ts, ClerkError.ts
assertType<Equals<Verification.Verification, Model.Verification>>()
assertType<Equals<Verification.IdentificationLink, Model.IdentificationLink>>()
assertType<Equals<typeof Verification.VerificationObject.Type, Model.VerificationObject>>()
assertType<Equals<typeof Verification.VerificationStatus.Type, Model.VerificationStatus>>()
assertType<Equals<ClerkError.ClerkApiError, Model.ClerkApiError>>()

// User.ts
assertType<Equals<User.EmailAddress, Model.EmailAddress>>()
assertType<Equals<User.PhoneNumber, Model.PhoneNumber>>()
assertType<Equals<User.Web3Wallet, Model.Web3Wallet>>()
assertType<Equals<User.Passkey, Model.Passkey>>()
assertType<Equals<User.ExternalAccount, Model.ExternalAccount>>()
assertType<Equals<User.SamlAccountConnection, Model.SamlAccountConnection>>()
assertType<Equals<User.SamlAccount, Model.SamlAccount>>()
assertType<Equals<User.EnterpriseAccountConnection, Model.EnterpriseAccountConnection>>()
assertType<Equals<User.EnterpriseAccount, Model.EnterpriseAccount>>()
assertType<Equals<User.ScimUserMetadata, Model.ScimUserMetadata>>()
assertType<Equals<User.User, Model.User>>()

// OrganizationMembership.ts, OrganizationInvitation.ts
assertType<Equals<OrganizationMembership.Organization, Model.Organization>>()
assertType<
  Equals<OrganizationMembership.OrganizationMembershipPublicUserData, Model.OrganizationMembershipPublicUserData>
>()
assertType<Equals<OrganizationMembership.OrganizationMembership, Model.OrganizationMembership>>()
assertType<
  Equals<
    OrganizationInvitation.OrganizationInvitationPublicOrganizationData,
    Model.OrganizationInvitationPublicOrganizationData
  >
>()
assertType<
  Equals<OrganizationInvitation.OrganizationInvitationPublicUserData, Model.OrganizationInvitationPublicUserData>
>()
assertType<
  Equals<typeof OrganizationInvitation.OrganizationInvitationStatus.Type, Model.OrganizationInvitationStatus>
>()
assertType<Equals<OrganizationInvitation.OrganizationInvitation, Model.OrganizationInvitation>>()

// BillingSubscription.ts, BillingCreditBalance.ts
assertType<Equals<BillingSubscription.BillingMoney, Model.BillingMoney>>()
assertType<Equals<BillingSubscription.BillingPerUnitTotalTier, Model.BillingPerUnitTotalTier>>()
assertType<Equals<BillingSubscription.BillingPerUnitTotal, Model.BillingPerUnitTotal>>()
assertType<Equals<BillingSubscription.BillingProrationCredit, Model.BillingProrationCredit>>()
assertType<Equals<BillingSubscription.BillingPayerCredit, Model.BillingPayerCredit>>()
assertType<Equals<BillingSubscription.BillingCredits, Model.BillingCredits>>()
assertType<Equals<BillingSubscription.BillingProrationDiscount, Model.BillingProrationDiscount>>()
assertType<Equals<BillingSubscription.BillingDiscounts, Model.BillingDiscounts>>()
assertType<Equals<BillingSubscription.BillingTotals, Model.BillingTotals>>()
assertType<Equals<BillingSubscription.BillingFeature, Model.BillingFeature>>()
assertType<Equals<BillingSubscription.BillingUnitPriceTier, Model.BillingUnitPriceTier>>()
assertType<Equals<BillingSubscription.BillingUnitPrice, Model.BillingUnitPrice>>()
assertType<Equals<BillingSubscription.BillingPlan, Model.BillingPlan>>()
assertType<Equals<BillingSubscription.BillingPayer, Model.BillingPayer>>()
assertType<Equals<BillingSubscription.BillingPaymentMethod, Model.BillingPaymentMethod>>()
assertType<Equals<BillingSubscription.BillingSubscriptionCredit, Model.BillingSubscriptionCredit>>()
assertType<
  Equals<BillingSubscription.BillingSubscriptionItemNextPayment, Model.BillingSubscriptionItemNextPayment>
>()
assertType<Equals<BillingSubscription.BillingSubscriptionItemSeats, Model.BillingSubscriptionItemSeats>>()
assertType<Equals<BillingSubscription.BillingSubscriptionItem, Model.BillingSubscriptionItem>>()
assertType<Equals<BillingSubscription.BillingSubscriptionNextPayment, Model.BillingSubscriptionNextPayment>>()
assertType<Equals<BillingSubscription.BillingSubscription, Model.BillingSubscription>>()
assertType<Equals<BillingCreditBalance.BillingCreditBalance, Model.BillingCreditBalance>>()
assertType<Equals<BillingCreditBalance.BillingCreditLedgerEntry, Model.BillingCreditLedgerEntry>>()

// Responses.ts, DeletedObject.ts, Totp.ts, TrustedDevice.ts, OAuthAccessToken.ts
assertType<Equals<Responses.TotalCount, Model.TotalCount>>()
assertType<Equals<Responses.VerifyPasswordResult, Model.VerifyPasswordResult>>()
assertType<Equals<typeof Responses.TotpCodeType.Type, Model.TotpCodeType>>()
assertType<Equals<Responses.VerifyTotpResult, Model.VerifyTotpResult>>()
assertType<Equals<Responses.UserIdResult, Model.UserIdResult>>()
assertType<Equals<Responses.Paginated<User.User>, Model.Paginated<Model.User>>>()
assertType<Equals<DeletedObject.DeletedObject, Model.DeletedObject>>()
assertType<Equals<Totp.Totp, Model.Totp>>()
assertType<Equals<TrustedDevice.TrustedDevice, Model.TrustedDevice>>()
assertType<Equals<OAuthAccessToken.OAuthAccessToken, Model.OAuthAccessToken>>()

// UsersParams.ts, internal/bodies.ts
assertType<Equals<UsersParams.UserOrderBy, Model.UserOrderBy>>()
assertType<Equals<UsersParams.MembershipOrderBy, Model.MembershipOrderBy>>()
assertType<Equals<typeof UsersParams.PasswordHasher.Type, Model.PasswordHasher>>()
assertType<Equals<typeof UsersParams.IdentificationStatus.Type, Model.IdentificationStatus>>()
assertType<Equals<typeof UsersParams.ReplacementStatus.Type, Model.ReplacementStatus>>()
assertType<Equals<typeof UsersParams.InvitationStatusFilter.Type, Model.InvitationStatusFilter>>()
assertType<Equals<UsersParams.Metadata, Model.Metadata>>()
assertType<Equals<UsersParams.CountUsersParams, Model.CountUsersParams>>()
assertType<Equals<UsersParams.ListUsersParams, Model.ListUsersParams>>()
assertType<Equals<UsersParams.PaginationParams, Model.PaginationParams>>()
assertType<Equals<UsersParams.OAuthAccessTokenParams, Model.OAuthAccessTokenParams>>()
assertType<Equals<UsersParams.OrganizationInvitationsParams, Model.OrganizationInvitationsParams>>()
assertType<
  Equals<UsersParams.InstanceOrganizationMembershipsParams, Model.InstanceOrganizationMembershipsParams>
>()
assertType<Equals<UsersParams.CreateUserParams, Model.CreateUserParams>>()
assertType<Equals<UsersParams.UpdateUserParams, Model.UpdateUserParams>>()
assertType<Equals<UsersParams.UpdateMetadataParams, Model.UpdateMetadataParams>>()
assertType<Equals<UsersParams.ReplaceMetadataParams, Model.ReplaceMetadataParams>>()
assertType<Equals<UsersParams.ReplaceEmailAddressParams, Model.ReplaceEmailAddressParams>>()
assertType<Equals<UsersParams.ReplacePhoneNumberParams, Model.ReplacePhoneNumberParams>>()
assertType<Equals<UsersParams.RemovePasswordParams, Model.RemovePasswordParams>>()
assertType<Equals<UsersParams.AdjustCreditBalanceParams, Model.AdjustCreditBalanceParams>>()
assertType<Equals<UsersParams.SetPasswordCompromisedParams, Model.SetPasswordCompromisedParams>>()
assertType<Equals<UsersParams.ProfileImage, Model.ProfileImage>>()
assertType<Equals<typeof bodies.UserIdsBody.Type, Model.UserIdsBody>>()
assertType<Equals<typeof bodies.VerifyPasswordBody.Type, Model.VerifyPasswordBody>>()
assertType<Equals<typeof bodies.VerifyTotpBody.Type, Model.VerifyTotpBody>>()
