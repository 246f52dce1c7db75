/**
 * `@effect-clerk/kernel`: Clerk's Backend API Users semantics written once, in plain TypeScript that imports
 * nothing from `effect`: the operation facts, the error catalogue, the store, the emulator's HTTP rules and the
 * shared contract scenarios. Every line of the library (Effect 3 today) adapts it to its own runtime.
 *
 * @since 0.2.0
 */

/**
 * @since 0.2.0
 */
export * as ApiVersionResolution from "./ApiVersionResolution.js"

/**
 * @since 0.2.0
 */
export * as ApiVersions from "./ApiVersions.js"

/**
 * @since 0.2.0
 */
export * as Authentication from "./Authentication.js"

/**
 * @since 0.2.0
 */
export * as BodyBounds from "./BodyBounds.js"

/**
 * @since 0.3.0
 */
export * as BulkReport from "./BulkReport.js"

/**
 * @since 0.3.0
 */
export * as ClientConfig from "./ClientConfig.js"

/**
 * @since 0.3.0
 */
export * as ClientErrors from "./ClientErrors.js"

/**
 * @since 0.3.0
 */
export * as ClientRequest from "./ClientRequest.js"

/**
 * @since 0.3.0
 */
export * as Deduplication from "./Deduplication.js"

/**
 * @since 0.2.0
 */
export * as DeepMerge from "./DeepMerge.js"

/**
 * @since 0.2.0
 */
export * as ErrorBody from "./ErrorBody.js"

/**
 * @since 0.2.0
 */
export * as ErrorCatalogue from "./ErrorCatalogue.js"

/**
 * @since 0.3.0
 */
export * as FaultRules from "./FaultRules.js"

/**
 * @since 0.2.0
 */
export * as Fixtures from "./Fixtures.js"

/**
 * @since 0.2.0
 */
export * as Ids from "./Ids.js"

/**
 * @since 0.2.0
 */
export * as JsonBody from "./JsonBody.js"

/**
 * @since 0.2.0
 */
export * as Limits from "./Limits.js"

/**
 * @since 0.2.0
 */
export * as Model from "./Model.js"

/**
 * @since 0.2.0
 */
export * as Operations from "./Operations.js"

/**
 * @since 0.2.0
 */
export * as Passwords from "./Passwords.js"

/**
 * @since 0.3.0
 */
export * as Paging from "./Paging.js"

/**
 * @since 0.3.0
 */
export * as Population from "./Population.js"

/**
 * @since 0.2.0
 */
export * as Prng from "./Prng.js"

/**
 * @since 0.3.0
 */
export * as RateLimits from "./RateLimits.js"

/**
 * @since 0.3.0
 */
export * as RedisBudget from "./RedisBudget.js"

/**
 * @since 0.3.0
 */
export * as Redaction from "./Redaction.js"

/**
 * @since 0.2.0
 */
export * as Refusal from "./Refusal.js"

/**
 * @since 0.3.0
 */
export * as RemoteHealth from "./RemoteHealth.js"

/**
 * @since 0.2.0
 */
export * as RequestGate from "./RequestGate.js"

/**
 * @since 0.2.0
 */
export * as RequestTarget from "./RequestTarget.js"

/**
 * @since 0.2.0
 */
export * as Result from "./Result.js"

/**
 * @since 0.2.0
 */
export * as Scenarios from "./Scenarios.js"

/**
 * @since 0.2.0
 */
export * as Seed from "./Seed.js"

/**
 * @since 0.3.0
 */
export * as Shapes from "./Shapes.js"

/**
 * @since 0.2.0
 */
export * as Store from "./Store.js"

/**
 * @since 0.3.0
 */
export * as Svix from "./Svix.js"

/**
 * @since 0.3.0
 */
export * as TimeRelative from "./TimeRelative.js"

/**
 * @since 0.2.0
 */
export * as Totp from "./Totp.js"

/**
 * @since 0.3.0
 */
export * as UserEvents from "./UserEvents.js"

/**
 * @since 0.3.0
 */
export * as UserGetters from "./UserGetters.js"
