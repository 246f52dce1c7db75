// Run by `vitest run --config vitest.launcher.config.ts`, whose globalSetup is the README's (EmulatorLauncher):
// a plain vitest test (no Effect runner) reaching the emulator process that the setup started.
import { ClerkConfig, Users } from "@effect-clerk/core"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer } from "effect"
import { expect, inject, it } from "vitest"

it("the globalSetup's emulator: seeded through its admin API, counted by Users.layer over HTTP", async () => {
  const clerk = inject("clerk")
  expect(clerk.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
  expect(process.env["CLERK_API_URL"]).toBe(clerk.apiUrl.replace(/\/v1$/, ""))
  expect(process.env["CLERK_SECRET_KEY"]).toBe(clerk.secretKey)
  const seeded = await fetch(`${clerk.adminUrl}/users`, {
    method: "POST",
    headers: { authorization: `Bearer ${clerk.secretKey}`, "content-type": "application/json" },
    body: JSON.stringify([{ username: "from_setup" }, { username: "grace" }])
  })
  expect(seeded.status).toBe(200)
  const OverHttp = Users.layer.pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: clerk.secretKey, apiUrl: process.env["CLERK_API_URL"]! })),
    Layer.provide(FetchHttpClient.layer)
  )
  const count = await Effect.runPromise(Effect.flatMap(Users, (users) => users.count()).pipe(Effect.provide(OverHttp)))
  expect(count).toBe(2)
})
