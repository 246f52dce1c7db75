/**
 * Small helpers for the wire schemas: every model field is declared once, with its camelCase name on the
 * TypeScript side and its snake_case key on the wire given to `Schema.fromKey`.
 *
 * @internal
 */
import type { JsonObject as JsonObjectType } from "@effect-clerk/kernel/Model"
import * as Schema from "effect/Schema"
import { isJsonObject, jsonObjectArbitrary } from "./json.js"

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
 * A JSON object of arbitrary content (metadata), typed as the kernel's `JsonObject`: a record whose values are
 * checked to be JSON values (a walk without allocation; what `JSON.parse` returns always passes).
 *
 * @internal
 */
export const JsonObject: Schema.Schema<JsonObjectType> = Schema.typeSchema(
  Schema.Record({ key: Schema.String, value: Schema.Unknown }).pipe(
    Schema.filter(isJsonObject, {
      message: () => "expected a JSON object (JSON values only)",
      arbitrary: () => jsonObjectArbitrary
    })
  )
)
