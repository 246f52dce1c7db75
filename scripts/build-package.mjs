// Builds the publishable package in the current directory into `dist/esm` (ES modules) and `dist/cjs`
// (CommonJS), each with its own declarations, so that `import`, `require`, Jest and TypeScript under every
// `moduleResolution` find the right files:
//
// 1. `tsc -p tsconfig.build.json` type-checks and emits `dist/esm` (`.js`, `.d.ts`, maps);
// 2. every source is transpiled again, file by file, to CommonJS in `dist/cjs` (dynamic `import()`s become
//    `require`s inside a promise, so modules loaded lazily stay lazy);
// 3. the declarations are copied to `dist/cjs`, whose `package.json` says `"type": "commonjs"`, so that
//    TypeScript reads them as CommonJS declarations there and as ES module declarations in `dist/esm`.
//
// Files under `src/bin/` are executables: they are built as ES modules only.
//
// A package whose `exports` have no `require` condition (the Effect 4 line: `effect` 4 is ES modules only) is built
// as ES modules only: step 1 alone, its `tsconfig.build.json` emitting to `dist` (`.js`, `.d.ts`, maps).
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"

const require = createRequire(import.meta.url)
const ts = require("typescript")

const packageDir = process.cwd()
const src = path.join(packageDir, "src")
const dist = path.join(packageDir, "dist")
const esm = path.join(dist, "esm")
const cjs = path.join(dist, "cjs")

const removeLeftovers = () => {
  for (const leftover of fs.readdirSync(dist, { recursive: true })) {
    if (String(leftover).endsWith(".tsbuildinfo")) fs.rmSync(path.join(dist, String(leftover)))
  }
}

fs.rmSync(dist, { recursive: true, force: true })

execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: packageDir,
  stdio: "inherit"
})

const { exports } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"))
if (!JSON.stringify(exports).includes(`"require"`)) {
  removeLeftovers()
  const modules = fs.readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith(".js")).length
  process.stdout.write(`${path.basename(packageDir)}: dist, ES modules only (${modules} modules)\n`)
  process.exit(0)
}

const sources = fs.readdirSync(src, { recursive: true })
  .map((file) => String(file).split(path.sep).join("/"))
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.startsWith("bin/"))

for (const file of sources) {
  const input = fs.readFileSync(path.join(src, file), "utf8")
  const out = path.join(cjs, file.replace(/\.ts$/, ".js"))
  const { outputText, sourceMapText } = ts.transpileModule(input, {
    fileName: path.join(src, file),
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: false,
      isolatedModules: true,
      verbatimModuleSyntax: false,
      sourceMap: true,
      sourceRoot: "",
      outDir: path.dirname(out)
    }
  })
  if (/\bimport\.meta\b/.test(outputText)) {
    throw new Error(`${file}: import.meta cannot be built as CommonJS`)
  }
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, outputText)
  if (sourceMapText !== undefined) {
    const map = JSON.parse(sourceMapText)
    map.sources = [path.relative(path.dirname(out), path.join(src, file)).split(path.sep).join("/")]
    fs.writeFileSync(`${out}.map`, JSON.stringify(map))
  }
  for (const suffix of [".d.ts", ".d.ts.map"]) {
    const declaration = path.join(esm, file.replace(/\.ts$/, suffix))
    if (fs.existsSync(declaration)) fs.copyFileSync(declaration, path.join(cjs, file.replace(/\.ts$/, suffix)))
  }
}
fs.writeFileSync(path.join(cjs, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`)

removeLeftovers()
process.stdout.write(`${path.basename(packageDir)}: dist/esm and dist/cjs (${sources.length} modules)\n`)
