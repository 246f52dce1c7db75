/**
 * The shape of a row of the operation table: the facts of one operation as plain data (method, path, statuses,
 * idempotency, where each argument goes on the wire and under which name) beside the schemas that encode them.
 * Its types are public through `UsersProtocol`; the module itself is not.
 *
 * @internal
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as Operations from "@effect-clerk/kernel/Operations"
import type * as Schema from "effect/Schema"
import type { DocumentedStatus } from "../ClerkError.js"

/**
 * Where an argument goes: a path parameter, the query string (a whole parameters object), the JSON body (a
 * whole object, or one field of it), or the multipart file.
 *
 * @since 0.2.0
 * @category models
 */
export type ArgPlacement = Operations.ArgPlacement

/**
 * One argument of an operation: the kernel's facts about it (name, place, wire names, optionality) and the
 * schema that encodes it. `A` is its TypeScript type, `Optional` whether the caller may omit it.
 *
 * @since 0.2.0
 * @category models
 */
export interface Arg<A = unknown, Optional extends boolean = boolean> extends Operations.Arg<A, Optional> {
  /** The schema of the query parameters or of the body (a struct, for a body field). */
  readonly schema: Schema.Schema.AnyNoContext | undefined
}

/**
 * The arguments of an operation, one `Arg` per element of the labeled tuple `T` (the method's parameters).
 *
 * @since 0.2.0
 * @category models
 */
export type ArgList<T extends ReadonlyArray<unknown>> = ArgTuple<T> & { readonly "~args"?: T }

/**
 * One `Arg` per element of the labeled tuple `T`.
 *
 * @since 0.3.0
 * @category models
 */
export type ArgTuple<T extends ReadonlyArray<unknown>> = {
  readonly [K in keyof T]-?: Arg<Exclude<T[K], undefined>, undefined extends T[K] ? true : false>
}

/**
 * A rule of an API version: from `since` on, the fields `fields` of the argument `arg` are refused, and the
 * error names the operations to `use` instead.
 *
 * @since 0.2.0
 * @category models
 */
export type VersionRule = Operations.VersionRule

/**
 * Another response schema for some calls: when the argument `arg`'s field `field` equals `equals`, the
 * response is `success` (`getOAuthAccessToken` with `paginated: true` answers a page instead of an array).
 *
 * @since 0.2.0
 * @category models
 */
export interface ResponseVariant {
  readonly when: { readonly arg: string; readonly field: string; readonly equals: unknown }
  readonly success: Schema.Schema.AnyNoContext
}

/**
 * A response field the spec does not require because a success implies it: when a 2xx body lacks the wire
 * field `wire`, it is `value`, or the value of the argument `arg` (a 200 from `verify_password` means
 * `verified: true`; the `user_id` of `DELETE /users/{user_id}/mfa` is the path's).
 *
 * @since 0.2.0
 * @category models
 */
export type ImpliedField = Operations.ImpliedField

/**
 * A row of the table, as written (its key and span name are added from the table's key).
 *
 * @since 0.2.0
 * @category models
 */
export interface Row<Args extends ReadonlyArray<unknown>, A, I, S extends DocumentedStatus> {
  readonly method: Operations.Method
  /** The path template under the API URL, as documented (`/users/{user_id}`). */
  readonly path: string
  /** The error statuses the seeds and the reference spec document. */
  readonly statuses: ReadonlyArray<S>
  /** Whether sending the request twice has the same effect as sending it once. */
  readonly idempotent: boolean
  readonly args: ArgList<Args>
  /** The schema of a successful response body, projected to what the method returns. */
  readonly success: Schema.Schema<A, I>
  /** The argument whose value keys Clerk's per-user write limit, when the operation is under it. */
  readonly writeLimitKey?: string
  /** What API versions change about the operation. */
  readonly versionRules?: ReadonlyArray<VersionRule>
  /** Other response schemas for some calls. */
  readonly variants?: ReadonlyArray<ResponseVariant>
  /** Response fields a success implies. */
  readonly implied?: ReadonlyArray<ImpliedField>
}

/**
 * The description of one operation, everything the client, the in-memory layer and the emulator need.
 *
 * @since 0.2.0
 * @category models
 */
export interface Operation<
  Key extends string = string,
  Args extends ReadonlyArray<unknown> = ReadonlyArray<unknown>,
  A = unknown,
  I = unknown,
  S extends DocumentedStatus = DocumentedStatus
> extends Row<Args, A, I, S> {
  /** The method name on the `Users` service (`"get"`). */
  readonly key: Key
  /** The span name, also the `operation` of its errors (`"Users.get"`). */
  readonly name: `Users.${Key}`
}

/**
 * Any operation, for code that works on every row.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnyOperation {
  readonly key: string
  readonly name: string
  readonly method: Operation["method"]
  readonly path: string
  readonly statuses: ReadonlyArray<DocumentedStatus>
  readonly idempotent: boolean
  readonly args: ReadonlyArray<Arg>
  readonly success: Schema.Schema.AnyNoContext
  readonly writeLimitKey?: string
  readonly versionRules?: ReadonlyArray<VersionRule>
  readonly variants?: ReadonlyArray<ResponseVariant>
  readonly implied?: ReadonlyArray<ImpliedField>
}

/**
 * The response schema of a call: the first variant whose condition the arguments meet, or the row's.
 *
 * @internal
 */
export const successOf = (operation: AnyOperation, args: ReadonlyArray<unknown>): Schema.Schema.AnyNoContext =>
  Operations.responseOf(operation, args)

/**
 * The position of the argument whose value keys the operation's write limit (the user id), or -1.
 *
 * @internal
 */
export const writeLimitIndex: (operation: AnyOperation) => number = ClientRequest.writeLimitIndex
