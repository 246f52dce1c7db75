// Extracts every `@example` block of the publishable packages' sources, one module per example, with a tsconfig, so
// that the documentation's examples are type-checked too.
//
//   node scripts/doc-examples.mjs            the Effect 3 line → packages/examples/.doc-examples (`pnpm check`)
//   node scripts/doc-examples.mjs --effect4  the Effect 4 line → packages/core-effect4/.doc-examples
//                                            (`pnpm test:effect4`): the examples import the published names
//                                            (`@effect-clerk/core`, `@effect-clerk/testkit`), mapped to the Effect 4
//                                            sources; `effect` and Node's types resolve from core-effect4 (4.x, 22)
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const effect4 = process.argv.includes("--effect4")

const exists = (dir) => fs.existsSync(path.join(root, dir))
const line = effect4
  ? {
    out: "packages/core-effect4/.doc-examples",
    // every `packages/*-effect4` package with sources (core-effect4, testkit-effect4)
    dirs: fs.readdirSync(path.join(root, "packages"))
      .filter((name) => name.endsWith("-effect4"))
      .map((name) => `packages/${name}/src`)
      .filter(exists)
      .sort(),
    compilerOptions: {
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      types: ["node"],
      paths: {
        "@effect-clerk/core": ["../src/index.ts"],
        "@effect-clerk/core/*": ["../src/*.ts"],
        "@effect-clerk/testkit": ["../../testkit-effect4/src/index.ts"],
        "@effect-clerk/testkit/*": ["../../testkit-effect4/src/*.ts"]
      }
    }
  }
  : {
    out: "packages/examples/.doc-examples",
    dirs: ["packages/kernel/src", "packages/core/src", "packages/testkit/src"],
    compilerOptions: {}
  }

const out = path.join(root, line.out)
fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })

const sources = line.dirs.flatMap((dir) =>
  fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(dir, file))
)

// The Effect 4 line's examples show what its users write: the published names, never the development ones (which
// would still compile here, through the package's self-reference). Problems are collected, reported together.
const developmentName = /["']@effect-clerk\/[a-z]+-effect4(?:\/[^"']*)?["']/
const wrongNames = []
let count = 0
for (const source of sources) {
  const text = fs.readFileSync(path.join(root, source), "utf8")
  const blocks = text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)
  let index = 0
  for (const [, block] of blocks) {
    const code = block.split("\n").map((line) => line.replace(/^\s*\* ?/, "")).join("\n")
    if (effect4 && developmentName.test(code)) wrongNames.push(`${source} (example ${index})`)
    const name = `${source.replace(/[/\\.]/g, "_")}_${index++}.ts`
    fs.writeFileSync(path.join(out, name), `// from ${source}\n${code}\n\nexport {}\n`)
    count++
  }
  // an `@example` whose block is not a ```ts fence would be skipped silently: refuse it
  const tags = text.match(/^\s*\* @example\s*$/gm)?.length ?? 0
  if (tags !== index) wrongNames.push(`${source}: ${tags} @example tags, ${index} \`\`\`ts blocks`)
}
fs.writeFileSync(
  path.join(out, "tsconfig.json"),
  JSON.stringify(
    {
      extends: "../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, noUnusedLocals: false, noUnusedParameters: false, ...line.compilerOptions },
      include: ["*.ts"]
    },
    null,
    2
  )
)
if (wrongNames.length > 0) {
  process.stderr.write(
    `Documentation examples to fix (an example importing a development name @effect-clerk/*-effect4 must use the ` +
      `published one; every @example needs a \`\`\`ts block):\n  ${wrongNames.join("\n  ")}\n`
  )
  process.exit(1)
}
process.stdout.write(`${count} documentation examples extracted to ${path.relative(root, out)}\n`)
