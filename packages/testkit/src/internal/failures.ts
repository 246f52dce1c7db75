/**
 * Clerk's error bodies (status and `errors` array): those of the store's rules (not found, identifiers,
 * parameters, passwords, TOTP), and those the emulator answers before or around the store (authentication,
 * unknown routes, unreadable or too large bodies, injected faults).
 *
 * @internal
 */
import type { ClerkApiError } from "@effect-clerk/core/ClerkError"

/**
 * A failure of a store operation: the HTTP status Clerk answers with and its `errors` array.
 *
 * @internal
 */
export interface StoreFailure {
  readonly status: number
  readonly errors: ReadonlyArray<ClerkApiError>
}

const failure = (status: number, error: ClerkApiError): StoreFailure => ({ status, errors: [error] })

const kinds: Record<string, string> = {
  user: "user",
  passkey: "passkey",
  web3_wallet: "web3 wallet",
  external_account: "external account",
  trusted_device: "trusted device",
  subscription: "billing subscription"
}

/** @internal */
export const notFound = (kind: keyof typeof kinds, id: string): StoreFailure =>
  failure(404, {
    code: "resource_not_found",
    message: "not found",
    longMessage: kind === "subscription"
      ? `No billing subscription was found for user ${id}`
      : `No ${kinds[kind]} was found with id ${id}`,
    meta: {}
  })

const identifierLabel: Record<string, string> = {
  email_address: "email address",
  phone_number: "phone number",
  username: "username",
  external_id: "external ID",
  web3_wallet: "web3 wallet"
}

/** @internal */
export const identifierExists = (param: string): StoreFailure =>
  failure(422, {
    code: "form_identifier_exists",
    message: `That ${identifierLabel[param] ?? param} is taken. Please try another.`,
    longMessage: `That ${identifierLabel[param] ?? param} is taken. Please try another.`,
    meta: { param_name: param }
  })

/** @internal */
export const formatInvalid = (param: string, detail: string): StoreFailure =>
  failure(422, {
    code: "form_param_format_invalid",
    message: "is invalid",
    longMessage: `${param} ${detail}`,
    meta: { param_name: param }
  })

/** @internal */
export const valueInvalid = (param: string, detail: string): StoreFailure =>
  failure(422, {
    code: "form_param_value_invalid",
    message: "is invalid",
    longMessage: `${param} ${detail}`,
    meta: { param_name: param }
  })

/** @internal */
export const exceedsSize = (param: string, limit: number): StoreFailure =>
  failure(422, {
    code: "form_param_exceeds_allowed_size",
    message: "exceeds allowed size",
    longMessage: `${param} exceeds the maximum allowed size of ${limit} bytes.`,
    meta: { param_name: param }
  })

/** @internal */
export const passwordTooShort = (): StoreFailure =>
  failure(422, {
    code: "form_password_length_too_short",
    message: "Passwords must be 8 characters or more.",
    longMessage: "Passwords must be 8 characters or more.",
    meta: { param_name: "password" }
  })

/** @internal */
export const passwordPwned = (): StoreFailure =>
  failure(422, {
    code: "form_password_pwned",
    message: "Password has been found in an online data breach.",
    longMessage:
      "Password has been found in an online data breach. For account safety, please use a different password.",
    meta: { param_name: "password" }
  })

/** @internal */
export const noPasswordSet = (): StoreFailure =>
  failure(400, {
    code: "no_password_set",
    message: "no password set",
    longMessage: "This user does not have a password set.",
    meta: {}
  })

/** @internal */
export const incorrectPassword = (): StoreFailure =>
  failure(422, {
    code: "incorrect_password",
    message: "Password is incorrect. Try again, or use another method.",
    longMessage: "Password is incorrect. Try again, or use another method.",
    meta: { param_name: "password" }
  })

/** @internal */
export const totpDisabled = (): StoreFailure =>
  failure(400, {
    code: "totp_disabled",
    message: "TOTP is disabled",
    longMessage: "This user does not have TOTP or backup codes enabled.",
    meta: {}
  })

/** @internal */
export const totpIncorrect = (): StoreFailure =>
  failure(422, {
    code: "totp_incorrect_code",
    message: "Incorrect code",
    longMessage: "The provided code is incorrect.",
    meta: { param_name: "code" }
  })

/** @internal */
export const totpInvalidLength = (): StoreFailure =>
  failure(422, {
    code: "totp_invalid_length",
    message: "Invalid length",
    longMessage: "The code must be 6 digits, or a backup code.",
    meta: { param_name: "code" }
  })

/** @internal */
export const authenticationInvalid = (): StoreFailure =>
  failure(401, {
    code: "authentication_invalid",
    message: "Invalid authentication",
    longMessage: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
    meta: {}
  })

/** @internal */
export const routeNotFound = (method: string, path: string): StoreFailure =>
  failure(404, {
    code: "resource_not_found",
    message: "not found",
    longMessage: `No route matches ${method} ${path}`,
    meta: {}
  })

/** @internal */
export const requestBodyInvalid = (detail: string): StoreFailure =>
  failure(400, {
    code: "request_body_invalid",
    message: "Request body invalid",
    longMessage: `The request body is invalid: ${detail}`,
    meta: {}
  })

/** @internal */
export const bodyTooLarge = (limit: number): StoreFailure =>
  failure(413, {
    code: "request_body_too_large",
    message: "Request body too large",
    longMessage: `The request body is larger than the ${limit}-byte limit of this endpoint.`,
    meta: {}
  })

/** @internal */
export const injected = (status: number, code?: string, message?: string): StoreFailure =>
  failure(status, {
    code: code ?? (status === 429 ? "too_many_requests" : status >= 500 ? "internal_clerk_error" : "injected_fault"),
    message: message ?? (status === 429 ? "Too many requests" : "Injected fault"),
    longMessage: message ?? `Fault injected by the test kit (status ${status})`,
    meta: {}
  })
