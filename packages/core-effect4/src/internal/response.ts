/**
 * A response into the call's value or its error: a non-2xx status into the operation's tagged error (the
 * kernel's `ClientErrors.statusTag`; Clerk's `errors` and trace id redacted of the key; `Retry-After` read by
 * the kernel's rule), a 2xx body into the value by the operation's schema, or a typed `DecodeError`.
 *
 * @internal
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Redaction from "@effect-clerk/kernel/Redaction"
import * as Duration from "effect/Duration"
import * as Predicate from "effect/Predicate"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { ClerkApiError, ClerkError } from "../ClerkError.js"
import * as Errors from "../ClerkError.js"
import type { AnySchema } from "./operation.js"

/**
 * What an error response says besides its status.
 *
 * @internal
 */
export interface FailureDetails {
  readonly errors: ReadonlyArray<ClerkApiError>
  readonly clerkTraceId?: string
  readonly retryAfter?: Duration.Duration
}

/**
 * The error of a status for an operation documenting `statuses`: `RateLimited` for 429, `ServerError` for 5xx,
 * the documented status's class, else `UnexpectedStatus` (the kernel's `ClientErrors.statusTag`).
 *
 * @internal
 */
export const errorForStatus = (
  operation: { readonly name: string; readonly statuses: ReadonlyArray<number> },
  status: number,
  details: FailureDetails
): ClerkError => {
  const { retryAfter, ...body } = details
  const fields = { operation: operation.name, status, ...body }
  const withWait = retryAfter === undefined ? fields : { ...fields, retryAfter }
  const options = { disableChecks: true }
  return ClientErrors.withoutStack((): ClerkError => {
    switch (ClientErrors.statusTag(status, operation.statuses)) {
      case "RateLimited":
        return new Errors.RateLimited(withWait, options)
      case "ServerError":
        return new Errors.ServerError(withWait, options)
      case "BadRequest":
        return new Errors.BadRequest(fields, options)
      case "AuthenticationInvalid":
        return new Errors.AuthenticationInvalid(fields, options)
      case "PaymentRequired":
        return new Errors.PaymentRequired(fields, options)
      case "AuthorizationInvalid":
        return new Errors.AuthorizationInvalid(fields, options)
      case "ResourceNotFound":
        return new Errors.ResourceNotFound(fields, options)
      case "Conflict":
        return new Errors.Conflict(fields, options)
      case "UnprocessableEntity":
        return new Errors.UnprocessableEntity(fields, options)
      case "UnexpectedStatus":
        return new Errors.UnexpectedStatus(fields, options)
    }
  })
}

const decodeApiError = Schema.decodeUnknownResult(Errors.ClerkApiError)

/**
 * Clerk's `errors` (at most 100, malformed entries skipped) and trace id of an error body, redacted; nothing
 * when the body is not Clerk's JSON.
 *
 * @internal
 */
export const parseErrorBody = (
  text: string,
  redactor: Redaction.Redactor
): { readonly errors: ReadonlyArray<ClerkApiError>; readonly clerkTraceId?: string } => {
  const { entries, traceId } = ClientErrors.errorBodyParts(text)
  const errors: Array<ClerkApiError> = []
  for (const entry of entries) {
    // an entry nested deeper than the stack is skipped, like any malformed entry
    const decoded = Result.try(() => decodeApiError(entry))
    if (Result.isSuccess(decoded) && Result.isSuccess(decoded.success)) {
      errors.push(Redaction.apiError(redactor, decoded.success.success))
    }
  }
  return typeof traceId === "string" ? { errors, clerkTraceId: redactor.text(traceId) } : { errors }
}

/**
 * The error of a non-2xx response: its status, body and `Retry-After` (read at `nowMillis`).
 *
 * @internal
 */
export const statusError = (
  operation: { readonly name: string; readonly statuses: ReadonlyArray<number> },
  status: number,
  retryAfterHeader: string | undefined,
  text: string,
  nowMillis: number,
  redactor: Redaction.Redactor
): ClerkError => {
  const body = parseErrorBody(text, redactor)
  const wait = ClientErrors.retryAfterOf(status, retryAfterHeader, nowMillis)
  return errorForStatus(operation, status, wait === undefined ? body : { ...body, retryAfter: Duration.millis(wait) })
}

/**
 * The decoder of an operation's 2xx bodies: JSON, the implied fields filled in when absent, then the schema.
 *
 * @internal
 */
export const successDecoder = (
  name: string,
  schema: AnySchema,
  redactor: Redaction.Redactor
): (
  status: number,
  text: string,
  implied: ReadonlyArray<readonly [string, unknown]>
) => Result.Result<unknown, Errors.DecodeError> => {
  const decode = Schema.decodeUnknownResult(schema)
  const failure = (status: number, reason: "Json" | "Schema", message: string) =>
    Result.fail(
      new Errors.DecodeError({
        operation: name,
        status,
        reason,
        message: ClientErrors.decodeMessage(redactor.text(message))
      })
    )
  return (status, text, implied) => {
    const json = Result.try(() => JSON.parse(text) as unknown)
    if (Result.isFailure(json)) {
      return failure(status, "Json", ClientErrors.notJsonMessage(json.failure))
    }
    let value = json.success
    if (implied.length > 0 && Predicate.isObject(value) && !Array.isArray(value)) {
      // fields a success implies (the spec does not require them): filled in when the server left them out
      const filled: Record<string, unknown> = { ...value }
      for (const [wire, implied_] of implied) if (!Object.hasOwn(filled, wire)) filled[wire] = implied_
      value = filled
    }
    const decoded = Result.try(() => decode(value))
    if (Result.isFailure(decoded)) {
      // a body nested deeper than the stack (JSON.parse accepts it) exhausts the recursive checks: refuse it
      return failure(status, "Schema", ClientErrors.undecodableMessage(decoded.failure))
    }
    return Result.isSuccess(decoded.success)
      ? Result.succeed(decoded.success.success)
      : failure(status, "Schema", decoded.success.failure.message)
  }
}
