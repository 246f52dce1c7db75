/**
 * Clerk's checks of a request before routing, as the kernel's plain functions: target resolution, health,
 * authentication, API version (resolution and its refusals), in that order.
 */
import { describe, expect, it } from "@effect/vitest"
import * as ApiVersionResolution from "../src/ApiVersionResolution.js"
import * as Authentication from "../src/Authentication.js"
import * as RequestGate from "../src/RequestGate.js"
import * as RequestTarget from "../src/RequestTarget.js"
import * as Result from "../src/Result.js"

const versions = ["2025-04-10", "2025-11-10"]
const config: RequestGate.Config = { keys: new Set(["sk_test_a", "sk_test_b"]), defaultVersion: "2025-11-10", versions }
const authorized = { authorization: "Bearer sk_test_a" }

describe("RequestTarget", () => {
  it("splits a target into its path and query string", () => {
    expect(RequestTarget.pathOf("/v1/users?limit=1&x=?")).toBe("/v1/users")
    expect(RequestTarget.searchOf("/v1/users?limit=1&x=?")).toBe("limit=1&x=?")
    expect(RequestTarget.pathOf("/v1/users")).toBe("/v1/users")
    expect(RequestTarget.searchOf("/v1/users")).toBe("")
  })

  it("resolves dot segments and backslashes as a WHATWG URL parser does, keeping the query string", () => {
    expect(RequestTarget.resolved("/v1/users/../users/count?a=%2e")).toBe("/v1/users/count?a=%2e")
    expect(RequestTarget.resolved("/v1/%2e%2E/v1/users")).toBe("/v1/users")
    expect(RequestTarget.resolved("/v1\\users")).toBe("/v1/users")
    expect(RequestTarget.resolved("/v1/users/user_1.json")).toBeUndefined()
    expect(RequestTarget.resolved("/v1/users?x=/../")).toBeUndefined()
  })

  it("the health check is GET or HEAD of /healthz only", () => {
    expect(RequestTarget.isHealthCheck("GET", "/healthz")).toBe(true)
    expect(RequestTarget.isHealthCheck("HEAD", "/healthz")).toBe(true)
    expect(RequestTarget.isHealthCheck("POST", "/healthz")).toBe(false)
    expect(RequestTarget.isHealthCheck("GET", "/healthz/")).toBe(false)
    expect(JSON.parse(RequestTarget.HEALTH_BODY)).toEqual({ status: "ok" })
  })
})

describe("Authentication", () => {
  it("takes the key of a Bearer header, case and spacing as Clerk's SDKs send it", () => {
    expect(Authentication.bearerKey("Bearer sk_test_a")).toBe("sk_test_a")
    expect(Authentication.bearerKey("bearer sk_test_a")).toBe("")
    expect(Authentication.bearerKey("Basic sk_test_a")).toBe("")
    expect(Authentication.bearerKey(undefined)).toBe("")
  })

  it("accepts a listed key and refuses anything else", () => {
    expect(Authentication.authenticate("Bearer sk_test_b", config.keys)).toEqual(Result.ok("sk_test_b"))
    expect(Authentication.authenticate("Bearer sk_test_c", config.keys)).toEqual(
      Result.err({ _tag: "AuthenticationInvalid" })
    )
    expect(Authentication.authenticate("Bearer ", new Set(["x"]))._tag).toBe("Err")
  })

  it("a server's keys are at least one, each visible ASCII", () => {
    expect(Authentication.checkKeys(["sk_test_a"])).toEqual(Result.ok(["sk_test_a"]))
    expect(Authentication.checkKeys([])).toEqual(Result.err("Empty"))
    expect(Authentication.checkKeys(["sk_test_a", ""])).toEqual(Result.err("Unsendable"))
    expect(Authentication.checkKeys(["sk test"])).toEqual(Result.err("Unsendable"))
    expect(Authentication.checkKeys(["sk_tést"])).toEqual(Result.err("Unsendable"))
  })
})

describe("ApiVersionResolution", () => {
  it("the header wins over the default, the query parameter is read when there is no header", () => {
    expect(ApiVersionResolution.requested({ header: "2025-04-10", search: "" }, "d")).toBe("2025-04-10")
    expect(ApiVersionResolution.requested({ header: undefined, search: "__clerk_api_version=2025-04-10" }, "d"))
      .toBe("2025-04-10")
    expect(ApiVersionResolution.requested({ header: "", search: "a=1" }, "d")).toBe("d")
  })

  it("both ways at once is api_version_invalid, even when they agree", () => {
    const asked = { header: "2025-04-10", search: "__clerk_api_version=2025-04-10" }
    expect(ApiVersionResolution.givenTwice(asked)).toBe(true)
    expect(ApiVersionResolution.resolve(asked, "2025-11-10", versions)).toEqual(
      Result.err({ _tag: "ApiVersionGivenTwice" })
    )
  })

  it("an unknown version is refused naming it; a known one (or the default) is the request's", () => {
    expect(ApiVersionResolution.resolve({ header: "v1", search: "" }, "2025-11-10", versions)).toEqual(
      Result.err({ _tag: "ApiVersionInvalid", version: "v1", versions })
    )
    expect(ApiVersionResolution.resolve({ header: undefined, search: "" }, "2025-11-10", versions)).toEqual(
      Result.ok("2025-11-10")
    )
    expect(ApiVersionResolution.resolve({ header: undefined, search: "__clerk_api_version=" }, "x", versions)._tag)
      .toBe("Err")
  })
})

describe("RequestGate.admit", () => {
  it("answers the health check without a key", () => {
    expect(RequestGate.admit({ method: "GET", url: "/healthz", headers: {} }, config)).toEqual({ _tag: "Health" })
    expect(RequestGate.admit({ method: "GET", url: "/x/../healthz", headers: {} }, config)).toEqual({
      _tag: "Health"
    })
  })

  it("refuses a bad key before looking at the version, closing the connection when a body was announced", () => {
    const request = {
      method: "POST",
      url: "/v1/users",
      headers: { authorization: "Bearer nope", "clerk-api-version": "v9", "content-length": "12" }
    }
    expect(RequestGate.admit(request, config)).toEqual({
      _tag: "Refused",
      refusal: { _tag: "AuthenticationInvalid" },
      closeConnection: true
    })
    expect(RequestGate.admit({ ...request, headers: { "content-length": " 0 " } }, config)).toMatchObject({
      closeConnection: false
    })
    expect(RequestGate.admit({ ...request, headers: { "transfer-encoding": "chunked" } }, config)).toMatchObject({
      closeConnection: true
    })
  })

  it("refuses a version given twice or unknown, reading the query of the resolved target", () => {
    const headers = { ...authorized, "clerk-api-version": "2025-04-10" }
    expect(
      RequestGate.admit({ method: "GET", url: "/v1/./users?__clerk_api_version=2025-04-10", headers }, config)
    ).toMatchObject({ _tag: "Refused", refusal: { _tag: "ApiVersionGivenTwice" }, closeConnection: false })
    expect(
      RequestGate.admit({ method: "GET", url: "/v1/users?__clerk_api_version=2020-01-01", headers: authorized }, config)
    ).toMatchObject({ _tag: "Refused", refusal: { _tag: "ApiVersionInvalid", version: "2020-01-01" } })
  })

  it("admits a good request with its resolved target and version", () => {
    expect(RequestGate.admit({ method: "GET", url: "/v1/users/../users?limit=2", headers: authorized }, config))
      .toEqual({ _tag: "Admitted", url: "/v1/users?limit=2", resolved: true, apiVersion: "2025-11-10" })
    expect(
      RequestGate.admit({
        method: "GET",
        url: "/v1/users",
        headers: { ...authorized, "clerk-api-version": "2025-04-10" }
      }, config)
    ).toEqual({ _tag: "Admitted", url: "/v1/users", resolved: false, apiVersion: "2025-04-10" })
  })
})
