/**
 * Every error class comes from the one base: a `Schema.TaggedError` carrying `ClerkErrorTypeId`, and for the
 * errors built from a response, the `message` said from their fields.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as ClerkError from "../src/ClerkError.js"

const responseClasses = [
  ...Object.values(ClerkError.statusErrorClasses),
  ClerkError.RateLimited,
  ClerkError.ServerError,
  ClerkError.UnexpectedStatus
]

describe("ClerkError", () => {
  it("every error of a response carries the type id, its tag, and a message from its fields", () => {
    expect(responseClasses).toHaveLength(10)
    for (const ErrorClass of responseClasses) {
      const error = new ErrorClass({
        operation: "Users.get",
        status: 404,
        errors: [{ code: "resource_not_found", message: "not found", longMessage: "No user user_1" }],
        clerkTraceId: "trace_1"
      })
      expect(ClerkError.isClerkError(error), ErrorClass._tag).toBe(true)
      expect(error[ClerkError.ClerkErrorTypeId]).toBe(ClerkError.ClerkErrorTypeId)
      expect(error._tag).toBe(ErrorClass._tag)
      expect(error.message, ErrorClass._tag).toBe(
        "Users.get failed with status 404, resource_not_found: No user user_1 [trace trace_1]"
      )
      expect(error).toBeInstanceOf(ErrorClass)
    }
    const limited = new ClerkError.RateLimited({
      operation: "Users.list",
      status: 429,
      errors: [],
      retryAfter: Duration.seconds(3)
    })
    expect(limited.message).toBe("Users.list failed with status 429, no error details, retry after 3s")
  })

  it("the errors raised outside a response keep the message they are given", () => {
    const errors = [
      new ClerkError.TransportError({ operation: "Users.get", reason: "Timeout", message: "no answer" }),
      new ClerkError.DecodeError({ operation: "Users.get", status: 200, reason: "Json", message: "no answer" }),
      new ClerkError.InvalidRequest({ operation: "Users.get", field: "userId", message: "no answer" })
    ]
    for (const error of errors) {
      expect(ClerkError.isClerkError(error), error._tag).toBe(true)
      expect(error.message).toBe("no answer")
    }
    expect(ClerkError.commonErrorClasses.map((ErrorClass) => ErrorClass.identifier)).toEqual(
      ["RateLimited", "ServerError", "UnexpectedStatus", "TransportError", "DecodeError", "InvalidRequest"].map((tag) =>
        `@effect-clerk/core/${tag}`
      )
    )
  })

  it("an application's own error with the same tag is not one of these", () => {
    class Conflict extends Data.TaggedError("Conflict")<{ readonly status: number }> {}
    expect(ClerkError.isClerkError(new Conflict({ status: 409 }))).toBe(false)
    expect(ClerkError.isClerkError({ _tag: "ResourceNotFound" })).toBe(false)
  })
})
