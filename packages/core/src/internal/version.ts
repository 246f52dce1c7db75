/**
 * The package version, sent in the `User-Agent` header. A test keeps it equal to `package.json`'s.
 *
 * @internal
 */
export const version = "0.2.0"
