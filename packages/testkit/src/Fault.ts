/**
 * Faults to inject into the in-memory layer and the emulator: an error status with a Clerk error body, a 429
 * with `Retry-After`, added latency, or a dropped connection; for the next N calls or with a probability,
 * before or after the operation takes effect.
 *
 * @since 0.1.0
 */
import type * as FaultRules from "@effect-clerk/kernel/FaultRules"
import * as Duration from "effect/Duration"

/**
 * What goes wrong.
 *
 * @since 0.1.0
 * @category models
 */
export type Fault = FaultRules.Fault<Duration.Duration>

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
 * A rule: which operations (method names, such as `"create"`; all when absent), what fault, how often: the next
 * `times` matching calls (default 1, or unlimited with `probability`), each with `probability` (0..1); `"before"`
 * (default: the operation does not take effect) or `"after"` (it takes effect, then the fault is returned instead
 * of its result: what a client sees when a response is lost). The kernel's `FaultRules.Rule`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule extends FaultRules.Rule<Fault> {}

/**
 * What goes wrong with a webhook delivery of the emulator (Svix delivers at least once, in no particular
 * order): `Duplicate` delivers the message `copies` more times (same `svix-id`), `Drop` loses its first attempt
 * (no request is made; Svix retries it on its schedule), `Delay` holds its first attempt back (later messages
 * overtake it: reordering).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const faults: ReadonlyArray<Fault.DeliveryFault> = [Fault.duplicate(2), Fault.drop, Fault.delay("5 seconds")]
 * ```
 */
export type DeliveryFault =
  | { readonly _tag: "Duplicate"; readonly copies: number }
  | { readonly _tag: "Drop" }
  | { readonly _tag: "Delay"; readonly duration: Duration.Duration }

/**
 * Delivers a message `copies` more times (default 1), each with the same `svix-id`.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // every user.updated delivered twice
 * const twice = Effect.flatMap(UsersTestControl, (control) =>
 *   control.injectDeliveryFault({ events: ["user.updated"], fault: Fault.duplicate(), probability: 1 }))
 * ```
 */
export const duplicate = (copies = 1): DeliveryFault => ({ _tag: "Duplicate", copies })

/**
 * Loses a message's first attempt (recorded as `"dropped"`); the retry schedule delivers it later.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const lossy = Effect.flatMap(UsersTestControl, (control) =>
 *   control.injectDeliveryFault({ fault: Fault.drop, probability: 0.3 }))
 * ```
 */
export const drop: DeliveryFault = { _tag: "Drop" }

/**
 * Holds a message's first attempt back by `duration` (on `Clock`, divided by the emulator's time scale), so that
 * later messages overtake it.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Fault, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const reordered = Effect.flatMap(UsersTestControl, (control) =>
 *   control.injectDeliveryFault({ fault: Fault.delay("10 seconds"), times: 1 }))
 * ```
 */
export const delay = (duration: Duration.DurationInput): DeliveryFault => ({
  _tag: "Delay",
  duration: Duration.decode(duration)
})

/**
 * A delivery rule: which event types, what fault, how often (as `Rule`: the next `times` messages, default 1,
 * or each with `probability`).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Fault } from "@effect-clerk/testkit"
 *
 * const rule: Fault.DeliveryRule = { events: ["user.updated"], fault: Fault.drop, probability: 0.2 }
 * ```
 */
export interface DeliveryRule {
  /** The event types it applies to (`"user.updated"`); all when absent. */
  readonly events?: ReadonlyArray<string>
  readonly fault: DeliveryFault
  readonly times?: number
  readonly probability?: number
}
