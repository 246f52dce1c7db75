/**
 * The `effect-clerk-emulator` command started from a test runner that is not Effect (vitest's or Jest's
 * `globalSetup`, Playwright's): `start()` runs the command on a free loopback port, waits for its `ready:` line
 * and resolves to where it is (`apiUrl`, `secretKey`, the `env` for Clerk's SDKs and `ClerkConfig.layerFromEnv`),
 * a small client of its admin API, and `stop()`, which ends the process and waits for its exit. A problem is a
 * `LaunchError` saying what to do: the command or `@effect/platform-node` not installed, an exit before it was
 * ready (with what it printed), no readiness in time.
 *
 * The process reads a pipe from its parent (`--stop-on-stdin-close`): if the test runner dies without calling
 * `stop()`, even killed, the emulator stops with it and frees its port. `make` is the same as a scoped Effect.
 *
 * @since 0.3.0
 */
import * as EmulatorCommand from "@effect-clerk/kernel/EmulatorCommand"
import type * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import type { ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { Socket } from "node:net"
import * as path from "node:path"
import type * as ClerkEmulator from "./ClerkEmulator.js"
import type { UserSeed } from "./Seeds.js"
import type { WebhookDelivery } from "./UsersTestControl.js"

/**
 * Why the emulator could not be started: `BinNotFound` (the command is not installed where the current
 * directory resolves packages, or `bin` names no file), `PlatformNodeMissing` (its optional peer dependency),
 * `SpawnFailed`, `ExitedBeforeReady` (with what it printed: a seed file refused, a bad argument...), `Timeout`.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { EmulatorLauncher } from "@effect-clerk/testkit"
 *
 * const emulator = EmulatorLauncher.start().catch((error: unknown) => {
 *   if (error instanceof EmulatorLauncher.LaunchError && error.reason === "PlatformNodeMissing") {
 *     console.error(error.message) // ... npm i -D @effect/platform-node@^0.108.2
 *   }
 *   return Promise.reject(error)
 * })
 * ```
 */
export class LaunchError extends Schema.TaggedError<LaunchError>("@effect-clerk/testkit/LaunchError")(
  "LaunchError",
  {
    reason: Schema.Literal(
      "InvalidOptions",
      "BinNotFound",
      "PlatformNodeMissing",
      "SpawnFailed",
      "ExitedBeforeReady",
      "Timeout"
    ),
    message: Schema.String
  }
) {}

/**
 * A request to the admin API that was not answered with a success.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { EmulatorLauncher } from "@effect-clerk/testkit"
 *
 * const seeded = async (emulator: EmulatorLauncher.Running) =>
 *   emulator.admin.seedUsers([{ emailAddress: ["not an address"] }]).catch((error: unknown) =>
 *     error instanceof EmulatorLauncher.AdminError ? `refused with ${error.status}` : Promise.reject(error)
 *   )
 * ```
 */
export class AdminError extends Schema.TaggedError<AdminError>("@effect-clerk/testkit/AdminError")("AdminError", {
  status: Schema.Number,
  message: Schema.String
}) {}

/**
 * The options of `start` and `make`.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  /** The secret key clients must send. Default `sk_test_emulator`. */
  readonly secretKey?: string
  /** A JSON file of users to seed before it is ready (`--seed`), relative to `cwd`. */
  readonly seed?: string
  /** The API version of requests that send none (`--api-version`). */
  readonly apiVersion?: string
  /**
   * Clerk's rate limits, enforced (`--rate-limits`): `"development"`, `"production"` or custom limits. Default:
   * none.
   *
   * @since 0.3.0
   */
  readonly rateLimits?: RateLimits.Option
  /**
   * Webhooks (`--webhook`, `--webhook-secret`, `--webhook-time-scale`): the endpoints that receive every user
   * event, the signing secret (generated when absent: `Running.webhookSecret` has it), the retry schedule's time
   * scale. Default: no endpoint (add some with `admin.addWebhookEndpoint`).
   *
   * @since 0.3.0
   */
  readonly webhooks?: {
    readonly endpoints?: ReadonlyArray<string>
    readonly secret?: string
    readonly timeScale?: number
  }
  /** The loopback port (`127.0.0.1`). Default 0: a free one. */
  readonly port?: number
  /** How long to wait for the `ready:` line, on the wall clock (also under `TestClock`). Default 30 seconds. */
  readonly timeout?: Duration.DurationInput
  /** Where packages are resolved from and the command runs. Default `process.cwd()`. */
  readonly cwd?: string
  /** Variables added to the command's environment. */
  readonly env?: Readonly<Record<string, string>>
  /**
   * The command's file. Default: `@effect-clerk/testkit/bin/emulator` as resolved from `cwd`, the file
   * `npx effect-clerk-emulator` runs.
   */
  readonly bin?: string
  /** Arguments for `node` before the file (for a TypeScript `bin`: `["--import", "tsx"]`). */
  readonly nodeArguments?: ReadonlyArray<string>
}

/**
 * A small client of the emulator's admin API (`/__emulator`, served on the loopback port only).
 *
 * @since 0.3.0
 * @category models
 */
export interface Admin {
  /** The admin API's URL (`<origin>/__emulator`), for the requests this client does not make. */
  readonly url: string
  /** Seeds users (camelCase, as `UsersTestControl.seedUsers` takes them); resolves to their ids. */
  readonly seedUsers: (users: ReadonlyArray<typeof UserSeed.Encoded>) => Promise<ReadonlyArray<string>>
  /** Injects a fault rule (`{ operations: ["get"], status: 503, times: 1 }`). */
  readonly injectFault: (fault: ClerkEmulator.AdminFault) => Promise<void>
  /** Removes every fault rule. */
  readonly clearFaults: () => Promise<void>
  /** Empties the store and removes every fault rule. */
  readonly reset: () => Promise<void>
  /**
   * Adds a webhook endpoint (a URL) that receives every user event from now on.
   *
   * @since 0.3.0
   */
  readonly addWebhookEndpoint: (url: string) => Promise<void>
  /**
   * The webhook delivery log (see `UsersTestControl.webhookDeliveries`).
   *
   * @since 0.3.0
   */
  readonly webhookDeliveries: () => Promise<ReadonlyArray<WebhookDelivery>>
}

/**
 * A running emulator.
 *
 * @since 0.3.0
 * @category models
 */
export interface Running {
  /** The API URL (ends with `/v1`, as `ClerkEmulator.apiUrl`). */
  readonly apiUrl: string
  /** The secret key it accepts. */
  readonly secretKey: string
  /**
   * The secret its webhook deliveries are signed with (`whsec_…`), as given or as it generated it.
   *
   * @since 0.3.0
   */
  readonly webhookSecret: string
  /** `CLERK_API_URL` and `CLERK_SECRET_KEY`, right for `ClerkConfig.layerFromEnv` and Clerk's SDKs. */
  readonly env: { readonly CLERK_API_URL: string; readonly CLERK_SECRET_KEY: string }
  readonly admin: Admin
  /** The process id of the command. */
  readonly pid: number
  /** Stops the process (SIGTERM, SIGKILL after 5 seconds) and resolves once it has exited; safe to call twice. */
  readonly stop: () => Promise<void>
}

const DEFAULT_KEY = "sk_test_emulator"
const STOP_GRACE = Duration.seconds(5)

/**
 * The waits on a real process (its readiness, its stop) run on the wall clock, also under `TestClock`: a
 * process does not wait for a test to move the clock.
 */
const onWallClock = Effect.withClock(Clock.make())

/** A `require` resolving from a directory (the file need not exist). */
const requireFrom = (directory: string) => createRequire(path.join(directory, "noop.js"))

const resolveBin = (options: Options, cwd: string): Effect.Effect<string, LaunchError> => {
  if (options.bin !== undefined) {
    const bin = path.resolve(cwd, options.bin)
    return existsSync(bin)
      ? Effect.succeed(bin)
      : Effect.fail(new LaunchError({ reason: "BinNotFound", message: `the emulator command ${bin} does not exist` }))
  }
  return Effect.try({
    try: () => requireFrom(cwd).resolve("@effect-clerk/testkit/bin/emulator"),
    catch: () =>
      new LaunchError({
        reason: "BinNotFound",
        message: `cannot find the effect-clerk-emulator command from ${cwd}: install the test kit there ` +
          "(npm i -D @effect-clerk/testkit), or give its file as `bin`"
      })
  })
}

const checkPlatformNode = (bin: string): Effect.Effect<void, LaunchError> =>
  Effect.try({
    try: () => void requireFrom(path.dirname(bin)).resolve("@effect/platform-node/NodeHttpServer"),
    catch: () =>
      new LaunchError({
        reason: "PlatformNodeMissing",
        message: "the emulator's HTTP server needs @effect/platform-node, an optional peer dependency of " +
          "@effect-clerk/testkit: npm i -D @effect/platform-node@^0.108.2"
      })
  })

/** Ends the process: SIGTERM, then SIGKILL if it is still there after the grace period. */
const terminate = (child: ChildProcess, exited: Promise<string>): Effect.Effect<void> =>
  Effect.gen(function*() {
    if (child.exitCode !== null || child.signalCode !== null) return
    // held again while it stops: the caller waits for the exit
    child.ref()
    for (const stream of [child.stdout, child.stderr]) if (stream instanceof Socket) stream.ref()
    child.kill("SIGTERM")
    const graceful = yield* Effect.promise(() => exited).pipe(Effect.timeoutOption(STOP_GRACE), onWallClock)
    if (Option.isNone(graceful)) {
      child.kill("SIGKILL")
      yield* Effect.promise(() => exited)
    }
  })

/** The URL of the `ready:` line, or why there is none. */
const readiness = (
  started: EmulatorCommand.Started,
  timeout: Duration.Duration
): Effect.Effect<string, LaunchError> =>
  Effect.async<string, LaunchError>((callback) => {
    const stop = EmulatorCommand.awaitReady(started, (readiness) => {
      switch (readiness._tag) {
        case "Ready":
          return callback(Effect.succeed(readiness.url))
        case "ExitedBeforeReady":
          return callback(Effect.fail(
            new LaunchError({
              reason: "ExitedBeforeReady",
              message: `the emulator exited before it was ready (${readiness.how}):\n${started.output.text.trim()}`
            })
          ))
        case "SpawnFailed":
          return callback(Effect.fail(
            new LaunchError({ reason: "SpawnFailed", message: `cannot start the emulator: ${readiness.message}` })
          ))
      }
    })
    return Effect.sync(stop)
  }).pipe(
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () =>
        new LaunchError({
          reason: "Timeout",
          message: `the emulator printed no ready: line within ${
            Duration.format(timeout)
          }:\n${started.output.text.trim()}`
        })
    }),
    onWallClock
  )

const adminClient = (url: string, secretKey: string): Admin => {
  const call = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return response.ok
      ? text === "" ? undefined : JSON.parse(text)
      : Promise.reject(
        new AdminError({ status: response.status, message: `${method} ${url}${route}: ${response.status} ${text}` })
      )
  }
  return {
    url,
    seedUsers: async (users) => {
      const ids = await call("POST", "/users", users)
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []
    },
    injectFault: async (fault) => {
      await call("POST", "/faults", fault)
    },
    clearFaults: async () => {
      await call("DELETE", "/faults")
    },
    reset: async () => {
      await call("POST", "/reset")
    },
    addWebhookEndpoint: async (endpoint) => {
      await call("POST", "/webhooks/endpoints", { url: endpoint })
    },
    webhookDeliveries: async () => {
      const log = await call("GET", "/webhooks/deliveries")
      return Array.isArray(log) ? log : []
    }
  }
}

/**
 * Starts the emulator's command for as long as the scope lives (closing the scope stops it and waits for its
 * exit).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { EmulatorLauncher } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const emulator = yield* EmulatorLauncher.make()
 *   console.log(emulator.env.CLERK_API_URL)
 * }))
 * ```
 */
export const make = (options: Options = {}): Effect.Effect<Omit<Running, "stop">, LaunchError, Scope.Scope> =>
  Effect.gen(function*() {
    const timeout = Duration.decodeUnknown(options.timeout ?? Duration.seconds(30))
    if (Option.isNone(timeout) || !Duration.greaterThan(timeout.value, Duration.zero)) {
      return yield* new LaunchError({
        reason: "InvalidOptions",
        message: `timeout is not a positive duration (for example "30 seconds"): ${String(options.timeout)}`
      })
    }
    const cwd = path.resolve(options.cwd ?? process.cwd())
    const bin = yield* resolveBin(options, cwd)
    yield* checkPlatformNode(bin)
    const secretKey = options.secretKey ?? DEFAULT_KEY
    const args = [
      ...(options.nodeArguments ?? []),
      bin,
      ...EmulatorCommand.args({
        secretKey,
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
        ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
        ...(options.webhooks === undefined ? {} : { webhooks: options.webhooks })
      })
    ]
    const started = yield* Effect.acquireRelease(
      Effect.sync(() => EmulatorCommand.start(process.execPath, args, { cwd, env: options.env })),
      ({ child, exited }) => terminate(child, exited)
    )
    const { child, output } = started
    const apiUrl = yield* readiness(started, timeout.value)
    child.unref()
    // a parent that never calls stop() is not kept alive by the emulator (whose pipe then closes, and it stops)
    for (const stream of [child.stdin, child.stdout, child.stderr]) if (stream instanceof Socket) stream.unref()
    const { adminUrl, env } = EmulatorCommand.locations(apiUrl, secretKey)
    return {
      apiUrl,
      secretKey,
      webhookSecret: EmulatorCommand.webhookSecret(options.webhooks?.secret, output.text),
      env,
      admin: adminClient(adminUrl, secretKey),
      pid: child.pid ?? 0
    }
  })

/**
 * Starts the emulator's command on a free loopback port and resolves once it is ready; rejects with a
 * `LaunchError`. For test runners that are not Effect (`globalSetup` of vitest, Jest or Playwright): call
 * `stop()` when the tests are done.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { EmulatorLauncher } from "@effect-clerk/testkit"
 *
 * // vitest.global-setup.ts
 * export default async function setup() {
 *   const emulator = await EmulatorLauncher.start()
 *   Object.assign(process.env, emulator.env) // CLERK_API_URL, CLERK_SECRET_KEY for the test workers
 *   return () => emulator.stop()
 * }
 * ```
 */
export const start = async (options: Options = {}): Promise<Running> => {
  const scope = Effect.runSync(Scope.make())
  const exit = await Effect.runPromiseExit(Scope.extend(make(options), scope))
  if (Exit.isFailure(exit)) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    const failure = Cause.failureOption(exit.cause)
    return Promise.reject(Option.isSome(failure) ? failure.value : Cause.squash(exit.cause))
  }
  let stopping: Promise<void> | undefined
  return {
    ...exit.value,
    stop: () => (stopping ??= Effect.runPromise(Scope.close(scope, Exit.void)))
  }
}
