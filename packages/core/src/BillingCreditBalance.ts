/**
 * A payer's credit balance and its ledger: credits are applied at checkout or to upcoming recurring charges.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { BillingMoney } from "./BillingSubscription.js"
import { OpenEnum, optional, wire } from "./internal/schema.js"

const BillingCreditBalanceStruct = Schema.Struct({
  object: OpenEnum("commerce_credit_balance"),
  balance: Schema.NullOr(BillingMoney)
}).annotations({ identifier: "BillingCreditBalance" })

/**
 * @since 0.2.0
 * @category models
 */
export interface BillingCreditBalance extends Schema.Schema.Type<typeof BillingCreditBalanceStruct> {}

/**
 * The encoded side of {@link BillingCreditBalance}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingCreditBalanceEncoded extends Schema.Schema.Encoded<typeof BillingCreditBalanceStruct> {}

/**
 * A user's credit balance: `null` when the user has never had credits.
 *
 * @since 0.2.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // the balance in cents (0 when the user never had credits)
 * const cents = (userId: string) =>
 *   Effect.flatMap(Users, (users) => users.getBillingCreditBalance(userId)).pipe(
 *     Effect.map((credits) => credits.balance?.amount ?? 0)
 *   )
 * ```
 */
export const BillingCreditBalance: Schema.Schema<BillingCreditBalance, BillingCreditBalanceEncoded> =
  BillingCreditBalanceStruct

const BillingCreditLedgerEntryStruct = Schema.Struct({
  object: OpenEnum("commerce_credit_ledger"),
  id: Schema.String,
  payerId: wire("payer_id", Schema.String),
  amount: BillingMoney,
  sourceType: wire("source_type", Schema.String),
  sourceId: wire("source_id", Schema.String),
  note: optional(Schema.NullOr(Schema.String)),
  createdAt: wire("created_at", Schema.String)
}).annotations({ identifier: "BillingCreditLedgerEntry" })

/**
 * @since 0.2.0
 * @category models
 */
export interface BillingCreditLedgerEntry extends Schema.Schema.Type<typeof BillingCreditLedgerEntryStruct> {}

/**
 * The encoded side of {@link BillingCreditLedgerEntry}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface BillingCreditLedgerEntryEncoded extends Schema.Schema.Encoded<typeof BillingCreditLedgerEntryStruct> {}

/**
 * One adjustment of a credit balance: positive for an increase, negative for a decrease.
 *
 * @since 0.2.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // a goodwill credit of $5, applied once whatever the retries
 * const goodwill = (userId: string, ticket: string) =>
 *   Effect.flatMap(Users, (users) =>
 *     users.adjustBillingCreditBalance(userId, {
 *       amount: 500,
 *       action: "increase",
 *       idempotencyKey: `goodwill-${ticket}`,
 *       note: `support ticket ${ticket}`
 *     }))
 * ```
 */
export const BillingCreditLedgerEntry: Schema.Schema<BillingCreditLedgerEntry, BillingCreditLedgerEntryEncoded> =
  BillingCreditLedgerEntryStruct
