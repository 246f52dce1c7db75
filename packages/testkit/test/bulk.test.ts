/**
 * `users.bulkBanAll` / `users.bulkUnbanAll` against the in-memory layer and the emulator (the HTTP client over
 * it): 120 ids are 3 calls (the control's stats), a fault on the 2nd chunk gives the report the rules say, and
 * for any number of ids (0..200, with repeats, unknown ids and a failed chunk) every distinct id read ends in
 * exactly one bucket of the report, the store agreeing with it.
 */
import { Users } from "@effect-clerk/core"
import * as Bulk from "@effect-clerk/core/Bulk"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { ClerkEmulator, Fault, UsersInMemory, UsersTestControl } from "../src/index.js"

/**
 * The service of the context with a fault injected before its `nth` bulk call (0 for the first), and the size
 * of every bulk call recorded: the calls still go through the layer (its checks, its pipeline, its store).
 */
const faultBefore = (nth: number | undefined) =>
  Effect.gen(function*() {
    const users = yield* Users
    const control = yield* UsersTestControl
    const sizes: Array<number> = []
    const before = (ids: ReadonlyArray<string>) =>
      Effect.suspend(() => {
        sizes.push(ids.length)
        return sizes.length - 1 === nth
          ? control.injectFault({ operations: ["bulkBan", "bulkUnban"], fault: Fault.status(402) })
          : Effect.void
      })
    const service = Users.fromOperations({
      ...users,
      bulkBan: (ids) => Effect.zipRight(before(ids), users.bulkBan(ids)),
      bulkUnban: (ids) => Effect.zipRight(before(ids), users.bulkUnban(ids))
    })
    return { users: service, control, sizes }
  })

const seed120 = Effect.flatMap(
  UsersTestControl,
  (control) => control.seedUsers(Array.from({ length: 120 }, (_, i) => ({ username: `user${i}` })))
)

const bannedIds = Effect.map(
  Effect.flatMap(UsersTestControl, (control) => control.snapshot),
  (snapshot) => new Set(snapshot.users.filter(({ user }) => user.banned).map(({ user }) => user.id))
)

const setups: ReadonlyArray<readonly [string, () => Layer.Layer<Users | UsersTestControl>]> = [
  ["in memory", () => Layer.orDie(UsersInMemory.layer())],
  ["over the emulator", () => Layer.orDie(ClerkEmulator.layerUsers())]
]

for (const [name, layer] of setups) {
  describe(`bulkBanAll ${name}`, () => {
    it.effect("120 ids: 3 calls (50, 50, 20), every user banned, then unbanned", () =>
      Effect.gen(function*() {
        const ids = (yield* seed120).map((user) => user.id)
        const { control, sizes, users } = yield* faultBefore(undefined)
        const report = yield* users.bulkBanAll(ids)
        expect((yield* control.stats).byOperation["bulkBan"]).toBe(3)
        expect(sizes).toEqual([50, 50, 20])
        expect(report.done).toEqual(ids)
        expect(yield* bannedIds).toEqual(new Set(ids))
        const unbanned = yield* users.bulkUnbanAll(Stream.fromIterable(ids))
        expect((yield* control.stats).byOperation["bulkUnban"]).toBe(3)
        expect(unbanned.done).toEqual(ids)
        expect((yield* bannedIds).size).toBe(0)
      }).pipe(Effect.provide(layer())))

    it.effect("a fault on the 2nd chunk: chunk 1 done, chunk 2 PaymentRequired, chunk 3 not attempted", () =>
      Effect.gen(function*() {
        const ids = (yield* seed120).map((user) => user.id)
        const { control, sizes, users } = yield* faultBefore(1)
        const report = yield* users.bulkBanAll(ids)
        expect((yield* control.stats).byOperation["bulkBan"]).toBe(2)
        expect(sizes).toEqual([50, 50])
        expect(report.done).toEqual(ids.slice(0, 50))
        expect(report.failed.map((failure) => [failure.chunk, failure.ids, failure.error._tag])).toEqual([
          [1, ids.slice(50, 100), "PaymentRequired"]
        ])
        expect(report.notAttempted).toEqual(ids.slice(100))
        expect(report.stopped).toBe(true)
        expect(yield* bannedIds).toEqual(new Set(ids.slice(0, 50)))
      }).pipe(Effect.provide(layer())))

    it.effect("a fault on the 2nd chunk with onChunkFailure: continue: chunks 1 and 3 done", () =>
      Effect.gen(function*() {
        const ids = (yield* seed120).map((user) => user.id)
        const { control, sizes, users } = yield* faultBefore(1)
        const report = yield* users.bulkBanAll(ids, { onChunkFailure: "continue" })
        expect((yield* control.stats).byOperation["bulkBan"]).toBe(3)
        expect(sizes).toEqual([50, 50, 20])
        expect(report.done).toEqual([...ids.slice(0, 50), ...ids.slice(100)])
        expect(report.failed.map((failure) => failure.error._tag)).toEqual(["PaymentRequired"])
        expect(report.notAttempted).toEqual([])
        expect(yield* bannedIds).toEqual(new Set(report.done))
      }).pipe(Effect.provide(layer())))

    it.effect("unknown ids are notFound, invalid ids reported and never sent", () =>
      Effect.gen(function*() {
        const ids = (yield* seed120).map((user) => user.id)
        const { control, users } = yield* faultBefore(undefined)
        const report = yield* users.bulkBanAll([...ids.slice(0, 60), "user_nobody", ...ids.slice(0, 5), " ", ".."])
        expect(report.done).toEqual(ids.slice(0, 60))
        expect(report.notFound).toEqual(["user_nobody"])
        expect(report.duplicates).toBe(5)
        expect(report.invalid.map((invalid) => invalid.id)).toEqual([" ", ".."])
        expect(report.failed).toEqual([])
        expect((yield* control.stats).byOperation["bulkBan"]).toBe(2)
        const unknown = yield* users.bulkBanAll(["user_nobody", ids[70]!])
        expect([unknown.done, unknown.notFound]).toEqual([[ids[70]], ["user_nobody"]])
      }).pipe(Effect.provide(layer())))
  })
}

describe("bulkBanAll properties (in memory)", () => {
  it.effect.prop(
    "for 0..200 ids (repeats, unknown and invalid ids, a failed chunk), every distinct id is in exactly one bucket",
    [
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 8 }),
      fc.array(fc.constantFrom("", " ", ".", "..", "\uDC00"), { maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
      fc.option(fc.nat({ max: 4 }), { nil: undefined }),
      fc.constantFrom("stop" as const, "continue" as const),
      fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant("unbounded" as const))
    ],
    ([count, unknownCount, invalidIds, repeats, failAt, onChunkFailure, concurrency]) =>
      Effect.gen(function*() {
        const control = yield* UsersTestControl
        const seeded = yield* control.seedUsers(Array.from({ length: count }, (_, i) => ({ username: `user${i}` })))
        const unknown = Array.from({ length: unknownCount }, (_, i) => `user_unknown${i}`)
        const distinct = [...seeded.map((user) => user.id), ...unknown, ...new Set(invalidIds)]
        const input = [...distinct]
        if (distinct.length > 0) {
          for (const [at, pick] of repeats) input.splice(at % (input.length + 1), 0, distinct[pick % distinct.length]!)
        }
        const order = [...new Set(input)]
        const { users } = yield* faultBefore(failAt)
        const report = yield* users.bulkBanAll(input, { onChunkFailure, concurrency })

        const buckets = [
          ...report.done,
          ...report.notFound,
          ...report.invalid.map((invalid) => invalid.id),
          ...report.failed.flatMap((failure) => failure.ids),
          ...report.notAttempted
        ]
        // an array is read whole: every distinct id in exactly one bucket, stopped or not
        expect(new Set(buckets).size).toBe(buckets.length)
        expect(buckets.length).toBe(order.length)
        expect(new Set(buckets)).toEqual(new Set(order))
        expect(report.duplicates).toBe(input.length - order.length)
        expect(new Set(report.invalid.map((invalid) => invalid.id))).toEqual(new Set(invalidIds))
        if (onChunkFailure === "continue") expect(report.notAttempted).toEqual([])
        // the chunks: at most MAX_BULK_IDS ids, every failed one with its tag
        for (const failure of report.failed) {
          expect(failure.ids.length).toBeLessThanOrEqual(50)
          expect(failure.error._tag).toBe("PaymentRequired")
        }
        expect(report.failed.length).toBe(failAt !== undefined && failAt < report.chunks ? 1 : 0)
        // the store agrees: banned are the done ones, unknown ids are never done
        expect(yield* bannedIds).toEqual(new Set(report.done))
        expect(report.notFound.every((id) => id.startsWith("user_unknown"))).toBe(true)
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 40 } }
  )
})

describe("Bulk.run over any operation", () => {
  it.effect("the layer's bulkBan through Bulk.run is bulkBanAll", () =>
    Effect.gen(function*() {
      const ids = (yield* seed120).map((user) => user.id)
      const users = yield* Users
      const report = yield* Bulk.run("Users.bulkBanAll", users.bulkBan, ids)
      expect(report.done).toEqual(ids)
      expect(report.chunks).toBe(3)
    }).pipe(Effect.provide(UsersInMemory.layer())))
})
