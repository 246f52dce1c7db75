// `pnpm test:consumer`: the packages as a user gets them. Packs the packages as they would be published, creates
// a project outside the workspace, installs the tarballs there with npm using only the README's install lines
// (the tarball route it documents while the packages are not on the registry: the kernel's tarball beside core's,
// the npm registry for everything else), and runs:
//
// - an ES module program and a CommonJS `require` (UsersInMemory.layer, the in-process ClerkEmulator, a subpath
//   module, internals refused, the kernel's root and a module of it), without @effect/platform-node installed;
// - an @effect/vitest test and a property test, with the README's FC_SEED setup file: the same seed replays the
//   same values, and a failing property replays from the seed and path fast-check prints;
// - the effect-clerk-emulator command: first without @effect/platform-node (an install hint), then with the README's
//   line for it (serves, refuses an empty key, stops on SIGTERM), and an ES module program over real HTTP
//   (ClerkEmulator.layerUsers over a loopback socket);
// - EmulatorLauncher from a plain vitest globalSetup (the README's, with scripts/consumer/launcher/ as its tests),
//   and the README's shell recipe (the port is free once the script ends);
// - tsc over scripts/consumer/*.types.ts (typescript installed in a block of its own): the published types.
import { execFileSync, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import { packAll, root, tarballsDir } from "./pack.mjs"

const started = Date.now()
const step = (message) =>
  process.stdout.write(`[consumer ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`)
const fail = (message) => {
  process.stderr.write(`test:consumer failed: ${message}\n(project kept in ${project})\n`)
  process.exit(1)
}

const tarballs = packAll()
const project = fs.mkdtempSync(path.join(os.tmpdir(), "effect-clerk-consumer-"))
step(`project ${project}`)

// npm as a user runs it: none of pnpm's variables, no audit or funding noise
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|INIT_CWD$|FC_)/i.test(name))
)
Object.assign(env, {
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  npm_config_loglevel: "error",
  NO_COLOR: "1"
})

const run = (command, args, options = {}) => {
  try {
    return execFileSync(command, args, {
      cwd: project,
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

const readmeBlock = (marker) => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (match === null) fail(`no install block <!-- ${marker} --> in README.md`)
  return match[1].trim().split("\n")
}

// ---------------------------------------------------------------------------------------------------------------
// install: the README's lines as a newcomer pastes them (the packages are not on the registry yet: from the
// tarballs `pnpm pack:tarballs` writes, which `packAll` above wrote into the same folder)
// ---------------------------------------------------------------------------------------------------------------

/** The README's variables (`TARBALLS=...`): its value is a path in the reader's machine, here the real folder. */
const variables = new Map()

/**
 * Runs the README's install lines: `NAME=value` lines set a variable (`TARBALLS` is the folder of the tarballs
 * wherever the README's example puts it), `$NAME` in an `npm` line is replaced by its value, and nothing else is
 * changed: the packages come from the tarballs because the lines say so.
 */
const install = (marker) => {
  for (const line of readmeBlock(marker)) {
    const assignment = /^([A-Z_]+)=(\S+)$/.exec(line)
    if (assignment !== null) {
      if (assignment[1] !== "TARBALLS") fail(`the README sets a variable the consumer test does not know: ${line}`)
      variables.set(assignment[1], tarballsDir)
      step(`$ ${line} (here ${tarballsDir})`)
      continue
    }
    const words = line.split(" ").map((word) =>
      word.replace(/\$([A-Z_]+)/g, (_, name) => variables.get(name) ?? fail(`$${name} is not set in: ${line}`))
    )
    if (words[0] !== "npm") fail(`the README's install line does not use npm: ${line}`)
    step(`$ ${line}`)
    run("npm", words.slice(1))
  }
}
if (!Object.values(tarballs).every((file) => path.dirname(file) === tarballsDir)) {
  fail(`the tarballs are not in ${tarballsDir}, the folder the README's lines install from`)
}

fs.writeFileSync(
  path.join(project, "package.json"),
  `${JSON.stringify({ name: "consumer", private: true, type: "module", scripts: { test: "vitest run" } }, null, 2)}\n`
)
install("consumer:install")
if (fs.existsSync(path.join(project, "node_modules/@effect/platform-node"))) {
  fail("@effect/platform-node was installed although it is an optional peer dependency")
}

// ---------------------------------------------------------------------------------------------------------------
// ES modules and CommonJS, without @effect/platform-node
// ---------------------------------------------------------------------------------------------------------------

const program = (load) =>
  `${load}
const seeds = [{ firstName: "Ada", lastName: "Lovelace", emailAddress: ["ada@example.com"] }, { username: "grace" }]
const inMemory = Effect.gen(function*() {
  const users = yield* Users
  const control = yield* UsersTestControl
  yield* control.seedUsers(seeds)
  const [ada] = yield* users.list({ emailAddress: ["ada@example.com"] })
  return { count: yield* users.count(), name: Option.getOrNull(User.fullName(ada)) }
}).pipe(Effect.provide(UsersInMemory.layer()))
const overTheEmulator = Effect.gen(function*() {
  const users = yield* Users
  const created = yield* users.create({ emailAddress: ["linus@example.com"], firstName: "Linus" })
  const missing = yield* Effect.flip(users.get("user_missing"))
  return { id: created.id.startsWith("user_"), count: yield* users.count(), missing: missing._tag }
}).pipe(Effect.provide(ClerkEmulator.layerUsers({ users: seeds })))
const config = yield_(ClerkConfig.make({ secretKey: "sk_test_consumer", apiUrl: "https://api.clerk.com" }))
const result = {
  inMemory: await Effect.runPromise(inMemory),
  emulator: await Effect.runPromise(overTheEmulator),
  apiUrl: config.apiUrl,
  subpath: typeof UserModule.User === "object" || typeof UserModule.User === "function",
  kernel: [Result.isOk(Result.ok(1)), Limits.MAX_LIMIT, KernelLimits.MAX_BULK_IDS]
}
let internals = "importable"
try {
  await loadInternal()
} catch (error) {
  internals = error.code
}
console.log(JSON.stringify({ ...result, internals }))
`

const expected = JSON.stringify({
  inMemory: { count: 2, name: "Ada Lovelace" },
  emulator: { id: true, count: 3, missing: "ResourceNotFound" },
  apiUrl: "https://api.clerk.com/v1",
  subpath: true,
  kernel: [true, 500, 50],
  internals: "ERR_PACKAGE_PATH_NOT_EXPORTED"
})

fs.writeFileSync(
  path.join(project, "esm.mjs"),
  program(`import { ClerkConfig, User, Users } from "@effect-clerk/core"
import * as UserModule from "@effect-clerk/core/User"
import { Limits, Result } from "@effect-clerk/kernel"
import * as KernelLimits from "@effect-clerk/kernel/Limits"
import { ClerkEmulator, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { Effect, Option } from "effect"
const yield_ = (effect) => Effect.runSync(effect)
const loadInternal = () => import("@effect-clerk/core/internal/json")`)
)
fs.writeFileSync(
  path.join(project, "cjs.cjs"),
  `(async () => {\n${
    program(`const { ClerkConfig, User, Users } = require("@effect-clerk/core")
const UserModule = require("@effect-clerk/core/User")
const { Limits, Result } = require("@effect-clerk/kernel")
const KernelLimits = require("@effect-clerk/kernel/Limits")
const { ClerkEmulator, UsersInMemory, UsersTestControl } = require("@effect-clerk/testkit")
const { Effect, Option } = require("effect")
const yield_ = (effect) => Effect.runSync(effect)
const loadInternal = async () => require("@effect-clerk/core/internal/json")`)
  }})().catch((error) => { console.error(error); process.exit(1) })\n`
)
for (const file of ["esm.mjs", "cjs.cjs"]) {
  const output = run("node", [file]).trim()
  if (output !== expected) fail(`${file} printed\n${output}\ninstead of\n${expected}`)
  step(`node ${file}: ${output}`)
}

// ---------------------------------------------------------------------------------------------------------------
// @effect/vitest: a test, a property, FC_SEED and the replay of a failing property
// ---------------------------------------------------------------------------------------------------------------

fs.mkdirSync(path.join(project, "test"))
fs.copyFileSync(path.join(root, "packages/examples/src/readme/fc-seed.ts"), path.join(project, "vitest.setup.ts"))
fs.writeFileSync(
  path.join(project, "vitest.config.ts"),
  `import { defineConfig } from "vitest/config"\nexport default defineConfig({ test: { setupFiles: ["./vitest.setup.ts"] } })\n`
)
// the consumer's own tests: every file of scripts/consumer/ (each a test a user would write against the packages)
const consumerTests = fs.readdirSync(path.join(root, "scripts/consumer")).filter((file) => file.endsWith(".test.ts"))
for (const file of consumerTests) {
  fs.copyFileSync(path.join(root, "scripts/consumer", file), path.join(project, "test", file))
}
fs.writeFileSync(
  path.join(project, "test/replay.test.ts"),
  `import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"

const replay = process.env["REPLAY"] ? { fastCheck: JSON.parse(process.env["REPLAY"]) } : {}

describe.runIf(process.env["FAILING"] === "1")("a failing property", () => {
  // no shrinking: the counterexample is the random value that failed, which only the same seed and path give again
  it.prop("numbers stay small", [fc.integer({ min: 0, max: 1_000_000_000 }).noShrink()], ([n]) => {
    expect(n).toBeLessThan(500_000_000)
  }, replay)
})
`
)
const vitest = (variables, allowFailure = false) =>
  run("npx", ["vitest", "run", "--reporter=basic"], { env: variables, allowFailure })

const samples = (name) => path.join(project, `${name}.ndjson`)
const first = vitest({ FC_SEED: "4242", SAMPLES: samples("first") })
if (!/seed=4242 \(replay with FC_SEED=4242\)/.test(first)) fail(`the setup file did not use FC_SEED:\n${first}`)
const passedFiles = /Test Files\s+(\d+) passed/.exec(first)
if (passedFiles === null || Number(passedFiles[1]) !== consumerTests.length || /\bfailed\b/.test(first)) {
  fail(`the consumer's tests did not all pass (${consumerTests.join(", ")}):\n${first}`)
}
vitest({ FC_SEED: "4242", SAMPLES: samples("second") })
const [one, two] = [samples("first"), samples("second")].map((file) => fs.readFileSync(file, "utf8"))
if (one !== two || one.trim().split("\n").length < 20) fail("FC_SEED=4242 did not replay the same values")
step(`npx vitest run: ${consumerTests.join(", ")} pass; FC_SEED replays the same values`)

const failing = vitest({ FAILING: "1" }, true)
const printed = /seed: (-?\d+), path: "([\d:]+)"/.exec(`${failing.stdout}${failing.stderr}`)
const counterexample = /Counterexample: (\[[^\]]*\])/.exec(`${failing.stdout}${failing.stderr}`)
if (failing.failed !== true || printed === null || counterexample === null) {
  fail(`a failing property did not print its seed and path:\n${failing.stdout}\n${failing.stderr}`)
}
const replayed = vitest({ FAILING: "1", REPLAY: JSON.stringify({ seed: Number(printed[1]), path: printed[2] }) }, true)
if (!`${replayed.stdout}${replayed.stderr}`.includes(`Counterexample: ${counterexample[1]}`)) {
  fail(`replaying seed ${printed[1]} and path ${printed[2]} did not give ${counterexample[1]}:\n${replayed.stdout}`)
}
step(
  `a failing property printed seed ${printed[1]} and path "${printed[2]}"; replaying them gives ${counterexample[1]}`
)

// ---------------------------------------------------------------------------------------------------------------
// types: every scripts/consumer/*.types.ts compiled with tsc against the published declarations (strict, as a user's
// project); a `@ts-expect-error` line that is not an error fails tsc
// ---------------------------------------------------------------------------------------------------------------

const typeChecks = fs.readdirSync(path.join(root, "scripts/consumer")).filter((file) => file.endsWith(".types.ts"))
step("$ npm i -D typescript@5.9.3")
run("npm", ["i", "-D", "typescript@5.9.3"])
fs.mkdirSync(path.join(project, "types"))
for (const file of typeChecks) {
  fs.copyFileSync(path.join(root, "scripts/consumer", file), path.join(project, "types", file))
}
fs.writeFileSync(
  path.join(project, "tsconfig.types.json"),
  `${
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: true,
          noEmit: true,
          types: []
        },
        include: ["types/*.ts"]
      },
      null,
      2
    )
  }\n`
)
run("npx", ["tsc", "-p", "tsconfig.types.json"])
step(`npx tsc: ${typeChecks.join(", ")} compile, their @ts-expect-error lines are errors`)

// ---------------------------------------------------------------------------------------------------------------
// the emulator's command and HTTP server
// ---------------------------------------------------------------------------------------------------------------

const bin = path.join(project, "node_modules/.bin/effect-clerk-emulator")
const withoutNode = run(bin, ["--port", "0"], { allowFailure: true })
if (withoutNode.status !== 1 || !withoutNode.stderr.includes("npm i -D @effect/platform-node@^0.108.2")) {
  fail(`without @effect/platform-node the command should say how to install it:\n${withoutNode.stderr}`)
}
step("effect-clerk-emulator without @effect/platform-node: exit 1 with the install line")

install("consumer:install-server")
// what the README's lines leave in the project's package.json: what runs in production (the client, Effect, the
// Node transport) under dependencies, the test kit and test tools under devDependencies, the packages from tarballs
{
  const manifest = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"))
  const where = (name) =>
    name in (manifest.dependencies ?? {}) ? "dependencies" : name in (manifest.devDependencies ?? {}) ? "dev" : "none"
  const expectedPlaces = {
    "@effect-clerk/kernel": "dependencies",
    "@effect-clerk/core": "dependencies",
    "effect": "dependencies",
    "@effect/platform": "dependencies",
    "@effect/platform-node": "dependencies",
    "@effect-clerk/testkit": "dev",
    "@effect/vitest": "dev",
    "vitest": "dev"
  }
  const places = Object.fromEntries(Object.keys(expectedPlaces).map((name) => [name, where(name)]))
  if (JSON.stringify(places) !== JSON.stringify(expectedPlaces)) {
    fail(`the README's lines put the packages in the wrong places: ${JSON.stringify(places)}`)
  }
  const fromTarballs = ["@effect-clerk/kernel", "@effect-clerk/core", "@effect-clerk/testkit"].map((name) =>
    manifest.dependencies?.[name] ?? manifest.devDependencies?.[name]
  )
  if (!fromTarballs.every((spec) => /^file:.*\.tgz$/.test(spec))) {
    fail(`the packages were not installed from the tarballs: ${fromTarballs.join(", ")}`)
  }
  step("package.json: core, kernel, effect, the platform and platform-node as dependencies; the test kit as dev")
}
const emptyKey = run(bin, ["--port", "0", "--key", ""], { allowFailure: true })
if (emptyKey.status !== 2 || !emptyKey.stderr.includes("an empty key")) {
  fail(`--key "" was not refused:\n${emptyKey.stderr}`)
}

const serve = spawn(bin, ["--port", "0", "--key", "sk_test_consumer"], {
  cwd: project,
  env,
  stdio: ["ignore", "pipe", "pipe"]
})
let output = ""
serve.stdout.on("data", (chunk) => (output += chunk))
serve.stderr.on("data", (chunk) => (output += chunk))
const exited = new Promise((resolve) => serve.on("close", resolve))
const url = await new Promise((resolve) => {
  const timer = setTimeout(() => resolve(undefined), 20_000)
  serve.stdout.on("data", () => {
    const match = /^ready: (\S+)$/m.exec(output)
    if (match !== null) {
      clearTimeout(timer)
      resolve(match[1])
    }
  })
})
if (url === undefined) fail(`effect-clerk-emulator printed no readiness line:\n${output}`)
const counted = await (await fetch(`${url}/users/count`, { headers: { authorization: "Bearer sk_test_consumer" } }))
  .json()
serve.kill("SIGTERM")
const code = await exited
if (counted.total_count !== 0 || code !== 0) fail(`the emulator answered ${JSON.stringify(counted)} and exited ${code}`)
step(`effect-clerk-emulator: ready at ${url}, answered, refused --key "", stopped with exit code 0`)

fs.writeFileSync(
  path.join(project, "server.mjs"),
  `import { Users } from "@effect-clerk/core"
import { ClerkEmulator } from "@effect-clerk/testkit"
import { FetchHttpClient } from "@effect/platform"
import { Effect } from "effect"
const OverHttp = ClerkEmulator.layerUsers({
  users: [{ username: "over_http" }],
  transport: ClerkEmulator.loopback(FetchHttpClient.layer)
})
const program = Effect.gen(function*() {
  const emulator = yield* ClerkEmulator.ClerkEmulator
  const users = yield* Users
  return [emulator.apiUrl.startsWith("http://127.0.0.1:"), yield* users.count()]
})
console.log(JSON.stringify(await Effect.runPromise(program.pipe(Effect.provide(OverHttp)))))
`
)
const overHttp = run("node", ["server.mjs"]).trim()
if (overHttp !== "[true,1]") fail(`server.mjs printed ${overHttp}`)
step("node server.mjs: ClerkEmulator.layerUsers over a loopback socket with FetchHttpClient")

// ---------------------------------------------------------------------------------------------------------------
// EmulatorLauncher from a plain vitest globalSetup (the README's), and the README's shell recipe
// ---------------------------------------------------------------------------------------------------------------

fs.copyFileSync(
  path.join(root, "packages/examples/src/readme/global-setup.ts"),
  path.join(project, "vitest.global-setup.ts")
)
fs.mkdirSync(path.join(project, "launcher"))
for (const file of fs.readdirSync(path.join(root, "scripts/consumer/launcher"))) {
  fs.copyFileSync(path.join(root, "scripts/consumer/launcher", file), path.join(project, "launcher", file))
}
fs.writeFileSync(
  path.join(project, "vitest.launcher.config.ts"),
  `import { defineConfig } from "vitest/config"
export default defineConfig({ test: { include: ["launcher/**/*.test.ts"], globalSetup: ["./vitest.global-setup.ts"] } })
`
)
const launched = run("npx", ["vitest", "run", "--config", "vitest.launcher.config.ts", "--reporter=basic"])
if (!/Test Files\s+1 passed/.test(launched) || /\bfailed\b/.test(launched)) {
  fail(`the launcher's globalSetup run did not pass:\n${launched}`)
}
step("npx vitest run --config vitest.launcher.config.ts: EmulatorLauncher.start() in globalSetup, stopped after")

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
const portIsFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
const recipe = /<!-- consumer:shell-recipe -->\n```sh\n([\s\S]*?)```/.exec(
  fs.readFileSync(path.join(root, "README.md"), "utf8")
)
if (recipe === null || !recipe[1].includes("PORT=4010") || !recipe[1].includes("npm test")) {
  fail("no shell recipe (<!-- consumer:shell-recipe -->, with PORT=4010 and npm test) in README.md")
}
const recipePort = await freePort()
const recipeOutput = run("bash", [
  "-c",
  recipe[1].replace("PORT=4010", `PORT=${recipePort}`).replace(
    "npm test",
    "sh -c 'curl -fs -H \"Authorization: Bearer $CLERK_SECRET_KEY\" \"$CLERK_API_URL/v1/users/count\"'"
  )
])
if (!recipeOutput.includes("\"total_count\":0") || !(await portIsFree(recipePort))) {
  fail(`the README's shell recipe did not answer, or left port ${recipePort} taken:\n${recipeOutput}`)
}
step(`the README's shell recipe: the emulator answered on port ${recipePort}, which is free once the script ends`)
// for the record, what the README warns about: `npx effect-clerk-emulator … & kill $!` (npm exec's process id);
// the job gets a process group of its own (set -m), killed whole afterwards so that nothing is left behind
const npxPort = await freePort()
const npx = run("bash", [
  "-c",
  `set -m
npx effect-clerk-emulator --port ${npxPort} > /dev/null 2>&1 & NPX=$!
until curl -fs http://127.0.0.1:${npxPort}/healthz > /dev/null; do kill -0 $NPX || exit 1; sleep 0.2; done
kill $NPX; wait $NPX; sleep 1
curl -fs http://127.0.0.1:${npxPort}/healthz > /dev/null && echo "still held" || echo "freed"
kill -- -$NPX 2> /dev/null; true`
])
step(`npx effect-clerk-emulator … & kill $!: the port was ${npx.trim()} one second after npm exec stopped`)

fs.rmSync(project, { recursive: true, force: true })
step(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
