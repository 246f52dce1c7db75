/**
 * A sliding-window limiter per key (here: per user id), driven by `Clock` so that `TestClock` controls it. Its
 * numbers are the configuration's; by default Clerk's (`ClerkConfig.DEFAULT_PER_USER_WRITE_LIMIT`, read from the
 * kernel's `Operations.writeLimit`).
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as SynchronizedRef from "effect/SynchronizedRef"

/**
 * @internal
 */
export interface KeyedLimiter {
  /** Waits until one more request for `key` fits in the window, then counts it. */
  readonly take: (key: string) => Effect.Effect<void>
}

/**
 * @internal
 */
export const unlimited: KeyedLimiter = { take: () => Effect.void }

const SWEEP_THRESHOLD = 10_000

/**
 * The number of requests a window allows: at least one, a whole number (`NaN` and non-finite counts are one).
 *
 * @internal
 */
export const requestsOf = (requests: number): number =>
  Number.isFinite(requests) && requests >= 1 ? Math.floor(requests) : 1

/**
 * @internal
 */
export const make = (limit: { readonly requests: number; readonly window: Duration.Duration } | undefined) =>
  Effect.gen(function*() {
    if (limit === undefined) return unlimited
    const windowMillis = Duration.toMillis(limit.window)
    // a limit given as a plain object may hold anything: fewer than one request (or not a number) counts as one
    const requests = requestsOf(limit.requests)
    const state = yield* SynchronizedRef.make(new Map<string, Array<number>>())

    const prune = (stamps: Array<number>, now: number) => {
      let drop = 0
      while (drop < stamps.length && stamps[drop]! <= now - windowMillis) drop++
      if (drop > 0) stamps.splice(0, drop)
    }

    const reserve = (key: string, now: number) =>
      SynchronizedRef.modify(state, (map) => {
        if (map.size > SWEEP_THRESHOLD) {
          for (const [k, stamps] of map) {
            prune(stamps, now)
            if (stamps.length === 0) map.delete(k)
          }
        }
        const stamps = map.get(key) ?? []
        prune(stamps, now)
        if (stamps.length < requests) {
          stamps.push(now)
          map.set(key, stamps)
          return [0, map] as const
        }
        return [stamps[0]! + windowMillis - now, map] as const
      })

    const take = (key: string): Effect.Effect<void> =>
      Effect.flatMap(
        Clock.currentTimeMillis,
        (now) =>
          Effect.flatMap(reserve(key, now), (wait) =>
            wait <= 0 ? Effect.void : Effect.zipRight(Effect.sleep(Duration.millis(wait)), take(key)))
      )

    return { take } satisfies KeyedLimiter
  })
