/**
 * The two lines' `Users` services have the same types, checked by the compiler (`tsc -p packages/differential`, part
 * of `pnpm test:effect4`): the same keys (the 39 operations and the derived helpers), and for every operation the
 * same parameters, the same value and the same error tags. A change to one line's types that the other does not
 * make fails to compile here.
 */
import type { Users as Users3 } from "@effect-clerk/core"
import type { Users as Users4 } from "@effect-clerk/core-effect4"
import type { OperationKey } from "@effect-clerk/kernel/Operations"
import type * as Effect3 from "effect/Effect"
import type * as Effect4 from "effect4/Effect"

type Service3 = Users3.Service
type Service4 = Users4.Users["Service"]

/** Whether two types are mutually assignable. */
type Same<A, B> = [A] extends [B] ? [B] extends [A] ? true : false : false

type TagsOf<E> = E extends { readonly _tag: infer T } ? T : never

type Parts3<F> = F extends (...args: infer P) => Effect3.Effect<infer A, infer E, infer _R>
  ? { readonly args: P; readonly value: A; readonly tags: TagsOf<E> }
  : "not a method"
type Parts4<F> = F extends (...args: infer P) => Effect4.Effect<infer A, infer E, infer _R>
  ? { readonly args: P; readonly value: A; readonly tags: TagsOf<E> }
  : "not a method"

type Differs = {
  readonly [K in OperationKey]: Same<Parts3<Service3[K]>, Parts4<Service4[K]>> extends true ? never : K
}[OperationKey]

/** The operations whose types differ between the lines: none. */
export const operationsThatDiffer: [Differs] extends [never] ? "none" : Differs = "none"

/** The service's keys: the same on both lines. */
export const sameKeys: Same<keyof Service3, keyof Service4> = true
