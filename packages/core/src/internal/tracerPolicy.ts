/**
 * Which spans a call opens. Effect's default tracer, the one a program runs with until it installs one
 * (OpenTelemetry, DevTools, ...), sends its spans nowhere. Under it, the operation opens no span
 * (internal/methods.ts); and when the call has no span of the caller's to continue either, the platform's client
 * opens none for its request (its `http.client` span: a span object, its ids, a dozen attributes, the request
 * copied to carry trace headers of a fresh trace that nothing records) and sends no trace headers. A call made
 * under a span of the caller's (an incoming request's, say) goes through the platform as it is, its span and
 * trace headers included, and so does every call once a tracer is installed.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberRefs from "effect/FiberRefs"
import { constTrue } from "effect/Function"
import type * as Runtime from "effect/Runtime"
import * as Tracer from "effect/Tracer"

const defaultTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/**
 * Whether a fiber runs under a tracer of the application's (OpenTelemetry, DevTools, any `Layer.setTracer`)
 * rather than Effect's default one, whose spans go nowhere: the one test of both the operation's span
 * (internal/methods.ts) and the platform's `http.client` span (`isQuiet`).
 *
 * @internal
 */
export const tracerInstalled = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.currentTracer !== defaultTracer

/**
 * Whether a call from this fiber goes without the platform's `http.client` span: no tracer installed and no span
 * of the caller's to continue.
 *
 * @internal
 */
export const isQuiet = (caller: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  !tracerInstalled(caller) &&
  Context.getOption(caller.currentContext, Tracer.ParentSpan)._tag === "None"

/**
 * The references of a quiet attempt's fiber: the platform's `http.client` span switched off.
 *
 * @internal
 */
export const untracedRefs: Runtime.RunForkOptions = {
  updateRefs: (refs, fiberId) =>
    FiberRefs.updateAs(refs, { fiberId, fiberRef: HttpClient.currentTracerDisabledWhen, value: constTrue })
}

/**
 * A quiet attempt run in the caller's fiber: the platform's `http.client` span switched off for it.
 *
 * @internal
 */
export const quietly = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> =>
  Effect.locally(effect, HttpClient.currentTracerDisabledWhen, constTrue)

/**
 * A failure under the operation's span, as the attempt's failures are: the span is set in the attempt's fiber
 * only, not in the caller's, so that `Cause.pretty` would not name it otherwise.
 *
 * @internal
 */
export const failUnder = <E>(error: E, span: Tracer.Span | undefined): Effect.Effect<never, E> =>
  span === undefined ? Exit.fail(error) : Effect.withParentSpan(Effect.fail(error), span)
