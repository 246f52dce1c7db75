/**
 * The Clerk API versions this library knows, oldest first: every version Clerk has published, the one list the
 * client's configuration, the in-memory layer and the emulator accept (`packages/testkit/test/apiVersions.test.ts`
 * holds the published list with its sources, and fails when a version is missing here).
 *
 * - `2021-02-05`, `2024-10-01`, `2025-04-10`, `2025-11-10`, `2026-05-12`: Clerk's "API versions" documentation
 *   and the `bapi/` specs of Clerk's `openapi-specs` repository.
 * - `2025-03-12`: a `bapi/` spec of `openapi-specs` (not in the documentation's list). Its file was first
 *   named `2025-12-03.yml`, a day-month swap renamed within days: `2025-12-03` is not a version.
 *
 * What `@clerk/backend` sends as `Clerk-API-Version`: 1.0–1.15 none, 1.18 `2021-02-05`, 1.21–1.27
 * `2024-10-01`, 1.28–1.34 and 2.0–2.20 `2025-04-10`, 2.21 and later `2025-11-10`, 3.x `2026-05-12` (3.25).
 *
 * A version's rules are those of its date: `versionAtLeast(version, since)` compares dates, so a version
 * between two that change something has the rules of the older one.
 *
 * @since 0.2.0
 */

/**
 * The published API versions, oldest first.
 *
 * @since 0.2.0
 * @category constants
 */
export const apiVersions = ["2021-02-05", "2024-10-01", "2025-03-12", "2025-04-10", "2025-11-10", "2026-05-12"] as const

/**
 * A published API version.
 *
 * @since 0.2.0
 * @category models
 */
export type ApiVersion = (typeof apiVersions)[number]

/**
 * Whether a string is a published API version.
 *
 * @since 0.2.0
 * @category guards
 */
export const isApiVersion = (version: string): version is ApiVersion =>
  (apiVersions as ReadonlyArray<string>).includes(version)

/**
 * The first API version in which `PATCH /users/{user_id}` no longer accepts metadata.
 *
 * @since 0.2.0
 * @category constants
 */
export const metadataInUpdateRemovedIn = "2026-05-12"

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Whether an API version is `since` or later, by date (a version that is not a date is older than every rule).
 *
 * @since 0.2.0
 * @category predicates
 */
export const versionAtLeast = (version: string, since: string): boolean => DATE.test(version) && version >= since
