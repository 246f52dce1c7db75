/**
 * Small helpers for the wire schemas: every model field is declared once, with its camelCase name on the
 * TypeScript side and its snake_case key on the wire given to `Schema.fromKey`.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/**
 * A required field whose wire key differs from its TypeScript name.
 *
 * @internal
 */
export const wire = <const Key extends string, S extends Schema.Schema.All>(key: Key, schema: S) =>
  Schema.propertySignature(schema).pipe(Schema.fromKey(key))

/**
 * An optional field (absent stays absent, `undefined` is not accepted) whose wire key differs from its
 * TypeScript name.
 *
 * @internal
 */
export const wireOptional = <const Key extends string, S extends Schema.Schema.All>(key: Key, schema: S) =>
  Schema.optionalWith(schema, { exact: true }).pipe(Schema.fromKey(key))

/**
 * An optional field with the same name on both sides.
 *
 * @internal
 */
export const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

/**
 * A string enum that stays open: the listed values are suggested to the compiler and to the arbitraries, any
 * other string still decodes (Clerk adds values over time and a new one must never fail a response).
 *
 * @internal
 */
export const OpenEnum = <const Literals extends ReadonlyArray<string>>(...literals: Literals) =>
  Schema.String.pipe(
    Schema.filter((_): _ is Literals[number] | (string & {}) => true, {
      arbitrary: () => (fc) => (literals.length === 0 ? fc.string() : fc.constantFrom(...literals))
    })
  )

/**
 * A JSON object of arbitrary content (metadata).
 *
 * @internal
 */
export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })
