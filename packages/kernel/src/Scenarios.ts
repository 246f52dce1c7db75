/**
 * The contract scenarios as data: what Clerk does, step by step, over every operation (successes, the errors
 * its semantics produce, every documented status injected as a fault), for every line of the library to run
 * against each of its set-ups. A scenario is an ordered list of named steps (an operation's key and its
 * arguments, camelCase as the `Users` methods take them, or a set-up action on the test control) with what
 * must come back; later steps refer to earlier values with `ref`. A line's contract suite interprets the list
 * with the functions here (`resolve`, `checkValue`, `checkError`, `expandStatuses`, `normalizer`) and must run
 * every scenario of `all`.
 *
 * @since 0.2.0
 */
import { credentials } from "./internal/scenarios/credentials.js"
import { faults } from "./internal/scenarios/faults.js"
import type { Scenario, Step } from "./internal/scenarios/language.js"
import { profile } from "./internal/scenarios/lifecycle.js"
import { pathInjection } from "./internal/scenarios/paths.js"
import { limited } from "./internal/scenarios/rateLimits.js"
import { retrying, rules } from "./internal/scenarios/retries.js"
import { metadata2026, unknownVersion } from "./internal/scenarios/versions.js"
import type { OperationKey } from "./Operations.js"

/**
 * @since 0.2.0
 * @category models
 */
export type {
  Arg,
  Bytes,
  Call,
  Collect,
  Control,
  ControlAction,
  EveryStatus,
  Exact,
  Failure,
  Fault,
  Outcome,
  Pattern,
  Ref,
  RetryRules,
  Scenario,
  Shape,
  Step,
  StreamName,
  Success,
  Text
} from "./internal/scenarios/language.js"

/**
 * @since 0.2.0
 * @category constructors
 */
export {
  bytes,
  collect,
  control,
  everyStatus,
  exact,
  fails,
  ok,
  pattern,
  ref,
  text
} from "./internal/scenarios/language.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export type { ObservedError } from "./internal/scenarios/check.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export { checkError, checkValue } from "./internal/scenarios/check.js"

/**
 * A call as a line observed it, with the events emitted while it ran (see `checkEvents`).
 *
 * @since 0.3.0
 * @category interpreting
 */
export type { ObservedCall } from "./internal/scenarios/events.js"

/**
 * The mismatches between the user events a call emitted and its row's `event` fact.
 *
 * @since 0.3.0
 * @category interpreting
 * @example
 * ```ts
 * import { Operations, Scenarios } from "@effect-clerk/kernel"
 *
 * const checked = Scenarios.checkEvents(Operations.operations.get, {
 *   succeeded: true,
 *   faultAfter: false,
 *   args: ["user_1"],
 *   events: [{ type: "user.updated", id: "user_1" }]
 * })
 * console.log(checked._tag) // Err: get has no event
 * ```
 */
export { checkEvents } from "./internal/scenarios/events.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export type { Entry } from "./internal/scenarios/log.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export { masked, normalizer } from "./internal/scenarios/log.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export { expandStatuses, statusTags } from "./internal/scenarios/statuses.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export type { Bindings } from "./internal/scenarios/values.js"

/**
 * @since 0.2.0
 * @category interpreting
 */
export { equals, lookup, resolve } from "./internal/scenarios/values.js"

/**
 * Ada, Bob and Carol from creation to deletion: every operation's successes and the errors Clerk's rules
 * produce (uniqueness, formats, metadata size, bans, locks, MFA, credits, trusted devices...).
 *
 * @since 0.2.0
 * @category scenarios
 */
export const lifecycle: Scenario = {
  name: "lifecycle",
  description: "every operation's successes and the errors Clerk's semantics produce, from creation to deletion",
  steps: [...profile, ...credentials]
}

/**
 * Every operation with each documented status injected, then 429, 503, an undocumented status and a dropped
 * connection.
 *
 * @since 0.2.0
 * @category scenarios
 */
export const everyFault: Scenario = {
  name: "every status",
  description: "every documented status, 429, 5xx, an undocumented status and a dropped connection, per operation",
  steps: faults
}

/**
 * Faults under the client's retry rules (`retry`): a 429 retried for every operation, up to the retries; a
 * `Retry-After` longer than the longest wait returned at once; 502/503/504 and a lost answer retried for
 * idempotent operations only (a `create` whose answer was lost is not re-sent, and the user exists once); 500
 * and 4xx never retried. Each call says how many requests it makes, and every set-up must make them.
 *
 * @since 0.3.0
 * @category scenarios
 */
export const retries: Scenario = {
  name: "retries",
  description: "injected faults under the client's retry rules: the same outcomes and the same number of requests",
  retry: rules,
  steps: retrying
}

/**
 * Ids that would change the request's path reach no other resource.
 *
 * @since 0.2.0
 * @category scenarios
 */
export const paths: Scenario = {
  name: "path injection",
  description: "hostile ids are encoded: no such user, an empty listing",
  steps: pathInjection
}

/**
 * Metadata under API version 2026-05-12.
 *
 * @since 0.2.0
 * @category scenarios
 */
export const apiVersion20260512: Scenario = metadata2026

/**
 * An API version this library does not know is refused.
 *
 * @since 0.2.0
 * @category scenarios
 */
export const apiVersionUnknown: Scenario = unknownVersion

/**
 * Clerk's rate limits, enforced by the set-ups (`rateLimits`: six requests per 10 s for the instance, two writes
 * per 10 s per user): the write over the user's budget and the request over the instance's fail with
 * `RateLimited`, Clerk's 429 and its `Retry-After`, and write nothing.
 *
 * @since 0.3.0
 * @category scenarios
 */
export const rateLimits: Scenario = limited

/**
 * Every scenario, in the order a contract suite runs them.
 *
 * @since 0.2.0
 * @category scenarios
 */
export const all: ReadonlyArray<Scenario> = [
  lifecycle,
  everyFault,
  retries,
  paths,
  apiVersion20260512,
  apiVersionUnknown,
  rateLimits
]

/**
 * The operation a step calls, by its key (an `EveryStatus` step counts); none for the other steps.
 *
 * @since 0.2.0
 * @category interpreting
 */
export const operationOf = (step: Step): OperationKey | undefined =>
  step._tag === "Call" || step._tag === "EveryStatus" ? step.operation : undefined

/**
 * The references of a step's arguments and expectations, in order.
 *
 * @since 0.2.0
 * @category interpreting
 */
export { referencesOf } from "./internal/scenarios/values.js"
