/**
 * The one request pipeline every operation goes through:
 *
 * validate + encode input → build the request (percent-encoded path, repeated query keys, JSON or multipart
 * body, headers) → per-user pacing → send with a timeout → read the body under a size bound → map the status
 * to a tagged error or decode the body with the operation's schema → retry by the policy.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import type * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { ClerkConfig } from "../ClerkConfig.js"
import type { ClerkError, DocumentedStatus, OperationError } from "../ClerkError.js"
import { DecodeError, TransportError } from "../ClerkError.js"
import * as RetryPolicy from "../RetryPolicy.js"
import * as KeyedLimiter from "./keyedLimiter.js"
import * as Redact from "./redact.js"
import type { RequestInput } from "./request.js"
import { fillPath } from "./request.js"
import { decodeSuccess, statusError } from "./response.js"

const causeMessage = (cause: unknown, depth = 0): string => {
  if (!(cause instanceof Error) || depth > 3) return ""
  const inner = causeMessage((cause as { readonly cause?: unknown }).cause, depth + 1)
  return `${cause.message}${inner === "" ? "" : ` (${inner})`}`
}

const transportError = (operation: string) => (error: HttpClientError.HttpClientError) => {
  const cause = causeMessage(error.cause)
  return new TransportError({
    operation,
    reason: "Transport",
    message: cause === "" || error.message.includes(cause) ? error.message : `${error.message}: ${cause}`
  })
}

const utf8 = new TextDecoder("utf-8")

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * Whether a response's body arrives as the bytes its `Content-Length` counts: no `Content-Encoding` (or
 * `identity`). Otherwise the length is the encoded size, while a transport that decodes (fetch does, for gzip,
 * deflate and br) hands over many times more: only the bytes actually received can be counted then.
 */
const isUnencoded = (encoding: string | undefined): boolean =>
  encoding === undefined || /^\s*(identity)?\s*$/i.test(encoding)

/**
 * Reads a response body as text, refusing one larger than `maxBytes` (by `Content-Length` up front when the body
 * is not content-encoded, otherwise by counting the bytes the transport hands over while streaming), and closing
 * the connection in that case.
 *
 * @internal
 */
export const readBody = (
  operation: string,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<string, TransportError | DecodeError> => {
  const tooLarge = () =>
    new DecodeError({
      operation,
      status: response.status,
      reason: "TooLarge",
      message: `the response body is larger than the ${maxBytes}-byte bound`
    })
  const declared = response.headers["content-length"]
  const length = declared !== undefined && /^\d{1,15}$/.test(declared) ? Number(declared) : Number.NaN
  if (Number.isSafeInteger(length) && length >= 0 && isUnencoded(response.headers["content-encoding"])) {
    if (length > maxBytes) {
      return Effect.zipRight(
        response.stream.pipe(Stream.take(1), Stream.runDrain, Effect.ignore),
        Effect.fail(tooLarge())
      )
    }
    // bytes, then UTF-8: `response.text` keeps large bodies reachable longer (measured: twice the peak heap
    // when walking pages), while a plain ArrayBuffer is released as soon as it is decoded
    return Effect.map(
      Effect.mapError(response.arrayBuffer, transportError(operation)),
      (buffer) => utf8.decode(new Uint8Array(buffer))
    )
  }
  return response.stream.pipe(
    Stream.catchAll((error) =>
      error._tag === "ResponseError" && error.reason === "EmptyBody"
        ? Stream.empty
        : Stream.fail(transportError(operation)(error))
    ),
    Stream.runFoldEffect(
      { chunks: [] as Array<Uint8Array>, size: 0 },
      (acc, chunk): Effect.Effect<{ chunks: Array<Uint8Array>; size: number }, DecodeError> => {
        const size = acc.size + chunk.length
        if (size > maxBytes) return Effect.fail(tooLarge())
        acc.chunks.push(chunk)
        acc.size = size
        return Effect.succeed(acc)
      }
    ),
    Effect.map(({ chunks, size }) => utf8.decode(concat(chunks, size)))
  )
}

/** Clerk's error bodies are a few hundred bytes: more than this is not read, only the status counts then. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024

/**
 * Reads the body of an error response. The status decides the error: a body that cannot be read (too large,
 * cut off) is read as empty rather than turning, say, a 503 into a `TransportError` or a `DecodeError`.
 *
 * @internal
 */
export const readErrorBody = (
  operation: string,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<string> =>
  Effect.orElseSucceed(readBody(operation, response, Math.min(maxBytes, MAX_ERROR_BODY_BYTES)), () => "")

// -----------------------------------------------------------------------------
// executor
// -----------------------------------------------------------------------------

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
 * Runs one operation.
 *
 * @internal
 */
export interface Executor {
  <A, I, S extends DocumentedStatus>(
    operation: Executable<A, I, S>,
    input: RequestInput
  ): Effect.Effect<A, OperationError<S>>
}

/**
 * Builds the executor from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeExecutor = Effect.gen(function*() {
  const config = yield* ClerkConfig
  const httpClient = yield* HttpClient.HttpClient
  const limiter = yield* KeyedLimiter.make(config.perUserWriteLimit)
  const timeout = config.timeout
  const maxBytes = config.maxResponseBytes

  const headers = Headers.fromInput({
    Authorization: `Bearer ${Redacted.value(config.secretKey)}`,
    "Clerk-API-Version": config.apiVersion,
    "User-Agent": config.userAgent,
    Accept: "application/json"
  })

  const buildRequest = (
    operation: Pick<Executable<unknown, unknown, never>, "method" | "path">,
    input: RequestInput
  ) => {
    const url = config.apiUrl + fillPath(operation.path, input.params ?? [])
    let request = HttpClientRequest.make(operation.method)(url, { headers })
    if (input.urlParams !== undefined && input.urlParams.length > 0) {
      request = HttpClientRequest.setUrlParams(request, input.urlParams)
    }
    if (input.body !== undefined) {
      request = input.body._tag === "Json"
        ? HttpClientRequest.bodyText(request, input.body.text, "application/json")
        : HttpClientRequest.bodyFormData(request, input.body.form)
    }
    return request
  }

  // Clerk's API never redirects, and a redirect followed is a request sent again, elsewhere (a POST turned into
  // a GET, or replayed with its body): fetch is told not to follow (`redirect: "manual"`), so a 3xx reaches the
  // status mapping as it is (`UnexpectedStatus`). The Node clients never follow. The RequestInit the layer was
  // built with, then the caller's, are kept; only `redirect` is forced.
  const layerInit = Option.getOrUndefined(yield* Effect.serviceOption(FetchHttpClient.RequestInit))
  const manualInit: RequestInit = { ...layerInit, redirect: "manual" }
  const callerInit = (init: RequestInit): RequestInit => {
    const merged: RequestInit = { ...layerInit, ...init, redirect: "manual" }
    if (layerInit?.headers !== undefined && init.headers !== undefined) {
      merged.headers = Headers.merge(Headers.fromInput(layerInit.headers), Headers.fromInput(init.headers))
    }
    return merged
  }
  const sendOnce = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.flatMap(
      Effect.serviceOption(FetchHttpClient.RequestInit),
      (init) =>
        Effect.provideService(
          httpClient.execute(request),
          FetchHttpClient.RequestInit,
          init._tag === "None" ? manualInit : callerInit(init.value)
        )
    )

  const timeoutError = (operation: string) =>
    new TransportError({
      operation,
      reason: "Timeout",
      message: `no complete response within ${Duration.format(timeout)}`
    })

  // Timeouts: each attempt runs in one forked fiber registered with its deadline, and one watchdog fiber (on
  // Clock, so TestClock drives it) interrupts the attempts that are overdue. A per-attempt race of two fibers
  // (`Effect.timeout`) costs several times more per request. The watchdog sleeps exactly until the earliest
  // deadline, runs only while attempts are in flight (plus one idle period, so that a burst of requests starts
  // it once), and never ticks on its own: `TestClock.setTime` far ahead stays instant.
  const timeoutMillis = Duration.toMillis(timeout)
  const scope = yield* Effect.scope
  const inFlight = new Set<
    { readonly deadline: number; readonly fiber: Fiber.RuntimeFiber<unknown, unknown>; timedOut: boolean }
  >()
  let watching = false

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
        attempt.timedOut = true
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

  const withTimeout = <A, E>(operation: string, attempt: Effect.Effect<A, E>): Effect.Effect<A, E | TransportError> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) =>
      Effect.flatMap(Effect.fork(attempt), (fiber) => {
        const entry = { deadline: now + timeoutMillis, fiber, timedOut: false }
        inFlight.add(entry)
        const awaited = Effect.onInterrupt(
          Effect.flatMap(Fiber.await(fiber), (exit): Effect.Effect<A, E | TransportError> => {
            inFlight.delete(entry)
            return entry.timedOut && Exit.isInterrupted(exit) ? Effect.fail(timeoutError(operation)) : exit
          }),
          // the caller gave up: the attempt (a child of the caller) is interrupted with it, forget its deadline
          () => Effect.sync(() => inFlight.delete(entry))
        )
        if (watching) return awaited
        watching = true
        return Effect.zipRight(Effect.forkIn(watchdog, scope), awaited)
      }))

  // one schedule per (policy, operation): building it is not free and it is the same every time
  const schedules = new WeakMap<RetryPolicy.RetryPolicy, Map<string, Schedule.Schedule<unknown, ClerkError>>>()
  const scheduleFor = (
    policy: RetryPolicy.RetryPolicy,
    operation: { readonly name: string; readonly idempotent: boolean }
  ) => {
    let byOperation = schedules.get(policy)
    if (byOperation === undefined) {
      byOperation = new Map()
      schedules.set(policy, byOperation)
    }
    let schedule = byOperation.get(operation.name)
    if (schedule === undefined) {
      schedule = RetryPolicy.toSchedule(policy, { operation: operation.name, idempotent: operation.idempotent })
      byOperation.set(operation.name, schedule)
    }
    return schedule
  }

  // a server (or a proxy) may echo the credentials it was sent: no error this client builds carries them (see
  // internal/redact.ts: the key as sent, at any length, found after decoding and before truncation)
  const redactor = Redact.make(Redacted.value(config.secretKey))
  const redactMessage = <E extends TransportError | DecodeError>(error: E): E => {
    if (!redactor.leaks(error.message)) return error
    const message = redactor.text(error.message)
    return (error._tag === "TransportError"
      ? new TransportError({ operation: error.operation, reason: error.reason, message })
      : new DecodeError({ operation: error.operation, status: error.status, reason: error.reason, message })) as E
  }

  // the hot path is written with plain combinators (no generators): it runs for every request
  const execute: Executor = <A, I, S extends DocumentedStatus>(operation: Executable<A, I, S>, input: RequestInput) =>
    Effect.flatMap(RetryPolicy.CurrentRetryPolicy, (current) => {
      const request = buildRequest(operation, input)
      const send = Effect.flatMap(
        Effect.mapError(sendOnce(request), (error) => redactMessage(transportError(operation.name)(error))),
        (response) =>
          response.status >= 200 && response.status < 300
            ? Effect.flatMap(
              Effect.mapError(readBody(operation.name, response, maxBytes), redactMessage),
              (text) => decodeSuccess(operation, response.status, text, redactor, input.implied)
            )
            : Effect.flatMap(
              readErrorBody(operation.name, response, maxBytes),
              (text) =>
                Effect.flatMap(
                  Clock.currentTimeMillis,
                  (now) => Effect.fail(statusError(operation, response.status, response.headers, text, now, redactor))
                )
            )
      )
      const timed = withTimeout(operation.name, send)
      const attempt = input.writeLimitKey === undefined
        ? timed
        : Effect.zipRight(limiter.take(input.writeLimitKey), timed)
      const policy = current._tag === "Some" ? current.value : config.retry
      return policy === RetryPolicy.none ? attempt : Effect.retry(attempt, scheduleFor(policy, operation))
    })

  return execute
})
