/**
 * Echoes of the key that are not byte-identical to it, and error entries decoded like success bodies: a key
 * written with JSON `\u` escapes is redacted from every decoded field of an error (`errors[].code`, `message`,
 * `longMessage`, `meta` keys and values at any depth, `clerkTraceId`); a `DecodeError` message is redacted
 * before it is cut; short keys are redacted too; a `__proto__` key of an error entry's `meta` is kept as the
 * success path keeps it, without touching any prototype.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Inspectable from "effect/Inspectable"
import { inspect } from "node:util"
import type { ClerkApiError } from "../src/ClerkError.js"
import { Users, UsersCodec, UsersProtocol } from "../src/index.js"
import * as Redact from "../src/internal/redact.js"
import { FakeHttp, SECRET, usersLayer } from "./utils/FakeHttp.js"

/** Every character as a JSON `\u` escape: the same string once parsed, never the same bytes. */
const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")

/** An error body echoing `key` (as JSON source text) in every field an entry has, at depth in `meta`. */
const echoingBody = (key: string) =>
  `{"errors":[{"code":"invalid_${key}","message":"Bearer ${key} is not valid","long_message":"Authorization: ${key}",` +
  `"meta":{"header":"${key}","${key}":"as a key","nested":{"deeper":[{"${key}":["${key}"]}]}}}],` +
  `"clerk_trace_id":"${key}"}`

/** Every text an error can be turned into. */
const renderings = (error: unknown): ReadonlyArray<string> => {
  const e = error as Error & { readonly toJSON?: () => unknown }
  return [
    e.message,
    String(e),
    JSON.stringify(e),
    JSON.stringify(e.toJSON?.()),
    inspect(e, { depth: 30 }),
    Inspectable.format(e),
    Cause.pretty(Cause.fail(e))
  ]
}

const failure = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  const error = Cause.failureOption(exit.cause)
  if (error._tag === "None") throw new Error(`expected a typed failure: ${Cause.pretty(exit.cause)}`)
  return error.value
}

describe("redaction of echoes that are not byte-identical to the key", () => {
  it.effect("a key echoed with JSON \\u escapes is redacted from every decoded field of the error", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      for (const status of [400, 404, 422, 429, 302, 503]) {
        yield* fake.respond(() => ({ status, body: echoingBody(escaped(SECRET)) }))
        const error = failure(yield* Effect.exit(users.get("user_1")))
        const entries = "errors" in error ? error.errors : []
        // the entry is kept (redacted), not dropped
        expect(entries, `${status}`).toHaveLength(1)
        expect(entries[0]!.message).toBe("Bearer <redacted> is not valid")
        expect(entries[0]!.code).toBe("invalid_<redacted>")
        expect(entries[0]!.longMessage).toBe("Authorization: <redacted>")
        expect(entries[0]!.meta).toEqual({
          header: "<redacted>",
          "<redacted>": "as a key",
          nested: { deeper: [{ "<redacted>": ["<redacted>"] }] }
        })
        expect("clerkTraceId" in error ? error.clerkTraceId : undefined).toBe("<redacted>")
        for (const text of renderings(error)) expect(text.includes(SECRET), `${status}: ${text}`).toBe(false)
      }
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a DecodeError message is redacted before it is cut: no part of a key placed at the cut shows", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      // where a value of `banned` (a string where a boolean belongs) lands in the message, measured with a marker
      const marker = "MARKER"
      const probe = UsersCodec.decodeResponse(
        UsersProtocol.operations.get,
        200,
        JSON.stringify({ ...F.userMinimal, banned: marker })
      )
      const at = Either.isLeft(probe) ? probe.left.message.indexOf(marker) : -1
      expect(at).toBeGreaterThan(0)
      // the key starts 26 characters before the 2,000-character cut
      const padding = "x".repeat(2_000 - 26 - at)
      yield* fake.respond(() => ({ json: { ...F.userMinimal, banned: `${padding}${SECRET}` } }))
      const error = failure(yield* Effect.exit(users.get("user_1")))
      expect(error._tag).toBe("DecodeError")
      expect(error.message.length).toBeLessThanOrEqual(2_001)
      for (const text of renderings(error)) expect(text.includes(SECRET.slice(0, 8)), text).toBe(false)
    }).pipe(Effect.provide(usersLayer())))

  it.effect("a JSON failure does not quote the body", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ body: `<html>${SECRET.slice(0, 10)}${"y".repeat(100)}</html>` }))
      const error = failure(yield* Effect.exit(users.get("user_1")))
      expect(error._tag === "DecodeError" ? error.reason : undefined).toBe("Json")
      expect(error.message.includes(SECRET.slice(0, 4)), error.message).toBe(false)
      expect(error.message.includes("<html>"), error.message).toBe(false)
    }).pipe(Effect.provide(usersLayer())))

  const shortKey = "sk_ab1"
  it.effect("a key shorter than 8 characters is redacted too", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => ({ status: 401, body: echoingBody(shortKey) }))
      const error = failure(yield* Effect.exit(users.get("user_1")))
      expect("errors" in error ? error.errors[0]?.message : undefined).toBe("Bearer <redacted> is not valid")
      for (const text of renderings(error)) expect(text.includes(shortKey), text).toBe(false)
      yield* fake.respond(() => ({ status: 200, body: `not json ${shortKey}` }))
      const decode = failure(yield* Effect.exit(users.get("user_1")))
      for (const text of renderings(decode)) expect(text.includes(shortKey), text).toBe(false)
      // the key was sent as configured
      const requests = yield* fake.requests
      expect(requests[0]!.headers["authorization"]).toBe(`Bearer ${shortKey}`)
    }).pipe(Effect.provide(usersLayer({ secretKey: shortKey }))))

  it("the key as sent (trimmed) is what is redacted, in its plain and JSON-escaped forms", () => {
    const redactor = Redact.make("  sk_test_with\"quote  ")
    // transports trim the header value: the echo holds the trimmed key
    expect(redactor.text("echo: sk_test_with\"quote.")).toBe("echo: <redacted>.")
    expect(redactor.text(JSON.stringify({ key: "sk_test_with\"quote" }))).toBe("{\"key\":\"<redacted>\"}")
    expect(redactor.leaks("nothing here")).toBe(false)
    expect(Redact.make("   ").text("   ")).toBe("   ")
    // deep: keys and values at any depth, a `__proto__` key kept as an ordinary key
    const meta = JSON.parse(`{"__proto__":{"sk_test_with\\"quote":1},"list":["sk_test_with\\"quote"]}`)
    const redacted = Redact.deep(redactor, meta) as Record<string, unknown>
    expect(Object.keys(redacted)).toEqual(["__proto__", "list"])
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(redacted, "__proto__")?.value).toEqual({ "<redacted>": 1 })
    expect(redacted["list"]).toEqual(["<redacted>"])
    // nothing to redact: the value itself
    const clean = { a: [1, { b: "c" }] }
    expect(Redact.deep(redactor, clean)).toBe(clean)
  })
})

describe("error entries are decoded like success bodies", () => {
  it.effect("a __proto__ key of meta is kept as an ordinary key, as in a success body, and pollutes nothing", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      const metaText = `{"__proto__":{"polluted":true},"param_name":"email_address"}`
      yield* fake.respond(() => ({
        status: 422,
        body: `{"errors":[{"code":"form_param_format_invalid","message":"m","meta":${metaText}}]}`
      }))
      const error = failure(yield* Effect.exit(users.get("user_1")))
      const entry: ClerkApiError | undefined = "errors" in error ? error.errors[0] : undefined
      const meta = entry?.meta ?? {}
      // the same object on the success path, as a user's public metadata
      yield* fake.respond(() => ({
        body: `${JSON.stringify(F.userMinimal).slice(0, -1)},"public_metadata":${metaText}}`
      }))
      const user = yield* users.get("user_1")
      expect(Object.keys(user.publicMetadata)).toEqual(["__proto__", "param_name"])
      expect(Object.keys(meta)).toEqual(Object.keys(user.publicMetadata))
      expect(Object.getOwnPropertyDescriptor(meta, "__proto__")?.value).toEqual({ polluted: true })
      expect(Object.getPrototypeOf(meta)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
      expect((meta as Record<string, unknown>)["polluted"]).toBeUndefined()
    }).pipe(Effect.provide(usersLayer())))
})
