/**
 * The steps of the request pipeline, for `pnpm bench`, which composes the pipeline with one step replaced at a
 * time to measure what each costs. Not part of the library's interface: the package exports this module only
 * under the `effect-clerk-internal` condition (`@effect-clerk/core/internal/pipeline`), which the bench alone
 * sets, so that the bench loads it from the same build as `@effect-clerk/core` (one copy of the library).
 *
 * @internal
 */
export { ClerkConfig } from "../ClerkConfig.js"
export { inCaller } from "./attempt.js"
export type { Method, Steps } from "./methods.js"
export { makeMethods, standard } from "./methods.js"
export { none as redactNothing } from "./redact.js"
export { compileRequestEncoder } from "./request.js"
