/**
 * The Clerk API versions this library knows and the date rule, from the kernel
 * (`@effect-clerk/kernel/ApiVersions`, where the list's sources are).
 *
 * @internal
 */
export { apiVersions, metadataInUpdateRemovedIn, versionAtLeast } from "@effect-clerk/kernel/ApiVersions"
