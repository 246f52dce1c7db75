/**
 * Fault rules: which calls fail, how, and how often.
 *
 * @internal
 */
import type * as Fault from "../../Fault.js"
import type { State } from "./state.js"
import { setFaults } from "./state.js"

/** Adds a rule; rules are tried in the order they were added. @internal */
export const addFault = (state: State, rule: Fault.Rule): void => {
  const remaining = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY)
  setFaults(state, [...state.faults, { ...rule, remaining }])
}

/** @internal */
export const clearFaults = (state: State): void => setFaults(state, [])

/** The fault to apply to a call of `operation`, if any (consumes one use of its rule). @internal */
export const takeFault = (
  state: State,
  operation: string,
  random: () => number
): { readonly fault: Fault.Fault; readonly when: "before" | "after" } | undefined => {
  for (const rule of state.faults) {
    if (rule.remaining <= 0) continue
    if (rule.operations !== undefined && !rule.operations.includes(operation)) continue
    if (rule.probability !== undefined && random() >= rule.probability) continue
    rule.remaining--
    setFaults(state, state.faults.filter((r) => r.remaining > 0))
    return { fault: rule.fault, when: rule.when ?? "before" }
  }
  return undefined
}
