/**
 * The bodies the operation table names, once each: every response (`"User"`, `"UserList"`,
 * `"OrganizationMembershipPage"`) and every query or body argument (`"ListUsersParams"`, `"UserIdsBody"`), with
 * the type of its value. A row names its shapes (`Operations`); a line gives one schema per shape, never one per
 * operation, and `bindShapes` puts them in the rows.
 *
 * @since 0.3.0
 */
import type { Arg, ResponseVariant } from "./internal/rows.js"
import type { ShapeName } from "./internal/shapes.js"
import type { AnyOperation, OperationKey } from "./Operations.js"
import { rows } from "./Operations.js"

export type { ArgumentShapes, ResponseShapes, ShapeName, Shapes } from "./internal/shapes.js"

/**
 * Every shape the rows name (responses, variants, query and body arguments), each once, in the table's order.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { Shapes } from "@effect-clerk/kernel"
 *
 * console.log(Shapes.shapeNames.includes("UserIdsBody")) // true: bulkBan's body
 * ```
 */
export const shapeNames: ReadonlyArray<ShapeName> = [
  ...new Set(
    rows.flatMap((row) => [
      row.success.name,
      ...(row.variants ?? []).map((variant) => variant.success.name),
      ...row.args.flatMap((arg) => (arg.shape === undefined ? [] : [arg.shape]))
    ])
  )
]

/**
 * A row with a line's schemas in place of the shapes' names: `S` is the line's schema type.
 *
 * @since 0.3.0
 * @category models
 */
export interface BoundRow<S> extends Omit<AnyOperation, "args" | "success" | "variants"> {
  /** The span name, also the `operation` of its errors (`"Users.get"`). */
  readonly name: string
  readonly args: ReadonlyArray<Arg & { readonly schema: S | undefined }>
  readonly success: S
  readonly variants?: ReadonlyArray<{ readonly when: ResponseVariant["when"]; readonly success: S }>
}

/**
 * Binds every row to a line's schemas, given once per shape (never per operation): each argument gets the schema
 * of its shape, the response and its variants theirs. The rows' facts are copied once.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { Shapes } from "@effect-clerk/kernel"
 *
 * // a line's schemas, here the shapes' names themselves
 * const names = Object.fromEntries(Shapes.shapeNames.map((name) => [name, name]))
 * const bound = Shapes.bindShapes(names as { readonly [N in Shapes.ShapeName]: string })
 * console.log(bound.bulkBan.args[0]?.schema) // "UserIdsBody"
 * ```
 */
export const bindShapes = <S>(
  schemas: { readonly [N in ShapeName]: S }
): { readonly [K in OperationKey]: BoundRow<S> & { readonly key: K } } => {
  const out: Record<string, BoundRow<S>> = {}
  for (const row of rows) {
    const { variants, ...facts } = row
    out[row.key] = {
      ...facts,
      name: `Users.${row.key}`,
      args: row.args.map((arg) => ({ ...arg, schema: arg.shape === undefined ? undefined : schemas[arg.shape] })),
      success: schemas[row.success.name],
      ...(variants === undefined ? {} : {
        variants: variants.map((variant) => ({ when: variant.when, success: schemas[variant.success.name] }))
      })
    }
  }
  return out as { readonly [K in OperationKey]: BoundRow<S> & { readonly key: K } }
}
