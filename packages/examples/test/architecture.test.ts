/**
 * The shape of the code, held by tests: no import cycle in the published packages, the test kit builds on
 * core's public modules only, no module with logic over about 700 lines (schema-only model files excepted, by
 * name), no function over about 120 lines, no `as unknown as`, and every operation of the table has its named
 * error union.
 */
import { UsersProtocol } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as ts from "typescript"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const sourceDirs = ["packages/kernel/src", "packages/core/src", "packages/testkit/src"]

const tsFilesOf = (dir: string) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(root, dir, file))

const sources = sourceDirs.flatMap(tsFilesOf)

/** The sources of every package (`packages/*\/src`). */
const allSources = readdirSync(path.join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const dir = path.join("packages", entry.name, "src")
    try {
      return tsFilesOf(dir)
    } catch {
      return []
    }
  })

const MAX_MODULE_LINES = 700
const MAX_FUNCTION_LINES = 120

/** Modules allowed past 700 lines (up to 1,000), each with its reason: schema declarations, no logic. */
const schemaOnlyModules: Record<string, string> = {
  "packages/core/src/UsersParams.ts": "the parameters of every operation, one Schema each, with their doc comments"
}

const lineCount = (text: string) => text.split("\n").length

/** Every function of a source file (declarations, expressions, arrows, methods, accessors) and its length. */
const measure = (source: ts.SourceFile) => {
  const found: Array<{ readonly name: string; readonly line: number; readonly lines: number }> = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      found.push({ name: functionName(node), line: start + 1, lines: end - start + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const functionName = (node: ts.Node): string => {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) && node.name) {
    return node.name.getText()
  }
  const parent = node.parent
  if (parent !== undefined && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) {
    return parent.name.getText()
  }
  return "(anonymous)"
}

const functionsOf = (file: string) =>
  measure(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true))

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

  it("no module with logic is over 700 lines (schema-only model files may be longer, when listed here)", () => {
    const long = allSources
      .map((file) => [path.relative(root, file), lineCount(readFileSync(file, "utf8"))] as const)
      .filter(([file, lines]) => lines > (schemaOnlyModules[file] === undefined ? MAX_MODULE_LINES : 1000))
      .map(([file, lines]) => `${file}: ${lines} lines`)
    expect(long, `modules over ${MAX_MODULE_LINES} lines:\n${long.join("\n")}`).toEqual([])
    // the exceptions are files that exist, and hold schemas rather than logic (no function over a few lines)
    for (const file of Object.keys(schemaOnlyModules)) {
      const longest = Math.max(0, ...functionsOf(path.join(root, file)).map((f) => f.lines))
      expect(longest, `${file} is listed as schema-only`).toBeLessThanOrEqual(20)
    }
  })

  it("no function is over 120 lines", () => {
    const long = allSources.flatMap((file) =>
      functionsOf(file)
        .filter((f) => f.lines > MAX_FUNCTION_LINES)
        .map((f) => `${path.relative(root, file)}:${f.line} ${f.name}: ${f.lines} lines`)
    )
    expect(long, `functions over ${MAX_FUNCTION_LINES} lines:\n${long.join("\n")}`).toEqual([])
  })

  it("the function measure sees declarations, expressions, arrows and methods", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      [
        "function a() {\n}",
        "const b = () =>\n\n  1",
        "const c = function*() {\n\n\n}",
        "class D { e() {\n} }"
      ].join("\n"),
      ts.ScriptTarget.ES2022,
      true
    )
    expect(measure(probe).map((f) => [f.name, f.lines])).toEqual([["a", 2], ["b", 3], ["c", 4], ["e", 2]])
  })

  it("no `as unknown as` in any package's source", () => {
    const casts = allSources.flatMap((file) =>
      readFileSync(file, "utf8").split("\n").flatMap((text, index) =>
        /\bas unknown as\b/.test(text) ? [`${path.relative(root, file)}:${index + 1}: ${text.trim()}`] : []
      )
    )
    expect(casts, casts.join("\n")).toEqual([])
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
