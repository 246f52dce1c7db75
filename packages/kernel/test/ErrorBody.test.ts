/**
 * Clerk's error bodies and the refusals they answer, as the kernel's plain functions.
 */
import { describe, expect, it } from "@effect/vitest"
import * as ErrorBody from "../src/ErrorBody.js"
import * as Refusal from "../src/Refusal.js"

describe("ErrorBody", () => {
  it("encodes Clerk's wire body: snake_case long_message, absent fields left out, meta and the trace id", () => {
    const text = ErrorBody.encode({
      status: 400,
      errors: [{ code: "a", message: "b", longMessage: "c", meta: { param_name: "x" } }, { code: "d", message: "e" }]
    }, "trace_1")
    expect(text).toBe(
      "{\"errors\":[{\"code\":\"a\",\"message\":\"b\",\"long_message\":\"c\",\"meta\":{\"param_name\":\"x\"}}," +
        "{\"code\":\"d\",\"message\":\"e\"}],\"meta\":{},\"clerk_trace_id\":\"trace_1\"}"
    )
  })

  it("closes the connection after a 413 only, and rounds Retry-After up", () => {
    expect(ErrorBody.headers({ status: 413, errors: [] }, { a: "1" })).toEqual({ a: "1", connection: "close" })
    expect(ErrorBody.headers({ status: 400, errors: [] }, { a: "1" })).toEqual({ a: "1" })
    expect(ErrorBody.retryAfter(1.2)).toBe("2")
    expect(ErrorBody.retryAfter(3)).toBe("3")
    expect(ErrorBody.JSON_CONTENT_TYPE).toBe("application/json")
  })
})

describe("Refusal.failureOf", () => {
  const first = (refusal: Refusal.Refusal) => {
    const failure = Refusal.failureOf(refusal)
    return { status: failure.status, ...failure.errors[0] }
  }

  it("gives each refusal Clerk's status and code", () => {
    expect(first(Refusal.authenticationInvalid)).toMatchObject({ status: 401, code: "authentication_invalid" })
    expect(first(Refusal.apiVersionGivenTwice)).toMatchObject({ status: 400, code: "api_version_invalid" })
    expect(first(Refusal.routeNotFound("GET", "/v1/nope"))).toMatchObject({
      status: 404,
      code: "resource_not_found",
      longMessage: "No route matches GET /v1/nope"
    })
    expect(first(Refusal.bodyInvalid("bad"))).toMatchObject({
      status: 400,
      code: "request_body_invalid",
      longMessage: "The request body is invalid: bad"
    })
    expect(first(Refusal.bodyTooLarge(10))).toMatchObject({ status: 413, code: "request_body_too_large" })
  })

  it("names an unknown version (cut to 64 characters) and the supported ones", () => {
    expect(first(Refusal.apiVersionInvalid("x".repeat(100), ["2025-04-10", "2025-11-10"])).longMessage).toBe(
      `"${"x".repeat(64)}" is not a Clerk API version. Supported versions: 2025-04-10, 2025-11-10.`
    )
  })

  it("a refused parameter is 422 where the operation documents 422, else 400, naming it in meta", () => {
    const issue = { kind: "Missing", param: "user_ids", message: "required" } as const
    expect(first(Refusal.paramInvalid(issue, [400, 404, 422]))).toEqual({
      status: 422,
      code: "form_param_missing",
      message: "is missing",
      longMessage: "user_ids: required",
      meta: { param_name: "user_ids" }
    })
    expect(first(Refusal.paramInvalid({ ...issue, kind: "Unexpected" }, [400]))).toMatchObject({
      status: 400,
      code: "form_param_unknown"
    })
    expect(first(Refusal.paramInvalid({ ...issue, kind: "Type" }, [422])).code).toBe("form_param_format_invalid")
    expect(first(Refusal.paramInvalid({ ...issue, kind: "Value" }, [422])).code).toBe("form_param_value_invalid")
  })
})
