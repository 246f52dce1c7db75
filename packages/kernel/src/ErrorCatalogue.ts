/**
 * Clerk's error bodies, written once: each refusal Clerk makes (its status, `code`, message and long message,
 * `meta.param_name`) is one entry of `catalogue`, and a constructor builds the answer from it. They cover the
 * store's rules (not found, identifiers, parameters, passwords, TOTP) and what a server answers before or
 * around the store (authentication, unknown routes, unreadable or too large bodies, injected faults).
 *
 * @since 0.2.0
 */
import type { ClerkApiError } from "./Model.js"

/**
 * One entry of an `errors` array, as a client decodes it (`long_message` read as `longMessage`): the Model's
 * `ClerkApiError`.
 *
 * @since 0.2.0
 * @category models
 */
export type ApiError = ClerkApiError

/**
 * A refusal: the HTTP status Clerk answers with and its `errors` array.
 *
 * @since 0.2.0
 * @category models
 */
export interface Failure {
  readonly status: number
  readonly errors: ReadonlyArray<ApiError>
}

/**
 * One refusal Clerk makes: fixed status and code, its messages and parameter name from the refusal's arguments.
 *
 * @since 0.2.0
 * @category models
 */
export interface Entry<Args extends ReadonlyArray<unknown>> {
  readonly status: number
  readonly code: string
  readonly message: (...args: Args) => string
  readonly longMessage: (...args: Args) => string
  /** `meta.param_name`; absent when the refusal names no parameter (`meta` is then `{}`). */
  readonly paramName?: (...args: Args) => string
}

/**
 * The resources a `resource_not_found` names.
 *
 * @since 0.2.0
 * @category models
 */
export type ResourceKind =
  | "user"
  | "passkey"
  | "web3_wallet"
  | "external_account"
  | "trusted_device"
  | "subscription"

const resourceLabel: { readonly [K in ResourceKind]: string } = {
  user: "user",
  passkey: "passkey",
  web3_wallet: "web3 wallet",
  external_account: "external account",
  trusted_device: "trusted device",
  subscription: "billing subscription"
}

const identifierLabel: { readonly [param: string]: string } = {
  email_address: "email address",
  phone_number: "phone number",
  username: "username",
  external_id: "external ID",
  web3_wallet: "web3 wallet"
}

const taken = (param: string) => `That ${identifierLabel[param] ?? param} is taken. Please try another.`
const constant = (text: string) => () => text

/**
 * Every refusal with a fixed status and code (an injected fault's status and code are the caller's: `injected`).
 *
 * @since 0.2.0
 * @category catalogue
 */
export const catalogue = {
  notFound: {
    status: 404,
    code: "resource_not_found",
    message: constant("not found"),
    longMessage: (kind: ResourceKind, id: string) =>
      kind === "subscription"
        ? `No billing subscription was found for user ${id}`
        : `No ${resourceLabel[kind]} was found with id ${id}`
  },
  identifierExists: {
    status: 422,
    code: "form_identifier_exists",
    message: taken,
    longMessage: taken,
    paramName: (param: string) => param
  },
  formatInvalid: {
    status: 422,
    code: "form_param_format_invalid",
    message: constant("is invalid"),
    longMessage: (param: string, detail: string) => `${param} ${detail}`,
    paramName: (param: string) => param
  },
  valueInvalid: {
    status: 422,
    code: "form_param_value_invalid",
    message: constant("is invalid"),
    longMessage: (param: string, detail: string) => `${param} ${detail}`,
    paramName: (param: string) => param
  },
  exceedsSize: {
    status: 422,
    code: "form_param_exceeds_allowed_size",
    message: constant("exceeds allowed size"),
    longMessage: (param: string, limit: number) => `${param} exceeds the maximum allowed size of ${limit} bytes.`,
    paramName: (param: string) => param
  },
  passwordTooShort: {
    status: 422,
    code: "form_password_length_too_short",
    message: constant("Passwords must be 8 characters or more."),
    longMessage: constant("Passwords must be 8 characters or more."),
    paramName: constant("password")
  },
  passwordPwned: {
    status: 422,
    code: "form_password_pwned",
    message: constant("Password has been found in an online data breach."),
    longMessage: constant(
      "Password has been found in an online data breach. For account safety, please use a different password."
    ),
    paramName: constant("password")
  },
  noPasswordSet: {
    status: 400,
    code: "no_password_set",
    message: constant("no password set"),
    longMessage: constant("This user does not have a password set.")
  },
  incorrectPassword: {
    status: 422,
    code: "incorrect_password",
    message: constant("Password is incorrect. Try again, or use another method."),
    longMessage: constant("Password is incorrect. Try again, or use another method."),
    paramName: constant("password")
  },
  totpDisabled: {
    status: 400,
    code: "totp_disabled",
    message: constant("TOTP is disabled"),
    longMessage: constant("This user does not have TOTP or backup codes enabled.")
  },
  totpIncorrect: {
    status: 422,
    code: "totp_incorrect_code",
    message: constant("Incorrect code"),
    longMessage: constant("The provided code is incorrect."),
    paramName: constant("code")
  },
  totpInvalidLength: {
    status: 422,
    code: "totp_invalid_length",
    message: constant("Invalid length"),
    longMessage: constant("The code must be 6 digits, or a backup code."),
    paramName: constant("code")
  },
  authenticationInvalid: {
    status: 401,
    code: "authentication_invalid",
    message: constant("Invalid authentication"),
    longMessage: constant(
      "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."
    )
  },
  routeNotFound: {
    status: 404,
    code: "resource_not_found",
    message: constant("not found"),
    longMessage: (method: string, path: string) => `No route matches ${method} ${path}`
  },
  requestBodyInvalid: {
    status: 400,
    code: "request_body_invalid",
    message: constant("Request body invalid"),
    longMessage: (detail: string) => `The request body is invalid: ${detail}`
  },
  bodyTooLarge: {
    status: 413,
    code: "request_body_too_large",
    message: constant("Request body too large"),
    longMessage: (limit: number) => `The request body is larger than the ${limit}-byte limit of this endpoint.`
  },
  rateLimited: {
    status: 429,
    code: "too_many_requests",
    message: constant("Too many requests"),
    longMessage: (retryAfterSeconds: number) =>
      `Too many requests, please try again in ${retryAfterSeconds} seconds. See Clerk's rate limits.`
  }
} as const

/**
 * The name of a refusal of the catalogue.
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = keyof typeof catalogue

/**
 * The arguments a refusal of the catalogue takes.
 *
 * @since 0.2.0
 * @category models
 */
export type ArgsOf<K extends Kind> = Parameters<(typeof catalogue)[K]["longMessage"]>

/**
 * Builds the answer of one refusal of the catalogue.
 *
 * @since 0.2.0
 * @category constructors
 */
export const refuse = <K extends Kind>(kind: K, ...args: ArgsOf<K>): Failure => {
  // Every entry's three functions take the same arguments (ArgsOf reads them from `longMessage`).
  const entry = catalogue[kind] as Entry<ArgsOf<K>>
  return {
    status: entry.status,
    errors: [{
      code: entry.code,
      message: entry.message(...args),
      longMessage: entry.longMessage(...args),
      meta: entry.paramName === undefined ? {} : { param_name: entry.paramName(...args) }
    }]
  }
}

/**
 * `404 resource_not_found`: no `kind` with this id (for a subscription, none for this user id).
 *
 * @since 0.2.0
 * @category constructors
 */
export const notFound = (kind: ResourceKind, id: string): Failure => refuse("notFound", kind, id)

/**
 * `422 form_identifier_exists`: another user has this identifier (`param` is its wire name).
 *
 * @since 0.2.0
 * @category constructors
 */
export const identifierExists = (param: string): Failure => refuse("identifierExists", param)

/**
 * `422 form_param_format_invalid`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const formatInvalid = (param: string, detail: string): Failure => refuse("formatInvalid", param, detail)

/**
 * `422 form_param_value_invalid`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const valueInvalid = (param: string, detail: string): Failure => refuse("valueInvalid", param, detail)

/**
 * `422 form_param_exceeds_allowed_size`: `param` is larger than `limit` bytes.
 *
 * @since 0.2.0
 * @category constructors
 */
export const exceedsSize = (param: string, limit: number): Failure => refuse("exceedsSize", param, limit)

/**
 * `422 form_password_length_too_short`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const passwordTooShort = (): Failure => refuse("passwordTooShort")

/**
 * `422 form_password_pwned`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const passwordPwned = (): Failure => refuse("passwordPwned")

/**
 * `400 no_password_set`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const noPasswordSet = (): Failure => refuse("noPasswordSet")

/**
 * `422 incorrect_password`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const incorrectPassword = (): Failure => refuse("incorrectPassword")

/**
 * `400 totp_disabled`: the user has neither TOTP nor backup codes.
 *
 * @since 0.2.0
 * @category constructors
 */
export const totpDisabled = (): Failure => refuse("totpDisabled")

/**
 * `422 totp_incorrect_code`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const totpIncorrect = (): Failure => refuse("totpIncorrect")

/**
 * `422 totp_invalid_length`: neither 6 digits nor a backup code.
 *
 * @since 0.2.0
 * @category constructors
 */
export const totpInvalidLength = (): Failure => refuse("totpInvalidLength")

/**
 * `401 authentication_invalid`: a missing or wrong secret key.
 *
 * @since 0.2.0
 * @category constructors
 */
export const authenticationInvalid = (): Failure => refuse("authenticationInvalid")

/**
 * `404 resource_not_found` for a route no operation serves.
 *
 * @since 0.2.0
 * @category constructors
 */
export const routeNotFound = (method: string, path: string): Failure => refuse("routeNotFound", method, path)

/**
 * `400 request_body_invalid`: a body that is not the JSON or form the operation reads.
 *
 * @since 0.2.0
 * @category constructors
 */
export const requestBodyInvalid = (detail: string): Failure => refuse("requestBodyInvalid", detail)

/**
 * `413 request_body_too_large`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const bodyTooLarge = (limit: number): Failure => refuse("bodyTooLarge", limit)

/**
 * `429 too_many_requests`: a rate limit's budget is spent (`RateLimits`); the request may be sent again after
 * `retryAfterSeconds`, the value of the answer's `Retry-After` header.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { ErrorCatalogue } from "@effect-clerk/kernel"
 *
 * console.log(ErrorCatalogue.rateLimited(7).errors[0]?.code) // "too_many_requests"
 * ```
 */
export const rateLimited = (retryAfterSeconds: number): Failure => refuse("rateLimited", retryAfterSeconds)

/**
 * An injected fault's answer: its status, with the code and message given or Clerk's usual ones for the status
 * (`too_many_requests` for 429, `internal_clerk_error` for 5xx).
 *
 * @since 0.2.0
 * @category constructors
 */
export const injected = (status: number, code?: string, message?: string): Failure => ({
  status,
  errors: [{
    code: code ?? (status === 429 ? "too_many_requests" : status >= 500 ? "internal_clerk_error" : "injected_fault"),
    message: message ?? (status === 429 ? "Too many requests" : "Injected fault"),
    longMessage: message ?? `Fault injected by the test kit (status ${status})`,
    meta: {}
  }]
})

/**
 * Whether an `errors` array holds the `form_identifier_exists` refusal for the parameter `param` (its wire
 * name): another user already has this identifier.
 *
 * @since 0.2.0
 * @category guards
 */
export const isIdentifierTaken = (
  errors: ReadonlyArray<{ readonly code: string; readonly meta?: { readonly [key: string]: unknown } | undefined }>,
  param: string
): boolean => errors.some((e) => e.code === catalogue.identifierExists.code && e.meta?.["param_name"] === param)
