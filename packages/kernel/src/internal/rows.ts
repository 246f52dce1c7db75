/**
 * The shape of a row of the operation table and the constructors of its arguments, as plain data. The types
 * carry each argument's and each response's TypeScript type at the type level only (phantom fields).
 *
 * @internal
 */
import type { ArgumentShapes, ResponseShapes, ShapeName, Shapes } from "./shapes.js"

/** An HTTP method the Users API uses. */
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE"

/** The error statuses the Users API documents, ascending. */
export const documentedStatuses = [400, 401, 402, 403, 404, 409, 422, 500] as const

/** An error status an operation can document. */
export type Status = (typeof documentedStatuses)[number]

/**
 * Where an argument goes: a path parameter, the query string (a whole parameters object), the JSON body (a
 * whole object, or one field of it), or the multipart file.
 */
export type ArgPlacement = "path" | "query" | "body" | "field" | "file"

/**
 * One argument of an operation. `A` is its TypeScript type, `Optional` whether the caller may omit it, `Name` its
 * name, `In` where it goes.
 */
export interface Arg<
  A = unknown,
  Optional extends boolean = boolean,
  Name extends string = string,
  In extends ArgPlacement = ArgPlacement
> {
  /** The argument's name, also the field an invalid request names (`userId`, `params`, `patch`...). */
  readonly name: Name
  readonly in: In
  /** The name on the wire: the path parameter (`user_id`), the body field (`user_ids`), the multipart field. */
  readonly wire: string | undefined
  readonly optional: Optional
  /** A list of ids, each checked as a path parameter would be (bulk bodies). */
  readonly ids: boolean
  /** The wire names of the fields of a query or body argument (the one field of a `field` argument). */
  readonly fields: ReadonlyArray<string>
  /**
   * The shape a line's schema for the argument encodes (`Shapes`): a query's or body's parameters, or for a body
   * field the body with that field; `undefined` for a path parameter or a file.
   */
  readonly shape: ShapeName | undefined
  /** the argument's type, at the type level only */
  readonly "~type"?: A | undefined
}

/** One `Arg` per element of the labeled tuple `T`. */
export type ArgTuple<T extends ReadonlyArray<unknown>> = {
  readonly [K in keyof T]-?: Arg<Exclude<T[K], undefined>, undefined extends T[K] ? true : false>
}

/** The arguments of an operation, one `Arg` per element of the labeled tuple `T` (the method's parameters). */
export type ArgList<T extends ReadonlyArray<unknown>> = ArgTuple<T> & { readonly "~args"?: T }

/** A response body by name (`"User"`, `"UserList"`); `A` is the value a call returns, at the type level only. */
export interface Shape<A = unknown, N extends ShapeName = ShapeName> {
  readonly name: N
  readonly "~type"?: A | undefined
}

/**
 * A rule of an API version: from `since` on, the fields `fields` (as the argument's type names them) of the
 * argument `arg` are refused, and the refusal names the operations to `use` instead.
 */
export interface VersionRule {
  readonly since: string
  readonly arg: string
  readonly fields: ReadonlyArray<string>
  readonly use: ReadonlyArray<string>
}

/**
 * Another response for some calls: when the argument `arg`'s field `field` equals `equals`, the response is
 * `success` (`getOAuthAccessToken` with `paginated: true` answers a page instead of an array).
 */
export interface ResponseVariant<A = unknown> {
  readonly when: { readonly arg: string; readonly field: string; readonly equals: unknown }
  readonly success: Shape<A>
}

/**
 * A response field the spec does not require because a success implies it: when a 2xx body lacks the wire
 * field `wire`, it is `value`, or the value of the argument `arg`.
 */
export type ImpliedField =
  | { readonly wire: string; readonly value: unknown }
  | { readonly wire: string; readonly arg: string }

/**
 * The user event Clerk emits when an operation succeeds (`user.created`, `user.updated`, `user.deleted`), or
 * `undefined` when the operation changes no user.
 */
export type EventFact = "user.created" | "user.updated" | "user.deleted" | undefined

/** Any row of the table, as written (its key is added from the table's key). */
export interface Row {
  readonly method: Method
  /** The path template under the API URL, as documented (`/users/{user_id}`). */
  readonly path: string
  /** The error statuses the reference spec documents, ascending. */
  readonly statuses: ReadonlyArray<Status>
  /** Whether sending the request twice has the same effect as sending it once. */
  readonly idempotent: boolean
  readonly args: ReadonlyArray<Arg> & { readonly "~args"?: ReadonlyArray<unknown> | undefined }
  /** The successful response, projected to what the call returns. */
  readonly success: Shape
  /** The argument whose value keys Clerk's per-user write limit, when the operation is under it. */
  readonly writeLimitKey?: string
  /** What API versions change about the operation. */
  readonly versionRules?: ReadonlyArray<VersionRule>
  /** Other responses for some calls. */
  readonly variants?: ReadonlyArray<ResponseVariant>
  /** Response fields a success implies. */
  readonly implied?: ReadonlyArray<ImpliedField>
  /**
   * The user event a success emits (one per user the call changes), `undefined` for none: every row states it,
   * so a new operation cannot forget its event.
   */
  readonly event: EventFact
}

const arg = <A, O extends boolean, N extends string, P extends ArgPlacement>(
  fields:
    & Pick<Arg<A, O, N, P>, "name" | "in" | "optional">
    & Partial<Pick<Arg<A, O, N, P>, "wire" | "ids" | "fields" | "shape">>
): Arg<A, O, N, P> => ({ wire: undefined, ids: false, fields: [], shape: undefined, ...fields })

/** A path parameter: the argument `name`, filling the template's `{wire}`. */
export const pathParam = <const N extends string>(name: N, wire: string): Arg<string, false, N, "path"> =>
  arg({ name, in: "path", wire, optional: false })

/**
 * The query string: the argument is an object of the shape `shape` whose fields go under the wire names `fields`
 * (its type is the shape's: the row's parameter list must agree).
 */
export const queryParams = <const N extends string, const S extends keyof ArgumentShapes, O extends boolean = false>(
  name: N,
  shape: S,
  fields: ReadonlyArray<string>,
  options?: { readonly optional: O }
): Arg<Shapes[S], O, N, "query"> =>
  arg({ name, in: "query", optional: (options?.optional ?? false) as O, fields, shape })

/** The JSON body: the argument is the whole object, of the shape `shape`, its fields under the wire names `fields`. */
export const jsonBody = <const N extends string, const S extends keyof ArgumentShapes, O extends boolean = false>(
  name: N,
  shape: S,
  fields: ReadonlyArray<string>,
  options?: { readonly optional: O }
): Arg<Shapes[S], O, N, "body"> => arg({ name, in: "body", optional: (options?.optional ?? false) as O, fields, shape })

/**
 * One field of the JSON body, named `wire`, whose body is the shape `shape` (`{ [name]: value }`); `ids: true`
 * checks each element of a list as a path parameter.
 */
export const jsonBodyField = <const N extends string, const S extends keyof ArgumentShapes>(
  name: N,
  shape: S,
  wire: string,
  options?: { readonly ids: boolean }
): Arg<Shapes[S] extends { readonly [K in N]: infer A } ? A : never, false, N, "field"> =>
  arg({ name, in: "field", wire, optional: false, ids: options?.ids ?? false, fields: [wire], shape })

/** A multipart upload: the argument is the file, sent as the form field `wire`. */
export const multipartFile = <A, const N extends string = string>(name: N, wire: string): Arg<A, false, N, "file"> =>
  arg({ name, in: "file", wire, optional: false })

/**
 * The arguments of an operation, in order: `argList<T>()(...args)`. `T` is the method's parameter list (labeled,
 * with `?` on the optional ones): it names the parameters, and each `Arg`'s optionality must agree with it; the
 * arguments' names stay in the type, so a line can key its schemas by them (`ArgTypes`).
 */
export const argList =
  <T extends ReadonlyArray<unknown>>() => <const Args extends ArgTuple<T>>(...args: Args): Args & ArgList<T> =>
    args as Args & ArgList<T>

/** The type of each argument of an argument list, by name. */
export type ArgTypes<Args> = Args extends ReadonlyArray<{ readonly name: string }> & { readonly "~args"?: infer T }
  ? T extends ReadonlyArray<unknown> ? {
      readonly [I in keyof Args & `${number}` as Args[I]["name"]]: I extends keyof T ? Exclude<T[I], undefined>
        : never
    }
  : never
  : never

/** The response body named `name` (`Shapes`): a call returns the shape's type. */
export const shape = <const N extends keyof ResponseShapes>(name: N): Shape<Shapes[N], N> => ({ name })
