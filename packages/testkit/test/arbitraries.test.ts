import { describe, expect, it } from "@effect/vitest"
import * as fc from "effect/FastCheck"
import { Arbitraries } from "../src/index.js"

// fc.sample runs from the file's seed (vitest.setup.ts prints it; FC_SEED=<seed> replays)
const populations = fc.sample(Arbitraries.population({ minLength: 30, maxLength: 40 }), 30)

/** Whether two of the values are exactly `ms` apart. */
const someApart = (values: ReadonlyArray<number | null | undefined>, ms: number) => {
  const set = new Set(values.filter((v): v is number => typeof v === "number"))
  return [...set].some((v) => set.has(v + ms))
}

describe("Arbitraries", () => {
  it("a population's times are a second apart, so bounds at one-second resolution fall between users", () => {
    for (const field of ["createdAt", "lastActiveAt", "lastSignInAt"] as const) {
      const apart = populations.filter((seeds) => someApart(seeds.map((seed) => seed[field]), 1000))
      expect(apart.length, `${field}: populations with two users one second apart`).toBeGreaterThan(
        populations.length / 2
      )
    }
  })

  it("a population's times tie, so that orderings have ties", () => {
    const ties = populations.filter((seeds) => {
      const times = seeds.flatMap((seed) => (typeof seed.lastSignInAt === "number" ? [seed.lastSignInAt] : []))
      return new Set(times).size < times.length
    })
    expect(ties.length).toBeGreaterThan(populations.length / 2)
  })

  it("the filters' time bounds are on the same one-second grid as the population", () => {
    const filters = fc.sample(Arbitraries.countUsersParams, 300)
    for (const field of ["createdAtAfter", "createdAtBefore", "lastActiveAtAfter", "lastSignInAtBefore"] as const) {
      expect(someApart(filters.map((filter) => filter[field]), 1000), field).toBe(true)
    }
    const times = new Set(populations.flatMap((seeds) => seeds.map((seed) => seed.lastSignInAt)))
    const bounds = filters.flatMap((
      filter
    ) => (filter.lastSignInAtBefore === undefined ? [] : [filter.lastSignInAtBefore]))
    expect(bounds.filter((bound) => times.has(bound)).length).toBeGreaterThan(bounds.length / 2)
  })
})
