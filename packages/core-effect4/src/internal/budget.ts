/**
 * The instance budget of a secret key (Clerk's for its kind, less the kernel's margin), shared by `ClerkConfig`
 * (its default) and `InstanceBudget.fromKey`.
 *
 * @internal
 */
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Duration from "effect/Duration"

/** @internal */
export const budgetOfKey = (secretKey: string): { readonly requests: number; readonly window: Duration.Duration } => {
  const budget = RateLimits.withMargin(RateLimits.presets[RateLimits.presetOfKey(secretKey)].instance)
  return { requests: budget.requests, window: Duration.millis(budget.windowMillis) }
}
