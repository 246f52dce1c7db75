/**
 * The README's bulk snippet, run against the emulator (in process): a domain's users banned 50 per call, then
 * unbanned.
 */
import { Users } from "@effect-clerk/core"
import { ClerkEmulator, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { banDomain, unbanAll } from "../src/readme/bulk.js"

const seeds = Array.from({ length: 130 }, (_, i) => ({
  emailAddress: [`u${i}@${i % 2 === 0 ? "spam.test" : "example.com"}`]
}))

describe("README: bulk work", () => {
  it.live("banDomain bans every user of the domain, 50 per call; unbanAll unbans them", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      expect(yield* banDomain("spam.test")).toEqual({ banned: 65, failed: 0 })
      expect((yield* control.stats).byOperation["bulkBan"]).toBe(2)
      const banned = yield* users.list({ banned: true, limit: 500 })
      expect(banned.every((user) => user.emailAddresses[0]?.emailAddress.endsWith("@spam.test"))).toBe(true)
      const report = yield* unbanAll(banned.map((user) => user.id))
      expect(report.done).toHaveLength(65)
      expect(yield* users.count({ banned: true })).toBe(0)
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ users: seeds }))))
})
