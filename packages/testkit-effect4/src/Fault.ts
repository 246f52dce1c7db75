/**
 * Faults to inject into the in-memory layer: an error status with a Clerk error body, a 429 with `Retry-After`,
 * added latency, or a dropped connection; for the next N calls or with a probability, before or after the
 * operation takes effect. The rules themselves are the kernel's (`FaultRules`), as in the Effect 3 line.
 *
 * @since 1.0.0
 */
import type * as FaultRules from "@effect-clerk/kernel/FaultRules"
import * as Duration from "effect/Duration"

/**
 * What goes wrong.
 *
 * @since 1.0.0
 * @category models
 */
export type Fault = FaultRules.Fault<Duration.Duration>

/**
 * An error status with a Clerk error body (`code` and `message` default to the catalogue's values for it).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const unavailable = Fault.status(503)
 * const conflict = Fault.status(409, { code: "conflict", message: "concurrent update" })
 * ```
 */
export const status = (
  status: number,
  options: { readonly code?: string; readonly message?: string; readonly retryAfter?: Duration.Input } = {}
): Fault => {
  const { code, message, retryAfter } = options
  return {
    _tag: "Status",
    status,
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
    ...(retryAfter !== undefined && { retryAfter: Duration.fromInputUnsafe(retryAfter) })
  }
}

/**
 * A 429 with a `Retry-After` (whole seconds on the wire), or none.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const slowDown = Fault.rateLimited("7 seconds")
 * ```
 */
export const rateLimited = (retryAfter?: Duration.Input): Fault => ({
  _tag: "RateLimited",
  ...(retryAfter !== undefined && { retryAfter: Duration.fromInputUnsafe(retryAfter) })
})

/**
 * Added latency, on `Clock` (so `TestClock` drives it).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const slow = Fault.latency("2 seconds")
 * ```
 */
export const latency = (duration: Duration.Input): Fault => ({
  _tag: "Latency",
  duration: Duration.fromInputUnsafe(duration)
})

/**
 * A dropped connection: no response at all (`TransportError`).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // drop one connection in ten, after the operation took effect
 * const flaky = Effect.gen(function*() {
 *   const control = yield* UsersTestControl.UsersTestControl
 *   yield* control.injectFault({ fault: Fault.disconnect, probability: 0.1, when: "after" })
 * })
 * ```
 */
export const disconnect: Fault = { _tag: "Disconnect" }

/**
 * A rule: which operations (keys of the table, such as `"create"`; all when absent), what fault, how often: the
 * next `times` matching calls (default 1, or unlimited with `probability`), each with `probability` (0..1);
 * `"before"` (default: the operation does not take effect) or `"after"` (it takes effect, then the fault is
 * returned instead of its result). The kernel's `FaultRules.Rule`.
 *
 * @since 1.0.0
 * @category models
 */
export interface Rule extends FaultRules.Rule<Fault> {}

/**
 * The label of a fault in `UsersTestControl`'s statistics (`"Status 503"`, `"RateLimited"`...).
 *
 * @since 1.0.0
 * @category utils
 */
export const label = (fault: Fault): string => fault._tag === "Status" ? `Status ${fault.status}` : fault._tag
