/**
 * The HTTP implementation's methods, one per row of the operation table: the row's checked request encoder,
 * then the one pipeline (`client.ts`), in a span named after the operation.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type * as Scope from "effect/Scope"
import type * as Tracer from "effect/Tracer"
import { ClerkConfig } from "../ClerkConfig.js"
import type { ClerkError } from "../ClerkError.js"
import { InvalidRequest } from "../ClerkError.js"
import * as UsersProtocol from "../UsersProtocol.js"
import * as Client from "./client.js"
import type { AnyOperation } from "./operation.js"
import type { RequestInput } from "./request.js"
import { compileRequestEncoder, userIdIndex } from "./request.js"
import { failUnder, tracerInstalled } from "./tracerPolicy.js"

/**
 * A method of the service, untyped: the row's types are given back by `Users.make`.
 *
 * @internal
 */
export type Method = (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, ClerkError>

// The span of every call: no stack trace captured for it (`Effect.fn` captures the caller's location on every
// call, an `Error` and a stack walk each time, for a `code.stacktrace` attribute that only failures show).
const plainSpan: Tracer.SpanOptions = { captureStackTrace: false }

/**
 * The steps of the methods, the pipeline's (internal/client.ts) and their own, each chosen once, when the layer
 * is built: `standard` are the library's (the only ones it uses).
 *
 * @internal
 */
export interface Steps extends Client.Steps {
  /** An operation's arguments, checked, into a request's input (or the reason they cannot be sent). */
  readonly encoder: (
    operation: AnyOperation,
    apiVersion: string
  ) => (args: ReadonlyArray<unknown>) => RequestInput | InvalidRequest
  /** Whether a call from this fiber opens the operation's span. */
  readonly traced: (fiber: Fiber.RuntimeFiber<unknown, unknown>) => boolean
}

/**
 * The library's steps.
 *
 * @internal
 */
export const standard: Steps = { ...Client.standard, encoder: compileRequestEncoder, traced: tracerInstalled }

/**
 * Builds the methods from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeMethods = (
  steps: Steps = standard
): Effect.Effect<Record<string, Method>, never, ClerkConfig | HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const config = yield* ClerkConfig
    const execute = yield* Client.makeExecutor(steps)
    const methods: Record<string, Method> = {}
    for (const operation of UsersProtocol.rows) {
      const encode = steps.encoder(operation, config.apiVersion)
      const run = execute(operation)
      // a row with response variants decodes each call with the schema its arguments select
      const variants = new Map(
        (operation.variants ?? []).map((
          variant
        ) => [variant.success, execute({ ...operation, success: variant.success })])
      )
      const name = operation.name
      const userIdAt = userIdIndex(operation)
      const traced = steps.traced
      // the call, once running (its arguments checked and encoded, then the pipeline)
      const call = (args: ReadonlyArray<unknown>, span: Tracer.Span | undefined) => {
        const input = encode(args)
        if (input instanceof InvalidRequest) return failUnder(input, span)
        const selected = variants.size === 0 ? run : variants.get(UsersProtocol.successOf(operation, args)) ?? run
        return selected(input, span)
      }
      methods[operation.key] = (...args) =>
        Effect.withFiberRuntime((fiber) => {
          // no tracer installed: its spans would go nowhere, so none is opened (no ids drawn, no span object, no
          // `onExit`)
          if (!traced(fiber)) return call(args, undefined)
          const userId = userIdAt < 0 ? undefined : args[userIdAt]
          const options = typeof userId === "string"
            ? { attributes: { "clerk.user_id": userId }, captureStackTrace: false }
            : plainSpan
          // `useSpan` rather than `withSpan`: the span is not put in this fiber's context (a set and a restore
          // of the context, each copying the fiber's references), only in the attempt's fiber, where the
          // platform's `http.client` span finds its parent.
          //
          // The span ends with the exit of what it wraps, and keeps it: it would hold the value (a page of
          // users) from an object that lived through the parse (and so was promoted), which keeps the value
          // alive in the next scavenges even once both are dead. The value leaves through a variable of this
          // run instead, cleared as soon as it is read; failures go through the span as they are.
          let value: unknown
          return Effect.map(
            // `useSpan` runs its function when the effect runs: the arguments are checked then
            Effect.useSpan(name, options, (span) =>
              Effect.map(call(args, span), (a) => {
                value = a
              })),
            () => {
              const a = value
              value = undefined
              return a
            }
          )
        })
    }
    return methods
  })
