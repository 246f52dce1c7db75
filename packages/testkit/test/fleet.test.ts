/**
 * The fleet: several worker processes run one job (metadata updates over the seeded users) through `Users.layer`
 * with the same secret key against the emulator enforcing scaled-down limits in its own process. With the
 * instance budget kept in a real `redis-server` (`InstanceBudgetRedis`), together they never overrun the budget
 * (0 × 429) and use it (requests per elapsed window close to the client's budget); each with its own memory store,
 * each believes it has the whole budget, and the emulator answers 429s (so that the first check can fail).
 *
 * Needs Debian's `redis-server` on the `PATH` (`apt-get install -y redis-server`): without it the test fails
 * with that message, it is never skipped.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath, pathToFileURL } from "node:url"
import * as RedisServer from "../../core/test/utils/redisServer.js"
import { EmulatorLauncher } from "../src/index.js"
import type { Job, Result } from "./fleet/worker.js"

const require = createRequire(import.meta.url)
const tsx = pathToFileURL(require.resolve("tsx")).href
const fromSource = ["--conditions=source", "--import", tsx] as const
const emulatorBin = fileURLToPath(new URL("../src/bin/emulator.ts", import.meta.url))
const workerFile = fileURLToPath(new URL("fleet/worker.ts", import.meta.url))

const SECRET_KEY = "sk_test_fleet"
/** The emulator's limit, Clerk's development budget scaled down (100 per 10 s → 20 per second). */
const LIMIT: RateLimits.Budget = { requests: 20, windowMillis: 1000 }
/**
 * The clients' budget: the limit less the default margin (`RateLimits.withMargin`: 18 per 1,000 ms), spaced
 * evenly for the whole fleet by `InstanceBudgetRedis`. Per-process stores together send three times this.
 */
const BUDGET = RateLimits.withMargin(LIMIT)
const WORKERS = 3
const FIBERS = 4
const USERS = 36
/** Six windows of the client's budget. */
const UPDATES = BUDGET.requests * 6

/** One worker process: resolves to its result line (or fails with its output). */
const worker = (job: Job) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const child = spawn(process.execPath, [...fromSource, workerFile, JSON.stringify(job)], {
        stdio: ["pipe", "pipe", "pipe"]
      })
      let output = ""
      child.stdout.on("data", (chunk) => (output += String(chunk)))
      child.stderr.on("data", (chunk) => (output += String(chunk)))
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => /^ready$/m.test(output) && resolve())
        child.once("close", () => reject(new Error(`worker exited before ready:\n${output}`)))
      })
      const result = new Promise<Result>((resolve, reject) =>
        child.once("close", (code) => {
          const line = /^result: (.*)$/m.exec(output)
          return line !== null && code === 0
            ? resolve(JSON.parse(line[1]!) as Result)
            : reject(new Error(`worker ended with ${code}:\n${output}`))
        })
      )
      ready.catch(() => {})
      result.catch(() => {})
      return { child, ready, result }
    }),
    ({ child }) => Effect.sync(() => child.exitCode === null && child.kill("SIGKILL"))
  )

/** The emulator with the limits on, `USERS` users seeded; the job's updates, dealt to the workers in turn. */
const setUp = Effect.gen(function*() {
  const emulator = yield* EmulatorLauncher.make({
    bin: emulatorBin,
    nodeArguments: fromSource,
    secretKey: SECRET_KEY,
    rateLimits: { instance: LIMIT, userWrites: null }
  })
  const ids = yield* Effect.promise(() =>
    emulator.admin.seedUsers(
      Array.from({ length: USERS }, (_, i) => ({ emailAddress: [`fleet${i}@example.com`], firstName: `Worker${i}` }))
    )
  )
  const updates = Array.from({ length: UPDATES }, (_, i) => ({ userId: ids[i % USERS]!, key: `update${i}` }))
  const shares = Array.from({ length: WORKERS }, (_, w) => updates.filter((_, i) => i % WORKERS === w))
  return { emulator, ids, updates, shares }
})

/** Runs the workers together (started when all are ready) and collects their results. */
const runFleet = (jobs: ReadonlyArray<Job>) =>
  Effect.gen(function*() {
    const workers = yield* Effect.forEach(jobs, worker)
    yield* Effect.promise(() => Promise.all(workers.map((w) => w.ready)))
    for (const w of workers) w.child.stdin.write("go\n")
    return yield* Effect.promise(() => Promise.all(workers.map((w) => w.result)))
  })

/** Every attempt of the fleet, its windows of the client's budget from the first to the last, the share used. */
const budgetUse = (results: ReadonlyArray<Result>) => {
  const sent = results.flatMap((r) => r.sent).sort((a, b) => a - b)
  const windows = Math.floor((sent.at(-1)! - sent[0]!) / BUDGET.windowMillis) + 1
  // the most requests sent in one of the emulator's windows (aligned on the epoch), for the failure message
  const perWindow = new Map<number, number>()
  for (const t of sent) {
    perWindow.set(Math.floor(t / LIMIT.windowMillis), (perWindow.get(Math.floor(t / LIMIT.windowMillis)) ?? 0) + 1)
  }
  return {
    attempts: sent.length,
    windows,
    used: sent.length / (windows * BUDGET.requests),
    busiestWindow: Math.max(...perWindow.values())
  }
}

const total = (results: ReadonlyArray<Result>, field: "calls" | "ok" | "failed" | "status429") =>
  results.reduce((sum, r) => sum + r[field], 0)

/** The seeded users as the emulator has them (read once through a paced client). */
const readBack = (apiUrl: string) =>
  Effect.gen(function*() {
    const users = yield* Users
    return yield* users.list({ limit: 100 })
  }).pipe(
    Effect.provide(Users.layer),
    Effect.provide(ClerkConfig.layer({ secretKey: SECRET_KEY, apiUrl })),
    Effect.provide(NodeHttpClient.layerUndici),
    Effect.orDie
  )

describe("a fleet of worker processes against the emulator enforcing limits", () => {
  it.live(
    `${WORKERS} workers × ${FIBERS} fibers, the budget in Redis: 0 × 429, every update landed, the budget used`,
    () =>
      Effect.gen(function*() {
        const redis = yield* RedisServer.make()
        const { emulator, shares, updates } = yield* setUp
        const results = yield* runFleet(shares.map((share) => ({
          apiUrl: emulator.apiUrl,
          secretKey: SECRET_KEY,
          budget: BUDGET,
          store: "redis",
          redisPort: redis.port,
          updates: share,
          fibers: FIBERS
        })))
        const use = budgetUse(results)
        const summary = { results: results.map(({ sent: _, ...r }) => r), ...use }
        expect(total(results, "status429"), JSON.stringify(summary)).toBe(0)
        expect(total(results, "failed"), JSON.stringify(summary)).toBe(0)
        expect(total(results, "ok")).toBe(UPDATES)
        // every update landed, each once: the key it set is in its user's private metadata
        const stored = yield* readBack(emulator.apiUrl)
        const keys = stored.flatMap((user) => Object.keys(user.privateMetadata ?? {}))
        expect(keys.sort()).toEqual(updates.map((u) => u.key).sort())
        // the budget is used: requests per elapsed window of the client's budget, at least 85 % of it
        expect(use.used, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.85)
      }).pipe(Effect.scoped),
    60_000
  )

  it.live(
    `${WORKERS} workers × ${FIBERS} fibers, each with its own memory store: 429s`,
    () =>
      Effect.gen(function*() {
        const { emulator, shares } = yield* setUp
        const results = yield* runFleet(shares.map((share) => ({
          apiUrl: emulator.apiUrl,
          secretKey: SECRET_KEY,
          budget: BUDGET,
          store: "memory",
          redisPort: 0,
          updates: share,
          fibers: FIBERS
        })))
        const summary = { results: results.map(({ sent: _, ...r }) => r), ...budgetUse(results) }
        expect(total(results, "status429"), JSON.stringify(summary)).toBeGreaterThan(0)
      }).pipe(Effect.scoped),
    60_000
  )
})
