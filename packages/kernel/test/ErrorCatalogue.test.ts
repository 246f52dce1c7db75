import { describe, expect, it } from "@effect/vitest"
import * as ErrorCatalogue from "../src/ErrorCatalogue.js"

const one = (status: number, code: string, message: string, longMessage: string, param?: string) => ({
  status,
  errors: [{ code, message, longMessage, meta: param === undefined ? {} : { param_name: param } }]
})

describe("ErrorCatalogue", () => {
  it.each<[string, ErrorCatalogue.Failure, ReturnType<typeof one>]>([
    [
      "notFound user",
      ErrorCatalogue.notFound("user", "user_1"),
      one(404, "resource_not_found", "not found", "No user was found with id user_1")
    ],
    [
      "notFound web3_wallet",
      ErrorCatalogue.notFound("web3_wallet", "w_1"),
      one(404, "resource_not_found", "not found", "No web3 wallet was found with id w_1")
    ],
    [
      "notFound subscription",
      ErrorCatalogue.notFound("subscription", "user_1"),
      one(404, "resource_not_found", "not found", "No billing subscription was found for user user_1")
    ],
    [
      "identifierExists",
      ErrorCatalogue.identifierExists("email_address"),
      one(
        422,
        "form_identifier_exists",
        "That email address is taken. Please try another.",
        "That email address is taken. Please try another.",
        "email_address"
      )
    ],
    [
      "identifierExists unlabelled",
      ErrorCatalogue.identifierExists("nick"),
      one(
        422,
        "form_identifier_exists",
        "That nick is taken. Please try another.",
        "That nick is taken. Please try another.",
        "nick"
      )
    ],
    [
      "formatInvalid",
      ErrorCatalogue.formatInvalid("email_address", "must be an email"),
      one(422, "form_param_format_invalid", "is invalid", "email_address must be an email", "email_address")
    ],
    [
      "valueInvalid",
      ErrorCatalogue.valueInvalid("limit", "too big"),
      one(422, "form_param_value_invalid", "is invalid", "limit too big", "limit")
    ],
    [
      "exceedsSize",
      ErrorCatalogue.exceedsSize("public_metadata", 8192),
      one(
        422,
        "form_param_exceeds_allowed_size",
        "exceeds allowed size",
        "public_metadata exceeds the maximum allowed size of 8192 bytes.",
        "public_metadata"
      )
    ],
    [
      "passwordTooShort",
      ErrorCatalogue.passwordTooShort(),
      one(
        422,
        "form_password_length_too_short",
        "Passwords must be 8 characters or more.",
        "Passwords must be 8 characters or more.",
        "password"
      )
    ],
    [
      "passwordPwned",
      ErrorCatalogue.passwordPwned(),
      one(
        422,
        "form_password_pwned",
        "Password has been found in an online data breach.",
        "Password has been found in an online data breach. For account safety, please use a different password.",
        "password"
      )
    ],
    [
      "noPasswordSet",
      ErrorCatalogue.noPasswordSet(),
      one(400, "no_password_set", "no password set", "This user does not have a password set.")
    ],
    [
      "incorrectPassword",
      ErrorCatalogue.incorrectPassword(),
      one(
        422,
        "incorrect_password",
        "Password is incorrect. Try again, or use another method.",
        "Password is incorrect. Try again, or use another method.",
        "password"
      )
    ],
    [
      "totpDisabled",
      ErrorCatalogue.totpDisabled(),
      one(400, "totp_disabled", "TOTP is disabled", "This user does not have TOTP or backup codes enabled.")
    ],
    [
      "totpIncorrect",
      ErrorCatalogue.totpIncorrect(),
      one(422, "totp_incorrect_code", "Incorrect code", "The provided code is incorrect.", "code")
    ],
    [
      "totpInvalidLength",
      ErrorCatalogue.totpInvalidLength(),
      one(422, "totp_invalid_length", "Invalid length", "The code must be 6 digits, or a backup code.", "code")
    ],
    [
      "authenticationInvalid",
      ErrorCatalogue.authenticationInvalid(),
      one(
        401,
        "authentication_invalid",
        "Invalid authentication",
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."
      )
    ],
    [
      "routeNotFound",
      ErrorCatalogue.routeNotFound("GET", "/v1/nope"),
      one(404, "resource_not_found", "not found", "No route matches GET /v1/nope")
    ],
    [
      "requestBodyInvalid",
      ErrorCatalogue.requestBodyInvalid("not JSON"),
      one(400, "request_body_invalid", "Request body invalid", "The request body is invalid: not JSON")
    ],
    [
      "bodyTooLarge",
      ErrorCatalogue.bodyTooLarge(1024),
      one(
        413,
        "request_body_too_large",
        "Request body too large",
        "The request body is larger than the 1024-byte limit of this endpoint."
      )
    ],
    [
      "rateLimited",
      ErrorCatalogue.rateLimited(7),
      one(
        429,
        "too_many_requests",
        "Too many requests",
        "Too many requests, please try again in 7 seconds. See Clerk's rate limits."
      )
    ],
    [
      "injected 429",
      ErrorCatalogue.injected(429),
      one(429, "too_many_requests", "Too many requests", "Fault injected by the test kit (status 429)")
    ],
    [
      "injected 503",
      ErrorCatalogue.injected(503),
      one(503, "internal_clerk_error", "Injected fault", "Fault injected by the test kit (status 503)")
    ],
    [
      "injected 418 with code",
      ErrorCatalogue.injected(418, "teapot", "short and stout"),
      one(418, "teapot", "short and stout", "short and stout")
    ]
  ])("%s", (_, actual, expected) => {
    expect(actual).toEqual(expected)
  })

  it("has a constructor test above for every entry of the catalogue", () => {
    expect(Object.keys(ErrorCatalogue.catalogue).sort()).toEqual([
      "authenticationInvalid",
      "bodyTooLarge",
      "exceedsSize",
      "formatInvalid",
      "identifierExists",
      "incorrectPassword",
      "noPasswordSet",
      "notFound",
      "passwordPwned",
      "passwordTooShort",
      "rateLimited",
      "requestBodyInvalid",
      "routeNotFound",
      "totpDisabled",
      "totpIncorrect",
      "totpInvalidLength",
      "valueInvalid"
    ])
  })

  it("refuse builds any entry by name", () => {
    expect(ErrorCatalogue.refuse("valueInvalid", "order_by", "is not a field")).toEqual(
      ErrorCatalogue.valueInvalid("order_by", "is not a field")
    )
  })

  it("isIdentifierTaken finds the identifier-taken refusal of one parameter only", () => {
    expect(ErrorCatalogue.isIdentifierTaken(ErrorCatalogue.identifierExists("external_id").errors, "external_id"))
      .toBe(true)
    expect(ErrorCatalogue.isIdentifierTaken(ErrorCatalogue.identifierExists("username").errors, "external_id"))
      .toBe(false)
    expect(ErrorCatalogue.isIdentifierTaken(ErrorCatalogue.formatInvalid("external_id", "x").errors, "external_id"))
      .toBe(false)
    expect(ErrorCatalogue.isIdentifierTaken([{ code: "form_identifier_exists" }], "external_id")).toBe(false)
  })
})
