/**
 * The kernel's operation table with this line's schemas: each row's facts come from
 * `@effect-clerk/kernel/Operations`, its schemas (query, body, body field, response, response variants) from the
 * models of this line. `Conform` makes a missing row, an extra row, a missing argument schema or a schema whose
 * type is not the kernel's type for that row a compile error.
 *
 * @internal
 */
import * as Kernel from "@effect-clerk/kernel/Operations"
import type * as Schema from "effect/Schema"
import type { AnyOperation, AnySchema, Arg, ArgList } from "./operation.js"

type Rows = Kernel.Operations
type Key = Kernel.OperationKey

/** The schemas a line gives a row: one per query, body or body-field argument, the response's, the variants'. */
export interface RowSchemas {
  readonly args?: { readonly [name: string]: AnySchema }
  readonly success: AnySchema
  readonly variants?: ReadonlyArray<AnySchema>
}

type At<S, K> = K extends keyof S ? S[K] : never
type Encoded<S> = S extends Schema.Codec<infer _A, infer I> ? I : never

/** The arguments of row `K` that a schema encodes. */
type SchemaArg<K extends Key> = Extract<Rows[K]["args"][number], { readonly in: "query" | "body" | "field" }>

/** The type a schema of argument `A` decodes to: the argument's, or a struct of it for a body field. */
type SchemaType<K extends Key, A extends SchemaArg<K>> = A["in"] extends "field"
  ? { readonly [P in A["name"]]: At<Kernel.ArgTypes<Rows[K]["args"]>, P> }
  : At<Kernel.ArgTypes<Rows[K]["args"]>, A["name"]>

type ArgsConform<K extends Key, S> = [SchemaArg<K>] extends [never] ? { readonly args?: never }
  : {
    readonly args: {
      readonly [A in SchemaArg<K> as A["name"]]: Schema.Codec<SchemaType<K, A>, Encoded<At<At<S, "args">, A["name"]>>>
    }
  }

type VariantsConform<K extends Key, S> = Rows[K] extends { readonly variants: infer V extends ReadonlyArray<unknown> }
  ? {
    readonly variants: {
      readonly [I in keyof V]: V[I] extends { readonly success: infer Shape }
        ? Schema.Codec<Kernel.ShapeType<Shape>, Encoded<At<At<S, "variants">, I>>>
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
      & { readonly success: Schema.Codec<Kernel.ShapeType<Rows[K]["success"]>, Encoded<At<At<S, K>, "success">>> }
  }
  & { readonly [K in Exclude<keyof S, Key>]: never }

/**
 * Row `K` of the kernel with the schemas `S` (the type of each row of `UsersProtocol.operations`).
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

/** The table: a row per kernel row, keyed by the kernel's keys. */
export type Table<S> = { readonly [K in Key]: Bound<K, At<S, K>> }

/**
 * Every row of the kernel's table with its schemas: the rows' facts are the kernel's objects' (copied once, when
 * the module loads), their arguments carry their schema. `Conform` checked the schemas against the rows at
 * compile time; the table is typed from them (the one assertion: an object built key by key from the kernel's
 * rows is the mapped type of those rows).
 */
export const bind = <const S extends Conform<S>>(schemas: S): Table<S> => {
  const given: { readonly [key: string]: RowSchemas | undefined } = schemas
  const out: Record<string, AnyOperation> = {}
  for (const row of Kernel.rows) {
    const own = given[row.key]
    if (own === undefined) continue // not reached: `Conform` requires every row
    const args: ReadonlyArray<Arg> = row.args.map((arg) => ({ ...arg, schema: own.args?.[arg.name] }))
    const { variants, ...facts } = row
    out[row.key] = {
      ...facts,
      name: `Users.${row.key}`,
      args,
      success: own.success,
      ...(variants === undefined ? {} : {
        variants: variants.flatMap((variant, i) => {
          const success = own.variants?.[i]
          return success === undefined ? [] : [{ when: variant.when, success }]
        })
      })
    }
  }
  return out as Table<S>
}
