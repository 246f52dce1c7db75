/**
 * The three set-ups the Effect 4 contract suite runs the kernel's scenarios on: the Effect 4 in-memory layer;
 * the Effect 3 emulator started in this process (its own `effect` 3 from the test kit's directory) with the Effect 4
 * `Users.layer` over `FetchHttpClient`; the emulator's command in a child process, the same client over a socket.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import type { RateLimits, Scenarios } from "@effect-clerk/kernel"
import { ClerkEmulator } from "@effect-clerk/testkit"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Effect3 from "effect3/Effect"
import * as Exit3 from "effect3/Exit"
import * as Scope3 from "effect3/Scope"
import { EmulatorLauncher } from "../../src/index.js"
import { sourceBin } from "../utils/sourceBin.js"
import { type Control, fromAdmin, fromEffect3 } from "./controls.js"

/** The control of the set-up a scenario runs on. */
export class ContractControl extends Context.Service<ContractControl, Control>()("test/ContractControl") {}

/** What a scenario asks of a set-up: its client's retry rules, its API version and rate limits. */
export interface ScenarioOptions {
  readonly retry?: Scenarios.RetryRules
  readonly apiVersion?: string
  readonly rateLimits?: RateLimits.Option
}

export interface Setup {
  readonly name: string
  readonly layer: (options: ScenarioOptions) => Layer.Layer<Users.Users | ContractControl, unknown>
}

const KEY = "sk_test_contract_effect4"

/** The Effect 4 client against an emulator at `apiUrl`, counting the requests it sends. */
const client = (apiUrl: string, apiVersion: string | undefined, sent: { count: number }) =>
  Layer.fresh(Users.layer).pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: KEY, apiUrl, ...(apiVersion !== undefined && { apiVersion }) })),
    Layer.provide(Layer.effect(
      HttpClient.HttpClient,
      Effect.map(
        Effect.service(HttpClient.HttpClient),
        HttpClient.tapRequest(() => Effect.sync(() => sent.count++))
      )
    )),
    Layer.provide(FetchHttpClient.layer)
  )

/** The emulator's options of a scenario: its API version and rate limits. */
const emulatorOptions = ({ apiVersion, rateLimits }: ScenarioOptions) => ({
  ...(apiVersion !== undefined && { apiVersion }),
  ...(rateLimits !== undefined && { rateLimits })
})

/** The Effect 3 emulator served on a loopback port inside this process, for the layer's lifetime. */
const inProcess = (options: ScenarioOptions) =>
  Effect.acquireRelease(
    Effect.tryPromise(async () => {
      const scope = Effect3.runSync(Scope3.make())
      const emulator = await Effect3.runPromise(
        Scope3.extend(ClerkEmulator.serve({ secretKeys: [KEY], admin: true, ...emulatorOptions(options) }), scope)
      ).catch(async (error: unknown) => {
        await Effect3.runPromise(Scope3.close(scope, Exit3.void))
        throw error
      })
      return { emulator, scope }
    }),
    ({ scope }) => Effect.promise(() => Effect3.runPromise(Scope3.close(scope, Exit3.void)))
  )

export const emulatorSetups: ReadonlyArray<Setup> = [
  {
    name: "Users.layer (Effect 4) + the Effect 3 emulator in this process",
    layer: (options) =>
      Layer.unwrap(Effect.map(inProcess(options), ({ emulator }) =>
        Layer.merge(
          client(emulator.apiUrl, options.apiVersion, { count: 0 }),
          Layer.succeed(ContractControl, fromEffect3(emulator.control))
        )))
  },
  {
    name: "Users.layer (Effect 4) + FetchHttpClient + the emulator command over a socket",
    layer: (options) =>
      Layer.unwrap(Effect.map(
        EmulatorLauncher.make({ ...sourceBin, secretKey: KEY, ...emulatorOptions(options) }),
        (emulator) => {
          const sent = { count: 0 }
          return Layer.merge(
            client(emulator.apiUrl, options.apiVersion, sent),
            Layer.succeed(ContractControl, fromAdmin(emulator.admin, Effect.sync(() => sent.count)))
          )
        }
      ))
  }
]

export const setups: ReadonlyArray<Setup> = emulatorSetups
