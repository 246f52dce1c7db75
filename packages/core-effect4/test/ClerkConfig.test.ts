/**
 * `ClerkConfig` on the Effect 4 line: the kernel's rules (`ClientConfig`), the same as the Effect 3 line's:
 * defaults, the URL version appended, keys and versions refused with messages that name the option and never
 * show the value, the environment's variables.
 */
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"
import { ClerkConfig } from "../src/index.js"
import { version } from "../src/internal/version.js"

describe("ClerkConfig.make", () => {
  it.effect("defaults: Clerk's URL and version, 30 s, the package's User-Agent, the key's instance budget", () =>
    Effect.gen(function*() {
      const config = yield* ClerkConfig.make({ secretKey: "sk_test_abc" })
      assert.strictEqual(config.apiUrl, "https://api.clerk.com/v1")
      assert.strictEqual(config.apiVersion, "2025-11-10")
      assert.deepStrictEqual(config.timeout, Duration.seconds(30))
      assert.match(config.userAgent, /^@effect-clerk\/core\/\S+$/)
      assert.strictEqual(config.instanceBudget?.requests, 90)
      assert.strictEqual(Redacted.value(config.secretKey), "sk_test_abc")
    }))

  it.effect("an origin gets /v1; a URL version in apiVersion goes in the URL; a date is the header", () =>
    Effect.gen(function*() {
      const local = yield* ClerkConfig.make({ secretKey: "sk_test_abc", apiUrl: "http://127.0.0.1:4010/" })
      assert.strictEqual(local.apiUrl, "http://127.0.0.1:4010/v1")
      const dated = yield* ClerkConfig.make({ secretKey: "sk_test_abc", apiVersion: "2026-05-12" })
      assert.strictEqual(dated.apiVersion, "2026-05-12")
      assert.isFalse(ClerkConfig.updateAcceptsMetadata(dated.apiVersion))
    }))

  it.effect("refuses a key with whitespace, an unknown version, a URL with credentials: the value never shown", () =>
    Effect.gen(function*() {
      const key = yield* Effect.flip(ClerkConfig.make({ secretKey: " sk_test_secret " }))
      assert.include(key.message, "secretKey has leading or trailing whitespace")
      assert.notInclude(key.message, "sk_test_secret")
      const version = yield* Effect.flip(ClerkConfig.make({ secretKey: "sk_test_abc", apiVersion: "2099-01-01" }))
      assert.include(version.message, "apiVersion is not a Clerk API version this library knows")
      const url = yield* Effect.flip(ClerkConfig.make({ secretKey: "sk_test_abc", apiUrl: "https://u:p@x.test" }))
      assert.include(url.message, "apiUrl contains credentials")
      const timeout = yield* Effect.flip(ClerkConfig.make({ secretKey: "sk_test_abc", timeout: 0 }))
      assert.include(timeout.message, "timeout is not a positive duration")
    }))
})

describe("ClerkConfig.layerFromEnv", () => {
  const fromEnv = (env: Record<string, string>) =>
    Effect.service(ClerkConfig.ClerkConfig).pipe(
      Effect.provide(ClerkConfig.layerFromEnv),
      Effect.provide(ConfigProvider.layer(ConfigProvider.fromEnv({ env })))
    )

  it.effect("reads Clerk's variables; an empty one counts as unset", () =>
    Effect.gen(function*() {
      const config = yield* fromEnv({
        CLERK_SECRET_KEY: "sk_live_abc",
        CLERK_API_URL: "http://127.0.0.1:4010",
        CLERK_API_VERSION: "",
        CLERK_TIMEOUT: "5 seconds"
      })
      assert.strictEqual(config.apiUrl, "http://127.0.0.1:4010/v1")
      assert.strictEqual(config.apiVersion, "2025-11-10")
      assert.deepStrictEqual(config.timeout, Duration.seconds(5))
      assert.strictEqual(config.instanceBudget?.requests, 900)
    }))

  it.effect("a missing key says where to get one, naming the variable", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(fromEnv({}))
      assert.include(error.message, "CLERK_SECRET_KEY is not set")
      assert.include(error.message, "emulator")
    }))
})

describe("the User-Agent's version", () => {
  it("is package.json's (the version published as @effect-clerk/core 1.x)", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    assert.strictEqual(version, pkg.version)
  })
})
