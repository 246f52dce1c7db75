/**
 * The one request pipeline every operation goes through:
 *
 * validate + encode input → build the request (percent-encoded path, repeated query keys, JSON or multipart
 * body, headers) → per-user pacing → send with a timeout → read the body under a size bound → map the status
 * to a tagged error or decode the body with the operation's schema → retry by the policy.
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { ClerkConfig } from "../ClerkConfig.js"
import type { ClerkError, DocumentedStatus, OperationError, StatusErrors } from "../ClerkError.js"
import {
  DecodeError,
  InvalidRequest,
  RateLimited,
  ServerError,
  statusErrorClasses,
  TransportError,
  UnexpectedStatus
} from "../ClerkError.js"
import * as RetryPolicy from "../RetryPolicy.js"
import { ClerkApiError } from "../Verification.js"
import * as FastCodec from "./fastCodec.js"
import * as KeyedLimiter from "./keyedLimiter.js"
import type { Operation } from "./operations.js"

// -----------------------------------------------------------------------------
// input
// -----------------------------------------------------------------------------

/**
 * A request body, already in its wire form.
 *
 * @internal
 */
export type Body =
  | { readonly _tag: "Json"; readonly text: string }
  | { readonly _tag: "Multipart"; readonly form: FormData }

/**
 * What an operation sends, beyond its method and path template.
 *
 * @internal
 */
export interface RequestInput {
  /** The values of the path template's `{...}` parameters, in order, not yet encoded. */
  readonly params?: ReadonlyArray<string>
  readonly urlParams?: UrlParams.UrlParams
  readonly body?: Body
  /** Pace this request under the per-user write limit, keyed by this user id. */
  readonly writeLimitKey?: string
}

const MAX_ID_LENGTH = 1024

const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    .test(s)

/**
 * Checks a path parameter: it must be non-blank, well-formed Unicode, not a dot segment (`.` and `..` are
 * resolved away by URL parsers whatever their encoding) and of a sane length.
 *
 * @internal
 */
export const validateId = (operation: string, field: string, value: unknown): Effect.Effect<string, InvalidRequest> => {
  const problem = idProblem(field, value)
  return problem === undefined
    ? Effect.succeed(value as string)
    : Effect.fail(new InvalidRequest({ operation, field, message: problem }))
}

/**
 * Why a path parameter cannot be sent, or `undefined` when it can.
 *
 * @internal
 */
export const idProblem = (field: string, value: unknown): string | undefined => {
  if (typeof value !== "string") return `${field} must be a string`
  if (value.trim() === "") return `${field} must not be empty`
  if (value === "." || value === "..") return `${field} cannot be a dot segment ("${value}")`
  if (value.length > MAX_ID_LENGTH) return `${field} is longer than ${MAX_ID_LENGTH} characters`
  if (hasLoneSurrogate(value)) return `${field} is not well-formed Unicode (lone surrogate)`
  return undefined
}

const issueOf = (error: ParseResult.ParseError): { readonly field: string; readonly message: string } => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  if (first === undefined) return { field: "params", message: "invalid parameters" }
  const field = first.path.length === 0 ? "params" : first.path.map(String).join(".")
  return { field, message: first.message }
}

const invalidFromParseError = (operation: string, fieldPrefix: string) => (error: ParseResult.ParseError) => {
  const { field, message } = issueOf(error)
  return new InvalidRequest({
    operation,
    field: field === "params" ? fieldPrefix || "params" : fieldPrefix === "" ? field : `${fieldPrefix}.${field}`,
    message
  })
}

/**
 * Encodes query parameters with their schema (which validates them) into repeated-key URL parameters. Absent
 * values are omitted; `false` and `0` are sent.
 *
 * @internal
 */
export const encodeQuery = <A, I extends { readonly [key: string]: unknown }>(
  operation: string,
  schema: Schema.Schema<A, I>,
  value: A | undefined,
  field = "params"
): Effect.Effect<UrlParams.UrlParams, InvalidRequest> => {
  if (value === undefined) return Effect.succeed(UrlParams.empty)
  return Either.match(Schema.encodeEither(schema, { onExcessProperty: "error" })(value), {
    onLeft: (error) => Effect.fail(invalidFromParseError(operation, field)(error)),
    onRight: (encoded) => {
      const out: Array<readonly [string, string]> = []
      for (const key of Object.keys(encoded)) {
        const v = encoded[key]
        if (v === undefined || v === null) continue
        for (const item of Array.isArray(v) ? v : [v]) {
          const text = String(item)
          // a URL carries UTF-8: a lone surrogate would silently become U+FFFD, another value than the one given
          if (hasLoneSurrogate(text)) {
            const name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
            return Effect.fail(
              new InvalidRequest({
                operation,
                field: field === "" ? name : `${field}.${name}`,
                message: "is not well-formed Unicode (lone surrogate)"
              })
            )
          }
          out.push([key, text])
        }
      }
      return Effect.succeed(out)
    }
  })
}

/**
 * Encodes a JSON body with its schema (which validates it).
 *
 * @internal
 */
export const encodeJsonBody = <A, I>(
  operation: string,
  schema: Schema.Schema<A, I>,
  value: A,
  field = "params"
): Effect.Effect<Body, InvalidRequest> =>
  Either.match(Schema.encodeEither(schema, { onExcessProperty: "error" })(value), {
    onLeft: (error) => Effect.fail(invalidFromParseError(operation, field)(error)),
    onRight: (encoded) =>
      Effect.try({
        try: (): Body => ({ _tag: "Json", text: JSON.stringify(encoded) }),
        catch: (cause) =>
          new InvalidRequest({
            operation,
            field,
            message: `cannot be serialized as JSON: ${cause instanceof Error ? cause.message : String(cause)}`
          })
      })
  })

// -----------------------------------------------------------------------------
// output
// -----------------------------------------------------------------------------

const encodeSegment = (segment: string): string => encodeURIComponent(segment)

/**
 * Fills a path template (`/users/{user_id}/ban`) with percent-encoded parameters.
 *
 * @internal
 */
export const fillPath = (template: string, params: ReadonlyArray<string>): string => {
  let i = 0
  return template.replace(/\{[a-z0-9_]+\}/g, () => encodeSegment(params[i++] ?? ""))
}

const MAX_RETRY_AFTER_SECONDS = 24 * 3600

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date. Anything else is ignored.
 *
 * @internal
 */
export const parseRetryAfter = (value: string | undefined, nowMillis: number): Duration.Duration | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed)
    return Number.isFinite(seconds) ? Duration.seconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS)) : undefined
  }
  if (!/[a-z]/i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (!Number.isFinite(date)) return undefined
  return Duration.millis(Math.min(Math.max(0, date - nowMillis), MAX_RETRY_AFTER_SECONDS * 1000))
}

const decodeApiError = Schema.decodeUnknownOption(ClerkApiError)

/**
 * Decodes Clerk's error body (`{ errors: [...], clerk_trace_id }`) leniently: malformed entries are skipped,
 * a body that is not JSON yields no entries.
 *
 * @internal
 */
export const parseErrorBody = (
  text: string
): { readonly errors: ReadonlyArray<ClerkApiError>; readonly clerkTraceId?: string } => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { errors: [] }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { errors: [] }
  const body = json as { readonly errors?: unknown; readonly clerk_trace_id?: unknown }
  const errors: Array<ClerkApiError> = []
  if (Array.isArray(body.errors)) {
    for (const entry of body.errors.slice(0, 100)) {
      try {
        const decoded = decodeApiError(entry)
        if (Option.isSome(decoded)) errors.push(decoded.value)
      } catch {
        // an entry nested deeper than the stack: skipped, like any malformed entry
      }
    }
  }
  const traceId = body.clerk_trace_id
  return typeof traceId === "string" ? { errors, clerkTraceId: traceId } : { errors }
}

const isDocumented = <S extends DocumentedStatus>(
  statuses: ReadonlyArray<S>,
  status: number
): status is S & keyof typeof statusErrorClasses =>
  (statuses as ReadonlyArray<number>).includes(status) && status in statusErrorClasses

/**
 * The details of a failed response: Clerk's errors, its trace id and the `Retry-After` delay.
 *
 * @internal
 */
export interface FailureDetails {
  readonly errors: ReadonlyArray<ClerkApiError>
  readonly clerkTraceId?: string
  readonly retryAfter?: Duration.Duration
}

/**
 * Maps a non-2xx status to the operation's tagged error: 429 is `RateLimited`, 5xx `ServerError`, a documented
 * 4xx its own class, anything else `UnexpectedStatus`.
 *
 * @internal
 */
export const errorForStatus = <S extends DocumentedStatus>(
  operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
  status: number,
  details: FailureDetails
): OperationError<S> => {
  const { retryAfter, ...body } = details
  const fields = { operation: operation.name, status, ...body }
  if (status === 429) return new RateLimited(retryAfter === undefined ? fields : { ...fields, retryAfter })
  if (status >= 500 && status <= 599) {
    return new ServerError(retryAfter === undefined ? fields : { ...fields, retryAfter })
  }
  if (isDocumented(operation.statuses, status)) {
    const ErrorClass = statusErrorClasses[status]
    return new ErrorClass(fields) as StatusErrors[S]
  }
  return new UnexpectedStatus(fields)
}

/**
 * Maps a non-2xx response (status, headers, body text) to the operation's tagged error.
 *
 * @internal
 */
export const statusError = <S extends DocumentedStatus>(
  operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
  status: number,
  headers: { readonly [name: string]: string | undefined },
  text: string,
  nowMillis: number
): OperationError<S> => {
  const body = parseErrorBody(text)
  const retryAfter = status === 429 || status >= 500 ? parseRetryAfter(headers["retry-after"], nowMillis) : undefined
  return errorForStatus(operation, status, retryAfter === undefined ? body : { ...body, retryAfter })
}

const decoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

/**
 * The decoder of a response schema: the compiled fast path, and Effect's decoder whenever the fast path does
 * not accept the value (for the authoritative error, or result).
 *
 * @internal
 */
export const decoderFor = <A, I>(
  schema: Schema.Schema<A, I>
): (u: unknown) => Either.Either<A, ParseResult.ParseError> => {
  let decoder = decoders.get(schema)
  if (decoder === undefined) {
    const fast = FastCodec.compile(schema)
    const slow = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
    decoder = (u: unknown) => {
      const value = fast(u)
      return value === FastCodec.FAIL ? slow(u) : Either.right(value)
    }
    decoders.set(schema, decoder)
  }
  return decoder as (u: unknown) => Either.Either<A, ParseResult.ParseError>
}

const MAX_DECODE_MESSAGE = 2_000

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s)

/**
 * Decodes a successful response body with the operation's schema.
 *
 * @internal
 */
export const decodeSuccess = <A, I>(
  operation: { readonly name: string; readonly success: Schema.Schema<A, I> },
  status: number,
  text: string
): Either.Either<A, DecodeError> => {
  const failure = (reason: "Json" | "Schema", message: string) =>
    Either.left(new DecodeError({ operation: operation.name, status, reason, message }))
  const reasonOf = (cause: unknown) => (cause instanceof Error ? cause.message : "unknown error")
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    return failure("Json", `the response body is not JSON (${reasonOf(cause)})`)
  }
  try {
    const decoded = decoderFor(operation.success)(json)
    return Either.isRight(decoded)
      ? Either.right(decoded.right)
      : failure("Schema", truncate(ParseResult.TreeFormatter.formatErrorSync(decoded.left), MAX_DECODE_MESSAGE))
  } catch (cause) {
    // a body nested deeper than the stack (JSON.parse accepts it) exhausts the recursive checks: refuse it
    return failure("Schema", `the response body could not be decoded (${reasonOf(cause)})`)
  }
}

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
 * Reads a response body as text, refusing one larger than `maxBytes` (by `Content-Length` up front, or while
 * streaming when the length is unknown), and closing the connection in that case.
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
  if (Number.isSafeInteger(length) && length >= 0) {
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
 * Runs one operation.
 *
 * @internal
 */
export interface Executor {
  <A, I, S extends DocumentedStatus>(
    operation: Operation<A, I, S>,
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
    operation: Pick<Operation<unknown, unknown, never>, "method" | "path">,
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

  // a server (or a proxy) may echo the credentials it was sent: no error this client builds carries them
  const secret = Redacted.value(config.secretKey)
  const leaks = (text: string): boolean => secret.length >= 8 && text.includes(secret)
  const redact = (text: string): string => (leaks(text) ? text.replaceAll(secret, "<redacted>") : text)
  const redactMessage = <E extends TransportError | DecodeError>(error: E): E => {
    if (!leaks(error.message)) return error
    const message = redact(error.message)
    return (error._tag === "TransportError"
      ? new TransportError({ operation: error.operation, reason: error.reason, message })
      : new DecodeError({ operation: error.operation, status: error.status, reason: error.reason, message })) as E
  }

  // the hot path is written with plain combinators (no generators): it runs for every request
  const execute: Executor = <A, I, S extends DocumentedStatus>(operation: Operation<A, I, S>, input: RequestInput) =>
    Effect.flatMap(RetryPolicy.CurrentRetryPolicy, (current) => {
      const request = buildRequest(operation, input)
      const send = Effect.flatMap(
        Effect.mapError(httpClient.execute(request), (error) => redactMessage(transportError(operation.name)(error))),
        (response) =>
          response.status >= 200 && response.status < 300
            ? Effect.flatMap(
              Effect.mapError(readBody(operation.name, response, maxBytes), redactMessage),
              (text) => {
                const decoded = decodeSuccess(operation, response.status, text)
                return Either.isLeft(decoded) ? Either.left(redactMessage(decoded.left)) : decoded
              }
            )
            : Effect.flatMap(
              readErrorBody(operation.name, response, maxBytes),
              (text) =>
                Effect.flatMap(
                  Clock.currentTimeMillis,
                  (now) => Effect.fail(statusError(operation, response.status, response.headers, redact(text), now))
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
