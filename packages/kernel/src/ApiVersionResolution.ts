/**
 * Which Clerk API version a request asks for: the `Clerk-API-Version` header, else the `__clerk_api_version`
 * query parameter, else the server's default. Giving both is invalid (Clerk's versioning guide: a request
 * chooses one way), and so is a version not in the list.
 *
 * @since 0.2.0
 */
import * as Refusal from "./Refusal.js"
import * as Result from "./Result.js"

/**
 * The header naming the version (lower case, as servers expose header names).
 *
 * @since 0.2.0
 * @category constants
 */
export const HEADER = "clerk-api-version"

/**
 * The query parameter naming the version.
 *
 * @since 0.2.0
 * @category constants
 */
export const QUERY_PARAMETER = "__clerk_api_version"

/**
 * What a request says about its version: its `Clerk-API-Version` header and its query string (without `?`).
 *
 * @since 0.2.0
 * @category models
 */
export interface Asked {
  readonly header: string | undefined
  readonly search: string
}

const fromHeader = (asked: Asked): string | undefined =>
  asked.header === undefined || asked.header === "" ? undefined : asked.header

const fromQuery = (search: string): string | null =>
  search === "" ? null : new URLSearchParams(search).get(QUERY_PARAMETER)

/**
 * The version a request asks for (header, query parameter, or `defaultVersion`), without checking it.
 *
 * @since 0.2.0
 * @category parsing
 */
export const requested = (asked: Asked, defaultVersion: string): string =>
  fromHeader(asked) ?? fromQuery(asked.search) ?? defaultVersion

/**
 * Whether a request gives its version both ways.
 *
 * @since 0.2.0
 * @category predicates
 */
export const givenTwice = (asked: Asked): boolean => fromHeader(asked) !== undefined && fromQuery(asked.search) !== null

/**
 * The version of a request, one of `versions`, or the refusal.
 *
 * @since 0.2.0
 * @category checks
 */
export const resolve = (
  asked: Asked,
  defaultVersion: string,
  versions: ReadonlyArray<string>
): Result.Result<string, Refusal.ApiVersionGivenTwice | Refusal.ApiVersionInvalid> => {
  if (givenTwice(asked)) return Result.err(Refusal.apiVersionGivenTwice)
  const version = requested(asked, defaultVersion)
  return versions.includes(version) ? Result.ok(version) : Result.err(Refusal.apiVersionInvalid(version, versions))
}
