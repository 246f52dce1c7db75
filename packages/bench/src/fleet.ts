/**
 * Section 6: the fleet. `WORKERS` worker processes × `FIBERS` fibers run one job of metadata updates against the
 * emulator enforcing a scaled-down instance limit (in a process of its own), with the same secret key; their
 * budget kept in one `redis-server` on loopback (`InstanceBudgetRedis`) or each in its own memory. Per variant:
 * the requests sent, the 429s and retries, failed calls, wall time, and the throughput against the emulator's
 * limit and against the clients' budget. Also the limiter's own cost per `take`, memory store and Redis store.
 *
 * A missing `redis-server` fails the section with the message of `RedisServerMissing` (how to install it).
 */
import { ClerkConfig, InstanceBudget, Users } from "@effect-clerk/core"
import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import { EmulatorLauncher } from "@effect-clerk/testkit"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { spawn } from "node:child_process"
import { loadavg } from "node:os"
import { fileURLToPath } from "node:url"
import * as RedisServer from "../../core/test/utils/redisServer.js"
import * as FleetFixedWindowStore from "./fleetFixedWindowStore.js"
import type { FleetJob, FleetWorkerResult } from "./fleetWorker.js"
import { median } from "./stats.js"

/** The emulator's limit: Clerk's production budget (1,000 per 10 s) scaled to 80 per second. */
export const LIMIT: RateLimits.Budget = { requests: 80, windowMillis: 1000 }
export const WORKERS = 4
export const FIBERS = 8
const SECRET_KEY = "sk_test_fleet_bench"
const workerFile = fileURLToPath(new URL("./fleetWorker.js", import.meta.url))
const cwd = fileURLToPath(new URL("../../../", import.meta.url))

export interface Variant {
  readonly store: "redis" | "fixed" | "memory"
  readonly margin: number
  readonly budget: RateLimits.Budget
}

export interface FleetRow extends Variant {
  readonly calls: number
  readonly ok: number
  readonly failed: number
  /** Every attempt sent, 429s included. */
  readonly requests: number
  readonly refused: number
  readonly retries: number
  readonly wallMillis: number
  /** Accepted requests per window of the emulator's limit, over the job (first send to last, plus a window). */
  readonly perWindow: number
  readonly vsLimit: number
  readonly vsBudget: number
  /** Whether every update is in its user's metadata afterwards. */
  readonly landed: boolean
  /** How many times a worker fell back to its local budget (the Redis store's warning). */
  readonly outages: number
  /** The most requests sent in one of the emulator's windows (by the workers' clocks, 429s included). */
  readonly busiest: number
}

export interface CostRow {
  readonly store: "memory" | "redis" | "fixed"
  readonly concurrency: number
  readonly calls: number
  /** Microseconds per `take`, median of the runs. */
  readonly micros: number
  readonly runs: ReadonlyArray<number>
}

export interface FleetResults {
  readonly limit: RateLimits.Budget
  readonly workers: number
  readonly fibers: number
  readonly updates: number
  readonly users: number
  readonly rows: ReadonlyArray<FleetRow>
  readonly cost: ReadonlyArray<CostRow>
  readonly redisVersion: string
  readonly elapsedMillis: number
  /** The machine's load average over the last 5 minutes, at the end. */
  readonly load: number
}

/** The budget of the clients per window of the limit. */
const budgetPerWindow = (budget: RateLimits.Budget) => budget.requests * LIMIT.windowMillis / budget.windowMillis

/** One worker process: resolves once ready, then to its result line (or fails with its output). */
const worker = (job: FleetJob) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const child = spawn(process.execPath, [workerFile, JSON.stringify(job)], { cwd, stdio: ["pipe", "pipe", "pipe"] })
      let output = ""
      child.stdout.on("data", (chunk) => (output += String(chunk)))
      child.stderr.on("data", (chunk) => (output += String(chunk)))
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => /^ready$/m.test(output) && resolve())
        child.once("close", () => reject(new Error(`a fleet worker exited before ready:\n${output}`)))
      })
      const result = new Promise<FleetWorkerResult & { readonly outages: number }>((resolve, reject) =>
        child.once("close", (code) => {
          const line = /^result: (.*)$/m.exec(output)
          return line !== null && code === 0
            ? resolve({
              ...(JSON.parse(line[1]!) as FleetWorkerResult),
              // the Redis store's "unavailable" warnings: a command that timed out, answered by the local fallback
              outages: output.split("Redis store is unavailable").length - 1
            })
            : reject(new Error(`a fleet worker ended with ${code}:\n${output}`))
        })
      )
      ready.catch(() => {})
      result.catch(() => {})
      return { child, ready, result }
    }),
    ({ child }) => Effect.sync(() => child.exitCode === null && child.kill("SIGKILL"))
  )

/** One variant: a fresh emulator (limits on, users seeded), the workers started together, the metadata read back. */
const runVariant = (variant: Variant, redisPort: number, users: number, updates: number) =>
  Effect.scoped(Effect.gen(function*() {
    const emulator = yield* EmulatorLauncher.make({
      cwd,
      secretKey: SECRET_KEY,
      rateLimits: { instance: LIMIT, userWrites: null }
    })
    const ids = yield* Effect.promise(() =>
      emulator.admin.seedUsers(
        Array.from({ length: users }, (_, i) => ({ emailAddress: [`fleet${i}@example.com`], firstName: `Fleet${i}` }))
      )
    )
    const job = Array.from({ length: updates }, (_, i) => ({ userId: ids[i % users]!, key: `update${i}` }))
    const workers = yield* Effect.forEach(Array.from({ length: WORKERS }, (_, w) => w), (w) =>
      worker({
        apiUrl: emulator.apiUrl,
        secretKey: SECRET_KEY,
        budget: variant.budget,
        store: variant.store,
        redisPort,
        updates: job.filter((_, i) => i % WORKERS === w),
        fibers: FIBERS
      }))
    yield* Effect.promise(() => Promise.all(workers.map((w) => w.ready)))
    // the warm-up's windows pass (and the Redis store's keys expire) before the job starts
    yield* Effect.sleep(Duration.millis(2 * LIMIT.windowMillis))
    for (const w of workers) w.child.stdin.write("go\n")
    const results = yield* Effect.promise(() => Promise.all(workers.map((w) => w.result)))
    // every update landed: read back through a client paced by the same budget
    const stored = yield* Effect.flatMap(Users, (client) => client.list({ limit: 500 })).pipe(
      Effect.provide(Users.layer),
      Effect.provide(ClerkConfig.layer({ secretKey: SECRET_KEY, apiUrl: emulator.apiUrl })),
      Effect.provide(NodeHttpClient.layerUndici),
      Effect.orDie
    )
    const keys = new Set(stored.flatMap((user) => Object.keys(user.privateMetadata ?? {})))
    const sent = results.flatMap((r) => r.sent).sort((a, b) => a - b)
    const refusedAt = results.flatMap((r) => r.refused).sort((a, b) => a - b)
    const refused = refusedAt.length
    const perWindowSent = new Map<number, number>()
    for (const t of sent) {
      const w = Math.floor(t / LIMIT.windowMillis)
      perWindowSent.set(w, (perWindowSent.get(w) ?? 0) + 1)
    }
    process.stdout.write(
      `    ${variant.store} ${variant.margin}: 429s sent at (ms into the emulator's window): ${
        refusedAt.map((t) => t % LIMIT.windowMillis).join(", ")
      }; sent per window: ${[...perWindowSent.values()].join(", ")}\n`
    )
    const calls = results.reduce((n, r) => n + r.calls, 0)
    // accepted requests per window of the emulator's, the mean over the windows the job filled (the first and the
    // last, partial, left out)
    const windowOf = (t: number) => Math.floor(t / LIMIT.windowMillis)
    const first = windowOf(sent[0]!)
    const last = windowOf(sent.at(-1)!)
    const inside = (t: number) => windowOf(t) > first && windowOf(t) < last
    const perWindow = (sent.filter(inside).length - refusedAt.filter(inside).length) / Math.max(1, last - first - 1)
    return {
      ...variant,
      calls,
      ok: results.reduce((n, r) => n + r.ok, 0),
      failed: results.reduce((n, r) => n + r.failed, 0),
      requests: sent.length,
      refused,
      retries: sent.length - calls,
      wallMillis: Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start)),
      perWindow,
      vsLimit: perWindow / LIMIT.requests,
      vsBudget: perWindow / budgetPerWindow(variant.budget),
      landed: job.every((update) => keys.has(update.key)),
      outages: results.reduce((n, r) => n + r.outages, 0),
      busiest: Math.max(...perWindowSent.values())
    } satisfies FleetRow
  }))

/** Microseconds per `take` of a limiter over `store`, `concurrency` fibers at a time, after a warm-up. */
const costOf = (
  store: Layer.Layer<InstanceBudget.BudgetStore>,
  calls: number,
  concurrency: number,
  run: number
) =>
  Effect.gen(function*() {
    const limiter = yield* InstanceBudget.make({
      // a key of its own for each run: a fresh window, never spent (a billion per 1,000 s: a microsecond apart)
      secretKey: `sk_test_cost_${concurrency}_${run}_${Date.now()}`,
      budget: { requests: 1_000_000_000, window: Duration.seconds(1000) }
    })
    const takes = (n: number) =>
      Effect.forEach(Array.from({ length: n }), () => limiter.take, { concurrency, discard: true })
    yield* takes(Math.min(1000, calls))
    const started = performance.now()
    yield* takes(calls)
    return (performance.now() - started) * 1000 / calls
  }).pipe(Effect.provide(store))

export const runFleet = (options: { readonly quick: boolean }): Promise<FleetResults> =>
  Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const started = Date.now()
    const redis = yield* RedisServer.make()
    const info = yield* redis.command("INFO", "server")
    const redisVersion = typeof info === "string" ? /redis_version:(\S+)/.exec(info)?.[1] ?? "?" : "?"
    const users = options.quick ? 60 : 240
    const updates = options.quick ? 600 : 2400
    const variants: ReadonlyArray<Variant> = [
      { store: "redis", margin: 0.1, budget: RateLimits.withMargin(LIMIT, 0.1) },
      { store: "redis", margin: 0.05, budget: RateLimits.withMargin(LIMIT, 0.05) },
      { store: "redis", margin: 0.03, budget: RateLimits.withMargin(LIMIT, 0.03) },
      { store: "fixed", margin: 0.1, budget: RateLimits.withMargin(LIMIT, 0.1) },
      { store: "memory", margin: 0.1, budget: RateLimits.withMargin(LIMIT, 0.1) }
    ]
    const rows: Array<FleetRow> = []
    for (const variant of variants) {
      process.stdout.write(`  fleet: ${variant.store} store, margin ${variant.margin * 100} %…\n`)
      rows.push(yield* runVariant(variant, redis.port, users, updates))
    }
    process.stdout.write("  fleet: the limiter's cost per take…\n")
    const stores = {
      memory: InstanceBudget.layerStoreMemory,
      redis: InstanceBudgetRedis.layerStore({ redis: { host: "127.0.0.1", port: redis.port } }),
      fixed: FleetFixedWindowStore.layer({ host: "127.0.0.1", port: redis.port })
    } as const
    const cost: Array<CostRow> = []
    for (const store of ["memory", "redis", "fixed"] as const) {
      for (const concurrency of [1, 8]) {
        const calls = store === "memory" ? 20_000 : concurrency === 1 ? 3_000 : 10_000
        const runs: Array<number> = []
        for (let run = 0; run < (options.quick ? 1 : 5); run++) {
          runs.push(yield* costOf(stores[store], calls, concurrency, run))
        }
        cost.push({ store, concurrency, calls, micros: median(runs), runs })
      }
    }
    return {
      limit: LIMIT,
      workers: WORKERS,
      fibers: FIBERS,
      updates,
      users,
      rows,
      cost,
      redisVersion,
      elapsedMillis: Date.now() - started,
      load: loadavg()[1] ?? 0
    }
  })))

export const START = "<!-- bench:fleet:start -->"
export const END = "<!-- bench:fleet:end -->"

/** The fleet section of a BENCHMARKS.md text, markers included, if it has one. */
export const fleetSectionOf = (text: string): string | undefined => {
  const start = text.indexOf(START)
  const end = text.indexOf(END, start)
  return start < 0 || end < 0 ? undefined : text.slice(start, end + END.length)
}

/** `text` with its fleet section replaced by `section` (before the compare section, or at the end, if none). */
export const withFleetSection = (text: string, section: string, before: string): string => {
  const old = fleetSectionOf(text)
  if (old !== undefined) return text.replace(old, () => section)
  const at = text.indexOf(before)
  return at < 0 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, at)}${section}\n\n${text.slice(at)}`
}

const percent = (n: number) => `${(n * 100).toFixed(1)} %`
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`

const storeLabels: Record<Variant["store"], string> = {
  redis: "`InstanceBudgetRedis` (one Redis, spaced)",
  fixed: "fixed window in one Redis (comparison: `fleetFixedWindowStore.ts`)",
  memory: "`InstanceBudget.layerStoreMemory`, one per process"
}

/** The best row of a store without a 429, a failed call or a lost update: the one closest to the limit. */
const bestOf = (rows: ReadonlyArray<FleetRow>, store: Variant["store"]) =>
  rows.filter((r) => r.store === store && r.refused === 0 && r.failed === 0 && r.landed)
    .reduce<FleetRow | undefined>((a, r) => (a === undefined || r.vsLimit > a.vsLimit ? r : a), undefined)

const verdict = (rows: ReadonlyArray<FleetRow>, store: Variant["store"]) => {
  const best = bestOf(rows, store)
  if (best === undefined) return `❌ no margin measured ran without a 429`
  return `${best.vsBudget >= 0.95 ? "✅" : "❌"} best without a 429: a ${
    percent(best.margin)
  } margin (${best.budget.requests} per ${best.budget.windowMillis} ms), ${percent(best.vsLimit)} of the limit, ${
    percent(best.vsBudget)
  } of its budget`
}

/** The section's text, markers included. */
export const fleetSection = (
  results: FleetResults,
  setting: { readonly command: string; readonly machine: string }
) => {
  const { limit } = results
  const rowOf = (r: FleetRow) =>
    `| ${storeLabels[r.store]} | ${percent(r.margin)}: ${r.budget.requests} per ${r.budget.windowMillis} ms | ${
      r.calls.toLocaleString("en")
    } | ${r.requests.toLocaleString("en")} | ${r.refused} | ${r.retries} | ${r.failed} | ${
      r.landed ? "all" : "❌ not all"
    } | ${r.busiest} | ${r.outages} | ${seconds(r.wallMillis)} | ${r.perWindow.toFixed(1)} | ${percent(r.vsLimit)} | ${
      percent(r.vsBudget)
    } |`
  const costLabels: Record<CostRow["store"], string> = {
    memory: "`InstanceBudget.layerStoreMemory`",
    redis: "`InstanceBudgetRedis.layerStore` (Redis on loopback)",
    fixed: "fixed window in Redis (comparison, loopback)"
  }
  const costRow = (c: CostRow) =>
    `| ${costLabels[c.store]} | ${c.concurrency === 1 ? "sequential" : `${c.concurrency} concurrent fibers`} | ${
      c.calls.toLocaleString("en")
    } | ${c.micros.toFixed(1)} µs | ${c.runs.map((m) => m.toFixed(1)).join(", ")} |`
  const margin10 = RateLimits.withMargin(limit, 0.1)
  return `${START}
## 6. Many workers, one budget: the fleet against the emulator's limits

Measured by \`${setting.command}\` on ${
    new Date().toISOString().slice(0, 10)
  }: ${setting.machine}; Redis ${results.redisVersion}
(Debian's \`redis-server\` on a free loopback port, no persistence). ${
    (results.elapsedMillis / 60_000).toFixed(1)
  } minutes; load average ${results.load.toFixed(1)} over them (the machine is shared).

${results.workers} worker processes × ${results.fibers} concurrent fibers run one job, ${
    results.updates.toLocaleString("en")
  } \`updateMetadata\` calls over ${results.users} users (dealt to the workers in turn), through \`Users.layer\` with
the same secret key, against the emulator in a process of its own enforcing ${limit.requests} requests per ${limit.windowMillis} ms
for the key (\`rateLimits: { instance: { requests: ${limit.requests}, windowMillis: ${limit.windowMillis} }, userWrites: null }\`: Clerk's
production budget, 1,000 per 10 s, scaled down in time so that a variant takes about half a minute; no per-user
limit, \`perUserWriteLimit: false\`). The clients pace every request under the budget of the row
(\`ClerkConfig.instanceBudget\` = \`RateLimits.withMargin(limit, margin)\`), kept in one Redis
(\`InstanceBudgetRedis.layerStore\`, or for comparison a fixed window in Redis, \`@effect/experimental\`'s
\`RateLimiter\` in delay mode, which the first version of \`InstanceBudgetRedis\` used) or each in its own memory; retries: \`RetryPolicy.make({ retries: 20 })\`, a 429 waited out for its
\`Retry-After\` (and, through \`InstanceBudget\`, blocking the budget). Each variant gets a fresh emulator; each
worker warms up (10 reads, not counted), then all start together two windows later. Every attempt is counted
in the workers on their \`HttpClient\` (429s included). "landed": every user read back afterwards has each of its
updates' keys. "busiest window": the most requests the workers sent in one of the emulator's windows (by their
clocks). "fallbacks": the Redis store's "unavailable" warnings (a command over its timeout, 1 s by default, answered by
the local budget). Throughput: the requests accepted per window of the emulator's (aligned on the epoch, by
the workers' send times), the mean over the windows of the job but its first and last (partial) ones, against
the emulator's limit and against the clients' budget (per ${limit.windowMillis} ms).

| store | margin: budget | calls | requests sent | 429s | retries | failed calls | landed | busiest window | fallbacks | wall time | accepted per window | ÷ limit | ÷ budget |
|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|
${results.rows.map(rowOf).join("\n")}

Target (issue 23): with the Redis store, throughput ≥ 95 % of the budget (the clients', the limit less the
margin) and 0 × 429.

- \`InstanceBudgetRedis\`: ${verdict(results.rows, "redis")}.
- The fixed window (the comparison): ${verdict(results.rows, "fixed")}.

What the rows show:

- **Per-process stores** each believe they have the whole budget: together they send up to ${results.workers} × the budget
  into a window, collect 429s by the hundred and spend the job waiting out \`Retry-After\`s.
- **\`InstanceBudgetRedis\`** spaces the requests (generic cell rate algorithm on Redis's \`TIME\`: one request
  every \`window / requests\` for the whole fleet; a 429 blocks the key; the key expires when its schedule has
  passed): at most \`window / interval\` requests, plus the jitter of a few, reach any window of the server's,
  however it is aligned, so that a small margin is enough ("busiest window" ≈ the budget).
- **The fixed window** releases a window's whole budget at once, one client window after the previous burst, at a
  time of its own (the key's first request): nothing aligns it with the server's windows (Clerk's, the
  emulator's). A burst takes a few round trips to go out (${
    results.fibers * results.workers
  } fibers for ${margin10.requests} requests); when it straddles a boundary of the
  server's window, its tail and the whole next burst count in the same window of the server's: the margin would
  have to cover a tail that grows with the concurrency. The tail crosses the boundary between sending and
  arriving, so that the workers' own count of a window ("busiest window") can stay at the budget.
${
    results.rows.some((r) => r.store === "redis" && r.outages > 0)
      ? `- On this loaded machine a Redis command sometimes took longer than the store's timeout
  ("fallbacks"): the process then paced on its local share of the budget, on top of the shared one${
        results.rows.every((r) => r.store !== "redis" || r.refused === 0 || r.outages > 0)
          ? `; every
  \`InstanceBudgetRedis\` row with a 429 had a fallback`
          : ""
      }.
`
      : ""
  }- A single 429 costs the fleet a whole window (every worker waits out its \`Retry-After\`): over a job of ~30
  windows, one 429 is ~3 % of the throughput.

**The limiter's own cost** (\`InstanceBudget.make\` then \`take\`, a budget that never makes a call wait; µs per
\`take\`, after a warm-up; the median of the runs, every run listed):

| store | fibers | takes per run | per take (median) | runs |
|---|---|---:|---:|---|
${results.cost.map(costRow).join("\n")}

A Clerk call takes tens of milliseconds: a Redis round trip on loopback is a fraction of a millisecond; with
several fibers the Redis client pipelines the commands of a process over one connection.
${END}`
}
