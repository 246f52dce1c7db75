/**
 * The emulator's answers: JSON bodies, Clerk's error bodies (the kernel's `ErrorBody`) for failures and
 * refusals (the kernel's `Refusal`), and the response standing for a dropped connection.
 *
 * @internal
 */
import type { UsersCodec, UsersProtocol } from "@effect-clerk/core"
import * as ErrorBody from "@effect-clerk/kernel/ErrorBody"
import type * as ErrorCatalogue from "@effect-clerk/kernel/ErrorCatalogue"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Duration from "effect/Duration"
import type * as Engine from "../engine.js"
import type { DISCONNECT_HEADER as NodeServerHeader } from "../nodeServer.js"

/**
 * The header of a response that stands for a dropped connection (the Node server's, which is imported only when
 * a server is wanted).
 *
 * @internal
 */
export const DISCONNECT_HEADER = "x-clerk-emulator-disconnect" satisfies typeof NodeServerHeader

/**
 * A JSON body, with the kernel's content type (exactly `application/json`).
 *
 * @internal
 */
export const jsonResponse = (body: string, status = 200, headers: Record<string, string> = {}) =>
  HttpServerResponse.text(body, { status, contentType: ErrorBody.JSON_CONTENT_TYPE, headers })

/**
 * Clerk's error body for a failure (a 413 closes the connection, see `ErrorBody.headers`).
 *
 * @internal
 */
export const failureResponse = (
  failure: ErrorCatalogue.Failure,
  traceId: string,
  headers: Record<string, string> = {}
) => jsonResponse(ErrorBody.encode(failure, traceId), failure.status, ErrorBody.headers(failure, headers))

/**
 * Clerk's error body for a refusal.
 *
 * @internal
 */
export const refusalResponse = (refusal: Refusal.Refusal, traceId: string, headers: Record<string, string> = {}) =>
  failureResponse(Refusal.failureOf(refusal), traceId, headers)

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
        : { "retry-after": ErrorBody.retryAfter(Duration.toSeconds(failure.retryAfter)) }
    )

/**
 * The refusal of a parameter, named as it is on the wire: 422 where the operation documents it, else 400 (a
 * bulk ban outside 1..50 ids, an upload without a file, an unknown invitation status).
 *
 * @internal
 */
export const issueRefusal = (operation: UsersProtocol.AnyOperation, issue: UsersCodec.RequestIssue): Refusal.Refusal =>
  Refusal.paramInvalid(issue, operation.statuses)
