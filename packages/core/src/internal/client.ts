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
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { ClerkConfig } from "../ClerkConfig.js"
import type { DocumentedStatus, OperationError, StatusErrors } from "../ClerkError.js"
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
  const fail = (message: string) => Effect.fail(new InvalidRequest({ operation, field, message }))
  if (typeof value !== "string") return fail(`${field} must be a string`)
  if (value.trim() === "") return fail(`${field} must not be empty`)
  if (value === "." || value === "..") return fail(`${field} cannot be a dot segment ("${value}")`)
  if (value.length > MAX_ID_LENGTH) return fail(`${field} is longer than ${MAX_ID_LENGTH} characters`)
  if (hasLoneSurrogate(value)) return fail(`${field} is not well-formed Unicode (lone surrogate)`)
  return Effect.succeed(value)
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
        if (Array.isArray(v)) {
          for (const item of v) out.push([key, String(item)])
        } else {
          out.push([key, String(v)])
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
      const decoded = decodeApiError(entry)
      if (Option.isSome(decoded)) errors.push(decoded.value)
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

const decoderFor = <A, I>(schema: Schema.Schema<A, I>): (u: unknown) => Either.Either<A, ParseResult.ParseError> => {
  let decoder = decoders.get(schema)
  if (decoder === undefined) {
    decoder = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
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
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    return Either.left(
      new DecodeError({
        operation: operation.name,
        status,
        reason: "Json",
        message: `the response body is not JSON (${cause instanceof Error ? cause.message : "parse error"})`
      })
    )
  }
  return Either.mapLeft(decoderFor(operation.success)(json), (error) =>
    new DecodeError({
      operation: operation.name,
      status,
      reason: "Schema",
      message: truncate(ParseResult.TreeFormatter.formatErrorSync(error), MAX_DECODE_MESSAGE)
    }))
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
  const length = declared === undefined ? Number.NaN : Number(declared)
  if (Number.isSafeInteger(length) && length >= 0) {
    if (length > maxBytes) {
      return Effect.zipRight(
        response.stream.pipe(Stream.take(1), Stream.runDrain, Effect.ignore),
        Effect.fail(tooLarge())
      )
    }
    return Effect.mapError(response.text, transportError(operation))
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

  const execute: Executor = Effect.fnUntraced(function*<A, I, S extends DocumentedStatus>(
    operation: Operation<A, I, S>,
    input: RequestInput
  ) {
    const request = buildRequest(operation, input)
    const policy = Option.getOrElse(yield* RetryPolicy.CurrentRetryPolicy, () => config.retry)

    const attempt: Effect.Effect<A, OperationError<S>> = Effect.gen(function*() {
      if (input.writeLimitKey !== undefined) yield* limiter.take(input.writeLimitKey)
      const response = yield* Effect.mapError(httpClient.execute(request), transportError(operation.name))
      const text = yield* readBody(operation.name, response, maxBytes)
      const status = response.status
      if (status >= 200 && status < 300) {
        return yield* decodeSuccess(operation, status, text)
      }
      const now = yield* Clock.currentTimeMillis
      return yield* Effect.fail(statusError(operation, status, response.headers, text, now))
    }).pipe(
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: () =>
          new TransportError({
            operation: operation.name,
            reason: "Timeout",
            message: `no complete response within ${Duration.format(timeout)}`
          })
      })
    )

    return yield* Effect.retry(
      attempt,
      RetryPolicy.toSchedule(policy, { operation: operation.name, idempotent: operation.idempotent })
    )
  })

  return execute
})
