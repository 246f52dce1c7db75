import { Users } from "@effect-clerk/core"
import type * as Bulk from "@effect-clerk/core/Bulk"
import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Stream } from "effect"

describe("consumer: bulk", () => {
  it.effect("bulkBanAll on 120 ids against the in-memory layer: 3 calls, a report", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const seeded = yield* control.seedUsers(Array.from({ length: 120 }, (_, i) => ({ username: `user${i}` })))
      const ids = seeded.map((user) => user.id)

      const report: Bulk.Report<Users.BulkBanError> = yield* users.bulkBanAll(Stream.fromIterable(ids))
      expect(report.done).toEqual(ids)
      expect((yield* control.stats).byOperation["bulkBan"]).toBe(3)
      expect(yield* users.count({ banned: true })).toBe(120)

      yield* control.injectFault({ operations: ["bulkUnban"], fault: Fault.status(402) })
      const unbanned = yield* users.bulkUnbanAll(ids)
      expect(unbanned.failed.map((failure) => [failure.chunk, failure.ids.length, failure.error._tag])).toEqual([
        [0, 50, "PaymentRequired"]
      ])
      expect([unbanned.done.length, unbanned.notAttempted.length, unbanned.stopped]).toEqual([0, 70, true])
      expect((yield* control.stats).byOperation["bulkUnban"]).toBe(1)
    }).pipe(Effect.provide(UsersInMemory.layer())))
})
