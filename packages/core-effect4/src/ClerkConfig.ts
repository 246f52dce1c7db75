/**
 * The configuration of the Users client: the secret key (`Redacted`), the API URL and version, the timeout of
 * an attempt, the retry policy, the `User-Agent`, the response bound and the client-side pacing. The rules
 * (which keys, versions and URLs are accepted, the defaults, the messages) are the kernel's `ClientConfig`, the
 * same as the Effect 3 line's.
 *
 * @since 1.0.0
 */
import * as ApiVersions from "@effect-clerk/kernel/ApiVersions"
import * as ClientConfig from "@effect-clerk/kernel/ClientConfig"
import * as Operations from "@effect-clerk/kernel/Operations"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { budgetOfKey } from "./internal/budget.js"
import { version } from "./internal/version.js"
import * as RetryPolicy from "./RetryPolicy.js"

/**
 * The Backend API's URL when none is given.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { DEFAULT_API_URL } from "@effect-clerk/core/ClerkConfig"
 *
 * console.log(DEFAULT_API_URL) // "https://api.clerk.com/v1"
 * ```
 */
export const DEFAULT_API_URL: typeof ClientConfig.DEFAULT_API_URL = ClientConfig.DEFAULT_API_URL

/**
 * The `Clerk-API-Version` sent when none is given.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 *
 * console.log(ClerkConfig.DEFAULT_API_VERSION) // "2025-11-10"
 * ```
 */
export const DEFAULT_API_VERSION: typeof ClientConfig.DEFAULT_API_VERSION = ClientConfig.DEFAULT_API_VERSION

/**
 * The largest response body accepted by default (50 MB).
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 * import { DEFAULT_MAX_RESPONSE_BYTES } from "@effect-clerk/core/ClerkConfig"
 *
 * const config = ClerkConfig.layer({
 *   secretKey: "sk_test_...",
 *   maxResponseBytes: 2 * DEFAULT_MAX_RESPONSE_BYTES
 * })
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = ClientConfig.DEFAULT_MAX_RESPONSE_BYTES

/**
 * Clerk's per-user write limit (10 requests in 10 seconds), the default pacing of `update`, `updateMetadata`
 * and `replaceMetadata`.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 * import { DEFAULT_PER_USER_WRITE_LIMIT } from "@effect-clerk/core/ClerkConfig"
 *
 * // stricter than Clerk's own limit
 * const config = ClerkConfig.layer({
 *   secretKey: "sk_test_...",
 *   perUserWriteLimit: { ...DEFAULT_PER_USER_WRITE_LIMIT, requests: 5 }
 * })
 * ```
 */
export const DEFAULT_PER_USER_WRITE_LIMIT: WriteLimit = {
  requests: Operations.writeLimit.requests,
  window: Duration.millis(Operations.writeLimit.windowMillis)
}

/**
 * A limit of `requests` per `window`.
 *
 * @since 1.0.0
 * @category models
 */
export interface WriteLimit {
  readonly requests: number
  readonly window: Duration.Duration
}

/**
 * The resolved configuration.
 *
 * @since 1.0.0
 * @category models
 */
export interface Service {
  readonly secretKey: Redacted.Redacted<string>
  readonly apiUrl: string
  readonly apiVersion: string
  readonly timeout: Duration.Duration
  readonly retry: RetryPolicy.RetryPolicy
  readonly userAgent: string
  readonly maxResponseBytes: number
  /** Client-side pacing of `update`, `updateMetadata` and `replaceMetadata` per user, or `undefined`. */
  readonly perUserWriteLimit: WriteLimit | undefined
  /** Client-side pacing of every request under the instance's budget, or `undefined` for none. */
  readonly instanceBudget: WriteLimit | undefined
}

/**
 * The options of `ClerkConfig.layer`: as on the Effect 3 line.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  /** The instance's secret key (`sk_live_…` / `sk_test_…`); only visible ASCII, refused (not trimmed) otherwise. */
  readonly secretKey: Redacted.Redacted<string> | string
  /** The API's origin (`https://api.clerk.com`); `/v1` is appended unless the URL ends in a version. */
  readonly apiUrl?: string
  /** The URL version (`v1`) or a `Clerk-API-Version` date (default `2025-11-10`). */
  readonly apiVersion?: string
  /** The timeout of one attempt (connection, response and body). Default 30 s; `Duration.infinity`: none. */
  readonly timeout?: Duration.Input
  /** The retry policy. Default `RetryPolicy.defaultPolicy`. */
  readonly retry?: RetryPolicy.RetryPolicy
  /** Appended to the `User-Agent`, which always names this package and its version. */
  readonly userAgent?: string
  /** The largest response body accepted, in bytes. Default 50 MB. */
  readonly maxResponseBytes?: number
  /** Pace the per-user writes under Clerk's limit (10 per 10 s), or `false`. */
  readonly perUserWriteLimit?: WriteLimit | false
  /** Pace every request under the instance's budget (default: the key's, `budgetOfKey`), or `false`. */
  readonly instanceBudget?: WriteLimit | false
}

/**
 * The options of `ClerkConfig.layerFromEnvWith`: every option but the secret key; `apiUrl`, `apiVersion`
 * and `timeout` are the defaults of their variables.
 *
 * @since 1.0.0
 * @category models
 */
export interface EnvOptions extends Omit<Options, "secretKey"> {}

const failWith = (problem: ClientConfig.Problem): Effect.Effect<never, Config.ConfigError> =>
  Effect.fail(new Config.ConfigError(new ConfigProvider.SourceError({ message: problem.message })))

const DURATION_TEXT = /^\d+(\.\d+)? (nano|micro|milli|second|minute|hour|day|week)s?$/

/** Whether a text (an environment variable) is a duration as `Duration.Input` writes one (`"10 seconds"`). */
const isDurationText = (text: string): text is Duration.Input & string => DURATION_TEXT.test(text)

const durationOf = (input: Duration.Input | string): Option.Option<Duration.Duration> =>
  typeof input !== "string"
    ? Duration.fromInput(input)
    : isDurationText(input)
    ? Duration.fromInput(input)
    : Option.none()

const makeWith = (
  options: Omit<Options, "timeout"> & { readonly timeout?: Duration.Input | string },
  labels: ClientConfig.Labels
): Effect.Effect<Service, Config.ConfigError> =>
  Effect.suspend(() => {
    const secretKey = typeof options.secretKey === "string" ? Redacted.make(options.secretKey) : options.secretKey
    const keyIssue = ClientConfig.keyProblem(Redacted.value(secretKey), labels.secretKey)
    if (keyIssue !== undefined) return failWith(keyIssue)
    const endpoint = ClientConfig.resolveEndpoint(options, labels)
    if ("label" in endpoint) return failWith(endpoint)
    const timeout = durationOf(options.timeout ?? Duration.millis(ClientConfig.DEFAULT_TIMEOUT_MILLIS))
    if (Option.isNone(timeout) || !Duration.isPositive(timeout.value)) {
      return failWith(ClientConfig.timeoutInvalid(labels.timeout))
    }
    const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    const bytesIssue = ClientConfig.maxResponseBytesProblem(maxResponseBytes)
    if (bytesIssue !== undefined) return failWith(bytesIssue)
    const perUserWriteLimit = options.perUserWriteLimit === false
      ? undefined
      : options.perUserWriteLimit ?? DEFAULT_PER_USER_WRITE_LIMIT
    const instanceBudget = options.instanceBudget === false
      ? undefined
      : options.instanceBudget ?? budgetOfKey(Redacted.value(secretKey))
    for (
      const [label, limit] of [["perUserWriteLimit", perUserWriteLimit], ["instanceBudget", instanceBudget]] as const
    ) {
      const issue = limit === undefined
        ? undefined
        : ClientConfig.limitProblem(label, limit.requests, Duration.toMillis(limit.window))
      if (issue !== undefined) return failWith(issue)
    }
    const userAgentIssue = options.userAgent === undefined
      ? undefined
      : ClientConfig.userAgentProblem(options.userAgent)
    if (userAgentIssue !== undefined) return failWith(userAgentIssue)
    return Effect.succeed<Service>({
      secretKey,
      apiUrl: endpoint.apiUrl,
      apiVersion: endpoint.apiVersion,
      timeout: timeout.value,
      retry: options.retry ?? RetryPolicy.defaultPolicy,
      userAgent: ClientConfig.userAgentOf("@effect-clerk/core", version, options.userAgent),
      maxResponseBytes,
      perUserWriteLimit,
      instanceBudget
    })
  })

/**
 * Resolves and validates options: an invalid option fails with a `Config.ConfigError` naming it, never showing
 * its value.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // as in Clerk's SDKs, the URL is the API's origin and `/v1` is appended
 * const config = ClerkConfig.make({ secretKey: "sk_test_...", apiUrl: "http://127.0.0.1:4010" })
 * console.log(Effect.runSync(Effect.map(config, (c) => c.apiUrl))) // "http://127.0.0.1:4010/v1"
 * ```
 */
export const make = (options: Options): Effect.Effect<Service, Config.ConfigError> =>
  makeWith(options, ClientConfig.optionLabels)

const nonEmpty = (name: string) => Config.option(Config.String(name)).pipe(Config.map(Option.filter((v) => v !== "")))

const fromEnv = (options: EnvOptions): Effect.Effect<Service, Config.ConfigError> => {
  const env = ClientConfig.envLabels
  const opts = ClientConfig.optionLabels
  return Effect.gen(function*() {
    const secretKey = yield* Config.option(Config.Redacted(env.secretKey))
    const apiUrl = yield* nonEmpty(env.apiUrl)
    const apiVersion = yield* nonEmpty(env.apiVersion)
    const timeout = yield* nonEmpty(env.timeout)
    if (Option.isNone(secretKey)) return yield* failWith(ClientConfig.keyMissing(env.secretKey))
    const labelOf = (key: "apiUrl" | "apiVersion" | "timeout", set: Option.Option<string>) =>
      Option.isNone(set) && options[key] !== undefined ? opts[key] : env[key]
    return yield* makeWith({
      ...options,
      secretKey: secretKey.value,
      ...(Option.isSome(apiUrl) ? { apiUrl: apiUrl.value } : {}),
      ...(Option.isSome(apiVersion) ? { apiVersion: apiVersion.value } : {}),
      ...(Option.isSome(timeout) ? { timeout: timeout.value } : {})
    }, {
      secretKey: env.secretKey,
      apiUrl: labelOf("apiUrl", apiUrl),
      apiVersion: labelOf("apiVersion", apiVersion),
      timeout: labelOf("timeout", timeout)
    })
  })
}

/**
 * Whether `update` may carry metadata under an API version (it may not from `2026-05-12`).
 *
 * @since 1.0.0
 * @category versions
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 *
 * console.log(ClerkConfig.updateAcceptsMetadata("2025-11-10")) // true
 * console.log(ClerkConfig.updateAcceptsMetadata("2026-05-12")) // false
 * ```
 */
export const updateAcceptsMetadata = (apiVersion: string): boolean =>
  !ApiVersions.versionAtLeast(apiVersion, ApiVersions.metadataInUpdateRemovedIn)

/**
 * The configuration service.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { Layer } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * export const UsersLive = Users.layer.pipe(
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export class ClerkConfig extends Context.Service<ClerkConfig, Service>()("@effect-clerk/core/ClerkConfig") {}

/**
 * A layer from explicit options (see `make`).
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { Layer, Redacted } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * // against a local emulator, with a key from elsewhere
 * const UsersLocal = Users.layer.pipe(
 *   Layer.provide(ClerkConfig.layer({ secretKey: Redacted.make("sk_test_..."), apiUrl: "http://127.0.0.1:4010" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer = (options: Options): Layer.Layer<ClerkConfig, Config.ConfigError> =>
  Layer.effect(ClerkConfig, make(options))

/**
 * A layer from `Config` values (another provider than the environment).
 *
 * @since 1.0.0
 * @category layers
 */
export const layerConfig = (options: Config.Config<Options>): Layer.Layer<ClerkConfig, Config.ConfigError> =>
  Layer.effect(ClerkConfig, Effect.flatMap(options, make))

/**
 * A layer from the environment, with the names and meanings of Clerk's SDKs: `CLERK_SECRET_KEY` (required),
 * `CLERK_API_URL`, `CLERK_API_VERSION`, `CLERK_TIMEOUT`; an empty variable counts as unset. Errors name the
 * variable, never its value.
 *
 * @since 1.0.0
 * @category layers
 */
export const layerFromEnv: Layer.Layer<ClerkConfig, Config.ConfigError> = Layer.effect(ClerkConfig, fromEnv({}))

/**
 * `layerFromEnv` with options for what the environment does not say (the Effect 3 line's
 * `layerFromEnv(options)`: an Effect 4 layer is not a function).
 *
 * @since 1.0.0
 * @category layers
 */
export const layerFromEnvWith = (options: EnvOptions): Layer.Layer<ClerkConfig, Config.ConfigError> =>
  Layer.effect(ClerkConfig, fromEnv(options))
