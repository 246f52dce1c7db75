/**
 * The one request pipeline every operation goes through:
 *
 * validate + encode input (internal/methods.ts) → build the request (`requestBuilder.ts`) → per-user pacing and
 * the instance budget (`callPolicy.ts` over `InstanceBudget`) → send in an attempt under the timeout (`attempt.ts`,
 * `watchdog.ts`), redirects not followed (`redirects.ts`), spans by the tracer policy (`tracerPolicy.ts`) → read
 * the body under a size bound (`bodyRead.ts`) → map the status to a tagged error or decode the body with the operation's schema
 * (`response.ts`), the key redacted from every error (`redact.ts`) → retry by the policy (`callPolicy.ts`: the
 * same pacing and retries `CallPolicy.apply` gives any implementation of the operations).
 *
 * This module composes them; each step is chosen once, when the layer is built (`Steps`).
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type * as Tracer from "effect/Tracer"
import { ClerkConfig } from "../ClerkConfig.js"
import type { DecodeError, DocumentedStatus, OperationError, TransportError } from "../ClerkError.js"
import * as InstanceBudget from "../InstanceBudget.js"
import type * as RetryPolicy from "../RetryPolicy.js"
import * as Attempt from "./attempt.js"
import { readBody, readErrorBody, transportError } from "./bodyRead.js"
import * as CallPolicy from "./callPolicy.js"
import * as Redact from "./redact.js"
import * as Redirects from "./redirects.js"
import type { RequestInput } from "./request.js"
import * as RequestBuilder from "./requestBuilder.js"
import { statusError, successDecoder } from "./response.js"
import { failUnder, isQuiet } from "./tracerPolicy.js"

/**
 * What the executor needs of an operation's row.
 *
 * @internal
 */
export interface Executable<A, I, S extends DocumentedStatus> {
  readonly name: string
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  readonly path: string
  readonly statuses: ReadonlyArray<S>
  readonly idempotent: boolean
  readonly success: Schema.Schema<A, I>
}

/**
 * An operation's calls: prepared once per operation (the constant parts of its requests, its decoder, its
 * error mappers), then called with each call's input.
 *
 * @internal
 */
export interface Executor {
  <A, I, S extends DocumentedStatus>(
    operation: Executable<A, I, S>
  ): (input: RequestInput, span?: Tracer.Span) => Effect.Effect<A, OperationError<S>>
}

/**
 * The steps of the pipeline, each chosen once, when the layer is built: `standard` are the library's (the only
 * ones it uses); `pnpm bench` composes the pipeline with one of them replaced at a time, to measure what each
 * costs.
 *
 * @internal
 */
export interface Steps {
  /** An operation's requests. */
  readonly buildRequest: RequestBuilder.RequestBuilder
  /** Where attempts run: in a fiber of their own under the timeout, or not. */
  readonly attempts: (
    noFollow: Redirects.NoFollow,
    timeout: Duration.Duration
  ) => Effect.Effect<Attempt.Runner, never, Scope.Scope>
  /** A successful response's body, as text. */
  readonly readBody: (
    operation: string,
    response: HttpClientResponse.HttpClientResponse,
    maxBytes: number
  ) => Effect.Effect<string, TransportError | DecodeError>
  /** A successful response's body into the operation's value. */
  readonly decoder: <A, I>(
    operation: { readonly name: string; readonly success: Schema.Schema<A, I> },
    redactor: Redact.Redactor
  ) => (status: number, text: string, implied?: RequestInput["implied"]) => Either.Either<A, DecodeError>
  /** What is redacted from errors, given the secret key. */
  readonly redactor: (secretKey: string) => Redact.Redactor
  /** The retry policy of a call: the caller's (`RetryPolicy.withPolicy`), else the layer's. */
  readonly retryPolicy: (
    caller: Fiber.RuntimeFiber<unknown, unknown>,
    configured: RetryPolicy.RetryPolicy
  ) => RetryPolicy.RetryPolicy
}

/**
 * The library's steps.
 *
 * @internal
 */
export const standard: Steps = {
  buildRequest: RequestBuilder.make,
  attempts: Attempt.make,
  readBody,
  decoder: successDecoder,
  redactor: Redact.make,
  retryPolicy: CallPolicy.callerOrLayer
}

/** A successful response's status and body, read under the size bound. */
interface Body {
  readonly status: number
  readonly text: string
}

/**
 * Builds the executor from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeExecutor = (
  steps: Steps = standard
): Effect.Effect<Executor, never, ClerkConfig | HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const config = yield* ClerkConfig
    const httpClient = yield* HttpClient.HttpClient
    // pacing and retries: the same policy as any implementation's under `CallPolicy.apply` (internal/callPolicy.ts)
    // the instance budget: the layer's context's limiter (shared with other layers), else one of its own
    const shared = yield* Effect.serviceOption(InstanceBudget.Limiter)
    const budget = shared._tag === "Some"
      ? shared.value
      : yield* InstanceBudget.make({
        secretKey: config.secretKey,
        budget: config.instanceBudget,
        perUser: config.perUserWriteLimit
      })
    const policy = yield* CallPolicy.make(config, steps.retryPolicy, budget)
    const maxBytes = config.maxResponseBytes
    // the headers every request carries, built once: each operation's request template starts from them
    const headers = Headers.fromInput({
      Authorization: `Bearer ${Redacted.value(config.secretKey)}`,
      "Clerk-API-Version": config.apiVersion,
      "User-Agent": config.userAgent,
      Accept: "application/json"
    })
    const requests = steps.buildRequest(config.apiUrl, headers)
    const run = yield* steps.attempts(yield* Redirects.make, config.timeout)
    // a server (or a proxy) may echo the credentials it was sent: no error this client builds carries them (see
    // internal/redact.ts: the key as sent, at any length, found after decoding and before truncation)
    const redactor = steps.redactor(Redacted.value(config.secretKey))
    const redactError = Redact.errors(redactor)

    // Everything constant per operation is built here, once; the hot path is plain combinators (no generators).
    const prepare: Executor = <A, I, S extends DocumentedStatus>(operation: Executable<A, I, S>) => {
      const name = operation.name
      const buildRequest = requests(operation)
      const toTransportError = transportError(name)
      // one mapper for every failure of an attempt: the platform's errors become `TransportError`s, and no
      // error this client builds carries the key (the status errors' bodies are redacted when they are read)
      const onAttemptError = (error: HttpClientError.HttpClientError | OperationError<S>): OperationError<S> =>
        error._tag === "RequestError" || error._tag === "ResponseError"
          ? redactError(toTransportError(error))
          : error._tag === "TransportError" || error._tag === "DecodeError"
          ? redactError(error)
          : error
      const decode = steps.decoder(operation, redactor)
      const around = policy.around(operation)
      const failed = (response: HttpClientResponse.HttpClientResponse) =>
        Effect.flatMap(
          readErrorBody(name, response, maxBytes),
          (text) =>
            Effect.flatMap(
              Clock.currentTimeMillis,
              (now) => Effect.fail(statusError(operation, response.status, response.headers, text, now, redactor))
            )
        )
      // The body is read in the attempt (under the timeout); it is decoded after the attempt's fiber has ended,
      // in the caller's fiber: the decoded value never passes through the attempt's fiber (internal/attempt.ts).
      const receive = (
        response: HttpClientResponse.HttpClientResponse
      ): Effect.Effect<Body, OperationError<S> | HttpClientError.HttpClientError> =>
        response.status >= 200 && response.status < 300
          ? Effect.map(steps.readBody(name, response, maxBytes), (text) => ({ status: response.status, text }))
          : failed(response)
      const decodeWith =
        (implied: RequestInput["implied"], span: Tracer.Span | undefined) =>
        (body: Body): Effect.Effect<A, DecodeError> => {
          const result = decode(body.status, body.text, implied)
          if (Either.isRight(result)) return result
          return failUnder(result.left, span)
        }

      return (input, span) => {
        const request = buildRequest(input)
        const decodeBody = decodeWith(input.implied, span)
        const send = Effect.mapError(Effect.flatMap(httpClient.execute(request), receive), onAttemptError)
        // an attempt, from the fiber that runs the call
        const attemptFrom = (caller: Fiber.RuntimeFiber<unknown, unknown>): Effect.Effect<Body, OperationError<S>> =>
          run(name, send, span, isQuiet(caller))
        const attemptNow = Effect.withFiberRuntime<Body, OperationError<S>>(attemptFrom)
        // paced, then retried by the policy; with nothing to do around it, the attempt starts now, from this fiber
        return around(
          Effect.flatMap(attemptNow, decodeBody),
          input.writeLimitKey,
          (caller) => Effect.flatMap(attemptFrom(caller), decodeBody)
        )
      }
    }

    return prepare
  })
