/**
 * A listing that never ends: a server that ignores `offset` answers the same page forever. The pagination
 * streams fail with `DecodeError` (`reason: "Pagination"`) at the first repeated page instead of walking on;
 * pages that merely overlap (an insert ahead of the walk) are walked as before.
 */
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

/** At most this many pages are served: a walk that does not stop by itself fails the test instead of hanging. */
const MAX_PAGES = 50

describe("a listing that never ends", () => {
  it.effect("listStream against a server that ignores offset fails with DecodeError (Pagination) at page 2", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond((request, index) =>
        index >= MAX_PAGES
          ? { status: 418, body: "walked too far" }
          // the first page, whatever the offset (shuffled, to show that order does not matter)
          : {
            json: Array.from({ length: limitOf(request) }, (_, i) => userWithId(`user_${i}`))
              .sort(() => (index % 2 === 0 ? 1 : -1))
          }
      )
      const seen: Array<string> = []
      const result = yield* Effect.either(
        Stream.runForEach(users.listStream({}, { pageSize: 5 }), (user) => Effect.sync(() => seen.push(user.id)))
      )
      expect(Either.isLeft(result) ? result.left : undefined).toMatchObject({
        _tag: "DecodeError",
        reason: "Pagination",
        operation: "Users.listStream"
      })
      expect(seen).toHaveLength(5)
      expect((yield* fake.requests).map(offsetOf)).toEqual([0, 5])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a stream with a total: the same page with a total that keeps growing fails too", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond((request, index) =>
        index >= MAX_PAGES
          ? { status: 418, body: "walked too far" }
          : {
            json: {
              data: [F.membershipFull, F.membershipMinimal],
              total_count: offsetOf(request) + 1_000
            }
          }
      )
      const result = yield* Effect.either(
        Stream.runCollect(users.organizationMembershipsStream("user_1", { pageSize: 2 }))
      )
      expect(Either.isLeft(result) ? result.left : undefined).toMatchObject({
        _tag: "DecodeError",
        reason: "Pagination"
      })
      expect(yield* fake.requests).toHaveLength(2)
    }).pipe(Effect.provide(usersLayer())))

  it.effect.each([
    { kind: "numbers", page: () => [1, 2, 3] },
    // fresh objects on every call: equal by value, never by reference
    { kind: "objects without ids", page: () => [{ name: "a" }, { name: "b" }] }
  ])("Users.paginate over $kind compares them by value", ({ kind, page }) =>
    Effect.gen(function*() {
      let calls = 0
      const stream = Users.paginate<unknown, never>(kind, { pageSize: page().length }, () =>
        Effect.sync(() => {
          calls++
          return { items: calls > MAX_PAGES ? [] : page() }
        }))
      const result = yield* Effect.either(Stream.runCollect(stream))
      expect(Either.isLeft(result) ? result.left : undefined).toMatchObject({
        _tag: "DecodeError",
        reason: "Pagination",
        operation: kind
      })
      expect(calls).toBe(2)
    }))

  it.effect("Users.paginate over distinct objects without ids walks to the end", () =>
    Effect.gen(function*() {
      const stream = Users.paginate("objects", { pageSize: 2 }, (_limit, offset) =>
        Effect.succeed({
          items: offset >= 6 ? [] : [{ name: `n${offset}` }, { name: `n${offset + 1}` }]
        }))
      const all = yield* Stream.runCollect(stream)
      expect(Chunk.toReadonlyArray(all).map((item) => item.name)).toEqual(["n0", "n1", "n2", "n3", "n4", "n5"])
    }))

  it.effect("Users.paginate over distinct values JSON cannot write (cycles, BigInts) walks to the end", () =>
    Effect.gen(function*() {
      const cyclic = (name: string) => {
        const item: { name: string; self?: unknown } = { name }
        item.self = item
        return item
      }
      const stream = Users.paginate<unknown, never>("opaque", { pageSize: 2 }, (_limit, offset) =>
        Effect.succeed({
          // two pages of fresh cyclic objects in a row: distinct values, not a repeated page
          items: offset >= 6 ? [] : offset === 4 ? [BigInt(offset), BigInt(offset + 1)] : [cyclic("a"), cyclic("b")]
        }))
      const all = yield* Stream.runCollect(stream)
      expect(Chunk.size(all)).toBe(6)
    }))

  it.effect("pages that overlap (an insert ahead of the walk shifts one user) are walked to the end", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      // user_2 shows twice: at the end of page 1 and, shifted by an insert, at the start of page 2
      const pages: Record<number, ReadonlyArray<string>> = {
        0: ["user_0", "user_1", "user_2"],
        3: ["user_2", "user_3", "user_4"],
        6: ["user_5"]
      }
      yield* fake.respond((request) => ({ json: (pages[offsetOf(request)] ?? []).map(userWithId) }))
      const all = yield* Stream.runCollect(users.listStream({}, { pageSize: 3 }))
      expect(Chunk.toReadonlyArray(all).map((u) => u.id)).toEqual([
        "user_0",
        "user_1",
        "user_2",
        "user_2",
        "user_3",
        "user_4",
        "user_5"
      ])
    }).pipe(Effect.provide(usersLayer())))
})
