/**
 * Example 5 — testing business logic with the in-memory layer, TestClock and a property.
 */
import { Users } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import type { UserSeed } from "@effect-clerk/testkit"
import { UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, FastCheck as fc, TestClock } from "effect"
import { isEligible, promoteEligibleUsers } from "../src/PromoteUsers.js"

const DAY = Duration.toMillis(Duration.days(1))
const rules = { minimumScore: 50, trialDays: 14 }

describe("promoteEligibleUsers", () => {
  it.effect("promotes trial users with a high enough score once their trial is over (TestClock)", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      const users = yield* Users
      const trial = { publicMetadata: { plan: "trial" } }
      // created at time 0 by the TestClock
      const ready = yield* control.seedUser({ ...trial, privateMetadata: { score: 80 } })
      const lowScore = yield* control.seedUser({ ...trial, privateMetadata: { score: 10 } })
      const paying = yield* control.seedUser({ publicMetadata: { plan: "pro" }, privateMetadata: { score: 99 } })

      // 13 days later: nobody yet
      yield* TestClock.adjust(Duration.days(13))
      expect(yield* promoteEligibleUsers(rules)).toEqual([])

      // 14 days later: the trial is over for `ready`
      yield* TestClock.adjust(Duration.days(1))
      expect(yield* promoteEligibleUsers(rules)).toEqual([ready.id])
      const promoted = yield* users.get(ready.id)
      expect(promoted.publicMetadata).toEqual({ plan: "pro", promotedAt: 14 * DAY })
      expect((yield* users.get(lowScore.id)).publicMetadata).toEqual({ plan: "trial" })
      expect((yield* users.get(paying.id)).publicMetadata).toEqual({ plan: "pro" })

      // running again promotes nobody: already promoted users are no longer on trial
      expect(yield* promoteEligibleUsers(rules)).toEqual([])
    }).pipe(Effect.provide(UsersInMemory.layer())))

  const seed: fc.Arbitrary<UserSeed> = fc.record({
    plan: fc.constantFrom("trial", "pro", "free"),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    ageDays: fc.integer({ min: 0, max: 30 })
  }).map(({ ageDays, plan, score }) => ({
    publicMetadata: { plan },
    ...(score === undefined ? {} : { privateMetadata: { score } }),
    createdAt: (30 - ageDays) * DAY
  }))

  it.effect.prop(
    "promotes exactly the users the rule selects, leaves the others alone, and is idempotent",
    [fc.array(seed, { maxLength: 30 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 30 })],
    ([seeds, minimumScore, trialDays]) =>
      Effect.gen(function*() {
        yield* TestClock.setTime(30 * DAY)
        const control = yield* UsersTestControl
        const users = yield* Users
        const before = yield* control.seedUsers(seeds)
        const expected = before.filter((user) => isEligible(user, { minimumScore, trialDays }, 30 * DAY))

        const promoted = yield* promoteEligibleUsers({ minimumScore, trialDays })
        expect(new Set(promoted)).toEqual(new Set(expected.map((user) => user.id)))

        for (const user of before) {
          const after: User = yield* users.get(user.id)
          const wasPromoted = promoted.includes(user.id)
          expect(after.publicMetadata["plan"]).toBe(wasPromoted ? "pro" : user.publicMetadata["plan"])
        }
        expect(yield* promoteEligibleUsers({ minimumScore, trialDays })).toEqual([])
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 40 } }
  )
})
