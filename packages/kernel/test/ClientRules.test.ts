/**
 * The client rules both Effect lines apply (request, error, paging, bulk, redaction), as plain functions.
 */
import { describe, expect, it } from "@effect/vitest"
import * as BodyBounds from "../src/BodyBounds.js"
import * as BulkReport from "../src/BulkReport.js"
import * as ClientErrors from "../src/ClientErrors.js"
import * as ClientRequest from "../src/ClientRequest.js"
import * as Operations from "../src/Operations.js"
import * as Paging from "../src/Paging.js"
import * as RateLimits from "../src/RateLimits.js"
import * as Redaction from "../src/Redaction.js"

describe("ClientRequest", () => {
  it("fills a path template with percent-encoded segments", () => {
    expect(ClientRequest.fillPath("/users/{user_id}/ban", ["a/b c"])).toBe("/users/a%2Fb%20c/ban")
    expect(ClientRequest.fillPath("/users", [])).toBe("/users")
  })
  it("refuses ids that cannot be one path segment", () => {
    expect(ClientRequest.idProblem("userId", "user_1")).toBeUndefined()
    expect(ClientRequest.idProblem("userId", " ")).toBe("userId must not be empty")
    expect(ClientRequest.idProblem("userId", "..")).toBe("userId cannot be a dot segment (\"..\")")
    expect(ClientRequest.idProblem("userId", "\uD800")).toMatch(/lone surrogate/)
    expect(ClientRequest.idProblem("userId", 3)).toBe("userId must be a string")
  })
  it("writes query pairs in the encoded order, lists repeated, absent values left out", () => {
    expect(ClientRequest.queryPairs({ email_address: ["a", "b"], limit: 0, offset: undefined, banned: false }))
      .toEqual({ pairs: [["email_address", "a"], ["email_address", "b"], ["limit", "0"], ["banned", "false"]] })
    expect(ClientRequest.queryPairs({ external_id: ["\uDC00"] })).toEqual({ problem: "externalId" })
  })
  it("refuses what an API version no longer accepts", () => {
    const update = Operations.operations.update
    const rules = ClientRequest.rulesInForce(update, "2026-05-12")
    expect(rules.length).toBeGreaterThan(0)
    const refusal = ClientRequest.versionRefusal(update, rules, "2026-05-12", ["u", { publicMetadata: {} }])
    expect(refusal?.field).toBe("params.publicMetadata")
    expect(ClientRequest.rulesInForce(update, "2025-11-10")).toEqual([])
    expect(ClientRequest.userIdIndex(update)).toBe(0)
    expect(ClientRequest.writeLimitIndex(update)).toBe(0)
    expect(ClientRequest.writeLimitIndex(Operations.operations.get)).toBe(-1)
  })
})

describe("ClientErrors", () => {
  it("maps statuses to tags by the operation's documented statuses", () => {
    expect(ClientErrors.statusTag(404, [400, 404])).toBe("ResourceNotFound")
    expect(ClientErrors.statusTag(404, [400])).toBe("UnexpectedStatus")
    expect(ClientErrors.statusTag(429, [])).toBe("RateLimited")
    expect(ClientErrors.statusTag(503, [])).toBe("ServerError")
    expect(ClientErrors.statusTag(418, [400])).toBe("UnexpectedStatus")
  })
  it("reads Retry-After as seconds or a date, capped", () => {
    expect(ClientErrors.parseRetryAfter("3", 0)).toBe(3000)
    expect(ClientErrors.parseRetryAfter("1.5", 0)).toBe(1500)
    expect(ClientErrors.parseRetryAfter("soon", 0)).toBeUndefined()
    expect(ClientErrors.parseRetryAfter(undefined, 0)).toBeUndefined()
    const now = Date.parse("2026-01-01T00:00:00Z")
    expect(ClientErrors.parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000)
    expect(ClientErrors.parseRetryAfter("999999999", 0)).toBe(ClientErrors.MAX_RETRY_AFTER_SECONDS * 1000)
  })
  it("retries 429 always, transient 5xx and transport failures when idempotent", () => {
    expect(ClientErrors.isRetryable({ _tag: "RateLimited", status: 429 }, false)).toBe(true)
    expect(ClientErrors.isRetryable({ _tag: "ServerError", status: 503 }, true)).toBe(true)
    expect(ClientErrors.isRetryable({ _tag: "ServerError", status: 500 }, true)).toBe(false)
    expect(ClientErrors.isRetryable({ _tag: "TransportError" }, false)).toBe(false)
  })
  it("describes an error response", () => {
    expect(ClientErrors.formatMillis(3000)).toBe("3s")
    expect(ClientErrors.formatMillis(61_500)).toBe("1m 1s 500ms")
    expect(ClientErrors.describe({
      operation: "Users.get",
      status: 404,
      errors: [{ code: "resource_not_found", message: "not found" }, { code: "x", message: "y" }],
      clerkTraceId: "t1",
      retryAfterMillis: 2000
    })).toBe("Users.get failed with status 404, resource_not_found: not found (+1 more) [trace t1], retry after 2s")
  })
})

describe("Paging", () => {
  it("walks pages, stops on a short page or the total, refuses a repeated page", () => {
    const ids = Paging.identities()
    const first = Paging.step(Paging.start, 2, [{ id: "a" }, { id: "b" }], undefined, ids)
    expect(first._tag === "Next" && first.next?.offset).toBe(2)
    if (first._tag !== "Next" || first.next === undefined) throw new Error("expected a next page")
    expect(Paging.step(first.next, 2, [{ id: "b" }, { id: "a" }], undefined, ids)._tag).toBe("Repeated")
    expect(Paging.step(first.next, 2, [{ id: "c" }], undefined, ids)).toEqual({ _tag: "Next", next: undefined })
    expect(Paging.step(Paging.start, 2, [{ id: "a" }, { id: "b" }], 2, ids)).toEqual({ _tag: "Next", next: undefined })
    expect(Paging.pageSizeProblem(0)).toMatch(/pageSize/)
    expect(Paging.pageSizeProblem(100)).toBeUndefined()
  })
})

describe("BulkReport", () => {
  it("admits each valid id once and assembles the report", () => {
    const admission = BulkReport.admission()
    expect(["a", "a", "", "b"].map(admission.admit)).toEqual([true, false, false, true])
    expect(admission.duplicates()).toBe(1)
    expect(admission.invalid).toEqual([{ id: "", reason: "userId must not be empty" }])
    const report = BulkReport.assemble<string>([
      { _tag: "Accepted", ids: ["a", "b"], answered: new Set(["a"]) },
      { _tag: "Failed", ids: ["c"], error: "boom" }
    ], { invalid: [], notAttempted: ["d"], duplicates: 0, chunks: 2, stopped: true })
    expect(report.done).toEqual(["a"])
    expect(report.notFound).toEqual(["b"])
    expect(report.failed).toEqual([{ chunk: 1, ids: ["c"], error: "boom" }])
    expect(BulkReport.attributesOf(report)["clerk.bulk.failed_ids"]).toBe(1)
    expect(BulkReport.concurrencyOf(undefined)).toBe(1)
    expect(BulkReport.concurrencyOf("unbounded")).toBeUndefined()
    expect(BulkReport.concurrencyOf(2.7)).toBe(2)
  })
})

describe("Redaction", () => {
  it("redacts the key and its JSON-escaped form, deeply", () => {
    const redactor = Redaction.make(" sk_\"x ")
    expect(redactor.text("echo sk_\"x and sk_\\\"x")).toBe("echo <redacted> and <redacted>")
    expect(Redaction.deep(redactor, { a: ["sk_\"x"] })).toEqual({ a: ["<redacted>"] })
    expect(Redaction.none.leaks("anything")).toBe(false)
  })
})

describe("the rest of the client rules", () => {
  it("reads an error body's entries and trace id; nothing from a body that is not Clerk's", () => {
    expect(ClientErrors.errorBodyParts("{\"errors\":[{\"code\":\"x\"}],\"clerk_trace_id\":\"t\"}")).toEqual({
      entries: [{ code: "x" }],
      traceId: "t"
    })
    expect(ClientErrors.errorBodyParts("<html>")).toEqual({ entries: [], traceId: undefined })
  })
  it("tells createOnce what to do after a failed create", () => {
    expect(ClientErrors.createOnceCase({ _tag: "TransportError" })).toBe("ambiguous")
    expect(ClientErrors.createOnceCase({
      _tag: "UnprocessableEntity",
      errors: [{ code: "form_identifier_exists", meta: { param_name: "external_id" } }]
    })).toBe("taken")
    expect(ClientErrors.createOnceCase({ _tag: "BadRequest", errors: [] })).toBeUndefined()
  })
  it("words transport and decode failures", () => {
    expect(ClientErrors.transportMessage("fetch failed", new Error("refused"))).toBe("fetch failed: refused")
    expect(ClientErrors.decodeMessage("x".repeat(3000)).length).toBe(ClientErrors.MAX_DECODE_MESSAGE + 1)
  })
  it("builds a profile image's form, or says why not; keeps a list's filters for count", () => {
    expect("form" in ClientRequest.profileImageForm("file", { data: new Uint8Array([1]) })).toBe(true)
    expect(ClientRequest.profileImageForm("file", { data: new Uint8Array() })).toEqual({
      problem: "file.data is empty"
    })
    expect(ClientRequest.countParamsOf({ limit: 2, offset: 1, orderBy: "-created_at", query: "a" })).toEqual({
      query: "a"
    })
  })
  it("keeps client budgets in memory: a request over the budget waits for the next window; a block voids it", () => {
    const store = RateLimits.memoryStore()
    const budget = RateLimits.counted(2, 1000)
    expect([store.reserve("k", budget, 0), store.reserve("k", budget, 0), store.reserve("k", budget, 0)]).toEqual([
      0,
      0,
      1000
    ])
    store.block("k", 5000, 10)
    expect(store.blockedFor("k", 10)).toBe(5000)
    expect(RateLimits.requestsOf(0.5)).toBe(1)
  })
  it("refuses a declared length over the bound unless the body is encoded", () => {
    expect(BodyBounds.declaredTooLarge({ "content-length": "100" }, 10)).toBe(true)
    expect(BodyBounds.declaredTooLarge({ "content-length": "100", "content-encoding": "gzip" }, 10)).toBe(false)
  })
})
