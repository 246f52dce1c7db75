// ClerkConfig.layerFromEnv from the packed build: the layer as it is, and called with options (a retry policy
// without giving up the environment), in the project the README's install lines made
import { ClerkConfig, RetryPolicy } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Redacted } from "effect"

const env = ConfigProvider.fromMap(new Map([["CLERK_SECRET_KEY", "sk_test_consumer"], ["CLERK_TIMEOUT", "5 seconds"]]))

describe("consumer: ClerkConfig.layerFromEnv", () => {
  it.effect("as a layer, and with options", () =>
    Effect.gen(function*() {
      const retry = RetryPolicy.make({ retries: 8 })
      expect(Layer.isLayer(ClerkConfig.layerFromEnv)).toBe(true)
      const plain = yield* Effect.provide(ClerkConfig, ClerkConfig.layerFromEnv)
      const tuned = yield* Effect.provide(ClerkConfig, ClerkConfig.layerFromEnv({ retry, userAgent: "consumer/1" }))
      expect(Redacted.value(plain.secretKey)).toBe("sk_test_consumer")
      expect(plain.retry).toBe(RetryPolicy.defaultPolicy)
      expect(Redacted.value(tuned.secretKey)).toBe("sk_test_consumer")
      expect(tuned.retry).toBe(retry)
      expect(tuned.userAgent).toMatch(/ consumer\/1$/)
      expect(tuned.timeout).toEqual(plain.timeout)
    }).pipe(Effect.withConfigProvider(env)))
})
