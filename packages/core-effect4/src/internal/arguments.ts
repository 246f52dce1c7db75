/**
 * The kernel's operation table with this line's schemas: each row's facts come from
 * `@effect-clerk/kernel/Operations`, its schemas from the models of this line, given once per shape the rows name
 * (kernel `Shapes`). `Conform` makes a missing shape, an extra one or a schema whose type is not the kernel's
 * type for that shape a compile error.
 *
 * @internal
 */
import type * as Kernel from "@effect-clerk/kernel/Operations"
import * as Shapes from "@effect-clerk/kernel/Shapes"
import type * as Schema from "effect/Schema"
import type { AnyOperation, AnySchema, ArgList } from "./operation.js"

type Rows = Kernel.Operations
type Key = Kernel.OperationKey

type At<S, K> = K extends keyof S ? S[K] : never
type Encoded<S> = S extends Schema.Codec<infer _A, infer I> ? I : never
type ShapeName<Shape> = Shape extends { readonly name: infer N } ? N : never

/**
 * The schemas `S` conform to the kernel's shapes: one per shape the table names (kernel `Shapes`: responses,
 * query and body arguments), nothing else, each decoding to the kernel's type for the shape (only the encoded side
 * is the schema's own).
 */
export type Conform<S> =
  & { readonly [N in Shapes.ShapeName]: Schema.Codec<Shapes.Shapes[N], Encoded<At<S, N>>> }
  & { readonly [N in Exclude<keyof S, Shapes.ShapeName>]: never }

/**
 * Row `K` of the kernel with its shapes' schemas from `S` (the type of each row of `UsersProtocol.operations`).
 *
 * @since 1.0.0
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

/** The table: a row per kernel row, keyed by the kernel's keys. */
export type Table<S> = { readonly [K in Key]: Bound<K, S> }

/**
 * Every row of the kernel's table with this line's schemas, given once per shape (`Shapes.bindShapes`): the rows'
 * facts are the kernel's objects' (copied once, when the module loads), their arguments carry their schema.
 * `Conform` checked the schemas against the shapes at compile time; the table is typed from them (the one
 * assertion: an object built row by row from the kernel's rows is the mapped type of those rows).
 */
export const bind = <const S extends Conform<S>>(schemas: S): Table<S> => {
  const bound: { readonly [key: string]: AnyOperation } = Shapes.bindShapes<AnySchema>(schemas)
  return bound as Table<S>
}
