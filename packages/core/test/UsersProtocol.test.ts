/**
 * The operation table is consistent with itself: path parameters match the templates, the facts are plain
 * data, every reference (write-limit key, version rules) names something that exists, and its codecs go both
 * ways (what the client encodes, a server decodes back to the same arguments).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { AnyOperation } from "../src/UsersProtocol.js"
import { bodyKind, operations, requestDecoder, requestEncoder } from "../src/UsersProtocol.js"
import { argsOf, cases } from "./operationCases.js"

const rows = Object.values(operations) as ReadonlyArray<AnyOperation>

/** Everything of a row but its schemas. */
const facts = (operation: AnyOperation) => {
  const { args, success: _success, variants, ...rest } = operation
  return {
    ...rest,
    args: args.map(({ schema: _schema, ...arg }) => arg),
    ...(variants === undefined ? {} : { variants: variants.map(({ success: _variant, ...variant }) => variant) })
  }
}

describe("the operation table", () => {
  it("every row's path parameters are the template's placeholders, in order, by their wire names", () => {
    for (const operation of rows) {
      const placeholders = [...operation.path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1])
      const wires = operation.args.filter((arg) => arg.in === "path").map((arg) => arg.wire)
      expect(wires, operation.key).toEqual(placeholders)
    }
  })

  it("the facts of every row are plain data (JSON carries them unchanged)", () => {
    for (const operation of rows) {
      const plain = facts(operation)
      expect(JSON.parse(JSON.stringify(plain)), operation.key).toEqual(plain)
      expect(operation.name).toBe(`Users.${operation.key}`)
    }
  })

  it("write-limit keys and version rules name arguments and fields that exist", () => {
    for (const operation of rows) {
      if (operation.writeLimitKey !== undefined) {
        expect(operation.args.map((arg) => arg.name), operation.key).toContain(operation.writeLimitKey)
      }
      for (const rule of operation.versionRules ?? []) {
        const arg = operation.args.find((a) => a.name === rule.arg)
        expect(arg, `${operation.key}: ${rule.arg}`).toBeDefined()
        const ast = Schema.typeSchema(arg!.schema!).ast
        const keys = ast._tag === "TypeLiteral" ? ast.propertySignatures.map((ps) => String(ps.name)) : []
        for (const field of rule.fields) expect(keys, `${operation.key}: ${field}`).toContain(field)
      }
    }
  })

  it("what the client encodes, a server decodes back to the same arguments (every operation case)", () =>
    Effect.gen(function*() {
      expect(cases).toHaveLength(rows.length)
      for (const c of cases) {
        const operation: AnyOperation = operations[c.name as keyof typeof operations]
        const args = yield* Effect.either(argsOf(c))
        if (Either.isLeft(args)) continue
        const input = yield* requestEncoder(operation, "2025-11-10")(args.right)
        if (bodyKind(operation) === "multipart") continue
        const decoded = requestDecoder(operation)({
          path: input.params ?? [],
          search: new URLSearchParams(input.urlParams?.map(([k, v]) => [k, v])).toString(),
          json: input.body?._tag === "Json" ? JSON.parse(input.body.text) : undefined,
          file: undefined
        })
        expect(decoded, c.name).toEqual(Either.right(args.right))
      }
    }))
})
