/**
 * The examples, run against the emulator (in process) so that a change that breaks one fails `pnpm test`.
 */
import { Users } from "@effect-clerk/core"
import { ClerkEmulator, Fault, UsersTestControl } from "@effect-clerk/testkit"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bulkModeration } from "../src/BulkModeration.js"
import { exportNdjson } from "../src/ExportNdjson.js"
import { banOrExplain, findUser, handlingFailures } from "../src/HandlingFailures.js"
import { migrateMetadataKey } from "../src/MetadataMigration.js"
import { quickstart } from "../src/Quickstart.js"

const seeds = Array.from({ length: 30 }, (_, i) => ({
  emailAddress: [`u${i}@${i % 3 === 0 ? "spam.test" : "example.com"}`],
  ...(i % 2 === 0 ? { unsafeMetadata: { referralCode: `r${i}`, keep: true } } : {})
}))

const env = Layer.merge(ClerkEmulator.layerUsers({ users: seeds }), NodeContext.layer)

describe("examples", () => {
  it.live("quickstart creates, reads, updates, merges, lists and deletes", () =>
    Effect.gen(function*() {
      const result = yield* quickstart
      expect(result).toMatchObject({ renamed: "Ada Lovelace", deleted: true })
      expect(result.publicMetadata).toEqual({ plan: "pro", onboarding: { step: 2 } })
      expect(result.listed).toEqual([result.created])
    }).pipe(Effect.provide(env)))

  it.live("exportNdjson writes one line per matching user", () =>
    Effect.gen(function*() {
      const path = join(tmpdir(), `export-test-${process.pid}.ndjson`)
      const result = yield* exportNdjson({ filter: { emailAddressQuery: "example.com" }, path, pageSize: 7 })
      const lines = readFileSync(path, "utf8").trim().split("\n").map((line) => JSON.parse(line))
      expect([result.total, result.written, lines.length]).toEqual([20, 20, 20])
      expect(lines.every((user) => user.emailAddresses[0].emailAddress.endsWith("@example.com"))).toBe(true)
    }).pipe(Effect.provide(env)))

  it.live("bulkModeration: a dry run bans nobody; the real run bans every match and reports failures by tag", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const dry = yield* bulkModeration({ query: "spam.test", dryRun: true })
      expect([dry.matched, dry.banned.length, yield* users.count({ banned: true })]).toEqual([10, 10, 0])
      yield* control.injectFault({ operations: ["ban"], fault: Fault.status(402), times: 2 })
      const real = yield* bulkModeration({ query: "spam.test", dryRun: false, concurrency: 3 })
      expect(real.banned).toHaveLength(8)
      expect(real.failed).toEqual({ PaymentRequired: 2 })
      expect(yield* users.count({ banned: true })).toBe(8)
    }).pipe(Effect.provide(env)))

  it.live("migrateMetadataKey moves the key and is idempotent", () =>
    Effect.gen(function*() {
      const users = yield* Users
      expect((yield* migrateMetadataKey("referralCode")).moved).toBe(15)
      expect((yield* migrateMetadataKey("referralCode")).moved).toBe(0)
      const [user] = yield* users.list({ emailAddress: ["u0@spam.test"] })
      expect(user?.privateMetadata).toEqual({ referralCode: "r0" })
      expect(user?.unsafeMetadata).toEqual({ keep: true })
    }).pipe(Effect.provide(env)))

  it.live("handlingFailures: typed outcomes and retries through injected 503s", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      yield* control.injectFault({ operations: ["count"], fault: Fault.status(503), times: 2 })
      expect(yield* handlingFailures).toEqual({ missing: true, blank: true, count: 30 })
      expect(Option.isNone(yield* findUser("user_nope"))).toBe(true)
      expect(yield* banOrExplain("user_nope")).toBe("Clerk answered 404 (resource_not_found)")
      yield* control.injectFault({ operations: ["ban"], fault: Fault.status(402) })
      expect(yield* banOrExplain("user_nope")).toBe("banning needs a paid Clerk plan")
    }).pipe(Effect.provide(env)))
})
