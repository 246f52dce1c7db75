/**
 * The shape of the code, held by tests: no import cycle in the published packages, the test kit builds on
 * core's public modules only, no source file grows past about 1,000 lines, and every operation of the table
 * has its named error union.
 */
import { UsersProtocol } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const sourceDirs = ["packages/core/src", "packages/testkit/src"]

const sources = sourceDirs.flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(root, dir, file))
)

/** Every module specifier a file imports or re-exports (static and dynamic, types included). */
const importsOf = (file: string): ReadonlyArray<string> => {
  const text = readFileSync(file, "utf8")
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!)
}

const resolve = (from: string, specifier: string): string | undefined =>
  specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier.replace(/\.js$/, ".ts")) : undefined

describe("architecture", () => {
  it("no import cycle among the modules of core and the test kit", () => {
    const graph = new Map(sources.map((file) => [
      file,
      importsOf(file).flatMap((specifier) => {
        const target = resolve(file, specifier)
        return target === undefined ? [] : [target]
      })
    ]))
    const state = new Map<string, "visiting" | "done">()
    const cycles: Array<string> = []
    const visit = (file: string, trail: ReadonlyArray<string>) => {
      if (state.get(file) === "done") return
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(" → "))
        return
      }
      state.set(file, "visiting")
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file])
      state.set(file, "done")
    }
    for (const file of sources) visit(file, [])
    expect(sources.length).toBeGreaterThan(30)
    expect(cycles).toEqual([])
  })

  it("the test kit imports core's public modules only (by package name, never by a path into core)", () => {
    const coreSources = path.join(root, "packages/core") + path.sep
    const reachesIntoCore = (file: string, specifier: string) =>
      specifier.startsWith("@effect-clerk/core/internal") ||
      (resolve(file, specifier)?.startsWith(coreSources) ?? false)
    const internal = sources
      .filter((file) => file.includes(`${path.sep}testkit${path.sep}`))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => reachesIntoCore(file, specifier))
          .map((specifier) => `${path.relative(root, file)}: ${specifier}`)
      )
    expect(internal).toEqual([])
    // the check itself sees both kinds of import
    const probe = path.join(root, "packages/testkit/src/Probe.ts")
    expect(reachesIntoCore(probe, "../../core/src/internal/client.js")).toBe(true)
    expect(reachesIntoCore(probe, "@effect-clerk/core/internal/client")).toBe(true)
    expect(reachesIntoCore(probe, "./internal/engine.js")).toBe(false)
  })

  it("no source file is over 1,000 lines", () => {
    const long = sources
      .map((file) => [path.relative(root, file), readFileSync(file, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 1000)
    expect(long).toEqual([])
  })

  it("every operation of the table has its named error union on Users (Users.<Op>Error)", () => {
    const users = readFileSync(path.join(root, "packages/core/src/Users.ts"), "utf8")
    const aliases = [...users.matchAll(/export type (\w+)Error = Error<"(\w+)">/g)].map(([, alias, key]) => {
      expect(alias, key).toBe(key!.charAt(0).toUpperCase() + key!.slice(1))
      return key
    })
    expect(aliases.sort()).toEqual(Object.keys(UsersProtocol.operations).sort())
  })
})
