/**
 * The deadlines of the attempts in flight, and the one fiber that enforces them.
 *
 * Each attempt runs in a fiber of its own, registered here with its deadline, and one watchdog fiber (on
 * `Clock`, so `TestClock` drives it) interrupts the attempts that are overdue. A per-attempt race of two fibers
 * (`Effect.timeout`) costs several times more per request. The watchdog sleeps exactly until the earliest
 * deadline, runs only while attempts are in flight (plus one idle period, so that a burst of requests starts it
 * once), and never ticks on its own: `TestClock.setTime` far ahead stays instant.
 *
 * Once the layer's scope is closed, its watchdog is gone: the attempts in flight then are stopped (`Closed`), and
 * later attempts get a timeout of their own (internal/attempt.ts).
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Scope from "effect/Scope"

/**
 * An attempt in flight: its deadline, its fiber (the watchdog interrupts it when overdue, the layer's scope when
 * it closes) and why it was stopped.
 *
 * @internal
 */
export interface Attempt {
  readonly deadline: number
  readonly fiber: Fiber.RuntimeFiber<unknown, unknown>
  stopped: "Timeout" | "Closed" | undefined
}

/**
 * @internal
 */
export interface Watchdog {
  /** Whether the layer's scope is closed (the watchdog is gone). */
  readonly closed: () => boolean
  /** Watches an attempt until its deadline. */
  readonly track: (attempt: Attempt) => void
  /** Forgets an attempt (it ended, or its caller stopped it). */
  readonly forget: (attempt: Attempt) => void
  /**
   * The watchdog's start, to run once an attempt is tracked, when it is not running (it counts as running from
   * this call on); `undefined` when it runs already.
   */
  readonly wake: () => Effect.Effect<unknown> | undefined
}

/**
 * A watchdog for attempts of `timeoutMillis`, in the layer's scope (it stops the attempts in flight when that
 * scope closes).
 *
 * @internal
 */
export const make = (timeoutMillis: number): Effect.Effect<Watchdog, never, Scope.Scope> =>
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const inFlight = new Set<Attempt>()
    let watching = false
    let closed = false
    yield* Scope.addFinalizer(
      scope,
      Effect.suspend(() => {
        closed = true
        const fibers = Array.from(inFlight, (attempt) => {
          attempt.stopped = "Closed"
          return attempt.fiber
        })
        inFlight.clear()
        return Effect.forEach(fibers, (fiber) => Fiber.interruptFork(fiber), { discard: true })
      })
    )
    const resetWatching = Effect.sync(() => {
      watching = false
    })

    const watchdog: Effect.Effect<void> = Effect.flatMap(Clock.currentTimeMillis, (now) => {
      if (inFlight.size === 0) {
        // idle: wait one period for more work, then stop
        return Effect.flatMap(Effect.sleep(timeoutMillis), () => {
          if (inFlight.size > 0) return watchdog
          watching = false
          return Effect.void
        })
      }
      let earliest = Number.POSITIVE_INFINITY
      const overdue: Array<Fiber.RuntimeFiber<unknown, unknown>> = []
      for (const attempt of inFlight) {
        if (attempt.deadline <= now) {
          attempt.stopped = "Timeout"
          inFlight.delete(attempt)
          overdue.push(attempt.fiber)
        } else if (attempt.deadline < earliest) {
          earliest = attempt.deadline
        }
      }
      const interrupt = Effect.forEach(overdue, (fiber) => Fiber.interruptFork(fiber), { discard: true })
      return Effect.zipRight(
        interrupt,
        Effect.zipRight(Effect.sleep(Number.isFinite(earliest) ? earliest - now : 0), watchdog)
      )
    })
    // interruptible whatever the caller's region, in a context of its own (it outlives the call that starts it)
    const start = Effect.forkIn(
      Effect.provide(Effect.ensuring(Effect.interruptible(watchdog), resetWatching), Context.empty()),
      scope
    )

    return {
      closed: () => closed,
      track: (attempt) => {
        inFlight.add(attempt)
      },
      forget: (attempt) => {
        inFlight.delete(attempt)
      },
      wake: () => {
        if (watching) return undefined
        watching = true
        return start
      }
    } satisfies Watchdog
  })
