/**
 * Billing: a user's subscription (seeded) and credits, a ledger of adjustments each applied once per
 * idempotency key.
 *
 * @internal
 */
import type { BillingCreditBalance, BillingCreditLedgerEntry } from "@effect-clerk/core/BillingCreditBalance"
import type { BillingMoney, BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import type { AdjustCreditBalanceParams } from "@effect-clerk/core/UsersParams"
import { notFound, valueInvalid } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import type { Result } from "./records.js"
import { find } from "./records.js"
import type { State } from "./state.js"
import { putCredits, putSubscription } from "./state.js"

const symbols: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CAD: "$", AUD: "$" }

/** An amount in cents as Clerk formats it (`-$5.00`). @internal */
export const money = (cents: number, currency: string): BillingMoney => {
  const symbol = symbols[currency] ?? currency
  return {
    amount: cents,
    amountFormatted: `${cents < 0 ? "-" : ""}${symbol}${(Math.abs(cents) / 100).toFixed(2)}`,
    currency,
    currencySymbol: symbol
  }
}

/** @internal */
export const billingSubscription = (state: State, userId: string): Result<BillingSubscription> =>
  Either.flatMap(find(state, userId), () => {
    const subscription = state.subscriptions.get(userId)
    return subscription === undefined ? Either.left(notFound("subscription", userId)) : Either.right(subscription)
  })

/** @internal */
export const seedBillingSubscription = (
  state: State,
  userId: string,
  subscription: BillingSubscription
): Result<void> => Either.map(find(state, userId), () => putSubscription(state, userId, subscription))

/** The sum of a user's ledger, or `null` when the user never had credits. @internal */
export const creditBalance = (state: State, userId: string): Result<BillingCreditBalance> =>
  Either.map(find(state, userId), () => {
    const account = state.credits.get(userId)
    if (account === undefined) return { object: "commerce_credit_balance", balance: null }
    const total = account.entries.reduce((sum, entry) => sum + entry.amount.amount, 0)
    return { object: "commerce_credit_balance", balance: money(total, account.currency) }
  })

/**
 * One adjustment of a user's credits, recorded as a ledger entry. A repeated idempotency key returns the first
 * entry and changes nothing; a decrease below zero or in another currency than the balance's is refused.
 *
 * @internal
 */
export const adjustCredits = (
  state: State,
  userId: string,
  params: AdjustCreditBalanceParams,
  now: number,
  sourceType = "grant"
): Result<BillingCreditLedgerEntry> =>
  Either.flatMap(find(state, userId), () => {
    const account = state.credits.get(userId)
    const replayed = account?.byKey.get(params.idempotencyKey)
    if (replayed !== undefined) return Either.right(replayed)
    const currency = (params.currency ?? account?.currency ?? "USD").toUpperCase()
    if (account !== undefined && account.currency !== currency) {
      return Either.left(valueInvalid("currency", `must be ${account.currency}, the currency of the credit balance.`))
    }
    const delta = params.action === "increase" ? params.amount : -params.amount
    const balance = (account?.entries ?? []).reduce((sum, entry) => sum + entry.amount.amount, 0)
    if (balance + delta < 0) {
      return Either.left(valueInvalid("amount", `cannot decrease the credit balance (${balance}) below zero.`))
    }
    const entry: BillingCreditLedgerEntry = {
      object: "commerce_credit_ledger",
      id: state.ids.next("ccl"),
      payerId: account?.payerId ?? state.subscriptions.get(userId)?.payerId ?? state.ids.next("cpayer"),
      amount: money(delta, currency),
      sourceType,
      sourceId: state.ids.next("csrc"),
      note: params.note ?? null,
      createdAt: new Date(now).toISOString()
    }
    putCredits(state, userId, {
      payerId: entry.payerId,
      currency,
      entries: [...(account?.entries ?? []), entry],
      byKey: new Map([...(account?.byKey ?? []), [params.idempotencyKey, entry]])
    })
    return Either.right(entry)
  })
