/**
 * The three set-ups the contract suite runs against.
 */
import type { Users } from "@effect-clerk/core"
import { CallPolicy, RetryPolicy } from "@effect-clerk/core"
import type { RateLimits } from "@effect-clerk/kernel"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { ServeError } from "@effect/platform/HttpServerError"
import type * as Layer from "effect/Layer"
import { ClerkEmulator, UsersInMemory } from "../../src/index.js"
import type { OptionsError, SeedError, UsersTestControl } from "../../src/index.js"

export interface Setup {
  readonly name: string
  readonly layer: (
    retry?: RetryPolicy.RetryPolicy,
    apiVersion?: string,
    rateLimits?: RateLimits.Option
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

/** The options of a scenario that set-ups pass on to their layer: its API version and rate limits. */
const versioned = (apiVersion: string | undefined, rateLimits?: RateLimits.Option) => ({
  ...(apiVersion === undefined ? {} : { apiVersion }),
  ...(rateLimits === undefined ? {} : { rateLimits })
})

export const setups: ReadonlyArray<Setup> = [
  {
    // the HTTP set-ups' call policy (their ClerkConfig's: the retry policy given, writes not paced, as
    // `ClerkEmulator.layerUsers` configures the client)
    name: "UsersInMemory.layer + the client's call policy",
    layer: (retry = RetryPolicy.none, apiVersion, rateLimits) =>
      UsersInMemory.layer({
        callPolicy: CallPolicy.make({ retry, perUserWriteLimit: false }),
        ...versioned(apiVersion, rateLimits)
      })
  },
  {
    name: "Users.layer + in-process emulator",
    layer: (retry = RetryPolicy.none, apiVersion, rateLimits) =>
      ClerkEmulator.layerUsers({ retry, ...versioned(apiVersion, rateLimits) })
  },
  {
    name: "Users.layer + FetchHttpClient + emulator on loopback",
    layer: (retry, apiVersion, rateLimits) => overLoopback(retry, versioned(apiVersion, rateLimits))
  }
]
