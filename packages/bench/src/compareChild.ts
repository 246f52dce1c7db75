/**
 * One side of `pnpm bench:compare` in one fresh process: the in-memory rows or the emulator rows, measured through
 * the public API of `@effect-clerk/core` and `@effect-clerk/testkit` only.
 *
 * `compare.ts` copies this module (compiled) into the side's `packages/testkit/.bench-out/`, so that every bare
 * import below resolves to that side's own build and its own copy of `effect`: the baseline and the current
 * checkout never share a module. It prints one JSON line: `{ rows: { [row]: samples in ms } }`.
 *
 * usage: node compare-child.js <inmemory|emulator> <population> [--quick]
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import type { UserSeed } from "@effect-clerk/testkit"
import { UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { NodeHttpClient } from "@effect/platform-node"
import { Layer, ManagedRuntime, Stream } from "effect"
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

type Rows = Record<string, Array<number>>

/** Milliseconds of CPU time used so far by every process serving the rows (this one, and the emulator's). */
type CpuClock = () => number

const ownCpu: CpuClock = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

/** A child process's CPU time from `/proc` (Linux; 0 elsewhere, where only the client's own is counted). */
const processCpu = (pid: number | undefined): CpuClock => {
  const ticks = (() => {
    try {
      return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
    } catch {
      return 100
    }
  })()
  return () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks
    } catch {
      return 0
    }
  }
}

/** The row's wall-clock samples, and a second row: the CPU time per call of the whole batch (`cpu`). */
const timed = async (rows: Rows, row: string, runs: number, f: (i: number) => Promise<unknown>, cpu: CpuClock) => {
  const samples: Array<number> = []
  const cpuStarted = cpu()
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await f(i)
    samples.push(performance.now() - started)
  }
  rows[row] = samples
  // the suffix is compareReport.ts's CPU_SUFFIX (this module imports nothing of the bench: see above)
  rows[`${row}, CPU time`] = [(cpu() - cpuStarted) / runs]
}

const seedOf = (i: number, population: number): UserSeed => ({
  emailAddress: [`user${i}@${i % 10 === 0 ? "example.org" : "example.com"}`],
  firstName: ["Ada", "Grace", "Alan", "Edsger", "Barbara"][i % 5]!,
  lastName: `Number${i}`,
  username: `user_${i}`,
  createdAt: 1_700_000_000_000 + i * 1000,
  lastActiveAt: 1_700_000_000_000 + ((i * 7919) % population) * 1000,
  banned: i % 17 === 0,
  publicMetadata: { plan: i % 3 === 0 ? "pro" : "free", seats: i % 50 }
})

/** Metadata of about 7.6 KB, and the small patch applied to it (a deep merge and a size check per call). */
const bigMetadata = Object.fromEntries(
  Array.from({ length: 100 }, (_, k) => [`key${k}`, { value: "x".repeat(50), n: k }])
)

const filter = { emailAddressQuery: "example.org", banned: false } as const
const listParams = { ...filter, orderBy: "-last_active_at", limit: 100, offset: 200 } as const

/** The rows of `Users` served by a runtime, the same for the in-memory layer and the emulator. */
const usersRows = async <E>(
  rows: Rows,
  prefix: string,
  runtime: ManagedRuntime.ManagedRuntime<Users, E>,
  options: { readonly quick: boolean; readonly scale: number; readonly target: string; readonly cpu: CpuClock }
) => {
  const cpu = options.cpu
  const users = await runtime.runPromise(Users)
  const n = (full: number) => Math.max(3, Math.round((options.quick ? full / 3 : full) * options.scale))
  const someone = (await runtime.runPromise(users.list({ limit: 1 })))[0]!.id
  await timed(rows, `${prefix}: \`get\``, n(400), () => runtime.runPromise(users.get(someone)), cpu)
  await timed(rows, `${prefix}: \`create\` (unique email and username)`, n(300), (i) =>
    runtime.runPromise(
      users.create({ emailAddress: [`new${i}@example.net`], username: `new_${i}`, firstName: "New", lastName: "User" })
    ), cpu)
  // the first list after a write sorts the matching users again; later ones may reuse the order
  const cold: Array<number> = []
  let coldCpu = 0
  for (let i = 0; i < n(10); i++) {
    await runtime.runPromise(users.updateMetadata(someone, { privateMetadata: { touched: i } }))
    const cpuStarted = cpu()
    const started = performance.now()
    await runtime.runPromise(users.list(listParams))
    cold.push(performance.now() - started)
    coldCpu += cpu() - cpuStarted
  }
  const coldRow = `${prefix}: \`list\` (filter, order, page) right after a write`
  rows[coldRow] = cold
  rows[`${coldRow}, CPU time`] = [coldCpu / cold.length]
  await timed(rows, `${prefix}: the same \`list\` again`, n(30), () => runtime.runPromise(users.list(listParams)), cpu)
  await timed(rows, `${prefix}: \`count\` (same filter)`, n(30), () => runtime.runPromise(users.count(filter)), cpu)
  let k = 0
  await timed(rows, `${prefix}: \`updateMetadata\` on 7.6 KB of metadata`, n(600), () =>
    runtime.runPromise(
      users.updateMetadata(options.target, { publicMetadata: { key7: { n: ++k }, extra: null } })
    ), cpu)
}

const inMemory = async (population: number, quick: boolean): Promise<Rows> => {
  const rows: Rows = {}
  const runtime = ManagedRuntime.make(UsersInMemory.layer())
  try {
    const control = await runtime.runPromise(UsersTestControl)
    const seeds = Array.from({ length: population }, (_, i) => seedOf(i, population))
    await timed(
      rows,
      `in-memory: \`seedUsers\` of ${population.toLocaleString("en")} users`,
      1,
      () => runtime.runPromise(control.seedUsers(seeds)),
      ownCpu
    )
    const target = await runtime.runPromise(control.seedUser({ publicMetadata: bigMetadata }))
    await usersRows(rows, "in-memory", runtime, { quick, scale: 1, target: target.id, cpu: ownCpu })
    return rows
  } finally {
    await runtime.dispose()
  }
}

const startEmulator = async (seedFile: string) => {
  const bin = fileURLToPath(import.meta.resolve("@effect-clerk/testkit/bin/emulator"))
  const started = performance.now()
  const child = spawn(process.execPath, [bin, "--port", "0", "--seed", seedFile, "--key", "sk_test_compare"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let output = ""
    child.stdout.on("data", (chunk) => {
      output += String(chunk)
      const match = /ready: (\S+\/v1)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}): ${output}`)))
  })
  const cpu = processCpu(child.pid)
  return { apiUrl, startMillis: performance.now() - started, cpu, stop: () => child.kill("SIGTERM") }
}

const emulator = async (population: number, quick: boolean): Promise<Rows> => {
  const rows: Rows = {}
  const dir = mkdtempSync(join(tmpdir(), "effect-clerk-compare-"))
  const seedFile = join(dir, "seed.json")
  const seeds: Array<UserSeed> = Array.from({ length: population }, (_, i) => seedOf(i, population))
  seeds.push({ emailAddress: ["big@example.net"], publicMetadata: bigMetadata })
  writeFileSync(seedFile, JSON.stringify(seeds))
  const server = await startEmulator(seedFile)
  const startRow = `emulator: start, seeded with ${population.toLocaleString("en")} users`
  rows[startRow] = [server.startMillis]
  rows[`${startRow}, CPU time`] = [server.cpu()]
  const cpu: CpuClock = () => ownCpu() + server.cpu()
  const runtime = ManagedRuntime.make(
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: "sk_test_compare",
          apiUrl: server.apiUrl,
          retry: RetryPolicy.none,
          perUserWriteLimit: false,
          instanceBudget: false
        })
      ),
      Layer.provide(NodeHttpClient.layerUndici)
    )
  )
  try {
    const users = await runtime.runPromise(Users)
    const walk = () => runtime.runPromise(users.listStream({}, { pageSize: 500 }).pipe(Stream.runCount))
    await runtime.runPromise(users.listStream({}, { pageSize: 500 }).pipe(Stream.take(2000), Stream.runDrain))
    await timed(rows, `emulator: \`listStream\` of every user, pages of 500`, 1, walk, cpu)
    const target = (await runtime.runPromise(users.list({ emailAddress: ["big@example.net"] })))[0]!.id
    await usersRows(rows, "emulator", runtime, { quick, scale: 0.5, target, cpu })
    return rows
  } finally {
    await runtime.dispose()
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const [kind, populationArg] = process.argv.slice(2)
const population = Number(populationArg)
const quick = process.argv.includes("--quick")
if ((kind !== "inmemory" && kind !== "emulator") || !Number.isInteger(population) || population < 300) {
  process.stderr.write("usage: compare-child.js <inmemory|emulator> <population ≥ 300> [--quick]\n")
  process.exit(2)
}
const rows = kind === "inmemory" ? await inMemory(population, quick) : await emulator(population, quick)
process.stdout.write(`${JSON.stringify({ rows })}\n`)
process.exit(0)
