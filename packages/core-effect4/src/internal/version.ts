/**
 * The package version, sent in the `User-Agent` header.
 *
 * @internal
 */
export const version = "1.0.0"
