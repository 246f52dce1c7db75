/**
 * The retry schedules of a layer: one per (policy, operation), built on first use (building one is not free and
 * it is the same every time).
 *
 * @internal
 */
import type * as Schedule from "effect/Schedule"
import type { ClerkError } from "../ClerkError.js"
import * as RetryPolicy from "../RetryPolicy.js"

/**
 * The schedule of an operation under a policy.
 *
 * @internal
 */
export type ScheduleFor = (
  policy: RetryPolicy.RetryPolicy,
  operation: { readonly name: string; readonly idempotent: boolean }
) => Schedule.Schedule<unknown, ClerkError>

/**
 * A cache of schedules (weakly held by policy).
 *
 * @internal
 */
export const make = (): ScheduleFor => {
  const schedules = new WeakMap<RetryPolicy.RetryPolicy, Map<string, Schedule.Schedule<unknown, ClerkError>>>()
  return (policy, operation) => {
    let byOperation = schedules.get(policy)
    if (byOperation === undefined) {
      byOperation = new Map()
      schedules.set(policy, byOperation)
    }
    let schedule = byOperation.get(operation.name)
    if (schedule === undefined) {
      schedule = RetryPolicy.toSchedule(policy, { operation: operation.name, idempotent: operation.idempotent })
      byOperation.set(operation.name, schedule)
    }
    return schedule
  }
}
