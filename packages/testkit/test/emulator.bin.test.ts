import { UsersProtocol, Webhooks } from "@effect-clerk/core"
import { DEFAULT_API_VERSION, METADATA_IN_UPDATE_REMOVED_IN } from "@effect-clerk/core/ClerkConfig"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer as createHttpServer } from "node:http"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type * as TypeScript from "typescript"

const bin = fileURLToPath(new URL("../src/bin/emulator.ts", import.meta.url))
const require = createRequire(import.meta.url)
const tsx = pathToFileURL(require.resolve("tsx")).href
const dir = mkdtempSync(join(tmpdir(), "clerk-emulator-bin-"))

/**
 * The command transpiled to plain JavaScript, for the cases that end before it loads the emulator (help, bad
 * arguments, seed files): it starts in a third of the time tsx takes. It sits under this package's
 * `node_modules/.cache`, from where `effect` resolves as it does for the source.
 */
const quickBin = (() => {
  const ts = require("typescript") as typeof TypeScript
  const cache = fileURLToPath(new URL("../node_modules/.cache/emulator-bin/", import.meta.url))
  mkdirSync(cache, { recursive: true })
  const { outputText } = ts.transpileModule(readFileSync(bin, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true }
  })
  const file = join(cache, `emulator-${process.pid}.mjs`)
  writeFileSync(file, outputText)
  return file
})()

/** The environment of the test run without the emulator's variables, plus `env`. */
const environment = (env: Record<string, string>) => {
  const base: Record<string, string | undefined> = { ...process.env }
  for (const name of Object.keys(base)) if (name.startsWith("CLERK_EMULATOR_")) delete base[name]
  return { ...base, ...env }
}

interface Options {
  readonly env?: Record<string, string>
  readonly cwd?: string
  /** Run the transpiled command (for cases that never start the server). */
  readonly quick?: boolean
}

const start = (args: ReadonlyArray<string>, options: Options = {}) => {
  const command = options.quick === true ? [quickBin] : ["--conditions=source", "--import", tsx, bin]
  const child = spawn(process.execPath, [...command, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: environment(options.env ?? {}),
    cwd: options.cwd ?? dir
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk) => (stdout += String(chunk)))
  child.stderr.on("data", (chunk) => (stderr += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)))
  /** The URL of the readiness line, printed once the emulator listens (and is seeded). */
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no readiness line: ${stdout}${stderr}`)), 20_000)
    child.stdout.on("data", () => {
      const match = /^ready: (http:\/\/\S+\/v1)$/m.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`exited before ready: ${stdout}${stderr}`))
    })
  })
  ready.catch(() => {})
  return { child, exited, ready, stdout: () => stdout, stderr: () => stderr }
}

/** Runs the command to its end. */
const run = async (args: ReadonlyArray<string>, options: Options = {}) => {
  const process = start(args, options)
  const code = await process.exited
  return { code, stdout: process.stdout(), stderr: process.stderr() }
}

const count = async (url: string, key: string) => {
  const response = await fetch(`${url}/users/count`, { headers: { authorization: `Bearer ${key}` } })
  return { status: response.status, body: await response.json() as unknown }
}

const seedFile = (name: string, content: string) => {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}

afterAll(() => {
  rmSync(quickBin, { force: true })
  rmSync(dir, { recursive: true, force: true })
})

describe("effect-clerk-emulator", () => {
  it(
    "serves on a given port with a seed file, prints a readiness line last, and stops cleanly on SIGTERM",
    async () => {
      const seed = seedFile(
        "seed.json",
        JSON.stringify([{ emailAddress: ["seed@example.com"] }, { username: "seeded" }])
      )
      const emulator = start(["--port", "0", "--seed", seed, "--key", "sk_test_bin"])
      const url = await emulator.ready
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      const lines = emulator.stdout().trimEnd().split("\n")
      expect(lines[0]).toBe(`Clerk emulator listening on ${url}`)
      expect(lines).toContain(`  CLERK_API_URL=${url.replace(/\/v1$/, "")} CLERK_SECRET_KEY=sk_test_bin`)
      expect(lines.at(-1)).toBe(`ready: ${url}`)
      expect(await count(url, "sk_test_bin")).toEqual({ status: 200, body: { object: "total_count", total_count: 2 } })
      const health = await fetch(`${url.replace(/\/v1$/, "")}/healthz`)
      expect([health.status, await health.json()]).toEqual([200, { status: "ok" }])
      emulator.child.kill("SIGTERM")
      expect(await emulator.exited).toBe(0)
      expect(emulator.stdout()).toContain("Clerk emulator stopped")
      expect(emulator.stderr()).toBe("")
      await expect(fetch(`${url}/users/count`)).rejects.toThrow()
    },
    30_000
  )

  it("--api-version (or CLERK_EMULATOR_API_VERSION) sets the version of requests that send none", async () => {
    const bad = await run(["--port", "0", "--api-version", "v1"])
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--api-version must be a Clerk API version")])
    const emulator = start(["--port", "0"], { env: { CLERK_EMULATOR_API_VERSION: "2026-05-12" } })
    const url = await emulator.ready
    const headers = { authorization: "Bearer sk_test_emulator", "content-type": "application/json" }
    const user = await (await fetch(`${url}/users`, { method: "POST", headers, body: "{}" })).json() as { id: string }
    const patched = await fetch(`${url}/users/${user.id}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ public_metadata: { a: 1 } })
    })
    expect(patched.status).toBe(422)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
  }, 30_000)

  it("--api-version accepts every published Clerk API version, each with the rules of its date", async () => {
    const published = JSON.parse(
      readFileSync(fileURLToPath(new URL("fixtures/publishedApiVersions.json", import.meta.url)), "utf8")
    ) as { readonly versions: ReadonlyArray<{ readonly version: string }> }
    const outcomes = await Promise.all(published.versions.map(async ({ version }) => {
      const emulator = start(["--port", "0", "--api-version", version])
      const url = await emulator.ready
      const headers = { authorization: "Bearer sk_test_emulator", "content-type": "application/json" }
      const user = await (await fetch(`${url}/users`, { method: "POST", headers, body: "{}" })).json() as { id: string }
      const patched = await fetch(`${url}/users/${user.id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ public_metadata: { a: 1 } })
      })
      emulator.child.kill("SIGTERM")
      return [version, patched.status, await emulator.exited]
    }))
    expect(outcomes).toEqual(
      published.versions.map(({ version }) => [version, version < METADATA_IN_UPDATE_REMOVED_IN ? 200 : 422, 0])
    )
  }, 60_000)

  it("stops cleanly on SIGINT too", async () => {
    const emulator = start(["--port=0"])
    await emulator.ready
    emulator.child.kill("SIGINT")
    expect(await emulator.exited).toBe(0)
    expect(emulator.stderr()).toBe("")
  }, 30_000)

  it("--help describes every option, its variable, the health route and the exit codes, on stdout", async () => {
    const { code, stderr, stdout } = await run(["--help"], { quick: true })
    expect(code).toBe(0)
    expect(stderr).toBe("")
    expect(stdout).toContain("usage: effect-clerk-emulator [--port 4010]")
    for (
      const text of [
        "--port <port>",
        "CLERK_EMULATOR_PORT",
        "--host <host>",
        "CLERK_EMULATOR_HOST",
        "--seed <file>",
        "CLERK_EMULATOR_SEED",
        "--key <key>",
        "CLERK_EMULATOR_KEYS",
        "--admin",
        "CLERK_EMULATOR_ADMIN",
        "GET <origin>/healthz",
        "200 {\"status\":\"ok\"}",
        "ready: <origin>/v1",
        "Exit codes",
        "--api-version",
        "CLERK_EMULATOR_API_VERSION",
        // the numbers the help states by hand (the command does not load the table to print its help)
        `the ${Object.keys(UsersProtocol.operations).length} Users endpoints`,
        `(default ${DEFAULT_API_VERSION})`,
        `[--api-version ${UsersProtocol.apiVersions.at(-1)}]`
      ]
    ) {
      expect(stdout).toContain(text)
    }
    expect((await run(["-h"], { quick: true })).stdout).toBe(stdout)
    // the package's README shows the help as it is
    const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8")
    expect(readme).toContain("```text\n" + stdout.trimEnd() + "\n```")
  }, 30_000)

  it("accepts --port=N, -p N and every option from its environment variable (a flag wins)", async () => {
    const seed = seedFile("env-seed.json", JSON.stringify([{ username: "from_env" }]))
    const emulator = start(["-p", "0", "--key", "sk_test_flag"], {
      env: {
        CLERK_EMULATOR_PORT: "1",
        CLERK_EMULATOR_HOST: "127.0.0.1",
        CLERK_EMULATOR_SEED: seed,
        CLERK_EMULATOR_KEYS: "sk_test_a,sk_test_b",
        CLERK_EMULATOR_ADMIN: "true"
      }
    })
    const url = await emulator.ready
    expect(await count(url, "sk_test_flag")).toEqual({ status: 200, body: { object: "total_count", total_count: 1 } })
    expect((await count(url, "sk_test_a")).status).toBe(401)
    const snapshot = await fetch(`${url.replace(/\/v1$/, "")}/__emulator/snapshot`, {
      headers: { authorization: "Bearer sk_test_flag" }
    })
    expect(snapshot.status).toBe(200)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)

    const fromEnv = start([], { env: { CLERK_EMULATOR_PORT: "0", CLERK_EMULATOR_KEYS: "sk_test_a, sk_test_b" } })
    const envUrl = await fromEnv.ready
    expect((await count(envUrl, "sk_test_b")).status).toBe(200)
    expect((await count(envUrl, "sk_test_emulator")).status).toBe(401)
    fromEnv.child.kill("SIGTERM")
    expect(await fromEnv.exited).toBe(0)
  }, 30_000)

  it("refuses bad arguments with one message, the usage line and exit code 2", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Record<string, string>, string]> = [
      [["--port", "nope"], {}, "--port must be a port number"],
      [["--port", "70000"], {}, "--port must be a port number"],
      [["--prot", "4011"], {}, "unknown option --prot"],
      [["--port"], {}, "--port needs a value"],
      [["users.json"], {}, "unexpected argument users.json"],
      [[], { CLERK_EMULATOR_PORT: "abc" }, "CLERK_EMULATOR_PORT must be a port number"],
      [[], { CLERK_EMULATOR_ADMIN: "maybe" }, "CLERK_EMULATOR_ADMIN must be 1/true or 0/false"],
      [["--host", ""], {}, "--host is empty"]
    ]
    const results = await Promise.all(cases.map(([args, env]) => run(args, { env, quick: true })))
    for (const [index, [args, , message]] of cases.entries()) {
      const { code, stderr, stdout } = results[index]!
      expect(code, args.join(" ")).toBe(2)
      expect(stdout).toBe("")
      expect(stderr).toContain(`effect-clerk-emulator: ${message}`)
      expect(stderr).toContain("usage: effect-clerk-emulator")
    }
  }, 30_000)

  it("refuses an empty key (as --key \"$UNSET\" gives) instead of turning authentication off", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Record<string, string>]> = [
      [["--port", "0", "--key", ""], {}],
      [["--port", "0", "--key="], {}],
      [["--port", "0"], { CLERK_EMULATOR_KEYS: "sk_test_ok,,x" }]
    ]
    const results = await Promise.all(cases.map(([args, env]) => run(args, { env, quick: true })))
    for (const { code, stderr, stdout } of results) {
      expect(code).toBe(2)
      expect(stderr).toContain("an empty key")
      expect(stdout).not.toContain("ready:")
    }
    const spaced = await run(["--port", "0", "--key", "sk test"], { quick: true })
    expect(spaced.code).toBe(2)
    expect(spaced.stderr).toContain("visible ASCII")
  }, 30_000)

  it("--rate-limits enforces Clerk's limits over a socket: 429, Retry-After and Clerk's body", async () => {
    // one window until 2033 (windows are aligned on the epoch), so no window ends during the test
    const limits = JSON.stringify({ instance: { requests: 2, windowMillis: 1e12 }, userWrites: null })
    const emulator = start(["--port", "0", "--rate-limits", limits])
    const url = await emulator.ready
    expect(emulator.stdout()).toContain(`rate limits: ${limits}`)
    for (let i = 0; i < 2; i++) expect((await count(url, "sk_test_emulator")).status).toBe(200)
    const refused = await fetch(`${url}/users/count`, { headers: { authorization: "Bearer sk_test_emulator" } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/)
    const body = await refused.json() as { errors: ReadonlyArray<{ code: string; long_message: string }> }
    expect(body.errors[0]?.code).toBe("too_many_requests")
    expect(body.errors[0]?.long_message).toContain(`${refused.headers.get("retry-after")} seconds`)
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
  }, 30_000)

  it("refuses bad --rate-limits and CLERK_EMULATOR_RATE_LIMITS with exit code 2", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Record<string, string>, string]> = [
      [["--port", "0", "--rate-limits", "fast"], {}, "--rate-limits must be development, production or JSON limits"],
      [["--port", "0"], {
        CLERK_EMULATOR_RATE_LIMITS: "{\"instance\":{\"requests\":0,\"windowMillis\":1000}}"
      }, "CLERK_EMULATOR_RATE_LIMITS: instance.requests must be a positive integer"]
    ]
    const results = await Promise.all(cases.map(([args, env]) => run(args, { env })))
    for (const [index, [, , message]] of cases.entries()) {
      const { code, stderr, stdout } = results[index]!
      expect(code).toBe(2)
      expect(stdout).not.toContain("ready:")
      expect(stderr).toContain(`effect-clerk-emulator: ${message}`)
    }
  }, 30_000)

  it("an empty CLERK_EMULATOR_PORT counts as unset (port 4010), not as port 0", async () => {
    const emulator = start([], { env: { CLERK_EMULATOR_PORT: "" } })
    const outcome = await Promise.race([emulator.ready, emulator.exited.then(() => "exited")])
    if (outcome === "exited") {
      // something else holds 4010 on this machine: the message says so, for 4010
      expect(emulator.stderr()).toContain("cannot listen on 127.0.0.1:4010: the port is already in use")
    } else {
      expect(outcome).toBe("http://127.0.0.1:4010/v1")
      emulator.child.kill("SIGTERM")
      expect(await emulator.exited).toBe(0)
    }
  }, 30_000)

  it("a port in use is a clear message and exit code 1", async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    try {
      const { code, stderr, stdout } = await run(["--port", String(port)])
      expect(code).toBe(1)
      expect(stdout).toBe("")
      expect(stderr.trim()).toBe(
        `effect-clerk-emulator: cannot listen on 127.0.0.1:${port}: the port is already in use. Pick another one ` +
          "with --port (or CLERK_EMULATOR_PORT), or --port 0 for any free port"
      )
    } finally {
      server.close()
    }
  }, 30_000)

  it("reads a relative --seed from the current directory", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "clerk-emulator-cwd-"))
    writeFileSync(join(cwd, "users.json"), JSON.stringify([{ username: "relative" }]))
    const emulator = start(["--port", "0", "--seed", "users.json"], { cwd })
    const url = await emulator.ready
    expect((await count(url, "sk_test_emulator")).body).toEqual({ object: "total_count", total_count: 1 })
    expect(emulator.stdout()).toContain("seeded 1 user(s) from users.json")
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
  }, 30_000)

  it("reports every seed file problem with the file (and the line or the entry), exit code 1", async () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      [seedFile("syntax.json", "[\n  { \"username\": \"a\" },\n]\n"), "is not valid JSON (line 3, column 1)"],
      [seedFile("object.json", "{\"username\": \"a\"}"), "must hold a JSON array of users"],
      [seedFile("entry.json", "[{\"username\": \"okay_user\"}, {\"emailAddress\": \"x\"}]"), "entry 1"],
      [seedFile("typo.json", "[{\"emailAdress\": [\"x@example.com\"]}]"), "entry 0: field emailAdress"],
      [seedFile("type.json", "[{\"firstName\": 42}]"), "entry 0: field firstName"],
      [seedFile("taken.json", "[{\"username\": \"taken_name\"}, {\"username\": \"taken_name\"}]"), "entry 1"],
      [join(dir, "missing.json"), "no such file"]
    ]
    // an entry refused by its Schema or by the store: those need the test kit's modules
    const results = await Promise.all(
      cases.map(([file, message]) => run(["--port", "0", "--seed", file], { quick: !message.startsWith("entry") }))
    )
    for (const [index, [file, message]] of cases.entries()) {
      const { code, stderr, stdout } = results[index]!
      expect(code, file).toBe(1)
      expect(stdout).not.toContain("ready:")
      expect(stderr).toContain(file)
      expect(stderr).toContain(message)
      expect(stderr.trim().split("\n")).toHaveLength(1)
    }
    const relative = await run(["--port", "0", "--seed", "nowhere/users.json"], { quick: true })
    expect(relative.stderr).toContain(`nowhere/users.json (${join(dir, "nowhere/users.json")}): no such file`)
  }, 30_000)

  it("--webhook delivers every user event signed with --webhook-secret; a generated secret is printed", async () => {
    // a receiver on a loopback port: the first attempt fails, so the (time-scaled) retry delivers it
    const received: Array<{ body: string; headers: Record<string, string> }> = []
    const receiver = createHttpServer((request, response) => {
      let body = ""
      request.on("data", (chunk) => (body += String(chunk)))
      request.on("end", () => {
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === "string") headers[name] = value
        }
        received.push({ body, headers })
        response.writeHead(received.length === 1 ? 503 : 204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
    const address = receiver.address()
    const hook = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/hook`
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    try {
      const emulator = start([
        "--port",
        "0",
        "--webhook",
        hook,
        "--webhook-secret",
        secret,
        "--webhook-time-scale",
        "1000"
      ])
      const url = await emulator.ready
      expect(emulator.stdout()).toContain(`webhooks to ${hook}`)
      expect(emulator.stdout()).not.toContain(secret)
      const created = await fetch(`${url}/users`, {
        method: "POST",
        headers: { authorization: "Bearer sk_test_emulator", "content-type": "application/json" },
        body: JSON.stringify({ email_address: ["hook@example.com"] })
      })
      expect(created.status).toBe(200)
      const user = await created.json() as { id: string }
      for (let i = 0; i < 200 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25))
      expect(received).toHaveLength(2)
      expect(received[1]!.headers["svix-id"]).toBe(received[0]!.headers["svix-id"])
      const message = await Effect.runPromise(
        Webhooks.verify({ body: received[1]!.body, headers: received[1]!.headers, secret: Redacted.make(secret) })
      )
      expect(message.event.type).toBe("user.created")
      expect(JSON.parse(received[1]!.body).data.id).toBe(user.id)
      emulator.child.kill("SIGTERM")
      expect(await emulator.exited).toBe(0)

      const generated = start(["--port", "0"])
      await generated.ready
      expect(generated.stdout()).toMatch(/^ {2}CLERK_WEBHOOK_SIGNING_SECRET=whsec_[A-Za-z0-9+/]+=*/m)
      generated.child.kill("SIGTERM")
      expect(await generated.exited).toBe(0)
    } finally {
      receiver.closeAllConnections()
      receiver.close()
    }
  }, 30_000)

  it(
    "refuses a bad --webhook, --webhook-secret or --webhook-time-scale with exit code 2, never repeating the secret",
    async () => {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [["--webhook", "ftp://example.com"], "--webhook must be an http(s) URL"],
        [["--webhook-secret", "not-a-secret!"], "--webhook-secret must be whsec_ followed by base64"],
        [["--webhook-time-scale", "0"], "--webhook-time-scale must be a positive number"]
      ]
      const results = await Promise.all(cases.map(([args]) => run(["--port", "0", ...args], { quick: true })))
      for (const [index, [args, message]] of cases.entries()) {
        const { code, stderr } = results[index]!
        expect(code, args.join(" ")).toBe(2)
        expect(stderr).toContain(message)
      }
      expect(results[1]!.stderr).not.toContain("not-a-secret!")
    },
    30_000
  )
})
