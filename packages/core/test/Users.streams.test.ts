import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { Users } from "../src/index.js"
import type { RecordedRequest } from "./utils/FakeHttp.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"

const userWithId = (id: string) => ({ ...F.userMinimal, id })

const offsetOf = (request: RecordedRequest) => Number(request.url.searchParams.get("offset"))
const limitOf = (request: RecordedRequest) => Number(request.url.searchParams.get("limit"))

/** Serves `total` users by limit/offset, like Clerk's GET /users. */
const serveUsers = (total: number) =>
  Effect.flatMap(FakeHttp, (fake) =>
    fake.respond((request) => {
      const offset = offsetOf(request)
      const limit = limitOf(request)
      const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `user_${offset + i}`)
      return { json: ids.map(userWithId) }
    }))

describe("pagination streams", () => {
  it.effect("listStream walks pages until a short page, with the right offsets", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serveUsers(5)
      const ids = yield* Stream.runCollect(users.listStream({ banned: false, orderBy: "+created_at" }, { pageSize: 2 }))
      expect(Chunk.toReadonlyArray(ids).map((u) => u.id)).toEqual(["user_0", "user_1", "user_2", "user_3", "user_4"])
      const requests = yield* fake.requests
      expect(requests.map(offsetOf)).toEqual([0, 2, 4])
      expect(requests.map(limitOf)).toEqual([2, 2, 2])
      for (const request of requests) {
        expect(request.url.searchParams.get("banned")).toBe("false")
        expect(request.url.searchParams.get("order_by")).toBe("+created_at")
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("listStream stops after an empty page when the total is a multiple of the page size", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serveUsers(4)
      const all = yield* Stream.runCollect(users.listStream(undefined, { pageSize: 2 }))
      expect(Chunk.size(all)).toBe(4)
      expect((yield* fake.requests).map(offsetOf)).toEqual([0, 2, 4])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("the default page size is 100", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serveUsers(150)
      const all = yield* Stream.runCollect(users.listStream())
      expect(Chunk.size(all)).toBe(150)
      expect((yield* fake.requests).map(limitOf)).toEqual([100, 100])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a stream is lazy: taking 3 users fetches one page", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serveUsers(1000)
      const first = yield* Stream.runCollect(Stream.take(users.listStream(undefined, { pageSize: 10 }), 3))
      expect(Chunk.size(first)).toBe(3)
      expect(yield* fake.requests).toHaveLength(1)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a typed failure mid-way is propagated after the pages before it", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond((request) =>
        offsetOf(request) === 0
          ? { json: [userWithId("user_0"), userWithId("user_1")] }
          : { status: 422, json: F.clerkErrorBody(422) }
      )
      const seen: Array<string> = []
      const result = yield* Effect.either(
        Stream.runForEach(users.listStream(undefined, { pageSize: 2 }), (user) => Effect.sync(() => seen.push(user.id)))
      )
      expect(seen).toEqual(["user_0", "user_1"])
      expect(Either.isLeft(result) && result.left._tag).toBe("UnprocessableEntity")
    }).pipe(Effect.provide(usersLayer())))

  it.effect("membership and invitation streams stop at total_count without an extra request", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond((request) => {
        const offset = offsetOf(request)
        const data = offset === 0
          ? [F.membershipFull, F.membershipMinimal]
          : offset === 2
          ? [F.membershipMinimal, F.membershipMinimal]
          : []
        const invitations = request.url.pathname.endsWith("organization_invitations")
        // distinct invitations on each page (the same page twice is a server ignoring offset)
        const invitation = (i: number) => ({ ...F.invitationMinimal, id: `orginv_${offset + i}` })
        return { json: { data: invitations ? data.map((_, i) => invitation(i)) : data, total_count: 4 } }
      })
      expect(Chunk.size(yield* Stream.runCollect(users.organizationMembershipsStream("user_1", { pageSize: 2 }))))
        .toBe(4)
      expect(
        Chunk.size(
          yield* Stream.runCollect(users.organizationInvitationsStream("user_1", { status: "pending" }, {
            pageSize: 2
          }))
        )
      ).toBe(4)
      expect(
        Chunk.size(
          yield* Stream.runCollect(users.instanceOrganizationMembershipsStream({ orderBy: "-created_at" }, {
            pageSize: 2
          }))
        )
      ).toBe(4)
      const requests = yield* fake.requests
      expect(requests.map(offsetOf)).toEqual([0, 2, 0, 2, 0, 2])
      expect(requests[2]?.url.searchParams.get("status")).toBe("pending")
      expect(requests[4]?.url.pathname).toBe("/v1/organization_memberships")
      expect(requests[4]?.url.searchParams.get("order_by")).toBe("-created_at")
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a page size outside 1..500 fails with InvalidRequest and sends nothing", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      for (const pageSize of [0, 501, 2.5]) {
        const result = yield* Effect.either(Stream.runCollect(users.listStream(undefined, { pageSize })))
        expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "InvalidRequest", field: "pageSize" })
      }
      expect(yield* fake.requests).toHaveLength(0)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("listWithTotal fetches the page and the count with the same filters", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond((request) =>
        request.url.pathname.endsWith("/count") ? { json: F.totalCount } : { json: [F.userMinimal] }
      )
      const page = yield* users.listWithTotal({ emailAddressQuery: "ada", limit: 1, offset: 3, orderBy: "username" })
      expect(page.totalCount).toBe(42)
      expect(page.data).toHaveLength(1)
      const requests = yield* fake.requests
      const count = requests.find((r) => r.url.pathname.endsWith("/count"))!
      expect([...count.url.searchParams.keys()]).toEqual(["email_address_query"])
      const list = requests.find((r) => r.url.pathname.endsWith("/users"))!
      expect(list.url.searchParams.get("offset")).toBe("3")
    }).pipe(Effect.provide(usersLayer())))
})
