// `pnpm test:packages`: the packed tarballs, as npm would publish them, checked by publint (package.json,
// exports, files) and by @arethetypeswrong/cli (types and JavaScript resolve for `import` and `require` under
// node10, node16 and bundler, for the root and for every public module), plus what neither tool checks:
// no build leftovers in the tarball, and nothing that `@effect-clerk/testkit`'s entry loads imports
// `@effect/platform-node` (an optional peer dependency, needed by the emulator's HTTP server only).
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { publint } from "publint"
import { formatMessage } from "publint/utils"
import { packAll, root } from "./pack.mjs"

const require = createRequire(import.meta.url)
const tarballs = packAll()
const problems = []

const list = (tarball) => execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n")

for (const [name, tarball] of Object.entries(tarballs)) {
  const packageDir = path.join(root, "packages", name)
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"))

  // publint, on the tarball itself
  const buffer = fs.readFileSync(tarball)
  const { messages, pkg: packed } = await publint({
    pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
    level: "suggestion",
    strict: true
  })
  for (const message of messages) problems.push(`${name}: publint ${message.type}: ${formatMessage(message, packed)}`)

  // @arethetypeswrong/cli, with every public module as an entry point (it does not expand `./*`)
  const modules = fs.readdirSync(path.join(packageDir, "src"))
    .filter((file) => file.endsWith(".ts") && file !== "index.ts")
    .map((file) => `./${file.replace(/\.ts$/, "")}`)
  try {
    execFileSync(
      process.execPath,
      [
        path.join(path.dirname(require.resolve("@arethetypeswrong/cli/package.json")), "dist/index.js"),
        tarball,
        "--no-definitely-typed",
        "--no-emoji",
        "--no-color",
        "--format",
        "table-flipped",
        "--include-entrypoints",
        ...modules,
        // the emulator command, exported for tools that spawn it with node: an ES module only, with no exports;
        // core's pipeline entry, for its bench only: resolved under the `effect-clerk-internal` condition alone
        "--exclude-entrypoints",
        "./bin/emulator",
        "./internal/pipeline"
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }
    )
  } catch (error) {
    problems.push(`${name}: @arethetypeswrong/cli found problems:\n${error.stdout ?? ""}${error.stderr ?? error}`)
  }

  // what the tarball holds
  const files = list(tarball)
  for (const required of ["package/README.md", "package/LICENSE", "package/dist/cjs/package.json"]) {
    if (!files.includes(required)) problems.push(`${name}: the tarball has no ${required.slice(8)}`)
  }
  for (const file of files) {
    if (/\.tsbuildinfo$|(^|\/)\.DS_Store$|\.test\.ts$/.test(file)) problems.push(`${name}: the tarball ships ${file}`)
  }
  for (const field of ["repository", "homepage", "license"]) {
    if (pkg[field] === undefined) problems.push(`${name}: package.json has no ${field}`)
  }
  for (const [script, command] of Object.entries(pkg.scripts ?? {})) {
    if (/\btsx\b|src\//.test(command)) problems.push(`${name}: the published script ${script} runs sources: ${command}`)
  }
  if (pkg.peerDependencies?.["fast-check"] !== undefined) problems.push(`${name}: fast-check is a peer dependency`)
}

// @effect/platform-node: optional for the testkit, and never loaded by its entry points
const testkit = JSON.parse(fs.readFileSync(path.join(root, "packages/testkit/package.json"), "utf8"))
if (testkit.peerDependenciesMeta?.["@effect/platform-node"]?.optional !== true) {
  problems.push("testkit: @effect/platform-node is not an optional peer dependency")
}
const staticImports = (file) => {
  const text = fs.readFileSync(file, "utf8")
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm),
    ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...text.matchAll(/^(?:const|var|let)\s+\S+\s*=\s*require\("([^"]+)"\)/gm)
  ].map((m) => m[1])
  return specifiers
}
for (const format of ["esm", "cjs"]) {
  const dist = path.join(root, "packages/testkit/dist", format)
  const seen = new Set()
  const queue = fs.readdirSync(dist).filter((file) => file.endsWith(".js")).map((file) => path.join(dist, file))
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith("@effect/platform-node")) {
        problems.push(`testkit: ${path.relative(root, file)} imports ${specifier} when the package is loaded`)
      }
      if (specifier.startsWith(".")) queue.push(path.resolve(path.dirname(file), specifier))
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join("\n")}\n`)
  process.exit(1)
}
process.stdout.write(
  `publint and @arethetypeswrong/cli: no problems in ${Object.keys(tarballs).join(", ")} ` +
    `(ESM + CJS, node10/node16/bundler, every public module)\n`
)
