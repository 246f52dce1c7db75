import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import type * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"
import { inspect } from "node:util"
import { ClerkConfig, UsersProtocol } from "../src/index.js"
import { version } from "../src/internal/version.js"

const fromEnv = (env: Record<string, string>) =>
  Effect.flatMap(ClerkConfig, Effect.succeed).pipe(
    Effect.provide(ClerkConfig.layerFromEnv),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

/** The configuration error of building the layer from `env` (the test fails if the layer builds). */
const envError = (env: Record<string, string>) =>
  Effect.flip(fromEnv(env)).pipe(Effect.orElse(() => Effect.die(`the layer built from ${Object.keys(env)}`)))

const optionsError = (options: ClerkConfig.Options) =>
  Effect.flip(Layer.build(ClerkConfig.layer(options)).pipe(Effect.scoped)).pipe(
    Effect.orElse(() => Effect.die("the layer built"))
  )

/** Every way an error may end up printed: none of them may show `secret`. */
const expectNotShown = (error: ConfigError.ConfigError, secret: string) => {
  for (
    const printed of [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      Cause.pretty(Cause.fail(error)),
      "message" in error ? String(error.message) : ""
    ]
  ) {
    expect(printed).not.toContain(secret)
  }
}

const pathOf = (error: ConfigError.ConfigError) => "path" in error ? error.path.join(".") : error._op

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

  it.effect("a missing key says what is missing, where to get one, and how to use the emulator instead", () =>
    Effect.gen(function*() {
      for (const env of [{}, { CLERK_SECRET_KEY: "" }, { CLERK_SECRET_KEY: "   " }]) {
        const error = yield* envError(env)
        expect(pathOf(error)).toBe("CLERK_SECRET_KEY")
        const message = String(error)
        expect(message).toMatch(/CLERK_SECRET_KEY is (not set|empty)/)
        expect(message).toContain("Clerk Dashboard")
        expect(message).toContain("npx effect-clerk-emulator")
        expect(message).toContain("CLERK_SECRET_KEY=sk_test_emulator")
        expect(message).not.toContain("<redacted>")
      }
    }))

  it.effect("CLERK_API_URL means what it means in Clerk's SDKs: the origin, to which /v1 is added", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [string, string]> = [
        ["https://api.clerk.com", "https://api.clerk.com/v1"],
        ["https://api.clerk.com/", "https://api.clerk.com/v1"],
        ["http://127.0.0.1:4010", "http://127.0.0.1:4010/v1"],
        ["https://proxy.example.com/clerk", "https://proxy.example.com/clerk/v1"],
        // a URL that already names the version is used as it is (this package's earlier meaning)
        ["https://api.clerk.com/v1", "https://api.clerk.com/v1"],
        ["http://127.0.0.1:4010/v1/", "http://127.0.0.1:4010/v1"]
      ]
      for (const [input, expected] of cases) {
        const config = yield* fromEnv({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_URL: input })
        expect(config.apiUrl, input).toBe(expected)
      }
      const code = yield* ClerkConfig.make({ secretKey: "sk_test_abc", apiUrl: "https://api.clerk.com" })
      expect(code.apiUrl).toBe("https://api.clerk.com/v1")
    }))

  it.effect("CLERK_API_VERSION=v1 is the URL version, as in Clerk's SDKs; a date is the Clerk-API-Version header", () =>
    Effect.gen(function*() {
      const v1 = yield* fromEnv({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_VERSION: "v1" })
      expect([v1.apiUrl, v1.apiVersion]).toEqual(["https://api.clerk.com/v1", "2025-11-10"])
      const v2 = yield* fromEnv({
        CLERK_SECRET_KEY: "sk_test_abc",
        CLERK_API_URL: "https://api.clerk.com",
        CLERK_API_VERSION: "v2"
      })
      expect([v2.apiUrl, v2.apiVersion]).toEqual(["https://api.clerk.com/v2", "2025-11-10"])
      const both = yield* fromEnv({
        CLERK_SECRET_KEY: "sk_test_abc",
        CLERK_API_URL: "https://api.clerk.com/v1",
        CLERK_API_VERSION: "v1"
      })
      expect(both.apiUrl).toBe("https://api.clerk.com/v1")
      const dated = yield* fromEnv({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_VERSION: "2026-05-12" })
      expect([dated.apiUrl, dated.apiVersion]).toEqual(["https://api.clerk.com/v1", "2026-05-12"])
    }))

  it.effect("a version that cannot be meant is a configuration error naming the variable", () =>
    Effect.gen(function*() {
      for (const version of ["latest", "1", "V1", "2025-11", "2025-11-10T00:00:00Z", "v1.0"]) {
        const error = yield* envError({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_VERSION: version })
        expect(pathOf(error), version).toBe("CLERK_API_VERSION")
        expect(String(error)).toContain("URL version")
        expect(String(error)).toContain("Clerk-API-Version date")
      }
      // a date, but not a version Clerk publishes (or that this library knows): its rules cannot be honoured
      for (const version of ["2025-01-01", "2099-12-31"]) {
        const error = yield* envError({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_VERSION: version })
        expect([pathOf(error), String(error)], version).toEqual([
          "CLERK_API_VERSION",
          expect.stringContaining("2025-11-10, 2026-05-12")
        ])
      }
      for (const version of UsersProtocol.apiVersions) {
        expect((yield* fromEnv({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_VERSION: version })).apiVersion).toBe(
          version
        )
      }
      // a URL that names one version and a variable that names another
      const clash = yield* envError({
        CLERK_SECRET_KEY: "sk_test_abc",
        CLERK_API_URL: "https://api.clerk.com/v1",
        CLERK_API_VERSION: "v2"
      })
      expect(pathOf(clash)).toBe("CLERK_API_URL")
      expect(String(clash)).toContain("CLERK_API_VERSION")
    }))

  it.effect("empty optional variables count as unset, as in Clerk's SDKs", () =>
    Effect.gen(function*() {
      const config = yield* fromEnv({
        CLERK_SECRET_KEY: "sk_test_abc",
        CLERK_API_URL: "",
        CLERK_API_VERSION: "",
        CLERK_TIMEOUT: ""
      })
      expect([config.apiUrl, config.apiVersion, Duration.toMillis(config.timeout)]).toEqual([
        "https://api.clerk.com/v1",
        "2025-11-10",
        30_000
      ])
    }))

  it.effect("errors name the environment variable the value came from, and the option in code", () =>
    Effect.gen(function*() {
      const env: ReadonlyArray<readonly [Record<string, string>, string]> = [
        [{ CLERK_SECRET_KEY: " sk_test_abc" }, "CLERK_SECRET_KEY"],
        [{ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_URL: "api.clerk.com" }, "CLERK_API_URL"],
        [{ CLERK_SECRET_KEY: "sk_test_abc", CLERK_TIMEOUT: "soon" }, "CLERK_TIMEOUT"],
        [{ CLERK_SECRET_KEY: "sk_test_abc", CLERK_TIMEOUT: "0 seconds" }, "CLERK_TIMEOUT"]
      ]
      for (const [vars, name] of env) {
        const error = yield* envError(vars)
        expect(pathOf(error), name).toBe(name)
        expect(String(error)).toContain(`${name} `)
      }
      const code = yield* optionsError({ secretKey: "sk_test_abc", apiUrl: "api.clerk.com" })
      expect(pathOf(code)).toBe("apiUrl")
      expect(String(code)).toContain("apiUrl is not a URL")
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

  it.effect("a key pasted into CLERK_API_URL, CLERK_API_VERSION or CLERK_TIMEOUT is never printed", () =>
    Effect.gen(function*() {
      // shapes a URL parser reads in different ways: no scheme, a scheme (`sk_live:`), a host
      const secrets = ["sk_live_PastedByMistake42", "sk_live:PastedByMistake42", "https://sk_live_PastedByMistake42@"]
      for (const secret of secrets) {
        for (const name of ["CLERK_API_URL", "CLERK_API_VERSION", "CLERK_TIMEOUT"]) {
          const error = yield* envError({ CLERK_SECRET_KEY: "sk_test_abc", [name]: secret })
          expect(pathOf(error)).toBe(name)
          expectNotShown(error, "PastedByMistake42")
        }
        for (
          const options of [
            { secretKey: "sk_test_abc", apiUrl: secret },
            { secretKey: "sk_test_abc", apiVersion: secret }
          ]
        ) {
          expectNotShown(yield* optionsError(options), "PastedByMistake42")
        }
      }
    }))

  it.effect("a key that cannot be sent as a header value is refused when the layer is built, and not shown", () =>
    Effect.gen(function*() {
      const keys = [
        "sk_test_Secret\u0000Nul",
        "sk_test_Secret\u200bZeroWidth",
        "\ufeffsk_test_SecretBom",
        "sk_test_Secret Space",
        "sk_test_Secret\tTab",
        "sk_test_Secret\u007fDel",
        "sk_test_Secrét",
        "sk_test_Secret\r\nInjected: 1",
        " sk_test_SecretLeading",
        "sk_test_SecretTrailing\n",
        "sk_test_SecretNbsp\u00a0"
      ]
      for (const key of keys) {
        const error = yield* optionsError({ secretKey: key })
        expect(pathOf(error), JSON.stringify(key)).toBe("secretKey")
        expectNotShown(error, "Secret")
        const fromVariable = yield* envError({ CLERK_SECRET_KEY: key })
        expect(pathOf(fromVariable)).toBe("CLERK_SECRET_KEY")
        expectNotShown(fromVariable, "Secret")
      }
    }))

  it("every key of visible ASCII is valid, short ones included", () => {
    const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code))
    fc.assert(fc.property(fc.array(visibleAscii, { minLength: 1, maxLength: 64 }), (chars) => {
      const key = chars.join("")
      const config = Effect.runSync(Effect.either(ClerkConfig.make({ secretKey: key })))
      expect(Either.isRight(config) && Redacted.value(config.right.secretKey)).toBe(key)
    }))
  })

  it.effect("an API URL with credentials is refused, and the password is not shown", () =>
    Effect.gen(function*() {
      for (const apiUrl of ["https://user:Hunter2Password@api.clerk.com", "https://Hunter2Password@api.clerk.com/v1"]) {
        const error = yield* optionsError({ secretKey: "sk_test_abc", apiUrl })
        expect(pathOf(error)).toBe("apiUrl")
        expect(String(error)).toContain("credentials")
        expectNotShown(error, "Hunter2Password")
        const fromVariable = yield* envError({ CLERK_SECRET_KEY: "sk_test_abc", CLERK_API_URL: apiUrl })
        expect(pathOf(fromVariable)).toBe("CLERK_API_URL")
        expectNotShown(fromVariable, "Hunter2Password")
      }
    }))

  it.effect("a user agent that cannot be sent in a header is refused", () =>
    Effect.gen(function*() {
      const error = yield* optionsError({ secretKey: "sk_test_abc", userAgent: "my-app\u0000" })
      expect(pathOf(error)).toBe("userAgent")
      const config = yield* ClerkConfig.make({ secretKey: "sk_test_abc", userAgent: "my-app/1.0\r\n(tests)" })
      expect(config.userAgent).toBe(`@effect-clerk/core/${version} my-app/1.0  (tests)`)
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
