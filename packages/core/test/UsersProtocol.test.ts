/**
 * The operation table is consistent with itself: path parameters match the templates, the facts are plain
 * data, every reference (write-limit key, version rules) names something that exists, and its codecs go both
 * ways (what the client encodes, a server decodes back to the same arguments).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { METADATA_IN_UPDATE_REMOVED_IN, updateAcceptsMetadata } from "../src/ClerkConfig.js"
import { InvalidRequest } from "../src/ClerkError.js"
import { versionAtLeast } from "../src/internal/apiVersions.js"
import { bodyKind, implement, requestDecoder, requestEncoder } from "../src/UsersCodec.js"
import type { AnyOperation } from "../src/UsersProtocol.js"
import { operations, rows } from "../src/UsersProtocol.js"
import { argsOf, cases } from "./operationCases.js"

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

  it.effect.each(["2025-11-10", "2026-05-12"])(
    "what the client encodes for API version %s, a server decodes back to the same arguments (every case)",
    (apiVersion) =>
      Effect.gen(function*() {
        expect(cases).toHaveLength(rows.length)
        let roundTrips = 0
        for (const c of cases) {
          const operation: AnyOperation = operations[c.name as keyof typeof operations]
          const args = yield* argsOf(c)
          const input = yield* Effect.either(requestEncoder(operation, apiVersion)(args))
          if (Either.isLeft(input)) {
            // only a version rule may refuse a case, and only on the version that removed what it sends
            expect(operation.versionRules?.some((rule) => versionAtLeast(apiVersion, rule.since)), c.name).toBe(true)
            continue
          }
          if (bodyKind(operation) === "multipart") continue
          const decoded = requestDecoder(operation)({
            path: input.right.params ?? [],
            search: new URLSearchParams(input.right.urlParams?.map(([k, v]) => [k, v])).toString(),
            json: input.right.body?._tag === "Json" ? JSON.parse(input.right.body.text) : undefined,
            file: undefined
          }, apiVersion)
          expect(decoded, c.name).toEqual(Either.right(args))
          roundTrips++
        }
        expect(roundTrips).toBeGreaterThan(rows.length - 3)
      })
  )

  it("rows are the table's rows, in its order", () => {
    expect(rows.map((operation) => operation.key)).toEqual(Object.keys(operations))
    expect(rows.every((operation) => operations[operation.key as keyof typeof operations] === operation)).toBe(true)
  })

  it.effect("implement gives every row the method its function made for that row, under the row's key", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const methods = implement((operation) => {
        seen.push(operation.key)
        return (...args) =>
          Effect.fail(new InvalidRequest({ operation: operation.name, field: String(args.length), message: "" }))
      })
      expect(seen).toEqual(Object.keys(operations))
      expect(Object.keys(methods).sort()).toEqual(Object.keys(operations).sort())
      const error = yield* Effect.flip(methods.getOAuthAccessToken("user_1", "github"))
      expect(error).toMatchObject({ _tag: "InvalidRequest", operation: "Users.getOAuthAccessToken", field: "2" })
    }))

  it("ClerkConfig's metadata rule is the update row's version rule", () => {
    const [rule] = operations.update.versionRules
    expect(METADATA_IN_UPDATE_REMOVED_IN).toBe(rule.since)
    expect(rule.fields).toEqual(["publicMetadata", "privateMetadata", "unsafeMetadata"])
    expect(updateAcceptsMetadata(rule.since)).toBe(false)
  })
})
