/**
 * SECURITY.md, "The configuration is checked when the layer is built": with Node's HTTP client, a key that cannot
 * be sent as a header used to make every operation die with `TypeError: Invalid character in header content`.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer } from "effect"

describe("ClerkConfig with NodeHttpClient", () => {
  it.live("a key with a NUL or a zero-width space fails the layer with a ConfigError, never a defect", () =>
    Effect.gen(function*() {
      for (const secretKey of ["sk_test_abc\u0000def", "sk_test_abc\u200bdef", "sk_test_abc "]) {
        const layer = Users.layer.pipe(
          Layer.provide(ClerkConfig.layer({ secretKey, apiUrl: "http://127.0.0.1:9" })),
          Layer.provide(NodeHttpClient.layer)
        )
        const exit = yield* Effect.exit(Effect.flatMap(Users, (users) => users.count()).pipe(Effect.provide(layer)))
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) {
          expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
          const failure = Cause.failureOption(exit.cause)
          expect(failure._tag === "Some" && "_op" in failure.value && failure.value._op).toBe("InvalidData")
          expect(Cause.pretty(exit.cause)).not.toContain("abc")
        }
      }
    }))
})
