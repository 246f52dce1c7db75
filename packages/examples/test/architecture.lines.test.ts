/**
 * The shape the two Effect lines share, held by tests over every package's sources: no operation listed by hand
 * outside the kernel's table (a line gives its schemas per shape, its methods are derived from the rows), no
 * import of another package's internals (by name or by path), each line on its own Effect (the Effect 3 packages
 * never load the Effect 4 line, the Effect 4 packages never load `@effect/platform`), and every operation with
 * its named error union on each line's `Users`.
 */
import * as Operations from "@effect-clerk/kernel/Operations"
import { describe, expect, it } from "@effect/vitest"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as ts from "typescript"

const root = fileURLToPath(new URL("../../../", import.meta.url))

const tsFilesOf = (dir: string): ReadonlyArray<string> =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join(root, dir, file))
    : []

/** Every package directory, and the sources under its `src`. */
const packages = readdirSync(path.join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ name: entry.name, sources: tsFilesOf(path.join("packages", entry.name, "src")) }))

const effect4Packages = packages.filter((p) => p.name.endsWith("-effect4"))
const effect3Packages = packages.filter((p) => ["core", "testkit", "kernel"].includes(p.name))

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true)

/** Every module a file loads or names: imports, re-exports, `import()`, `require()`, `import("…")` types. */
const specifiersOf = (source: ts.SourceFile): ReadonlyArray<string> => {
  const found: Array<string> = []
  const literal = (node: ts.Node | undefined) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) found.push(node.text)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier)
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) literal(node.arguments[0])
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * The operations' keys a source names where a list of operations would: string literals, object and type
 * members, methods. The named error unions (`Error<"get">`) are the public names the API fixes, one per row
 * (checked against the table below), so they do not count. Only keys of two words or more are looked for: `get`
 * or `list` is any method's name.
 */
const operationKeysNamedIn = (source: ts.SourceFile): ReadonlySet<string> => {
  const keys = new Set(Object.keys(Operations.operations).filter((key) => /[A-Z]/.test(key)))
  const found = new Set<string>()
  const visit = (node: ts.Node): void => {
    let name: string | undefined
    if (ts.isStringLiteralLike(node)) {
      const parent = node.parent
      const namedUnion = ts.isLiteralTypeNode(parent) && ts.isTypeReferenceNode(parent.parent) &&
        parent.parent.typeName.getText(source) === "Error"
      if (!namedUnion) name = node.text
    } else if (
      (ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodDeclaration(node) ||
        ts.isMethodSignature(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)
    ) name = node.name.text
    if (name !== undefined && keys.has(name)) found.add(name)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * The imports of another package's internals allowed, each with its reason: the benchmark (private, never
 * published) rebuilds core's pipeline with steps replaced for its ablation table, and starts Redis as core's tests do.
 */
const allowedInternalImports: Record<string, string> = {
  "packages/bench/src/cpuWorkload.ts: @effect-clerk/core/internal/pipeline":
    "the ablation table (core exports it under the `effect-clerk-internal` condition only)",
  "packages/bench/src/fleet.ts: ../../core/test/utils/redisServer.js": "the fleet benchmark's redis-server"
}

/** More keys than this in one module is a list of operations. */
const MAX_KEYS_PER_MODULE = 3

describe("architecture: both Effect lines", () => {
  it("finds the packages of both lines", () => {
    expect(effect3Packages.map((p) => p.name).sort()).toEqual(["core", "kernel", "testkit"])
    expect(effect4Packages.map((p) => p.name)).toEqual(expect.arrayContaining(["core-effect4", "testkit-effect4"]))
    for (const p of [...effect3Packages, ...effect4Packages]) expect(p.sources.length, p.name).toBeGreaterThan(0)
  })

  it("no operation is listed by hand outside the kernel's table, in any package", () => {
    const listed = packages
      .filter((p) => p.name !== "kernel")
      .flatMap((p) => p.sources)
      .flatMap((file) => {
        const keys = operationKeysNamedIn(parse(file))
        return keys.size > MAX_KEYS_PER_MODULE ? [`${path.relative(root, file)}: ${[...keys].join(", ")}`] : []
      })
    expect(listed, listed.join("\n")).toEqual([])
  })

  it("the listing check sees literals, members and methods, and not the named error unions", () => {
    const probe = ts.createSourceFile(
      "Probe.ts",
      [
        "const a = { bulkBan: 1, \"setProfileImage\": 2 }",
        "interface B { readonly verifyTotp: number; disableMfa(): void }",
        "const c = [\"deletePasskey\"]",
        "type D = Error<\"createTotp\">",
        "users.revokeTrustedDevice(\"u\")"
      ].join("\n"),
      ts.ScriptTarget.ES2022,
      true
    )
    expect([...operationKeysNamedIn(probe)].sort()).toEqual(
      ["bulkBan", "deletePasskey", "disableMfa", "setProfileImage", "verifyTotp"]
    )
  })

  it("no package imports another package's internals, by name or by path", () => {
    const found = packages.flatMap((p) => {
      const own = path.join(root, "packages", p.name) + path.sep
      return p.sources.flatMap((file) =>
        specifiersOf(parse(file)).flatMap((specifier) => {
          const byName = /^@effect-clerk\/[^/]+\/(.*\/)?internal(\/|$)/.test(specifier)
          const byPath = specifier.startsWith(".") && !path.resolve(path.dirname(file), specifier).startsWith(own)
          const found = `${path.relative(root, file)}: ${specifier}`
          return (byName || byPath) && allowedInternalImports[found] === undefined ? [found] : []
        })
      )
    })
    expect(found, found.join("\n")).toEqual([])
  })

  it("each line on its own Effect: the Effect 3 packages never load the Effect 4 line, nor it @effect/platform", () => {
    const effect4Names = effect4Packages.map((p) => `@effect-clerk/${p.name}`)
    const crossings = [
      ...effect3Packages.flatMap((p) =>
        p.sources.flatMap((file) =>
          specifiersOf(parse(file))
            .filter((specifier) => effect4Names.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
            .map((specifier) => `${path.relative(root, file)}: ${specifier}`)
        )
      ),
      ...effect4Packages.flatMap((p) =>
        p.sources.flatMap((file) =>
          specifiersOf(parse(file))
            .filter((specifier) => /^@effect\/(platform|experimental|schema)(\/|$)/.test(specifier))
            .map((specifier) => `${path.relative(root, file)}: ${specifier}`)
        )
      )
    ]
    expect(crossings, crossings.join("\n")).toEqual([])
  })

  it("every operation of the table has its named error union on each line's Users (Users.<Op>Error)", () => {
    for (const dir of ["packages/core/src/Users.ts", "packages/core-effect4/src/Users.ts"]) {
      const users = readFileSync(path.join(root, dir), "utf8")
      const aliases = [...users.matchAll(/export type (\w+)Error = Error<"(\w+)">/g)].map(([, alias, key]) => {
        expect(alias, `${dir}: ${key}`).toBe(key!.charAt(0).toUpperCase() + key!.slice(1))
        return key
      })
      expect(aliases.sort(), dir).toEqual(Object.keys(Operations.operations).sort())
    }
  })
})
