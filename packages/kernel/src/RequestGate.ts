/**
 * Clerk's checks of a request before it is routed, in Clerk's order: the target resolved as fetch clients
 * resolve it, the health check (no key needed), then authentication, then the API version. A refused request is
 * answered without reading its body, and its connection closed when it announced one (so that a client still
 * sending reads the answer).
 *
 * @since 0.2.0
 */
import * as ApiVersionResolution from "./ApiVersionResolution.js"
import * as Authentication from "./Authentication.js"
import * as BodyBounds from "./BodyBounds.js"
import type * as Refusal from "./Refusal.js"
import * as RequestTarget from "./RequestTarget.js"

/**
 * A request as received: method, target (path and query string) and headers by lower-case name.
 *
 * @since 0.2.0
 * @category models
 */
export interface Request {
  readonly method: string
  readonly url: string
  readonly headers: BodyBounds.Headers
}

/**
 * What a server accepts: its keys, the version of requests that name none, and the versions it knows.
 *
 * @since 0.2.0
 * @category models
 */
export interface Config {
  readonly keys: ReadonlySet<string>
  readonly defaultVersion: string
  readonly versions: ReadonlyArray<string>
}

/**
 * The health check: answer `{"status":"ok"}` with 200.
 *
 * @since 0.2.0
 * @category models
 */
export interface Health {
  readonly _tag: "Health"
}

/**
 * A request refused before routing; `closeConnection` when it announced a body that is left unread.
 *
 * @since 0.2.0
 * @category models
 */
export interface Refused {
  readonly _tag: "Refused"
  readonly refusal: Refusal.Refusal
  readonly closeConnection: boolean
}

/**
 * A request to route: its target (`resolved` when it differs from the one received) and its API version.
 *
 * @since 0.2.0
 * @category models
 */
export interface Admitted {
  readonly _tag: "Admitted"
  readonly url: string
  readonly resolved: boolean
  readonly apiVersion: string
}

/**
 * @since 0.2.0
 * @category models
 */
export type Admission = Health | Refused | Admitted

/**
 * A request refused (before reading its body) for `refusal`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const refused = (refusal: Refusal.Refusal, headers: BodyBounds.Headers): Refused => ({
  _tag: "Refused",
  refusal,
  closeConnection: BodyBounds.announcesBody(headers)
})

const health: Health = { _tag: "Health" }

/**
 * What to do with a request before routing it.
 *
 * @since 0.2.0
 * @category checks
 */
export const admit = (request: Request, config: Config): Admission => {
  const resolved = RequestTarget.resolved(request.url)
  const url = resolved ?? request.url
  if (RequestTarget.isHealthCheck(request.method, RequestTarget.pathOf(url))) return health
  const key = Authentication.authenticate(request.headers["authorization"], config.keys)
  if (key._tag === "Err") return refused(key.error, request.headers)
  const version = ApiVersionResolution.resolve(
    { header: request.headers[ApiVersionResolution.HEADER], search: RequestTarget.searchOf(url) },
    config.defaultVersion,
    config.versions
  )
  if (version._tag === "Err") return refused(version.error, request.headers)
  return { _tag: "Admitted", url, resolved: resolved !== undefined, apiVersion: version.value }
}
