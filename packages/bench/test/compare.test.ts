/**
 * The arithmetic of `pnpm bench:compare`: the sign-test interval of a median, the paired ratios and their verdict,
 * and its section of BENCHMARKS.md, which `pnpm bench` keeps.
 */
import { describe, expect, it } from "@effect/vitest"
import { END, pairedRows, sectionOf, START, withinNoise, withSection } from "../src/compareReport.js"
import { medianInterval } from "../src/stats.js"

describe("medianInterval", () => {
  it("takes the order statistics the binomial tail allows", () => {
    const xs = [8, 1, 7, 2, 6, 3, 5, 4]
    // n = 8: P(X ≤ 1) = 9/256 ≤ 0.05, P(X ≤ 2) = 37/256 > 0.05: the 2nd smallest and the 2nd largest
    expect(medianInterval(xs, 0.9)).toEqual({ low: 2, high: 7, confidence: 1 - 2 * (9 / 256) })
    // at 95 % the same n needs the extremes
    expect(medianInterval(xs, 0.95)).toEqual({ low: 1, high: 8, confidence: 1 - 2 / 256 })
  })

  it("gives the whole range when there are too few values, and says how confident that is", () => {
    expect(medianInterval([3, 1, 2, 4], 0.9)).toEqual({ low: 1, high: 4, confidence: 0.875 })
    expect(medianInterval([5], 0.9)).toEqual({ low: 5, high: 5, confidence: 0 })
    expect(medianInterval([]).confidence).toBe(0)
  })

  it("narrows as the pairs grow", () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1)
    const interval = medianInterval(xs, 0.9)
    expect(interval.low).toBeGreaterThan(1)
    expect(interval.high).toBeLessThan(20)
    expect(interval.confidence).toBeGreaterThanOrEqual(0.9)
  })
})

describe("pairedRows", () => {
  const pair = (baseline: number, current: number) => ({
    baseline: { row: [baseline, baseline * 2, baseline / 2] },
    current: { row: [current, current * 2, current / 2] }
  })

  it("takes per pair the ratio of the two sides' medians, then the median of the ratios", () => {
    const [row] = pairedRows([pair(10, 11), pair(10, 9), pair(20, 21), pair(10, 10)], 0.05)
    expect(row!.ratios).toEqual([1.1, 0.9, 1.05, 1])
    expect(row!.median).toBe(1)
    expect([row!.low, row!.high]).toEqual([0.9, 1.1])
    expect(row!.ok).toBe(true)
  })

  it("says slower beyond noise only when the whole interval is above 1 and beyond the band", () => {
    const slower = pairedRows([pair(10, 12), pair(10, 13), pair(10, 12.5), pair(10, 12)], 0.05)[0]!
    expect(slower.low).toBeGreaterThan(1.05)
    expect(slower.ok).toBe(false)
    expect(withinNoise(0.99, 1.3, 0.05)).toBe(true)
    expect(withinNoise(1.01, 1.04, 0.05)).toBe(true)
    expect(withinNoise(1.01, 1.06, 0.05)).toBe(false)
  })

  it("leaves out a row one side did not measure", () => {
    expect(pairedRows([{ baseline: { a: [1] }, current: { b: [1] } }], 0.05)).toEqual([])
  })
})

describe("the section of BENCHMARKS.md", () => {
  const section = `${START}\n## Paired\n${END}`

  it("is appended when absent, replaced when present, and found again", () => {
    const once = withSection("# Benchmarks\n\ntext\n", section)
    expect(once).toBe(`# Benchmarks\n\ntext\n\n${section}\n`)
    expect(sectionOf(once)).toBe(section)
    const replaced = withSection(once, `${START}\nnew $& $1\n${END}`)
    expect(sectionOf(replaced)).toBe(`${START}\nnew $& $1\n${END}`)
    expect(replaced.startsWith("# Benchmarks\n\ntext\n\n")).toBe(true)
    expect(sectionOf("# Benchmarks")).toBeUndefined()
  })
})
