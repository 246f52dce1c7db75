/**
 * The kernel's operation table with this line's schemas: each row's facts come from
 * `@effect-clerk/kernel/Operations`, its schemas (query, body, body field, response, response variants) from
 * core's models. `Conform` makes a missing row, an extra row, a missing argument schema or a schema whose type
 * is not the kernel's type for that row a compile error.
 *
 * @internal
 */
import * as Kernel from "@effect-clerk/kernel/Operations"
import type * as Schema from "effect/Schema"
import type { AnyOperation, Arg, ArgList } from "./operation.js"

type Rows = Kernel.Operations
type Key = Kernel.OperationKey

/** The schemas a line gives a row: one per query, body or body-field argument, the response's, the variants'. */
export interface RowSchemas {
  readonly args?: { readonly [name: string]: Schema.Schema.AnyNoContext }
  readonly success: Schema.Schema.AnyNoContext
  readonly variants?: ReadonlyArray<Schema.Schema.AnyNoContext>
}

type At<S, K> = K extends keyof S ? S[K] : never
type Encoded<S> = S extends Schema.Schema<infer _A, infer I, never> ? I : never
type ShapeType<S> = S extends Kernel.Shape<infer A> ? A : never

/** The arguments of row `K` that a schema encodes. */
type SchemaArg<K extends Key> = Extract<Rows[K]["args"][number], { readonly in: "query" | "body" | "field" }>

/** The type a schema of argument `A` decodes to: the argument's, or a struct of it for a body field. */
type SchemaType<K extends Key, A extends SchemaArg<K>> = A["in"] extends "field"
  ? { readonly [P in A["name"]]: At<Kernel.ArgTypes<Rows[K]["args"]>, P> }
  : At<Kernel.ArgTypes<Rows[K]["args"]>, A["name"]>

type ArgsConform<K extends Key, S> = [SchemaArg<K>] extends [never] ? { readonly args?: never }
  : {
    readonly args: {
      readonly [A in SchemaArg<K> as A["name"]]: Schema.Schema<SchemaType<K, A>, Encoded<At<At<S, "args">, A["name"]>>>
    }
  }

type VariantsConform<K extends Key, S> = Rows[K] extends { readonly variants: infer V extends ReadonlyArray<unknown> }
  ? {
    readonly variants: {
      readonly [I in keyof V]: V[I] extends { readonly success: infer Shape }
        ? Schema.Schema<ShapeType<Shape>, Encoded<At<At<S, "variants">, I>>>
        : never
    }
  }
  : { readonly variants?: never }

/**
 * The schemas `S` conform to the kernel's table: a key per row, nothing else, and for each row schemas whose
 * types are the kernel's types for the row (only the encoded side is the schema's own).
 */
export type Conform<S> =
  & {
    readonly [K in Key]:
      & ArgsConform<K, At<S, K>>
      & VariantsConform<K, At<S, K>>
      & { readonly success: Schema.Schema<ShapeType<Rows[K]["success"]>, Encoded<At<At<S, K>, "success">>> }
  }
  & { readonly [K in Exclude<keyof S, Key>]: never }

/**
 * Row `K` of the kernel with the schemas `S`, as core's table holds it (the type of each row of
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
    readonly success: At<S, "success">
  }
  & (Rows[K] extends { readonly variants: ReadonlyArray<infer V> } ? {
      readonly variants: ReadonlyArray<
        { readonly when: V extends { readonly when: infer W } ? W : never } & {
          readonly success: At<S, "variants"> extends ReadonlyArray<infer Success> ? Success : never
        }
      >
    }
    : unknown)

/**
 * Every row of the kernel's table with its schemas: the rows' facts are the kernel's objects' (copied once, when
 * the module loads), their arguments carry their schema.
 */
export const bind = <const S extends Conform<S>>(schemas: S): { readonly [K in Key]: Bound<K, At<S, K>> } => {
  const out: Record<string, AnyOperation> = {}
  for (const row of Kernel.rows) {
    const given: RowSchemas = (schemas as { readonly [key: string]: RowSchemas })[row.key]!
    const args: ReadonlyArray<Arg> = row.args.map((arg) => ({ ...arg, schema: given.args?.[arg.name] }))
    const { variants, ...facts } = row
    out[row.key] = {
      ...facts,
      name: `Users.${row.key}`,
      args,
      success: given.success,
      ...(variants === undefined ? {} : {
        variants: variants.map((variant, i) => ({ when: variant.when, success: given.variants![i]! }))
      })
    }
  }
  return out as { readonly [K in Key]: Bound<K, At<S, K>> }
}
