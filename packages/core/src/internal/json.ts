/**
 * JSON value checks for request bodies: a value that `JSON.stringify` would silently change (NaN becomes
 * `null`, `undefined` disappears, a `Date` becomes a string) or reject (a cycle, a `bigint`) must be refused
 * before sending, not lost.
 *
 * @internal
 */
import type { JsonObject, JsonValue } from "@effect-clerk/kernel/Model"
import type * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"

const MAX_DEPTH = 64

const isPlainObject = (u: object): boolean => {
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/**
 * Returns why `u` is not a JSON value, or `undefined` when it is one.
 *
 * @internal
 */
export const jsonProblem = (u: unknown, path = "", depth = 0, seen: Set<object> = new Set()): string | undefined => {
  switch (typeof u) {
    case "string":
    case "boolean":
      return undefined
    case "number":
      return Number.isFinite(u) ? undefined : `${path || "value"} is ${u}, which JSON cannot represent`
    case "object": {
      if (u === null) return undefined
      if (depth >= MAX_DEPTH) return `${path || "value"} is nested deeper than ${MAX_DEPTH} levels`
      if (seen.has(u)) return `${path || "value"} contains a cycle`
      seen.add(u)
      try {
        if (Array.isArray(u)) {
          for (let i = 0; i < u.length; i++) {
            const problem = jsonProblem(u[i], `${path}[${i}]`, depth + 1, seen)
            if (problem !== undefined) return problem
          }
          return undefined
        }
        if (!isPlainObject(u)) return `${path || "value"} is not a plain object`
        for (const key of Object.keys(u)) {
          const problem = jsonProblem(
            (u as Record<string, unknown>)[key],
            path ? `${path}.${key}` : key,
            depth + 1,
            seen
          )
          if (problem !== undefined) return problem
        }
        return undefined
      } finally {
        seen.delete(u)
      }
    }
    default:
      return `${path || "value"} is a ${typeof u}, which JSON cannot represent`
  }
}

/**
 * JSON objects for the schemas' arbitraries: values of up to two levels, without `-0` (which JSON writes as `0`).
 *
 * @internal
 */
export const jsonObjectArbitrary = (fc: typeof FastCheck): FastCheck.Arbitrary<JsonObject> => {
  const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 2, depthSize: "small" },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 })
    )
  }))
  return fc.dictionary(fc.string(), value, { maxKeys: 6 })
}

/**
 * A JSON object whose every value survives `JSON.stringify` unchanged.
 *
 * @internal
 */
export const JsonObjectStrict = Schema.declare(
  (u: unknown): u is JsonObject =>
    typeof u === "object" && u !== null && !Array.isArray(u) && jsonProblem(u) === undefined,
  {
    identifier: "JsonObject",
    description: "a JSON object (finite numbers, strings, booleans, null, arrays and plain objects)",
    message: (issue) => {
      const u = issue.actual
      if (typeof u !== "object" || u === null || Array.isArray(u)) return "expected a JSON object"
      return `expected a JSON object: ${jsonProblem(u) ?? "invalid value"}`
    },
    arbitrary: () => jsonObjectArbitrary
  }
)
