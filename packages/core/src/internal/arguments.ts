/**
 * The constructors of a row's arguments: where each argument goes on the wire, under which name, with which
 * schema.
 *
 * @internal
 */
import type * as Schema from "effect/Schema"
import type { ProfileImage } from "../UsersParams.js"
import type { Arg, ArgList, ArgTuple } from "./operation.js"

const arg = <A, O extends boolean>(
  fields: Pick<Arg<A, O>, "name" | "in" | "optional"> & Partial<Pick<Arg<A, O>, "wire" | "ids" | "schema">>
): Arg<A, O> => ({ wire: undefined, ids: false, schema: undefined, ...fields })

/**
 * A path parameter: the argument `name`, filling the template's `{wire}`.
 *
 * @since 0.2.0
 * @category arguments
 */
export const pathParam = (name: string, wire: string): Arg<string, false> =>
  arg({ name, in: "path", wire, optional: false })

/**
 * The query string: the argument is an object encoded by `schema` (lists as repeated keys).
 *
 * @since 0.2.0
 * @category arguments
 */
export const queryParams = <A, I extends { readonly [key: string]: unknown }, O extends boolean = false>(
  name: string,
  schema: Schema.Schema<A, I>,
  options?: { readonly optional: O }
): Arg<A, O> => arg({ name, in: "query", optional: (options?.optional ?? false) as O, schema })

/**
 * The JSON body: the argument is the whole object encoded by `schema`. An optional body is sent as `{}`.
 *
 * @since 0.2.0
 * @category arguments
 */
export const jsonBody = <A, I, O extends boolean = false>(
  name: string,
  schema: Schema.Schema<A, I>,
  options?: { readonly optional: O }
): Arg<A, O> => arg({ name, in: "body", optional: (options?.optional ?? false) as O, schema })

/**
 * One field of the JSON body: the argument is the field `name` of the struct `schema` (named `wire` on the
 * wire). `ids: true` checks each element of a list as a path parameter would be checked.
 *
 * @since 0.2.0
 * @category arguments
 */
export const jsonBodyField = <const Name extends string, A extends { readonly [K in Name]: unknown }, I>(
  name: Name,
  wire: string,
  schema: Schema.Schema<A, I>,
  options?: { readonly ids: boolean }
): Arg<A[Name], false> => arg({ name, in: "field", wire, optional: false, ids: options?.ids ?? false, schema })

/**
 * A multipart upload: the argument is the file, sent as the form field `wire`.
 *
 * @since 0.2.0
 * @category arguments
 */
export const multipartFile = (name: string, wire: string): Arg<ProfileImage, false> =>
  arg({ name, in: "file", wire, optional: false })

/**
 * The arguments of an operation, in order. `T` is the method's parameter list (labeled, with `?` on the
 * optional ones): it names the parameters in the `Users` interface, and each `Arg` must agree with it.
 *
 * @since 0.2.0
 * @category arguments
 */
export const argList = <T extends ReadonlyArray<unknown>>(
  ...args: ArgTuple<T>
): ArgList<T> => args
