/**
 * The kernel's operation table with this line's schemas: each row's facts come from
 * `@effect-clerk/kernel/Operations`, its schemas (query, body, body field, response, response variants) from
 * core's models. `Conform` makes a missing row, an extra row, a missing argument schema or a schema whose type
 * is not the kernel's type for that row a compile error.
 *
 * @internal
 */
import type * as Kernel from "@effect-clerk/kernel/Operations"
import * as Shapes from "@effect-clerk/kernel/Shapes"
import type * as Schema from "effect/Schema"
import type { AnyOperation, ArgList } from "./operation.js"

type Rows = Kernel.Operations
type Key = Kernel.OperationKey

type At<S, K> = K extends keyof S ? S[K] : never
type Encoded<S> = S extends Schema.Schema<infer _A, infer I, never> ? I : never

/**
 * The schemas `S` conform to the kernel's shapes: one per shape the table names (`Shapes`: responses, query and
 * body arguments), nothing else, each decoding to the kernel's type for the shape (only the encoded side is the
 * schema's own).
 */
export type Conform<S> =
  & { readonly [N in Shapes.ShapeName]: Schema.Schema<Shapes.Shapes[N], Encoded<At<S, N>>> }
  & { readonly [N in Exclude<keyof S, Shapes.ShapeName>]: never }

type ShapeName<Shape> = Shape extends { readonly name: infer N } ? N : never

/**
 * Row `K` of the kernel with its shapes' schemas from `S`, as core's table holds it (the type of each row of
 * `UsersProtocol.operations`).
 *
 * @since 0.3.0
 * @category models
 */
export type Bound<K extends Key, S> =
  & Omit<Rows[K], "key" | "args" | "success" | "variants">
  & {
    readonly key: K
    readonly name: `Users.${K}`
    readonly args: ArgList<Kernel.ArgsOf<K>>
    readonly success: At<S, ShapeName<Rows[K]["success"]>>
  }
  & (Rows[K] extends { readonly variants: ReadonlyArray<infer V> } ? {
      readonly variants: ReadonlyArray<
        { readonly when: V extends { readonly when: infer W } ? W : never } & {
          readonly success: At<S, ShapeName<V extends { readonly success: infer Shape } ? Shape : never>>
        }
      >
    }
    : unknown)

/**
 * Every row of the kernel's table with this line's schemas, given once per shape (`Shapes.bindShapes`): the
 * rows' facts are the kernel's objects' (copied once, when the module loads), their arguments carry their schema.
 */
export const bind = <const S extends Conform<S>>(schemas: S): { readonly [K in Key]: Bound<K, S> } => {
  const bound: { readonly [key: string]: AnyOperation } = Shapes.bindShapes<Schema.Schema.AnyNoContext>(schemas)
  return bound as { readonly [K in Key]: Bound<K, S> }
}
