/**
 * Where an attempt runs: in a fiber of its own, under the watchdog's deadline, or (with no timeout) in the
 * caller's fiber; in both cases with the operation's span as its parent and fetch told not to follow redirects.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Runtime from "effect/Runtime"
import * as RuntimeFlags from "effect/RuntimeFlags"
import type * as Scope from "effect/Scope"
import * as Tracer from "effect/Tracer"
import { TransportError } from "../ClerkError.js"
import type * as Redirects from "./redirects.js"
import { failUnder, quietly, untracedRefs } from "./tracerPolicy.js"
import * as Watchdog from "./watchdog.js"

/**
 * Runs an attempt of an operation, under its span (if any); `quiet` switches off the platform's `http.client`
 * span (internal/tracerPolicy.ts).
 *
 * @internal
 */
export type Runner = <A, E>(
  operation: string,
  attempt: Effect.Effect<A, E>,
  span: Tracer.Span | undefined,
  quiet: boolean
) => Effect.Effect<A, E | TransportError>

/** The context an attempt runs in: the caller's, with fetch's `RequestInit` and the operation's span as parent. */
const attemptContext = (
  noFollow: Redirects.NoFollow,
  span: Tracer.Span | undefined,
  context: Context.Context<never>
): Context.Context<never> => {
  const withInit = noFollow(context)
  return span === undefined ? withInit : Context.add(withInit, Tracer.ParentSpan, span)
}

/**
 * Attempts in the caller's fiber, with the attempt's context and references set around them (no timeout).
 *
 * @internal
 */
export const inCaller = (noFollow: Redirects.NoFollow) =>
<A, E>(
  _operation: string,
  effect: Effect.Effect<A, E>,
  span: Tracer.Span | undefined,
  quiet: boolean
): Effect.Effect<A, E> => {
  const inContext = Effect.locallyWith(
    effect,
    FiberRef.currentContext,
    (context) => attemptContext(noFollow, span, context)
  )
  return quiet ? quietly(inContext) : inContext
}

/** The longest sleep Effect's clock can make (a timer's limit): a longer timeout is no timeout. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * The runner of the layer being built: attempts in fibers of their own under the watchdog, or, when the timeout
 * is longer than a timer can wait (`Duration.infinity`, or about 25 days), in the caller's fiber.
 *
 * @internal
 */
export const make = (
  noFollow: Redirects.NoFollow,
  timeout: Duration.Duration
): Effect.Effect<Runner, never, Scope.Scope> => {
  const timeoutMillis = Duration.toMillis(timeout)
  if (!Number.isFinite(timeoutMillis) || timeoutMillis > MAX_TIMER_MILLIS) return Effect.succeed(inCaller(noFollow))
  return Effect.map(Watchdog.make(timeoutMillis), (watchdog) => timed(noFollow, timeout, timeoutMillis, watchdog))
}

/**
 * Attempts in fibers of their own, under the watchdog's deadlines.
 *
 * The attempt's fiber is started at once, in the call (`Runtime.runFork` runs it up to its first asynchronous
 * step; `Effect.fork` would schedule its start for the next turn of the scheduler: one more hop per call), and
 * observed directly (no `Fiber.await` message round trip): its end resumes the caller. It is interruptible
 * whatever the caller's region (an `acquireRelease` creating a user): the timeout holds there too. It is not the
 * caller's child (a root fiber, as `runFork` makes them): the call itself stops it. From its start until the
 * caller waits for it, the caller is uninterruptible (the run loop may yield between two steps, and an
 * interruption there would leave the attempt running, or the watchdog marked as started but never forked); then
 * an interruption of the caller forgets the attempt's deadline, interrupts the attempt and waits for it (its
 * connection is closed before the caller's finalizers run).
 *
 * The attempt's value does not stay in its fiber's exit: it leaves through `slot.value`, cleared as soon as it
 * is read. The fiber lives through the body's read and is promoted to the old generation by the scavenges that
 * read triggers; from there, its exit would keep the body (a 3.4 MB string for a page of 500 users) alive until
 * the next full collection even once both are dead (measured: the peak heap of a 100,000-user walk went from
 * 24 MB to 76 MB that way).
 *
 * The operation's span (with a tracer installed) is the parent of the platform's `http.client` span, and fetch's
 * `RequestInit` forbids following redirects: both are set once, when the attempt's fiber is made (a
 * `provideService` in the caller would set them and restore them there, each time copying the fiber's
 * references).
 *
 * Once the layer's scope is closed (a service kept past it), each attempt gets a timeout of its own
 * (`Effect.timeoutTo`: a race of two fibers, slower, but no call goes without its timeout).
 *
 * @internal
 */
export const timed = (
  noFollow: Redirects.NoFollow,
  timeout: Duration.Duration,
  timeoutMillis: number,
  watchdog: Watchdog.Watchdog
): Runner => {
  const timeoutError = (operation: string) =>
    new TransportError({
      operation,
      reason: "Timeout",
      message: `no complete response within ${Duration.format(timeout)}`
    })
  const closedError = (operation: string) =>
    new TransportError({
      operation,
      reason: "Transport",
      message: "the Users layer that made this call was closed while the call was in flight"
    })
  const unwatched = inCaller(noFollow)
  return <A, E>(
    operation: string,
    attempt: Effect.Effect<A, E>,
    span: Tracer.Span | undefined,
    quiet: boolean
  ): Effect.Effect<A, E | TransportError> =>
    Effect.uninterruptibleMask((restore) =>
      Effect.withFiberRuntime((caller, status) => {
        if (watchdog.closed()) {
          return restore(Effect.flatten(
            Effect.timeoutTo(Effect.interruptible(unwatched(operation, attempt, span, quiet)), {
              duration: timeout,
              onSuccess: (value): Effect.Effect<A, TransportError> => Effect.succeed(value),
              onTimeout: (): Effect.Effect<A, TransportError> => failUnder(timeoutError(operation), span)
            })
          ))
        }
        const now = Context.get(caller.currentDefaultServices, Clock.Clock).unsafeCurrentTimeMillis()
        const slot: { value: A | undefined } = { value: undefined }
        const done = Effect.map(attempt, (value) => {
          slot.value = value
        })
        const fiber = Runtime.runFork(
          Runtime.make({
            context: attemptContext(noFollow, span, caller.currentContext),
            runtimeFlags: RuntimeFlags.enable(status.runtimeFlags, RuntimeFlags.Interruption),
            fiberRefs: caller.getFiberRefs()
          })
        )(done, quiet ? untracedRefs : undefined)
        const ended = (
          exit: Exit.Exit<void, E>,
          stopped: Watchdog.Attempt["stopped"]
        ): Effect.Effect<A, E | TransportError> => {
          const value = slot.value as A
          slot.value = undefined
          if (Exit.isSuccess(exit)) return Exit.succeed(value)
          if (stopped === undefined || !Exit.isInterrupted(exit)) return exit as Exit.Exit<never, E>
          return failUnder(stopped === "Timeout" ? timeoutError(operation) : closedError(operation), span)
        }
        // the attempt may have ended already (a transport that answers synchronously)
        const early = fiber.unsafePoll()
        if (early !== null) return ended(early, undefined)
        const entry: Watchdog.Attempt = { deadline: now + timeoutMillis, fiber, stopped: undefined }
        watchdog.track(entry)
        // should the attempt end before the caller waits for it (the caller's run loop may yield in between; with
        // Effect's scheduler the caller's turn comes first, another scheduler may order them otherwise), its
        // result is kept for the caller
        let resume: ((effect: Effect.Effect<A, E | TransportError>) => void) | undefined
        let result: Effect.Effect<A, E | TransportError> | undefined
        const observer = (exit: Exit.Exit<void, E>) => {
          watchdog.forget(entry)
          const outcome = ended(exit, entry.stopped)
          if (resume === undefined) result = outcome
          else resume(outcome)
        }
        fiber.addObserver(observer)
        // the caller gave up: forget the attempt's deadline, interrupt it and wait for it
        const stop = Effect.suspend(() => {
          fiber.removeObserver(observer)
          watchdog.forget(entry)
          return Fiber.interrupt(fiber)
        })
        // (outside `restore`, this handler runs when the caller is interrupted, as `Effect.onInterrupt`'s would, one
        // step cheaper)
        const awaited = Effect.catchAllCause(
          restore(Effect.async<A, E | TransportError>((callback) => {
            if (result === undefined) resume = callback
            else callback(result)
          })),
          (cause) =>
            Cause.isInterrupted(cause) ? Effect.zipRight(stop, Effect.failCause(cause)) : Effect.failCause(cause)
        )
        const start = watchdog.wake()
        return start === undefined ? awaited : Effect.zipRight(start, awaited)
      })
    )
}
