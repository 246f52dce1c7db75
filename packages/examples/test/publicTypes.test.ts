/**
 * Every type a user sees is exported from a public module: the published packages' declarations (emitted in
 * memory, as `pnpm build` writes them) are walked, and each type a public module's declaration names (a
 * reference, a heritage clause, an `import("...")` type) must be declared by a public module or re-exported by one
 * (`export type { X } from`, `export type *`, or an alias `export type X = Internal.X`). A type named only in an
 * internal module, or declared in a public module without `export`, would show in editors under a name nobody can
 * import.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as ts from "typescript"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const packages = ["packages/kernel", "packages/core", "packages/testkit"]

/** The public modules: the files directly under each package's `src` (`index.ts` and one module per file). */
const publicModules = packages.flatMap((pkg) =>
  readdirSync(path.join(root, pkg, "src"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(root, pkg, "src", entry.name))
)

const isOurs = (file: string) => packages.some((pkg) => file.startsWith(path.join(root, pkg, "src") + path.sep))
const isInternal = (file: string) => isOurs(file) && !publicModules.includes(file)

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  types: ["node"],
  customConditions: ["source"],
  declaration: true,
  emitDeclarationOnly: true,
  stripInternal: false
}

interface Finding {
  readonly module: string
  readonly name: string
  readonly declaredIn: string
}

const walk = (): ReadonlyArray<Finding> => {
  const program = ts.createProgram(publicModules, options)
  const checker = program.getTypeChecker()
  const declarations = new Map<string, string>()
  program.emit(undefined, (fileName, text) => declarations.set(path.normalize(fileName), text), undefined, true)

  const resolveAlias = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  const exportsOf = (file: string): ReadonlyArray<ts.Symbol> => {
    const source = program.getSourceFile(file)
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source)
    return moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)
  }

  // what the public modules export, aliases followed; an alias type (`export type X = Internal.X`) exports X too
  const exported = new Set<ts.Symbol>()
  for (const file of publicModules) {
    for (const symbol of exportsOf(file).map(resolveAlias)) {
      exported.add(symbol)
      if (symbol.flags & ts.SymbolFlags.TypeAlias) {
        const type = checker.getDeclaredTypeOfSymbol(symbol)
        const target = type.aliasSymbol ?? type.getSymbol()
        if (target !== undefined) exported.add(target)
        // `export type X<A> = Internal.X<A>`: the name it renames
        for (const declaration of symbol.declarations ?? []) {
          if (ts.isTypeAliasDeclaration(declaration) && ts.isTypeReferenceNode(declaration.type)) {
            const renamed = checker.getSymbolAtLocation(declaration.type.typeName)
            if (renamed !== undefined) exported.add(resolveAlias(renamed))
          }
        }
      }
    }
  }

  const resolveModule = (specifier: string, from: string) =>
    ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule?.resolvedFileName

  const findings: Array<Finding> = []
  for (const file of publicModules) {
    const text = declarations.get(path.normalize(file.replace(/\.ts$/, ".d.ts")))
    if (text === undefined) throw new Error(`no declarations emitted for ${file}`)
    const module = path.relative(root, file)
    const source = ts.createSourceFile(file.replace(/\.ts$/, ".d.ts"), text, ts.ScriptTarget.ES2022, true)
    const named = new Map<string, { readonly module: string; readonly name: string }>()
    const namespaces = new Map<string, string>()
    const locals = new Set<string>()
    const localExports = new Set<string>()

    const check = (internalModule: string, name: string) => {
      const symbol = exportsOf(internalModule).find((candidate) => candidate.name === name)
      if (symbol === undefined || !exported.has(resolveAlias(symbol))) {
        findings.push({ module, name, declaredIn: path.relative(root, internalModule) })
      }
    }
    const checkName = (entity: ts.EntityName) => {
      if (ts.isIdentifier(entity)) {
        const imported = named.get(entity.text)
        if (imported !== undefined) check(imported.module, imported.name)
        else if (locals.has(entity.text) && !localExports.has(entity.text)) {
          findings.push({ module, name: entity.text, declaredIn: `${module} (not exported)` })
        }
      } else if (ts.isIdentifier(entity.left)) {
        const namespace = namespaces.get(entity.left.text)
        if (namespace !== undefined) check(namespace, entity.right.text)
      }
    }

    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = resolveModule(statement.moduleSpecifier.text, file)
        const bindings = statement.importClause?.namedBindings
        if (target === undefined || !isInternal(target) || bindings === undefined) continue
        if (ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, target)
        else {
          for (const element of bindings.elements) {
            named.set(element.name.text, { module: target, name: (element.propertyName ?? element.name).text })
          }
        }
      } else if (
        ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ||
        ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)
      ) {
        if (statement.name === undefined) continue
        locals.add(statement.name.text)
        if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
          localExports.add(statement.name.text)
        }
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined) {
        if (statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            localExports.add((element.propertyName ?? element.name).text)
          }
        }
      }
    }

    const visit = (node: ts.Node): void => {
      if (ts.isTypeQueryNode(node)) return // `typeof value`: a value, not a type's name
      if (ts.isTypeReferenceNode(node)) checkName(node.typeName)
      else if (ts.isExpressionWithTypeArguments(node)) {
        const expression = node.expression
        if (ts.isIdentifier(expression)) checkName(expression)
        else if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
          const namespace = namespaces.get(expression.expression.text)
          if (namespace !== undefined) check(namespace, expression.name.text)
        }
      } else if (ts.isImportTypeNode(node) && node.qualifier !== undefined) {
        const argument = node.argument
        if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
          const target = resolveModule(argument.literal.text, file)
          const first = ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.left
          if (target !== undefined && isInternal(target) && ts.isIdentifier(first)) check(target, first.text)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return findings
}

describe("public types", () => {
  it("every type a public module's declarations name is exported by a public module", () => {
    const findings = walk()
    const report = [...new Set(findings.map((f) => `${f.module}: ${f.name} (declared in ${f.declaredIn})`))]
    expect(report, `types named in public declarations that no public module exports:\n${report.join("\n")}`)
      .toEqual([])
  }, 300_000)
})
