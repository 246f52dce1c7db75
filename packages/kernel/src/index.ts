/**
 * `@effect-clerk/kernel`: Clerk's Backend API Users semantics written once, in plain TypeScript that imports
 * nothing from `effect`: the operation facts, the error catalogue, the store and the shared contract scenarios.
 * Every line of the library (Effect 3 today) adapts it to its own runtime.
 *
 * @since 0.2.0
 */

/**
 * @since 0.2.0
 */
export * as Result from "./Result.js"

/**
 * @since 0.2.0
 */
export * as ApiVersionResolution from "./ApiVersionResolution.js"

/**
 * @since 0.2.0
 */
export * as Authentication from "./Authentication.js"

/**
 * @since 0.2.0
 */
export * as BodyBounds from "./BodyBounds.js"

/**
 * @since 0.2.0
 */
export * as ErrorBody from "./ErrorBody.js"

/**
 * @since 0.2.0
 */
export * as ErrorCatalogue from "./ErrorCatalogue.js"

/**
 * @since 0.2.0
 */
export * as JsonBody from "./JsonBody.js"

/**
 * @since 0.2.0
 */
export * as Refusal from "./Refusal.js"

/**
 * @since 0.2.0
 */
export * as RequestGate from "./RequestGate.js"

/**
 * @since 0.2.0
 */
export * as RequestTarget from "./RequestTarget.js"
