/**
 * Fault rules: which calls fail, how, and how often. They are the test kit's, not Clerk's data: the engine
 * keeps them beside the kernel's store state.
 *
 * @internal
 */
import type * as Fault from "../Fault.js"

/** The rules in force, each with its remaining uses. @internal */
export interface FaultBook {
  rules: ReadonlyArray<Fault.Rule & { remaining: number }>
}

/** @internal */
export const make = (): FaultBook => ({ rules: [] })

/** Adds a rule; rules are tried in the order they were added. @internal */
export const addFault = (book: FaultBook, rule: Fault.Rule): void => {
  const remaining = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY)
  book.rules = [...book.rules, { ...rule, remaining }]
}

/** @internal */
export const clearFaults = (book: FaultBook): void => {
  book.rules = []
}

/** The fault to apply to a call of `operation`, if any (consumes one use of its rule). @internal */
export const takeFault = (
  book: FaultBook,
  operation: string,
  random: () => number
): { readonly fault: Fault.Fault; readonly when: "before" | "after" } | undefined => {
  for (const rule of book.rules) {
    if (rule.remaining <= 0) continue
    if (rule.operations !== undefined && !rule.operations.includes(operation)) continue
    if (rule.probability !== undefined && random() >= rule.probability) continue
    rule.remaining--
    book.rules = book.rules.filter((r) => r.remaining > 0)
    return { fault: rule.fault, when: rule.when ?? "before" }
  }
  return undefined
}
