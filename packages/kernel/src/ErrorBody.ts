/**
 * The error body Clerk sends, `{ errors: [{ code, message, long_message, meta }], meta: {}, clerk_trace_id }`,
 * for a failure of the `ErrorCatalogue`, and the headers of an error response: a JSON content type with no
 * parameter, `Connection: close` after a body refused for its size, `Retry-After` in whole seconds.
 *
 * @since 0.2.0
 */
import type { ApiError, Failure } from "./ErrorCatalogue.js"

/**
 * The content type of every JSON answer: exactly `application/json`, with no parameter (`@clerk/backend` 1.x
 * parses a body as JSON only when the header is that string).
 *
 * @since 0.2.0
 * @category constants
 */
export const JSON_CONTENT_TYPE = "application/json"

const wireError = (error: ApiError): Record<string, unknown> => {
  const out: Record<string, unknown> = { code: error.code, message: error.message }
  if (error.longMessage !== undefined) out["long_message"] = error.longMessage
  if (error.meta !== undefined) out["meta"] = error.meta
  return out
}

/**
 * The JSON text of Clerk's error body for a failure, with its trace id.
 *
 * @since 0.2.0
 * @category encoding
 */
export const encode = (failure: Failure, traceId: string): string =>
  JSON.stringify({ errors: failure.errors.map(wireError), meta: {}, clerk_trace_id: traceId })

/**
 * The headers of an error response beside `extra`: a body refused for its size was not read to its end, so the
 * connection is closed (`Connection: close`) rather than drained.
 *
 * @since 0.2.0
 * @category encoding
 */
export const headers = (
  failure: Failure,
  extra: Readonly<Record<string, string>> = {}
): Record<string, string> => failure.status === 413 ? { ...extra, connection: "close" } : { ...extra }

/**
 * The `Retry-After` value of a wait, in whole seconds rounded up.
 *
 * @since 0.2.0
 * @category encoding
 */
export const retryAfter = (seconds: number): string => String(Math.ceil(seconds))
