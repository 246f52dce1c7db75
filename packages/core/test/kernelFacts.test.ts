/**
 * Core's table is the kernel's facts plus core's schemas, and cannot drift from them: every kernel row has
 * core schemas and no core row lacks a kernel row; every query, body and body-field schema encodes exactly the
 * wire field names the kernel lists for that argument; the facts core's rows expose are the kernel's; the write
 * limit and the API versions are the kernel's.
 */
import { ApiVersions, Operations } from "@effect-clerk/kernel"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { DEFAULT_PER_USER_WRITE_LIMIT, METADATA_IN_UPDATE_REMOVED_IN } from "../src/ClerkConfig.js"
import type { AnyOperation } from "../src/UsersProtocol.js"
import { apiVersions, isApiVersion, operations, rows } from "../src/UsersProtocol.js"

const kernelRows = Operations.rows

/** The property names a schema writes on the wire (its encoded side's), or why it has none. */
const wireFieldNames = (schema: Schema.Schema.AnyNoContext): ReadonlyArray<string> => {
  let ast: AST.AST = Schema.encodedSchema(schema).ast
  while (AST.isRefinement(ast) || AST.isTransformation(ast) || AST.isSuspend(ast)) {
    ast = AST.isRefinement(ast) ? ast.from : AST.isTransformation(ast) ? ast.from : ast.f()
  }
  if (!AST.isTypeLiteral(ast)) throw new Error(`not a struct on the wire: ${ast._tag}`)
  return ast.propertySignatures.map((property) => String(property.name))
}

/** Everything of a core row but its schemas and its span name: what the kernel says about the operation. */
const facts = (operation: AnyOperation) => {
  const { args, name: _name, success: _success, variants, ...rest } = operation
  return {
    ...rest,
    args: args.map(({ schema: _schema, ...arg }) => arg),
    ...(variants === undefined ? {} : { variants: variants.map(({ when }) => ({ when })) })
  }
}

/** A kernel row with its variants' conditions only (the response names are the kernel's, schemas are core's). */
const kernelFacts = (row: Operations.AnyOperation) => {
  const { success: _success, variants, ...rest } = row
  return { ...rest, ...(variants === undefined ? {} : { variants: variants.map(({ when }) => ({ when })) }) }
}

const sorted = (names: ReadonlyArray<string>) => [...names].sort()

describe("core's table and the kernel's facts", () => {
  it("have the same rows, in the same order", () => {
    expect(Object.keys(operations)).toEqual(Object.keys(Operations.operations))
    expect(rows.map((row) => row.key)).toEqual(kernelRows.map((row) => row.key))
    expect(rows).toHaveLength(39)
  })

  it.each(kernelRows)(
    "$key: core gives a schema to each query, body and body-field argument, and only to those",
    (row) => {
      const core = operations[row.key] as AnyOperation
      for (const [i, arg] of row.args.entries()) {
        const schema = core.args[i]!.schema
        if (arg.in === "query" || arg.in === "body" || arg.in === "field") expect(schema, arg.name).toBeDefined()
        else expect(schema, arg.name).toBeUndefined()
      }
      expect(Schema.isSchema(core.success)).toBe(true)
      expect((core.variants ?? []).length).toBe((row.variants ?? []).length)
      for (const variant of core.variants ?? []) expect(Schema.isSchema(variant.success)).toBe(true)
    }
  )

  it.each(kernelRows)("$key: each schema encodes the kernel's wire field names for its argument", (row) => {
    const core = operations[row.key] as AnyOperation
    for (const [i, arg] of row.args.entries()) {
      const schema = core.args[i]!.schema
      if (schema === undefined) continue
      expect(sorted(wireFieldNames(schema)), `${row.key}.${arg.name}`).toEqual(sorted(arg.fields))
    }
  })

  it.each(kernelRows)("$key: the facts core's row exposes are the kernel's", (row) => {
    expect(facts(operations[row.key] as AnyOperation)).toEqual(kernelFacts(row))
    expect(operations[row.key].name).toBe(`Users.${row.key}`)
  })

  it.each(kernelRows.filter((row) => row.versionRules !== undefined))(
    "$key: a version rule's fields are fields of its argument's schema",
    (row) => {
      const core = operations[row.key] as AnyOperation
      for (const rule of row.versionRules ?? []) {
        const schema = core.args.find((arg) => arg.name === rule.arg)!.schema!
        const typeFields = (Schema.typeSchema(schema).ast as AST.TypeLiteral).propertySignatures.map((p) => p.name)
        for (const field of rule.fields) expect(typeFields, field).toContain(field)
      }
    }
  )

  it("takes the write limit and the API versions from the kernel", () => {
    expect(DEFAULT_PER_USER_WRITE_LIMIT.requests).toBe(Operations.writeLimit.requests)
    expect(Duration.toMillis(DEFAULT_PER_USER_WRITE_LIMIT.window)).toBe(Operations.writeLimit.windowMillis)
    expect(apiVersions).toEqual(ApiVersions.apiVersions)
    expect(METADATA_IN_UPDATE_REMOVED_IN).toBe(ApiVersions.metadataInUpdateRemovedIn)
    for (const version of ["2025-12-03", "v1", ...ApiVersions.apiVersions]) {
      expect(isApiVersion(version), version).toBe(ApiVersions.isApiVersion(version))
    }
  })
})
