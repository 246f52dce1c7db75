/**
 * The one Clerk emulator (the `effect-clerk-emulator` command of `@effect-clerk/testkit` 0.x, a black box over
 * HTTP) started for Effect 4 tests: `make` runs the command on a free loopback port for as long as the scope
 * lives, waits for its `ready:` line and gives where it is (`apiUrl`, `secretKey`, the `env` for
 * `ClerkConfig.layerConfig` and Clerk's SDKs) and a client of its admin API as Effects. A problem is a
 * `LaunchError` saying what happened.
 *
 * By default the command is run by `npx` from the published Effect 3 test kit (its own `effect` 3, whatever this
 * project uses); `bin` runs a file of your own instead (in this repository: the source bin, with `nodeArguments`
 * `["--conditions=source", "--import", "tsx"]`). The process reads a pipe from its parent
 * (`--stop-on-stdin-close`): if the test runner dies, the emulator stops with it.
 *
 * @since 1.0.0
 */
import type { RateLimits, Seed } from "@effect-clerk/kernel"
import * as EmulatorCommand from "@effect-clerk/kernel/EmulatorCommand"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { ChildProcess } from "node:child_process"
import * as path from "node:path"

/**
 * Why the emulator could not be started: `SpawnFailed` (no such command or file), `ExitedBeforeReady` (with what
 * it printed: a seed file refused, a bad argument...), `Timeout` (no `ready:` line in time).
 *
 * @since 1.0.0
 * @category errors
 */
export class LaunchError extends Schema.TaggedError<LaunchError>("@effect-clerk/testkit/LaunchError")(
  "LaunchError",
  { reason: Schema.Literals(["SpawnFailed", "ExitedBeforeReady", "Timeout"]), message: Schema.String }
) {}

/**
 * A request to the admin API that was not answered with a success (`status` 0: no answer at all).
 *
 * @since 1.0.0
 * @category errors
 */
export class AdminError extends Schema.TaggedError<AdminError>("@effect-clerk/testkit/AdminError")("AdminError", {
  status: Schema.Number,
  message: Schema.String
}) {}

/**
 * The published package whose command runs by default (`npx`), with the HTTP server it needs.
 *
 * @since 1.0.0
 * @category constants
 */
export const defaultPackages: ReadonlyArray<string> = ["@effect-clerk/testkit@0", "@effect/platform-node@^0.108.2"]

/**
 * The options of `make`.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  /** The secret key clients must send. Default `sk_test_emulator`. */
  readonly secretKey?: string
  /** A JSON file of users to seed before it is ready (`--seed`), relative to `cwd`. */
  readonly seed?: string
  /** The API version of requests that send none. */
  readonly apiVersion?: string
  /** Clerk's rate limits, enforced: `"development"`, `"production"` or custom limits. Default none. */
  readonly rateLimits?: RateLimits.Option
  /** Webhooks: endpoints receiving every user event, the signing secret, the retry schedule's time scale. */
  readonly webhooks?: EmulatorCommand.CommandOptions["webhooks"]
  /** The loopback port. Default 0: a free one. */
  readonly port?: number
  /** How long to wait for the `ready:` line, on the wall clock. Default 30 seconds. */
  readonly timeout?: Duration.Input
  /** Where the command runs. Default `process.cwd()`. */
  readonly cwd?: string
  /** Variables added to the command's environment. */
  readonly env?: Readonly<Record<string, string>>
  /** The command's file, run by `node`; default: the published command through `npx` (`defaultPackages`). */
  readonly bin?: string
  /** Arguments for `node` before the file. */
  readonly nodeArguments?: ReadonlyArray<string>
  /** The `node` that runs `bin`. Default: this process's. */
  readonly node?: string
}

/**
 * A client of the emulator's admin API (`/__emulator`), as Effects.
 *
 * @since 1.0.0
 * @category models
 */
export interface Admin {
  /** The admin API's URL (`<origin>/__emulator`). */
  readonly url: string
  /** Any admin request (`"POST", "/organizations", { name: "Acme" }`): the JSON answered. */
  readonly request: (
    method: "GET" | "POST" | "DELETE",
    route: string,
    body?: unknown
  ) => Effect.Effect<unknown, AdminError>
  /** Seeds users (camelCase); their ids. */
  readonly seedUsers: (users: ReadonlyArray<Seed.UserSeed>) => Effect.Effect<ReadonlyArray<string>, AdminError>
  /** Injects a fault rule (`{ operations: ["get"], status: 503, times: 1 }`, the emulator's `AdminFault`). */
  readonly injectFault: (fault: EmulatorCommand.AdminFault) => Effect.Effect<void, AdminError>
  /** Removes every fault rule. */
  readonly clearFaults: Effect.Effect<void, AdminError>
  /** Empties the store and removes every fault rule. */
  readonly reset: Effect.Effect<void, AdminError>
}

/**
 * A running emulator.
 *
 * @since 1.0.0
 * @category models
 */
export interface Running {
  /** The API URL (ends with `/v1`). */
  readonly apiUrl: string
  readonly secretKey: string
  /** The secret its webhook deliveries are signed with, as given or as it generated it. */
  readonly webhookSecret: string
  /** `CLERK_API_URL` and `CLERK_SECRET_KEY`. */
  readonly env: { readonly CLERK_API_URL: string; readonly CLERK_SECRET_KEY: string }
  readonly admin: Admin
  readonly pid: number
}

const DEFAULT_KEY = "sk_test_emulator"

/** The waits on a real process run on the wall clock (`Clock`'s default), also under `TestClock`. */
const onWallClock = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provideService(effect, Clock.Clock, Clock.Clock.defaultValue())

const adminClient = (url: string, secretKey: string): Admin => {
  const request: Admin["request"] = (method, route, body) =>
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      const base = HttpClientRequest.make(method)(`${url}${route}`).pipe(HttpClientRequest.bearerToken(secretKey))
      const sent = body === undefined ? base : yield* HttpClientRequest.bodyJson(base, body)
      const response = yield* client.execute(sent)
      const text = yield* response.text
      if (response.status < 200 || response.status >= 300) {
        return yield* new AdminError({ status: response.status, message: `${method} ${route}: ${text}` })
      }
      return text === "" ? undefined : yield* Schema.decodeUnknownEffect(Schema.fromJsonString(Schema.Unknown))(text)
    }).pipe(
      Effect.catchTags({
        HttpClientError: (error) => Effect.fail(new AdminError({ status: 0, message: error.message })),
        HttpBodyError: (error) =>
          Effect.fail(new AdminError({ status: 0, message: `the body is not JSON: ${error.message}` })),
        SchemaError: (error) => Effect.fail(new AdminError({ status: 200, message: error.message }))
      }),
      Effect.provide(FetchHttpClient.layer)
    )
  return {
    url,
    request,
    seedUsers: (users) =>
      Effect.map(
        request("POST", "/users", users),
        (ids) => Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []
      ),
    injectFault: (fault) => Effect.asVoid(request("POST", "/faults", fault)),
    clearFaults: Effect.asVoid(request("DELETE", "/faults")),
    reset: Effect.asVoid(request("POST", "/reset"))
  }
}

/** Ends the process: SIGTERM, SIGKILL after 5 seconds; waits for its exit. */
const terminate = (child: ChildProcess, exited: Promise<string>): Effect.Effect<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Effect.void
    : Effect.sync(() => child.kill("SIGTERM")).pipe(
      Effect.andThen(Effect.promise(() => exited)),
      Effect.timeoutOrElse({
        duration: Duration.seconds(5),
        orElse: () => Effect.andThen(Effect.sync(() => child.kill("SIGKILL")), Effect.promise(() => exited))
      }),
      Effect.asVoid,
      onWallClock
    )

/** The URL of the `ready:` line, or why there is none. */
const readiness = (started: EmulatorCommand.Started, timeout: Duration.Input) =>
  Effect.callback<string, LaunchError>((resume) => {
    const stop = EmulatorCommand.awaitReady(started, (readiness) =>
      resume(
        readiness._tag === "Ready"
          ? Effect.succeed(readiness.url)
          : Effect.fail(
            readiness._tag === "SpawnFailed"
              ? new LaunchError({ reason: "SpawnFailed", message: `cannot start: ${readiness.message}` })
              : new LaunchError({
                reason: "ExitedBeforeReady",
                message: `exited before ready (${readiness.how}):\n${started.output.text}`
              })
          )
      ))
    return Effect.sync(stop)
  }).pipe(
    Effect.timeoutOrElse({
      duration: timeout,
      orElse: () =>
        Effect.fail(new LaunchError({ reason: "Timeout", message: `no ready: line in time:\n${started.output.text}` }))
    }),
    onWallClock
  )

/**
 * Starts the emulator for as long as the scope lives (closing it stops the process and waits for its exit).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { EmulatorLauncher } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const emulator = yield* EmulatorLauncher.make()
 *   yield* emulator.admin.seedUsers([{ emailAddress: ["ada@example.com"] }])
 *   console.log(emulator.env.CLERK_API_URL)
 * }))
 * ```
 */
export const make = (options: Options = {}): Effect.Effect<Running, LaunchError, Scope.Scope> =>
  Effect.gen(function*() {
    const secretKey = options.secretKey ?? DEFAULT_KEY
    const { apiVersion, port, rateLimits, seed, webhooks } = options
    const command = EmulatorCommand.args({
      secretKey,
      ...(port !== undefined && { port }),
      ...(seed !== undefined && { seed }),
      ...(apiVersion !== undefined && { apiVersion }),
      ...(rateLimits !== undefined && { rateLimits }),
      ...(webhooks !== undefined && { webhooks })
    })
    const cwd = path.resolve(options.cwd ?? process.cwd())
    const [file, args] = options.bin === undefined
      ? ["npx", ["--yes", ...defaultPackages.flatMap((p) => ["--package", p]), "effect-clerk-emulator", ...command]]
      : [options.node ?? process.execPath, [
        ...(options.nodeArguments ?? []),
        path.resolve(cwd, options.bin),
        ...command
      ]]
    const started = yield* Effect.acquireRelease(
      Effect.sync(() => EmulatorCommand.start(file, args, { cwd, env: options.env })),
      ({ child, exited }) => terminate(child, exited)
    )
    const { child, output } = started
    const apiUrl = yield* readiness(started, options.timeout ?? Duration.seconds(30))
    const { adminUrl, env } = EmulatorCommand.locations(apiUrl, secretKey)
    return {
      apiUrl,
      secretKey,
      webhookSecret: EmulatorCommand.webhookSecret(webhooks?.secret, output.text),
      env,
      admin: adminClient(adminUrl, secretKey),
      pid: child.pid ?? 0
    }
  })
