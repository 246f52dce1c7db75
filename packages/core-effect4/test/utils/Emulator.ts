/**
 * The Effect 3 line's emulator as a black box for the Effect 4 line's tests: its bin run as a child process
 * (`--conditions=source --import tsx packages/testkit/src/bin/emulator.ts`), on the Node that
 * `EFFECT_CLERK_EMULATOR_NODE` names (the machine's Node 20 under `pnpm test:effect4`) or this test's own.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const bin = fileURLToPath(new URL("../../../testkit/src/bin/emulator.ts", import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href

/** The emulator did not print its readiness line. */
export class EmulatorError extends Schema.TaggedError<EmulatorError>()("EmulatorError", {
  message: Schema.String
}) {}

/** A running emulator: the API URL it printed (`http://127.0.0.1:<port>/v1`). */
export interface Emulator {
  readonly url: string
}

/**
 * An emulator seeded with `users` (camelCase, as `UsersTestControl.seedUser` takes them), accepting `key`,
 * stopped with SIGTERM when the scope closes.
 */
export const start = (options: { readonly key: string; readonly users: ReadonlyArray<object> }) =>
  Effect.acquireRelease(
    Effect.callback<{ readonly url: string; readonly stop: () => void }, EmulatorError>((resume) => {
      const dir = mkdtempSync(join(tmpdir(), "clerk-effect4-"))
      const seed = join(dir, "users.json")
      writeFileSync(seed, JSON.stringify(options.users))
      const child = spawn(
        process.env["EFFECT_CLERK_EMULATOR_NODE"] ?? process.execPath,
        ["--conditions=source", "--import", tsx, bin, "--port", "0", "--seed", seed, "--key", options.key],
        { stdio: ["ignore", "pipe", "pipe"] }
      )
      const stop = () => {
        child.kill("SIGTERM")
        rmSync(dir, { recursive: true, force: true })
      }
      let output = ""
      const read = (chunk: unknown) => {
        output += String(chunk)
        const match = /^ready: (http:\/\/\S+\/v1)$/m.exec(output)
        if (match !== null) resume(Effect.succeed({ url: match[1]!, stop }))
      }
      child.stdout.on("data", read)
      child.stderr.on("data", (chunk) => (output += String(chunk)))
      child.on("exit", () => resume(Effect.fail(new EmulatorError({ message: `exited before ready: ${output}` }))))
      return Effect.sync(stop)
    }),
    ({ stop }) => Effect.sync(stop)
  ).pipe(Effect.map(({ url }): Emulator => ({ url })))

/** The running emulator of a test file. */
export class EmulatorUrl extends Context.Service<EmulatorUrl, Emulator>()("test/EmulatorUrl") {}

/** An emulator for the layer's lifetime. */
export const layer = (options: Parameters<typeof start>[0]): Layer.Layer<EmulatorUrl, EmulatorError> =>
  Layer.effect(EmulatorUrl, start(options))
