/**
 * The fixtures are wire JSON: plain data (a JSON round trip changes nothing) with Clerk's snake_case field
 * names (metadata, whose keys are the user's, aside).
 */
import { describe, expect, it } from "@effect/vitest"
import { Fixtures } from "../src/index.js"

const payloads: ReadonlyArray<readonly [string, unknown]> = Object.entries(Fixtures).map((
  [name, value]
): readonly [string, unknown] => [name, typeof value === "function" ? value(422) : value])

const fieldNames = (value: unknown, inMetadata = false): ReadonlyArray<string> => {
  if (Array.isArray(value)) return value.flatMap((item) => fieldNames(item, inMetadata))
  if (typeof value !== "object" || value === null || inMetadata) return []
  return Object.entries(value).flatMap(([key, item]) => [key, ...fieldNames(item, key.endsWith("_metadata"))])
}

describe("Fixtures", () => {
  it("has the payloads of every model", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(28)
  })

  it.each(payloads)("%s is plain JSON", (_, payload) => {
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload)
  })

  it.each(payloads)("%s has snake_case field names", (_, payload) => {
    expect(fieldNames(payload).filter((key) => !/^[a-z][a-z0-9_]*$/.test(key))).toEqual([])
  })
})
