/**
 * The shape of the code, held by tests: no import cycle in the published packages, the test kit builds on
 * core's public modules only, no module with logic over about 700 lines (schema-only model files excepted, by
 * name), no function over about 120 lines, no `as unknown as` and core's optional peer behind the Redis stores
 * (what both lines share, named error unions included, is in `architecture.lines.test.ts`). The kernel
 * (`packages/kernel/src`) imports nothing from `effect`, `@effect/*` or `@effect-clerk/*`, is held to the same
 * sizes, and is where Clerk's error codes are written: none appears in core's or the test kit's code.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as ts from "typescript"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const sourceDirs = [
  "packages/kernel/src",
  "packages/core/src",
  "packages/testkit/src",
  "packages/core-effect4/src",
  "packages/testkit-effect4/src"
]

const tsFilesOf = (dir: string) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(root, dir, file))

const sources = sourceDirs.flatMap(tsFilesOf)
const kernelSources = tsFilesOf("packages/kernel/src")

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
  "packages/core/src/UsersParams.ts": "the parameters of every operation, one Schema each, with their doc comments",
  "packages/core/src/BillingSubscription.ts": "the billing models, one Schema and its two named types each",
  "packages/core-effect4/src/UsersParams.ts": "the Effect 4 line's parameters, as core's: one Schema each, with docs",
  "packages/core-effect4/src/BillingSubscription.ts": "the Effect 4 line's billing models, as core's"
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

  it("core's optional peer (ioredis) is imported by the Redis stores only, which no module imports", () => {
    const redisModules = ["InstanceBudgetRedis", "WebhookDeduplicationRedis"]
    const shared = "internal/redisFallback"
    const coreSources = tsFilesOf("packages/core/src")
    const optionalPeer = (specifier: string) => specifier === "ioredis" || specifier.startsWith("@effect/experimental")
    const importers = coreSources
      .filter((file) => importsOf(file).some(optionalPeer))
      .map((file) => path.relative(root, file))
      .sort()
    expect(importers).toEqual([...redisModules, shared].map((name) => `packages/core/src/${name}.ts`).sort())
    // nothing else imports them (their own doc examples import them by path); the shared part only they do
    const reachers = sources
      .filter((file) => !redisModules.some((name) => file.endsWith(`${name}.ts`)))
      .filter((file) =>
        importsOf(file).some((specifier) =>
          [...redisModules, "redisFallback"].some((name) => new RegExp(`${name}(\\.js)?$`).test(specifier))
        )
      )
      .map((file) => path.relative(root, file))
    expect(reachers).toEqual([])
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
})

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true)

/** Every module a file loads or names: imports, re-exports, `import()`, `require()`, `import("…")` types. */
const specifiersOf = (source: ts.SourceFile): ReadonlyArray<string> => {
  const found: Array<string> = []
  const literal = (node: ts.Node | undefined) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) found.push(node.text)
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      literal(node.moduleReference.expression)
    } else if (
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

const kernelSrc = path.join(root, "packages/kernel/src")

/** Why the kernel's `file` may not load `specifier`, if it may not: Effect, this library, or a path out of it. */
const kernelImportProblem = (file: string, specifier: string): string | undefined =>
  /^(effect($|\/)|@effect\/|@effect-clerk\/)/.test(specifier)
    ? "Effect or a package of this library"
    : specifier.startsWith(".") && !path.resolve(path.dirname(file), specifier).startsWith(kernelSrc + path.sep)
    ? "a path out of the kernel's sources"
    : undefined

/**
 * Clerk's error codes, when the kernel has no catalogue to read them from (and those it may keep elsewhere than in
 * its catalogue: the API version's and the limits').
 */
const knownCodes = [
  "api_version_invalid",
  "authentication_invalid",
  "form_identifier_exists",
  "form_param_exceeds_allowed_size",
  "form_param_format_invalid",
  "form_param_missing",
  "form_param_unknown",
  "form_param_value_invalid",
  "form_password_length_too_short",
  "form_password_pwned",
  "incorrect_password",
  "internal_clerk_error",
  "no_password_set",
  "request_body_invalid",
  "request_body_too_large",
  "resource_not_found",
  "too_many_requests",
  "totp_disabled",
  "totp_incorrect_code",
  "totp_invalid_length"
]

/** The value of every `code: "…"` property of a source written in Clerk's style (snake_case words). */
const codesOf = (source: ts.SourceFile): ReadonlyArray<string> => {
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) && node.name.getText(source) === "code" &&
      ts.isStringLiteralLike(node.initializer) && /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(node.initializer.text)
    ) found.push(node.initializer.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every string literal of a source (code, not comments) equal to one of `codes`, with its line. */
const codeLiteralsOf = (source: ts.SourceFile, codes: ReadonlySet<string>): ReadonlyArray<string> => {
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && codes.has(node.text)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: "${node.text}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const catalogueFile = path.join(kernelSrc, "ErrorCatalogue.ts")
const catalogueCodes = kernelSources.includes(catalogueFile) ? codesOf(parse(catalogueFile)) : []
const clerkCodes = new Set([...knownCodes, ...kernelSources.flatMap((file) => codesOf(parse(file)))])

describe("architecture: the kernel", () => {
  it("imports nothing from effect, @effect/* or @effect-clerk/*, and no file outside its sources", () => {
    expect(kernelSources.length).toBeGreaterThan(0)
    const found = kernelSources.flatMap((file) =>
      specifiersOf(parse(file)).flatMap((specifier) => {
        const why = kernelImportProblem(file, specifier)
        return why === undefined ? [] : [`${path.relative(root, file)}: ${specifier} (${why})`]
      })
    )
    expect(found, found.join("\n")).toEqual([])
  })

  it("the import check sees every kind of import, and what it forbids", () => {
    const probe = ts.createSourceFile(
      path.join(kernelSrc, "Probe.ts"),
      [
        "import * as A from \"effect/Effect\"",
        "import type { B } from '@effect/platform'",
        "export * from \"./Result.js\"",
        "const c = await import(\"@effect-clerk/core\")",
        "const d = require(\"node:crypto\")",
        "type E = import(\"../../core/src/User.js\").User",
        "import F = require(\"effect\")"
      ].join("\n"),
      ts.ScriptTarget.ES2022,
      true
    )
    const specifiers = specifiersOf(probe)
    expect(specifiers).toEqual([
      "effect/Effect",
      "@effect/platform",
      "./Result.js",
      "@effect-clerk/core",
      "node:crypto",
      "../../core/src/User.js",
      "effect"
    ])
    expect(specifiers.map((s) => kernelImportProblem(probe.fileName, s) !== undefined)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      true
    ])
    expect(kernelImportProblem(probe.fileName, "effective-ts")).toBeUndefined()
    expect(kernelImportProblem(probe.fileName, "./internal/store/Users.js")).toBeUndefined()
  })

  it("no module of the kernel is over 700 lines, and no function over 120", () => {
    const long = kernelSources.flatMap((file) => {
      const lines = lineCount(readFileSync(file, "utf8"))
      return [
        ...(lines > MAX_MODULE_LINES ? [`${path.relative(root, file)}: ${lines} lines`] : []),
        ...functionsOf(file)
          .filter((f) => f.lines > MAX_FUNCTION_LINES)
          .map((f) => `${path.relative(root, file)}:${f.line} ${f.name}: ${f.lines} lines`)
      ]
    })
    expect(long, long.join("\n")).toEqual([])
  })

  it("no Clerk rule outside the kernel: none of Clerk's error codes is written in core's or the test kit's code", () => {
    const outside = sources.filter((file) => !file.startsWith(kernelSrc + path.sep))
    const found = outside.flatMap((file) =>
      codeLiteralsOf(parse(file), clerkCodes).map((hit) => `${path.relative(root, file)}:${hit}`)
    )
    expect(found, found.join("\n")).toEqual([])
  })

  it("the error-code check reads the codes from the kernel and sees them in code, not in comments", () => {
    expect(clerkCodes.size).toBeGreaterThanOrEqual(knownCodes.length)
    // once the kernel has its catalogue, the codes are read from it
    if (catalogueCodes.length > 0) expect(catalogueCodes).toContain("resource_not_found")
    const catalogue = ts.createSourceFile(
      "Catalogue.ts",
      "export const catalogue = { notFound: { status: 404, code: \"resource_not_found\" }, x: { code: \"Upper\" } }",
      ts.ScriptTarget.ES2022,
      true
    )
    expect(codesOf(catalogue)).toEqual(["resource_not_found"])
    const probe = ts.createSourceFile(
      "Probe.ts",
      [
        "/** e.code === \"form_identifier_exists\" */",
        "// \"resource_not_found\"",
        "const a = { code: \"resource_not_found\" }",
        "const b = (e: { code: string }) => e.code === `form_identifier_exists`",
        "const c = \"resource_not_found_here\""
      ].join("\n"),
      ts.ScriptTarget.ES2022,
      true
    )
    expect(codeLiteralsOf(probe, clerkCodes)).toEqual(["3: \"resource_not_found\"", "4: \"form_identifier_exists\""])
  })
})
