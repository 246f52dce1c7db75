/**
 * Section 1: the client's own CPU cost per call, without any network: a fake `HttpClient` in the same process
 * (`cpuWorkload.ts`), each shape against the platform client doing the same transfer by hand.
 *
 * Two measures, both taken in child processes started with `node --single-threaded` (V8's compiler and
 * collector then run on the thread that makes the calls, so that the process's CPU time is the calls' work):
 *
 * - CPU time per call: each variant of a group in its own worker thread (its own heap and compiled code), the
 *   workers running one batch each in turn, round after round (see `cpuChild.ts`); the process's CPU time during
 *   a batch is that worker's. The ratio to the floor is the median over rounds of each round's ratio (the
 *   batches of a round run back to back, so that drift of the machine cancels out); times are medians.
 * - Instructions per call, counted by callgrind (valgrind), which the machine's load cannot change: the
 *   instructions of the calls' own code, without those of V8's optimizing compiler (which runs when V8 decides,
 *   not per call) and of the garbage collector (whose work depends on when it runs); median over rounds.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process"
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { ablations, variants } from "./cpuWorkload.js"

const child = fileURLToPath(new URL("./cpuChild.js", import.meta.url))
const nodeFlags = ["--single-threaded", "--conditions=effect-clerk-internal"]

export interface CpuRow {
  readonly group: string
  readonly name: string
  /** Median CPU time per call (µs). */
  readonly cpu: number
  /** Median wall time per call (µs), measured in the worker. */
  readonly wall: number
  /** Median over rounds of the round's CPU time ÷ the floor's (1 for the floor). */
  readonly ratio: number
  /** Median over rounds of the round's CPU time − the `full` variant's (ablation group only, µs). */
  readonly savedMicros: number | undefined
  /** Instructions per call, without compiler and collector (median over rounds), when callgrind ran. */
  readonly instructions: number | undefined
}

export interface CpuResults {
  readonly rows: ReadonlyArray<CpuRow>
  /** Processes per group. */
  readonly processes: number
  /** Rounds per process (a batch of every variant of the group each). */
  readonly rounds: number
  readonly countRounds: number
  /** Why instruction counts are missing, when they are. */
  readonly instructionsSkipped: string | undefined
  readonly millis: number
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const collect = (proc: ChildProcessWithoutNullStreams): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = ""
    let err = ""
    proc.stdout.on("data", (chunk) => (out += String(chunk)))
    proc.stderr.on("data", (chunk) => (err += String(chunk)))
    proc.on("error", reject)
    proc.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${child} exited ${code}: ${err}`))))
  })

type Samples = Record<string, { cpu: Array<number>; wall: Array<number>; gc: Array<number> }>

/**
 * Another line's workload measured by this harness: the Node that runs it (the Effect 4 line's: Node 22), the
 * module of its variants (`BENCH_WORKLOAD`, same `Variant` shape) and what else its processes need in their
 * environment. No instruction counts.
 */
export interface OtherLine {
  readonly execPath: string
  readonly workload: string
  readonly env: Readonly<Record<string, string>>
}

/** One process measuring a group: each variant in its own worker, batches interleaved round by round. */
const timeGroup = async (group: string, rounds: number, line?: OtherLine): Promise<Samples> =>
  JSON.parse(
    await collect(
      spawn(line?.execPath ?? process.execPath, [...nodeFlags, child, "time", group, String(rounds)], {
        env: line === undefined ? process.env : { ...process.env, ...line.env, BENCH_WORKLOAD: line.workload }
      })
    )
  ) as Samples

const available = (command: string, args: ReadonlyArray<string>): boolean => {
  try {
    execFileSync(command, args, { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

// V8's optimizing compiler and its garbage collector, as callgrind names their entry points (inclusive costs)
const compilerEntries = ["v8::internal::Runtime_CompileOptimized(", "v8::internal::Runtime_CompileLazy("]
const collectorEntries = ["v8::internal::Heap::CollectGarbage(", "v8::internal::IncrementalMarking::Step("]

const inclusiveOf = (annotated: string, prefix: string): number => {
  const line = annotated.split("\n").find((l) => l.includes(`???:${prefix}`))
  const match = line === undefined ? null : /^\s*([\d,]+)/.exec(line)
  return match === null ? 0 : Number(match[1]!.replaceAll(",", ""))
}

/** Runs the count mode under callgrind; returns instructions per call by `group\tname` (median over rounds). */
const countAll = async (rounds: number): Promise<Map<string, number>> => {
  const dir = mkdtempSync(join(tmpdir(), "effect-clerk-callgrind-"))
  try {
    const out = join(dir, "cg.out")
    const valgrind = spawn("valgrind", [
      "--tool=callgrind",
      "--instr-atstart=no",
      `--callgrind-out-file=${out}`,
      "--zero-before=uv_os_getpriority",
      "--dump-before=uv_loadavg",
      process.execPath,
      ...nodeFlags,
      child,
      "count",
      String(rounds),
      "--wait"
    ])
    const done = collect(valgrind)
    await new Promise<void>((resolve, reject) => {
      let seen = ""
      const onData = (chunk: unknown) => {
        seen += String(chunk)
        if (!seen.includes("ready\n")) return
        valgrind.stdout.off("data", onData)
        try {
          execFileSync("callgrind_control", ["-i", "on", String(valgrind.pid)], { stdio: "ignore" })
          valgrind.stdin.write("go\n")
          resolve()
        } catch (error) {
          reject(error)
        }
      }
      valgrind.stdout.on("data", onData)
      valgrind.on("exit", () => reject(new Error("callgrind ended before the measured rounds")))
    })
    const lines = (await done).split("\n").filter((line) => line.startsWith("dump\t"))
    const perCall = new Map<string, Array<number>>()
    lines.forEach((line, i) => {
      const [, group, name, n] = line.split("\t")
      const annotated = execFileSync("callgrind_annotate", ["--inclusive=yes", "--threshold=100", `${out}.${i + 1}`], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024
      })
      const total = Number(/([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS/.exec(annotated)?.[1]?.replaceAll(",", "") ?? 0)
      const excluded = [...compilerEntries, ...collectorEntries].reduce((sum, f) => sum + inclusiveOf(annotated, f), 0)
      const key = `${group}\t${name}`
      perCall.set(key, [...(perCall.get(key) ?? []), (total - excluded) / Number(n)])
    })
    return new Map([...perCall].map(([key, xs]) => [key, median(xs)]))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const runCpu = async (
  options: {
    readonly quick: boolean
    readonly instructions: boolean
    /** Only these groups (all of the workload's by default). */
    readonly groups?: ReadonlyArray<string>
    readonly line?: OtherLine
  }
) => {
  const started = performance.now()
  const processes = options.quick ? 1 : 3
  const rounds = options.quick ? 5 : 12
  const countRounds = options.quick ? 1 : 3
  const groups = options.groups ?? [...new Set(variants.map((v) => v.group))]
  const names = new Map<string, Array<string>>()

  // per group, `processes` processes of `rounds` rounds each; a round is one batch of every variant, back to back
  const samples: Samples = {}
  for (const group of groups) {
    for (let p = 0; p < processes; p++) {
      for (const [name, s] of Object.entries(await timeGroup(group, rounds, options.line))) {
        const inGroup = names.get(group) ?? []
        if (!inGroup.includes(name)) names.set(group, [...inGroup, name])
        const all = samples[`${group}\t${name}`] ??= { cpu: [], wall: [], gc: [] }
        for (const x of s.cpu) all.cpu.push(x)
        for (const x of s.wall) all.wall.push(x)
        for (const x of s.gc) all.gc.push(x)
      }
    }
  }

  let instructionsSkipped: string | undefined
  let counts = new Map<string, number>()
  if (options.line !== undefined || options.groups !== undefined) {
    instructionsSkipped = options.line !== undefined ? "not counted for this line" : "not counted for some groups"
  } else if (!options.instructions) {
    instructionsSkipped = "skipped (`--no-instructions`)"
  } else if (!available("valgrind", ["--version"]) || !available("callgrind_control", ["-h"])) {
    instructionsSkipped = "valgrind (callgrind) is not installed"
  } else {
    counts = await countAll(countRounds)
  }

  const rows: Array<CpuRow> = []
  for (const group of groups) {
    const floor = samples[`${group}\tfloor`]!
    const full = samples[`${group}\tfull`]
    for (const name of names.get(group) ?? []) {
      const s = samples[`${group}\t${name}`]!
      rows.push({
        group,
        name,
        cpu: median(s.cpu),
        wall: median(s.wall),
        ratio: median(s.cpu.map((x, i) => x / floor.cpu[i]!)),
        savedMicros: full === undefined ? undefined : median(s.cpu.map((x, i) => full.cpu[i]! - x)),
        instructions: counts.get(`${group}\t${name}`)
      })
    }
  }
  return {
    rows,
    processes,
    rounds,
    countRounds,
    instructionsSkipped,
    millis: performance.now() - started
  } satisfies CpuResults
}

/** What each ablation variant removes, by its name. */
export const ablationLabels: ReadonlyMap<string, string> = new Map(ablations.map(([key, label]) => [key, label]))
