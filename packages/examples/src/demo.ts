/**
 * `pnpm demo`: runs examples 1–5 and 7 (user events, against the emulator only) end to end and shows what each did.
 *
 * - Without `CLERK_SECRET_KEY`: against the embedded Clerk emulator, served on a loopback port and reached over
 *   real HTTP by `Users.layer`, seeded with a few hundred users; faults are injected along the way (a 429 in the
 *   middle of the export, 503s, 402s) so that the retries and the typed failures can be seen.
 * - With `CLERK_SECRET_KEY` (and optionally `CLERK_API_URL`): against that Clerk instance, read-only (exports,
 *   dry runs) unless `--allow-writes` is given.
 *
 * Every request that fails with a 429, a 5xx or a dropped connection is shown when the client retries it. A
 * failure that ends the demo (a wrong key, a configuration error) is one line on stderr and exit code 1. The
 * export goes to a private temporary directory, removed at the end.
 */
import { ClerkConfig, Users, WebhookDeduplication } from "@effect-clerk/core"
import { DEFAULT_PER_USER_WRITE_LIMIT } from "@effect-clerk/core/ClerkConfig"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { ClerkEmulator, Fault, UsersTestControl } from "@effect-clerk/testkit"
import type { UserSeed } from "@effect-clerk/testkit"
import { FetchHttpClient, FileSystem, HttpClient, HttpServer, UrlParams } from "@effect/platform"
import { NodeContext, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { Cause, ConfigError, ConfigProvider, Context, Effect, Layer, Option, Redacted, Schedule } from "effect"
import { createServer } from "node:http"
import { join } from "node:path"
import { bulkModeration } from "./BulkModeration.js"
import { exportNdjson } from "./ExportNdjson.js"
import { banOrExplain, findUser, handlingFailures } from "./HandlingFailures.js"
import { migrateMetadataKey } from "./MetadataMigration.js"
import { quickstart } from "./Quickstart.js"
import {
  bold,
  describeConfigError,
  describeFailure,
  dim,
  endProgress,
  green,
  progress,
  red,
  say,
  section,
  table,
  yellow
} from "./Terminal.js"
import * as UserSync from "./UserSync.js"

const live = (process.env["CLERK_SECRET_KEY"] ?? "") !== ""
const allowWrites = !live || process.argv.includes("--allow-writes")

/** A few hundred users for the examples to work on. */
const population: ReadonlyArray<UserSeed> = Array.from({ length: 250 }, (_, i) => ({
  emailAddress: [`user${i}@${i % 5 === 0 ? "spam.test" : "example.com"}`],
  firstName: ["Ada", "Grace", "Alan", "Edsger", "Barbara"][i % 5]!,
  lastName: `Number${i}`,
  createdAt: 1_700_000_000_000 + i * 60_000,
  publicMetadata: { plan: i % 3 === 0 ? "trial" : "pro" },
  ...(i % 4 === 0 ? { unsafeMetadata: { referralCode: `ref-${i}`, theme: "dark" } } : {})
}))

// -----------------------------------------------------------------------------
// retries, as they happen
// -----------------------------------------------------------------------------

/** The last failed attempt of each request, so that the next attempt of the same request reads as a retry. */
const failedAttempts = new Map<string, { readonly attempts: number; readonly why: string; readonly at: number }>()

const retryable = (status: number) => status === 429 || status >= 500

/** `HttpClient` with every retry shown: the client's policy decides, this only watches the requests go by. */
const WatchedHttpClient = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(
    HttpClient.HttpClient,
    (client) =>
      HttpClient.transform(client, (response, request) =>
        Effect.suspend(() => {
          const query = UrlParams.toString(request.urlParams)
          const label = `${request.method} ${new URL(request.url).pathname.replace(/^\/v\d+/, "")}${
            query === "" ? "" : `?${query}`
          }`
          const previous = failedAttempts.get(label)
          const announce = previous === undefined ? Effect.void : say(
            `   ${yellow("↻")} ${label}: retry ${previous.attempts} after ${previous.why}, ${
              ((Date.now() - previous.at) / 1000).toFixed(1)
            } s later`
          )
          const record = (why: string | undefined) =>
            Effect.sync(() => {
              if (why === undefined) failedAttempts.delete(label)
              else failedAttempts.set(label, { attempts: (previous?.attempts ?? 0) + 1, why, at: Date.now() })
            })
          return announce.pipe(
            Effect.zipRight(response),
            Effect.tap((answer) => record(retryable(answer.status) ? `a ${answer.status}` : undefined)),
            Effect.tapError(() => record("a dropped connection"))
          )
        }))
  )
).pipe(Layer.provide(FetchHttpClient.layer))

/** The failures of either layer below, so that `live ? LiveUsers : EmulatorUsers` is one layer type. */
type UsersLayerError = Layer.Layer.Error<ReturnType<typeof ClerkEmulator.layerServer>> | ConfigError.ConfigError

/** The emulator on a loopback port, with Users.layer reaching it over HTTP. */
const EmulatorUsers: Layer.Layer<Users, UsersLayerError> = ClerkEmulator.layerUsers({
  users: population,
  // paced per user as against Clerk (layerUsers turns the pacing off unless asked)
  config: { perUserWriteLimit: DEFAULT_PER_USER_WRITE_LIMIT },
  transport: ClerkEmulator.loopback(WatchedHttpClient)
})

const LiveUsers = Users.layer.pipe(Layer.provide(ClerkConfig.layerFromEnv), Layer.provide(WatchedHttpClient))

// -----------------------------------------------------------------------------
// the examples
// -----------------------------------------------------------------------------

/** Runs `effect` against the emulator only (to inject a fault); nothing against a real instance. */
const onEmulator = <A>(f: (control: UsersTestControl["Type"]) => Effect.Effect<A>) =>
  Effect.flatMap(Effect.serviceOption(UsersTestControl), Option.match({ onNone: () => Effect.void, onSome: f }))

const examples = Effect.gen(function*() {
  const started = Date.now()
  const fs = yield* FileSystem.FileSystem
  yield* say(bold("effect-clerk demo"))
  yield* say(
    live
      ? `against Clerk at ${process.env["CLERK_API_URL"] ?? "https://api.clerk.com"}${
        allowWrites ? ", writes allowed" : dim(", read-only: pass --allow-writes to run the examples that write")
      }`
      : `against the embedded Clerk emulator, ${population.length} users ${
        dim("(set CLERK_SECRET_KEY to use a real instance)")
      }`
  )

  yield* section(1, "Quickstart", "create, get, update, updateMetadata, list, delete")
  if (allowWrites) {
    const result = yield* quickstart
    yield* table(["step", "result"], [
      ["create", `${result.created} <${result.email}>`],
      ["get", result.fetchedName],
      ["update", result.renamed],
      ["updateMetadata", JSON.stringify(result.publicMetadata)],
      ["list", `${result.listed.length} user(s) with that address`],
      ["delete", result.deleted ? green("deleted") : red("not deleted")]
    ])
  } else {
    yield* say(dim("   skipped: it writes"))
  }

  yield* section(2, "Export to NDJSON", "a pagination Stream into a file, one page in memory at a time")
  const directory = yield* fs.makeTempDirectoryScoped({ prefix: "effect-clerk-demo-" })
  const path = join(directory, "users.ndjson")
  const exported = yield* exportNdjson({
    filter: { emailAddressQuery: "example.com" },
    path,
    pageSize: 25,
    onProgress: (written, total) =>
      Effect.zipRight(
        progress("exporting", written, total),
        // half-way, the emulator answers the next page with a 429: the client waits for Retry-After
        written === Math.floor(total / 2)
          ? onEmulator((control) =>
            control.injectFault({ operations: ["list"], fault: Fault.rateLimited("1 second"), times: 1 })
          )
          : Effect.void
      )
  }).pipe(Effect.ensuring(endProgress))
  const size = (yield* fs.stat(path)).size
  yield* table(["users", "bytes", "file"], [[
    exported.written,
    Number(size),
    `${path} ${dim("(a private temporary directory, removed at the end)")}`
  ]])

  yield* section(3, "Bulk moderation", "ban every user matching a query: rate-limited, 8 at a time, failures by tag")
  const dryRun = yield* bulkModeration({ query: "spam.test", dryRun: true })
  const rows: Array<ReadonlyArray<string | number>> = [[
    "dry run",
    dryRun.matched,
    dryRun.banned.length,
    dryRun.alreadyBanned,
    "-"
  ]]
  if (allowWrites) {
    // two bans refused with 402 (typed, reported, not retried) and one answered 503 (retried)
    yield* onEmulator((control) =>
      Effect.zipRight(
        control.injectFault({ operations: ["ban"], fault: Fault.status(402), times: 2 }),
        control.injectFault({ operations: ["ban"], fault: Fault.status(503), times: 1 })
      )
    )
    const real = yield* bulkModeration({ query: "spam.test", dryRun: false, concurrency: 8 })
    const failures = Object.entries(real.failed).map(([tag, n]) => `${n} ${tag}`).join(", ")
    rows.push(["run", real.matched, real.banned.length, real.alreadyBanned, failures === "" ? "none" : failures])
  }
  yield* table(["pass", "matched", "banned", "already", "failed"], rows)

  yield* section(4, "Metadata migration", "unsafeMetadata.referralCode → privateMetadata, idempotent")
  const runs: ReadonlyArray<readonly [string, { readonly scanned: number; readonly moved: number }]> = allowWrites
    ? [["first run", yield* migrateMetadataKey("referralCode")], [
      "second run",
      yield* migrateMetadataKey("referralCode")
    ]]
    : [["dry run", yield* migrateMetadataKey("referralCode", { dryRun: true })]]
  yield* table(["run", "scanned", "moved"], runs.map(([name, run]) => [name, run.scanned, run.moved]))

  yield* section(5, "Handling failures", "typed errors, a custom retry schedule, a timeout")
  yield* onEmulator((control) => control.injectFault({ operations: ["count"], fault: Fault.status(503), times: 2 }))
  const outcome = yield* handlingFailures
  const missing = yield* findUser("user_does_not_exist")
  yield* table(["call", "outcome"], [
    ["get(\"user_does_not_exist\")", `${Option.isNone(missing) ? "none" : "some"} ${dim("(ResourceNotFound caught)")}`],
    ["get(\"\")", `${outcome.blank ? "none" : "some"} ${dim("(InvalidRequest: nothing sent)")}`],
    ["count() through two 503s", `${outcome.count} ${dim("(retried every 200 ms)")}`],
    ["ban(\"user_does_not_exist\")", yield* banOrExplain("user_does_not_exist")]
  ])

  yield* userEvents

  yield* say()
  yield* say(
    `${green("✓")} done in ${((Date.now() - started) / 1000).toFixed(1)} s. ${
      dim("Testing business logic with UsersInMemory and TestClock: packages/examples/test/PromoteUsers.test.ts")
    }`
  )
})

/** Example 7 (emulator only): the emulator's webhooks keep UserSync's libSQL table in sync, over loopback. */
const userEvents = Effect.gen(function*() {
  yield* section(7, "User events", "signed webhooks over loopback keep a libSQL users table in sync (UserSync.ts)")
  const found = yield* Effect.serviceOption(ClerkEmulator.ClerkEmulator)
  if (Option.isNone(found) || !allowWrites) return yield* say(dim("   skipped: needs the emulator's deliveries"))
  const emulator = found.value
  // the handler on a free loopback port, its secret the emulator's (in an application: the environment)
  const server = yield* Layer.build(
    HttpServer.serve(UserSync.router).pipe(
      Layer.provide(WebhookDeduplication.layerStoreMemory),
      Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
      Layer.provideMerge(UserSync.layerDatabase())
    )
  ).pipe(Effect.withConfigProvider(
    ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", Redacted.value(emulator.webhookSecret)]]))
  ))
  const address = Context.get(server, HttpServer.HttpServer).address
  const url = `http://127.0.0.1:${address._tag === "TcpAddress" ? address.port : 0}/webhooks/clerk`
  yield* Effect.orDie(emulator.addWebhookEndpoint(url))
  // every update delivered twice (the same svix-id): the handler skips the copies
  yield* emulator.control.injectDeliveryFault({ fault: Fault.duplicate(), events: ["user.updated"], times: 2 })
  const users = yield* Users
  const ada = yield* users.create({ emailAddress: ["ada.events@example.com"], firstName: "Ada" })
  const grace = yield* users.create({ emailAddress: ["grace.events@example.com"], firstName: "Grace" })
  yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" } })
  yield* users.ban(grace.id)
  yield* users.delete(ada.id)
  const log = yield* emulator.control.webhookDeliveries.pipe(
    Effect.filterOrFail((log) => log.length >= 7 && log.every((delivery) => delivery.state !== "pending")),
    Effect.retry({ times: 200, schedule: Schedule.spaced("25 millis") }),
    Effect.orElse(() => emulator.control.webhookDeliveries)
  )
  const rows = yield* Effect.provide(Effect.zip(UserSync.list, UserSync.deletedIds), server)
  yield* table(["deliveries", "answered 204", "rows", "tombstones"], [[
    log.length,
    log.filter((delivery) => delivery.attempts.at(-1)?.status === 204).length,
    rows[0].map((row) => `${row.firstName}${row.banned ? " (banned)" : ""}`).join(", "),
    rows[1].length
  ]])
})

/** A failure in one line on stderr and exit code 1; a defect (a bug) keeps its trace. */
const report = (cause: Cause.Cause<ClerkError | ConfigError.ConfigError | unknown>) =>
  Effect.sync(() => {
    const failure = Cause.failureOption(cause)
    const line = Option.match(failure, {
      onNone: () => undefined,
      onSome: (error) =>
        ConfigError.isConfigError(error)
          ? describeConfigError(error)
          : typeof error === "object" && error !== null && "_tag" in error && "message" in error
          ? describeFailure(error as ClerkError)
          : String(error)
    })
    process.stderr.write(`${red("✗")} ${line ?? `unexpected failure\n${Cause.pretty(cause)}`}\n`)
    process.exitCode = 1
  })

const program = examples.pipe(
  Effect.scoped,
  Effect.provide(live ? LiveUsers : EmulatorUsers),
  Effect.provide(NodeContext.layer),
  Effect.catchAllCause((cause) => Cause.isInterruptedOnly(cause) ? Effect.void : report(cause)),
  Effect.ensuring(Effect.sync(() => failedAttempts.clear()))
)

NodeRuntime.runMain(program, { disableErrorReporting: true })
