/**
 * The three set-ups the contract suite runs against.
 */
import type { Users } from "@effect-clerk/core"
import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { ServeError } from "@effect/platform/HttpServerError"
import type * as Layer from "effect/Layer"
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
  ClerkEmulator.layerUsers({
    ...options,
    config: { retry, timeout: "5 seconds" },
    transport: ClerkEmulator.loopback(FetchHttpClient.layer)
  })

const versioned = (apiVersion: string | undefined) => (apiVersion === undefined ? {} : { apiVersion })

export const setups: ReadonlyArray<Setup> = [
  {
    // the HTTP set-ups' call policy (their ClerkConfig's: the retry policy given, writes not paced, as
    // `ClerkEmulator.layerUsers` configures the client)
    name: "UsersInMemory.layer + the client's call policy",
    layer: (retry = RetryPolicy.none, apiVersion) =>
      UsersInMemory.layer({
        callPolicy: CallPolicy.make({ retry, perUserWriteLimit: false }),
        ...versioned(apiVersion)
      })
  },
  {
    name: "Users.layer + in-process emulator",
    layer: (retry = RetryPolicy.none, apiVersion) => ClerkEmulator.layerUsers({ retry, ...versioned(apiVersion) })
  },
  {
    name: "Users.layer + FetchHttpClient + emulator on loopback",
    layer: (retry, apiVersion) => overLoopback(retry, versioned(apiVersion))
  }
]
