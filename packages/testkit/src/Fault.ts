/**
 * Faults to inject into the in-memory layer and the emulator: an error status with a Clerk error body, a 429
 * with `Retry-After`, added latency, or a dropped connection; for the next N calls or with a probability,
 * before or after the operation takes effect.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"

/**
 * What goes wrong.
 *
 * @since 0.1.0
 * @category models
 */
export type Fault =
  | {
    readonly _tag: "Status"
    readonly status: number
    readonly code?: string
    readonly message?: string
    readonly retryAfter?: Duration.Duration
  }
  | { readonly _tag: "RateLimited"; readonly retryAfter?: Duration.Duration }
  | { readonly _tag: "Latency"; readonly duration: Duration.Duration }
  | { readonly _tag: "Disconnect" }

/**
 * An error status with a Clerk error body (`code` and `message` default to Clerk-like values).
 *
 * @since 0.1.0
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
  options: { readonly code?: string; readonly message?: string; readonly retryAfter?: Duration.DurationInput } = {}
): Fault => ({
  _tag: "Status",
  status,
  ...(options.code === undefined ? {} : { code: options.code }),
  ...(options.message === undefined ? {} : { message: options.message }),
  ...(options.retryAfter === undefined ? {} : { retryAfter: Duration.decode(options.retryAfter) })
})

/**
 * A 429 with a `Retry-After` (whole seconds on the wire).
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const slowDown = Fault.rateLimited("7 seconds")
 * ```
 */
export const rateLimited = (retryAfter?: Duration.DurationInput): Fault =>
  retryAfter === undefined ? { _tag: "RateLimited" } : { _tag: "RateLimited", retryAfter: Duration.decode(retryAfter) }

/**
 * Added latency (on `Clock`, so `TestClock` drives it in the in-memory layer).
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const slow = Fault.latency("2 seconds")
 * ```
 */
export const latency = (duration: Duration.DurationInput): Fault => ({
  _tag: "Latency",
  duration: Duration.decode(duration)
})

/**
 * A dropped connection: no response at all (`TransportError` in the in-memory layer, a destroyed socket in the
 * emulator).
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // drop one connection in ten, after the operation took effect
 * const flaky = Effect.flatMap(UsersTestControl, (control) =>
 *   control.injectFault({ fault: Fault.disconnect, probability: 0.1, when: "after" }))
 * ```
 */
export const disconnect: Fault = { _tag: "Disconnect" }

/**
 * A rule: which operations, what fault, how often.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule {
  /** The operations it applies to (method names, such as `"create"`); all when absent. */
  readonly operations?: ReadonlyArray<string>
  readonly fault: Fault
  /** Apply to the next `times` matching calls. Default: 1, or unlimited when `probability` is set. */
  readonly times?: number
  /** Apply to each matching call with this probability (0..1). */
  readonly probability?: number
  /**
   * `"before"` (default): the operation does not take effect. `"after"`: it takes effect, then the fault is
   * returned instead of its result (what a client sees when a response is lost).
   */
  readonly when?: "before" | "after"
}
