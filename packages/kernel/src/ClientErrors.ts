/**
 * How a client reads Clerk's error responses, as plain rules both Effect lines apply: the error tag of a status
 * (`statusTag`), the wait a `Retry-After` header asks for (`parseRetryAfter`), which failures are worth a
 * retry (`isRetryable`), and the `message` of an error built from a response (`describe`).
 *
 * @since 0.3.0
 */
import type { ApiError } from "./ErrorCatalogue.js"
import { isIdentifierTaken } from "./ErrorCatalogue.js"

/**
 * The tag of each client-error status Clerk documents (a documented status an operation does not list is an
 * `UnexpectedStatus` for it).
 *
 * @since 0.3.0
 * @category tags
 */
export const statusTags = {
  400: "BadRequest",
  401: "AuthenticationInvalid",
  402: "PaymentRequired",
  403: "AuthorizationInvalid",
  404: "ResourceNotFound",
  409: "Conflict",
  422: "UnprocessableEntity"
} as const

/**
 * The tag of an error response's status for an operation documenting `documented`: `RateLimited` for 429,
 * `ServerError` for 5xx, the documented status's own tag, else `UnexpectedStatus`.
 *
 * @since 0.3.0
 * @category tags
 */
export const statusTag = (
  status: number,
  documented: ReadonlyArray<number>
): (typeof statusTags)[keyof typeof statusTags] | "RateLimited" | "ServerError" | "UnexpectedStatus" => {
  if (status === 429) return "RateLimited"
  if (status >= 500 && status <= 599) return "ServerError"
  if (documented.includes(status) && Object.hasOwn(statusTags, status)) {
    return statusTags[status as keyof typeof statusTags]
  }
  return "UnexpectedStatus"
}

/**
 * The longest wait a `Retry-After` is read as (a day): a longer one is capped.
 *
 * @since 0.3.0
 * @category retry
 */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds (fractions accepted) or an HTTP date
 * (relative to `nowMillis`, never negative), capped at `MAX_RETRY_AFTER_SECONDS`; `undefined` when absent or
 * unreadable.
 *
 * @since 0.3.0
 * @category retry
 */
export const parseRetryAfter = (value: string | undefined, nowMillis: number): number | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed)
    return Number.isFinite(seconds) ? Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000 : undefined
  }
  if (!/[a-z]/i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (!Number.isFinite(date)) return undefined
  return Math.min(Math.max(0, date - nowMillis), MAX_RETRY_AFTER_SECONDS * 1000)
}

/**
 * The wait an error response asks for: its `Retry-After` (`parseRetryAfter`) when the status is one Clerk sends
 * it with (429, or a 5xx), `undefined` otherwise.
 *
 * @since 0.3.0
 * @category retry
 * @example
 * ```ts
 * import { ClientErrors } from "@effect-clerk/kernel"
 *
 * console.log(ClientErrors.retryAfterOf(429, "3", 0), ClientErrors.retryAfterOf(404, "3", 0)) // 3000 undefined
 * ```
 */
export const retryAfterOf = (status: number, value: string | undefined, nowMillis: number): number | undefined =>
  status === 429 || status >= 500 ? parseRetryAfter(value, nowMillis) : undefined

/**
 * Runs `make` with V8's stack capture off (`Error.stackTraceLimit` 0, then restored): an error built from a
 * response deep in a line's pipeline would capture only the library's and Effect's frames, and capturing them was
 * most of the cost of an error response; what says where the error comes from is its `operation` field. Where
 * `Error.stackTraceLimit` cannot be set (frozen intrinsics), `make` runs as usual.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { ClientErrors } from "@effect-clerk/kernel"
 *
 * const error = ClientErrors.withoutStack(() => new Error("404"))
 * console.log(error.message) // "404"
 * ```
 */
export const withoutStack = <A>(make: () => A): A => {
  const saved = Error.stackTraceLimit
  if (!Reflect.set(Error, "stackTraceLimit", 0)) return make()
  try {
    return make()
  } finally {
    Error.stackTraceLimit = saved
  }
}

/**
 * The statuses a `ServerError` is retried on (an idempotent operation's): the transient ones.
 *
 * @since 0.3.0
 * @category retry
 */
export const transientServerStatuses: ReadonlySet<number> = new Set([502, 503, 504])

/**
 * Whether a failure may be retried by default: a 429 always, a transient 5xx or a transport failure when the
 * operation is idempotent, nothing else.
 *
 * @since 0.3.0
 * @category retry
 */
export const isRetryable = (
  error: { readonly _tag: string; readonly status?: number },
  idempotent: boolean
): boolean => {
  switch (error._tag) {
    case "RateLimited":
      return true
    case "ServerError":
      return idempotent && error.status !== undefined && transientServerStatuses.has(error.status)
    case "TransportError":
      return idempotent
    default:
      return false
  }
}

/**
 * A duration in milliseconds as the Effect lines print one (`3s`, `1m 30s`, `1s 500ms`, `0`).
 *
 * @since 0.3.0
 * @category messages
 */
export const formatMillis = (millis: number): string => {
  if (!Number.isFinite(millis)) return "Infinity"
  const whole = Math.floor(millis)
  if (millis <= 0) return "0"
  const nanos = Math.round((millis - whole) * 1_000_000)
  const pieces: Array<string> = []
  const units: ReadonlyArray<readonly [number, string]> = [[86_400_000, "d"], [3_600_000, "h"], [60_000, "m"], [
    1000,
    "s"
  ], [1, "ms"]]
  let rest = whole
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size)
    rest -= count * size
    if (count !== 0) pieces.push(`${count}${unit}`)
  }
  if (nanos !== 0) pieces.push(`${nanos}ns`)
  return pieces.join(" ")
}

/**
 * The `message` of an error built from a response: the operation, the status, the first of Clerk's errors (and
 * how many more), the trace id and the wait asked for, when there are.
 *
 * @since 0.3.0
 * @category messages
 */
export const describe = (self: {
  readonly operation: string
  readonly status: number
  readonly errors: ReadonlyArray<Pick<ApiError, "code" | "message"> & { readonly longMessage?: string | undefined }>
  readonly clerkTraceId?: string | undefined
  readonly retryAfterMillis?: number | undefined
}): string => {
  const first = self.errors[0]
  const detail = first === undefined
    ? "no error details"
    : `${first.code}: ${first.longMessage ?? first.message}${
      self.errors.length > 1 ? ` (+${self.errors.length - 1} more)` : ""
    }`
  const trace = self.clerkTraceId === undefined ? "" : ` [trace ${self.clerkTraceId}]`
  const wait = self.retryAfterMillis === undefined ? "" : `, retry after ${formatMillis(self.retryAfterMillis)}`
  return `${self.operation} failed with status ${self.status}, ${detail}${trace}${wait}`
}

/**
 * The message of an error and of its causes, nested at most four deep (`fetch failed (connect ECONNREFUSED)`).
 *
 * @since 0.3.0
 * @category messages
 */
export const causeMessage = (cause: unknown, depth = 0): string => {
  if (!(cause instanceof Error) || depth > 3) return ""
  const inner = causeMessage(cause.cause, depth + 1)
  return `${cause.message}${inner === "" ? "" : ` (${inner})`}`
}

/**
 * The message of a transport failure: the client's message, with its causes' when it does not already say them.
 *
 * @since 0.3.0
 * @category messages
 */
export const transportMessage = (message: string, cause: unknown): string => {
  const inner = causeMessage(cause)
  return inner === "" || message.includes(inner) ? message : `${message}: ${inner}`
}

/**
 * The longest message a decode failure carries (a schema's report of a large body can be long).
 *
 * @since 0.3.0
 * @category messages
 */
export const MAX_DECODE_MESSAGE = 2_000

/**
 * A decode failure's message, truncated to `MAX_DECODE_MESSAGE` (after redaction: a key cut in two is no
 * longer found).
 *
 * @since 0.3.0
 * @category messages
 */
export const decodeMessage = (message: string): string =>
  message.length > MAX_DECODE_MESSAGE ? `${message.slice(0, MAX_DECODE_MESSAGE)}…` : message

const jsonProblem = (cause: unknown): string =>
  cause instanceof Error ? cause.message.replace(/"[\s\S]*"(\.\.\.)?/, "…") : "unknown error"

/**
 * The message of a 2xx body that is not JSON (the parser's reason, without the body's text).
 *
 * @since 0.3.0
 * @category messages
 */
export const notJsonMessage = (cause: unknown): string => `the response body is not JSON (${jsonProblem(cause)})`

/**
 * The message of a 2xx body too deep to decode (the checks exhausted the stack).
 *
 * @since 0.3.0
 * @category messages
 */
export const undecodableMessage = (cause: unknown): string =>
  `the response body could not be decoded (${cause instanceof Error ? cause.message : "unknown error"})`

/**
 * The message of a body over the client's bound.
 *
 * @since 0.3.0
 * @category messages
 */
export const tooLargeMessage = (maxBytes: number): string =>
  `the response body is larger than the ${maxBytes}-byte bound`

/**
 * The most entries of an error body's `errors` a client reads.
 *
 * @since 0.3.0
 * @category parsing
 */
export const MAX_ERROR_ENTRIES = 100

/**
 * The parts of an error body a client reads: its `errors` entries (at most `MAX_ERROR_ENTRIES`, still to be
 * decoded by the line's schema) and its `clerk_trace_id`; nothing when the body is not a JSON object.
 *
 * @since 0.3.0
 * @category parsing
 */
export const errorBodyParts = (
  text: string
): { readonly entries: ReadonlyArray<unknown>; readonly traceId: string | undefined } => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { entries: [], traceId: undefined }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { entries: [], traceId: undefined }
  const body = json as { readonly errors?: unknown; readonly clerk_trace_id?: unknown }
  return {
    entries: Array.isArray(body.errors) ? body.errors.slice(0, MAX_ERROR_ENTRIES) : [],
    traceId: typeof body.clerk_trace_id === "string" ? body.clerk_trace_id : undefined
  }
}

/**
 * What `createOnce` does after a failed create: look the user up by external id (`"ambiguous"`: a transport
 * failure or a 5xx may have happened after Clerk created it, so try again if it is not there; `"taken"`: the
 * external id is already someone's, who is the answer), or give up (`undefined`).
 *
 * @since 0.3.0
 * @category createOnce
 */
export const createOnceCase = (
  error: {
    readonly _tag: string
    readonly errors?: ReadonlyArray<
      { readonly code: string; readonly meta?: { readonly [key: string]: unknown } | undefined }
    >
  }
): "ambiguous" | "taken" | undefined =>
  error._tag === "TransportError" || error._tag === "ServerError"
    ? "ambiguous"
    : error._tag === "UnprocessableEntity" && isIdentifierTaken(error.errors ?? [], "external_id")
    ? "taken"
    : undefined

/**
 * `createOnce`'s first wait before trying again, doubled at each attempt.
 *
 * @since 0.3.0
 * @category createOnce
 */
export const CREATE_ONCE_FIRST_DELAY_MILLIS = 250

/**
 * `createOnce`'s attempts when none are given.
 *
 * @since 0.3.0
 * @category createOnce
 */
export const CREATE_ONCE_ATTEMPTS = 4

/**
 * The message of a `createOnce` without an external id to recognize the user by.
 *
 * @since 0.3.0
 * @category createOnce
 */
export const CREATE_ONCE_NEEDS_EXTERNAL_ID = "createOnce needs a non-empty externalId to recognize the user"
