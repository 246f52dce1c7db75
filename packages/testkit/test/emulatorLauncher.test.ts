/**
 * `EmulatorLauncher`: the command started as a test runner's `globalSetup` would start it (a Promise), its admin
 * client, `stop()` freeing the port, an emulator that stops when its parent dies without calling `stop()`, and
 * a `LaunchError` for each way it cannot start.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer as createHttpServer } from "node:http"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { EmulatorLauncher } from "../src/index.js"

const bin = fileURLToPath(new URL("../src/bin/emulator.ts", import.meta.url))
const launcher = fileURLToPath(new URL("../src/EmulatorLauncher.ts", import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
/** The command from its TypeScript source, as `npx effect-clerk-emulator` runs the built one. */
const fromSource = { bin, nodeArguments: ["--conditions=source", "--import", tsx] } as const
/** Under this package's `node_modules`: `@effect/platform-node` resolves from there. */
const cache = fileURLToPath(new URL("../node_modules/.cache/emulator-launcher/", import.meta.url))

const count = async (apiUrl: string, secretKey: string) => {
  const response = await fetch(`${apiUrl}/users/count`, { headers: { authorization: `Bearer ${secretKey}` } })
  return response.status === 200 ? ((await response.json()) as { total_count: number }).total_count : response.status
}

/** Whether nothing listens on the port any more (a server of ours can take it). */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })

const portOf = (apiUrl: string) => Number(new URL(apiUrl).port)

/** Whether a process is still there. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const launchError = (options: EmulatorLauncher.Options) =>
  EmulatorLauncher.start(options).then(
    (running) => running.stop().then(() => undefined),
    (error: unknown) => error instanceof EmulatorLauncher.LaunchError ? error : undefined
  )

describe("EmulatorLauncher", () => {
  it(
    "starts the command on a free port, seeds and injects through its admin API, and stop() frees the port",
    async () => {
      const emulator = await EmulatorLauncher.start({ ...fromSource, secretKey: "sk_test_launcher" })
      try {
        expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
        expect(emulator.env).toEqual({
          CLERK_API_URL: emulator.apiUrl.replace(/\/v1$/, ""),
          CLERK_SECRET_KEY: "sk_test_launcher"
        })
        expect(emulator.admin.url).toBe(`${emulator.env.CLERK_API_URL}/__emulator`)
        expect(await count(emulator.apiUrl, "sk_test_launcher")).toBe(0)
        const ids = await emulator.admin.seedUsers([{ emailAddress: ["ada@example.com"] }, { username: "grace" }])
        expect(ids).toHaveLength(2)
        expect(await count(emulator.apiUrl, "sk_test_launcher")).toBe(2)
        await emulator.admin.injectFault({ operations: ["count"], status: 503, times: 1 })
        expect(await count(emulator.apiUrl, "sk_test_launcher")).toBe(503)
        await emulator.admin.reset()
        expect(await count(emulator.apiUrl, "sk_test_launcher")).toBe(0)
        const refused = await emulator.admin.seedUsers([{ emailAddress: ["not an address"] }]).catch((error) => error)
        expect(refused).toBeInstanceOf(EmulatorLauncher.AdminError)
        expect(refused.status).toBe(400)
      } finally {
        await emulator.stop()
      }
      expect(alive(emulator.pid)).toBe(false)
      expect(await portIsFree(portOf(emulator.apiUrl))).toBe(true)
      await emulator.stop() // twice is fine
    },
    60_000
  )

  it("rateLimits: the command enforces the limits given", async () => {
    const emulator = await EmulatorLauncher.start({
      ...fromSource,
      rateLimits: { instance: { requests: 1, windowMillis: 1e12 }, userWrites: null }
    })
    try {
      expect(await count(emulator.apiUrl, emulator.secretKey)).toBe(0)
      expect(await count(emulator.apiUrl, emulator.secretKey)).toBe(429)
    } finally {
      await emulator.stop()
    }
  }, 60_000)

  it("webhooks: the generated secret, endpoints added through the admin client, the delivery log", async () => {
    const received: Array<Record<string, string | Array<string> | undefined>> = []
    const receiver = createHttpServer((request, response) => {
      received.push(request.headers)
      request.resume()
      request.on("end", () => response.writeHead(204).end())
    })
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
    const address = receiver.address()
    const hook = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/hook`
    const emulator = await EmulatorLauncher.start({ ...fromSource, webhooks: { timeScale: 1000 } })
    try {
      expect(emulator.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
      await emulator.admin.addWebhookEndpoint(hook)
      const created = await fetch(`${emulator.apiUrl}/users`, {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.secretKey}`, "content-type": "application/json" },
        body: JSON.stringify({ username: "launched" })
      })
      expect(created.status).toBe(200)
      let log = await emulator.admin.webhookDeliveries()
      for (let i = 0; i < 200 && log[0]?.state !== "succeeded"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25))
        log = await emulator.admin.webhookDeliveries()
      }
      expect(log).toMatchObject([{ endpoint: hook, eventType: "user.created", state: "succeeded" }])
      expect(received[0]?.["svix-id"]).toBe(log[0]?.messageId)
    } finally {
      await emulator.stop()
      receiver.closeAllConnections()
      receiver.close()
    }
  }, 60_000)

  it("make: the same as a scoped Effect, stopped when the scope closes", async () => {
    const started = await Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const emulator = yield* EmulatorLauncher.make({ ...fromSource, seed: "missing-is-refused.json" }).pipe(
        Effect.flip
      )
      expect(emulator.reason).toBe("ExitedBeforeReady")
      expect(emulator.message).toContain("cannot read the seed file")
      const running = yield* EmulatorLauncher.make(fromSource)
      expect(yield* Effect.promise(() => count(running.apiUrl, running.secretKey))).toBe(0)
      return running
    })))
    expect(alive(started.pid)).toBe(false)
    expect(await portIsFree(portOf(started.apiUrl))).toBe(true)
  }, 60_000)

  it("the emulator stops when its parent dies without calling stop(), even killed", async () => {
    mkdirSync(cache, { recursive: true })
    const parentFile = join(cache, `parent-${process.pid}.mts`)
    writeFileSync(
      parentFile,
      `import { start } from ${JSON.stringify(pathToFileURL(launcher).href)}
const emulator = await start(${JSON.stringify(fromSource)})
console.log(JSON.stringify({ apiUrl: emulator.apiUrl, pid: emulator.pid }))
setInterval(() => {}, 1_000)
`
    )
    const parent = spawn(process.execPath, [...fromSource.nodeArguments, parentFile], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    let output = ""
    const started = await new Promise<{ apiUrl: string; pid: number }>((resolve, reject) => {
      parent.stdout.on("data", (chunk) => {
        output += String(chunk)
        const line = output.split("\n").find((text) => text.startsWith("{"))
        if (line !== undefined) resolve(JSON.parse(line))
      })
      parent.once("exit", () => reject(new Error(`the parent exited: ${output}`)))
    })
    expect(await count(started.apiUrl, "sk_test_emulator")).toBe(0)
    parent.kill("SIGKILL")
    let waited = 0
    while (alive(started.pid) && waited < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      waited += 100
    }
    rmSync(parentFile, { force: true })
    expect(alive(started.pid)).toBe(false)
    expect(await portIsFree(portOf(started.apiUrl))).toBe(true)
  }, 60_000)

  it(
    "says why it cannot start: no command, no @effect/platform-node, an exit before ready, no ready line",
    async () => {
      const empty = mkdtempSync(join(tmpdir(), "clerk-launcher-"))
      mkdirSync(cache, { recursive: true })
      const silent = join(cache, `silent-${process.pid}.mjs`)
      writeFileSync(silent, "console.log(`pid ${process.pid}`)\nsetInterval(() => {}, 1_000)\n")
      const failing = join(cache, `failing-${process.pid}.mjs`)
      writeFileSync(failing, "console.error('effect-clerk-emulator: cannot listen'); process.exit(1)\n")
      const lonely = join(empty, "emulator.mjs")
      writeFileSync(lonely, "")
      try {
        const missing = await launchError({ bin: join(empty, "nothing.js") })
        expect([missing?.reason, missing?.message]).toEqual(["BinNotFound", expect.stringContaining("nothing.js")])
        // in a process of its own, without pnpm's NODE_PATH (which would find this workspace's packages from anywhere)
        mkdirSync(cache, { recursive: true })
        const script = join(cache, `resolution-${process.pid}.mts`)
        writeFileSync(
          script,
          `import { start } from ${JSON.stringify(pathToFileURL(launcher).href)}
for (const options of [{ cwd: ${JSON.stringify(empty)} }, { bin: ${JSON.stringify(lonely)} }]) {
  await start(options).then((running) => running.stop(), (error) => console.log(JSON.stringify([error.reason, error.message])))
}
`
        )
        const lines = await new Promise<string>((resolve) => {
          const { NODE_PATH: _, ...env } = process.env
          const child = spawn(process.execPath, [...fromSource.nodeArguments, script], {
            env,
            stdio: ["ignore", "pipe", "inherit"]
          })
          let output = ""
          child.stdout.on("data", (chunk) => (output += String(chunk)))
          child.on("close", () => resolve(output))
        })
        rmSync(script, { force: true })
        const [notInstalled, noPlatform] = lines.trim().split("\n").map((line) => JSON.parse(line) as unknown)
        expect(notInstalled).toEqual([
          "BinNotFound",
          expect.stringMatching(/^cannot find the effect-clerk-emulator command from .*npm i -D @effect-clerk\/testkit/)
        ])
        expect(noPlatform).toEqual([
          "PlatformNodeMissing",
          expect.stringContaining("npm i -D @effect/platform-node@^0.108.2")
        ])
        const exited = await launchError({ bin: failing })
        expect([exited?.reason, exited?.message]).toEqual([
          "ExitedBeforeReady",
          expect.stringMatching(/exit code 1[\s\S]*cannot listen/)
        ])
        const timedOut = await launchError({ bin: silent, timeout: "1 second" })
        expect(timedOut?.reason).toBe("Timeout")
        const pid = Number(/pid (\d+)/.exec(timedOut?.message ?? "")?.[1])
        expect(pid).toBeGreaterThan(0)
        expect(alive(pid)).toBe(false) // the process it started is stopped
      } finally {
        rmSync(empty, { recursive: true, force: true })
        rmSync(silent, { force: true })
        rmSync(failing, { force: true })
      }
    },
    60_000
  )

  it("refuses an invalid timeout before it starts anything", async () => {
    for (const timeout of ["30s", "0 seconds"] as const) {
      const refused = await launchError({ ...fromSource, timeout: timeout as EmulatorLauncher.Options["timeout"] & {} })
      expect([refused?.reason, refused?.message]).toEqual(["InvalidOptions", expect.stringContaining(timeout)])
    }
  })

  it.effect(
    "make under TestClock: the readiness timeout runs on the wall clock (a silent command fails, no hang)",
    () =>
      Effect.gen(function*() {
        mkdirSync(cache, { recursive: true })
        const silent = join(cache, `silent-clock-${process.pid}.mjs`)
        writeFileSync(silent, "setInterval(() => {}, 1_000)\n")
        const error = yield* Effect.flip(Effect.scoped(EmulatorLauncher.make({ bin: silent, timeout: "1 second" })))
        rmSync(silent, { force: true })
        expect(error.reason).toBe("Timeout")
      }),
    30_000
  )
})
