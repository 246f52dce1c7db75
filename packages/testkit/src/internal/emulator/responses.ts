/**
 * The emulator's answers: JSON bodies, Clerk's error bodies for store failures and refused parameters, and the
 * response standing for a dropped connection.
 *
 * @internal
 */
import type { UsersCodec, UsersProtocol } from "@effect-clerk/core"
import { ClerkApiError } from "@effect-clerk/core/ClerkError"
import type { Failure as StoreFailure } from "@effect-clerk/kernel/ErrorCatalogue"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import type * as Engine from "../engine.js"
import type { DISCONNECT_HEADER as NodeServerHeader } from "../nodeServer.js"

/**
 * The header of a response that stands for a dropped connection (the Node server's, which is imported only when
 * a server is wanted).
 *
 * @internal
 */
export const DISCONNECT_HEADER = "x-clerk-emulator-disconnect" satisfies typeof NodeServerHeader

const encodeApiErrors = Schema.encodeSync(Schema.Array(ClerkApiError))

/**
 * A JSON body. The content type is exactly `application/json`, with no parameter: `@clerk/backend` 1.x parses
 * a body as JSON only when the header is that string (anything else, `application/json; charset=utf-8`
 * included, reaches it as text and fails its calls).
 *
 * @internal
 */
export const jsonResponse = (body: string, status = 200, headers: Record<string, string> = {}) =>
  HttpServerResponse.text(body, { status, contentType: "application/json", headers })

/**
 * Clerk's error body for a failure. A body refused for its size was not read to its end: the connection is
 * closed (lingering, see `nodeServer.ts`) rather than drained.
 *
 * @internal
 */
export const failureResponse = (failure: StoreFailure, traceId: string, headers: Record<string, string> = {}) =>
  jsonResponse(
    JSON.stringify({ errors: encodeApiErrors(failure.errors), meta: {}, clerk_trace_id: traceId }),
    failure.status,
    failure.status === 413 ? { ...headers, connection: "close" } : headers
  )

/**
 * Clerk's answer to a failure of the engine: its status and error body, or a dropped connection.
 *
 * @internal
 */
export const engineFailureResponse = (failure: Engine.Failure, traceId: string) =>
  failure._tag === "Disconnect"
    ? HttpServerResponse.empty({ status: 599, headers: { [DISCONNECT_HEADER]: "1" } })
    : failureResponse(
      failure.failure,
      traceId,
      failure.retryAfter === undefined
        ? {}
        : { "retry-after": String(Math.ceil(Duration.toSeconds(failure.retryAfter))) }
    )

const issueCodes = {
  Unexpected: ["form_param_unknown", "is unknown"],
  Missing: ["form_param_missing", "is missing"],
  Type: ["form_param_format_invalid", "is invalid"],
  Value: ["form_param_value_invalid", "is invalid"]
} as const

/**
 * The error Clerk answers for parameters it refuses, naming the parameter as it is on the wire: 422 where the
 * operation documents it, else 400 (a bulk ban outside 1..50 ids, an upload without a file, an unknown
 * invitation status).
 *
 * @internal
 */
export const issueFailure = (
  operation: UsersProtocol.AnyOperation,
  issue: UsersCodec.RequestIssue
): StoreFailure => {
  const [code, message] = issueCodes[issue.kind]
  return {
    status: operation.statuses.includes(422) ? 422 : 400,
    errors: [{ code, message, longMessage: `${issue.param}: ${issue.message}`, meta: { param_name: issue.param } }]
  }
}
