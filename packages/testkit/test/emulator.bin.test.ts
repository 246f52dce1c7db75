import { describe, expect, it } from "@effect/vitest"
import { spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const bin = fileURLToPath(new URL("../src/bin/emulator.ts", import.meta.url))

const start = (args: ReadonlyArray<string>) => {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  child.stdout.on("data", (chunk) => (output += String(chunk)))
  child.stderr.on("data", (chunk) => (output += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000)
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/\S+\/v1)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
  return { child, exited, url, output: () => output }
}

describe("pnpm emulator", () => {
  it("serves on a given port with a seed file, and stops cleanly on SIGTERM", async () => {
    const seed = join(tmpdir(), `clerk-seed-${process.pid}.json`)
    writeFileSync(seed, JSON.stringify([{ emailAddress: ["seed@example.com"] }, { username: "seeded" }]))
    const emulator = start(["--port", "0", "--seed", seed, "--key", "sk_test_bin"])
    const url = await emulator.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const response = await fetch(`${url}/users/count`, { headers: { authorization: "Bearer sk_test_bin" } })
    expect(await response.json()).toEqual({ object: "total_count", total_count: 2 })
    emulator.child.kill("SIGTERM")
    expect(await emulator.exited).toBe(0)
    expect(emulator.output()).toContain("Clerk emulator stopped")
    await expect(fetch(`${url}/users/count`)).rejects.toThrow()
  }, 30_000)

  it("stops cleanly on SIGINT too", async () => {
    const emulator = start(["--port", "0"])
    await emulator.url
    emulator.child.kill("SIGINT")
    expect(await emulator.exited).toBe(0)
  }, 30_000)

  it("refuses bad arguments with a usage line and exit code 2", async () => {
    const emulator = start(["--port", "nope"])
    expect(await emulator.exited).toBe(2)
    expect(emulator.output()).toContain("usage: pnpm emulator")
  }, 30_000)
})
