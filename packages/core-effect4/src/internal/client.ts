/**
 * The one request pipeline every operation goes through:
 *
 * validate + encode the arguments (`request.ts`) → build the request (the row's method and path, the headers
 * every request carries) → per-user pacing and the instance budget (`callPolicy.ts` over `InstanceBudget`) →
 * send under the attempt's timeout, redirects not followed → read the body under a size bound (`bodyRead.ts`)
 * → map the status to a tagged error or decode the body with the operation's schema (`response.ts`), the key
 * redacted from every error → retry by the policy (`callPolicy.ts`).
 *
 * Spans follow the Effect 3 line's policy: with a tracer installed, each call is a span named after the
 * operation (`Users.get`, with `clerk.user_id`), the parent of the HTTP client's span; with none (Effect's
 * native tracer), no span is opened and, outside any span of the caller, the HTTP client's span and its trace
 * headers (`traceparent`, `b3`) are switched off.
 *
 * @internal
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as Redaction from "@effect-clerk/kernel/Redaction"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { constTrue } from "effect/Function"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Headers from "effect/http/Headers"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import * as CallPolicy from "../CallPolicy.js"
import { ClerkConfig } from "../ClerkConfig.js"
import type { ClerkError } from "../ClerkError.js"
import { DecodeError, TransportError } from "../ClerkError.js"
import * as InstanceBudget from "../InstanceBudget.js"
import { readBody, readErrorBody, transportError } from "./bodyRead.js"
import * as Policy from "./callPolicy.js"
import type { AnyOperation, AnySchema } from "./operation.js"
import type { RequestInput } from "./request.js"
import { statusError, successDecoder } from "./response.js"

/**
 * An operation's calls: prepared once per operation and response schema, then called with each call's input.
 *
 * @internal
 */
export type Executor = (operation: AnyOperation, success: AnySchema) => (input: RequestInput) => Effect.Effect<
  unknown,
  ClerkError
>

/** A successful response's status and body, read under the size bound. */
interface Body {
  readonly status: number
  readonly text: string
}

/** The longest sleep a timer can make: a longer timeout is no timeout. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * Whether a call from this fiber is traced: a tracer other than Effect's native one is installed.
 *
 * @internal
 */
export const tracerInstalled = (fiber: { readonly getRef: <A>(ref: Context.Reference<A>) => A }): boolean =>
  fiber.getRef(Tracer.Tracer) !== Tracer.nativeTracer

/**
 * Whether the HTTP client's own span (and so its trace headers) is switched off for a call from this fiber: no
 * tracer installed, and no span of the caller to continue.
 *
 * @internal
 */
export const isQuiet = (
  fiber: { readonly getRef: <A>(ref: Context.Reference<A>) => A; readonly context: Context.Context<never> }
): boolean => !tracerInstalled(fiber) && Option.isNone(Context.getOption(fiber.context, Tracer.ParentSpan))

/**
 * Builds the executor from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeExecutor: Effect.Effect<Executor, never, ClerkConfig | HttpClient.HttpClient> = Effect.gen(
  function*() {
    const config = yield* ClerkConfig
    const httpClient = yield* HttpClient.HttpClient
    // the instance budget: the layer's context's limiter (shared with other layers), else one of its own
    const shared = yield* Effect.serviceOption(InstanceBudget.Limiter)
    const budget = Option.isSome(shared) ? shared.value : yield* InstanceBudget.make({
      secretKey: config.secretKey,
      budget: config.instanceBudget,
      perUser: config.perUserWriteLimit
    })
    const policy = yield* Policy.make(CallPolicy.fromConfig(config), budget)
    // fetch told not to follow redirects (a redirect would carry the key elsewhere), on top of the layer's init
    // and of the caller's (read at each call: the headers of both kept, the caller's winning), as on Effect 3
    const layerInit = Option.getOrUndefined(yield* Effect.serviceOption(FetchHttpClient.RequestInit))
    const init: RequestInit = { ...layerInit, redirect: "manual" }
    const initFor = (callerInit: Option.Option<RequestInit>): RequestInit => {
      if (Option.isNone(callerInit)) return init
      const merged: RequestInit = { ...layerInit, ...callerInit.value, redirect: "manual" }
      if (layerInit?.headers !== undefined && callerInit.value.headers !== undefined) {
        merged.headers = Headers.merge(
          Headers.fromInput(layerInit.headers),
          Headers.fromInput(callerInit.value.headers)
        )
      }
      return merged
    }
    const requestInit = Effect.map(Effect.serviceOption(FetchHttpClient.RequestInit), initFor)
    const headers = {
      authorization: `Bearer ${Redacted.value(config.secretKey)}`,
      "clerk-api-version": config.apiVersion,
      "user-agent": config.userAgent,
      accept: "application/json"
    }
    const maxBytes = config.maxResponseBytes
    const timeoutMillis = Duration.toMillis(config.timeout)
    const timed = Number.isFinite(timeoutMillis) && timeoutMillis <= MAX_TIMER_MILLIS
    // a server (or a proxy) may echo the credentials it was sent: no error this client builds carries them
    const redactor = Redaction.make(Redacted.value(config.secretKey))
    const redact = (error: ClerkError): ClerkError => {
      if (error._tag === "TransportError" && redactor.leaks(error.message)) {
        return new TransportError({
          operation: error.operation,
          reason: error.reason,
          message: redactor.text(error.message)
        })
      }
      if (error._tag === "DecodeError" && redactor.leaks(error.message)) {
        const { operation, reason, status } = error
        return new DecodeError({ operation, status, reason, message: redactor.text(error.message) })
      }
      return error
    }

    return (operation, success) => {
      const name = operation.name
      const fill = ClientRequest.pathFiller(operation.path)
      const decode = successDecoder(name, success, redactor)
      const around = policy.around(operation)
      const toTransportError = transportError(name)
      const timeoutError = () =>
        new TransportError({
          operation: name,
          reason: "Timeout",
          message: `no complete response within ${Duration.format(config.timeout)}`
        })
      const receive = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<Body, ClerkError> =>
        response.status >= 200 && response.status < 300
          ? Effect.map(readBody(name, response, maxBytes), (text) => ({ status: response.status, text }))
          : Effect.flatMap(
            readErrorBody(name, response, maxBytes),
            (text) =>
              Effect.flatMap(Clock.currentTimeMillis, (now) =>
                Effect.fail(
                  statusError(operation, response.status, response.headers["retry-after"], text, now, redactor)
                ))
          )
      return (input) => {
        let request = HttpClientRequest.make(operation.method)(config.apiUrl + fill(input.params), {
          headers,
          urlParams: input.urlParams
        })
        if (input.body !== undefined) {
          request = input.body._tag === "Json"
            ? HttpClientRequest.bodyText(request, input.body.text, "application/json")
            : HttpClientRequest.bodyFormData(request, input.body.form)
        }
        const sent = httpClient.execute(request).pipe(
          Effect.mapError(toTransportError),
          Effect.flatMap(receive),
          Effect.provideServiceEffect(FetchHttpClient.RequestInit, requestInit)
        )
        const attempt = Effect.withFiber((fiber) => {
          const quiet = isQuiet(fiber) ? Effect.provideService(sent, HttpClient.TracerDisabledWhen, constTrue) : sent
          const bounded = timed
            ? Effect.timeoutOrElse(quiet, { duration: timeoutMillis, orElse: () => Effect.fail(timeoutError()) })
            : quiet
          return Effect.mapError(bounded, redact)
        })
        return around(
          Effect.flatMap(attempt, (body) => Effect.fromResult(decode(body.status, body.text, input.implied))),
          input.writeLimitKey
        )
      }
    }
  }
)
