/**
 * Bodies under a bound and JSON bodies, as the kernel's plain functions.
 */
import { describe, expect, it } from "@effect/vitest"
import * as BodyBounds from "../src/BodyBounds.js"
import * as JsonBody from "../src/JsonBody.js"
import * as Result from "../src/Result.js"

const bytes = (text: string) => new TextEncoder().encode(text)

describe("BodyBounds", () => {
  it("reads a Content-Length of digits only", () => {
    expect(BodyBounds.declaredLength("42")).toBe(42)
    expect(BodyBounds.declaredLength(" 42 ")).toBe(42)
    expect(BodyBounds.declaredLength("4e2")).toBeUndefined()
    expect(BodyBounds.declaredLength("-1")).toBeUndefined()
    expect(BodyBounds.declaredLength(undefined)).toBeUndefined()
  })

  it("refuses an announced length past the bound before reading, not one at it", () => {
    expect(BodyBounds.checkDeclared("101", 100)).toEqual(Result.err({ _tag: "BodyTooLarge", limit: 100 }))
    expect(BodyBounds.checkDeclared("100", 100)).toEqual(Result.ok(undefined))
    expect(BodyBounds.checkDeclared("99999999999999999999999", 100)._tag).toBe("Err")
    expect(BodyBounds.checkDeclared("lots", 100)._tag).toBe("Ok")
  })

  it("a body is announced by a non-zero Content-Length or a Transfer-Encoding", () => {
    expect(BodyBounds.announcesBody({})).toBe(false)
    expect(BodyBounds.announcesBody({ "content-length": "0" })).toBe(false)
    expect(BodyBounds.announcesBody({ "content-length": "" })).toBe(false)
    expect(BodyBounds.announcesBody({ "content-length": "3" })).toBe(true)
    expect(BodyBounds.announcesBody({ "transfer-encoding": "chunked" })).toBe(true)
  })

  it("counts chunks while they stream, stops past the bound, and joins them in order", () => {
    const collector = BodyBounds.collector(5)
    expect(BodyBounds.add(collector, bytes("ab"))).toBe(true)
    expect(BodyBounds.add(collector, bytes("cde"))).toBe(true)
    expect(new TextDecoder().decode(BodyBounds.bytes(collector))).toBe("abcde")
    expect(BodyBounds.add(collector, bytes("f"))).toBe(false)
    expect(collector.size).toBe(5)
    const one = BodyBounds.collector(10)
    const chunk = bytes("xyz")
    BodyBounds.add(one, chunk)
    expect(BodyBounds.joined(one)).toBe(chunk)
    expect(BodyBounds.bytes(one)).not.toBe(chunk)
    expect(BodyBounds.joined(BodyBounds.collector(1)).length).toBe(0)
  })

  it("an upload must be multipart/form-data and its file within the bound", () => {
    expect(BodyBounds.checkMultipart("multipart/form-data; boundary=x", "file")).toEqual(
      Result.ok("multipart/form-data; boundary=x")
    )
    expect(BodyBounds.checkMultipart("application/json", "file")).toEqual(
      Result.err({ _tag: "BodyInvalid", detail: "expected multipart/form-data with a file field" })
    )
    expect(BodyBounds.checkMultipart(undefined, "file")._tag).toBe("Err")
    expect(BodyBounds.checkFile(11, 10)).toEqual(Result.err({ _tag: "BodyTooLarge", limit: 10 }))
    expect(BodyBounds.checkFile(10, 10)._tag).toBe("Ok")
  })
})

describe("JsonBody", () => {
  it("an empty body is no body; JSON is parsed; anything else is refused", () => {
    expect(JsonBody.parse(bytes(""))).toEqual(Result.ok(undefined))
    expect(JsonBody.parse(bytes(" \n"))).toEqual(Result.ok(undefined))
    expect(JsonBody.parse(bytes("{\"a\":[1]}"))).toEqual(Result.ok({ a: [1] }))
    expect(JsonBody.parse(bytes("{a:1}"))).toEqual(
      Result.err({ _tag: "BodyInvalid", detail: "the body is not valid JSON" })
    )
  })

  it("refuses nesting past MAX_DEPTH without recursion, accepts it at MAX_DEPTH", () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)
    expect(JsonBody.parse(bytes(nested(JsonBody.MAX_DEPTH)))._tag).toBe("Ok")
    expect(JsonBody.parse(bytes(nested(JsonBody.MAX_DEPTH + 1)))).toEqual(
      Result.err({ _tag: "BodyInvalid", detail: "the body is nested deeper than 128 levels" })
    )
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = { a: deep }
    expect(JsonBody.withinDepth(deep, 10)).toBe(false)
    expect(JsonBody.withinDepth({ a: [{ b: 1 }] }, 3)).toBe(true)
    expect(JsonBody.withinDepth({ a: [{ b: 1 }] }, 2)).toBe(false)
  })
})
