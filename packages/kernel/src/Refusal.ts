/**
 * Why a server answers a request with an error before (or instead of) running its operation, as plain tagged
 * values, and the error each one is answered with (the `ErrorCatalogue`'s entry where it has one).
 *
 * @since 0.2.0
 */
import * as ErrorCatalogue from "./ErrorCatalogue.js"

/**
 * `Authorization` is not `Bearer <key>` with an accepted key: 401 `authentication_invalid`.
 *
 * @since 0.2.0
 * @category models
 */
export interface AuthenticationInvalid {
  readonly _tag: "AuthenticationInvalid"
}

/**
 * The API version is given both as the `Clerk-API-Version` header and as the `__clerk_api_version` query
 * parameter: 400 `api_version_invalid`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ApiVersionGivenTwice {
  readonly _tag: "ApiVersionGivenTwice"
}

/**
 * The API version asked for is not one of `versions`: 400 `api_version_invalid`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ApiVersionInvalid {
  readonly _tag: "ApiVersionInvalid"
  readonly version: string
  readonly versions: ReadonlyArray<string>
}

/**
 * No route matches the method and path: 404 `resource_not_found`.
 *
 * @since 0.2.0
 * @category models
 */
export interface RouteNotFound {
  readonly _tag: "RouteNotFound"
  readonly method: string
  readonly path: string
}

/**
 * The body cannot be read, parsed or is of the wrong kind: 400 `request_body_invalid`.
 *
 * @since 0.2.0
 * @category models
 */
export interface BodyInvalid {
  readonly _tag: "BodyInvalid"
  readonly detail: string
}

/**
 * The body (or its file) is larger than `limit` bytes: 413 `request_body_too_large`.
 *
 * @since 0.2.0
 * @category models
 */
export interface BodyTooLarge {
  readonly _tag: "BodyTooLarge"
  readonly limit: number
}

/**
 * How a parameter is refused: unknown, missing, of the wrong type, or of a refused value.
 *
 * @since 0.2.0
 * @category models
 */
export type ParamIssueKind = "Unexpected" | "Missing" | "Type" | "Value"

/**
 * A parameter Clerk refuses, named as it is on the wire: 422 where the operation documents 422, else 400.
 *
 * @since 0.2.0
 * @category models
 */
export interface ParamInvalid {
  readonly _tag: "ParamInvalid"
  readonly kind: ParamIssueKind
  readonly param: string
  readonly message: string
  readonly status: 400 | 422
}

/**
 * Every refusal.
 *
 * @since 0.2.0
 * @category models
 */
export type Refusal =
  | AuthenticationInvalid
  | ApiVersionGivenTwice
  | ApiVersionInvalid
  | RouteNotFound
  | BodyInvalid
  | BodyTooLarge
  | ParamInvalid

/**
 * @since 0.2.0
 * @category constructors
 */
export const authenticationInvalid: AuthenticationInvalid = { _tag: "AuthenticationInvalid" }

/**
 * @since 0.2.0
 * @category constructors
 */
export const apiVersionGivenTwice: ApiVersionGivenTwice = { _tag: "ApiVersionGivenTwice" }

/**
 * @since 0.2.0
 * @category constructors
 */
export const apiVersionInvalid = (version: string, versions: ReadonlyArray<string>): ApiVersionInvalid => ({
  _tag: "ApiVersionInvalid",
  version,
  versions
})

/**
 * @since 0.2.0
 * @category constructors
 */
export const routeNotFound = (method: string, path: string): RouteNotFound => ({ _tag: "RouteNotFound", method, path })

/**
 * @since 0.2.0
 * @category constructors
 */
export const bodyInvalid = (detail: string): BodyInvalid => ({ _tag: "BodyInvalid", detail })

/**
 * @since 0.2.0
 * @category constructors
 */
export const bodyTooLarge = (limit: number): BodyTooLarge => ({ _tag: "BodyTooLarge", limit })

/**
 * A refused parameter of an operation whose documented statuses are `statuses`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const paramInvalid = (
  issue: { readonly kind: ParamIssueKind; readonly param: string; readonly message: string },
  statuses: ReadonlyArray<number>
): ParamInvalid => ({
  _tag: "ParamInvalid",
  kind: issue.kind,
  param: issue.param,
  message: issue.message,
  status: statuses.includes(422) ? 422 : 400
})

const paramCodes = {
  Unexpected: ["form_param_unknown", "is unknown"],
  Missing: ["form_param_missing", "is missing"],
  Type: ["form_param_format_invalid", "is invalid"],
  Value: ["form_param_value_invalid", "is invalid"]
} as const

const one = (status: number, code: string, message: string, longMessage: string): ErrorCatalogue.Failure => ({
  status,
  errors: [{ code, message, longMessage, meta: {} }]
})

/**
 * The error a refusal is answered with.
 *
 * @since 0.2.0
 * @category encoding
 */
export const failureOf = (refusal: Refusal): ErrorCatalogue.Failure => {
  switch (refusal._tag) {
    case "AuthenticationInvalid":
      return ErrorCatalogue.authenticationInvalid()
    case "ApiVersionGivenTwice":
      return one(
        400,
        "api_version_invalid",
        "Invalid API version",
        "The API version is given both as the Clerk-API-Version header and as the __clerk_api_version " +
          "query parameter: give it one way only."
      )
    case "ApiVersionInvalid":
      return one(
        400,
        "api_version_invalid",
        "Invalid API version",
        `${JSON.stringify(refusal.version.slice(0, 64))} is not a Clerk API version. Supported versions: ${
          refusal.versions.join(", ")
        }.`
      )
    case "RouteNotFound":
      return ErrorCatalogue.routeNotFound(refusal.method, refusal.path)
    case "BodyInvalid":
      return ErrorCatalogue.requestBodyInvalid(refusal.detail)
    case "BodyTooLarge":
      return ErrorCatalogue.bodyTooLarge(refusal.limit)
    case "ParamInvalid": {
      const [code, message] = paramCodes[refusal.kind]
      return {
        status: refusal.status,
        errors: [{
          code,
          message,
          longMessage: `${refusal.param}: ${refusal.message}`,
          meta: { param_name: refusal.param }
        }]
      }
    }
  }
}
