/**
 * `ClerkConfig.layerFromEnv(options)`: the environment's settings plus every other option of `ClerkConfig.layer`,
 * and `layerFromEnv` as it was (a layer) still working wherever a layer goes.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { ClerkConfig, RetryPolicy, Users } from "../src/index.js"
import { version } from "../src/internal/version.js"
import { FakeHttp, layer as fakeHttp } from "./utils/FakeHttp.js"

const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

/** The configuration `layer` resolves to under `env`. */
const resolve = (layer: Layer.Layer<ClerkConfig, unknown>, env: Record<string, string>) =>
  Effect.provide(ClerkConfig, layer).pipe(withEnv(env))

/** The configuration error of `layer` under `env` (the test fails if the layer builds). */
const failure = (layer: Layer.Layer<ClerkConfig, unknown>, env: Record<string, string>) =>
  Effect.flip(resolve(layer, env)).pipe(Effect.orElse(() => Effect.die("the layer built")))

const pathOf = (error: unknown) =>
  typeof error === "object" && error !== null && "path" in error && Array.isArray(error.path)
    ? error.path.join(".")
    : String(error)

const KEY = { CLERK_SECRET_KEY: "sk_test_from_env" }

describe("ClerkConfig.layerFromEnv(options)", () => {
  it.effect("layerFromEnv is still a layer: provided as it is, with Layer.provide, merged; () gives the same", () =>
    Effect.gen(function*() {
      expect(Layer.isLayer(ClerkConfig.layerFromEnv)).toBe(true)
      expect(Layer.isLayer(ClerkConfig.layerFromEnv())).toBe(true)
      const env = { ...KEY, CLERK_API_URL: "http://127.0.0.1:4010", CLERK_TIMEOUT: "5 seconds" }
      const bare = yield* resolve(ClerkConfig.layerFromEnv, env)
      const called = yield* resolve(ClerkConfig.layerFromEnv(), env)
      const merged = yield* resolve(Layer.merge(ClerkConfig.layerFromEnv, Layer.empty), env)
      const piped = yield* Effect.provide(ClerkConfig, ClerkConfig.layerFromEnv.pipe(Layer.orDie)).pipe(withEnv(env))
      for (const config of [bare, called, merged, piped]) {
        expect([Redacted.value(config.secretKey), config.apiUrl, Duration.toMillis(config.timeout)]).toEqual([
          "sk_test_from_env",
          "http://127.0.0.1:4010/v1",
          5_000
        ])
        expect(config.retry).toBe(RetryPolicy.defaultPolicy)
      }
    }))

  it.effect("the options ClerkConfig.layer takes besides the key, with the key and settings from the environment", () =>
    Effect.gen(function*() {
      const retry = RetryPolicy.make({ retries: 7 })
      const limit = { requests: 3, window: Duration.seconds(1) }
      const config = yield* resolve(
        ClerkConfig.layerFromEnv({ retry, userAgent: "my-job/2", maxResponseBytes: 1024, perUserWriteLimit: limit }),
        { ...KEY, CLERK_API_VERSION: "2026-05-12" }
      )
      expect(Redacted.value(config.secretKey)).toBe("sk_test_from_env")
      expect(config.apiVersion).toBe("2026-05-12")
      expect(config.retry).toBe(retry)
      expect(config.userAgent).toBe(`@effect-clerk/core/${version} my-job/2`)
      expect(config.maxResponseBytes).toBe(1024)
      expect(config.perUserWriteLimit).toBe(limit)
      const unpaced = yield* resolve(ClerkConfig.layerFromEnv({ perUserWriteLimit: false }), KEY)
      expect(unpaced.perUserWriteLimit).toBeUndefined()
    }))

  it.effect("apiUrl, apiVersion and timeout are the defaults of their variables: a variable that is set wins", () =>
    Effect.gen(function*() {
      const options = { apiUrl: "http://127.0.0.1:4010", apiVersion: "2026-05-12", timeout: "3 seconds" } as const
      // unset, or empty (which counts as unset): the options
      for (const env of [KEY, { ...KEY, CLERK_API_URL: "", CLERK_API_VERSION: "", CLERK_TIMEOUT: "" }]) {
        const config = yield* resolve(ClerkConfig.layerFromEnv(options), env)
        expect([config.apiUrl, config.apiVersion, Duration.toMillis(config.timeout)]).toEqual([
          "http://127.0.0.1:4010/v1",
          "2026-05-12",
          3_000
        ])
      }
      const overridden = yield* resolve(ClerkConfig.layerFromEnv(options), {
        ...KEY,
        CLERK_API_URL: "https://proxy.example.com",
        CLERK_API_VERSION: "2025-11-10",
        CLERK_TIMEOUT: "9 seconds"
      })
      expect([overridden.apiUrl, overridden.apiVersion, Duration.toMillis(overridden.timeout)]).toEqual([
        "https://proxy.example.com/v1",
        "2025-11-10",
        9_000
      ])
    }))

  it.effect("errors name the option when the value came from the code, the variable when it came from it", () =>
    Effect.gen(function*() {
      const fromCode = yield* failure(ClerkConfig.layerFromEnv({ apiUrl: "api.clerk.com" }), KEY)
      expect(pathOf(fromCode)).toBe("apiUrl")
      const fromVariable = yield* failure(ClerkConfig.layerFromEnv({ apiUrl: "https://api.clerk.com" }), {
        ...KEY,
        CLERK_API_URL: "api.clerk.com"
      })
      expect(pathOf(fromVariable)).toBe("CLERK_API_URL")
      expect(pathOf(yield* failure(ClerkConfig.layerFromEnv({ timeout: 0 }), KEY))).toBe("timeout")
      expect(pathOf(yield* failure(ClerkConfig.layerFromEnv({ maxResponseBytes: 0 }), KEY))).toBe("maxResponseBytes")
      // a URL from the code that names a version the variable contradicts: both names are given
      const clash = yield* failure(ClerkConfig.layerFromEnv({ apiUrl: "https://api.clerk.com/v1" }), {
        ...KEY,
        CLERK_API_VERSION: "v2"
      })
      expect(pathOf(clash)).toBe("apiUrl")
      expect(String(clash)).toContain("CLERK_API_VERSION")
      // the key still comes from the environment only, with the same help when it is missing
      const missing = yield* failure(ClerkConfig.layerFromEnv({ retry: RetryPolicy.none }), {})
      expect([pathOf(missing), String(missing)]).toEqual([
        "CLERK_SECRET_KEY",
        expect.stringContaining("CLERK_SECRET_KEY is not set")
      ])
    }))

  it.effect("Users.layer over layerFromEnv({ retry }) sends the environment's key and follows the policy", () =>
    Effect.gen(function*() {
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ status: 503, json: F.clerkErrorBody(503) }))
      const users = yield* Users
      const error = yield* Effect.flip(users.get("user_1"))
      expect(error._tag).toBe("ServerError")
      // RetryPolicy.none: one request, where the default policy would have retried a 503 on a GET
      const requests = yield* fake.requests
      expect(requests).toHaveLength(1)
      expect(requests[0]!.headers["authorization"]).toBe("Bearer sk_test_from_env")
      expect(requests[0]!.url.origin).toBe("http://127.0.0.1:4010")
    }).pipe(
      Effect.provide(
        Users.layer.pipe(
          Layer.provideMerge(fakeHttp),
          Layer.provide(ClerkConfig.layerFromEnv({ retry: RetryPolicy.none, perUserWriteLimit: false }))
        )
      ),
      withEnv({ ...KEY, CLERK_API_URL: "http://127.0.0.1:4010" })
    ))
})
