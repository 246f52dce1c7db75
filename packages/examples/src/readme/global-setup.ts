// vitest.global-setup.ts (vitest.config.ts: `test: { globalSetup: ["./vitest.global-setup.ts"] }`):
// one emulator for the whole run, on a free port, stopped when the run ends
import { EmulatorLauncher } from "@effect-clerk/testkit"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    readonly clerk: { readonly apiUrl: string; readonly secretKey: string; readonly adminUrl: string }
  }
}

export default async function setup(project: TestProject) {
  const emulator = await EmulatorLauncher.start()
  // in a test: `inject("clerk")`; and CLERK_API_URL / CLERK_SECRET_KEY for `ClerkConfig.layerFromEnv`
  project.provide("clerk", { apiUrl: emulator.apiUrl, secretKey: emulator.secretKey, adminUrl: emulator.admin.url })
  Object.assign(process.env, emulator.env)
  return () => emulator.stop()
}
