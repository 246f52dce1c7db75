/**
 * A response into the operation's value or its tagged error: the status decides the error class (429
 * `RateLimited`, 5xx `ServerError`, a documented 4xx its own class, anything else `UnexpectedStatus`), Clerk's
 * error body is read leniently, a success body is decoded with the operation's schema.
 *
 * @internal
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import type { DocumentedStatus, OperationError, StatusErrors } from "../ClerkError.js"
import { DecodeError, RateLimited, ServerError, statusErrorClasses, UnexpectedStatus } from "../ClerkError.js"
import { ClerkApiError } from "../ClerkError.js"
import { decoderFor } from "./codec.js"
import * as Redact from "./redact.js"

export const parseRetryAfter = (value: string | undefined, nowMillis: number): Duration.Duration | undefined => {
  const millis = ClientErrors.parseRetryAfter(value, nowMillis)
  return millis === undefined ? undefined : Duration.millis(millis)
}

const decodeApiError = decoderFor(ClerkApiError)

/**
 * An error entry with the secret redacted from every text it carries: `code`, `message`, `longMessage`, and
 * `meta`'s keys and values at any depth.
 */

/**
 * Decodes Clerk's error body (`{ errors: [...], clerk_trace_id }`) leniently: malformed entries are skipped,
 * a body that is not JSON yields no entries. Entries are decoded like success bodies (the compiled codec: a
 * `__proto__` key of `meta` stays an ordinary key), then `redactor` removes the secret from every text of
 * the decoded entries and from the trace id (after decoding, so that an escaped echo is found too).
 *
 * @internal
 */
export const parseErrorBody = (
  text: string,
  redactor: Redact.Redactor = Redact.none
): { readonly errors: ReadonlyArray<ClerkApiError>; readonly clerkTraceId?: string } => {
  const { entries, traceId } = ClientErrors.errorBodyParts(text)
  const errors: Array<ClerkApiError> = []
  for (const entry of entries) {
    try {
      const decoded = decodeApiError(entry)
      if (Either.isRight(decoded)) errors.push(Redact.apiError(redactor, decoded.right))
    } catch {
      // an entry nested deeper than the stack: skipped, like any malformed entry
    }
  }
  return typeof traceId === "string" ? { errors, clerkTraceId: redactor.text(traceId) } : { errors }
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
  // The fields are valid by construction (a decoded body, the response's status): the constructors' validation
  // (`true`: off) would check them again on every failed response (and copy them through Effect's generic
  // codec, which drops a `__proto__` key of `meta` that the decoder kept as an ordinary key).
  const make = (): OperationError<S> => {
    // the tag is the kernel's (`ClientErrors.statusTag`); the classes are this line's
    const tag = ClientErrors.statusTag(status, operation.statuses)
    if (tag === "RateLimited") {
      return new RateLimited(retryAfter === undefined ? fields : { ...fields, retryAfter }, true)
    }
    if (tag === "ServerError") {
      return new ServerError(retryAfter === undefined ? fields : { ...fields, retryAfter }, true)
    }
    if (tag !== "UnexpectedStatus" && isDocumented(operation.statuses, status)) {
      const ErrorClass = statusErrorClasses[status]
      return new ErrorClass(fields, true) as StatusErrors[S]
    }
    return new UnexpectedStatus(fields, true)
  }
  return ClientErrors.withoutStack(make)
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
  nowMillis: number,
  redactor: Redact.Redactor = Redact.none
): OperationError<S> => {
  const body = parseErrorBody(text, redactor)
  const wait = ClientErrors.retryAfterOf(status, headers["retry-after"], nowMillis)
  const retryAfter = wait === undefined ? undefined : Duration.millis(wait)
  return errorForStatus(operation, status, retryAfter === undefined ? body : { ...body, retryAfter })
}

/**
 * The decoder of an operation's successful response bodies, built once per operation: `JSON.parse`, the fields
 * the success implies, then the operation's compiled decoder. `redactor` removes the secret from a failure's
 * message before it is cut to its maximum length.
 *
 * @internal
 */
export const successDecoder = <A, I>(
  operation: { readonly name: string; readonly success: Schema.Schema<A, I> },
  redactor: Redact.Redactor = Redact.none
): (
  status: number,
  text: string,
  implied?: ReadonlyArray<readonly [string, unknown]>
) => Either.Either<A, DecodeError> => {
  const decode = decoderFor(operation.success)
  const failure = (status: number, reason: "Json" | "Schema", message: string) =>
    Either.left(
      new DecodeError({
        operation: operation.name,
        status,
        reason,
        message: ClientErrors.decodeMessage(redactor.text(message))
      })
    )
  return (status, text, implied) => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (cause) {
      return failure(status, "Json", ClientErrors.notJsonMessage(cause))
    }
    if (implied !== undefined && typeof json === "object" && json !== null && !Array.isArray(json)) {
      // fields a success implies (the spec does not require them): filled in when the server left them out
      for (const [wire, value] of implied) {
        if (!Object.prototype.hasOwnProperty.call(json, wire)) (json as Record<string, unknown>)[wire] = value
      }
    }
    try {
      const decoded = decode(json)
      return Either.isRight(decoded)
        ? Either.right(decoded.right)
        : failure(status, "Schema", ParseResult.TreeFormatter.formatErrorSync(decoded.left))
    } catch (cause) {
      // a body nested deeper than the stack (JSON.parse accepts it) exhausts the recursive checks: refuse it
      return failure(status, "Schema", ClientErrors.undecodableMessage(cause))
    }
  }
}

/**
 * Decodes a successful response body with the operation's schema (see `successDecoder`).
 *
 * @internal
 */
export const decodeSuccess = <A, I>(
  operation: { readonly name: string; readonly success: Schema.Schema<A, I> },
  status: number,
  text: string,
  redactor: Redact.Redactor = Redact.none,
  implied?: ReadonlyArray<readonly [string, unknown]>
): Either.Either<A, DecodeError> => successDecoder(operation, redactor)(status, text, implied)
