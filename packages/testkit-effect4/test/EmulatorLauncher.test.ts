/**
 * `EmulatorLauncher` starts the one emulator (here the repository's source bin) for Effect 4 tests: the Effect 4
 * client reaches it, its admin API seeds and injects faults, and the process ends with the scope.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import { EmulatorLauncher } from "../src/index.js"
import { sourceBin } from "./utils/sourceBin.js"

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe("EmulatorLauncher", () => {
  it.live(
    "starts the command, seeds and injects through its admin API, stops it with the scope",
    () =>
      Effect.gen(function*() {
        const pid = yield* Effect.scoped(Effect.gen(function*() {
          const emulator = yield* EmulatorLauncher.make({ ...sourceBin, secretKey: "sk_test_launcher" })
          assert.match(emulator.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/)
          assert.strictEqual(emulator.env.CLERK_SECRET_KEY, "sk_test_launcher")
          const [id] = yield* emulator.admin.seedUsers([{ username: "ada_l", firstName: "Ada" }])
          const client = Users.layer.pipe(
            Layer.provide(ClerkConfig.layer({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })),
            Layer.provide(FetchHttpClient.layer)
          )
          const ada = yield* Effect.flatMap(Effect.service(Users.Users), (users) => users.get(id!)).pipe(
            Effect.provide(client)
          )
          assert.strictEqual(ada.firstName, "Ada")
          yield* emulator.admin.injectFault({ operations: ["get"], status: 404, times: 1 })
          const refused = yield* Effect.flip(
            Effect.flatMap(Effect.service(Users.Users), (users) => users.get(id!)).pipe(Effect.provide(client))
          )
          assert.strictEqual(refused._tag, "ResourceNotFound")
          yield* emulator.admin.reset
          const missing = yield* Effect.flip(emulator.admin.request("POST", "/memberships", { userId: id }))
          assert.strictEqual(missing.status, 400)
          assert.isTrue(isRunning(emulator.pid))
          return emulator.pid
        }))
        assert.isFalse(isRunning(pid))
      }),
    60_000
  )

  it.live(
    "says why it cannot start: an exit before ready, with what the command printed",
    () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(
          Effect.scoped(EmulatorLauncher.make({ ...sourceBin, seed: "/nonexistent.json" }))
        )
        assert.strictEqual(error.reason, "ExitedBeforeReady")
        assert.include(error.message, "nonexistent")
      }),
    60_000
  )
})
