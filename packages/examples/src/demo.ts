/**
 * `pnpm demo`: runs examples 1–4 and 6 end to end and prints what each did.
 *
 * - Without `CLERK_SECRET_KEY`: against the embedded Clerk emulator, served on a loopback port and reached over
 *   real HTTP by `Users.layer`, seeded with a few hundred users.
 * - With `CLERK_SECRET_KEY` (and optionally `CLERK_API_URL`): against that Clerk instance, read-only (exports,
 *   dry runs) unless `--allow-writes` is given.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import { ClerkEmulator, Fault, UsersTestControl } from "@effect-clerk/testkit"
import type { UserSeed } from "@effect-clerk/testkit"
import { FetchHttpClient } from "@effect/platform"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Option } from "effect"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bulkModeration } from "./BulkModeration.js"
import { exportNdjson } from "./ExportNdjson.js"
import { banOrExplain, handlingFailures } from "./HandlingFailures.js"
import { migrateMetadataKey } from "./MetadataMigration.js"
import { quickstart } from "./Quickstart.js"

const live = process.env["CLERK_SECRET_KEY"] !== undefined && process.env["CLERK_SECRET_KEY"] !== ""
const allowWrites = !live || process.argv.includes("--allow-writes")

const section = (title: string) => Console.log(`\n=== ${title}`)
const show = (value: unknown) => Console.log(`  → ${JSON.stringify(value)}`)

/** A few hundred users for the examples to work on. */
const population: ReadonlyArray<UserSeed> = Array.from({ length: 250 }, (_, i) => ({
  emailAddress: [`user${i}@${i % 5 === 0 ? "spam.test" : "example.com"}`],
  firstName: ["Ada", "Grace", "Alan", "Edsger", "Barbara"][i % 5]!,
  lastName: `Number${i}`,
  createdAt: 1_700_000_000_000 + i * 60_000,
  publicMetadata: { plan: i % 3 === 0 ? "trial" : "pro" },
  ...(i % 4 === 0 ? { unsafeMetadata: { referralCode: `ref-${i}`, theme: "dark" } } : {})
}))

/** The emulator on a loopback port, with Users.layer reaching it over HTTP. */
const EmulatorUsers = Layer.unwrapEffect(Effect.map(ClerkEmulator.ClerkEmulator, (emulator) =>
  Users.layer.pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })),
    Layer.provide(FetchHttpClient.layer)
  ))).pipe(Layer.provideMerge(ClerkEmulator.layerServer({ users: population })))

const LiveUsers = Users.layer.pipe(Layer.provide(ClerkConfig.layerFromEnv), Layer.provide(FetchHttpClient.layer))

const examples = Effect.gen(function*() {
  yield* Console.log(
    live
      ? `Running against Clerk (${process.env["CLERK_API_URL"] ?? "https://api.clerk.com/v1"})${
        allowWrites ? ", writes allowed" : ", read-only (pass --allow-writes to run the examples that write)"
      }`
      : "Running against the embedded Clerk emulator (set CLERK_SECRET_KEY to use a real instance)"
  )

  yield* section("1. Quickstart: create, get, update, updateMetadata, list, delete")
  if (allowWrites) yield* show(yield* quickstart)
  else yield* Console.log("  skipped: it writes")

  yield* section("2. Export users matching a filter to NDJSON (pagination stream, constant memory)")
  const path = join(tmpdir(), `effect-clerk-export-${process.pid}.ndjson`)
  yield* show(yield* exportNdjson({ filter: { emailAddressQuery: "example.com" }, path, pageSize: 50 }))

  yield* section("3. Bulk moderation: ban every user matching a query (rate-limited, bounded concurrency)")
  const dryRun = yield* bulkModeration({ query: "spam.test", dryRun: true })
  yield* show({ matched: dryRun.matched, wouldBan: dryRun.banned.length, sample: dryRun.banned.slice(0, 3) })
  if (allowWrites) {
    const summary = yield* bulkModeration({ query: "spam.test", dryRun: false, concurrency: 8 })
    yield* show({ banned: summary.banned.length, failed: summary.failed })
  }

  yield* section("4. Metadata migration: unsafeMetadata.referralCode → privateMetadata (idempotent)")
  if (allowWrites) {
    yield* show(yield* migrateMetadataKey("referralCode"))
    yield* show(yield* migrateMetadataKey("referralCode")) // the second run moves nothing
  } else {
    yield* show(yield* migrateMetadataKey("referralCode", { dryRun: true }))
  }

  yield* section("6. Handling failures: typed errors, a custom retry schedule, a timeout")
  const control = yield* Effect.serviceOption(UsersTestControl)
  if (Option.isSome(control)) {
    // make the emulator fail twice, to show the retry schedule at work
    yield* control.value.injectFault({ operations: ["count"], fault: Fault.status(503), times: 2 })
    yield* Console.log("  (the emulator will answer the next two counts with 503)")
  }
  yield* show(yield* handlingFailures)
  yield* show(yield* banOrExplain("user_does_not_exist"))
  yield* Console.log("\nDone. Example 5 (testing business logic) runs in `pnpm test`.")
})

const program = live
  ? Effect.provide(examples, LiveUsers)
  : Effect.provide(examples, EmulatorUsers)

NodeRuntime.runMain(program.pipe(Effect.provide(NodeContext.layer)))
