/**
 * Fault rules: which calls fail, how, and how often. They are the test kit's, not Clerk's data: the engine
 * keeps them beside the kernel's store state, in the kernel's `FaultRules` book (shared by both lines' test kits).
 *
 * @internal
 */
import * as FaultRules from "@effect-clerk/kernel/FaultRules"
import type * as Fault from "../Fault.js"

/** The rules in force, each with its remaining uses. @internal */
export type FaultBook = FaultRules.Book<Fault.Fault>

/** @internal */
export const make = (): FaultBook => FaultRules.make()

/** Adds a rule; rules are tried in the order they were added. @internal */
export const addFault: (book: FaultBook, rule: Fault.Rule) => void = FaultRules.add

/** @internal */
export const clearFaults: (book: FaultBook) => void = FaultRules.clear

/** The fault to apply to a call of `operation`, if any (consumes one use of its rule). @internal */
export const takeFault: (
  book: FaultBook,
  operation: string,
  random: () => number
) => { readonly fault: Fault.Fault; readonly when: "before" | "after" } | undefined = FaultRules.take
