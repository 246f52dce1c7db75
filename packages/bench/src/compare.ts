/**
 * `pnpm bench:compare -- [--baseline <git-ref>] [--quick] [--pairs <n>] [--band <fraction>] [--no-write]`:
 * the in-memory and emulator rows of the bench, for a baseline commit (default `cfb303d`, the main before issue 21)
 * and for this checkout, in one run, as paired ratios (see `compareReport.ts`). Writes its section of BENCHMARKS.md
 * unless `--no-write`; exits with 1 when a row is slower beyond noise. Not part of `pnpm test` or CI: it takes
 * minutes (12 with the defaults, 6 pairs of 100,000 users, on the shared 2-core machine under a load of about 13;
 * `--quick`, 4 pairs of 20,000 users, about 3). Against a baseline with the same code the ratios show the noise band.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, platform, release, tmpdir, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Pair, Rows } from "./compareReport.js"
import { pairedRows, section, withSection } from "./compareReport.js"

const args = process.argv.slice(2).filter((arg) => arg !== "--")
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback
}
const quick = args.includes("--quick")
const write = !args.includes("--no-write")
const baselineRef = option("--baseline", "cfb303d")
const pairs = Number(option("--pairs", quick ? "4" : "6"))
const band = Number(option("--band", "0.05"))
const population = Number(option("--population", quick ? "20000" : "100000"))
const root = fileURLToPath(new URL("../../../../../", import.meta.url))
const childJs = fileURLToPath(new URL("./compareChild.js", import.meta.url))
const log = (line: string) => process.stdout.write(`${line}\n`)
const git = (...gitArgs: ReadonlyArray<string>) => execFileSync("git", gitArgs, { cwd: root, encoding: "utf8" }).trim()

/** Runs a command to completion, its output passed through; fails the run when it fails. */
const run = (command: string, commandArgs: ReadonlyArray<string>, cwd: string) => {
  log(`$ (${cwd}) ${command} ${commandArgs.join(" ")}`)
  const result = spawnSync(command, commandArgs, { cwd, stdio: ["ignore", "inherit", "inherit"] })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed in ${cwd} (${result.status})`)
}

/** Extracts, installs (offline, its own lockfile) and builds the baseline commit under a temporary directory. */
const materialize = (commit: string, dir: string) => {
  const tar = join(dir, "..", `${commit}.tar`)
  git("archive", "--format=tar", "-o", tar, commit)
  run("tar", ["-xf", tar, "-C", dir], dir)
  rmSync(tar)
  run("npx", ["-y", "pnpm@10.34.9", "install", "--frozen-lockfile", "--offline"], dir)
  run("npx", ["-y", "pnpm@10.34.9", "run", "build"], dir)
}

/** Places the compiled child inside a side's test kit, so that its imports resolve to that side's build. */
const install = (side: string) => {
  const dir = join(side, "packages", "testkit", ".bench-out")
  mkdirSync(dir, { recursive: true })
  const target = join(dir, "compare-child.js")
  copyFileSync(childJs, target)
  return target
}

/** One child process: one side, one kind of rows. */
const measure = (child: string, kind: "inmemory" | "emulator") =>
  new Promise<Rows>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, kind, String(population), ...(quick ? ["--quick"] : [])], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    let output = ""
    proc.stdout.on("data", (chunk) => (output += String(chunk)))
    proc.on("error", reject)
    proc.on("exit", (code) => {
      const last = output.trim().split("\n").at(-1) ?? ""
      if (code !== 0) return reject(new Error(`${child} ${kind} exited with ${code}: ${output}`))
      resolve((JSON.parse(last) as { readonly rows: Rows }).rows)
    })
  })

const measurePairs = async (baselineChild: string, currentChild: string) => {
  const results: Array<Pair> = []
  for (let pair = 0; pair < pairs; pair++) {
    for (const kind of ["inmemory", "emulator"] as const) {
      const started = performance.now()
      // ABBA: the side that goes first alternates every pair
      const baselineFirst = pair % 2 === 0
      const first = await measure(baselineFirst ? baselineChild : currentChild, kind)
      const second = await measure(baselineFirst ? currentChild : baselineChild, kind)
      results.push(baselineFirst ? { baseline: first, current: second } : { baseline: second, current: first })
      log(
        `  pair ${pair + 1}/${pairs}, ${kind}: done (${baselineFirst ? "baseline first" : "current first"}, ${
          ((performance.now() - started) / 1000).toFixed(0)
        } s)`
      )
    }
  }
  return results
}

const describeCommit = (commit: string) => `\`${commit.slice(0, 7)}\` (${git("log", "-1", "--format=%s", commit)})`

const main = async () => {
  const started = performance.now()
  const commit = git("rev-parse", "--verify", `${baselineRef}^{commit}`)
  const head = git("rev-parse", "HEAD")
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== ""
  const temp = mkdtempSync(join(tmpdir(), "effect-clerk-baseline-"))
  const baselineDir = join(temp, "checkout")
  mkdirSync(baselineDir)
  let currentChild: string | undefined
  try {
    log(`baseline ${commit} in ${baselineDir}`)
    materialize(commit, baselineDir)
    const baselineChild = install(baselineDir)
    currentChild = install(root)
    log(`${pairs} pairs, ${population} users${quick ? " (quick)" : ""}`)
    const results = await measurePairs(baselineChild, currentChild)
    const rows = pairedRows(results, band)
    const cpu = cpus()
    const text = section({
      command: `pnpm bench:compare -- --baseline ${baselineRef}${quick ? " --quick" : ""}`,
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpu[0]?.model.trim() ?? "unknown CPU"} × ${cpu.length}, ${
        Math.round(totalmem() / 1024 ** 3)
      } GB, ${platform()} ${release()}, Node ${process.version}`,
      baseline: describeCommit(commit),
      current: `${describeCommit(head)}${dirty ? " with uncommitted changes" : ""}`,
      pairs,
      population,
      band,
      minutes: (performance.now() - started) / 60_000
    }, rows)
    log(text)
    if (write) {
      const file = join(root, "BENCHMARKS.md")
      writeFileSync(file, withSection(readFileSync(file, "utf8"), text))
      log("written to BENCHMARKS.md")
    }
    if (rows.some((r) => !r.ok)) process.exitCode = 1
  } finally {
    rmSync(temp, { recursive: true, force: true })
    if (currentChild !== undefined) rmSync(dirname(currentChild), { recursive: true, force: true })
  }
}

await main()
