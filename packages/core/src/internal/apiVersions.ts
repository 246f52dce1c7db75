/**
 * The Clerk API versions this library knows, oldest first.
 *
 * @internal
 */
export const apiVersions = ["2021-02-05", "2024-10-01", "2025-11-10", "2026-05-12"] as const
