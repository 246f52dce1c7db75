/**
 * The Clerk API versions this library knows, oldest first.
 *
 * @internal
 */
export const apiVersions = ["2021-02-05", "2024-10-01", "2025-11-10", "2026-05-12"] as const

/**
 * The first API version in which `PATCH /users/{id}` no longer accepts metadata.
 *
 * @internal
 */
export const metadataInUpdateRemovedIn = "2026-05-12"

const isDateVersion = (version: string) => /^\d{4}-\d{2}-\d{2}$/.test(version)

/**
 * Whether an API version is `since` or later (versions that are not dates are older than every rule).
 *
 * @internal
 */
export const versionAtLeast = (version: string, since: string): boolean => isDateVersion(version) && version >= since
