/**
 * A user's credit balance and the entries of its ledger (amounts in cents), as an Effect 4 Schema typed with the
 * kernel's model: camelCase in TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { BillingCreditBalance } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(BillingCreditBalance.BillingCreditBalance)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { BillingMoney } from "./BillingSubscription.js"
import { exact } from "./internal/kernelModel.js"
import { NullableString } from "./internal/modelSchema.js"

/**
 * A user's credit balance (`balance` is `null` when the user never had credits), camelCase (the kernel's
 * `Model.BillingCreditBalance`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCreditBalance extends Model.BillingCreditBalance {}

/**
 * The wire form of {@link BillingCreditBalance}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCreditBalanceEncoded extends Model.Wire<Model.BillingCreditBalance> {}

/**
 * A user's credit balance (`balance` is `null` when the user never had credits): decodes Clerk's snake_case JSON,
 * encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingCreditBalance: Schema.Codec<BillingCreditBalance, BillingCreditBalanceEncoded> = exact<
  Model.BillingCreditBalance,
  Model.Wire<Model.BillingCreditBalance>
>()(
  Schema.Struct({
    object: Schema.String,
    balance: Schema.NullOr(BillingMoney)
  }).pipe(
    Schema.annotate({ identifier: "BillingCreditBalance" })
  )
)

/**
 * One adjustment of a credit balance (positive for an increase, negative for a decrease), camelCase (the kernel's
 * `Model.BillingCreditLedgerEntry`).
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCreditLedgerEntry extends Model.BillingCreditLedgerEntry {}

/**
 * The wire form of {@link BillingCreditLedgerEntry}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface BillingCreditLedgerEntryEncoded extends Model.Wire<Model.BillingCreditLedgerEntry> {}

/**
 * One adjustment of a credit balance (positive for an increase, negative for a decrease): decodes Clerk's snake_case
 * JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const BillingCreditLedgerEntry: Schema.Codec<BillingCreditLedgerEntry, BillingCreditLedgerEntryEncoded> = exact<
  Model.BillingCreditLedgerEntry,
  Model.Wire<Model.BillingCreditLedgerEntry>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    payerId: Schema.String,
    amount: BillingMoney,
    sourceType: Schema.String,
    sourceId: Schema.String,
    note: Schema.optionalKey(NullableString),
    createdAt: Schema.String
  }).pipe(
    Schema.encodeKeys({
      payerId: "payer_id",
      sourceType: "source_type",
      sourceId: "source_id",
      createdAt: "created_at"
    }),
    Schema.annotate({ identifier: "BillingCreditLedgerEntry" })
  )
)
