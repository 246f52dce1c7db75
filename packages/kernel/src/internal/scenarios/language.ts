/**
 * The language of the contract scenarios: plain data a line interprets with its own runtime. A scenario is an
 * ordered list of named steps; a step calls an operation (by its key in the operation table) with arguments
 * as the line's `Users` methods take them (camelCase), or acts on the test control (seed, TOTP code), and says
 * what must come back. Values produced by earlier steps are referred to by name (`ref`).
 *
 * Objects whose `_tag` is `"Ref"`, `"Text"`, `"Bytes"`, `"Exact"` or `"Pattern"` are the forms below; no
 * argument or expected shape may hold another object with one of these tags.
 */
import type { OperationKey } from "../../Operations.js"
import type { Option as RateLimitsOption } from "../../RateLimits.js"

/** A value an earlier step produced (its `bind` name), then a path into it: `ref("ada", "passkeys", 0, "id")`. */
export interface Ref {
  readonly _tag: "Ref"
  readonly bind: string
  readonly path: ReadonlyArray<string | number>
}

/** A string made of literal parts and references (`text("-", ref("ada", "id"))`). */
export interface Text {
  readonly _tag: "Text"
  readonly parts: ReadonlyArray<string | Ref>
}

/** Binary data (a file to upload), as its bytes. */
export interface Bytes {
  readonly _tag: "Bytes"
  readonly bytes: ReadonlyArray<number>
}

/** An argument: JSON-like data with references, texts and bytes inside. */
export type Arg =
  | null
  | boolean
  | number
  | string
  | Ref
  | Text
  | Bytes
  | ReadonlyArray<Arg>
  | { readonly [key: string]: Arg }

/** The value must equal this one exactly (no extra field), where a shape would accept more fields. */
export interface Exact {
  readonly _tag: "Exact"
  readonly value: Arg
}

/** The value must be a string matching this regular expression. */
export interface Pattern {
  readonly _tag: "Pattern"
  readonly source: string
}

/**
 * What a value must look like: a primitive (or a reference, or a text) equals the value; an object names some
 * of the value's fields (others may exist); an array has exactly the value's length, element by element.
 */
export type Shape =
  | null
  | boolean
  | number
  | string
  | Ref
  | Text
  | Exact
  | Pattern
  | ReadonlyArray<Shape>
  | { readonly [key: string]: Shape }

/** The call succeeds; its value matches `shape` when given; `mask` names fields left out of the log. */
export interface Success {
  readonly _tag: "Success"
  readonly shape?: Shape
  readonly mask?: ReadonlyArray<string>
}

/**
 * The call fails with this tag (the line's error class name); when given, with this HTTP status, these Clerk
 * error codes among its `errors`, this `long_message` for the first error, this invalid `field`.
 */
export interface Failure {
  readonly _tag: "Failure"
  readonly tag: string
  readonly status?: number
  readonly codes?: ReadonlyArray<string>
  readonly longMessage?: string
  readonly field?: string
}

/** What a call must give. */
export type Outcome = Success | Failure

/**
 * A fault injected into the step's call: into its next request (or its next `times` requests, retries
 * included), `"before"` the operation takes effect (the default) or `"after"` (it takes effect, then the answer
 * is lost).
 */
export type Fault =
  & (
    | { readonly _tag: "Status"; readonly status: number; readonly code?: string; readonly retryAfterSeconds?: number }
    | { readonly _tag: "RateLimited"; readonly retryAfterSeconds?: number }
    | { readonly _tag: "Disconnect" }
  )
  & { readonly times?: number; readonly when?: "before" | "after" }

/** A call of an operation, `operation` being its key in the operation table. */
export interface Call {
  readonly _tag: "Call"
  readonly name: string
  readonly operation: OperationKey
  readonly args: ReadonlyArray<Arg>
  readonly outcome: Outcome
  /** The name later steps refer to the value by. */
  readonly bind?: string
  /** Injected into this call only (before the operation takes effect unless it says otherwise). */
  readonly fault?: Fault
  /**
   * How many requests the instance served for this call, retries included (what its test control's call
   * statistics count).
   */
  readonly calls?: number
}

/** The actions of the test control a scenario uses (each line's control service has them under these names). */
export type ControlAction =
  | "seedUser"
  | "seedOrganization"
  | "seedMembership"
  | "seedInvitation"
  | "seedOAuthToken"
  | "seedBillingSubscription"
  | "seedTrustedDevice"
  | "seedCredits"
  | "seedPasskey"
  | "seedExternalAccount"
  | "totpCode"

/** A set-up action on the test control; it must succeed. */
export interface Control {
  readonly _tag: "Control"
  readonly name: string
  readonly action: ControlAction
  readonly args: ReadonlyArray<Arg>
  readonly bind?: string
}

/** The pagination streams derived from the listing operations. */
export type StreamName =
  | "listStream"
  | "organizationMembershipsStream"
  | "organizationInvitationsStream"
  | "instanceOrganizationMembershipsStream"

/** Every element of a pagination stream, collected; the array matches `shape`. */
export interface Collect {
  readonly _tag: "Collect"
  readonly name: string
  readonly stream: StreamName
  readonly args: ReadonlyArray<Arg>
  readonly shape: Shape
}

/**
 * Every documented status of the operation injected in turn, then 429, 503, an undocumented status and a
 * dropped connection, each failing the call with its tag (`expandStatuses` gives the calls).
 */
export interface EveryStatus {
  readonly _tag: "EveryStatus"
  readonly operation: OperationKey
  readonly args: ReadonlyArray<Arg>
}

/** One step of a scenario. */
export type Step = Call | Control | Collect | EveryStatus

/**
 * The client's retry rules, as every line applies them to every set-up (the HTTP layer and the in-memory one):
 * a 429 is retried for every operation, 502, 503, 504 and a dropped connection for idempotent operations only,
 * anything else never; up to `retries` retries per call, with no backoff delay of their own (a `Retry-After` is
 * still waited for, and one longer than `maxRetryAfterSeconds` ends the retries).
 */
export interface RetryRules {
  readonly retries: number
  readonly maxRetryAfterSeconds: number
}

/**
 * A scenario: a fresh instance (under `apiVersion` when given), then its steps in order. With `refused`, the
 * instance itself must refuse to start (and there are no steps). With `retry`, every set-up runs it under those
 * retry rules; without, no call is retried.
 */
export interface Scenario {
  readonly name: string
  readonly description: string
  readonly apiVersion?: string
  readonly refused?: boolean
  readonly retry?: RetryRules
  /** The rate limits the set-ups enforce for this scenario (`RateLimits.Option`); none when absent. */
  readonly rateLimits?: RateLimitsOption
  readonly steps: ReadonlyArray<Step>
}

/** A reference to the value bound as `bind`, then `path` into it. */
export const ref = (bind: string, ...path: ReadonlyArray<string | number>): Ref => ({ _tag: "Ref", bind, path })

/** A string of literal parts and references. */
export const text = (...parts: ReadonlyArray<string | Ref>): Text => ({ _tag: "Text", parts })

/** Binary data. */
export const bytes = (...data: ReadonlyArray<number>): Bytes => ({ _tag: "Bytes", bytes: data })

/** Exactly this value. */
export const exact = (value: Arg): Exact => ({ _tag: "Exact", value })

/** A string matching `source`. */
export const pattern = (source: string): Pattern => ({ _tag: "Pattern", source })

/** A call that must succeed (and match `options.shape`). */
export const ok = (
  name: string,
  operation: OperationKey,
  args: ReadonlyArray<Arg>,
  options: {
    readonly bind?: string
    readonly shape?: Shape
    readonly mask?: ReadonlyArray<string>
    readonly fault?: Fault
    readonly calls?: number
  } = {}
): Call => {
  const { bind, calls, fault, ...outcome } = options
  return {
    _tag: "Call",
    name,
    operation,
    args,
    outcome: { _tag: "Success", ...outcome },
    ...(bind === undefined ? {} : { bind }),
    ...(fault === undefined ? {} : { fault }),
    ...(calls === undefined ? {} : { calls })
  }
}

/** A call that must fail with `tag` (and the other facts of `failure` when given). */
export const fails = (
  name: string,
  operation: OperationKey,
  args: ReadonlyArray<Arg>,
  tag: string,
  failure: Omit<Failure, "_tag" | "tag"> & { readonly fault?: Fault; readonly calls?: number } = {}
): Call => {
  const { calls, fault, ...facts } = failure
  return {
    _tag: "Call",
    name,
    operation,
    args,
    outcome: { _tag: "Failure", tag, ...facts },
    ...(fault === undefined ? {} : { fault }),
    ...(calls === undefined ? {} : { calls })
  }
}

/** A set-up action on the test control. */
export const control = (name: string, action: ControlAction, args: ReadonlyArray<Arg>, bind?: string): Control => ({
  _tag: "Control",
  name,
  action,
  args,
  ...(bind === undefined ? {} : { bind })
})

/** A pagination stream collected. */
export const collect = (name: string, stream: StreamName, args: ReadonlyArray<Arg>, shape: Shape): Collect => ({
  _tag: "Collect",
  name,
  stream,
  args,
  shape
})

/** Every documented status (and 429, 503, an undocumented one, a dropped connection) against this call. */
export const everyStatus = (operation: OperationKey, args: ReadonlyArray<Arg>): EveryStatus => ({
  _tag: "EveryStatus",
  operation,
  args
})
