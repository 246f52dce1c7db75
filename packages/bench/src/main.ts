/**
 * `pnpm bench`: every figure of BENCHMARKS.md, measured in one run, written to BENCHMARKS.md.
 *
 * `pnpm bench -- --quick` runs fewer rounds and a smaller population (for a smoke check; the file it writes
 * says so); `--no-instructions` skips the instruction counts (callgrind), which take a few minutes;
 * `--only=fleet` runs the fleet section alone (section 6, about four minutes, needs `redis-server`) and replaces
 * only that section of BENCHMARKS.md; `--only=effect4` runs the Effect 4 line's section alone (section 7, on Node 22
 * fetched from the registry, beside the Effect 3 line's CPU-only rows of the same shapes) and replaces only it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus, platform, release, totalmem } from "node:os"
import { fileURLToPath } from "node:url"
import { sectionOf, START as COMPARE_START, withSection } from "./compareReport.js"
import type { CpuRow } from "./cpu.js"
import { ablationLabels, runCpu } from "./cpu.js"
import { NO_SPAN_FLOOR } from "./cpuWorkload.js"
import { runDecode } from "./decode.js"
import type { Effect4Results } from "./effect4.js"
import {
  effect4Section,
  effect4SectionOf,
  effect4Targets,
  GROUPS as EFFECT4_GROUPS,
  runEffect4,
  withEffect4Section
} from "./effect4.js"
import type { FleetResults } from "./fleet.js"
import { fleetSection, fleetSectionOf, runFleet, withFleetSection } from "./fleet.js"
import type { HttpResults } from "./http.js"
import { runHttp } from "./http.js"
import { runInMemory, runPropertySuite } from "./inmemory.js"
import type { Summary } from "./stats.js"
import { ms, ratio, summarize } from "./stats.js"
import { runStreaming } from "./streaming.js"

const quick = process.argv.includes("--quick")
const instructions = !process.argv.includes("--no-instructions")
const only = process.argv.find((argument) => argument.startsWith("--only="))?.slice("--only=".length)
if (only !== undefined && only !== "fleet" && only !== "effect4") {
  process.stderr.write(`pnpm bench: --only takes "fleet" or "effect4" (the sections that run alone), not ${only}\n`)
  process.exit(2)
}
const root = fileURLToPath(new URL("../../../../../", import.meta.url))
const workdir = fileURLToPath(new URL("../../", import.meta.url))
mkdirSync(workdir, { recursive: true })

const log = (line: string) => process.stdout.write(`${line}\n`)
const check = (ok: boolean) => (ok ? "✅ met" : "❌ missed")
const command = `pnpm bench${quick ? " -- --quick" : ""}${instructions ? "" : " -- --no-instructions"}`
const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${
  (totalmem() / 1024 ** 3).toFixed(0)
} GB, ${platform()} ${release()}, Node ${process.version}`

if (only === "fleet") {
  log(`effect-clerk benchmarks: the fleet section alone${quick ? " (quick)" : ""}`)
  const section = fleetSection(await runFleet({ quick }), {
    command: `pnpm bench -- --only=fleet${quick ? " --quick" : ""}`,
    machine
  })
  const text = readFileSync(`${root}BENCHMARKS.md`, "utf8")
  writeFileSync(`${root}BENCHMARKS.md`, withFleetSection(text, section, COMPARE_START))
  log(section)
  process.exit(0)
}

if (only === "effect4") {
  log(`effect-clerk benchmarks: the Effect 4 line's section alone${quick ? " (quick)" : ""}`)
  log("the Effect 3 line's CPU-only rows of the same shapes…")
  const effect3 = await runCpu({ quick, instructions: false, groups: EFFECT4_GROUPS })
  log("the Effect 4 line on Node 22: CPU only, streaming…")
  const section = effect4Section(await runEffect4({ quick, workdir }), effect3.rows, undefined, {
    command: `pnpm bench -- --only=effect4${quick ? " --quick" : ""}`,
    machine
  })
  const text = readFileSync(`${root}BENCHMARKS.md`, "utf8")
  writeFileSync(`${root}BENCHMARKS.md`, withEffect4Section(text, section, COMPARE_START))
  log(section)
  process.exit(0)
}

log(`effect-clerk benchmarks${quick ? " (quick)" : ""}`)
log("1/7 CPU only: a fake HttpClient in the same process, every shape against the platform client…")
const cpu = await runCpu({ quick, instructions })
log("2/7 HTTP over loopback: get and 500-user pages, interleaved…")
const http: HttpResults = await runHttp({ quick })
log("3/7 decode cost…")
const decode = runDecode({ quick })
log("4/7 streaming through the emulator…")
const streaming = await runStreaming({ quick, workdir })
log("5/7 in-memory layer at scale, property suite…")
const inMemory = await runInMemory({ quick })
const properties = runPropertySuite()
log("6/7 the fleet: worker processes, one budget in Redis or one per process…")
// a missing redis-server fails this section (the message says how to install it); the others are written
let fleet: FleetResults | undefined
let fleetFailure: string | undefined
try {
  fleet = await runFleet({ quick })
} catch (error) {
  fleetFailure = error instanceof Error ? error.message : String(error)
  log(`the fleet section failed: ${fleetFailure}`)
  process.exitCode = 1
}
log("7/7 the Effect 4 line on Node 22: CPU only against its own floor, streaming…")
// like the fleet: a failure (no Node 22 from the registry) fails the run, and the section already there stays
let effect4: Effect4Results | undefined
try {
  effect4 = await runEffect4({ quick, workdir })
} catch (error) {
  log(`the Effect 4 section failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}

// -----------------------------------------------------------------------------
// CPU only
// -----------------------------------------------------------------------------

const row = (group: string, name: string): CpuRow => cpu.rows.find((r) => r.group === group && r.name === name)!
const rowsOf = (group: string) => cpu.rows.filter((r) => r.group === group)
const floorOf = (group: string) => row(group, "floor")
const micros = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} ms` : `${n.toFixed(1)} µs`)
const count = (n: number | undefined) =>
  n === undefined ? "–" : n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`
const instructionRatio = (r: CpuRow) => {
  const floor = floorOf(r.group).instructions
  return r.instructions === undefined || floor === undefined ? undefined : r.instructions / floor
}
const fixed = (n: number | undefined, digits = 2) => (n === undefined ? "–" : n.toFixed(digits))

const shapes: ReadonlyArray<readonly [string, string, string]> = [
  ["get", "users.get", "`get`: a 7 KB user"],
  ["list", "users.list({ limit: 500 })", "`list({ limit: 500 })`: a 3.4 MB page"],
  ["create", "users.create(params)", "`create`: a JSON body, a user back"],
  ["upload", "users.setProfileImage(id, file)", "`setProfileImage`: a 64 KB multipart upload, a user back"],
  ["error", "users.get (404)", "an error: a 404 with Clerk's error body"]
]

const cpuTable = [
  "| shape | variant | CPU per call | × floor (CPU) | instructions per call | × floor (instructions) |",
  "|---|---|---:|---:|---:|---:|",
  ...shapes.flatMap(([group, , label]) =>
    rowsOf(group).map((r) =>
      `| ${r.name === "floor" || group !== "get" || r.name === "users.get" ? label : ""} | ${
        r.name === "floor" ? "floor: the platform client by hand" : `\`${r.name}\``
      } | ${micros(r.cpu)} | ${fixed(r.ratio)} | ${count(r.instructions)} | ${fixed(instructionRatio(r))} |`
    )
  )
].join("\n")

const full = row("ablation", "full")
const ablationTable = [
  "| removed from `users.get` | CPU per call | CPU saved | × floor (CPU) | instructions per call | instructions saved |",
  "|---|---:|---:|---:|---:|---:|",
  ...rowsOf("ablation").map((r) =>
    `| ${
      r.name === "floor"
        ? "(the floor: the platform client by hand)"
        : r.name === "full"
        ? "nothing: the whole pipeline"
        : ablationLabels.get(r.name) ?? r.name
    } | ${micros(r.cpu)} | ${r.name === "floor" || r.name === "full" ? "" : micros(r.savedMicros ?? 0)} | ${
      fixed(r.ratio)
    } | ${count(r.instructions)} | ${
      r.name === "floor" || r.name === "full" || r.instructions === undefined || full.instructions === undefined
        ? ""
        : count(full.instructions - r.instructions)
    } |`
  )
].join("\n")

// -----------------------------------------------------------------------------
// targets
// -----------------------------------------------------------------------------

const getRow = row("get", "users.get")
const getTracedRow = row("get", "users.get, a tracer installed")
const listTracedRow = row("list", "users.list({ limit: 500 }), a tracer installed")
const listRow = row("list", "users.list({ limit: 500 })")
const errorRow = row("error", "users.get (404)")
const errorTracedRow = row("error", "users.get (404), a tracer installed")
const withInstructions = (r: CpuRow) =>
  `${fixed(r.ratio)} (instructions: ${instructionRatio(r) === undefined ? "not counted" : fixed(instructionRatio(r))})`
// the same call against the floor without the platform's http.client span, which the client does not open either
// when no tracer is installed: the library's own cost, like for like
const likeForLike = (r: CpuRow) => {
  const floor = row(r.group, NO_SPAN_FLOOR)
  const instructions = r.instructions === undefined || floor.instructions === undefined
    ? "not counted"
    : fixed(r.instructions / floor.instructions)
  return `${fixed(r.ratio / floor.ratio)} (instructions: ${instructions})`
}
// a CPU target's figures, the one that misses first
const summaryOf = (r: CpuRow, traced: CpuRow) =>
  r.ratio <= 1.25
    ? `with a tracer installed ${withInstructions(traced)}; without one ${withInstructions(r)}, and ${
      likeForLike(r)
    } against the floor without its \`http.client\` span`
    : `${withInstructions(r)}; against the floor without its \`http.client\` span ${
      likeForLike(r)
    }; with a tracer installed ${withInstructions(traced)}`
const cpuTarget = (r: CpuRow, traced: CpuRow) =>
  `${withInstructions(r)}; against the floor without its \`http.client\` span: ${likeForLike(r)}; with a tracer ` +
  `installed: ${withInstructions(traced)}`

const undiciName = Object.keys(http.get).find((name) => name.includes("undici"))!
const fetchName = Object.keys(http.get).find((name) => name.includes("FetchHttpClient"))!
const getVsClerk = http.getRatios[undiciName]!.vsClerk

const fetchWalkMillis = streaming.fetch.map((w) => w.millis)
const streamWalkMillis = streaming.stream.map((w) => w.millis)
const walkRatios = streamWalkMillis.map((m, i) => m / fetchWalkMillis[i]!)
const walkRatio = summarize(walkRatios).median
const peakHeap = Math.max(...streaming.stream.map((w) => w.heapGrowthMb))
const fetchPeakHeap = Math.max(...streaming.fetch.map((w) => w.heapGrowthMb))
const pageRatio = Math.min(...Object.entries(http.pageRatios).filter(([n]) => n.startsWith("(c)")).map(([, r]) => r))

const targets = [
  [
    "CPU only: `users.get` ≤ 1.25 × the platform client's `execute` + `arrayBuffer` + `JSON.parse` + compiled decode",
    cpuTarget(getRow, getTracedRow),
    getRow.ratio <= 1.25
  ],
  [
    "CPU only: a 500-user `list` ≤ 1.1 × the same floor",
    `${withInstructions(listRow)}; with a tracer installed: ${withInstructions(listTracedRow)}`,
    listRow.ratio <= 1.1
  ],
  ["CPU only: an error response ≤ 1.25 × the same floor", cpuTarget(errorRow, errorTracedRow), errorRow.ratio <= 1.25],
  [
    "loopback: `get` (c) ÷ (b) ≤ 1.10 with `NodeHttpClient`",
    `${getVsClerk.toFixed(2)} (median of ${http.rounds.get} rounds' ratios)`,
    getVsClerk <= 1.10
  ],
  [
    `streaming ${streaming.population.toLocaleString("en")} users: peak heap growth < 40 MB`,
    `${peakHeap.toFixed(1)} MB (bare fetch: ${fetchPeakHeap.toFixed(1)} MB)`,
    peakHeap < 40
  ],
  [
    "streaming: time ≤ 1.15 × walking the same pages with bare fetch",
    `${walkRatio.toFixed(2)} (median of ${walkRatios.length} pairs of walks)`,
    walkRatio <= 1.15
  ],
  ["500-user page over loopback: (c) ÷ (a) ≤ 1.5 (every field validated)", pageRatio.toFixed(2), pageRatio <= 1.5],
  [
    `in-memory \`list\` (filter, order, page) over ${inMemory.population.toLocaleString("en")} users < 50 ms median`,
    `${ms(inMemory.listWarm.median)} ms (${ms(inMemory.listCold.median)} ms right after a write)`,
    inMemory.listCold.median < 50
  ],
  [
    `in-memory \`count\` over ${inMemory.population.toLocaleString("en")} users < 50 ms median`,
    `${ms(inMemory.count.median)} ms`,
    inMemory.count.median < 50
  ],
  [
    `\`updateMetadata\` with ${(inMemory.metadataBytes / 1024).toFixed(1)} KB of metadata < 1 ms`,
    `${ms(inMemory.updateMetadata.median)} ms`,
    inMemory.updateMetadata.median < 1
  ],
  ...(effect4 === undefined ? [] : effect4Targets(effect4))
] as const

// -----------------------------------------------------------------------------
// loopback tables
// -----------------------------------------------------------------------------

const table = (rows: Record<string, Summary>, ratios: Record<string, number>, floor: string) =>
  [
    `| variant | median (ms) | p95 (ms) | ÷ ${floor} (median of rounds) |`,
    "|---|---:|---:|---:|",
    ...Object.entries(rows).map(([name, s]) =>
      `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ratio(ratios[name]!, 1)} |`
    )
  ].join("\n")

const getTable = [
  "| variant | median (ms) | p95 (ms) | ÷ (a) | ÷ (b) |",
  "|---|---:|---:|---:|---:|",
  ...Object.entries(http.get).map(([name, s]) =>
    `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${http.getRatios[name]!.vsFetch.toFixed(2)} | ${
      http.getRatios[name]!.vsClerk.toFixed(2)
    } |`
  )
].join("\n")

const undiciFaster = http.get[undiciName]!.median < http.get[fetchName]!.median

// -----------------------------------------------------------------------------
// the platform's pieces (for the notes)
// -----------------------------------------------------------------------------

const cpuOf = (name: string) => row("get", name).cpu
const insOf = (name: string) => row("get", name).instructions
const piece = (a: string, b: string) => {
  const ia = insOf(a)
  const ib = insOf(b)
  return `${micros(cpuOf(a) - cpuOf(b))}${
    ia === undefined || ib === undefined ? "" : `, ${count(ia - ib)} instructions`
  }`
}
const saved = (name: string) => {
  const r = row("ablation", name)
  return `${micros(r.savedMicros ?? 0)}${
    r.instructions === undefined || full.instructions === undefined
      ? ""
      : `, ${count(full.instructions - r.instructions)} instructions`
  }`
}

// the largest instruction saving of the steps other than the span, the timeout and the decode (which the floor does)
const otherStepsMax = Math.max(
  ...rowsOf("ablation")
    .filter((r) => !["floor", "full", "all", "span", "timeout", "decode"].includes(r.name))
    .map((r) =>
      r.instructions === undefined || full.instructions === undefined ? 0 : full.instructions - r.instructions
    )
)

const cpuModel = cpus()[0]?.model ?? "unknown CPU"
const report = `# Benchmarks

Measured by \`${command}\`${
  quick ? " (fewer rounds, a smaller population: a smoke run, not the figures to quote)" : ""
} on ${new Date().toISOString().slice(0, 10)}: ${cpuModel} × ${cpus().length}, ${
  (totalmem() / 1024 ** 3).toFixed(0)
} GB, ${platform()} ${release()}, Node ${process.version}.

\`pnpm bench\` builds the packages, compiles the benchmark to JavaScript (no loader in the measured processes) and
runs it with \`node --expose-gc\`. This machine is a shared 2-core virtual machine whose load varies: every
comparison pairs measurements taken back to back and reports the median of the pairs' ratios, and the CPU-only
section adds instruction counts, which the load cannot change.

## Targets

| target | measured | |
|---|---|---|
${targets.map(([name, value, ok]) => `| ${name} | ${value} | ${check(ok)} |`).join("\n")}

The CPU-only ratios are of CPU time; the instruction ratio beside each is the load-independent measure of the same
calls (section 1 says how both are taken).

## 1. The client's own cost, CPU only

No network: a fake \`HttpClient\` built with the platform's \`HttpClient.make\`, in the same process, answers
every request with bytes prepared in advance (a web \`Response\` with \`content-length\`). A call then costs only
CPU: the platform's client, this library, the parsing and the decoding. Each shape is compared with its
**floor**, the platform client doing the same transfer by hand: \`client.execute\` of a request with the same
headers, \`arrayBuffer\`, UTF-8 decoding, \`JSON.parse\` and the compiled decoder of the same schema (for the
error, Clerk's error body decoded and failed with). \`Users.layer\` runs with \`RetryPolicy.none\` and no per-user
write limit; every guarantee is on (input checks, the span, the timeout, the size bound, redaction, validation).

How it is measured:

- **CPU time**: one process per group of variants (${cpu.processes} processes per group), started with
  \`node --single-threaded\` (V8's compiler and collector then work on the calls' thread, so that CPU time is
  the calls' whole cost, garbage collection included). Each variant runs in its own worker thread (its own heap
  and compiled code: no variant collects another's garbage); after a warm-up, the workers run one batch each in
  turn (400 calls, 8 for the page), ${cpu.rounds} rounds per process, the order rotating every round, and the
  process's CPU time during a batch is that worker's. "× floor" is the median over rounds of each round's
  ratio: the batches of a round run back to back, so that the machine's drift cancels out.
- **Instructions** (${
  cpu.instructionsSkipped === undefined
    ? `callgrind, ${cpu.countRounds} rounds, median`
    : `not counted: ${cpu.instructionsSkipped}`
}): every variant in one process under \`valgrind --tool=callgrind\` (instrumentation
  switched on after the warm-up), each batch between two marker calls at which callgrind zeroes and dumps its
  counters. Counted: the instructions of the calls themselves, without those of V8's optimizing compiler (it
  runs when V8 decides, not per call) and of the garbage collector (its work depends on when it runs, which
  CPU time already accounts for).

${cpuTable}

\`Users.layer\` opens spans only when a tracer is installed (OpenTelemetry, DevTools, any \`Layer.setTracer\`):
under Effect's default tracer, whose spans go nowhere, it opens no operation span, and for a call made outside
any span of the caller's it switches off the platform's \`http.client\` span (and so its trace headers, which
would name a fresh trace nothing records); under a span of the caller's, the platform's span is opened as usual. The floor keeps the platform's default, its span included; the row "${NO_SPAN_FLOOR}" is the same
floor without it, the like-for-like measure of the library's own cost when no tracer is installed. The rows "a
tracer installed" run under a tracer that makes the same spans as the default one, but is not it: both spans
are opened then.

The first rows of \`get\` place the floor: a web \`Response\`'s own \`json()\`, the platform's
\`HttpClientResponse.fromWeb\` without a client, and the platform's \`client.execute\` with and without its
\`http.client\` span (what every Effect HTTP client pays before reading a byte).

### What each step of \`users.get\` costs: the pipeline with one step removed

The same pipeline, composed by the library's \`makeMethods\` from its steps with one step replaced at a time
(the bench reaches the steps through \`@effect-clerk/core/internal/pipeline\`, exported under the
\`effect-clerk-internal\` condition only, from the same build as \`Users.layer\`: the library has no switch for
it), with a tracer installed (so that the span is there to remove), each in its own worker as above; "saved" is
the median over rounds of (the whole pipeline − this one).

${ablationTable}

Removing the decode removes work the floor also does (the floor decodes too); every other row is the
library's own.

## 2. Requests over loopback: bare fetch, @clerk/backend, Users.layer

A fully populated user is ${(http.userBytes / 1024).toFixed(1)} KB of JSON; a page of 500 is ${
  (http.pageBytes / 1024 / 1024).toFixed(2)
} MB. (a) is \`fetch\` + \`response.json()\`, the floor; (b) is \`@clerk/backend\`'s \`createClerkClient({ apiUrl })\`;
(c) is \`Users.layer\`, with \`FetchHttpClient\` and with \`NodeHttpClient.layerUndici\`, every response decoded
and validated by the schemas. All variants run in the same process against the same loopback server and the
same bytes, in blocks of consecutive calls, the order rotating every round; a ratio is the median over rounds
of the ratio of the blocks' medians (${http.rounds.get} rounds for \`get\`, ${http.rounds.page} for pages).

### \`get\` (one user)

${getTable}

### \`list({ limit: 500 })\` (one request)

${table(http.page, http.pageRatios, "(a)")}

### a 500-user page and the total count (two concurrent requests)

\`@clerk/backend\`'s \`getUserList\` always fetches the page and the count together; \`listWithTotal\` is our
equivalent.

${table(http.pageWithTotal, http.pageWithTotalRatios, "(b)")}

**Transport**: on Node, \`NodeHttpClient.layerUndici\` (from \`@effect/platform-node\`) is ${
  undiciFaster ? "the faster" : "not the faster"
} of the two here (\`get\`: ${ms(http.get[undiciName]!.median)} ms against ${
  ms(http.get[fetchName]!.median)
} ms with \`FetchHttpClient\`): Node's global \`fetch\` is undici behind the WHATWG streams and \`Response\`
objects, which the platform's fetch client then wraps again. The README recommends it for servers.

## 3. Decode cost alone (the 500-user page)

| step | median (ms) | p95 (ms) | users / s |
|---|---:|---:|---:|
| \`JSON.parse\` of the ${(decode.bytes / 1024 / 1024).toFixed(2)} MB | ${ms(decode.parse.median)} | ${
  ms(decode.parse.p95)
} | ${Math.round(500 / decode.parse.median * 1000).toLocaleString("en")} |
| schema decode, compiled (what the client runs) | ${ms(decode.fast.median)} | ${ms(decode.fast.p95)} | ${
  Math.round(500 / decode.fast.median * 1000).toLocaleString("en")
} |
| schema decode, Effect's generic decoder | ${ms(decode.slow.median)} | ${ms(decode.slow.p95)} | ${
  Math.round(500 / decode.slow.median * 1000).toLocaleString("en")
} |

On this page the compiled decoder's output has ${
  decode.same ? "the same keys and values as" : "DIFFERENT keys or values from"
} the generic decoder's (compared canonically: the compiled decoder writes required fields first, and would keep a \`__proto__\` key that the generic decoder drops; this page has none).

## 4. Streaming ${streaming.population.toLocaleString("en")} users from the emulator

The emulator runs in a child process (\`pnpm emulator\`, seeded with ${
  streaming.population.toLocaleString("en")
} users) so that its store does not count in this process's memory. Pages of ${streaming.pageSize}, over
\`NodeHttpClient.layerUndici\`; heap and RSS sampled every 25 ms, growth measured from a baseline taken after a
GC. Walks in pairs, alternating (the order flips every pair); the time ratio is the median of the pairs' ratios.

| walk | users | time (ms) | users / s | peak heap growth (MB) | peak RSS growth (MB) |
|---|---:|---:|---:|---:|---:|
${
  streaming.fetch.flatMap((f, i) => [["bare fetch", i, f] as const, ["`listStream`", i, streaming.stream[i]!] as const])
    .map(([name, i, w]) =>
      `| ${name}, pair ${i + 1} | ${w.users} | ${w.millis.toFixed(0)} | ${
        Math.round(w.users / w.millis * 1000).toLocaleString("en")
      } | ${w.heapGrowthMb.toFixed(1)} | ${w.rssGrowthMb.toFixed(1)} |`
    ).join("\n")
}

What stays reachable: one more walk each, with a forced GC every ${
  streaming.live.every.toLocaleString("en")
} users and the heap read right after it (growth over the baseline). \`listStream\`: ${
  streaming.live.stream.samples.map((mb) => mb.toFixed(1)).join(", ")
} MB (max ${streaming.live.stream.maxMb.toFixed(1)}); bare fetch: ${
  streaming.live.fetch.samples.map((mb) => mb.toFixed(1)).join(", ")
} MB (max ${streaming.live.fetch.maxMb.toFixed(1)}). Flat means memory does not grow with the number of users.

## 5. The in-memory layer at scale (${inMemory.population.toLocaleString("en")} users)

Seeding them took ${(inMemory.seedMillis / 1000).toFixed(1)} s. The filter (\`emailAddressQuery: "example.org"\`,
\`banned: false\`) matches ${inMemory.matching.toLocaleString("en")} users.

| operation | median (ms) | p95 (ms) |
|---|---:|---:|
| \`list\` (filter, \`orderBy: "-last_active_at"\`, limit 100, offset 200), right after a write | ${
  ms(inMemory.listCold.median)
} | ${ms(inMemory.listCold.p95)} |
| the same \`list\` again (order cached until the next write) | ${ms(inMemory.listWarm.median)} | ${
  ms(inMemory.listWarm.p95)
} |
| \`count\` (same filter) | ${ms(inMemory.count.median)} | ${ms(inMemory.count.p95)} |
| \`updateMetadata\` on ${(inMemory.metadataBytes / 1024).toFixed(1)} KB of metadata | ${
  ms(inMemory.updateMetadata.median)
} | ${ms(inMemory.updateMetadata.p95)} |

The property-test suite (\`vitest run --project core --project testkit properties\`: ${properties.tests ?? "?"} tests${
  properties.ok ? "" : ", FAILED"
}) took ${(properties.millis / 1000).toFixed(1)} s of wall time.

## Where the time goes

**What the pipeline does per call, and what it no longer does.** A call is: the row's input checks (a plain
function compiled per operation), a span (only when a tracer is installed; the platform's \`http.client\` span
too), the retry policy read from the fiber (a schedule only when retries
are possible), the attempt in a fiber of its own under the timeout (started at once, in the call), the body read under the size bound, then
\`JSON.parse\` and the compiled decode in the caller's fiber. Constant per operation and built once: the request
template (method, the four headers), the path filler, the decoder, the error mappers, the schedule per policy.
Gone from the hot path: \`Effect.fn\`'s stack capture on every call (an \`Error\` and a stack walk for a
\`code.stacktrace\` attribute; the span is \`Effect.useSpan\` without it), the span in the caller's context
(\`withSpan\` sets and restores it, each time copying the fiber's references; the span is set once in the
attempt's fiber, where the platform's \`http.client\` span finds its parent), \`Fiber.await\`'s message round
trip (the attempt's fiber is observed directly), the regular expression filling the path, the header merge and
the three request copies of \`HttpClientRequest.make\`, the generic schema decoder and the validation of the
error classes on error responses, and the stack trace of errors built from responses (built deep in the
pipeline's fibers, it held only the library's and Effect's frames; the operation is in the error's fields, and
its span in \`Cause.pretty\` when a tracer is installed; what is lost is the caller's call site, which
\`Effect.fn\`'s capture used to add).

**The ablation, in numbers** (above): the span (with a tracer installed) costs ${
  saved("span")
}; the forked attempt and its timeout
${saved("timeout")}; input checks ${saved("inputChecks")}; request building ${saved("requestBuilding")}; the
retry policy lookup ${saved("retry")}; the bounded body read ${saved("bodyRead")}; redaction ${saved("redaction")}.
With all of them removed the call costs ${fixed(row("ablation", "all").ratio)} × the floor (it skips the decode, which
the floor does).

**What the platform itself costs** (the first rows of \`get\`): the platform's \`client.execute\` +
\`arrayBuffer\` costs ${
  piece("client.execute + arrayBuffer", "HttpClientResponse.fromWeb + arrayBuffer (no client)")
} more than reading the same web \`Response\` through \`HttpClientResponse.fromWeb\`; its \`http.client\` span
alone is ${piece("client.execute + arrayBuffer", "client.execute + arrayBuffer, tracer off")} of it (random
trace and span ids built a character at a time, every request header redacted and set as an attribute,
trace-propagation headers merged into a copy of the request). The rest is the \`URL\` parsing, an
\`AbortController\` and a \`FinalizationRegistry\` registration per request, and the \`InterruptibleResponse\`
wrapper. Every Effect HTTP client pays this; the floor includes it.

**Streaming memory.** The walk's peak heap was 54–76 MB against 28–29 MB for bare fetch, with a flat live set.
The cause was not the stream: a plain loop of \`users.list\` peaked as high. Each attempt ran in a forked fiber
that lived through the body's read, so the scavenges that the read triggers promoted it to the old generation;
its exit then held the attempt's value (the 3.4 MB body, and once the decoded page), and an old object keeps
what it points to alive until the next full collection, however dead both are. Measured while looking for it:
the same walk without the timeout's fork peaked at 24 MB, with it at 76 MB; the span's exit did the same to
the decoded page (a 500-user page over the in-process client spent 5 × the floor's time in scavenges). The
attempt's value now leaves its fiber through a slot cleared as soon as it is read, the body is decoded in the
caller's fiber, and the span wraps an effect whose value is moved out the same way. One more holder was found
once that was fixed: the stream's check that a server does not repeat a page kept the previous page's 500 id
strings, taken from the parsed body, and the walk peaked at 73 MB again (how V8 tied them to the page was not
pinned down); the page's identity is now one new string (JSON of the sorted ids). And one
more, which only this whole benchmark showed (a walk in a fresh process did not): after the loopback section,
where decoded pages survive scavenges, V8 pretenured the compiled decoder's object literals (an allocation
site whose objects have survived is allocated straight in the old generation), so that every later page went
to the old generation and stayed until a full collection: 75 MB, and 24.6 MB with
\`--no-allocation-site-pretenuring\`. The decoder now builds its objects from an empty \`{}\` (no allocation
site; the decode is no slower). The walk peaks at ${peakHeap.toFixed(1)} MB, like bare fetch (${
  fetchPeakHeap.toFixed(1)
} MB).

## Where a target is missed (in any configuration measured), and what it would take
${
  [
    getRow.ratio <= 1.25 && getTracedRow.ratio <= 1.25 ? "" : `
- **CPU only, \`users.get\`: ${
      summaryOf(getRow, getTracedRow)
    }.** What is left is the span and the attempt's fiber: the ablation puts them at
  ${saved("span")} and ${saved("timeout")}; in instructions, the measure the machine's load cannot blur, every
  other step of the library's own costs at most ${count(otherStepsMax)} instructions. Both are Effect's own costs for
  guarantees the library keeps: a span is \`Effect.useSpan\` (a \`NativeSpan\` with two random hex ids, an \`onExit\`
  to end it) plus the context update of the attempt's fiber; a timeout that can interrupt any \`HttpClient\` needs
  the attempt in its own fiber (a \`FiberRuntime\`, a copy of the fiber's references, a scheduler hop). The CPU
  ratio exceeds the instruction ratio because the counts leave the collector out: the attempt's fiber takes few
  instructions, but its objects live through the body's read, so that scavenges copy them (measured while
  looking, the collector's time per call from a \`PerformanceObserver\` in one process: 75 µs with the fiber,
  59 µs without). What would close it: a
  request-level deadline in \`@effect/platform\` (below), which would remove the attempt's fiber; a cheaper native span.`,
    errorRow.ratio <= 1.25 && errorTracedRow.ratio <= 1.25 ? "" : `
- **CPU only, an error response: ${
      summaryOf(errorRow, errorTracedRow)
    }.** The floor fails with the decoded body; the client
  also builds the typed error (a \`Schema.TaggedError\` instance: its constructor merges defaults and defines
  properties, without validation or stack trace), reads the body under the size bound and runs the attempt in
  a fiber of its own for the timeout, as \`get\` does, on a cheaper floor (no user to decode), so that the same
  absolute cost weighs more; with a tracer installed, its operation span too. What would close the rest is the
  request deadline proposed below (no fiber per attempt).`,
    listRow.ratio <= 1.1 ? "" : `
- **CPU only, the 500-user page (${fixed(listRow.ratio)}).** The page's cost is \`JSON.parse\` and the decode,
  identical in both; the difference is garbage collection, which varies run to run with V8's pretenuring.`,
    getVsClerk <= 1.10 ? "" : `
- **Loopback \`get\` ÷ @clerk/backend (${getVsClerk.toFixed(2)}).** Over loopback the round trip dominates; the
  client's remaining cost is the CPU-only one above, plus the platform's client (${
      piece("client.execute + arrayBuffer", "HttpClientResponse.fromWeb + arrayBuffer (no client)")
    } in the same process), which \`@clerk/backend\` (a plain \`fetch\`, no validation, no span, no timeout) does not
  pay.`,
    peakHeap < 40 ? "" : `
- **Streaming peak heap (${peakHeap.toFixed(1)} MB).**`,
    walkRatio <= 1.15 ? "" : `
- **Streaming time (${walkRatio.toFixed(2)} × bare fetch).** The difference is the validation of every field of
  every user, which bare fetch skips, and the machine's noise between walks.`
  ].join("") || "\nNone: every target above is met in this run."
}

## Proposed upstream changes

- **@effect/platform: a request deadline.** \`HttpClient.make\` already creates an \`AbortController\` per
  request and aborts it when the request or its body read is interrupted. An option to abort it at a deadline
  (on \`Clock\`, so that \`TestClock\` drives it), failing with a \`RequestError\` of reason \`Timeout\`, would let
  clients time requests out without a fiber per attempt: the fiber, its copy of the fiber's references and a
  scheduler hop per call (${saved("timeout")} here) would go.
- **@effect/platform: a cheaper \`http.client\` span** (${
  piece("client.execute + arrayBuffer", "client.execute + arrayBuffer, tracer off")
} per request here): set header attributes lazily or only when the tracer samples the span, and inject
  trace-propagation headers without copying the request.
- **effect: native span ids from \`crypto.getRandomValues\`** instead of a string built a character at a time,
  and \`withSpan\`/\`provideService\` without copying every fiber reference twice (a persistent map for
  \`FiberRefs\`). Both would make every span cheaper, the library's and the platform's.
- **effect: a way to end a span with an exit that does not keep the value**, or spans that drop their exit's
  value once ended: keeping it in an object that lived through the call promotes large results, as found here.
`

// the section written by `pnpm bench:compare` (compare.ts) stays
const previous = existsSync(`${root}BENCHMARKS.md`)
  ? sectionOf(readFileSync(`${root}BENCHMARKS.md`, "utf8"))
  : undefined
// the fleet section: this run's, else the one already there (a failed run says so on the console and exits 1)
const previousText = existsSync(`${root}BENCHMARKS.md`) ? readFileSync(`${root}BENCHMARKS.md`, "utf8") : ""
const fleetText = fleet !== undefined ? fleetSection(fleet, { command, machine }) : fleetSectionOf(previousText)
const withFleet = fleetText === undefined ? report : withFleetSection(report, fleetText, COMPARE_START)
// the Effect 4 section: this run's, else the one already there
const effect4Text = effect4 !== undefined
  ? effect4Section(effect4, cpu.rows, streaming.stream, { command, machine })
  : effect4SectionOf(previousText)
const withEffect4 = effect4Text === undefined ? withFleet : withEffect4Section(withFleet, effect4Text, COMPARE_START)
writeFileSync(`${root}BENCHMARKS.md`, previous === undefined ? withEffect4 : withSection(withEffect4, previous))
log(report)
