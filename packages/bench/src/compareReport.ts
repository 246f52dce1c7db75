/**
 * The arithmetic and the text of `pnpm bench:compare`: per row, the paired ratios current ÷ baseline, their
 * median with a sign-test interval, the verdict, and the section of BENCHMARKS.md (kept by `pnpm bench`).
 */
import { median, medianInterval } from "./stats.js"

/** One child process's measurements: per row, samples in milliseconds. */
export type Rows = Readonly<Record<string, ReadonlyArray<number>>>

/** One pair: the same kind of rows measured for the baseline and for the current checkout, back to back. */
export interface Pair {
  readonly baseline: Rows
  readonly current: Rows
}

export interface RowResult {
  readonly row: string
  readonly baselineMs: number
  readonly currentMs: number
  readonly ratios: ReadonlyArray<number>
  readonly median: number
  readonly low: number
  readonly high: number
  readonly confidence: number
  readonly ok: boolean
}

/**
 * "No regression beyond noise": the interval includes 1 or lies below it, or it lies within the noise band
 * (its upper end at most 1 + band).
 */
export const withinNoise = (low: number, high: number, band: number): boolean => low <= 1 || high <= 1 + band

/** Per row (in the order first seen), the ratio of each pair's medians, current ÷ baseline, and their summary. */
export const pairedRows = (pairs: ReadonlyArray<Pair>, band: number): ReadonlyArray<RowResult> => {
  const names = [...new Set(pairs.flatMap((pair) => Object.keys(pair.baseline)))]
  return names.flatMap((row) => {
    const both = pairs.flatMap((pair) => {
      const b = pair.baseline[row]
      const c = pair.current[row]
      return b === undefined || c === undefined || b.length === 0 || c.length === 0
        ? []
        : [{ baseline: median(b), current: median(c) }]
    })
    if (both.length === 0) return []
    const ratios = both.map((p) => p.current / p.baseline)
    const interval = medianInterval(ratios, 0.9)
    return [{
      row,
      baselineMs: median(both.map((p) => p.baseline)),
      currentMs: median(both.map((p) => p.current)),
      ratios,
      median: median(ratios),
      ...interval,
      ok: withinNoise(interval.low, interval.high, band)
    }]
  })
}

/** The suffix of the rows of CPU time (see `compareChild.ts`). */
export const CPU_SUFFIX = ", CPU time"

export const START = "<!-- bench:compare:start -->"
export const END = "<!-- bench:compare:end -->"

/** The compare section of a BENCHMARKS.md text, markers included, if it has one. */
export const sectionOf = (text: string): string | undefined => {
  const start = text.indexOf(START)
  const end = text.indexOf(END, start)
  return start < 0 || end < 0 ? undefined : text.slice(start, end + END.length)
}

/** `text` with its compare section replaced by `section` (appended at the end when it has none). */
export const withSection = (text: string, section: string): string => {
  const old = sectionOf(text)
  return old === undefined ? `${text.trimEnd()}\n\n${section}\n` : text.replace(old, () => section)
}

const millis = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3))

export interface Setting {
  readonly command: string
  readonly date: string
  readonly machine: string
  readonly baseline: string
  readonly current: string
  readonly pairs: number
  readonly population: number
  readonly band: number
  readonly minutes: number
}

/** The section of BENCHMARKS.md, between its markers. */
export const section = (setting: Setting, rows: ReadonlyArray<RowResult>): string => {
  const regressions = rows.filter((r) => !r.ok)
  const confidence = Math.min(...rows.map((r) => r.confidence))
  const table = (of: ReadonlyArray<RowResult>) =>
    [
      "| row | baseline (ms) | current (ms) | current ÷ baseline (median of pairs) | interval | |",
      "|---|---:|---:|---:|---:|---|",
      ...of.map((r) =>
        `| ${r.row.replace(CPU_SUFFIX, "")} | ${millis(r.baselineMs)} | ${millis(r.currentMs)} | ${
          r.median.toFixed(3)
        } | ${r.low.toFixed(3)}–${r.high.toFixed(3)} | ${
          r.ok ? "✅ no regression beyond noise" : "❌ slower beyond noise"
        } |`
      )
    ].join("\n")
  return `${START}
## Paired comparison with a baseline: the in-memory and emulator rows

Measured by \`${setting.command}\` on ${setting.date}: ${setting.machine}; ${setting.minutes.toFixed(1)} minutes.
Baseline: ${setting.baseline}. Current: ${setting.current}.

The baseline is extracted (\`git archive\`) to a temporary directory, installed offline with its own lockfile and
built; both sides are then measured through their public API only (\`@effect-clerk/core\`, \`@effect-clerk/testkit\`
and its emulator bin), each side with its own build and its own \`effect\`, in fresh child processes: for each of
${setting.pairs} pairs, the in-memory rows (${
    setting.population.toLocaleString("en")
  } users seeded) and the emulator rows (the same users, the side's own emulator in a child process of its own, the side's own client over loopback with \`NodeHttpClient\`), baseline and current back to back, in
ABBA order (the side that goes first alternates every pair). A row's ratio is, per pair, the current side's
median over the baseline's; the table gives the median of the pairs' ratios and the sign test's interval for
it (order statistics of the ratios; confidence ${
    (confidence * 100).toFixed(1)
  } % with ${setting.pairs} pairs). A row shows
"no regression beyond noise" when its interval includes 1 or lies below it, or lies within the noise band
(upper end ≤ ${(1 + setting.band).toFixed(2)}). The milliseconds are medians over the pairs.

### Wall-clock time (per call: the median of the process's calls)

${table(rows.filter((r) => !r.row.endsWith(CPU_SUFFIX)))}

### CPU time (per call: the batch's CPU time over its calls)

The CPU time of the processes doing the work: for the in-memory rows, the measuring process; for the emulator
rows, the client's process and the emulator's (from \`/proc\`). Other processes' work on a loaded machine delays a
call, but adds little to its CPU time, so that this measure's noise band is the narrower of the two.

${table(rows.filter((r) => r.row.endsWith(CPU_SUFFIX)))}

${
    regressions.length === 0
      ? "No row is slower beyond noise."
      : `Slower beyond noise: ${regressions.map((r) => r.row).join("; ")}.`
  }
${END}`
}
