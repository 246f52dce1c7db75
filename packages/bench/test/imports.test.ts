/**
 * The bench measures the library as `@effect-clerk/core` loads it: one copy. Its sources reach core by package
 * name only (the public modules, and the pipeline's steps through `@effect-clerk/core/internal/pipeline`,
 * exported under the `effect-clerk-internal` condition alone), never by a relative path into another package's
 * sources, which would compile and load a second copy of the library.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const packages = fileURLToPath(new URL("../../", import.meta.url))
const benchSrc = path.join(packages, "bench", "src")

const sources = readdirSync(benchSrc, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts"))
  .map((file) => path.join(benchSrc, file))

/** Every module specifier a file imports or re-exports (static and dynamic, types included). */
const importsOf = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!)

/** Why an import of `file` would load a second copy of a package's code, if it would. */
const problem = (file: string, specifier: string): string | undefined => {
  if (specifier.startsWith("@effect-clerk/core/internal/") && specifier !== "@effect-clerk/core/internal/pipeline") {
    return "an internal module of core other than its pipeline entry"
  }
  if (!specifier.startsWith(".")) return undefined
  const target = path.relative(packages, path.resolve(path.dirname(file), specifier))
  return /^[^/\\]+[/\\]src([/\\]|$)/.test(target) && !target.startsWith(`bench${path.sep}`)
    ? `a relative path into ${target}`
    : undefined
}

describe("the bench loads one copy of core", () => {
  it("no source of the bench imports another package's sources by path, nor core's internals", () => {
    expect(sources.length).toBeGreaterThan(5)
    const found = sources.flatMap((file) =>
      importsOf(readFileSync(file, "utf8")).flatMap((specifier) => {
        const why = problem(file, specifier)
        return why === undefined ? [] : [`${path.relative(packages, file)}: ${specifier} (${why})`]
      })
    )
    expect(found).toEqual([])
  })

  it("the check sees both kinds of import", () => {
    const probe = path.join(benchSrc, "probe.ts")
    expect(problem(probe, "../../core/src/internal/client.js")).toBeDefined()
    expect(problem(probe, "../../core/src/ClerkConfig.js")).toBeDefined()
    expect(problem(probe, "../../testkit/src/index.js")).toBeDefined()
    expect(problem(probe, "@effect-clerk/core/internal/client")).toBeDefined()
    expect(problem(probe, "@effect-clerk/core/internal/pipeline")).toBeUndefined()
    expect(problem(probe, "./fixtures.js")).toBeUndefined()
    expect(problem(probe, "../../core/test/fixtures.js")).toBeUndefined()
    expect(importsOf(`import type { A } from "x"\nexport * from "y"\nconst m = import("z")`)).toEqual(["x", "y", "z"])
  })

  it("core exports its pipeline entry under the effect-clerk-internal condition only", () => {
    const pkg = JSON.parse(readFileSync(path.join(packages, "core", "package.json"), "utf8")) as {
      readonly exports: Record<string, unknown>
    }
    const entry = pkg.exports["./internal/pipeline"]
    expect(Object.keys(entry as object)).toEqual(["effect-clerk-internal"])
    expect(pkg.exports["./internal/*"]).toBeNull()
  })
})
