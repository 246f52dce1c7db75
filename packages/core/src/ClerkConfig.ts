/**
 * How the HTTP `Users` layer reaches Clerk: the secret key, the API URL and version, the request timeout and
 * the retry policy.
 *
 * @since 0.1.0
 */
import * as ClientConfig from "@effect-clerk/kernel/ClientConfig"
import * as Operations from "@effect-clerk/kernel/Operations"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { versionAtLeast } from "./internal/apiVersions.js"
import { budgetOfKey } from "./internal/instanceBudget.js"
import { version as version_ } from "./internal/version.js"
import * as RetryPolicy from "./RetryPolicy.js"
import { operations } from "./UsersProtocol.js"

/**
 * Clerk's Backend API base URL.
 *
 * @since 0.1.0
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
 * The `Clerk-API-Version` sent by default: the version the seed SDK documents, in which `update` still accepts
 * the three metadata fields.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { DEFAULT_API_VERSION } from "@effect-clerk/core/ClerkConfig"
 *
 * console.log(DEFAULT_API_VERSION) // "2025-11-10"
 * ```
 */
export const DEFAULT_API_VERSION: typeof ClientConfig.DEFAULT_API_VERSION = ClientConfig.DEFAULT_API_VERSION

/**
 * The first API version in which `PATCH /users/{id}` no longer accepts metadata: the `since` of the `update`
 * row's version rule.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 * import { METADATA_IN_UPDATE_REMOVED_IN } from "@effect-clerk/core/ClerkConfig"
 *
 * // from this version on, metadata goes through `updateMetadata` only
 * console.log(ClerkConfig.updateAcceptsMetadata(METADATA_IN_UPDATE_REMOVED_IN)) // false
 * ```
 */
export const METADATA_IN_UPDATE_REMOVED_IN = operations.update.versionRules[0].since

/**
 * The default limit on the size of a response body: 50 MB.
 *
 * @since 0.1.0
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
 * Clerk's per-user limit on `update`, `updateMetadata` and `replaceMetadata`: 10 requests in 10 seconds.
 *
 * @since 0.1.0
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
export const DEFAULT_PER_USER_WRITE_LIMIT: ClerkConfig.WriteLimit = {
  requests: Operations.writeLimit.requests,
  window: Duration.millis(Operations.writeLimit.windowMillis)
}

/**
 * The types of `ClerkConfig`: its service, options and write limit.
 *
 * @since 0.1.0
 * @category models
 */
export declare namespace ClerkConfig {
  /**
   * A limit of `requests` per `window`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface WriteLimit {
    readonly requests: number
    readonly window: Duration.Duration
  }

  /**
   * The resolved configuration.
   *
   * @since 0.1.0
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
    /** Client-side pacing of `update`, `updateMetadata` and `replaceMetadata` per user, or `undefined` for none. */
    readonly perUserWriteLimit: WriteLimit | undefined
    /**
     * Client-side pacing of every request under the instance's budget (`InstanceBudget`), or `undefined`
     * (absent) for none. `ClerkConfig.make` sets it from the key unless told otherwise.
     */
    readonly instanceBudget?: WriteLimit | undefined
  }

  /**
   * The options of `ClerkConfig.layer`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Options {
    /**
     * The instance's secret key (`sk_live_…` / `sk_test_…`). Only visible ASCII: a key with whitespace around it
     * or a character that cannot be sent in a header is refused, not trimmed.
     */
    readonly secretKey: Redacted.Redacted<string> | string
    /**
     * The Backend API's origin, as Clerk's SDKs take it: default `https://api.clerk.com`. The URL version (`/v1`)
     * is appended unless the URL already ends in a version segment (`http://127.0.0.1:4010/v1`). No credentials,
     * query or fragment.
     */
    readonly apiUrl?: string
    /**
     * Either the URL version as Clerk's SDKs take it (`v1`), or the `Clerk-API-Version` header's date
     * (`YYYY-MM-DD`, default `2025-11-10`). Anything else is a configuration error.
     */
    readonly apiVersion?: string
    /**
     * The timeout of one attempt (connection, response and body). Default 30 s. `Duration.infinity` (or anything
     * longer than a timer can wait, about 24.8 days) turns it off.
     */
    readonly timeout?: Duration.DurationInput
    /** The retry policy. Default `RetryPolicy.defaultPolicy`. */
    readonly retry?: RetryPolicy.RetryPolicy
    /** Appended to the `User-Agent`, which always names this package and its version. */
    readonly userAgent?: string
    /** The largest response body accepted, in bytes. Default 50 MB. */
    readonly maxResponseBytes?: number
    /** Pace `update`, `updateMetadata`, `replaceMetadata` per user under Clerk's limit (10 per 10 s), or `false`. */
    readonly perUserWriteLimit?: WriteLimit | false
    /**
     * Pace every request under the instance's budget before it is sent: by default Clerk's budget for the key
     * (`sk_live_`: 1,000 per 10 s, otherwise 100 per 10 s) less a 10 % margin (`InstanceBudget.fromKey`: 900 or
     * 90 per 10 s); other numbers as given; `false` for none. The wait comes before an attempt and
     * is not part of its `timeout`.
     */
    readonly instanceBudget?: WriteLimit | false
  }

  /**
   * The options of `ClerkConfig.layerFromEnv(options)`: every option of `ClerkConfig.layer` but the secret key,
   * which comes from `CLERK_SECRET_KEY` only. `apiUrl`, `apiVersion` and `timeout` are the defaults of
   * `CLERK_API_URL`, `CLERK_API_VERSION` and `CLERK_TIMEOUT`: a variable that is set (not empty) wins.
   *
   * @since 0.3.0
   * @category models
   */
  export interface EnvOptions extends Omit<Options, "secretKey"> {}

  /**
   * `ClerkConfig.layerFromEnv`: the layer from the environment, which can also be called with options
   * (`ClerkConfig.layerFromEnv({ retry })`).
   *
   * @since 0.3.0
   * @category models
   */
  export interface LayerFromEnv extends Layer.Layer<ClerkConfig, ConfigError.ConfigError> {
    (options?: EnvOptions): Layer.Layer<ClerkConfig, ConfigError.ConfigError>
  }
}

/**
 * The URL version of Clerk's Backend API that the SDKs use by default (`CLERK_API_VERSION` in Clerk's SDKs).
 */
type Labels = ClientConfig.Labels

const optionLabels: Labels = ClientConfig.optionLabels

const envLabels: Labels = ClientConfig.envLabels

const failWith = (problem: ClientConfig.Problem) =>
  Effect.fail(ConfigError.InvalidData([problem.label], problem.message))

const makeWith = (
  // the timeout from the environment is a string that `Duration.decodeUnknown` parses
  options: Omit<ClerkConfig.Options, "timeout"> & { readonly timeout?: unknown },
  labels: Labels
): Effect.Effect<ClerkConfig.Service, ConfigError.ConfigError> =>
  Effect.suspend(() => {
    const secretKey = typeof options.secretKey === "string" ? Redacted.make(options.secretKey) : options.secretKey
    const keyIssue = ClientConfig.keyProblem(Redacted.value(secretKey), labels.secretKey)
    if (keyIssue !== undefined) return failWith(keyIssue)
    const endpoint = ClientConfig.resolveEndpoint(options, labels)
    if ("label" in endpoint) return failWith(endpoint)
    const { apiUrl, apiVersion } = endpoint
    const timeout = Duration.decodeUnknown(options.timeout ?? Duration.millis(ClientConfig.DEFAULT_TIMEOUT_MILLIS))
    if (Option.isNone(timeout) || !Duration.greaterThan(timeout.value, Duration.zero)) {
      return failWith(ClientConfig.timeoutInvalid(labels.timeout))
    }
    const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    const bytesIssue = ClientConfig.maxResponseBytesProblem(maxResponseBytes)
    if (bytesIssue !== undefined) return failWith(bytesIssue)
    const perUserWriteLimit = options.perUserWriteLimit === false
      ? undefined
      : options.perUserWriteLimit ?? DEFAULT_PER_USER_WRITE_LIMIT
    const perUserIssue = perUserWriteLimit === undefined ? undefined : ClientConfig.limitProblem(
      "perUserWriteLimit",
      perUserWriteLimit.requests,
      Duration.toMillis(perUserWriteLimit.window)
    )
    if (perUserIssue !== undefined) return failWith(perUserIssue)
    const instanceBudget = options.instanceBudget === false
      ? undefined
      : options.instanceBudget ?? budgetOfKey(Redacted.value(secretKey))
    const budgetIssue = instanceBudget === undefined ? undefined : ClientConfig.limitProblem(
      "instanceBudget",
      instanceBudget.requests,
      Duration.toMillis(instanceBudget.window)
    )
    if (budgetIssue !== undefined) return failWith(budgetIssue)
    const userAgentIssue = options.userAgent === undefined
      ? undefined
      : ClientConfig.userAgentProblem(options.userAgent)
    if (userAgentIssue !== undefined) return failWith(userAgentIssue)
    return Effect.succeed<ClerkConfig.Service>({
      secretKey,
      apiUrl,
      apiVersion,
      timeout: timeout.value,
      retry: options.retry ?? RetryPolicy.defaultPolicy,
      userAgent: ClientConfig.userAgentOf("@effect-clerk/core", version_, options.userAgent),
      maxResponseBytes,
      perUserWriteLimit,
      instanceBudget
    })
  })

/**
 * Resolve and validate options. A setting that cannot be used fails with a `ConfigError` naming the option and
 * never showing its value: a secret key with a character that cannot be sent in a header (anything but visible
 * ASCII, surrounding whitespace included), an API URL with credentials, a query or another scheme than http(s),
 * an `apiVersion` that is neither a URL version (`v1`) nor a `Clerk-API-Version` date, a non-positive timeout.
 *
 * @since 0.1.0
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
export const make = (options: ClerkConfig.Options): Effect.Effect<ClerkConfig.Service, ConfigError.ConfigError> =>
  makeWith(options, optionLabels)

/**
 * The environment's settings, with Clerk's SDKs' names and meanings; an empty variable counts as unset. The options
 * give everything else, and the defaults of the variables: an error names the variable when the value came from it,
 * the option when it came from the code.
 */
const fromEnv = (options: ClerkConfig.EnvOptions): Effect.Effect<ClerkConfig.Service, ConfigError.ConfigError> =>
  Effect.flatMap(
    Config.all({
      secretKey: Config.option(Config.redacted(envLabels.secretKey)),
      apiUrl: Config.option(Config.string(envLabels.apiUrl)),
      apiVersion: Config.option(Config.string(envLabels.apiVersion)),
      timeout: Config.option(Config.string(envLabels.timeout))
    }),
    ({ apiUrl, apiVersion, secretKey, timeout }) => {
      if (Option.isNone(secretKey)) {
        return Effect.fail(
          ConfigError.MissingData([envLabels.secretKey], ClientConfig.keyMissing(envLabels.secretKey).message)
        )
      }
      const set = {
        apiUrl: Option.filter(apiUrl, (v) => v !== ""),
        apiVersion: Option.filter(apiVersion, (v) => v !== ""),
        timeout: Option.filter(timeout, (v) => v !== "")
      }
      const labelOf = (key: keyof typeof set) =>
        Option.isNone(set[key]) && options[key] !== undefined ? optionLabels[key] : envLabels[key]
      return makeWith({
        ...options,
        secretKey: secretKey.value,
        ...Option.match(set.apiUrl, { onNone: () => ({}), onSome: (apiUrl) => ({ apiUrl }) }),
        ...Option.match(set.apiVersion, { onNone: () => ({}), onSome: (apiVersion) => ({ apiVersion }) }),
        ...Option.match(set.timeout, { onNone: () => ({}), onSome: (timeout) => ({ timeout }) })
      }, {
        secretKey: envLabels.secretKey,
        apiUrl: labelOf("apiUrl"),
        apiVersion: labelOf("apiVersion"),
        timeout: labelOf("timeout")
      })
    }
  )

/**
 * `layerFromEnv`, both a layer and a function of options. Effect recognises a layer by its prototype's fields
 * (`Layer.isLayer`) and builds it from its own fields: the function gets both from the layer without options,
 * keeping `Function.prototype` under them (`call`, `bind`). Takes the tag because it runs in the class's static
 * initializer, before the class's name is bound outside it.
 */
const layerFromEnvOf = (tag: typeof ClerkConfig): ClerkConfig.LayerFromEnv => {
  const layerWith = (options: ClerkConfig.EnvOptions = {}): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
    Layer.effect(tag, fromEnv(options))
  const layer = layerWith()
  const call = (options?: ClerkConfig.EnvOptions) => layerWith(options)
  const layerProto: object = Object.getPrototypeOf(layer)
  Object.setPrototypeOf(call, Object.create(Function.prototype, Object.getOwnPropertyDescriptors(layerProto)))
  return Object.assign(call, layer)
}

/**
 * Whether `update` may carry metadata under an API version (it may not from `2026-05-12`): what the `update`
 * row's version rule says.
 *
 * @since 0.1.0
 * @category predicates
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 *
 * console.log(ClerkConfig.updateAcceptsMetadata("2025-11-10")) // true
 * console.log(ClerkConfig.updateAcceptsMetadata("2026-05-12")) // false
 * ```
 */
export const updateAcceptsMetadata = (apiVersion: string): boolean =>
  !versionAtLeast(apiVersion, METADATA_IN_UPDATE_REMOVED_IN)

/**
 * The configuration of the HTTP `Users` layer.
 *
 * @since 0.1.0
 * @category tags
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer, Redacted } from "effect"
 *
 * const UsersLive = Users.layer.pipe(
 *   Layer.provide(ClerkConfig.layer({ secretKey: Redacted.make("sk_test_..."), timeout: "10 seconds" })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export class ClerkConfig extends Context.Tag("@effect-clerk/core/ClerkConfig")<ClerkConfig, ClerkConfig.Service>() {
  /**
   * A layer from explicit options. Invalid options (an empty key or one that cannot be sent in a header, a
   * malformed URL or one with credentials, a non-positive timeout) fail the layer with a `ConfigError` naming
   * the option, never showing its value.
   *
   * @since 0.1.0
   */
  static readonly layer = (options: ClerkConfig.Options): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
    Layer.effect(ClerkConfig, make(options))

  /**
   * A layer from `Config` values, for example read from another provider than the environment.
   *
   * @since 0.1.0
   */
  static readonly layerConfig = (
    options: Config.Config<ClerkConfig.Options>
  ): Layer.Layer<ClerkConfig, ConfigError.ConfigError> => Layer.effect(ClerkConfig, Effect.flatMap(options, make))

  /**
   * Resolve and validate options (see `make`).
   *
   * @since 0.1.0
   */
  static readonly make = make

  /**
   * Whether `update` may carry metadata under an API version (it may not from `2026-05-12`).
   *
   * @since 0.1.0
   */
  static readonly updateAcceptsMetadata = updateAcceptsMetadata

  /**
   * A layer from the environment, with the names and meanings of Clerk's SDKs: `CLERK_SECRET_KEY` (required),
   * `CLERK_API_URL` (the API's origin, default `https://api.clerk.com`; `/v1` is appended unless the URL already
   * ends in a version), `CLERK_API_VERSION` (the URL version, `v1`, as in Clerk's SDKs; or a `Clerk-API-Version`
   * date such as `2025-11-10`) and `CLERK_TIMEOUT` (a duration such as `"10 seconds"`). An empty variable counts
   * as unset. Errors name the variable, never its value; a missing key says where to get one, and how to use the
   * emulator instead.
   *
   * It is a layer as it is, and a function of options (since 0.3.0): `layerFromEnv(options)` takes every option
   * of `ClerkConfig.layer` but `secretKey` (`retry`, `userAgent`, `maxResponseBytes`, `perUserWriteLimit`, and
   * `apiUrl`, `apiVersion`, `timeout` as the defaults of their variables: a variable that is set wins), so that a
   * retry policy does not mean giving up the environment. `layerFromEnv()` behaves as `layerFromEnv`.
   *
   * @since 0.1.0
   * @example
   * ```ts
   * import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
   * import { FetchHttpClient } from "@effect/platform"
   * import { Layer } from "effect"
   *
   * // the key, URL and version from CLERK_SECRET_KEY, CLERK_API_URL, CLERK_API_VERSION, CLERK_TIMEOUT
   * export const UsersLive = Users.layer.pipe(
   *   Layer.provide(ClerkConfig.layerFromEnv),
   *   Layer.provide(FetchHttpClient.layer)
   * )
   *
   * // the same variables, and options for what the environment does not say
   * export const Patient = Users.layer.pipe(
   *   Layer.provide(ClerkConfig.layerFromEnv({ retry: RetryPolicy.make({ retries: 8 }), timeout: "10 seconds" })),
   *   Layer.provide(FetchHttpClient.layer)
   * )
   * ```
   */
  static readonly layerFromEnv: ClerkConfig.LayerFromEnv = layerFromEnvOf(ClerkConfig)
}
