/**
 * The shape of a row of this line's operation table: the kernel's facts about one operation (method, path,
 * statuses, idempotency, where each argument goes and under which wire names) beside the Effect 4 schemas that
 * encode its arguments and decode its response. Its types are public through `UsersProtocol`.
 *
 * @internal
 */
import type * as Operations from "@effect-clerk/kernel/Operations"
import type * as Schema from "effect/Schema"

/**
 * Any schema of this line (no services needed to decode or encode).
 *
 * @since 1.0.0
 * @category models
 */
export type AnySchema = Schema.Codec<unknown, unknown>

/**
 * One argument of an operation: the kernel's facts and the schema that encodes it (query, body, body field).
 *
 * @since 1.0.0
 * @category models
 */
export interface Arg<A = unknown, Optional extends boolean = boolean> extends Operations.Arg<A, Optional> {
  readonly schema: AnySchema | undefined
}

/**
 * The arguments of an operation, one `Arg` per element of the labeled tuple `T`.
 *
 * @since 1.0.0
 * @category models
 */
export type ArgList<T extends ReadonlyArray<unknown>> =
  & { readonly [K in keyof T]-?: Arg<Exclude<T[K], undefined>, undefined extends T[K] ? true : false> }
  & { readonly "~args"?: T }

/**
 * Another response schema for some calls (`getOAuthAccessToken` with `paginated: true` answers a page).
 *
 * @since 1.0.0
 * @category models
 */
export interface ResponseVariant {
  readonly when: { readonly arg: string; readonly field: string; readonly equals: unknown }
  readonly success: AnySchema
}

/**
 * Any row of the table, for code that works on every row.
 *
 * @since 1.0.0
 * @category models
 */
export interface AnyOperation {
  readonly key: Operations.OperationKey
  /** The span name, also the `operation` of its errors (`"Users.get"`). */
  readonly name: string
  readonly method: Operations.Method
  readonly path: string
  readonly statuses: ReadonlyArray<Operations.Status>
  readonly idempotent: boolean
  readonly args: ReadonlyArray<Arg>
  readonly success: AnySchema
  readonly writeLimitKey?: string
  readonly versionRules?: ReadonlyArray<Operations.VersionRule>
  readonly variants?: ReadonlyArray<ResponseVariant>
  readonly implied?: ReadonlyArray<Operations.ImpliedField>
  readonly event: Operations.EventFact
}
