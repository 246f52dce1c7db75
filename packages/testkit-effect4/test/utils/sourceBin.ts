/**
 * The emulator command of this repository (the Effect 3 test kit's source bin, run through tsx) for
 * `EmulatorLauncher.make`: on the Node that `EFFECT_CLERK_EMULATOR_NODE` names (the machine's Node 20 under
 * `pnpm test:effect4`), else this process's.
 */
import { createRequire } from "node:module"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { EmulatorLauncher } from "../../src/index.js"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href

export const sourceBin: EmulatorLauncher.Options = {
  bin: fileURLToPath(new URL("../../../testkit/src/bin/emulator.ts", import.meta.url)),
  nodeArguments: ["--conditions=source", "--import", tsx],
  ...(process.env["EFFECT_CLERK_EMULATOR_NODE"] !== undefined && { node: process.env["EFFECT_CLERK_EMULATOR_NODE"] })
}
