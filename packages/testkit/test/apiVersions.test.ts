/**
 * Every Clerk API version Clerk has published (the checked-in list `fixtures/publishedApiVersions.json`, with
 * its sources) is known to the library and accepted everywhere a version is given: `ClerkConfig`, the in-memory
 * layer, the emulator's default and a request's `Clerk-API-Version` header or `__clerk_api_version` query
 * parameter (the command's `--api-version` is in `emulator.bin.test.ts`). Each has the rules of its date: a
 * version before `2026-05-12` takes metadata in `update`, one from it on refuses it.
 */
import { ClerkConfig, Users, UsersProtocol } from "@effect-clerk/core"
import { METADATA_IN_UPDATE_REMOVED_IN } from "@effect-clerk/core/ClerkConfig"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { ClerkEmulator, UsersInMemory } from "../src/index.js"

const Published = Schema.Struct({
  versions: Schema.Array(Schema.Struct({
    version: Schema.String,
    sources: Schema.NonEmptyArray(Schema.Literal("docs", "specs"))
  })),
  notVersions: Schema.Array(Schema.Struct({ name: Schema.String, why: Schema.String }))
})

const published = Schema.decodeUnknownSync(Published)(
  JSON.parse(readFileSync(new URL("fixtures/publishedApiVersions.json", import.meta.url), "utf8"))
)
const versions = published.versions.map((entry) => entry.version)

/** Whether `update` takes metadata under `version`: the rule of its date. */
const takesMetadata = (version: string) => version < METADATA_IN_UPDATE_REMOVED_IN

const KEY = "sk_test_versions"

describe("every published Clerk API version", () => {
  it("is known to the library, which knows no other (oldest first)", () => {
    expect([...UsersProtocol.apiVersions]).toEqual([...versions].sort())
    for (const { name } of published.notVersions) expect(UsersProtocol.isApiVersion(name)).toBe(false)
  })

  it.effect.each(versions)(
    "%s is accepted by ClerkConfig.layer and sent as Clerk-API-Version",
    (version) =>
      Effect.gen(function*() {
        const config = yield* Effect.provide(ClerkConfig, ClerkConfig.layer({ secretKey: KEY, apiVersion: version }))
        expect(config.apiVersion).toBe(version)
      })
  )

  it.effect.each(versions)(
    "%s is accepted by the in-memory layer, with the rules of its date",
    (version) =>
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({ firstName: "Ada" })
        const updated = yield* Effect.either(users.update(user.id, { publicMetadata: { plan: "pro" } }))
        expect(updated._tag === "Right" ? "accepted" : updated.left._tag).toBe(
          takesMetadata(version) ? "accepted" : "InvalidRequest"
        )
      }).pipe(Effect.provide(UsersInMemory.layer({ apiVersion: version })))
  )

  it.effect.each(versions)(
    "%s is the emulator's default, and Users.layer's version against it",
    (version) =>
      Effect.gen(function*() {
        const emulator = yield* ClerkEmulator.ClerkEmulator
        expect(emulator.apiVersion).toBe(version)
        const users = yield* Users
        const user = yield* users.create({ firstName: "Ada" })
        const updated = yield* Effect.either(users.update(user.id, { publicMetadata: { plan: "pro" } }))
        expect(updated._tag === "Right" ? "accepted" : updated.left._tag).toBe(
          takesMetadata(version) ? "accepted" : "InvalidRequest"
        )
      }).pipe(Effect.provide(ClerkEmulator.layerUsers({ apiVersion: version })))
  )

  it.live("each is accepted by the emulator as a header and as a query parameter, with the rules of its date", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const request = (path: string, init: RequestInit & { readonly headers?: Record<string, string> } = {}) =>
        Effect.promise(async () => {
          const response = await fetch(`${apiUrl}${path}`, {
            ...init,
            headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", ...init.headers }
          })
          return { status: response.status, body: await response.json() as Record<string, unknown> }
        })
      const created = yield* request("/users", { method: "POST", body: "{}" })
      const id = String(created.body["id"])
      const patch = { method: "PATCH", body: JSON.stringify({ public_metadata: { a: 1 } }) }
      for (const version of versions) {
        const expected = takesMetadata(version) ? 200 : 422
        const byHeader = yield* request(`/users/${id}`, { ...patch, headers: { "clerk-api-version": version } })
        expect([version, byHeader.status]).toEqual([version, expected])
        const byQuery = yield* request(`/users/${id}?__clerk_api_version=${version}`, patch)
        expect([version, byQuery.status]).toEqual([version, expected])
        const count = yield* request("/users/count", { headers: { "clerk-api-version": version } })
        expect([version, count.status]).toEqual([version, 200])
      }
      // Clerk's guide: a request chooses one way; both, even agreeing, make it invalid
      const twice = yield* request("/users/count?__clerk_api_version=2025-04-10", {
        headers: { "clerk-api-version": "2025-04-10" }
      })
      expect([twice.status, (twice.body["errors"] as ReadonlyArray<{ code: string }>)[0]?.code]).toEqual([
        400,
        "api_version_invalid"
      ])
      for (const { name } of published.notVersions) {
        const refused = yield* request("/users/count", { headers: { "clerk-api-version": name } })
        expect([name, refused.status]).toEqual([name, 400])
      }
    }).pipe(Effect.provide(Layer.fresh(ClerkEmulator.layerServer({ secretKeys: [KEY], apiVersion: "2021-02-05" })))))
})
