/**
 * The three set-ups the Effect 4 contract suite runs the kernel's scenarios on: the Effect 4 in-memory layer;
 * the Effect 3 emulator started in this process (its own `effect` 3 from the test kit's directory) with the Effect 4
 * `Users.layer` over `FetchHttpClient`; the emulator's command in a child process, the same client over a socket.
 */
import { CallPolicy, ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import type { RateLimits, Scenarios } from "@effect-clerk/kernel"
import { ClerkEmulator } from "@effect-clerk/testkit"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Effect3 from "effect3/Effect"
import * as Exit3 from "effect3/Exit"
import * as Scope3 from "effect3/Scope"
import { EmulatorLauncher, UsersInMemory, UsersTestControl } from "../../src/index.js"
import { sourceBin } from "../utils/sourceBin.js"
import { type Control, fromAdmin, fromEffect3, fromTestControl } from "./controls.js"

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
  /** Whether it runs on the wall clock (a process of its own, real sockets) or on the test's `TestClock`. */
  readonly live: boolean
  readonly layer: (options: ScenarioOptions) => Layer.Layer<Users.Users | ContractControl, unknown>
}

const KEY = "sk_test_contract_effect4"

/**
 * The retry policy of a scenario's retry rules: the library's rules (`RetryPolicy.make`), with the scenario's
 * number of retries and longest `Retry-After`, and no backoff delay of its own; none without rules.
 */
const retryOf = (rules: Scenarios.RetryRules | undefined): RetryPolicy.RetryPolicy =>
  rules === undefined ? RetryPolicy.none : RetryPolicy.make({
    retries: rules.retries,
    baseDelay: 0,
    jitter: false,
    maxRetryAfter: `${rules.maxRetryAfterSeconds} seconds`
  })

/** The Effect 4 client against an emulator at `apiUrl`, counting the requests it sends; writes not paced. */
const client = (apiUrl: string, options: ScenarioOptions, sent: { count: number }) =>
  Layer.fresh(Users.layer).pipe(
    Layer.provide(ClerkConfig.layer({
      secretKey: KEY,
      apiUrl,
      retry: retryOf(options.retry),
      perUserWriteLimit: false,
      instanceBudget: false,
      timeout: "10 seconds",
      ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion })
    })),
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

/**
 * The emulators run on the wall clock (not the test's): a scenario with rate limits starts at the start of a fixed
 * window (they are aligned on multiples of their length), so that its refusals say the whole window's wait, as
 * the in-memory layer's do at the start of its clock.
 */
const atWindowStart = ({ rateLimits }: ScenarioOptions) =>
  rateLimits === undefined ? Effect.void : Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const window = typeof rateLimits === "string" ? 10_000 : rateLimits.instance.windowMillis
    return Effect.sleep(window - (now % window) + 20)
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
    live: true,
    layer: (options) =>
      Layer.unwrap(
        Effect.map(Effect.tap(inProcess(options), () => atWindowStart(options)), ({ emulator }) =>
          Layer.merge(
            client(emulator.apiUrl, options, { count: 0 }),
            Layer.succeed(ContractControl, fromEffect3(emulator.control))
          ))
      )
  },
  {
    name: "Users.layer (Effect 4) + FetchHttpClient + the emulator command over a socket",
    live: true,
    layer: (options) =>
      Layer.unwrap(Effect.map(
        Effect.tap(EmulatorLauncher.make({ ...sourceBin, secretKey: KEY, ...emulatorOptions(options) }), () =>
          atWindowStart(options)),
        (emulator) => {
          const sent = { count: 0 }
          return Layer.merge(
            client(emulator.apiUrl, options, sent),
            Layer.succeed(
              ContractControl,
              fromAdmin(
                emulator.admin,
                Effect.sync(() =>
                  sent.count
                )
              )
            )
          )
        }
      ))
  }
]

/** The in-memory layer under the HTTP set-ups' call policy (their `ClerkConfig`'s: the retry rules, no pacing). */
export const inMemory: Setup = {
  name: "UsersInMemory.layer (Effect 4) + the client's call policy",
  live: false,
  layer: (options) =>
    Layer.unwrap(Effect.map(
      UsersInMemory.make({
        callPolicy: CallPolicy.make({ retry: retryOf(options.retry), perUserWriteLimit: false }),
        ...emulatorOptions(options)
      }),
      ({ control, users }) =>
        Layer.mergeAll(
          Layer.succeed(Users.Users, users),
          Layer.succeed(UsersTestControl.UsersTestControl, control),
          Layer.succeed(ContractControl, fromTestControl(control))
        )
    ))
}

export const setups: ReadonlyArray<Setup> = [inMemory, ...emulatorSetups]
