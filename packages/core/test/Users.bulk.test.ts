/**
 * `users.bulkBanAll` / `users.bulkUnbanAll` over the HTTP layer (a recording fake client): the chunks on the
 * wire (at most `MAX_BULK_IDS` ids each, in order, each id once), the report after a failed chunk under both
 * rules, invalid ids, unknown ids, the ids stream's own error, concurrency, the layer's retries per chunk, the
 * rate limiter option and the span's counts.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { MAX_BULK_IDS } from "@effect-clerk/kernel/Limits"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type * as RateLimiter from "effect/RateLimiter"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import { Bulk, RetryPolicy, Users } from "../src/index.js"
import { drive } from "./utils/drive.js"
import type { FakeResponse, RecordedRequest } from "./utils/FakeHttp.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"

const idsFrom = (count: number, prefix = "user_") => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`)

const sentIds = (request: RecordedRequest): ReadonlyArray<string> =>
  (JSON.parse(request.text ?? "{}") as { readonly user_ids: ReadonlyArray<string> }).user_ids

/** Answers every bulk call with the users of the ids it was sent (all but `unknown`), or `fail(index)`. */
const serve = (options: {
  readonly fail?: (index: number, ids: ReadonlyArray<string>) => FakeResponse | undefined
  readonly unknown?: ReadonlySet<string>
} = {}) =>
  Effect.flatMap(FakeHttp, (fake) =>
    fake.respond((request, index) =>
      options.fail?.(index, sentIds(request)) ??
        { json: sentIds(request).filter((id) => !options.unknown?.has(id)).map((id) => ({ ...F.userMinimal, id })) }
    ))

const paymentRequired: FakeResponse = { status: 402, json: F.clerkErrorBody(402) }

class IdsUnavailable extends Data.TaggedError("IdsUnavailable")<{}> {}

describe("bulkBanAll", () => {
  it.effect("120 ids are 3 calls of 50, 50 and 20 ids, in order, all done", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const ids = idsFrom(120)
      const report = yield* users.bulkBanAll(ids)
      const requests = yield* fake.requests
      expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual(
        Array(3).fill("POST /v1/users/ban")
      )
      expect(requests.map((request) => sentIds(request).length)).toEqual([MAX_BULK_IDS, MAX_BULK_IDS, 20])
      expect(requests.flatMap(sentIds)).toEqual(ids)
      expect(report).toEqual({
        done: ids,
        notFound: [],
        invalid: [],
        failed: [],
        notAttempted: [],
        duplicates: 0,
        chunks: 3,
        stopped: false
      })
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a failed 2nd chunk: chunk 1 done, chunk 2 failed with its tag, chunk 3 not attempted (stop)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve({ fail: (index) => index === 1 ? paymentRequired : undefined })
      const ids = idsFrom(120)
      const report = yield* users.bulkBanAll(Stream.fromIterable(ids))
      expect(yield* fake.requests).toHaveLength(2)
      expect(report.done).toEqual(ids.slice(0, 50))
      expect(report.failed.map((failure) => [failure.chunk, failure.ids, failure.error._tag])).toEqual([
        [1, ids.slice(50, 100), "PaymentRequired"]
      ])
      expect(report.notAttempted).toEqual(ids.slice(100))
      expect(report.stopped).toBe(true)
      expect(report.chunks).toBe(2)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("200 ids, chunk 0 failing (stop): every id in one bucket, the 150 not sent notAttempted", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve({ fail: (_, ids) => ids[0] === "user_1" ? paymentRequired : undefined })
      const ids = idsFrom(200)
      for (const source of [ids, new Set(ids), Stream.fromIterable(ids)]) {
        const report = yield* users.bulkBanAll(source)
        expect(report.failed.map((failure) => failure.ids)).toEqual([ids.slice(0, 50)])
        expect(report.notAttempted).toEqual(ids.slice(50))
        expect([report.done, report.chunks, report.stopped]).toEqual([[], 1, true])
      }
      expect(yield* fake.requests).toHaveLength(3)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a stream read in small chunks (stop): the ids pulled are all in the report, the rest not read", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve({ fail: (index) => index === 0 ? paymentRequired : undefined })
      const ids = idsFrom(200)
      let pulled = 0
      const source = Stream.fromIterable(ids).pipe(
        Stream.rechunk(7),
        Stream.mapChunks((chunk) => {
          pulled += chunk.length
          return chunk
        })
      )
      const report = yield* users.bulkBanAll(source)
      expect(pulled).toBeLessThan(200)
      expect(report.failed.flatMap((failure) => failure.ids)).toEqual(ids.slice(0, 50))
      expect(report.notAttempted).toEqual(ids.slice(50, pulled))
      expect(report.stopped).toBe(true)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("onChunkFailure: continue sends the 3rd chunk after the failed 2nd", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve({ fail: (index) => index === 1 ? paymentRequired : undefined })
      const ids = idsFrom(120)
      const report = yield* users.bulkBanAll(ids, { onChunkFailure: "continue" })
      expect(yield* fake.requests).toHaveLength(3)
      expect(report.done).toEqual([...ids.slice(0, 50), ...ids.slice(100)])
      expect(report.failed.map((failure) => failure.chunk)).toEqual([1])
      expect(report.notAttempted).toEqual([])
      expect(report.stopped).toBe(false)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a failure of the last chunk under stop reads nothing more and stops nothing", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve({ fail: (index) => index === 2 ? paymentRequired : undefined })
      const report = yield* users.bulkBanAll(idsFrom(120))
      expect(report.done).toHaveLength(100)
      expect(report.failed.map((failure) => failure.ids.length)).toEqual([20])
      expect(report.notAttempted).toEqual([])
      expect(report.stopped).toBe(false)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("each id is sent once; repeats are counted", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const ids = idsFrom(60)
      const report = yield* users.bulkBanAll([...ids, ...ids.slice(0, 10), ids[59]!, ids[0]!])
      const requests = yield* fake.requests
      expect(requests.flatMap(sentIds)).toEqual(ids)
      expect(requests.map((request) => sentIds(request).length)).toEqual([50, 10])
      expect(report.done).toEqual(ids)
      expect(report.duplicates).toBe(12)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("no ids: no call, an empty report (an array or a stream)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const empty = {
        done: [],
        notFound: [],
        invalid: [],
        failed: [],
        notAttempted: [],
        duplicates: 0,
        chunks: 0,
        stopped: false
      }
      expect(yield* users.bulkBanAll([])).toEqual(empty)
      expect(yield* users.bulkUnbanAll(Stream.empty)).toEqual(empty)
      expect(yield* fake.requests).toHaveLength(0)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a string is one id", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const report = yield* users.bulkBanAll("user_abc")
      expect((yield* fake.requests).map(sentIds)).toEqual([["user_abc"]])
      expect(report.done).toEqual(["user_abc"])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("invalid ids are reported with the encoder's reason, never sent, and fail no chunk", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const ids = idsFrom(60)
      const report = yield* users.bulkBanAll(["", ...ids.slice(0, 30), "..", " ", ...ids.slice(30), ".", ".."])
      expect(report.invalid).toEqual([
        { id: "", reason: "userId must not be empty" },
        { id: "..", reason: "userId cannot be a dot segment (\"..\")" },
        { id: " ", reason: "userId must not be empty" },
        { id: ".", reason: "userId cannot be a dot segment (\".\")" }
      ])
      expect(report.duplicates).toBe(1)
      expect(report.done).toEqual(ids)
      expect(report.failed).toEqual([])
      expect((yield* fake.requests).map(sentIds)).toEqual([ids.slice(0, 50), ids.slice(50)])
      // only invalid ids: no call
      const none = yield* users.bulkBanAll(["x".repeat(2000), "\uD800"])
      expect(none.invalid.map((invalid) => invalid.reason)).toEqual([
        "userId is longer than 1024 characters",
        "userId is not well-formed Unicode (lone surrogate)"
      ])
      expect(none.chunks).toBe(0)
      expect(yield* fake.requests).toHaveLength(2)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("ids Clerk leaves out of its answer are notFound", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve({ unknown: new Set(["user_3", "user_70"]) })
      const ids = idsFrom(80)
      const report = yield* users.bulkBanAll(ids)
      expect(report.notFound).toEqual(["user_3", "user_70"])
      expect(report.done).toEqual(ids.filter((id) => id !== "user_3" && id !== "user_70"))
    }).pipe(Effect.provide(usersLayer())))

  it.effect("the ids stream's error fails the run with IdsFailed: the error and the report", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const ids = Stream.concat(Stream.fromIterable(idsFrom(70)), Stream.fail(new IdsUnavailable()))
      const run: Effect.Effect<
        Bulk.Report<Users.BulkBanError>,
        Bulk.IdsFailed<IdsUnavailable, Users.BulkBanError>
      > = users.bulkBanAll(ids)
      // ids that cannot fail leave the error channel never
      const fromArray: Effect.Effect<Bulk.Report<Users.BulkBanError>> = users.bulkBanAll(idsFrom(1))
      const fromStream: Effect.Effect<Bulk.Report<Users.BulkBanError>> = users.bulkBanAll(Stream.make("user_1"))
      expect((yield* fromArray).done).toEqual((yield* fromStream).done)
      const error = yield* Effect.flip(run)
      expect(error).toBeInstanceOf(Bulk.IdsFailed)
      expect(error._tag).toBe("IdsFailed")
      const cause: IdsUnavailable = error.cause
      expect(cause).toEqual(new IdsUnavailable())
      expect(error.report.done).toEqual(idsFrom(70))
      expect(error.report.chunks).toBe(2)
      expect((yield* fake.requests).map((request) => sentIds(request).length)).toEqual([1, 1, 50, 20])
    }).pipe(Effect.provide(usersLayer())))

  it.effect("the ids stream's error after a failed chunk (stop): the ids read and not sent are notAttempted", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve({ fail: (index) => index === 0 ? paymentRequired : undefined })
      const ids = Stream.concat(Stream.fromIterable(idsFrom(70)), Stream.fail(new IdsUnavailable()))
      const error = yield* Effect.flip(users.bulkBanAll(ids))
      expect(error.report.failed.map((failure) => failure.ids)).toEqual([idsFrom(50)])
      expect(error.report.notAttempted).toEqual(idsFrom(70).slice(50))
      expect(error.report.stopped).toBe(true)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("bulkUnbanAll calls POST /users/unban", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve()
      const report = yield* users.bulkUnbanAll(idsFrom(51))
      expect((yield* fake.requests).map((request) => [request.url.pathname, sentIds(request).length])).toEqual([
        ["/v1/users/unban", 50],
        ["/v1/users/unban", 1]
      ])
      expect(report.done).toHaveLength(51)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("each chunk goes through the layer's retries (a 503 on the 2nd chunk is retried)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve({ fail: (index) => index === 1 ? { status: 503, json: F.clerkErrorBody(503) } : undefined })
      const exit = yield* drive(users.bulkBanAll(idsFrom(120)))
      const report = yield* exit
      expect(report.done).toHaveLength(120)
      expect(report.chunks).toBe(3)
      expect((yield* fake.requests).map((request) => sentIds(request)[0])).toEqual([
        "user_1",
        "user_51",
        "user_51",
        "user_101"
      ])
    }).pipe(Effect.provide(usersLayer({ retry: RetryPolicy.make({ jitter: false }) }))))

  it.effect("concurrency: chunks in flight together, the report in chunk order", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      let inFlight = 0
      let most = 0
      yield* fake.respond((request) =>
        Effect.gen(function*() {
          inFlight++
          most = Math.max(most, inFlight)
          yield* Effect.repeatN(Effect.yieldNow(), 20)
          inFlight--
          return { json: sentIds(request).map((id) => ({ ...F.userMinimal, id })) }
        })
      )
      const ids = idsFrom(260)
      const report = yield* users.bulkBanAll(ids, { concurrency: 3 })
      expect(most).toBe(3)
      expect(report.done).toEqual(ids)
      most = 0
      yield* users.bulkBanAll(ids)
      expect(most).toBe(1)
      // not a number of chunks: one at a time
      for (const concurrency of [Number.NaN, 0.5, -3, 1.9]) {
        yield* users.bulkBanAll(ids, { concurrency })
        expect(most).toBe(1)
      }
      // unbounded: the 6 chunks at once
      for (const concurrency of ["unbounded", Infinity] as const) {
        most = 0
        expect((yield* users.bulkBanAll(ids, { concurrency })).done).toEqual(ids)
        expect(most).toBe(6)
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("each chunk's call goes through the rate limiter given, retries included (chunks, not requests)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* serve({ fail: (index) => index === 1 ? { status: 503, json: F.clerkErrorBody(503) } : undefined })
      let calls = 0
      const limiter: RateLimiter.RateLimiter = (task) => Effect.zipRight(Effect.sync(() => calls++), task)
      const report = yield* yield* drive(users.bulkBanAll(idsFrom(120), { rateLimiter: limiter }))
      expect(report.done).toHaveLength(120)
      expect(yield* fake.requests).toHaveLength(4)
      expect(calls).toBe(3)
    }).pipe(Effect.provide(usersLayer({ retry: RetryPolicy.make({ jitter: false }) }))))

  it.effect("the run is fresh each time it runs (the same effect twice)", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve()
      const run = users.bulkBanAll(idsFrom(3))
      expect((yield* run).done).toHaveLength(3)
      expect(yield* run).toEqual(yield* run)
      expect((yield* run).duplicates).toBe(0)
    }).pipe(Effect.provide(usersLayer())))
})

interface Recorded {
  readonly name: string
  readonly parent: string | undefined
  readonly attributes: Map<string, unknown>
}

const recordingTracer = (spans: Array<Recorded>) =>
  Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      const recorded: Recorded = {
        name,
        parent: parent._tag === "Some" ? parent.value.spanId : undefined,
        attributes: new Map(Object.entries(options?.attributes ?? {}))
      }
      spans.push(recorded)
      return {
        _tag: "Span",
        name,
        spanId: `span${spans.length - 1}`,
        traceId: "trace",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled: true,
        kind,
        end: () => {},
        attribute: (key, value) => {
          recorded.attributes.set(key, value)
        },
        event: () => {},
        addLinks: () => {}
      } satisfies Tracer.Span
    },
    context: (f) => f()
  })

describe("bulkBanAll span", () => {
  const spans: Array<Recorded> = []
  it.effect("Users.bulkBanAll has the counts as attributes, no user id; each chunk's span is its child", () =>
    Effect.gen(function*() {
      const users = yield* Users
      yield* serve({ fail: (index) => index === 1 ? paymentRequired : undefined })
      const exit = yield* Effect.exit(users.bulkBanAll(["user_1", ...idsFrom(120)]))
      expect(Exit.isSuccess(exit)).toBe(true)
      const run = spans.findIndex((span) => span.name === "Users.bulkBanAll")
      expect(Object.fromEntries(spans[run]!.attributes)).toEqual({
        "clerk.bulk.chunks": 2,
        "clerk.bulk.done": 50,
        "clerk.bulk.not_found": 0,
        "clerk.bulk.invalid": 0,
        "clerk.bulk.failed_chunks": 1,
        "clerk.bulk.failed_ids": 50,
        "clerk.bulk.not_attempted": 20,
        "clerk.bulk.duplicates": 1,
        "clerk.bulk.stopped": true
      })
      const chunks = spans.filter((span) => span.name === "Users.bulkBan")
      expect(chunks).toHaveLength(2)
      for (const chunk of chunks) expect(chunk.parent).toBe(`span${run}`)
    }).pipe(Effect.provide(Layer.merge(usersLayer(), Layer.setTracer(recordingTracer(spans))))))
})

describe("Bulk.run", () => {
  it.effect("a defect of a call is the run's defect, not a failed chunk", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Bulk.run("test", () => Effect.die("boom"), idsFrom(120)))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
    }))

  it.effect("any iterable of ids: a Set, a generator", () =>
    Effect.gen(function*() {
      const sizes: Array<number> = []
      const call = (ids: ReadonlyArray<string>) =>
        Effect.sync(() => {
          sizes.push(ids.length)
          return ids.map((id) => ({ id }))
        })
      function* generate() {
        for (const id of idsFrom(75)) yield id
      }
      expect((yield* Bulk.run("test", call, new Set(idsFrom(3)))).done).toEqual(idsFrom(3))
      expect((yield* Bulk.run("test", call, generate())).done).toEqual(idsFrom(75))
      expect(sizes).toEqual([3, 50, 25])
    }))
})
