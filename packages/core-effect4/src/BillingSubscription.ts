/**
 * A user's billing subscription, its items, plans, payers and payment methods (amounts in cents), as an Effect 4 Schema
 * typed with the kernel's model: camelCase in TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { BillingSubscription } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(BillingSubscription.BillingSubscription)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableNumber, NullableString } from "./internal/modelSchema.js"

/**
 * An amount of money, in cents, with its formatting, camelCase (the kernel's `Model.BillingMoney`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingMoney extends Model.BillingMoney {}

/**
 * The wire form of {@link BillingMoney}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingMoneyEncoded extends Model.Wire<Model.BillingMoney> {}

/**
 * An amount of money, in cents, with its formatting: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingMoney: Schema.Codec<BillingMoney, BillingMoneyEncoded> = exact<
  Model.BillingMoney,
  Model.Wire<Model.BillingMoney>
>()(
  Schema.Struct({
    amount: Schema.Number,
    amountFormatted: Schema.String,
    currency: Schema.String,
    currencySymbol: Schema.String
  }).pipe(
    Schema.encodeKeys({
      amountFormatted: "amount_formatted",
      currencySymbol: "currency_symbol"
    }),
    Schema.annotate({ identifier: "BillingMoney" })
  )
)

/**
 * The computed totals of one pricing tier of a per-unit charge, camelCase (the kernel's
 * `Model.BillingPerUnitTotalTier`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPerUnitTotalTier extends Model.BillingPerUnitTotalTier {}

/**
 * The wire form of {@link BillingPerUnitTotalTier}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPerUnitTotalTierEncoded extends Model.Wire<Model.BillingPerUnitTotalTier> {}

/**
 * The computed totals of one pricing tier of a per-unit charge: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPerUnitTotalTier: Schema.Codec<BillingPerUnitTotalTier, BillingPerUnitTotalTierEncoded> = exact<
  Model.BillingPerUnitTotalTier,
  Model.Wire<Model.BillingPerUnitTotalTier>
>()(
  Schema.Struct({
    quantity: Schema.optionalKey(NullableNumber),
    feePerBlock: BillingMoney,
    total: BillingMoney
  }).pipe(
    Schema.encodeKeys({
      feePerBlock: "fee_per_block"
    }),
    Schema.annotate({ identifier: "BillingPerUnitTotalTier" })
  )
)

/**
 * The computed totals of a per-unit charge (for example seats), camelCase (the kernel's `Model.BillingPerUnitTotal`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPerUnitTotal extends Model.BillingPerUnitTotal {}

/**
 * The wire form of {@link BillingPerUnitTotal}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPerUnitTotalEncoded extends Model.Wire<Model.BillingPerUnitTotal> {}

/**
 * The computed totals of a per-unit charge (for example seats): decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPerUnitTotal: Schema.Codec<BillingPerUnitTotal, BillingPerUnitTotalEncoded> = exact<
  Model.BillingPerUnitTotal,
  Model.Wire<Model.BillingPerUnitTotal>
>()(
  Schema.Struct({
    name: Schema.String,
    blockSize: Schema.Number,
    tiers: Schema.Array(BillingPerUnitTotalTier)
  }).pipe(
    Schema.encodeKeys({
      blockSize: "block_size"
    }),
    Schema.annotate({ identifier: "BillingPerUnitTotal" })
  )
)

/**
 * Proration credit for the remaining part of a billing cycle, camelCase (the kernel's `Model.BillingProrationCredit`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingProrationCredit extends Model.BillingProrationCredit {}

/**
 * The wire form of {@link BillingProrationCredit}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingProrationCreditEncoded extends Model.Wire<Model.BillingProrationCredit> {}

/**
 * Proration credit for the remaining part of a billing cycle: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingProrationCredit: Schema.Codec<BillingProrationCredit, BillingProrationCreditEncoded> = exact<
  Model.BillingProrationCredit,
  Model.Wire<Model.BillingProrationCredit>
>()(
  Schema.Struct({
    amount: BillingMoney,
    cycleDaysRemaining: Schema.Number,
    cycleDaysTotal: Schema.Number,
    cycleRemainingPercent: Schema.Number
  }).pipe(
    Schema.encodeKeys({
      cycleDaysRemaining: "cycle_days_remaining",
      cycleDaysTotal: "cycle_days_total",
      cycleRemainingPercent: "cycle_remaining_percent"
    }),
    Schema.annotate({ identifier: "BillingProrationCredit" })
  )
)

/**
 * Credit from the payer's balance, camelCase (the kernel's `Model.BillingPayerCredit`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPayerCredit extends Model.BillingPayerCredit {}

/**
 * The wire form of {@link BillingPayerCredit}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPayerCreditEncoded extends Model.Wire<Model.BillingPayerCredit> {}

/**
 * Credit from the payer's balance: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPayerCredit: Schema.Codec<BillingPayerCredit, BillingPayerCreditEncoded> = exact<
  Model.BillingPayerCredit,
  Model.Wire<Model.BillingPayerCredit>
>()(
  Schema.Struct({
    remainingBalance: BillingMoney,
    appliedAmount: BillingMoney
  }).pipe(
    Schema.encodeKeys({
      remainingBalance: "remaining_balance",
      appliedAmount: "applied_amount"
    }),
    Schema.annotate({ identifier: "BillingPayerCredit" })
  )
)

/**
 * The credits applied to a subscription item, camelCase (the kernel's `Model.BillingCredits`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCredits extends Model.BillingCredits {}

/**
 * The wire form of {@link BillingCredits}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCreditsEncoded extends Model.Wire<Model.BillingCredits> {}

/**
 * The credits applied to a subscription item: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingCredits: Schema.Codec<BillingCredits, BillingCreditsEncoded> = exact<
  Model.BillingCredits,
  Model.Wire<Model.BillingCredits>
>()(
  Schema.Struct({
    proration: Schema.NullOr(BillingProrationCredit),
    payer: Schema.NullOr(BillingPayerCredit),
    total: BillingMoney
  }).pipe(
    Schema.annotate({ identifier: "BillingCredits" })
  )
)

/**
 * Proration discount for the passed part of a billing cycle, camelCase (the kernel's `Model.BillingProrationDiscount`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingProrationDiscount extends Model.BillingProrationDiscount {}

/**
 * The wire form of {@link BillingProrationDiscount}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingProrationDiscountEncoded extends Model.Wire<Model.BillingProrationDiscount> {}

/**
 * Proration discount for the passed part of a billing cycle: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingProrationDiscount: Schema.Codec<BillingProrationDiscount, BillingProrationDiscountEncoded> = exact<
  Model.BillingProrationDiscount,
  Model.Wire<Model.BillingProrationDiscount>
>()(
  Schema.Struct({
    amount: BillingMoney,
    cycleDaysPassed: Schema.Number,
    cycleDaysTotal: Schema.Number,
    cyclePassedPercent: Schema.Number
  }).pipe(
    Schema.encodeKeys({
      cycleDaysPassed: "cycle_days_passed",
      cycleDaysTotal: "cycle_days_total",
      cyclePassedPercent: "cycle_passed_percent"
    }),
    Schema.annotate({ identifier: "BillingProrationDiscount" })
  )
)

/**
 * The discounts applied to a payment, camelCase (the kernel's `Model.BillingDiscounts`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingDiscounts extends Model.BillingDiscounts {}

/**
 * The wire form of {@link BillingDiscounts}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingDiscountsEncoded extends Model.Wire<Model.BillingDiscounts> {}

/**
 * The discounts applied to a payment: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingDiscounts: Schema.Codec<BillingDiscounts, BillingDiscountsEncoded> = exact<
  Model.BillingDiscounts,
  Model.Wire<Model.BillingDiscounts>
>()(
  Schema.Struct({
    proration: Schema.NullOr(BillingProrationDiscount),
    total: BillingMoney
  }).pipe(
    Schema.annotate({ identifier: "BillingDiscounts" })
  )
)

/**
 * The breakdown of an amount billed: base fee, per-unit charges, tax, credits and discounts, camelCase (the kernel's
 * `Model.BillingTotals`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingTotals extends Model.BillingTotals {}

/**
 * The wire form of {@link BillingTotals}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingTotalsEncoded extends Model.Wire<Model.BillingTotals> {}

/**
 * The breakdown of an amount billed: base fee, per-unit charges, tax, credits and discounts: decodes Clerk's snake_case
 * JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingTotals: Schema.Codec<BillingTotals, BillingTotalsEncoded> = exact<
  Model.BillingTotals,
  Model.Wire<Model.BillingTotals>
>()(
  Schema.Struct({
    subtotal: BillingMoney,
    baseFee: BillingMoney,
    taxTotal: BillingMoney,
    grandTotal: BillingMoney,
    perUnitTotals: Schema.optionalKey(Schema.Array(BillingPerUnitTotal)),
    credits: Schema.optionalKey(Schema.NullOr(BillingCredits)),
    discounts: Schema.optionalKey(Schema.NullOr(BillingDiscounts))
  }).pipe(
    Schema.encodeKeys({
      baseFee: "base_fee",
      taxTotal: "tax_total",
      grandTotal: "grand_total",
      perUnitTotals: "per_unit_totals"
    }),
    Schema.annotate({ identifier: "BillingTotals" })
  )
)

/**
 * A feature included in a plan, camelCase (the kernel's `Model.BillingFeature`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingFeature extends Model.BillingFeature {}

/**
 * The wire form of {@link BillingFeature}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingFeatureEncoded extends Model.Wire<Model.BillingFeature> {}

/**
 * A feature included in a plan: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingFeature: Schema.Codec<BillingFeature, BillingFeatureEncoded> = exact<
  Model.BillingFeature,
  Model.Wire<Model.BillingFeature>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    name: Schema.String,
    description: NullableString,
    slug: Schema.String,
    avatarUrl: NullableString
  }).pipe(
    Schema.encodeKeys({
      avatarUrl: "avatar_url"
    }),
    Schema.annotate({ identifier: "BillingFeature" })
  )
)

/**
 * One pricing tier of a plan's per-unit price, camelCase (the kernel's `Model.BillingUnitPriceTier`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingUnitPriceTier extends Model.BillingUnitPriceTier {}

/**
 * The wire form of {@link BillingUnitPriceTier}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingUnitPriceTierEncoded extends Model.Wire<Model.BillingUnitPriceTier> {}

/**
 * One pricing tier of a plan's per-unit price: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingUnitPriceTier: Schema.Codec<BillingUnitPriceTier, BillingUnitPriceTierEncoded> = exact<
  Model.BillingUnitPriceTier,
  Model.Wire<Model.BillingUnitPriceTier>
>()(
  Schema.Struct({
    startsAtBlock: Schema.Number,
    endsAfterBlock: Schema.optionalKey(NullableNumber),
    feePerBlock: BillingMoney
  }).pipe(
    Schema.encodeKeys({
      startsAtBlock: "starts_at_block",
      endsAfterBlock: "ends_after_block",
      feePerBlock: "fee_per_block"
    }),
    Schema.annotate({ identifier: "BillingUnitPriceTier" })
  )
)

/**
 * A plan's per-unit price (for example seats), camelCase (the kernel's `Model.BillingUnitPrice`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingUnitPrice extends Model.BillingUnitPrice {}

/**
 * The wire form of {@link BillingUnitPrice}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingUnitPriceEncoded extends Model.Wire<Model.BillingUnitPrice> {}

/**
 * A plan's per-unit price (for example seats): decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingUnitPrice: Schema.Codec<BillingUnitPrice, BillingUnitPriceEncoded> = exact<
  Model.BillingUnitPrice,
  Model.Wire<Model.BillingUnitPrice>
>()(
  Schema.Struct({
    name: Schema.String,
    blockSize: Schema.Number,
    tiers: Schema.Array(BillingUnitPriceTier)
  }).pipe(
    Schema.encodeKeys({
      blockSize: "block_size"
    }),
    Schema.annotate({ identifier: "BillingUnitPrice" })
  )
)

/**
 * A billing plan, camelCase (the kernel's `Model.BillingPlan`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPlan extends Model.BillingPlan {}

/**
 * The wire form of {@link BillingPlan}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPlanEncoded extends Model.Wire<Model.BillingPlan> {}

/**
 * A billing plan: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPlan: Schema.Codec<BillingPlan, BillingPlanEncoded> = exact<
  Model.BillingPlan,
  Model.Wire<Model.BillingPlan>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    name: Schema.String,
    fee: Schema.NullOr(BillingMoney),
    annualMonthlyFee: Schema.NullOr(BillingMoney),
    annualFee: Schema.NullOr(BillingMoney),
    description: NullableString,
    productId: Schema.String,
    isDefault: Schema.Boolean,
    isRecurring: Schema.Boolean,
    publiclyVisible: Schema.Boolean,
    hasBaseFee: Schema.Boolean,
    forPayerType: Schema.String,
    slug: Schema.String,
    avatarUrl: NullableString,
    features: Schema.optionalKey(Schema.Array(BillingFeature)),
    freeTrialEnabled: Schema.Boolean,
    freeTrialDays: NullableNumber,
    unitPrices: Schema.optionalKey(Schema.Array(BillingUnitPrice))
  }).pipe(
    Schema.encodeKeys({
      annualMonthlyFee: "annual_monthly_fee",
      annualFee: "annual_fee",
      productId: "product_id",
      isDefault: "is_default",
      isRecurring: "is_recurring",
      publiclyVisible: "publicly_visible",
      hasBaseFee: "has_base_fee",
      forPayerType: "for_payer_type",
      avatarUrl: "avatar_url",
      freeTrialEnabled: "free_trial_enabled",
      freeTrialDays: "free_trial_days",
      unitPrices: "unit_prices"
    }),
    Schema.annotate({ identifier: "BillingPlan" })
  )
)

/**
 * The payer of a subscription (a user or an organization), camelCase (the kernel's `Model.BillingPayer`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPayer extends Model.BillingPayer {}

/**
 * The wire form of {@link BillingPayer}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPayerEncoded extends Model.Wire<Model.BillingPayer> {}

/**
 * The payer of a subscription (a user or an organization): decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPayer: Schema.Codec<BillingPayer, BillingPayerEncoded> = exact<
  Model.BillingPayer,
  Model.Wire<Model.BillingPayer>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    instanceId: Schema.String,
    userId: Schema.optionalKey(NullableString),
    firstName: Schema.optionalKey(NullableString),
    lastName: Schema.optionalKey(NullableString),
    email: Schema.optionalKey(NullableString),
    organizationId: Schema.optionalKey(NullableString),
    organizationName: Schema.optionalKey(NullableString),
    imageUrl: Schema.optionalKey(Schema.String),
    creditsBalance: Schema.optionalKey(BillingMoney),
    createdAt: Schema.optionalKey(Schema.Number),
    updatedAt: Schema.optionalKey(Schema.Number)
  }).pipe(
    Schema.encodeKeys({
      instanceId: "instance_id",
      userId: "user_id",
      firstName: "first_name",
      lastName: "last_name",
      organizationId: "organization_id",
      organizationName: "organization_name",
      imageUrl: "image_url",
      creditsBalance: "credits_balance",
      createdAt: "created_at",
      updatedAt: "updated_at"
    }),
    Schema.annotate({ identifier: "BillingPayer" })
  )
)

/**
 * A payment method of a payer, camelCase (the kernel's `Model.BillingPaymentMethod`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPaymentMethod extends Model.BillingPaymentMethod {}

/**
 * The wire form of {@link BillingPaymentMethod}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingPaymentMethodEncoded extends Model.Wire<Model.BillingPaymentMethod> {}

/**
 * A payment method of a payer: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingPaymentMethod: Schema.Codec<BillingPaymentMethod, BillingPaymentMethodEncoded> = exact<
  Model.BillingPaymentMethod,
  Model.Wire<Model.BillingPaymentMethod>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    payerId: Schema.String,
    paymentType: Schema.String,
    isDefault: Schema.optionalKey(Schema.Boolean),
    gateway: Schema.String,
    gatewayExternalId: Schema.String,
    gatewayExternalAccountId: NullableString,
    last4: NullableString,
    status: Schema.String,
    walletType: Schema.optionalKey(NullableString),
    cardType: NullableString,
    expiryYear: Schema.optionalKey(NullableNumber),
    expiryMonth: Schema.optionalKey(NullableNumber),
    createdAt: Schema.optionalKey(Schema.Number),
    updatedAt: Schema.optionalKey(Schema.Number),
    isRemovable: Schema.optionalKey(Schema.Boolean)
  }).pipe(
    Schema.encodeKeys({
      payerId: "payer_id",
      paymentType: "payment_type",
      isDefault: "is_default",
      gatewayExternalId: "gateway_external_id",
      gatewayExternalAccountId: "gateway_external_account_id",
      walletType: "wallet_type",
      cardType: "card_type",
      expiryYear: "expiry_year",
      expiryMonth: "expiry_month",
      createdAt: "created_at",
      updatedAt: "updated_at",
      isRemovable: "is_removable"
    }),
    Schema.annotate({ identifier: "BillingPaymentMethod" })
  )
)

/**
 * Credit information of a subscription item, camelCase (the kernel's `Model.BillingSubscriptionCredit`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionCredit extends Model.BillingSubscriptionCredit {}

/**
 * The wire form of {@link BillingSubscriptionCredit}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionCreditEncoded extends Model.Wire<Model.BillingSubscriptionCredit> {}

/**
 * Credit information of a subscription item: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscriptionCredit: Schema.Codec<BillingSubscriptionCredit, BillingSubscriptionCreditEncoded> =
  exact<
    Model.BillingSubscriptionCredit,
    Model.Wire<Model.BillingSubscriptionCredit>
  >()(
    Schema.Struct({
      amount: Schema.optionalKey(Schema.NullOr(BillingMoney)),
      cycleRemainingPercent: Schema.optionalKey(Schema.Number)
    }).pipe(
      Schema.encodeKeys({
        cycleRemainingPercent: "cycle_remaining_percent"
      }),
      Schema.annotate({ identifier: "BillingSubscriptionCredit" })
    )
  )

/**
 * The next payment of a subscription item, camelCase (the kernel's `Model.BillingSubscriptionItemNextPayment`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItemNextPayment extends Model.BillingSubscriptionItemNextPayment {}

/**
 * The wire form of {@link BillingSubscriptionItemNextPayment}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItemNextPaymentEncoded
  extends Model.Wire<Model.BillingSubscriptionItemNextPayment>
{}

/**
 * The next payment of a subscription item: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscriptionItemNextPayment: Schema.Codec<
  BillingSubscriptionItemNextPayment,
  BillingSubscriptionItemNextPaymentEncoded
> = exact<
  Model.BillingSubscriptionItemNextPayment,
  Model.Wire<Model.BillingSubscriptionItemNextPayment>
>()(
  Schema.Struct({
    amount: Schema.optionalKey(Schema.NullOr(BillingMoney)),
    date: Schema.optionalKey(NullableNumber),
    perUnitTotals: Schema.optionalKey(Schema.Array(BillingPerUnitTotal)),
    totals: Schema.optionalKey(Schema.NullOr(BillingTotals))
  }).pipe(
    Schema.encodeKeys({
      perUnitTotals: "per_unit_totals"
    }),
    Schema.annotate({ identifier: "BillingSubscriptionItemNextPayment" })
  )
)

/**
 * The seats billed for a subscription item, camelCase (the kernel's `Model.BillingSubscriptionItemSeats`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItemSeats extends Model.BillingSubscriptionItemSeats {}

/**
 * The wire form of {@link BillingSubscriptionItemSeats}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItemSeatsEncoded extends Model.Wire<Model.BillingSubscriptionItemSeats> {}

/**
 * The seats billed for a subscription item: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscriptionItemSeats: Schema.Codec<
  BillingSubscriptionItemSeats,
  BillingSubscriptionItemSeatsEncoded
> = exact<
  Model.BillingSubscriptionItemSeats,
  Model.Wire<Model.BillingSubscriptionItemSeats>
>()(
  Schema.Struct({
    quantity: NullableNumber,
    tiers: Schema.optionalKey(Schema.Array(BillingPerUnitTotalTier))
  }).pipe(
    Schema.annotate({ identifier: "BillingSubscriptionItemSeats" })
  )
)

/**
 * One plan a payer is subscribed to, camelCase (the kernel's `Model.BillingSubscriptionItem`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItem extends Model.BillingSubscriptionItem {}

/**
 * The wire form of {@link BillingSubscriptionItem}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionItemEncoded extends Model.Wire<Model.BillingSubscriptionItem> {}

/**
 * One plan a payer is subscribed to: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscriptionItem: Schema.Codec<BillingSubscriptionItem, BillingSubscriptionItemEncoded> = exact<
  Model.BillingSubscriptionItem,
  Model.Wire<Model.BillingSubscriptionItem>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    instanceId: Schema.String,
    status: Schema.String,
    credit: Schema.optionalKey(BillingSubscriptionCredit),
    credits: Schema.optionalKey(Schema.NullOr(BillingCredits)),
    planId: NullableString,
    priceId: Schema.optionalKey(Schema.String),
    plan: Schema.optionalKey(Schema.NullOr(BillingPlan)),
    planPeriod: Schema.String,
    paymentMethod: Schema.optionalKey(BillingPaymentMethod),
    lifetimePaid: Schema.optionalKey(BillingMoney),
    nextPayment: Schema.optionalKey(Schema.NullOr(BillingSubscriptionItemNextPayment)),
    payerId: Schema.String,
    payer: Schema.optionalKey(BillingPayer),
    isFreeTrial: Schema.Boolean,
    periodStart: Schema.Number,
    periodEnd: NullableNumber,
    prorationDate: Schema.optionalKey(Schema.String),
    canceledAt: NullableNumber,
    pastDueAt: NullableNumber,
    endedAt: NullableNumber,
    createdAt: Schema.optionalKey(Schema.Number),
    updatedAt: Schema.optionalKey(Schema.Number),
    seats: Schema.optionalKey(Schema.NullOr(BillingSubscriptionItemSeats)),
    totals: Schema.optionalKey(Schema.NullOr(BillingTotals))
  }).pipe(
    Schema.encodeKeys({
      instanceId: "instance_id",
      planId: "plan_id",
      priceId: "price_id",
      planPeriod: "plan_period",
      paymentMethod: "payment_method",
      lifetimePaid: "lifetime_paid",
      nextPayment: "next_payment",
      payerId: "payer_id",
      isFreeTrial: "is_free_trial",
      periodStart: "period_start",
      periodEnd: "period_end",
      prorationDate: "proration_date",
      canceledAt: "canceled_at",
      pastDueAt: "past_due_at",
      endedAt: "ended_at",
      createdAt: "created_at",
      updatedAt: "updated_at"
    }),
    Schema.annotate({ identifier: "BillingSubscriptionItem" })
  )
)

/**
 * The next payment of a subscription, camelCase (the kernel's `Model.BillingSubscriptionNextPayment`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionNextPayment extends Model.BillingSubscriptionNextPayment {}

/**
 * The wire form of {@link BillingSubscriptionNextPayment}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionNextPaymentEncoded extends Model.Wire<Model.BillingSubscriptionNextPayment> {}

/**
 * The next payment of a subscription: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscriptionNextPayment: Schema.Codec<
  BillingSubscriptionNextPayment,
  BillingSubscriptionNextPaymentEncoded
> = exact<
  Model.BillingSubscriptionNextPayment,
  Model.Wire<Model.BillingSubscriptionNextPayment>
>()(
  Schema.Struct({
    date: Schema.Number,
    amount: BillingMoney,
    perUnitTotals: Schema.optionalKey(Schema.Array(BillingPerUnitTotal)),
    totals: Schema.optionalKey(Schema.NullOr(BillingTotals))
  }).pipe(
    Schema.encodeKeys({
      perUnitTotals: "per_unit_totals"
    }),
    Schema.annotate({ identifier: "BillingSubscriptionNextPayment" })
  )
)

/**
 * A user's billing subscription, camelCase (the kernel's `Model.BillingSubscription`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscription extends Model.BillingSubscription {}

/**
 * The wire form of {@link BillingSubscription}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingSubscriptionEncoded extends Model.BillingSubscriptionEncoded {}

/**
 * A user's billing subscription: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingSubscription: Schema.Codec<BillingSubscription, BillingSubscriptionEncoded> = exact<
  Model.BillingSubscription,
  Model.BillingSubscriptionEncoded
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    instanceId: Schema.String,
    status: Schema.String,
    payerId: Schema.String,
    createdAt: Schema.Number,
    updatedAt: Schema.Number,
    activeAt: NullableNumber,
    pastDueAt: NullableNumber,
    subscriptionItems: Schema.Array(BillingSubscriptionItem),
    nextPayment: Schema.optionalKey(BillingSubscriptionNextPayment),
    eligibleForFreeTrial: Schema.optionalKey(Schema.Boolean)
  }).pipe(
    Schema.encodeKeys({
      instanceId: "instance_id",
      payerId: "payer_id",
      createdAt: "created_at",
      updatedAt: "updated_at",
      activeAt: "active_at",
      pastDueAt: "past_due_at",
      subscriptionItems: "subscription_items",
      nextPayment: "next_payment",
      eligibleForFreeTrial: "eligible_for_free_trial"
    }),
    Schema.annotate({ identifier: "BillingSubscription" })
  )
)
