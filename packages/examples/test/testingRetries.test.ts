/**
 * The README's retried 429 in memory (`src/readme/testing-retries.ts`) does what its comments say, under the
 * TestClock of `it.effect`.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { retried429 } from "../src/readme/testing-retries.js"

describe("README: a retried 429 in memory", () => {
  it.effect("the count succeeds after the Retry-After, in two calls", () =>
    Effect.gen(function*() {
      expect(yield* retried429).toEqual({ total: 0, calls: 2 })
    }))
})
