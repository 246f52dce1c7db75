/**
 * The three set-ups the contract suite runs against.
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ClerkEmulator, UsersInMemory } from "../../src/index.js"
import type { SeedError, UsersTestControl } from "../../src/index.js"

export interface Setup {
  readonly name: string
  readonly layer: (
    retry?: RetryPolicy.RetryPolicy
  ) => Layer.Layer<Users | UsersTestControl, SeedError | ServeError>
}

/** `Users.layer` over `FetchHttpClient`, against an emulator served on a real loopback port. */
export const overLoopback = (
  retry: RetryPolicy.RetryPolicy = RetryPolicy.none,
  options: ClerkEmulator.Options = {}
): Layer.Layer<Users | UsersTestControl | ClerkEmulator.ClerkEmulator, SeedError | ServeError> =>
  Layer.unwrapEffect(Effect.map(ClerkEmulator.ClerkEmulator, (emulator) =>
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: emulator.secretKey,
          apiUrl: emulator.apiUrl,
          retry,
          perUserWriteLimit: false,
          timeout: "5 seconds"
        }).pipe(Layer.orDie)
      ),
      Layer.provide(FetchHttpClient.layer)
    ))).pipe(Layer.provideMerge(ClerkEmulator.layerServer(options)))

export const setups: ReadonlyArray<Setup> = [
  { name: "UsersInMemory.layer", layer: () => UsersInMemory.layer() },
  {
    name: "Users.layer + in-process emulator",
    layer: (retry = RetryPolicy.none) => ClerkEmulator.layerUsers({ retry })
  },
  { name: "Users.layer + FetchHttpClient + emulator on loopback", layer: (retry) => overLoopback(retry) }
]
