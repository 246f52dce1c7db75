// `pnpm test:packages`: the packed tarballs, as npm would publish them, checked by publint (package.json,
// exports, files) and by @arethetypeswrong/cli (types and JavaScript resolve for `import` and `require` under
// node10, node16 and bundler, for the root and for every public module), plus what neither tool checks:
// no build leftovers in the tarball, and nothing that `@effect-clerk/testkit`'s entry loads imports
// `@effect/platform-node` (an optional peer dependency, needed by the emulator's HTTP server only).
//
// The Effect 4 line's tarballs (`effect-clerk-core-1.tgz`, ... see `scripts/pack.mjs`) are ES modules only: attw
// runs with `--profile esm-only` (`import` under node16 and bundler), and the packed package.json must be the
// published one: renamed (`@effect-clerk/core` 1.x, not private), `effect ~4.1.0` as a peer dependency and
// `engines.node >=22.19` (what `@effect/platform-node` 4.1 and vitest 5 need).
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { publint } from "publint"
import { formatMessage } from "publint/utils"
import { packAll, published, root } from "./pack.mjs"

const require = createRequire(import.meta.url)
const tarballs = packAll()
const problems = []

const list = (tarball) => execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n")

for (const [name, tarball] of Object.entries(tarballs)) {
  const packageDir = path.join(root, "packages", name)
  const pkg = JSON.parse(execFileSync("tar", ["xzOf", tarball, "package/package.json"], { encoding: "utf8" }))
  const target = published(name)
  const esmOnly = target.line === 4

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
        ...(esmOnly ? ["--profile", "esm-only"] : []),
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
  const requiredFiles = [
    "package/README.md",
    "package/LICENSE",
    esmOnly ? "package/dist/index.js" : "package/dist/cjs/package.json"
  ]
  for (const required of requiredFiles) {
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

  // the published identity (the Effect 4 line's renamed by scripts/pack.mjs)
  if (pkg.name !== target.name || pkg.version !== target.version) {
    problems.push(`${name}: packed as ${pkg.name}@${pkg.version}, not ${target.name}@${target.version}`)
  }
  if (pkg.private !== undefined) problems.push(`${name}: the packed package.json is private`)
  if (JSON.stringify(pkg).includes("workspace:")) {
    problems.push(`${name}: the packed package.json has workspace: ranges`)
  }
  if (esmOnly) {
    if (!target.version.startsWith("1.")) problems.push(`${name}: the Effect 4 line is published as 1.x`)
    if (pkg.peerDependencies?.["effect"] !== "~4.1.0") problems.push(`${name}: the peer range of effect is not ~4.1.0`)
    if (pkg.engines?.node !== ">=22.19") problems.push(`${name}: engines.node is not >=22.19`)
    if (JSON.stringify(pkg.exports).includes(`"require"`) || pkg.main !== undefined) {
      problems.push(`${name}: the Effect 4 line is ES modules only, yet its package.json offers CommonJS`)
    }
  }
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
const lines = (line) =>
  Object.keys(tarballs).filter((name) => published(name).line === line).map((name) => published(name))
process.stdout.write(
  `publint and @arethetypeswrong/cli: no problems in ` +
    `${lines(3).map((p) => `${p.name}@${p.version}`).join(", ")} (ESM + CJS, node10/node16/bundler) and ` +
    `${lines(4).map((p) => `${p.name}@${p.version}`).join(", ")} (Effect 4, ESM only: node16/bundler), ` +
    `every public module\n`
)
