/**
 * The three set-ups the contract suite runs against.
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ClerkEmulator, UsersInMemory } from "../../src/index.js"
import type { OptionsError, SeedError, UsersTestControl } from "../../src/index.js"

export interface Setup {
  readonly name: string
  readonly layer: (
    retry?: RetryPolicy.RetryPolicy,
    apiVersion?: string
  ) => Layer.Layer<Users | UsersTestControl, SeedError | OptionsError | ServeError>
}

/** `Users.layer` over `FetchHttpClient`, against an emulator served on a real loopback port. */
export const overLoopback = (
  retry: RetryPolicy.RetryPolicy = RetryPolicy.none,
  options: ClerkEmulator.Options = {}
): Layer.Layer<Users | UsersTestControl | ClerkEmulator.ClerkEmulator, SeedError | OptionsError | ServeError> =>
  Layer.unwrapEffect(Effect.map(ClerkEmulator.ClerkEmulator, (emulator) =>
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: emulator.secretKey,
          apiUrl: emulator.apiUrl,
          apiVersion: emulator.apiVersion,
          retry,
          perUserWriteLimit: false,
          timeout: "5 seconds"
        }).pipe(Layer.orDie)
      ),
      Layer.provide(FetchHttpClient.layer)
    ))).pipe(Layer.provideMerge(ClerkEmulator.layerServer(options)))

const versioned = (apiVersion: string | undefined) => (apiVersion === undefined ? {} : { apiVersion })

export const setups: ReadonlyArray<Setup> = [
  { name: "UsersInMemory.layer", layer: (_retry, apiVersion) => UsersInMemory.layer(versioned(apiVersion)) },
  {
    name: "Users.layer + in-process emulator",
    layer: (retry = RetryPolicy.none, apiVersion) => ClerkEmulator.layerUsers({ retry, ...versioned(apiVersion) })
  },
  {
    name: "Users.layer + FetchHttpClient + emulator on loopback",
    layer: (retry, apiVersion) => overLoopback(retry, versioned(apiVersion))
  }
]
