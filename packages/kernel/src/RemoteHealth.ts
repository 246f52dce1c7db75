/**
 * The failure policy of a store kept in a remote service (Redis) with a local fallback: after a failure the
 * remote is *down* and the local store answers, the remote is tried again at most once per probe interval, and
 * the first failure of an outage and the return are each reported once. Plain data and decisions (the time is
 * given by the caller), shared by both lines' Redis stores.
 *
 * @since 0.3.0
 */

/**
 * Whether the remote is down, and from when it may be tried again (epoch milliseconds).
 *
 * @since 0.3.0
 * @category models
 */
export interface Health {
  readonly down: boolean
  readonly probeAt: number
}

/**
 * How long one command to a remote store (Redis) may take by default before the local fallback answers: 1 s.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_TIMEOUT_MILLIS = 1_000

/**
 * How long a remote store that failed is left alone before a command probes it again, by default: 1 s.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_PROBE_INTERVAL_MILLIS = 1_000

/**
 * The remote is up.
 *
 * @since 0.3.0
 * @category constructors
 */
export const up: Health = { down: false, probeAt: 0 }

/**
 * Whether a command tries the remote at `now`: always while it is up, once the probe time has come while it is
 * down.
 *
 * @since 0.3.0
 * @category decisions
 * @example
 * ```ts
 * import { RemoteHealth } from "@effect-clerk/kernel"
 *
 * const [, down] = RemoteHealth.failed(RemoteHealth.up, 1000, 500)
 * console.log(RemoteHealth.tryRemote(down, 1200), RemoteHealth.tryRemote(down, 1500)) // false true
 * ```
 */
export const tryRemote = (health: Health, now: number): boolean => !health.down || now >= health.probeAt

/**
 * After a failed command at `now`: whether this failure starts an outage (report it), and the new health (down,
 * next probe `probeMillis` later).
 *
 * @since 0.3.0
 * @category decisions
 */
export const failed = (health: Health, now: number, probeMillis: number): readonly [boolean, Health] => [
  !health.down,
  { down: true, probeAt: now + probeMillis }
]

/**
 * After a command the remote answered: whether this ends an outage (report it), and the new health (up).
 *
 * @since 0.3.0
 * @category decisions
 */
export const succeeded = (health: Health): readonly [boolean, Health] => [health.down, up]

/**
 * What is logged (as a warning) when an outage starts: the store's `name`, the `reason`, what is done
 * `meanwhile`.
 *
 * @since 0.3.0
 * @category messages
 */
export const outageMessage = (name: string, reason: string, meanwhile: string): string =>
  `clerk: ${name} is unavailable (${reason}); ${meanwhile} until it is back`

/**
 * What is logged when the remote is back.
 *
 * @since 0.3.0
 * @category messages
 */
export const recoveredMessage = (name: string): string => `clerk: ${name} is back`
