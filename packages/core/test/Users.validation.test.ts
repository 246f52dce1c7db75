import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { ClerkError } from "../src/ClerkError.js"
import { Users } from "../src/index.js"
import type { JsonObject } from "../src/UsersParams.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"
import { pathCalls } from "./utils/pathCalls.js"

/** Expects `effect` to fail with InvalidRequest (on `field`, when given) and nothing to have been sent. */
const rejected = (effect: Effect.Effect<unknown, ClerkError>, field?: string | RegExp) =>
  Effect.gen(function*() {
    const fake = yield* FakeHttp
    const before = (yield* fake.requests).length
    const result = yield* Effect.either(effect)
    expect(Either.isLeft(result), "expected a failure").toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("InvalidRequest")
      if (field !== undefined && result.left._tag === "InvalidRequest") {
        if (typeof field === "string") expect(result.left.field).toBe(field)
        else expect(result.left.field).toMatch(field)
        expect(result.left.message.length).toBeGreaterThan(0)
      }
    }
    expect((yield* fake.requests).length, "a request was sent").toBe(before)
  })

const byUserId: ReadonlyArray<
  readonly [string, (users: Users.Service, id: string) => Effect.Effect<unknown, ClerkError>]
> = pathCalls.map(([name, call]) => [name, (users, id) => call(users, id, "second_1")])

describe("input validation: InvalidRequest and nothing sent", () => {
  it.effect("every operation on a user refuses an empty, blank, dot-segment or malformed id", () =>
    Effect.gen(function*() {
      const users = yield* Users
      expect(byUserId).toHaveLength(33)
      for (const [, call] of byUserId) {
        for (const bad of ["", "   ", ".", "..", "\uD800", "x".repeat(1025)]) {
          yield* rejected(call(users, bad), "userId")
        }
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("the second path parameter is validated too", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* rejected(users.deletePasskey("user_1", ""), "passkeyIdentificationId")
      yield* rejected(users.deleteWeb3Wallet("user_1", ".."), "web3WalletIdentificationId")
      yield* rejected(users.deleteExternalAccount("user_1", " "), "externalAccountId")
      yield* rejected(users.getOAuthAccessToken("user_1", ""), "provider")
      yield* rejected(users.revokeTrustedDevice("user_1", "."), "trustedDeviceId")
    }).pipe(Effect.provide(usersLayer())))

  it.effect("limit outside 1..500, a negative or fractional offset", () =>
    Effect.gen(function*() {
      const users = yield* Users
      for (const limit of [0, -1, 501, 1.5, Number.NaN]) {
        yield* rejected(users.list({ limit }), "params.limit")
        yield* rejected(users.getOrganizationMemberships("user_1", { limit }), "params.limit")
        yield* rejected(users.getOrganizationInvitations("user_1", { limit }), "params.limit")
        yield* rejected(users.getInstanceOrganizationMemberships({ limit }), "params.limit")
        yield* rejected(users.getOAuthAccessToken("user_1", "oauth_google", { limit }), "params.limit")
      }
      for (const offset of [-1, 0.5, Number.POSITIVE_INFINITY]) {
        yield* rejected(users.list({ offset }), "params.offset")
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("more than 100 values in any filter list", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const many = Array.from({ length: 101 }, (_, i) => `v${i}`)
      for (
        const key of [
          "emailAddress",
          "phoneNumber",
          "externalId",
          "username",
          "web3Wallet",
          "userId",
          "organizationId",
          "providerUserId"
        ] as const
      ) {
        yield* rejected(users.list({ [key]: many }), `params.${key}`)
        yield* rejected(users.count({ [key]: many }), `params.${key}`)
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("exactly 100 values and limit 500 are accepted", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: [] }))
      const hundred = Array.from({ length: 100 }, (_, i) => `e${i}@example.com`)
      expect(yield* users.list({ emailAddress: hundred, limit: 500, offset: 0 })).toEqual([])
      const [request] = yield* fake.requests
      expect(request?.url.searchParams.getAll("email_address")).toHaveLength(100)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("bulkBan / bulkUnban with no ids, more than 50, or an empty id", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const ids = (n: number) => Array.from({ length: n }, (_, i) => `user_${i}`)
      yield* rejected(users.bulkBan([]), "userIds")
      yield* rejected(users.bulkUnban([]), "userIds")
      yield* rejected(users.bulkBan(ids(51)), "userIds")
      yield* rejected(users.bulkUnban(ids(51)), "userIds")
      yield* rejected(users.bulkBan(["user_1", ""]), "userIds[1]")
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: [] }))
      yield* users.bulkBan(ids(50))
      expect(yield* fake.requests).toHaveLength(1)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("metadata JSON cannot carry unchanged is refused, not silently altered", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const cyclic: Record<string, unknown> = {}
      cyclic["self"] = cyclic
      const bad: ReadonlyArray<Record<string, unknown>> = [
        { n: Number.NaN },
        { nested: { n: Number.POSITIVE_INFINITY } },
        { u: undefined },
        { d: new Date(0) },
        { b: BigInt(1) },
        { f: () => 1 },
        cyclic
      ]
      for (const value of bad) {
        // as a caller without types sends it (the types refuse each of these values)
        const untyped = value as JsonObject
        yield* rejected(users.updateMetadata("user_1", { publicMetadata: untyped }), /^patch\.publicMetadata/)
        yield* rejected(users.create({ privateMetadata: untyped }), /^params\.privateMetadata/)
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("unknown parameters are refused (a typo is not silently dropped)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const params = { emailAdress: ["typo@example.com"] } as unknown as Parameters<Users.Service["list"]>[0]
      yield* rejected(users.list(params), /emailAdress/)
      const body = { firstname: "Ada" } as unknown as Parameters<Users.Service["create"]>[0]
      yield* rejected(users.create(body), /firstname/)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("an unknown orderBy is refused", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const orderBy = "password" as unknown as "username"
      yield* rejected(users.list({ orderBy }), "params.orderBy")
    }).pipe(Effect.provide(usersLayer())))

  it.effect("an empty profile image is refused", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* rejected(users.setProfileImage("user_1", { data: new Uint8Array(0) }), "file")
      yield* rejected(users.setProfileImage("user_1", { data: new Blob([]) }), "file")
    }).pipe(Effect.provide(usersLayer())))

  it.effect("update with metadata on API version 2026-05-12 names updateMetadata", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      const result = yield* Effect.either(users.update("user_1", { firstName: "A", publicMetadata: { a: 1 } }))
      expect(Either.isLeft(result) && result.left).toMatchObject({
        _tag: "InvalidRequest",
        field: "params.publicMetadata"
      })
      if (Either.isLeft(result)) expect(result.left.message).toContain("updateMetadata")
      expect(yield* fake.requests).toHaveLength(0)
      yield* fake.respond(() => ({ json: F.userMinimal }))
      yield* users.update("user_1", { firstName: "A" })
      const [request] = yield* fake.requests
      expect(request?.headers["clerk-api-version"]).toBe("2026-05-12")
    }).pipe(Effect.provide(usersLayer({ apiVersion: "2026-05-12" }))))

  it.effect("update with metadata on the default version 2025-11-10 is sent", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ json: F.userMinimal }))
      yield* users.update("user_1", { privateMetadata: { tier: 2 } })
      const [request] = yield* fake.requests
      expect(JSON.parse(request?.text ?? "")).toEqual({ private_metadata: { tier: 2 } })
    }).pipe(Effect.provide(usersLayer())))

  it.effect("ids are percent-encoded into exactly one path segment", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ status: 404, json: F.clerkErrorBody(404) }))
      const hostile = ["../organization_memberships", "a/b", "x?y=1", "%2F", "ünï cødé 🎉", "#frag", "a+b"]
      for (const id of hostile) yield* Effect.either(users.get(id))
      const requests = yield* fake.requests
      expect(requests.map((r) => r.url.pathname.split("/").length)).toEqual(hostile.map(() => 4))
      expect(requests.map((r) => decodeURIComponent(r.url.pathname.split("/")[3]!))).toEqual(hostile)
      expect(requests.every((r) => r.url.search === "" && r.url.hash === "")).toBe(true)
    }).pipe(Effect.provide(usersLayer())))
})
