// `pnpm test:consumer:effect4`: the Effect 4 line as a user gets it (beside `scripts/test-consumer.mjs`, the Effect 3
// line's). Packs the packages as they would be published (the Effect 4 ones renamed to `@effect-clerk/core` /
// `@effect-clerk/testkit` 1.x, see `scripts/pack.mjs`), creates a project outside the workspace and, on Node 22
// fetched from the npm registry (`npx -y node@22.23.3`, the Node that effect 4's platform and vitest 5 need; this
// machine's Node 20 cannot run vitest 5), with npm, without `--force` or `--legacy-peer-deps`:
//
// - installs the tarballs beside `effect@4.1`, `@effect/vitest@4` and `vitest@5` with the README's Effect 4 lines
//   (`<!-- consumer:install-effect4 -->`);
// - checks that the README's registry line (`npm i @effect-clerk/core@1 effect@4.1`) resolves: the same words, the
//   `@effect-clerk/*` ones taken from the tarballs whose version they accept, in a project of its own (`--dry-run`);
// - runs an ES module program (scripts/consumer-effect4/program.mjs: the client over effect/http's FetchHttpClient
//   against a local server answering with the kernel's fixtures; `internal/*` refused);
// - runs `@effect/vitest` 4 tests: a property test over the published `User` schema (its seed printed; the same
//   seed replays the same values) and a test with `@effect-clerk/testkit` 1.x's in-memory layer.
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { effect4Packages, packAll, published, root, tarballsDir } from "./pack.mjs"

const NODE = "node@22.23.3"
const started = Date.now()
const step = (message) =>
  process.stdout.write(`[consumer effect4 ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`)
let project = ""
const fail = (message) => {
  process.stderr.write(`test:consumer:effect4 failed: ${message}\n(project kept in ${project})\n`)
  process.exit(1)
}

const tarballs = packAll()
const line4 = Object.keys(tarballs).filter((name) => published(name).line === 4)
if (!line4.includes("core-effect4")) fail("no Effect 4 core was packed (packages/core-effect4)")
if (!effect4Packages.includes("testkit-effect4")) {
  fail("no Effect 4 test kit in the workspace (packages/testkit-effect4)")
}

/** The README's Effect 4 install lines, or these (what the README's block should say) until it has them. */
const defaultInstall = [
  "TARBALLS=../effect-clerk/build/tarballs",
  "npm i $TARBALLS/effect-clerk-kernel.tgz $TARBALLS/effect-clerk-core-1.tgz effect@~4.1.0",
  "npm i -D $TARBALLS/effect-clerk-testkit-1.tgz @effect/vitest@^4.0.5 vitest@^5.1.2"
]
const defaultRegistry = ["npm i @effect-clerk/core@1 effect@4.1", "npm i -D @effect/vitest@4 vitest@5"]
const readmeBlock = (marker, fallback) => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (match !== null) return match[1].trim().split("\n")
  step(`README.md has no <!-- ${marker} --> block: using the script's lines`)
  return fallback
}

// Node 22 from the registry, first on PATH: `npm`, `npx` and `node` (the shebangs' `env node`) all run on it
const node22 = execFileSync("npx", ["-y", NODE, "-p", "process.execPath"], { encoding: "utf8" }).trim()
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) =>
    !/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|INIT_CWD$|FC_|EFFECT_CLERK_)/i.test(name)
  )
)
Object.assign(env, {
  PATH: `${path.dirname(node22)}${path.delimiter}${process.env["PATH"]}`,
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  npm_config_loglevel: "error",
  NO_COLOR: "1"
})

const run = (command, args, options = {}) => {
  try {
    return execFileSync(command, args, {
      cwd: options.cwd ?? project,
      env: { ...env, ...options.env },
      encoding: "utf8",
      stdio: "pipe"
    })
  } catch (error) {
    if (options.allowFailure === true) {
      return { failed: true, stdout: error.stdout, stderr: error.stderr, status: error.status }
    }
    fail(`${command} ${args.join(" ")} exited with ${error.status}\n${error.stdout}\n${error.stderr}`)
  }
}

const newProject = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module", scripts: { test: "vitest run" } }, null, 2)}\n`
  )
  return dir
}
project = newProject("effect-clerk-consumer-effect4-")
step(`project ${project}; ${run("node", ["--version"]).trim()} (${node22}), npm ${run("npm", ["--version"]).trim()}`)
if (!run("node", ["--version"]).startsWith("v22.")) fail("npm and node do not run on Node 22")

/** The npm words of a README line: `$TARBALLS` is the real folder; no `--force` nor `--legacy-peer-deps`. */
const npmWords = (line, variables) => {
  const words = line.split(" ").map((word) =>
    word.replace(/\$([A-Z_]+)/g, (_, name) => variables.get(name) ?? fail(`$${name} is not set in: ${line}`))
  )
  if (words[0] !== "npm") fail(`the README's install line does not use npm: ${line}`)
  if (words.some((word) => /^--(force|legacy-peer-deps)$/.test(word))) fail(`the install line forces: ${line}`)
  return words.slice(1)
}

// ---------------------------------------------------------------------------------------------------------------
// install, as the README says, from the tarballs
// ---------------------------------------------------------------------------------------------------------------

const variables = new Map()
for (const line of readmeBlock("consumer:install-effect4", defaultInstall)) {
  const assignment = /^([A-Z_]+)=(\S+)$/.exec(line)
  if (assignment !== null) {
    if (assignment[1] !== "TARBALLS") fail(`the README sets a variable the consumer test does not know: ${line}`)
    variables.set("TARBALLS", tarballsDir)
    step(`$ ${line} (here ${tarballsDir})`)
    continue
  }
  step(`$ ${line}`)
  run("npm", npmWords(line, variables))
}
const installed = (name) =>
  JSON.parse(fs.readFileSync(path.join(project, "node_modules", name, "package.json"), "utf8")).version
const versions = {
  core: installed("@effect-clerk/core"),
  effect: installed("effect"),
  "@effect/vitest": installed("@effect/vitest"),
  vitest: installed("vitest")
}
if (
  !versions.core.startsWith("1.") || !versions.effect.startsWith("4.1.") ||
  !versions["@effect/vitest"].startsWith("4.") || !versions.vitest.startsWith("5.")
) {
  fail(`installed ${JSON.stringify(versions)}`)
}
step(`installed ${JSON.stringify(versions)}`)

// the registry line: its @effect-clerk words served by the tarballs of a matching version, the rest from npm
{
  const dryRun = newProject("effect-clerk-consumer-effect4-registry-")
  for (const line of readmeBlock("consumer:install-registry-effect4", defaultRegistry)) {
    const words = npmWords(line, variables).map((word) => {
      const spec = /^(@effect-clerk\/[a-z]+)@?(.*)$/.exec(word)
      if (spec === null) return word
      const name = Object.keys(tarballs).find((dir) => published(dir).name === spec[1] && published(dir).line === 4)
      if (name === undefined) fail(`no Effect 4 tarball is published as ${spec[1]}`)
      const { version } = published(name)
      const major = version.split(".")[0]
      if (spec[2] !== "" && !new RegExp(`^[\\^~]?${major}(\\.|$)`).test(spec[2])) {
        fail(`${word}: the tarball is ${spec[1]}@${version}`)
      }
      return tarballs[name]
    })
    // core and the kernel come from the registry once published (core as the test kit's dependency, the kernel as
    // core's); here from their tarballs, beside the line's
    if (words.some((word) => Object.values(tarballs).includes(word))) {
      for (const dependency of [tarballs["core-effect4"], tarballs["kernel"]]) {
        if (!words.includes(dependency)) words.push(dependency)
      }
    }
    step(`$ ${line} (--dry-run, @effect-clerk/* from the tarballs)`)
    run("npm", [...words, "--dry-run"], { cwd: dryRun })
  }
  fs.rmSync(dryRun, { recursive: true, force: true })
  step("the registry line resolves with effect 4.1 (no --force, no --legacy-peer-deps)")
}

// ---------------------------------------------------------------------------------------------------------------
// an ES module program
// ---------------------------------------------------------------------------------------------------------------

fs.copyFileSync(path.join(root, "scripts/consumer-effect4/program.mjs"), path.join(project, "program.mjs"))
const output = run("node", ["program.mjs"]).trim()
const expected = JSON.stringify({
  id: "user_consumer",
  listed: 2,
  firstName: "Ada",
  missing: "ResourceNotFound",
  requests: ["GET /v1/users/user_consumer true", "GET /v1/users true", "GET /v1/users/user_missing true"]
})
if (output !== expected) fail(`program.mjs printed\n${output}\ninstead of\n${expected}`)
step(`node program.mjs: ${output}`)
const internal = run("node", ["--input-type=module", "-e", `import("@effect-clerk/core/internal/request")`], {
  allowFailure: true
})
if (internal.failed !== true || !`${internal.stderr}`.includes("ERR_PACKAGE_PATH_NOT_EXPORTED")) {
  fail(`@effect-clerk/core/internal/request is importable:\n${JSON.stringify(internal)}`)
}
step("internal modules refused (ERR_PACKAGE_PATH_NOT_EXPORTED)")

// ---------------------------------------------------------------------------------------------------------------
// @effect/vitest 4: a property test (seed printed and replayed), the in-memory layer
// ---------------------------------------------------------------------------------------------------------------

fs.mkdirSync(path.join(project, "test"))
const tests = ["properties.test.ts", "inMemory.test.ts"]
for (const file of tests) {
  fs.copyFileSync(path.join(root, "scripts/consumer-effect4", file), path.join(project, "test", file))
}
const vitest = (variables) => run("npx", ["vitest", "run"], { env: variables })
const samples = (name) => path.join(project, `${name}.ndjson`)
const first = vitest({ EFFECT_CLERK_SEED: "4242", SAMPLES: samples("first") })
if (!/seed=4242 \(replay with EFFECT_CLERK_SEED=4242\)/.test(first)) fail(`the seed was not printed:\n${first}`)
const passedFiles = /Test Files\s+(\d+) passed/.exec(first)
if (passedFiles === null || Number(passedFiles[1]) !== tests.length || /\bfailed\b/.test(first)) {
  fail(`the consumer's tests did not all pass (${tests.join(", ")}):\n${first}`)
}
vitest({ EFFECT_CLERK_SEED: "4242", SAMPLES: samples("second") })
const [one, two] = [samples("first"), samples("second")].map((file) => fs.readFileSync(file, "utf8"))
if (one !== two || one.trim().split("\n").length < 20) fail("EFFECT_CLERK_SEED=4242 did not replay the same values")
step(`npx vitest run (vitest 5, Node 22): ${tests.join(", ")} pass; EFFECT_CLERK_SEED replays the same values`)

fs.rmSync(project, { recursive: true, force: true })
step(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
