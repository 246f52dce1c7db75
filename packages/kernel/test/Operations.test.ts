/**
 * The operation table's own consistency: 39 rows, path templates and path arguments agree, statuses are known
 * and ascending, the argument names each rule refers to exist, and the rows' types read as the methods' types.
 */
import { ApiVersions, Operations } from "@effect-clerk/kernel"
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import type * as Model from "../src/Model.js"

const { documentedStatuses, operations, rows } = Operations

describe("Operations", () => {
  it("has the 39 operations of the Users API, keyed as rows", () => {
    expect(rows).toHaveLength(39)
    for (const [key, row] of Object.entries(operations)) expect(row.key).toBe(key)
    expect(new Set(rows.map((row) => `${row.method} ${row.path}`)).size).toBe(39)
  })

  it.each(rows)("$key: the path template's parameters are its path arguments, in order", (row) => {
    const inPath = [...row.path.matchAll(/\{([a-z0-9_]+)\}/g)].map((match) => match[1])
    expect(row.args.filter((arg) => arg.in === "path").map((arg) => arg.wire)).toEqual(inPath)
    expect(row.path).toMatch(/^(\/[a-z0-9_]+|\/\{[a-z0-9_]+\})+$/)
  })

  it.each(rows)("$key: statuses are documented, unique and ascending", (row) => {
    expect(row.statuses.length).toBeGreaterThan(0)
    for (const status of row.statuses) expect(documentedStatuses).toContain(status)
    expect([...row.statuses].sort((a, b) => a - b)).toEqual(row.statuses)
    expect(new Set(row.statuses).size).toBe(row.statuses.length)
  })

  it.each(rows)("$key: arguments are named once, optional ones last, wire names where they go", (row) => {
    const names = row.args.map((arg) => arg.name)
    expect(new Set(names).size).toBe(names.length)
    const firstOptional = row.args.findIndex((arg) => arg.optional)
    if (firstOptional >= 0) expect(row.args.slice(firstOptional).every((arg) => arg.optional)).toBe(true)
    for (const arg of row.args) {
      if (arg.in === "query" || arg.in === "body") {
        expect(arg.wire, arg.name).toBeUndefined()
        expect(arg.fields.length, arg.name).toBeGreaterThan(0)
        expect(new Set(arg.fields).size, arg.name).toBe(arg.fields.length)
        for (const field of arg.fields) expect(field).toMatch(/^[a-z][a-z0-9_]*$/)
      } else if (arg.in === "field") {
        expect(arg.fields).toEqual([arg.wire])
      } else {
        expect(arg.wire, arg.name).toMatch(/^[a-z][a-z0-9_]*$/)
        expect(arg.fields).toEqual([])
      }
      if (arg.ids) expect(arg.in).toBe("field")
    }
    expect(row.args.filter((arg) => arg.in === "body" || arg.in === "field" || arg.in === "file").length)
      .toBeLessThanOrEqual(row.args.some((arg) => arg.in === "field") ? Infinity : 1)
  })

  it.each(rows)("$key: GET and DELETE send no body; the rules name arguments that exist", (row) => {
    const names = row.args.map((arg) => arg.name)
    if (row.method === "GET" || row.method === "DELETE") {
      expect(row.args.every((arg) => arg.in === "path" || arg.in === "query")).toBe(true)
    }
    if (row.method === "GET") expect(row.idempotent).toBe(true)
    if (row.writeLimitKey !== undefined) expect(names).toContain(row.writeLimitKey)
    for (const rule of row.versionRules ?? []) {
      expect(names).toContain(rule.arg)
      expect(ApiVersions.isApiVersion(rule.since)).toBe(true)
      for (const use of rule.use) expect(Operations.isOperationKey(use)).toBe(true)
    }
    for (const variant of row.variants ?? []) expect(names).toContain(variant.when.arg)
    for (const field of row.implied ?? []) if ("arg" in field) expect(names).toContain(field.arg)
  })

  it("puts PATCH /users/{user_id} and the metadata endpoints under Clerk's write limit, 10 per 10 s", () => {
    expect(rows.filter((row) => row.writeLimitKey !== undefined).map((row) => `${row.method} ${row.path}`)).toEqual([
      "PATCH /users/{user_id}",
      "PATCH /users/{user_id}/metadata",
      "PUT /users/{user_id}/metadata"
    ])
    expect(Operations.writeLimit).toEqual({ requests: 10, windowMillis: 10_000 })
  })

  it("picks a call's response among the row's variants", () => {
    const row = operations.getOAuthAccessToken
    expect(Operations.responseOf(row, ["u", "p", { paginated: true }]).name).toBe("OAuthAccessTokenPage")
    expect(Operations.responseOf(row, ["u", "p", { paginated: false }]).name).toBe("OAuthAccessTokenList")
    expect(Operations.responseOf(row, ["u", "p"]).name).toBe("OAuthAccessTokenList")
    expect(Operations.responseOf(operations.get, ["u"]).name).toBe("User")
  })

  it("types each row's arguments and value from the model", () => {
    expectTypeOf<Operations.ArgsOf<"update">>().toEqualTypeOf<[userId: string, params: Model.UpdateUserParams]>()
    expectTypeOf<Operations.ArgsOf<"list">>().toEqualTypeOf<[params?: Model.ListUsersParams]>()
    expectTypeOf<Operations.SuccessOf<"get">>().toEqualTypeOf<Model.User>()
    expectTypeOf<Operations.SuccessOf<"count">>().toEqualTypeOf<number>()
    expectTypeOf<Operations.SuccessOf<"getOAuthAccessToken">>().toEqualTypeOf<
      ReadonlyArray<Model.OAuthAccessToken> | Model.Paginated<Model.OAuthAccessToken>
    >()
    expectTypeOf<Operations.ArgTypes<Operations.Operations["update"]["args"]>>().toEqualTypeOf<
      { readonly userId: string; readonly params: Model.UpdateUserParams }
    >()
    expectTypeOf<Operations.ArgTypes<Operations.Operations["list"]["args"]>>().toEqualTypeOf<
      { readonly params: Model.ListUsersParams }
    >()
    expectTypeOf<Operations.StatusOf<"ban">>().toEqualTypeOf<402>()
    expectTypeOf<Operations.OperationKey>().toEqualTypeOf<keyof typeof operations>()
  })
})

describe("ApiVersions", () => {
  it("lists dates, ascending, ending with the metadata rule's version", () => {
    expect([...ApiVersions.apiVersions].sort()).toEqual(ApiVersions.apiVersions)
    for (const version of ApiVersions.apiVersions) expect(version).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(ApiVersions.apiVersions.at(-1)).toBe(ApiVersions.metadataInUpdateRemovedIn)
  })

  it("compares by date; a version that is not a date is older than every rule", () => {
    expect(ApiVersions.versionAtLeast("2026-05-12", "2026-05-12")).toBe(true)
    expect(ApiVersions.versionAtLeast("2026-06-01", "2026-05-12")).toBe(true)
    expect(ApiVersions.versionAtLeast("2025-11-10", "2026-05-12")).toBe(false)
    expect(ApiVersions.versionAtLeast("v1", "2026-05-12")).toBe(false)
    expect(ApiVersions.isApiVersion("2025-12-03")).toBe(false)
    expect(ApiVersions.isApiVersion("2025-03-12")).toBe(true)
  })
})
