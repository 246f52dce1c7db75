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
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as FiberRefs from "effect/FiberRefs"
import { constTrue } from "effect/Function"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as RuntimeFlags from "effect/RuntimeFlags"
import type * as Schedule from "effect/Schedule"
import type * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import { ClerkConfig } from "../ClerkConfig.js"
import type { ClerkError, DocumentedStatus, OperationError } from "../ClerkError.js"
import { DecodeError, TransportError } from "../ClerkError.js"
import * as RetryPolicy from "../RetryPolicy.js"
import * as KeyedLimiter from "./keyedLimiter.js"
import * as Redact from "./redact.js"
import type { RequestInput } from "./request.js"
import { pathFiller } from "./request.js"
import { statusError, successDecoder } from "./response.js"

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
 * A failure under the operation's span, as the attempt's failures are: the span is set in the attempt's fiber
 * only, not in the caller's, so that `Cause.pretty` would not name it otherwise.
 *
 * @internal
 */
export const failUnder = <E>(error: E, span: Tracer.Span | undefined): Effect.Effect<never, E> =>
  span === undefined ? Exit.fail(error) : Effect.withParentSpan(Effect.fail(error), span)

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
 * Steps of the pipeline that `pnpm bench` removes, one at a time, to measure what each costs. Each is read once,
 * when the executor is built; the library never sets any.
 *
 * @internal
 */
export interface Ablation {
  /** No checks of path parameters or version rules (query and body parameters are still encoded). */
  readonly inputChecks?: boolean
  /** The request of an operation's first call is sent again for every later call. */
  readonly requestBuilding?: boolean
  /** No `Users.<operation>` span. */
  readonly span?: boolean
  /** No per-attempt timeout. */
  readonly timeout?: boolean
  /** No retry policy lookup, no retry. */
  readonly retry?: boolean
  /** `arrayBuffer` and UTF-8 decoding, without the size bound. */
  readonly bodyRead?: boolean
  /** `JSON.parse` only: the value is not checked by the schema. */
  readonly decode?: boolean
  /** No redaction of errors. */
  readonly redaction?: boolean
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

/** A successful response's status and body, read under the size bound. */
interface Body {
  readonly status: number
  readonly text: string
}

/**
 * An attempt in flight: its deadline, its fiber (the watchdog interrupts it when overdue, the layer's scope when
 * it closes) and why it was stopped.
 */
interface Attempt {
  readonly deadline: number
  readonly fiber: Fiber.RuntimeFiber<unknown, unknown>
  stopped: "Timeout" | "Closed" | undefined
}

const defaultTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/**
 * Whether a fiber runs under a tracer of the application's (OpenTelemetry, DevTools, any `Layer.setTracer`)
 * rather than Effect's default one, whose spans go nowhere: the one test of both the operation's span
 * (internal/methods.ts) and the platform's `http.client` span (below).
 *
 * @internal
 */
export const tracerInstalled = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.currentTracer !== defaultTracer

/** The longest sleep Effect's clock can make (a timer's limit): a longer timeout is no timeout. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * Builds the executor from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeExecutor = (ablation: Ablation = {}) =>
  Effect.gen(function*() {
    const config = yield* ClerkConfig
    const httpClient = yield* HttpClient.HttpClient
    const limiter = yield* KeyedLimiter.make(config.perUserWriteLimit)
    const timeout = config.timeout
    const maxBytes = config.maxResponseBytes

    // the headers every request carries, built once: each operation's request template starts from them
    const headers = Headers.fromInput({
      Authorization: `Bearer ${Redacted.value(config.secretKey)}`,
      "Clerk-API-Version": config.apiVersion,
      "User-Agent": config.userAgent,
      Accept: "application/json"
    })

    const timeoutError = (operation: string) =>
      new TransportError({
        operation,
        reason: "Timeout",
        message: `no complete response within ${Duration.format(timeout)}`
      })

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
    // the context an attempt runs in: the caller's, with the operation's span as the parent and the RequestInit
    const attemptContext =
      (span: Tracer.Span | undefined) => (context: Context.Context<never>): Context.Context<never> => {
        const init = Context.getOption(context, FetchHttpClient.RequestInit)
        const withInit = Context.add(
          context,
          FetchHttpClient.RequestInit,
          init._tag === "None" ? manualInit : callerInit(init.value)
        )
        return span === undefined ? withInit : Context.add(withInit, Tracer.ParentSpan, span)
      }

    // Effect's default tracer, the one a program runs with until it installs one (OpenTelemetry, DevTools, ...):
    // its spans go nowhere. Under it, the operation opens no span (internal/methods.ts); and when the call has no
    // span of the caller's to continue either, the platform's client opens none for its request (its
    // `http.client` span: a span object, its ids, a dozen attributes, the request copied to carry trace headers of
    // a fresh trace that nothing records) and sends no trace headers. A call made under a span of the caller's (an
    // incoming request's, say) goes through the platform as it is, its span and trace headers included, and so
    // does every call once a tracer is installed.
    const isQuiet = (caller: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
      !tracerInstalled(caller) &&
      Context.getOption(caller.currentContext, Tracer.ParentSpan)._tag === "None"
    const untracedRefs: Runtime.RunForkOptions = {
      updateRefs: (refs, fiberId) =>
        FiberRefs.updateAs(refs, { fiberId, fiberRef: HttpClient.currentTracerDisabledWhen, value: constTrue })
    }
    // the attempt's context and references, in the caller's fiber (when the attempt does not run in its own)
    const inAttemptRefs = <A, E>(effect: Effect.Effect<A, E>, span: Tracer.Span | undefined, quiet: boolean) => {
      const inContext = Effect.locallyWith(effect, FiberRef.currentContext, attemptContext(span))
      return quiet ? Effect.locally(inContext, HttpClient.currentTracerDisabledWhen, constTrue) : inContext
    }

    // Timeouts: each attempt runs in a fiber of its own, registered with its deadline, and one watchdog fiber (on
    // Clock, so TestClock drives it) interrupts the attempts that are overdue. A per-attempt race of two fibers
    // (`Effect.timeout`) costs several times more per request. The watchdog sleeps exactly until the earliest
    // deadline, runs only while attempts are in flight (plus one idle period, so that a burst of requests starts
    // it once), and never ticks on its own: `TestClock.setTime` far ahead stays instant. A timeout longer than a
    // timer can wait (`Duration.infinity`, or about 25 days) is none: attempts then run in the caller's fiber.
    const timeoutMillis = Duration.toMillis(timeout)
    const timesOut = ablation.timeout !== true && Number.isFinite(timeoutMillis) && timeoutMillis <= MAX_TIMER_MILLIS
    const scope = yield* Effect.scope
    const inFlight = new Set<Attempt>()
    let watching = false
    // Once the layer's scope is closed, its watchdog is gone: the attempts in flight then are stopped (with a
    // `TransportError`), and later attempts (a service kept past its layer's scope) each get a timeout of their
    // own (`Effect.timeoutFail`: a race of two fibers, slower, but no call goes without its timeout).
    let closed = false
    const closedError = (operation: string) =>
      new TransportError({
        operation,
        reason: "Transport",
        message: "the Users layer that made this call was closed while the call was in flight"
      })
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

    // The attempt's fiber is started at once, in the call (`Runtime.runFork` runs it up to its first asynchronous
    // step; `Effect.fork` would schedule its start for the next turn of the scheduler: one more hop per call), and
    // observed directly (no `Fiber.await` message round trip): its end resumes the caller. It is interruptible
    // whatever the caller's region (an `acquireRelease` creating a user): the timeout holds there too. It is not
    // the caller's child (a root fiber, as `runFork` makes them): the call itself stops it. From its start until
    // the caller waits for it, the caller is uninterruptible (the run loop may yield between two steps, and an
    // interruption there would leave the attempt running, or the watchdog marked as started but never forked);
    // then an interruption of the caller forgets the attempt's deadline, interrupts the attempt and waits for it
    // (its connection is closed before the caller's finalizers run).
    //
    // The attempt's value does not stay in its fiber's exit: it leaves through `slot.value`, cleared as soon as
    // it is read. The fiber lives through the body's read and is promoted to the old generation by the
    // scavenges that read triggers; from there, its exit would keep the body (a 3.4 MB string for a page of
    // 500 users) alive until the next full collection even once both are dead (measured: the peak heap of a
    // 100,000-user walk went from 24 MB to 76 MB that way).
    //
    // The operation's span (with a tracer installed) is the parent of the platform's `http.client` span, and
    // fetch's `RequestInit` forbids following redirects (see `attemptContext`): both are set once, when the
    // attempt's fiber is made (a `provideService` in the caller would set them and restore them there, each time
    // copying the fiber's references).
    const attemptIn = <A, E>(
      operation: string,
      attempt: Effect.Effect<A, E>,
      span: Tracer.Span | undefined,
      quiet: boolean
    ): Effect.Effect<A, E | TransportError> =>
      Effect.uninterruptibleMask((restore) =>
        Effect.withFiberRuntime((caller, status) => {
          if (closed) {
            const guarded = Effect.interruptible(inAttemptRefs(attempt, span, quiet))
            return restore(Effect.flatten(
              Effect.timeoutTo(guarded, {
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
              context: attemptContext(span)(caller.currentContext),
              runtimeFlags: RuntimeFlags.enable(status.runtimeFlags, RuntimeFlags.Interruption),
              fiberRefs: caller.getFiberRefs()
            })
          )(done, quiet ? untracedRefs : undefined)
          const ended = (
            exit: Exit.Exit<void, E>,
            stopped: Attempt["stopped"]
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
          const entry: Attempt = { deadline: now + timeoutMillis, fiber, stopped: undefined }
          inFlight.add(entry)
          // should the attempt end before the caller waits for it (the caller's run loop may yield in between; with
          // Effect's scheduler the caller's turn comes first, another scheduler may order them otherwise), its
          // result is kept for the caller
          let resume: ((effect: Effect.Effect<A, E | TransportError>) => void) | undefined
          let result: Effect.Effect<A, E | TransportError> | undefined
          const observer = (exit: Exit.Exit<void, E>) => {
            inFlight.delete(entry)
            const outcome = ended(exit, entry.stopped)
            if (resume === undefined) result = outcome
            else resume(outcome)
          }
          fiber.addObserver(observer)
          // the caller gave up: forget the attempt's deadline, interrupt it and wait for it
          const stop = Effect.suspend(() => {
            fiber.removeObserver(observer)
            inFlight.delete(entry)
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
          if (watching) return awaited
          watching = true
          // interruptible whatever the caller's region, in a context of its own (it outlives the caller's call)
          const guard = Effect.provide(Effect.ensuring(Effect.interruptible(watchdog), resetWatching), Context.empty())
          return Effect.zipRight(Effect.forkIn(guard, scope), awaited)
        })
      )

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

    const bareRead = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(Effect.orDie(response.arrayBuffer), (buffer) => utf8.decode(new Uint8Array(buffer)))
    const parseOnly = <A>(_status: number, text: string): Either.Either<A, DecodeError> =>
      Either.right(JSON.parse(text))
    const identity = <E>(error: E): E => error

    // Everything constant per operation is built here, once; the hot path is plain combinators (no generators).
    const prepare: Executor = <A, I, S extends DocumentedStatus>(operation: Executable<A, I, S>) => {
      const name = operation.name
      const fill = pathFiller(operation.path)
      // method and headers set once: a call only sets its URL (and its query and body, if any)
      const template = HttpClientRequest.make(operation.method)(config.apiUrl, { headers })
      let built: HttpClientRequest.HttpClientRequest | undefined
      const buildRequest = (input: RequestInput): HttpClientRequest.HttpClientRequest => {
        if (built !== undefined) return built
        let request = HttpClientRequest.setUrl(template, config.apiUrl + fill(input.params ?? []))
        if (input.urlParams !== undefined && input.urlParams.length > 0) {
          request = HttpClientRequest.setUrlParams(request, input.urlParams)
        }
        if (input.body !== undefined) {
          request = input.body._tag === "Json"
            ? HttpClientRequest.bodyText(request, input.body.text, "application/json")
            : HttpClientRequest.bodyFormData(request, input.body.form)
        }
        if (ablation.requestBuilding) built = request
        return request
      }
      const redactError = ablation.redaction ? identity : redactMessage
      const bodyRedactor = ablation.redaction ? Redact.none : redactor
      const toTransportError = transportError(name)
      // one mapper for every failure of an attempt: the platform's errors become `TransportError`s, and no
      // error this client builds carries the key (the status errors' bodies are redacted when they are read)
      const onAttemptError = (
        error: HttpClientError.HttpClientError | OperationError<S>
      ): OperationError<S> =>
        error._tag === "RequestError" || error._tag === "ResponseError"
          ? redactError(toTransportError(error))
          : error._tag === "TransportError" || error._tag === "DecodeError"
          ? redactError(error)
          : error
      const read = ablation.bodyRead
        ? bareRead
        : (response: HttpClientResponse.HttpClientResponse) => readBody(name, response, maxBytes)
      const decode = ablation.decode ? parseOnly<A> : successDecoder(operation, bodyRedactor)
      const failed = (response: HttpClientResponse.HttpClientResponse) =>
        Effect.flatMap(
          readErrorBody(name, response, maxBytes),
          (text) =>
            Effect.flatMap(
              Clock.currentTimeMillis,
              (now) => Effect.fail(statusError(operation, response.status, response.headers, text, now, bodyRedactor))
            )
        )
      // The body is read in the attempt (under the timeout); it is decoded after the attempt's fiber has ended,
      // in the caller's fiber: the decoded value never passes through the attempt's fiber (see `attemptIn`).
      const receive = (
        response: HttpClientResponse.HttpClientResponse
      ): Effect.Effect<Body, OperationError<S> | HttpClientError.HttpClientError> =>
        response.status >= 200 && response.status < 300
          ? Effect.map(read(response), (text) => ({ status: response.status, text }))
          : failed(response)
      const decodeWith = (
        implied: RequestInput["implied"],
        span: Tracer.Span | undefined
      ) =>
      (body: Body): Effect.Effect<A, DecodeError> => {
        const result = decode(body.status, body.text, implied)
        if (Either.isRight(result)) return result
        return failUnder(result.left, span)
      }
      const policyOf = (fiber: Fiber.RuntimeFiber<unknown, unknown>): RetryPolicy.RetryPolicy => {
        const current = Context.get(fiber.currentContext, RetryPolicy.CurrentRetryPolicy)
        return current._tag === "Some" ? current.value : config.retry
      }

      return (input, span) => {
        const request = buildRequest(input)
        const decodeBody = decodeWith(input.implied, span)
        const key = input.writeLimitKey
        const send = Effect.mapError(Effect.flatMap(httpClient.execute(request), receive), onAttemptError)
        // an attempt, from the fiber that runs the call
        const attemptFrom = (caller: Fiber.RuntimeFiber<unknown, unknown>): Effect.Effect<Body, OperationError<S>> => {
          const quiet = isQuiet(caller)
          return timesOut ? attemptIn(name, send, span, quiet) : inAttemptRefs(send, span, quiet)
        }
        const attemptNow = Effect.withFiberRuntime<Body, OperationError<S>>(attemptFrom)
        const attempt = Effect.flatMap(
          key === undefined ? attemptNow : Effect.zipRight(limiter.take(key), attemptNow),
          decodeBody
        )
        if (ablation.retry) return attempt
        return Effect.withFiberRuntime<A, OperationError<S>>((caller) => {
          const policy = policyOf(caller)
          if (policy !== RetryPolicy.none) return Effect.retry(attempt, scheduleFor(policy, operation))
          // no retry, no write limit: the attempt starts now, from this fiber (one step less)
          return key === undefined ? Effect.flatMap(attemptFrom(caller), decodeBody) : attempt
        })
      }
    }

    return prepare
  })
