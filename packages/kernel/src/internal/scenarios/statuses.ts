/**
 * The fault steps of one operation: each documented status, 429, 503, an undocumented status and a dropped
 * connection, with the tag each must fail with.
 */
import * as ClientErrors from "../../ClientErrors.js"
import type { Call, EveryStatus, Fault } from "./language.js"
import { fails } from "./language.js"

/** The tag of each client-error status Clerk documents. */
export const statusTags: { readonly [status: number]: string } = ClientErrors.statusTags

const candidates = [400, 401, 402, 403, 404, 409, 422]

const tagOf = (status: number, undocumented: number | undefined): string =>
  status === undocumented
    ? "UnexpectedStatus"
    : status === 429
    ? "RateLimited"
    : status >= 500
    ? "ServerError"
    : statusTags[status] ?? "UnexpectedStatus"

/** The calls an `EveryStatus` step stands for, given the operation's documented statuses. */
export const expandStatuses = (step: EveryStatus, documented: ReadonlyArray<number>): ReadonlyArray<Call> => {
  const undocumented = candidates.find((status) => !documented.includes(status))
  const statuses = [...documented, 429, 503, ...(undocumented === undefined ? [] : [undocumented])]
  const injected = statuses.map((status) => {
    const fault: Fault = status === 429 ? { _tag: "RateLimited", retryAfterSeconds: 3 } : { _tag: "Status", status }
    return fails(`${step.operation}: injected ${status}`, step.operation, step.args, tagOf(status, undocumented), {
      fault
    })
  })
  return [
    ...injected,
    fails(`${step.operation}: dropped connection`, step.operation, step.args, "TransportError", {
      fault: { _tag: "Disconnect" }
    })
  ]
}
