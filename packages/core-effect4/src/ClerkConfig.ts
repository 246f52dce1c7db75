/**
 * The configuration of the Effect 4 client: the secret key (always `Redacted`), the API URL and the API version
 * sent as `Clerk-API-Version`.
 *
 * @since 1.0.0
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

/**
 * Clerk's production API URL.
 *
 * @since 1.0.0
 * @category constants
 */
export const DEFAULT_API_URL = "https://api.clerk.com/v1"

/**
 * The API version sent when none is configured (the Effect 3 line's default; to move to the kernel).
 *
 * @since 1.0.0
 * @category constants
 */
export const DEFAULT_API_VERSION = "2025-11-10"

/**
 * The options of {@link layer}: the secret key as a string or `Redacted`, the rest defaulted.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options {
  readonly secretKey: Redacted.Redacted<string> | string
  readonly apiUrl?: string
  readonly apiVersion?: string
}

/**
 * The configuration service.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { ClerkConfig } from "@effect-clerk/core-effect4/ClerkConfig"
 * import { Effect } from "effect"
 *
 * const apiUrl = Effect.map(Effect.service(ClerkConfig), (config) => config.apiUrl)
 * ```
 */
export class ClerkConfig extends Context.Service<ClerkConfig, {
  readonly secretKey: Redacted.Redacted<string>
  readonly apiUrl: string
  readonly apiVersion: string
}>()("@effect-clerk/core/ClerkConfig") {}

/**
 * The service from options: trailing slashes of the API URL removed, the key wrapped in `Redacted`.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (options: Options): ClerkConfig["Service"] =>
  ClerkConfig.of({
    secretKey: typeof options.secretKey === "string" ? Redacted.make(options.secretKey) : options.secretKey,
    apiUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION
  })

/**
 * A layer from options.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import * as ClerkConfig from "@effect-clerk/core-effect4/ClerkConfig"
 *
 * const config = ClerkConfig.layer({ secretKey: "sk_test_123" })
 * ```
 */
export const layer = (options: Options): Layer.Layer<ClerkConfig> => Layer.succeed(ClerkConfig, make(options))

/**
 * A layer from the environment: `CLERK_SECRET_KEY` (required, redacted), `CLERK_API_URL`, `CLERK_API_VERSION`.
 *
 * @since 1.0.0
 * @category layers
 */
export const layerConfig: Layer.Layer<ClerkConfig, Config.ConfigError> = Layer.effect(
  ClerkConfig,
  Effect.gen(function*() {
    const secretKey = yield* Config.Redacted("CLERK_SECRET_KEY")
    const apiUrl = yield* Config.String("CLERK_API_URL").pipe(Config.withDefault(DEFAULT_API_URL))
    const apiVersion = yield* Config.String("CLERK_API_VERSION").pipe(Config.withDefault(DEFAULT_API_VERSION))
    return make({ secretKey, apiUrl, apiVersion })
  })
)
