/**
 * What the emulator reads from a request's URL before routing it: the path as a WHATWG URL parser resolves it,
 * the query string, and the API version asked for.
 *
 * @internal
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"

/**
 * The query string of a request URL, without its `?`.
 *
 * @internal
 */
export const searchOf = (url: string): string => {
  const at = url.indexOf("?")
  return at < 0 ? "" : url.slice(at + 1)
}

/**
 * The path of a request URL, without its query string.
 *
 * @internal
 */
export const pathOf = (url: string): string => {
  const at = url.indexOf("?")
  return at < 0 ? url : url.slice(0, at)
}

/** A `.` or `..` segment (WHATWG URL parsers read `%2e` as a dot) or a backslash (read as a slash). */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)|\\/i

/**
 * The request's URL with its path as a WHATWG URL parser reads it (dot segments resolved, backslashes read as
 * slashes), which is what every fetch-based client sends; `undefined` when the path has nothing to resolve.
 * Both transports route the same path that way: in process the client's `Request` has resolved it already,
 * over a socket a raw client may send it as it is.
 *
 * @internal
 */
export const resolvedUrl = (url: string): string | undefined => {
  const at = url.indexOf("?")
  const path = at < 0 ? url : url.slice(0, at)
  if (!DOT_SEGMENT.test(path)) return undefined
  try {
    const parsed = new URL(path.startsWith("/") ? `http://emulator.invalid${path}` : path)
    return parsed.pathname + (at < 0 ? "" : url.slice(at))
  } catch {
    return undefined
  }
}

const queryVersion = (request: HttpServerRequest.HttpServerRequest): string | null => {
  const search = searchOf(request.url)
  return search === "" ? null : new URLSearchParams(search).get("__clerk_api_version")
}

/**
 * The API version a request asks for: the `Clerk-API-Version` header, the `__clerk_api_version` query
 * parameter, or the default.
 *
 * @internal
 */
export const apiVersionOf = (request: HttpServerRequest.HttpServerRequest, defaultVersion: string): string => {
  const header = request.headers["clerk-api-version"]
  if (header !== undefined && header !== "") return header
  return queryVersion(request) ?? defaultVersion
}

/**
 * Whether a request gives its API version both ways, header and query parameter: Clerk's versioning guide
 * says a request must choose one, and one using both is invalid.
 *
 * @internal
 */
export const versionGivenTwice = (request: HttpServerRequest.HttpServerRequest): boolean => {
  const header = request.headers["clerk-api-version"]
  return header !== undefined && header !== "" && queryVersion(request) !== null
}
