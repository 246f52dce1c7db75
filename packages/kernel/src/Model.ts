/**
 * Clerk's Users models and parameters as plain interfaces, camelCase as every line decodes them (the wire is
 * snake_case), timestamps in epoch milliseconds: the user and everything nested in it, organizations, billing,
 * the small answers, and the parameters and bodies of the operations.
 *
 * @since 0.2.0
 * @example
 * ```ts
 * import type { User } from "@effect-clerk/kernel/Model"
 *
 * const displayName = (user: User): string => [user.firstName, user.lastName].filter(Boolean).join(" ") || user.id
 * ```
 */
export type * from "./internal/model/billing.js"
export type * from "./internal/model/common.js"
export type * from "./internal/model/organization.js"
export type * from "./internal/model/params.js"
export type * from "./internal/model/responses.js"
export type * from "./internal/model/user.js"
