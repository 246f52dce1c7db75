import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"
import { ClerkConfig } from "../src/index.js"
import { version } from "../src/internal/version.js"

const fromEnv = (env: Record<string, string>) =>
  Effect.flatMap(ClerkConfig, Effect.succeed).pipe(
    Effect.provide(ClerkConfig.layerFromEnv),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

describe("ClerkConfig", () => {
  it.effect("defaults: Clerk's URL, API version 2025-11-10, 30 s timeout, a user agent naming the package", () =>
    Effect.gen(function*() {
      const config = yield* ClerkConfig.make({ secretKey: "sk_test_abc" })
      expect(config.apiUrl).toBe("https://api.clerk.com/v1")
      expect(config.apiVersion).toBe("2025-11-10")
      expect(Duration.toMillis(config.timeout)).toBe(30_000)
      expect(config.userAgent).toBe(`@effect-clerk/core/${version}`)
      expect(config.maxResponseBytes).toBe(50 * 1024 * 1024)
      expect(Redacted.value(config.secretKey)).toBe("sk_test_abc")
    }))

  it("the version in the user agent is package.json's", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    expect(version).toBe(pkg.version)
  })

  it.effect("layerFromEnv reads CLERK_SECRET_KEY, CLERK_API_URL, CLERK_API_VERSION and CLERK_TIMEOUT", () =>
    Effect.gen(function*() {
      const config = yield* fromEnv({
        CLERK_SECRET_KEY: "sk_live_xyz",
        CLERK_API_URL: "http://127.0.0.1:4010/v1/",
        CLERK_API_VERSION: "2026-05-12",
        CLERK_TIMEOUT: "5 seconds"
      })
      expect(Redacted.value(config.secretKey)).toBe("sk_live_xyz")
      expect(config.apiUrl).toBe("http://127.0.0.1:4010/v1")
      expect(config.apiVersion).toBe("2026-05-12")
      expect(Duration.toMillis(config.timeout)).toBe(5_000)
    }))

  it.effect("layerFromEnv without a key fails with a ConfigError, not a defect", () =>
    Effect.gen(function*() {
      const result = yield* Effect.either(fromEnv({}))
      expect(Either.isLeft(result) && result.left._op).toBe("MissingData")
    }))

  it.effect("invalid options fail the layer with a ConfigError naming the option", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ClerkConfig.Options, string]> = [
        [{ secretKey: "" }, "secretKey"],
        [{ secretKey: "sk\nInjected: 1" }, "secretKey"],
        [{ secretKey: "sk", apiUrl: "not a url" }, "apiUrl"],
        [{ secretKey: "sk", apiUrl: "ftp://example.com" }, "apiUrl"],
        [{ secretKey: "sk", apiUrl: "https://example.com/v1?x=1" }, "apiUrl"],
        [{ secretKey: "sk", apiVersion: "2025-11-10\r\nX: y" }, "apiVersion"],
        [{ secretKey: "sk", timeout: 0 }, "timeout"],
        [{ secretKey: "sk", maxResponseBytes: -1 }, "maxResponseBytes"]
      ]
      for (const [options, path] of cases) {
        const result = yield* Effect.either(Layer.build(ClerkConfig.layer(options)).pipe(Effect.scoped))
        expect(Either.isLeft(result), path).toBe(true)
        if (Either.isLeft(result)) expect(String(result.left)).toContain(path)
      }
    }))

  it.effect("the secret key never appears when the config is printed", () =>
    Effect.gen(function*() {
      const config = yield* ClerkConfig.make({ secretKey: "sk_test_DoNotPrintMe" })
      expect(String(config.secretKey)).not.toContain("DoNotPrintMe")
      expect(JSON.stringify(config)).not.toContain("DoNotPrintMe")
    }))

  it("updateAcceptsMetadata follows the API version", () => {
    expect(ClerkConfig.updateAcceptsMetadata("2025-11-10")).toBe(true)
    expect(ClerkConfig.updateAcceptsMetadata("2026-05-11")).toBe(true)
    expect(ClerkConfig.updateAcceptsMetadata("2026-05-12")).toBe(false)
    expect(ClerkConfig.updateAcceptsMetadata("2027-01-01")).toBe(false)
  })
})
