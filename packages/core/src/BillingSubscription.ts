/**
 * A user's billing subscription and its items, plans, payers and payment methods.
 *
 * Field names are camelCase in TypeScript and snake_case on the wire; the schemas rename them and validate.
 *
 * @example
 * ```ts
 * import { BillingSubscription } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire, camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(BillingSubscription.BillingSubscription)
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

const BillingMoneyStruct = Schema.Struct({
  amount: Schema.Number,
  amountFormatted: wire("amount_formatted", Schema.String),
  currency: Schema.String,
  currencySymbol: wire("currency_symbol", Schema.String)
}).annotations({ identifier: "BillingMoney" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingMoney extends Schema.Schema.Type<typeof BillingMoneyStruct> {}

/**
 * The encoded side of {@link BillingMoney}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingMoneyEncoded extends Schema.Schema.Encoded<typeof BillingMoneyStruct> {}

/**
 * An amount of money, in cents, with its formatting.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingMoney: Schema.Schema<BillingMoney, BillingMoneyEncoded> = BillingMoneyStruct

const BillingPerUnitTotalTierStruct = Schema.Struct({
  quantity: optional(Schema.NullOr(Schema.Number)),
  feePerBlock: wire("fee_per_block", BillingMoney),
  total: BillingMoney
}).annotations({ identifier: "BillingPerUnitTotalTier" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPerUnitTotalTier extends Schema.Schema.Type<typeof BillingPerUnitTotalTierStruct> {}

/**
 * The encoded side of {@link BillingPerUnitTotalTier}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPerUnitTotalTierEncoded extends Schema.Schema.Encoded<typeof BillingPerUnitTotalTierStruct> {}

/**
 * The computed totals of one pricing tier of a per-unit charge.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPerUnitTotalTier: Schema.Schema<BillingPerUnitTotalTier, BillingPerUnitTotalTierEncoded> =
  BillingPerUnitTotalTierStruct

const BillingPerUnitTotalStruct = Schema.Struct({
  name: Schema.String,
  blockSize: wire("block_size", Schema.Number),
  tiers: Schema.Array(BillingPerUnitTotalTier)
}).annotations({ identifier: "BillingPerUnitTotal" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPerUnitTotal extends Schema.Schema.Type<typeof BillingPerUnitTotalStruct> {}

/**
 * The encoded side of {@link BillingPerUnitTotal}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPerUnitTotalEncoded extends Schema.Schema.Encoded<typeof BillingPerUnitTotalStruct> {}

/**
 * The computed totals of a per-unit charge (for example seats).
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPerUnitTotal: Schema.Schema<BillingPerUnitTotal, BillingPerUnitTotalEncoded> =
  BillingPerUnitTotalStruct

const BillingProrationCreditStruct = Schema.Struct({
  amount: BillingMoney,
  cycleDaysRemaining: wire("cycle_days_remaining", Schema.Number),
  cycleDaysTotal: wire("cycle_days_total", Schema.Number),
  cycleRemainingPercent: wire("cycle_remaining_percent", Schema.Number)
}).annotations({ identifier: "BillingProrationCredit" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingProrationCredit extends Schema.Schema.Type<typeof BillingProrationCreditStruct> {}

/**
 * The encoded side of {@link BillingProrationCredit}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingProrationCreditEncoded extends Schema.Schema.Encoded<typeof BillingProrationCreditStruct> {}

/**
 * Proration credit for the remaining part of a billing cycle.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingProrationCredit: Schema.Schema<BillingProrationCredit, BillingProrationCreditEncoded> =
  BillingProrationCreditStruct

const BillingPayerCreditStruct = Schema.Struct({
  remainingBalance: wire("remaining_balance", BillingMoney),
  appliedAmount: wire("applied_amount", BillingMoney)
}).annotations({ identifier: "BillingPayerCredit" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPayerCredit extends Schema.Schema.Type<typeof BillingPayerCreditStruct> {}

/**
 * The encoded side of {@link BillingPayerCredit}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPayerCreditEncoded extends Schema.Schema.Encoded<typeof BillingPayerCreditStruct> {}

/**
 * Credit from the payer's balance.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPayerCredit: Schema.Schema<BillingPayerCredit, BillingPayerCreditEncoded> = BillingPayerCreditStruct

const BillingCreditsStruct = Schema.Struct({
  proration: Schema.NullOr(BillingProrationCredit),
  payer: Schema.NullOr(BillingPayerCredit),
  total: BillingMoney
}).annotations({ identifier: "BillingCredits" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingCredits extends Schema.Schema.Type<typeof BillingCreditsStruct> {}

/**
 * The encoded side of {@link BillingCredits}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingCreditsEncoded extends Schema.Schema.Encoded<typeof BillingCreditsStruct> {}

/**
 * The credits applied to a subscription item.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { BillingCredits } from "@effect-clerk/core/BillingSubscription"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire (in the nested objects), camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(BillingCredits)
 * ```
 */
export const BillingCredits: Schema.Schema<BillingCredits, BillingCreditsEncoded> = BillingCreditsStruct

const BillingProrationDiscountStruct = Schema.Struct({
  amount: BillingMoney,
  cycleDaysPassed: wire("cycle_days_passed", Schema.Number),
  cycleDaysTotal: wire("cycle_days_total", Schema.Number),
  cyclePassedPercent: wire("cycle_passed_percent", Schema.Number)
}).annotations({ identifier: "BillingProrationDiscount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingProrationDiscount extends Schema.Schema.Type<typeof BillingProrationDiscountStruct> {}

/**
 * The encoded side of {@link BillingProrationDiscount}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingProrationDiscountEncoded extends Schema.Schema.Encoded<typeof BillingProrationDiscountStruct> {}

/**
 * Proration discount for the passed part of a billing cycle.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingProrationDiscount: Schema.Schema<BillingProrationDiscount, BillingProrationDiscountEncoded> =
  BillingProrationDiscountStruct

const BillingDiscountsStruct = Schema.Struct({
  proration: Schema.NullOr(BillingProrationDiscount),
  total: BillingMoney
}).annotations({ identifier: "BillingDiscounts" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingDiscounts extends Schema.Schema.Type<typeof BillingDiscountsStruct> {}

/**
 * The encoded side of {@link BillingDiscounts}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingDiscountsEncoded extends Schema.Schema.Encoded<typeof BillingDiscountsStruct> {}

/**
 * The discounts applied to a payment.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { BillingDiscounts } from "@effect-clerk/core/BillingSubscription"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire (in the nested objects), camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(BillingDiscounts)
 * ```
 */
export const BillingDiscounts: Schema.Schema<BillingDiscounts, BillingDiscountsEncoded> = BillingDiscountsStruct

const BillingTotalsStruct = Schema.Struct({
  subtotal: BillingMoney,
  baseFee: wire("base_fee", BillingMoney),
  taxTotal: wire("tax_total", BillingMoney),
  grandTotal: wire("grand_total", BillingMoney),
  perUnitTotals: wireOptional("per_unit_totals", Schema.Array(BillingPerUnitTotal)),
  credits: optional(Schema.NullOr(BillingCredits)),
  discounts: optional(Schema.NullOr(BillingDiscounts))
}).annotations({ identifier: "BillingTotals" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingTotals extends Schema.Schema.Type<typeof BillingTotalsStruct> {}

/**
 * The encoded side of {@link BillingTotals}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingTotalsEncoded extends Schema.Schema.Encoded<typeof BillingTotalsStruct> {}

/**
 * The breakdown of an amount billed: base fee, per-unit charges, tax, credits and discounts.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingTotals: Schema.Schema<BillingTotals, BillingTotalsEncoded> = BillingTotalsStruct

const BillingFeatureStruct = Schema.Struct({
  object: OpenEnum("feature"),
  id: Schema.String,
  name: Schema.String,
  description: Schema.NullOr(Schema.String),
  slug: Schema.String,
  avatarUrl: wire("avatar_url", Schema.NullOr(Schema.String))
}).annotations({ identifier: "BillingFeature" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingFeature extends Schema.Schema.Type<typeof BillingFeatureStruct> {}

/**
 * The encoded side of {@link BillingFeature}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingFeatureEncoded extends Schema.Schema.Encoded<typeof BillingFeatureStruct> {}

/**
 * A feature included in a plan.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingFeature: Schema.Schema<BillingFeature, BillingFeatureEncoded> = BillingFeatureStruct

const BillingUnitPriceTierStruct = Schema.Struct({
  startsAtBlock: wire("starts_at_block", Schema.Number),
  endsAfterBlock: wireOptional("ends_after_block", Schema.NullOr(Schema.Number)),
  feePerBlock: wire("fee_per_block", BillingMoney)
}).annotations({ identifier: "BillingUnitPriceTier" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingUnitPriceTier extends Schema.Schema.Type<typeof BillingUnitPriceTierStruct> {}

/**
 * The encoded side of {@link BillingUnitPriceTier}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingUnitPriceTierEncoded extends Schema.Schema.Encoded<typeof BillingUnitPriceTierStruct> {}

/**
 * One pricing tier of a plan's per-unit price.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingUnitPriceTier: Schema.Schema<BillingUnitPriceTier, BillingUnitPriceTierEncoded> =
  BillingUnitPriceTierStruct

const BillingUnitPriceStruct = Schema.Struct({
  name: Schema.String,
  blockSize: wire("block_size", Schema.Number),
  tiers: Schema.Array(BillingUnitPriceTier)
}).annotations({ identifier: "BillingUnitPrice" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingUnitPrice extends Schema.Schema.Type<typeof BillingUnitPriceStruct> {}

/**
 * The encoded side of {@link BillingUnitPrice}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingUnitPriceEncoded extends Schema.Schema.Encoded<typeof BillingUnitPriceStruct> {}

/**
 * A plan's per-unit price (for example seats).
 *
 * @since 0.1.0
 * @category models
 */
export const BillingUnitPrice: Schema.Schema<BillingUnitPrice, BillingUnitPriceEncoded> = BillingUnitPriceStruct

const BillingPlanStruct = Schema.Struct({
  object: OpenEnum("commerce_plan"),
  id: Schema.String,
  name: Schema.String,
  fee: Schema.NullOr(BillingMoney),
  annualMonthlyFee: wire("annual_monthly_fee", Schema.NullOr(BillingMoney)),
  annualFee: wire("annual_fee", Schema.NullOr(BillingMoney)),
  description: Schema.NullOr(Schema.String),
  productId: wire("product_id", Schema.String),
  isDefault: wire("is_default", Schema.Boolean),
  isRecurring: wire("is_recurring", Schema.Boolean),
  publiclyVisible: wire("publicly_visible", Schema.Boolean),
  hasBaseFee: wire("has_base_fee", Schema.Boolean),
  forPayerType: wire("for_payer_type", Schema.String),
  slug: Schema.String,
  avatarUrl: wire("avatar_url", Schema.NullOr(Schema.String)),
  features: optional(Schema.Array(BillingFeature)),
  freeTrialEnabled: wire("free_trial_enabled", Schema.Boolean),
  freeTrialDays: wire("free_trial_days", Schema.NullOr(Schema.Number)),
  unitPrices: wireOptional("unit_prices", Schema.Array(BillingUnitPrice))
}).annotations({ identifier: "BillingPlan" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPlan extends Schema.Schema.Type<typeof BillingPlanStruct> {}

/**
 * The encoded side of {@link BillingPlan}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPlanEncoded extends Schema.Schema.Encoded<typeof BillingPlanStruct> {}

/**
 * A billing plan.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPlan: Schema.Schema<BillingPlan, BillingPlanEncoded> = BillingPlanStruct

const BillingPayerStruct = Schema.Struct({
  object: OpenEnum("commerce_payer"),
  id: Schema.String,
  instanceId: wire("instance_id", Schema.String),
  userId: wireOptional("user_id", Schema.NullOr(Schema.String)),
  firstName: wireOptional("first_name", Schema.NullOr(Schema.String)),
  lastName: wireOptional("last_name", Schema.NullOr(Schema.String)),
  email: optional(Schema.NullOr(Schema.String)),
  organizationId: wireOptional("organization_id", Schema.NullOr(Schema.String)),
  organizationName: wireOptional("organization_name", Schema.NullOr(Schema.String)),
  imageUrl: wireOptional("image_url", Schema.String),
  creditsBalance: wireOptional("credits_balance", BillingMoney),
  createdAt: wireOptional("created_at", Schema.Number),
  updatedAt: wireOptional("updated_at", Schema.Number)
}).annotations({ identifier: "BillingPayer" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPayer extends Schema.Schema.Type<typeof BillingPayerStruct> {}

/**
 * The encoded side of {@link BillingPayer}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPayerEncoded extends Schema.Schema.Encoded<typeof BillingPayerStruct> {}

/**
 * The payer of a subscription (a user or an organization).
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPayer: Schema.Schema<BillingPayer, BillingPayerEncoded> = BillingPayerStruct

const BillingPaymentMethodStruct = Schema.Struct({
  object: OpenEnum("commerce_payment_method"),
  id: Schema.String,
  payerId: wire("payer_id", Schema.String),
  paymentType: wire("payment_type", OpenEnum("card", "link", "payer-credits")),
  isDefault: wireOptional("is_default", Schema.Boolean),
  gateway: Schema.String,
  gatewayExternalId: wire("gateway_external_id", Schema.String),
  gatewayExternalAccountId: wire("gateway_external_account_id", Schema.NullOr(Schema.String)),
  last4: Schema.NullOr(Schema.String),
  status: OpenEnum("active", "disconnected"),
  walletType: wireOptional("wallet_type", Schema.NullOr(Schema.String)),
  cardType: wire("card_type", Schema.NullOr(Schema.String)),
  expiryYear: wireOptional("expiry_year", Schema.NullOr(Schema.Number)),
  expiryMonth: wireOptional("expiry_month", Schema.NullOr(Schema.Number)),
  createdAt: wireOptional("created_at", Schema.Number),
  updatedAt: wireOptional("updated_at", Schema.Number),
  isRemovable: wireOptional("is_removable", Schema.Boolean)
}).annotations({ identifier: "BillingPaymentMethod" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingPaymentMethod extends Schema.Schema.Type<typeof BillingPaymentMethodStruct> {}

/**
 * The encoded side of {@link BillingPaymentMethod}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingPaymentMethodEncoded extends Schema.Schema.Encoded<typeof BillingPaymentMethodStruct> {}

/**
 * A payment method of a payer.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingPaymentMethod: Schema.Schema<BillingPaymentMethod, BillingPaymentMethodEncoded> =
  BillingPaymentMethodStruct

const BillingSubscriptionCreditStruct = Schema.Struct({
  amount: optional(Schema.NullOr(BillingMoney)),
  cycleRemainingPercent: wireOptional("cycle_remaining_percent", Schema.Number)
}).annotations({ identifier: "BillingSubscriptionCredit" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionCredit extends Schema.Schema.Type<typeof BillingSubscriptionCreditStruct> {}

/**
 * The encoded side of {@link BillingSubscriptionCredit}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingSubscriptionCreditEncoded
  extends Schema.Schema.Encoded<typeof BillingSubscriptionCreditStruct>
{}

/**
 * Credit information of a subscription item.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingSubscriptionCredit: Schema.Schema<BillingSubscriptionCredit, BillingSubscriptionCreditEncoded> =
  BillingSubscriptionCreditStruct

const BillingSubscriptionItemNextPaymentStruct = Schema.Struct({
  amount: optional(Schema.NullOr(BillingMoney)),
  date: optional(Schema.NullOr(Schema.Number)),
  perUnitTotals: wireOptional("per_unit_totals", Schema.Array(BillingPerUnitTotal)),
  totals: optional(Schema.NullOr(BillingTotals))
}).annotations({ identifier: "BillingSubscriptionItemNextPayment" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionItemNextPayment
  extends Schema.Schema.Type<typeof BillingSubscriptionItemNextPaymentStruct>
{}

/**
 * The encoded side of {@link BillingSubscriptionItemNextPayment}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingSubscriptionItemNextPaymentEncoded
  extends Schema.Schema.Encoded<typeof BillingSubscriptionItemNextPaymentStruct>
{}

/**
 * The next payment of a subscription item.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingSubscriptionItemNextPayment: Schema.Schema<
  BillingSubscriptionItemNextPayment,
  BillingSubscriptionItemNextPaymentEncoded
> = BillingSubscriptionItemNextPaymentStruct

const BillingSubscriptionItemSeatsStruct = Schema.Struct({
  quantity: Schema.NullOr(Schema.Number),
  tiers: optional(Schema.Array(BillingPerUnitTotalTier))
}).annotations({ identifier: "BillingSubscriptionItemSeats" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionItemSeats extends Schema.Schema.Type<typeof BillingSubscriptionItemSeatsStruct> {}

/**
 * The encoded side of {@link BillingSubscriptionItemSeats}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingSubscriptionItemSeatsEncoded
  extends Schema.Schema.Encoded<typeof BillingSubscriptionItemSeatsStruct>
{}

/**
 * The seats billed for a subscription item.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { BillingSubscriptionItemSeats } from "@effect-clerk/core/BillingSubscription"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire (in the nested objects), camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(BillingSubscriptionItemSeats)
 * ```
 */
export const BillingSubscriptionItemSeats: Schema.Schema<
  BillingSubscriptionItemSeats,
  BillingSubscriptionItemSeatsEncoded
> = BillingSubscriptionItemSeatsStruct

const BillingSubscriptionItemStruct = Schema.Struct({
  object: OpenEnum("commerce_subscription_item"),
  id: Schema.String,
  instanceId: wire("instance_id", Schema.String),
  status: OpenEnum("active", "canceled", "expired", "ended", "past_due", "upcoming", "incomplete", "abandoned"),
  credit: optional(BillingSubscriptionCredit),
  credits: optional(Schema.NullOr(BillingCredits)),
  planId: wire("plan_id", Schema.NullOr(Schema.String)),
  priceId: wireOptional("price_id", Schema.String),
  plan: optional(Schema.NullOr(BillingPlan)),
  planPeriod: wire("plan_period", OpenEnum("month", "annual")),
  paymentMethod: wireOptional("payment_method", BillingPaymentMethod),
  lifetimePaid: wireOptional("lifetime_paid", BillingMoney),
  nextPayment: wireOptional("next_payment", Schema.NullOr(BillingSubscriptionItemNextPayment)),
  payerId: wire("payer_id", Schema.String),
  payer: optional(BillingPayer),
  isFreeTrial: wire("is_free_trial", Schema.Boolean),
  periodStart: wire("period_start", Schema.Number),
  periodEnd: wire("period_end", Schema.NullOr(Schema.Number)),
  prorationDate: wireOptional("proration_date", Schema.String),
  canceledAt: wire("canceled_at", Schema.NullOr(Schema.Number)),
  pastDueAt: wire("past_due_at", Schema.NullOr(Schema.Number)),
  endedAt: wire("ended_at", Schema.NullOr(Schema.Number)),
  createdAt: wireOptional("created_at", Schema.Number),
  updatedAt: wireOptional("updated_at", Schema.Number),
  seats: optional(Schema.NullOr(BillingSubscriptionItemSeats)),
  totals: optional(Schema.NullOr(BillingTotals))
}).annotations({ identifier: "BillingSubscriptionItem" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionItem extends Schema.Schema.Type<typeof BillingSubscriptionItemStruct> {}

/**
 * The encoded side of {@link BillingSubscriptionItem}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingSubscriptionItemEncoded extends Schema.Schema.Encoded<typeof BillingSubscriptionItemStruct> {}

/**
 * One plan a payer is subscribed to.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingSubscriptionItem: Schema.Schema<BillingSubscriptionItem, BillingSubscriptionItemEncoded> =
  BillingSubscriptionItemStruct

const BillingSubscriptionNextPaymentStruct = Schema.Struct({
  date: Schema.Number,
  amount: BillingMoney,
  perUnitTotals: wireOptional("per_unit_totals", Schema.Array(BillingPerUnitTotal)),
  totals: optional(Schema.NullOr(BillingTotals))
}).annotations({ identifier: "BillingSubscriptionNextPayment" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionNextPayment
  extends Schema.Schema.Type<typeof BillingSubscriptionNextPaymentStruct>
{}

/**
 * The encoded side of {@link BillingSubscriptionNextPayment}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingSubscriptionNextPaymentEncoded
  extends Schema.Schema.Encoded<typeof BillingSubscriptionNextPaymentStruct>
{}

/**
 * The next payment of a subscription.
 *
 * @since 0.1.0
 * @category models
 */
export const BillingSubscriptionNextPayment: Schema.Schema<
  BillingSubscriptionNextPayment,
  BillingSubscriptionNextPaymentEncoded
> = BillingSubscriptionNextPaymentStruct

const BillingSubscriptionStruct = Schema.Struct({
  object: OpenEnum("commerce_subscription"),
  id: Schema.String,
  instanceId: wire("instance_id", Schema.String),
  status: OpenEnum("active", "past_due", "canceled", "ended", "abandoned", "incomplete"),
  payerId: wire("payer_id", Schema.String),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number),
  activeAt: wire("active_at", Schema.NullOr(Schema.Number)),
  pastDueAt: wire("past_due_at", Schema.NullOr(Schema.Number)),
  subscriptionItems: wire("subscription_items", Schema.Array(BillingSubscriptionItem)),
  nextPayment: wireOptional("next_payment", BillingSubscriptionNextPayment),
  eligibleForFreeTrial: wireOptional("eligible_for_free_trial", Schema.Boolean)
}).annotations({ identifier: "BillingSubscription" })

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscription extends Schema.Schema.Type<typeof BillingSubscriptionStruct> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface BillingSubscriptionEncoded extends Schema.Schema.Encoded<typeof BillingSubscriptionStruct> {}

/**
 * A user's billing subscription.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const activePlans = Effect.flatMap(Users, (users) => users.getBillingSubscription("user_123")).pipe(
 *   Effect.map((subscription) =>
 *     subscription.subscriptionItems.filter((item) => item.status === "active").map((item) => item.plan?.name)
 *   )
 * )
 * ```
 */
export const BillingSubscription: Schema.Schema<BillingSubscription, BillingSubscriptionEncoded> =
  BillingSubscriptionStruct
