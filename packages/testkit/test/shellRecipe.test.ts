/**
 * The README's shell recipe stops what it starts: run as written with bash (the port and the test command
 * replaced), the emulator answers while the tests run, and once the script has ended its process is gone and its
 * port is free, at once. Started through a wrapper process instead (as `npx` starts it), `kill $!` stops the
 * wrapper and leaves the emulator holding its port: the reason for the recipe.
 */
import { describe, expect, it } from "@effect/vitest"
import { spawn } from "node:child_process"
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8")
const bin = fileURLToPath(new URL("../src/bin/emulator.ts", import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href

const recipe = (() => {
  const match = /<!-- consumer:shell-recipe -->\n```sh\n([\s\S]*?)```/.exec(readme)
  if (match === null) throw new Error("no <!-- consumer:shell-recipe --> block in README.md")
  return match[1]!
})()

/** A project directory whose `node_modules/.bin/effect-clerk-emulator` runs the command from source. */
const project = () => {
  const dir = mkdtempSync(join(tmpdir(), "clerk-recipe-"))
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true })
  const shim = join(dir, "node_modules/.bin/effect-clerk-emulator")
  // as pnpm's shims do: the shell replaces itself with node, so the job's process is the emulator
  writeFileSync(
    shim,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --conditions=source --import ${JSON.stringify(tsx)} ${
      JSON.stringify(bin)
    } "$@"\n`
  )
  chmodSync(shim, 0o755)
  return dir
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })

/** Runs a script; `until: "exit"` for one that leaves a process holding its output open. */
const bash = (script: string, cwd: string, until: "close" | "exit" = "close") =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("bash", ["-c", script], { cwd, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk) => (output += String(chunk)))
    child.stderr.on("data", (chunk) => (output += String(chunk)))
    child.on(until, (code) => resolve({ code, output }))
  })

describe("the README's shell recipe", () => {
  it("stops the emulator it started: once the script ends, the port is free", async () => {
    const dir = project()
    try {
      const port = await freePort()
      expect(recipe).toContain("PORT=4010")
      expect(recipe).toContain("npm test")
      const script = recipe
        .replace("PORT=4010", `PORT=${port}`)
        .replace(
          "npm test",
          "sh -c 'curl -fs -H \"Authorization: Bearer $CLERK_SECRET_KEY\" \"$CLERK_API_URL/v1/users/count\"'"
        )
      const { code, output } = await bash(script, dir)
      expect(code, output).toBe(0)
      expect(output).toContain("{\"object\":\"total_count\",\"total_count\":0}")
      expect(output).toContain("Clerk emulator stopped")
      // no polling: the script waited for the emulator's exit
      expect(await portIsFree(port)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it("through a wrapper process (as npx starts it), kill $! leaves the emulator holding its port", async () => {
    const dir = project()
    const pidFile = join(dir, "emulator.pid")
    // a parent that starts the command as its child and does not pass signals on
    const wrapper = `${JSON.stringify(process.execPath)} -e ${
      JSON.stringify(
        `const child = require("node:child_process").spawn("node_modules/.bin/effect-clerk-emulator", process.argv.slice(1), { stdio: "inherit" }); require("node:fs").writeFileSync(${
          JSON.stringify(pidFile)
        }, String(child.pid))`
      )
    }`
    try {
      const port = await freePort()
      const { output } = await bash(
        `${wrapper} -- --port ${port} & WRAPPER=$!
until curl -fs http://127.0.0.1:${port}/healthz > /dev/null; do kill -0 $WRAPPER || exit 1; sleep 0.2; done
kill $WRAPPER; wait $WRAPPER; sleep 1`,
        dir,
        "exit"
      )
      expect(output).toContain("ready:")
      expect(await portIsFree(port)).toBe(false)
      process.kill(Number(readFileSync(pidFile, "utf8")), "SIGTERM")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
