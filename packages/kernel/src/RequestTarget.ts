/**
 * What a server reads from a request's target (the URL as received: path and query string) before routing it:
 * the path, the query string, and the path as a WHATWG URL parser resolves it.
 *
 * @since 0.2.0
 */

/**
 * The query string of a request target, without its `?`.
 *
 * @since 0.2.0
 * @category parsing
 */
export const searchOf = (url: string): string => {
  const at = url.indexOf("?")
  return at < 0 ? "" : url.slice(at + 1)
}

/**
 * The path of a request target, without its query string.
 *
 * @since 0.2.0
 * @category parsing
 */
export const pathOf = (url: string): string => {
  const at = url.indexOf("?")
  return at < 0 ? url : url.slice(0, at)
}

/** A `.` or `..` segment (WHATWG URL parsers read `%2e` as a dot) or a backslash (read as a slash). */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)|\\/i

/**
 * The target with its path as a WHATWG URL parser reads it (dot segments resolved, backslashes read as slashes),
 * which is what every fetch-based client sends; `undefined` when the path has nothing to resolve. A server
 * routes the resolved target, so that a raw client and a fetch-based one reach the same route.
 *
 * @since 0.2.0
 * @category parsing
 */
export const resolved = (url: string): string | undefined => {
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

/**
 * How Clerk matches paths: case-sensitive, a trailing slash makes another path, and path parameters (ids) can
 * be long. The fields are those of `find-my-way`-style routers.
 *
 * @since 0.2.0
 * @category constants
 */
export const routing = { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 8192 } as const

/**
 * The path of the health check, answered to `GET` and `HEAD` without authentication.
 *
 * @since 0.2.0
 * @category constants
 */
export const HEALTH_PATH = "/healthz"

/**
 * The body of the health check's 200 answer.
 *
 * @since 0.2.0
 * @category constants
 */
export const HEALTH_BODY = "{\"status\":\"ok\"}"

/**
 * Whether a request is the health check (`GET` or `HEAD` of `/healthz`).
 *
 * @since 0.2.0
 * @category predicates
 */
export const isHealthCheck = (method: string, path: string): boolean =>
  path === HEALTH_PATH && (method === "GET" || method === "HEAD")
