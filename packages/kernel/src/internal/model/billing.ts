/**
 * A user's billing subscription, its items, plans, payers and payment methods, and the credit balance with its
 * ledger. Amounts are in cents.
 *
 * @internal
 */

/**
 * An amount of money, in cents, with its formatting.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingMoney {
  readonly amount: number
  readonly amountFormatted: string
  readonly currency: string
  readonly currencySymbol: string
}

/**
 * The computed totals of one pricing tier of a per-unit charge.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPerUnitTotalTier {
  readonly quantity?: number | null
  readonly feePerBlock: BillingMoney
  readonly total: BillingMoney
}

/**
 * The computed totals of a per-unit charge (for example seats).
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPerUnitTotal {
  readonly name: string
  readonly blockSize: number
  readonly tiers: ReadonlyArray<BillingPerUnitTotalTier>
}

/**
 * Proration credit for the remaining part of a billing cycle.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingProrationCredit {
  readonly amount: BillingMoney
  readonly cycleDaysRemaining: number
  readonly cycleDaysTotal: number
  readonly cycleRemainingPercent: number
}

/**
 * Credit from the payer's balance.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPayerCredit {
  readonly remainingBalance: BillingMoney
  readonly appliedAmount: BillingMoney
}

/**
 * The credits applied to a subscription item.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingCredits {
  readonly proration: BillingProrationCredit | null
  readonly payer: BillingPayerCredit | null
  readonly total: BillingMoney
}

/**
 * Proration discount for the passed part of a billing cycle.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingProrationDiscount {
  readonly amount: BillingMoney
  readonly cycleDaysPassed: number
  readonly cycleDaysTotal: number
  readonly cyclePassedPercent: number
}

/**
 * The discounts applied to a payment.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingDiscounts {
  readonly proration: BillingProrationDiscount | null
  readonly total: BillingMoney
}

/**
 * The breakdown of an amount billed: base fee, per-unit charges, tax, credits and discounts.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingTotals {
  readonly subtotal: BillingMoney
  readonly baseFee: BillingMoney
  readonly taxTotal: BillingMoney
  readonly grandTotal: BillingMoney
  readonly perUnitTotals?: ReadonlyArray<BillingPerUnitTotal>
  readonly credits?: BillingCredits | null
  readonly discounts?: BillingDiscounts | null
}

/**
 * A feature included in a plan.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingFeature {
  readonly object: string
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly slug: string
  readonly avatarUrl: string | null
}

/**
 * One pricing tier of a plan's per-unit price.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingUnitPriceTier {
  readonly startsAtBlock: number
  readonly endsAfterBlock?: number | null
  readonly feePerBlock: BillingMoney
}

/**
 * A plan's per-unit price (for example seats).
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingUnitPrice {
  readonly name: string
  readonly blockSize: number
  readonly tiers: ReadonlyArray<BillingUnitPriceTier>
}

/**
 * A billing plan.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPlan {
  readonly object: string
  readonly id: string
  readonly name: string
  readonly fee: BillingMoney | null
  readonly annualMonthlyFee: BillingMoney | null
  readonly annualFee: BillingMoney | null
  readonly description: string | null
  readonly productId: string
  readonly isDefault: boolean
  readonly isRecurring: boolean
  readonly publiclyVisible: boolean
  readonly hasBaseFee: boolean
  readonly forPayerType: string
  readonly slug: string
  readonly avatarUrl: string | null
  readonly features?: ReadonlyArray<BillingFeature>
  readonly freeTrialEnabled: boolean
  readonly freeTrialDays: number | null
  readonly unitPrices?: ReadonlyArray<BillingUnitPrice>
}

/**
 * The payer of a subscription (a user or an organization).
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPayer {
  readonly object: string
  readonly id: string
  readonly instanceId: string
  readonly userId?: string | null
  readonly firstName?: string | null
  readonly lastName?: string | null
  readonly email?: string | null
  readonly organizationId?: string | null
  readonly organizationName?: string | null
  readonly imageUrl?: string
  readonly creditsBalance?: BillingMoney
  readonly createdAt?: number
  readonly updatedAt?: number
}

/**
 * A payment method of a payer.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingPaymentMethod {
  readonly object: string
  readonly id: string
  readonly payerId: string
  readonly paymentType: string // card, link, payer-credits
  readonly isDefault?: boolean
  readonly gateway: string
  readonly gatewayExternalId: string
  readonly gatewayExternalAccountId: string | null
  readonly last4: string | null
  readonly status: string // active, disconnected
  readonly walletType?: string | null
  readonly cardType: string | null
  readonly expiryYear?: number | null
  readonly expiryMonth?: number | null
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly isRemovable?: boolean
}

/**
 * Credit information of a subscription item.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscriptionCredit {
  readonly amount?: BillingMoney | null
  readonly cycleRemainingPercent?: number
}

/**
 * The next payment of a subscription item.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscriptionItemNextPayment {
  readonly amount?: BillingMoney | null
  readonly date?: number | null
  readonly perUnitTotals?: ReadonlyArray<BillingPerUnitTotal>
  readonly totals?: BillingTotals | null
}

/**
 * The seats billed for a subscription item.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscriptionItemSeats {
  readonly quantity: number | null
  readonly tiers?: ReadonlyArray<BillingPerUnitTotalTier>
}

/**
 * One plan a payer is subscribed to.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscriptionItem {
  readonly object: string
  readonly id: string
  readonly instanceId: string
  readonly status: string // active, canceled, expired, ended, past_due, upcoming, incomplete, abandoned
  readonly credit?: BillingSubscriptionCredit
  readonly credits?: BillingCredits | null
  readonly planId: string | null
  readonly priceId?: string
  readonly plan?: BillingPlan | null
  readonly planPeriod: string // month, annual
  readonly paymentMethod?: BillingPaymentMethod
  readonly lifetimePaid?: BillingMoney
  readonly nextPayment?: BillingSubscriptionItemNextPayment | null
  readonly payerId: string
  readonly payer?: BillingPayer
  readonly isFreeTrial: boolean
  readonly periodStart: number
  readonly periodEnd: number | null
  readonly prorationDate?: string
  readonly canceledAt: number | null
  readonly pastDueAt: number | null
  readonly endedAt: number | null
  readonly createdAt?: number
  readonly updatedAt?: number
  readonly seats?: BillingSubscriptionItemSeats | null
  readonly totals?: BillingTotals | null
}

/**
 * The next payment of a subscription.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscriptionNextPayment {
  readonly date: number
  readonly amount: BillingMoney
  readonly perUnitTotals?: ReadonlyArray<BillingPerUnitTotal>
  readonly totals?: BillingTotals | null
}

/**
 * A user's billing subscription.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingSubscription {
  readonly object: string
  readonly id: string
  readonly instanceId: string
  readonly status: string // active, past_due, canceled, ended, abandoned, incomplete
  readonly payerId: string
  readonly createdAt: number
  readonly updatedAt: number
  readonly activeAt: number | null
  readonly pastDueAt: number | null
  readonly subscriptionItems: ReadonlyArray<BillingSubscriptionItem>
  readonly nextPayment?: BillingSubscriptionNextPayment
  readonly eligibleForFreeTrial?: boolean
}

/**
 * A user's credit balance: `null` when the user has never had credits.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingCreditBalance {
  readonly object: string
  readonly balance: BillingMoney | null
}

/**
 * One adjustment of a credit balance: positive for an increase, negative for a decrease.
 *
 * @since 0.2.0
 * @category models
 */
export interface BillingCreditLedgerEntry {
  readonly object: string
  readonly id: string
  readonly payerId: string
  readonly amount: BillingMoney
  readonly sourceType: string
  readonly sourceId: string
  readonly note?: string | null
  readonly createdAt: string
}
