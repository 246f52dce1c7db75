/**
 * What `Users.fromOperations` derives, over the Effect 4 HTTP client on a scripted `HttpClient`: the pagination
 * streams (pages walked by offset, the repeated-page guard, the page size checked), `listWithTotal`,
 * `createOnce` after an ambiguous failure, `bulkBanAll`'s chunks and report, and the tracer policy (a span per
 * operation with `clerk.user_id` and trace headers only when a tracer is installed).
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import { MAX_BULK_IDS } from "@effect-clerk/kernel/Limits"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import { Users } from "../src/index.js"
import * as FakeHttp from "./utils/FakeHttp.js"

const userWithId = (id: string) => ({ ...Fixtures.userFull, id })
const ok = (body: unknown) => ({ status: 200, body })
const offsetOf = (request: FakeHttp.Recorded) => Number(request.query.find(([key]) => key === "offset")?.[1] ?? 0)
const limitOf = (request: FakeHttp.Recorded) => Number(request.query.find(([key]) => key === "limit")?.[1] ?? 10)

const withUsers = <A, E>(fake: ReturnType<typeof FakeHttp.make>, f: (users: Users.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Effect.service(Users.Users), f).pipe(Effect.provide(FakeHttp.users(fake)))

/** A listing of `total` users served by offset and limit. */
const listing = (total: number) => (request: FakeHttp.Recorded) => {
  const offset = offsetOf(request)
  const ids = Array.from(
    { length: Math.max(0, Math.min(limitOf(request), total - offset)) },
    (_, i) => `user_${offset + i}`
  )
  return ok(ids.map(userWithId))
}

describe("streams", () => {
  it.effect("listStream walks the pages by offset and stops at a short page", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(listing(5))
      const users = yield* withUsers(fake, (users) => Stream.runCollect(users.listStream({}, { pageSize: 2 })))
      assert.deepStrictEqual(Array.from(users, (user) => user.id), ["user_0", "user_1", "user_2", "user_3", "user_4"])
      assert.deepStrictEqual(fake.requests.map(offsetOf), [0, 2, 4])
    }))

  it.effect("a server that ignores the offset fails the stream with DecodeError Pagination", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok([userWithId("a"), userWithId("b")]))
      const error = yield* withUsers(
        fake,
        (users) => Effect.flip(Stream.runDrain(users.listStream({}, { pageSize: 2 })))
      )
      assert.strictEqual(error._tag, "DecodeError")
      if (error._tag === "DecodeError") assert.strictEqual(error.reason, "Pagination")
      assert.strictEqual(fake.requests.length, 2)
    }))

  it.effect("a page size out of range is InvalidRequest, before any request", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(listing(5))
      const error = yield* withUsers(
        fake,
        (users) => Effect.flip(Stream.runDrain(users.listStream({}, { pageSize: 0 })))
      )
      assert.strictEqual(error._tag, "InvalidRequest")
      assert.strictEqual(fake.requests.length, 0)
    }))

  it.effect("organizationMembershipsStream stops at the total", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) =>
        ok({
          data: offsetOf(request) === 0 ? [Fixtures.membershipFull, { ...Fixtures.membershipFull, id: "m2" }] : [],
          total_count: 2
        })
      )
      const memberships = yield* withUsers(fake, (users) =>
        Stream.runCollect(users.organizationMembershipsStream("user_1", { pageSize: 2 })))
      assert.strictEqual(memberships.length, 2)
      assert.strictEqual(fake.requests.length, 1)
    }))
})

describe("listWithTotal and createOnce", () => {
  it.effect("listWithTotal: a page and the count of the same filters", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) =>
        request.path.endsWith("/count") ? ok({ object: "total_count", total_count: 7 }) : listing(7)(request)
      )
      const page = yield* withUsers(fake, (users) => users.listWithTotal({ limit: 3, query: "ada" }))
      assert.strictEqual(page.data.length, 3)
      assert.strictEqual(page.totalCount, 7)
      const count = fake.requests.find((request) => request.path.endsWith("/count"))
      assert.deepStrictEqual(count?.query, [["query", "ada"]])
    }))

  it.effect("createOnce: after a 503, finds the user created by external id instead of creating it twice", () =>
    Effect.gen(function*() {
      const created = { ...userWithId("user_new"), external_id: "ext_1" }
      const fake = FakeHttp.make((request) =>
        request.method === "POST" ? { status: 503, body: { errors: [] } } : ok([created])
      )
      const user = yield* withUsers(fake, (users) => users.createOnce({ externalId: "ext_1", firstName: "Ada" }))
      assert.strictEqual(user.id, "user_new")
      assert.deepStrictEqual(fake.requests.map((request) => request.method), ["POST", "GET"])
      assert.deepInclude(fake.requests[1]?.query ?? [], ["external_id", "+ext_1"])
    }))

  it.effect("createOnce without an external id is InvalidRequest", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok(Fixtures.userFull))
      const error = yield* withUsers(fake, (users) => Effect.flip(users.createOnce({ externalId: " " })))
      assert.strictEqual(error._tag, "InvalidRequest")
      assert.strictEqual(fake.requests.length, 0)
    }))
})

describe("bulkBanAll", () => {
  it.effect("chunks of at most MAX_BULK_IDS; duplicates, invalid ids and unknown ids reported", () =>
    Effect.gen(function*() {
      const known = (id: string) => !id.endsWith("7")
      const fake = FakeHttp.make((request) => {
        const ids: ReadonlyArray<string> = JSON.parse(String(request.body)).user_ids
        return ok(ids.filter(known).map(userWithId))
      })
      const ids = [...Array.from({ length: 120 }, (_, i) => `user_${i}`), "user_3", "..", ""]
      const report = yield* withUsers(fake, (users) => users.bulkBanAll(ids))
      assert.strictEqual(report.chunks, 3)
      assert.deepStrictEqual(fake.requests.map((request) => JSON.parse(String(request.body)).user_ids.length), [
        MAX_BULK_IDS,
        MAX_BULK_IDS,
        20
      ])
      assert.strictEqual(report.duplicates, 1)
      assert.deepStrictEqual(report.invalid.map((invalid) => invalid.id), ["..", ""])
      assert.strictEqual(report.notFound.length, 12)
      assert.strictEqual(report.done.length, 108)
      assert.isFalse(report.stopped)
    }))

  it.effect("a rateLimiter option wraps each chunk's call", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) => ok(JSON.parse(String(request.body)).user_ids.map(userWithId)))
      let wrapped = 0
      const report = yield* withUsers(fake, (users) =>
        users.bulkBanAll(
          Array.from({ length: 60 }, (_, i) => `user_${i}`),
          {
            rateLimiter: (call) => Effect.andThen(Effect.sync(() => wrapped++), call)
          }
        ))
      assert.strictEqual(report.chunks, 2)
      assert.strictEqual(wrapped, 2)
    }))

  it.effect("a failed chunk stops the run: the rest not attempted", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ({ status: 400, body: { errors: [{ code: "bad", message: "bad" }] } }))
      const report = yield* withUsers(fake, (users) =>
        users.bulkBanAll(Stream.fromIterable(Array.from({ length: 120 }, (_, i) => `user_${i}`))))
      assert.strictEqual(report.chunks, 1)
      assert.strictEqual(report.failed[0]?.error._tag, "BadRequest")
      assert.isTrue(report.stopped)
      // the ids read with the failed chunk (one chunk of the source) are reported, none sent
      assert.strictEqual(report.notAttempted.length, 70)
    }))
})

describe("spans (the tracer policy)", () => {
  it.effect("with a tracer installed: a span per operation with clerk.user_id, and trace headers sent", () =>
    Effect.gen(function*() {
      const spans: Array<Tracer.Span> = []
      const tracer = Tracer.make({
        span: (options) => {
          const span = Tracer.nativeTracer.span(options)
          spans.push(span)
          return span
        }
      })
      const fake = FakeHttp.make(() => ok(Fixtures.userFull))
      yield* withUsers(fake, (users) => users.get("user_1")).pipe(Effect.withTracer(tracer))
      const span = spans.find((span) => span.name === "Users.get")
      assert.isDefined(span)
      assert.strictEqual(span?.attributes.get("clerk.user_id"), "user_1")
      assert.isDefined(fake.requests[0]?.headers["traceparent"])
    }))

  it.effect("without a tracer: no trace headers", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok(Fixtures.userFull))
      yield* withUsers(fake, (users) => users.get("user_1"))
      assert.isUndefined(fake.requests[0]?.headers["traceparent"])
    }))
})
