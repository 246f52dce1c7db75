/**
 * Small helpers for the wire schemas: every model field is declared once, with its camelCase name on the
 * TypeScript side and its snake_case key on the wire given to `Schema.fromKey`.
 *
 * @internal
 */
import type { JsonObject as JsonObjectType } from "@effect-clerk/kernel/Model"
import * as Schema from "effect/Schema"
import { jsonObjectArbitrary } from "./json.js"

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
 * A JSON object of arbitrary content (metadata), typed as the kernel's `JsonObject`. Its values are not walked:
 * what this decodes is a parsed JSON body (a response, a request of the emulator), whose values are JSON values
 * by construction, and a walk of every metadata object would cost the decoding of every user (the compiled
 * decoder passes the object through as it is). The request side checks every value (`UsersParams.Metadata`).
 *
 * @internal
 */
export const JsonObject: Schema.Schema<JsonObjectType> = Schema.typeSchema(
  Schema.Record({ key: Schema.String, value: Schema.Unknown }).pipe(
    Schema.filter((_: { readonly [key: string]: unknown }): _ is JsonObjectType => true, {
      arbitrary: () => jsonObjectArbitrary
    })
  )
)
