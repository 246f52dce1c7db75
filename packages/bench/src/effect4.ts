/**
 * Section 7: the Effect 4 line, measured in the same `pnpm bench` run as the Effect 3 line. This process (Node 20)
 * fetches Node 22 from the npm registry (`npx -y node@22.23.3`, the Node the Effect 4 line needs) and runs there:
 *
 * - the CPU-only rows: `packages/bench-effect4/src/cpuWorkload.ts` measured by this bench's own harness
 *   (`cpu.ts` / `cpuChild.ts`, which loads that module as `BENCH_WORKLOAD`), the same bytes (written here from
 *   `fixtures.ts`) against the Effect 4 line's own floor: the bare `effect/http` client doing the same request and
 *   decode;
 * - the streaming walk: `packages/bench-effect4/src/streaming.ts` against the same emulator (this line's, started
 *   here in a child process: one emulator for both lines, a black box over HTTP).
 *
 * and compares the lines: Effect 4 ÷ Effect 3 for the same rows (CPU per call, × floor, the floors themselves).
 * Measured on different Nodes (20 and 22), so the floors' ratio says how much of a difference is the platform's.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { CpuRow } from "./cpu.js"
import { runCpu } from "./cpu.js"
import { errorBody } from "./cpuWorkload.js"
import { pageJson, userJson } from "./fixtures.js"
import { summarize } from "./stats.js"
import type { Walk } from "./streaming.js"
import { startEmulator } from "./streaming.js"

/** The Node the Effect 4 line runs on (as `pnpm test:effect4`). */
export const NODE22 = "node@22.23.3"
/** The rows compared, by group: the Effect 3 line's call and the Effect 4 line's (same names). */
export const SHAPES = [
  ["get", "users.get", "`get`: a 7 KB user", "`users.get`"],
  ["list", "users.list({ limit: 500 })", "`list({ limit: 500 })`: a 3.4 MB page", "a 500-user `list`"],
  ["error", "users.get (404)", "an error: a 404 with Clerk's error body", "an error response"]
] as const
export const GROUPS: ReadonlyArray<string> = SHAPES.map(([group]) => group)
/** Target of the Effect 4 line's CPU-only rows against its own floor. */
export const TARGET = 1.10

// compiled to packages/bench/.bench-out/bench/src/: the Effect 4 line's workloads compiled to packages/bench-effect4/.bench-out/
const out = fileURLToPath(new URL("../../../../bench-effect4/.bench-out/", import.meta.url))

export interface Effect4Results {
  readonly node: string
  readonly cpu: ReadonlyArray<CpuRow>
  readonly processes: number
  readonly rounds: number
  readonly streaming: {
    readonly population: number
    readonly pageSize: number
    readonly fetch: ReadonlyArray<Walk>
    /** Bare fetch plus `effect/Schema`'s decoding of each page: the platform's floor for the same work. */
    readonly decode: ReadonlyArray<Walk>
    readonly stream: ReadonlyArray<Walk>
  }
}

const collect = (command: string, args: ReadonlyArray<string>) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] })
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")}: ${code}`))))
  })

export const runEffect4 = async (options: { readonly quick: boolean; readonly workdir: string }) => {
  // npx as a user runs it (none of pnpm's npm_config_* settings, which npm 11 warns about)
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)))
  const node = execFileSync("npx", ["-y", NODE22, "-p", "process.execPath"], { encoding: "utf8", env }).trim()
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim()
  // the same bytes as the Effect 3 line's CPU-only rows
  const fixtures = join(options.workdir, "effect4-fixtures")
  mkdirSync(fixtures, { recursive: true })
  writeFileSync(join(fixtures, "user.json"), userJson(1))
  writeFileSync(join(fixtures, "page.json"), pageJson(0, 500))
  writeFileSync(join(fixtures, "error.json"), errorBody)
  const cpu = await runCpu({
    quick: options.quick,
    instructions: false,
    groups: GROUPS,
    line: {
      execPath: node,
      workload: pathToFileURL(join(out, "cpuWorkload.js")).href,
      env: { BENCH_EFFECT4_FIXTURES: fixtures }
    }
  })

  const population = options.quick ? 20_000 : 100_000
  const pageSize = 500
  const emulator = await startEmulator(options.workdir, population)
  const result = join(options.workdir, "effect4-streaming.json")
  try {
    await collect(node, [
      "--expose-gc",
      join(out, "streaming.js"),
      emulator.apiUrl,
      "sk_test_bench",
      String(pageSize),
      options.quick ? "2" : "3",
      result
    ])
  } finally {
    emulator.stop()
  }
  const walks: { fetch: ReadonlyArray<Walk>; decode: ReadonlyArray<Walk>; stream: ReadonlyArray<Walk> } = JSON.parse(
    readFileSync(result, "utf8")
  )
  return {
    node: version,
    cpu: cpu.rows,
    processes: cpu.processes,
    rounds: cpu.rounds,
    streaming: { population, pageSize, ...walks }
  } satisfies Effect4Results
}

const fixed = (n: number, digits = 2) => n.toFixed(digits)
const micros = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} ms` : `${n.toFixed(1)} µs`)
const check = (ok: boolean) => (ok ? "✅ met" : "❌ missed")
const rowOf = (rows: ReadonlyArray<CpuRow>, group: string, name: string) =>
  rows.find((r) => r.group === group && r.name === name)

/** The Effect 4 line's figures that BENCHMARKS.md's targets table lists, with this line's streaming walk. */
export const effect4Targets = (
  results: Effect4Results
): ReadonlyArray<readonly [string, string, boolean]> => {
  const cpuTargets = SHAPES.map(([group, name, , short]) => {
    const r = rowOf(results.cpu, group, name)
    return [
      `Effect 4, CPU only: ${short} ≤ ${fixed(TARGET)} × the bare \`effect/http\` client doing the same`,
      r === undefined ? "not measured" : `${fixed(r.ratio)} (${micros(r.cpu)} per call)`,
      r !== undefined && r.ratio <= TARGET
    ] as const
  })
  const peak = Math.max(...results.streaming.stream.map((w) => w.heapGrowthMb))
  return [
    ...cpuTargets,
    [
      `Effect 4, streaming ${results.streaming.population.toLocaleString("en")} users: peak heap growth < 40 MB`,
      `${fixed(peak, 1)} MB (bare fetch: ${
        fixed(Math.max(...results.streaming.fetch.map((w) => w.heapGrowthMb)), 1)
      } MB; bare fetch + \`effect/Schema\` decoding: ${
        fixed(Math.max(...results.streaming.decode.map((w) => w.heapGrowthMb)), 1)
      } MB)`,
      peak < 40
    ]
  ]
}

export const START = "<!-- bench:effect4:start -->"
export const END = "<!-- bench:effect4:end -->"

/** The Effect 4 section of a BENCHMARKS.md text, markers included, if it has one. */
export const effect4SectionOf = (text: string): string | undefined => {
  const start = text.indexOf(START)
  const end = text.indexOf(END, start)
  return start < 0 || end < 0 ? undefined : text.slice(start, end + END.length)
}

/** `text` with its Effect 4 section replaced by `section` (before `before`, or at the end, if it has none). */
export const withEffect4Section = (text: string, section: string, before: string): string => {
  const old = effect4SectionOf(text)
  if (old !== undefined) return text.replace(old, () => section)
  const at = text.indexOf(before)
  return at < 0 ? `${text.trimEnd()}\n\n${section}\n` : `${text.slice(0, at)}${section}\n\n${text.slice(at)}`
}

/**
 * The section: the Effect 4 line's rows and targets, and the line-against-line table. `effect3` are the Effect 3
 * line's CPU rows of the same run, `effect3Streaming` its streaming walks (absent with `--only=effect4`).
 */
export const effect4Section = (
  results: Effect4Results,
  effect3: ReadonlyArray<CpuRow>,
  effect3Streaming: ReadonlyArray<Walk> | undefined,
  context: { readonly command: string; readonly machine: string }
): string => {
  const cpuTable = [
    "| shape | variant | CPU per call | × floor (CPU) |",
    "|---|---|---:|---:|",
    ...SHAPES.flatMap(([group, , label]) =>
      results.cpu.filter((r) => r.group === group).map((r) =>
        `| ${r.name === "floor" ? label : ""} | ${
          r.name === "floor" ? "floor: the bare `effect/http` client by hand" : `\`${r.name}\``
        } | ${micros(r.cpu)} | ${fixed(r.ratio)} |`
      )
    )
  ].join("\n")
  const lineRows = SHAPES.map(([group, name, label]) => {
    const four = rowOf(results.cpu, group, name)
    const three = rowOf(effect3, group, name)
    const floor4 = rowOf(results.cpu, group, "floor")
    const floor3 = rowOf(effect3, group, "floor")
    if (four === undefined || three === undefined || floor4 === undefined || floor3 === undefined) {
      return `| ${label} | – | – | – | – | – |`
    }
    return `| ${label} | ${micros(three.cpu)} | ${micros(four.cpu)} | ${fixed(four.cpu / three.cpu)} | ${
      fixed(four.ratio / three.ratio)
    } | ${fixed(floor4.cpu / floor3.cpu)} |`
  })
  const walk = (walks: ReadonlyArray<Walk>) => summarize(walks.map((w) => w.millis)).median
  const streamRatios = results.streaming.stream.map((w, i) => w.millis / results.streaming.fetch[i]!.millis)
  const decodeRatios = results.streaming.stream.map((w, i) => w.millis / results.streaming.decode[i]!.millis)
  const peak = (walks: ReadonlyArray<Walk>) => Math.max(...walks.map((w) => w.heapGrowthMb))
  const streamingLine = effect3Streaming === undefined
    ? "| streaming (median walk) | not measured in this run | | | | |"
    : `| streaming ${results.streaming.population.toLocaleString("en")} users (median walk; peak heap) | ${
      walk(effect3Streaming).toFixed(0)
    } ms; ${fixed(peak(effect3Streaming), 1)} MB | ${walk(results.streaming.stream).toFixed(0)} ms; ${
      fixed(peak(results.streaming.stream), 1)
    } MB | ${fixed(walk(results.streaming.stream) / walk(effect3Streaming))} | | |`
  return `${START}
## 7. The Effect 4 line (\`@effect-clerk/core\` 1.x)

Measured by \`${context.command}\` (${context.machine}): the Effect 4 line on ${results.node} (fetched with
\`npx -y ${NODE22}\`, its processes started by this run), \`packages/bench-effect4\` over the build of
\`packages/core-effect4\`.

### CPU only, against the Effect 4 line's own floor

The harness of section 1 (${results.processes} process(es) per group, ${results.rounds} rounds each, every variant in its
own worker thread, \`node --single-threaded\`), the same response bytes, a fake \`HttpClient\` built with
\`effect/http\`'s \`HttpClient.make\`; the floor is the bare \`effect/http\` client doing the same transfer by hand
(\`client.execute\`, \`arrayBuffer\`, UTF-8 decoding, \`JSON.parse\`, \`Schema.decodeUnknownEffect\` of the same schema;
for the error, Clerk's error body decoded and failed with). \`Users.layer\` runs as the Effect 3 line's rows do:
no retries, no per-user write limit, no instance budget (the floor neither retries nor paces; with the defaults a
\`sk_test_\` key's instance budget paces every call). Its per-attempt timeout stays on (the floor has none).
Instructions are not counted for this line.

Where the costs were (\`node --cpu-prof\` of the 404 loop): reading the body as a stream (the platform aborts
the request's controller when a body stream ends, a \`DOMException\` with its stack per response) and the error's
stack trace. The line now reads a body whose \`Content-Length\` counts its bytes as one \`ArrayBuffer\` (as the
Effect 3 line does; bodies without one are still streamed under the bound) and builds errors from responses
without a stack (as the Effect 3 line does). What is left over the floor on an error is the attempt's machinery the
floor does not have: the per-attempt timeout (\`Effect.timeoutOrElse\`: a fiber and a timer per attempt; the
Effect 3 line replaced it with one watchdog fiber, not ported yet), the redaction of the key from the error, the
clock read for \`Retry-After\`, the tracer check.

${cpuTable}

| target | measured | |
|---|---|---|
${effect4Targets(results).map(([name, value, ok]) => `| ${name} | ${value} | ${check(ok)} |`).join("\n")}

### Streaming ${results.streaming.population.toLocaleString("en")} users

The same emulator as section 4 (this line's, in a child process: one emulator serves both lines), pages of
${results.streaming.pageSize}, over \`effect/http\`'s \`FetchHttpClient\`; the walk is \`users.listStream({}, { pageSize })\`
with the configuration of section 4's walk (no retries, no instance budget). Three walks per round (the order
flips every round): bare fetch (each page parsed and dropped), bare fetch plus \`effect/Schema\`'s
\`decodeUnknownSync(Schema.Array(User))\` of each page (the platform's floor for the work the line must do: it
yields decoded \`User\`s), and the line. Bare fetch alone is not a fair floor for the heap: the peak of a walk that
decodes is set by Effect 4's Schema decoder (its intermediate objects, promoted and then dropped only by a full
collection), which the Effect 3 line avoided with its own generated struct decoders (not ported to this line).
Time ÷ bare fetch + decoding (median of the rounds): ${fixed(summarize(decodeRatios).median)}; time ÷ bare
fetch (median of the rounds): ${fixed(summarize(streamRatios).median)}.

| walk | users | time (ms) | peak heap growth (MB) | peak RSS growth (MB) |
|---|---:|---:|---:|---:|
${
    results.streaming.fetch.flatMap((f, i) => [
      ["bare fetch", i, f] as const,
      ["bare fetch + `effect/Schema` decoding", i, results.streaming.decode[i]!] as const,
      ["`users.listStream`", i, results.streaming.stream[i]!] as const
    ]).map(([name, i, w]) =>
      `| ${name}, round ${i + 1} | ${w.users} | ${w.millis.toFixed(0)} | ${fixed(w.heapGrowthMb, 1)} | ${
        fixed(w.rssGrowthMb, 1)
      } |`
    ).join("\n")
  }

### Line against line (Effect 4 ÷ Effect 3, the same rows)

"CPU ÷" compares the calls' CPU time (Effect 3 on ${process.version}, Effect 4 on ${results.node}); "× floor ÷"
compares each line's overhead over its own platform floor, which leaves the platforms and the Nodes out; "floors
÷" is the platforms' (and Nodes') own difference.

| row | Effect 3 | Effect 4 | CPU ÷ | × floor ÷ | floors ÷ |
|---|---:|---:|---:|---:|---:|
${lineRows.join("\n")}
${streamingLine}
${END}`
}
