/**
 * The CPU-only benchmark's measuring process, started by `cpu.ts` with `node --single-threaded`.
 *
 * - `time <group> <rounds>`: each variant of the group in its own worker thread (its own V8 heap and compiled
 *   code: no variant collects another's garbage or deoptimizes another's code), warmed up; then, round after
 *   round, each worker in turn runs one batch while the others wait, the order rotating every round. The
 *   process's CPU time during a batch is that worker's (nothing else runs). Prints as JSON the CPU time, wall
 *   time and GC time per call of every batch.
 * - `count <rounds> [--wait]`: every variant in this thread, under callgrind: each batch between two marker
 *   calls (`os.getPriority()` and `os.loadavg()`, which nothing else calls), at which callgrind zeroes and dumps
 *   its counters; prints the order of the batches. With `--wait`, it says `ready` after the warm-up and waits
 *   for a line on stdin (the parent turns callgrind's instrumentation on in between, so that start-up and
 *   warm-up run uninstrumented).
 */
import { getPriority, loadavg } from "node:os"
import { PerformanceObserver } from "node:perf_hooks"
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import type * as Workload from "./cpuWorkload.js"

// The workload: this line's (`cpuWorkload.ts`), or the module `BENCH_WORKLOAD` names (the Effect 4 line's, whose
// variants have the same shape, measured by this same harness on Node 22; see `effect4.ts`)
const { batchOf, variants }: Pick<typeof Workload, "batchOf" | "variants"> = await import(
  process.env["BENCH_WORKLOAD"] ?? "./cpuWorkload.js"
)

interface Batch {
  readonly wallMicros: number
  readonly gcMicros: number
}

if (!isMainThread) {
  // a worker: one variant
  const { group, name } = workerData as { readonly group: string; readonly name: string }
  const variant = variants.find((v) => v.group === group && v.name === name)!
  const n = batchOf(group)
  const { calls, dispose } = await variant.start()
  for (let i = 0; i < 6; i++) await calls(n)
  let gcMillis = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMillis += entry.duration
  }).observe({ entryTypes: ["gc"] })
  parentPort!.on("message", async (message: "batch" | "stop") => {
    if (message === "stop") {
      await dispose()
      parentPort!.close()
      return
    }
    const gcBefore = gcMillis
    const wall = performance.now()
    await calls(n)
    const wallMicros = (performance.now() - wall) * 1000
    // GC entries arrive asynchronously: let them in before answering
    await new Promise((resolve) => setImmediate(resolve))
    parentPort!.postMessage({ wallMicros, gcMicros: (gcMillis - gcBefore) * 1000 } satisfies Batch)
  })
  parentPort!.postMessage("ready")
} else {
  const [mode = "time", ...rest] = process.argv.slice(2)
  if (mode === "time") {
    const [group = "get", roundsArg = "20"] = rest
    const members = variants.filter((v) => v.group === group)
    const n = batchOf(group)
    const workers = await Promise.all(members.map((v) =>
      new Promise<Worker>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { group, name: v.name } })
        worker.once("message", () => resolve(worker))
        worker.once("error", reject)
      })
    ))
    const batch = (worker: Worker) =>
      new Promise<Batch>((resolve) => {
        worker.once("message", resolve)
        worker.postMessage("batch")
      })
    const samples: Record<string, { cpu: Array<number>; wall: Array<number>; gc: Array<number> }> = {}
    for (const v of members) samples[v.name] = { cpu: [], wall: [], gc: [] }
    for (let round = 0; round < Number(roundsArg); round++) {
      for (let k = 0; k < members.length; k++) {
        const i = (round + k) % members.length
        const cpu = process.cpuUsage()
        const { gcMicros, wallMicros } = await batch(workers[i]!)
        const used = process.cpuUsage(cpu)
        const s = samples[members[i]!.name]!
        s.cpu.push((used.user + used.system) / n)
        s.wall.push(wallMicros / n)
        s.gc.push(gcMicros / n)
      }
    }
    for (const worker of workers) worker.postMessage("stop")
    process.stdout.write(JSON.stringify(samples))
  } else {
    const rounds = Number(rest[0] ?? "3")
    const started = await Promise.all(variants.map(async (v) => ({ v, ...(await v.start()) })))
    const groups = [...new Set(variants.map((v) => v.group))]
    const eachBatch = async (round: number, run: (s: (typeof started)[number]) => Promise<void>) => {
      for (const group of groups) {
        const members = started.filter((s) => s.v.group === group)
        for (let k = 0; k < members.length; k++) await run(members[(round + k) % members.length]!)
      }
    }
    for (let round = 0; round < 3; round++) await eachBatch(round, (s) => s.calls(batchOf(s.v.group)))
    if (rest.includes("--wait")) {
      process.stdout.write("ready\n")
      await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()))
      process.stdin.pause()
    }
    for (let round = 0; round < rounds; round++) {
      await eachBatch(round, async (s) => {
        const n = Math.max(1, Math.round(batchOf(s.v.group) / 4))
        getPriority()
        await s.calls(n)
        loadavg()
        process.stdout.write(`dump\t${s.v.group}\t${s.v.name}\t${n}\n`)
      })
    }
    for (const s of started) await s.dispose()
  }
}
