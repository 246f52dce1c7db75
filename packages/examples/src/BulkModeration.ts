/**
 * Example 3 — Bulk moderation: ban every user matching a query.
 *
 * - bounded concurrency (`concurrency` bans in flight),
 * - Clerk's instance budget, built into the client: every request (the listing's pages and the bans) waits for
 *   room in the key's budget (`ClerkConfig`'s `instanceBudget`, by default Clerk's less 10 %), and several
 *   workers share it by adding `InstanceBudgetRedis.layerStore` (README, "Many workers, one budget"),
 * - retries by the client's policy (429s wait for `Retry-After`),
 * - a summary of what failed and why, by error tag,
 * - `dryRun`: list who would be banned, ban nobody.
 *
 * It bans one user per call, to report each user's outcome. To ban many users 50 per call with a report of
 * what was done, `users.bulkBanAll` is built in (README, "Bulk work").
 */
import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { Effect, Stream } from "effect"

export interface ModerationOptions {
  readonly query: string
  readonly dryRun: boolean
  readonly concurrency?: number
}

export interface ModerationSummary {
  readonly matched: number
  readonly banned: ReadonlyArray<string>
  readonly alreadyBanned: number
  readonly failed: Readonly<Record<string, number>>
  readonly dryRun: boolean
}

interface Outcome {
  readonly id: string
  /** "banned", "would ban", "already banned", or the tag of the failure. */
  readonly outcome: string
}

export const bulkModeration = (options: ModerationOptions) =>
  Effect.scoped(Effect.gen(function*() {
    const users = yield* Users
    // every matching user, page by page (each page's request is paced by the instance budget too)
    const matching = users.listStream({ query: options.query }, { pageSize: 100 })

    const outcomes = yield* matching.pipe(
      Stream.mapEffect(
        (user): Effect.Effect<Outcome> => {
          if (user.banned) return Effect.succeed({ id: user.id, outcome: "already banned" })
          if (options.dryRun) return Effect.succeed({ id: user.id, outcome: "would ban" })
          return users.ban(user.id).pipe(
            Effect.as<Outcome>({ id: user.id, outcome: "banned" }),
            // keep going: record the failure by its tag
            Effect.catchAll((error: ClerkError) => Effect.succeed({ id: user.id, outcome: error._tag }))
          )
        },
        { concurrency: options.concurrency ?? 4 }
      ),
      Stream.runCollect
    )

    const all = [...outcomes]
    const failed: Record<string, number> = {}
    for (const { outcome } of all) {
      if (outcome !== "banned" && outcome !== "would ban" && outcome !== "already banned") {
        failed[outcome] = (failed[outcome] ?? 0) + 1
      }
    }
    const summary: ModerationSummary = {
      matched: all.length,
      banned: all.filter((o) => o.outcome === "banned" || o.outcome === "would ban").map((o) => o.id),
      alreadyBanned: all.filter((o) => o.outcome === "already banned").length,
      failed,
      dryRun: options.dryRun
    }
    return summary
  }))
