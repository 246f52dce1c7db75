/**
 * Example 6 — Business logic worth unit-testing: promote trial users who earned it.
 *
 * A user is promoted when their public metadata says `plan: "trial"`, their private metadata has a `score` of
 * at least `minimumScore`, and they signed up at least `trialDays` ago. Promotion sets `plan: "pro"` and
 * records when, in one deep-merge patch. Time comes from Effect's `Clock`, so tests drive it with `TestClock`
 * (see test/PromoteUsers.test.ts, which runs this against `UsersInMemory.layer`).
 */
import { Users } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import { Clock, Duration, Effect, Stream } from "effect"

export interface PromotionRules {
  readonly minimumScore: number
  readonly trialDays: number
}

/** The rule, as a pure function of the user and the time. */
export const isEligible = (user: User, rules: PromotionRules, now: number): boolean =>
  user.publicMetadata["plan"] === "trial" &&
  typeof user.privateMetadata?.["score"] === "number" &&
  user.privateMetadata["score"] >= rules.minimumScore &&
  now - user.createdAt >= Duration.toMillis(Duration.days(rules.trialDays))

/** Promotes every eligible user; returns the ids promoted. */
export const promoteEligibleUsers = (rules: PromotionRules) =>
  Effect.gen(function*() {
    const users = yield* Users
    const now = yield* Clock.currentTimeMillis
    return yield* users.listStream().pipe(
      Stream.filter((user) => isEligible(user, rules, now)),
      Stream.mapEffect((user) =>
        users.updateMetadata(user.id, { publicMetadata: { plan: "pro", promotedAt: now } }).pipe(
          Effect.as(user.id)
        ), { concurrency: 4 }),
      Stream.runCollect,
      Effect.map((ids) => [...ids])
    )
  })
