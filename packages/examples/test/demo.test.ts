/**
 * `pnpm demo`, run as a person runs it: what it prints, how it fails, and what it leaves behind.
 */
import { ClerkEmulator } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { fileURLToPath, pathToFileURL } from "node:url"

const demo = fileURLToPath(new URL("../src/demo.ts", import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href

const runDemo = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" }
    for (const name of Object.keys(base)) if (name.startsWith("CLERK_")) delete base[name]
    const child = spawn(process.execPath, ["--conditions=source", "--import", tsx, demo], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...base, ...env }
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += String(chunk)))
    child.stderr.on("data", (chunk) => (stderr += String(chunk)))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

describe("pnpm demo", () => {
  it(
    "runs sections 1 to 5 and 7 against the emulator: tables, the export's progress, retries as they happen",
    async () => {
      const { code, stderr, stdout } = await runDemo({})
      expect(stderr).toBe("")
      expect(code).toBe(0)
      const sections = [...stdout.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]))
      expect(sections).toEqual([1, 2, 3, 4, 5, 7])
      // aligned tables, not raw JSON
      expect(stdout).not.toMatch(/^\s*→? ?\{"/m)
      expect(stdout).toMatch(/^ {3}step {12}result\n {3}─{14} {2}─+$/m)
      expect(stdout).toMatch(/^ {3}first run {7}250 {5}63$/m)
      // the export's progress bar, and the retries through the injected 429 and 503s
      expect(stdout).toMatch(/^ {3}exporting █{30} 100 % {2}200\/200$/m)
      expect(stdout).toMatch(
        /↻ GET \/users\?email_address_query=example\.com&limit=25&offset=\d+: retry 1 after a 429, 1\.\d s later/
      )
      expect(stdout).toMatch(/↻ GET \/users\/count: retry 2 after a 503/)
      expect(stdout).toMatch(/^ {3}run +50 +48 +0 +2 PaymentRequired$/m)
      // the user events: 5 events, the 2 updates delivered twice, all answered 204; the table holds Grace, banned
      expect(stdout).toMatch(/^ {12}7 {13}7 {2}Grace \(banned\) {11}1$/m)
      expect(stdout).toContain("✓ done in")
      // the export went to a private temporary directory, removed at the end
      const file = /(\S+effect-clerk-demo-\w+)\/users\.ndjson/.exec(stdout)?.[1]
      expect(file?.startsWith(tmpdir())).toBe(true)
      expect(existsSync(file!)).toBe(false)
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith("effect-clerk-export-"))).toEqual([])
    },
    60_000
  )

  it.live(
    "a wrong key or a bad setting ends in one readable line on stderr and exit code 1",
    () =>
      Effect.gen(function*() {
        const emulator = yield* ClerkEmulator.serve({ port: 0 })
        const origin = emulator.apiUrl.replace(/\/v1$/, "")
        const [wrongKey, badUrl, missingKey] = yield* Effect.promise(() =>
          Promise.all([
            runDemo({ CLERK_SECRET_KEY: "sk_test_wrong", CLERK_API_URL: origin }),
            runDemo({ CLERK_SECRET_KEY: "sk_test_x", CLERK_API_URL: "sk_live_pasted_here" }),
            runDemo({ CLERK_SECRET_KEY: "sk_test_x", CLERK_API_VERSION: "latest" })
          ])
        )
        for (const { code, stderr } of [wrongKey, badUrl, missingKey]) {
          expect(code).toBe(1)
          expect(stderr.trimEnd().split("\n")).toHaveLength(1)
          expect(stderr).not.toMatch(/^\s+at /m)
        }
        expect(wrongKey.stdout).toContain(`against Clerk at ${origin}`)
        expect(wrongKey.stderr).toMatch(/^✗ UnexpectedStatus 401: Users\.count failed with status 401/)
        expect(wrongKey.stderr).toContain("Check CLERK_SECRET_KEY")
        expect(badUrl.stderr).toMatch(/^✗ configuration: CLERK_API_URL is not a URL/)
        expect(badUrl.stderr).not.toContain("sk_live_pasted_here")
        expect(missingKey.stderr).toMatch(/^✗ configuration: CLERK_API_VERSION is neither/)
      }).pipe(Effect.scoped),
    60_000
  )
})
