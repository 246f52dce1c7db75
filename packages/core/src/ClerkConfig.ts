/**
 * How the HTTP `Users` layer reaches Clerk: the secret key, the API URL and version, the request timeout and
 * the retry policy.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { version } from "./internal/version.js"
import * as RetryPolicy from "./RetryPolicy.js"

/**
 * Clerk's Backend API base URL.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { DEFAULT_API_URL } from "@effect-clerk/core"
 *
 * console.log(DEFAULT_API_URL) // "https://api.clerk.com/v1"
 * ```
 */
export const DEFAULT_API_URL = "https://api.clerk.com/v1"

/**
 * The `Clerk-API-Version` sent by default: the version the seed SDK documents, in which `update` still accepts
 * the three metadata fields.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { DEFAULT_API_VERSION } from "@effect-clerk/core"
 *
 * console.log(DEFAULT_API_VERSION) // "2025-11-10"
 * ```
 */
export const DEFAULT_API_VERSION = "2025-11-10"

/**
 * The first API version in which `PATCH /users/{id}` no longer accepts metadata.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig, METADATA_IN_UPDATE_REMOVED_IN } from "@effect-clerk/core"
 *
 * // from this version on, metadata goes through `updateMetadata` only
 * console.log(ClerkConfig.updateAcceptsMetadata(METADATA_IN_UPDATE_REMOVED_IN)) // false
 * ```
 */
export const METADATA_IN_UPDATE_REMOVED_IN = "2026-05-12"

/**
 * The default limit on the size of a response body: 50 MB.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig, DEFAULT_MAX_RESPONSE_BYTES } from "@effect-clerk/core"
 *
 * const config = ClerkConfig.layer({
 *   secretKey: "sk_test_...",
 *   maxResponseBytes: 2 * DEFAULT_MAX_RESPONSE_BYTES
 * })
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024

/**
 * Clerk's per-user limit on `update` and `updateMetadata`: 10 requests in 10 seconds.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkConfig, DEFAULT_PER_USER_WRITE_LIMIT } from "@effect-clerk/core"
 *
 * // stricter than Clerk's own limit
 * const config = ClerkConfig.layer({
 *   secretKey: "sk_test_...",
 *   perUserWriteLimit: { ...DEFAULT_PER_USER_WRITE_LIMIT, requests: 5 }
 * })
 * ```
 */
export const DEFAULT_PER_USER_WRITE_LIMIT: ClerkConfig.WriteLimit = { requests: 10, window: Duration.seconds(10) }

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
    /** Client-side pacing of `update` and `updateMetadata` per user, or `undefined` for none. */
    readonly perUserWriteLimit: WriteLimit | undefined
  }

  /**
   * The options of `ClerkConfig.layer`.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Options {
    /** The instance's secret key (`sk_live_…` / `sk_test_…`). */
    readonly secretKey: Redacted.Redacted<string> | string
    /** Default `https://api.clerk.com/v1`. */
    readonly apiUrl?: string
    /** The `Clerk-API-Version` header. Default `2025-11-10`. */
    readonly apiVersion?: string
    /** The timeout of one attempt (connection, response and body). Default 30 s. */
    readonly timeout?: Duration.DurationInput
    /** The retry policy. Default `RetryPolicy.defaultPolicy`. */
    readonly retry?: RetryPolicy.RetryPolicy
    /** Appended to the `User-Agent`, which always names this package and its version. */
    readonly userAgent?: string
    /** The largest response body accepted, in bytes. Default 50 MB. */
    readonly maxResponseBytes?: number
    /** Pace `update`/`updateMetadata` per user under Clerk's limit (10 per 10 s), or `false` not to. */
    readonly perUserWriteLimit?: WriteLimit | false
  }
}

const invalid = (path: string, message: string) => ConfigError.InvalidData([path], message)

const validUrl = (input: string): Either.Either<string, string> => {
  try {
    const url = new URL(input)
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Either.left(`expected an http(s) URL, got ${url.protocol}`)
    }
    if (url.search !== "" || url.hash !== "") return Either.left("the API URL cannot have a query or a fragment")
    return Either.right(url.toString().replace(/\/+$/, ""))
  } catch {
    return Either.left(`not a URL: ${JSON.stringify(input)}`)
  }
}

/**
 * Resolve and validate options.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const config = ClerkConfig.make({ secretKey: "sk_test_...", apiUrl: "http://127.0.0.1:4010/v1" })
 * Effect.runSync(Effect.map(config, (c) => c.apiUrl))
 * ```
 */
export const make = (options: ClerkConfig.Options): Effect.Effect<ClerkConfig.Service, ConfigError.ConfigError> =>
  Effect.suspend(() => {
    const secretKey = typeof options.secretKey === "string" ? Redacted.make(options.secretKey) : options.secretKey
    const key = Redacted.value(secretKey)
    if (key.trim() === "") return Effect.fail(invalid("secretKey", "the secret key is empty"))
    if (/[\r\n]/.test(key)) return Effect.fail(invalid("secretKey", "the secret key contains a line break"))
    const apiUrl = validUrl(options.apiUrl ?? DEFAULT_API_URL)
    if (Either.isLeft(apiUrl)) return Effect.fail(invalid("apiUrl", apiUrl.left))
    const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
    if (!/^[A-Za-z0-9._-]+$/.test(apiVersion)) {
      return Effect.fail(invalid("apiVersion", `not an API version: ${JSON.stringify(apiVersion)}`))
    }
    const timeout = Duration.decodeUnknown(options.timeout ?? "30 seconds")
    if (Option.isNone(timeout) || !Duration.greaterThan(timeout.value, Duration.zero)) {
      return Effect.fail(invalid("timeout", "the timeout must be a positive duration"))
    }
    const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
      return Effect.fail(invalid("maxResponseBytes", "expected a positive integer"))
    }
    const perUserWriteLimit = options.perUserWriteLimit === false
      ? undefined
      : options.perUserWriteLimit ?? DEFAULT_PER_USER_WRITE_LIMIT
    if (
      perUserWriteLimit !== undefined &&
      (!Number.isSafeInteger(perUserWriteLimit.requests) || perUserWriteLimit.requests < 1)
    ) {
      return Effect.fail(invalid("perUserWriteLimit", "requests must be a positive integer"))
    }
    const extra = options.userAgent === undefined ? "" : ` ${options.userAgent.replace(/[\r\n]/g, " ")}`
    return Effect.succeed<ClerkConfig.Service>({
      secretKey,
      apiUrl: apiUrl.right,
      apiVersion,
      timeout: timeout.value,
      retry: options.retry ?? RetryPolicy.defaultPolicy,
      userAgent: `@effect-clerk/core/${version}${extra}`,
      maxResponseBytes,
      perUserWriteLimit
    })
  })

/**
 * Whether `update` may carry metadata under an API version (it may not from `2026-05-12`).
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
  !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion) || apiVersion < METADATA_IN_UPDATE_REMOVED_IN

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
   * A layer from explicit options. Invalid options (an empty key, a malformed URL, a non-positive timeout)
   * fail the layer with a `ConfigError`.
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
   * A layer from the environment: `CLERK_SECRET_KEY` (required), `CLERK_API_URL`, `CLERK_API_VERSION` and
   * `CLERK_TIMEOUT` (a duration such as `"10 seconds"`).
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

  static readonly layerFromEnv: Layer.Layer<ClerkConfig, ConfigError.ConfigError> = Layer.effect(
    ClerkConfig,
    Effect.flatMap(
      Config.all({
        secretKey: Config.redacted("CLERK_SECRET_KEY"),
        apiUrl: Config.option(Config.string("CLERK_API_URL")),
        apiVersion: Config.option(Config.string("CLERK_API_VERSION")),
        timeout: Config.option(Config.duration("CLERK_TIMEOUT"))
      }),
      ({ apiUrl, apiVersion, secretKey, timeout }) =>
        make({
          secretKey,
          ...Option.match(apiUrl, { onNone: () => ({}), onSome: (apiUrl) => ({ apiUrl }) }),
          ...Option.match(apiVersion, { onNone: () => ({}), onSome: (apiVersion) => ({ apiVersion }) }),
          ...Option.match(timeout, { onNone: () => ({}), onSome: (timeout) => ({ timeout }) })
        })
    )
  )
}
