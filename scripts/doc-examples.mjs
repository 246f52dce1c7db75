// Extracts every `@example` block of the publishable packages' sources into packages/examples/.doc-examples, one
// module per example, with a tsconfig, so that `pnpm check` type-checks the documentation's examples too.
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const out = path.join(root, "packages/examples/.doc-examples")
fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })

const sources = ["packages/kernel/src", "packages/core/src", "packages/testkit/src"].flatMap((dir) =>
  fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(dir, file))
)

let count = 0
for (const source of sources) {
  const text = fs.readFileSync(path.join(root, source), "utf8")
  const blocks = text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)
  let index = 0
  for (const [, block] of blocks) {
    const code = block.split("\n").map((line) => line.replace(/^\s*\* ?/, "")).join("\n")
    const name = `${source.replace(/[/\\.]/g, "_")}_${index++}.ts`
    fs.writeFileSync(path.join(out, name), `// from ${source}\n${code}\n\nexport {}\n`)
    count++
  }
}
fs.writeFileSync(
  path.join(out, "tsconfig.json"),
  JSON.stringify(
    {
      extends: "../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, noUnusedLocals: false, noUnusedParameters: false },
      include: ["*.ts"]
    },
    null,
    2
  )
)
process.stdout.write(`${count} documentation examples extracted to ${path.relative(root, out)}\n`)
