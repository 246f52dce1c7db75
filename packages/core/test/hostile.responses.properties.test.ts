/**
 * Hostile responses: every one of the 39 operations answered with arbitrary statuses, headers (malformed
 * `Retry-After`, `content-type`, `content-length`) and bodies (random bytes, truncated JSON, JSON of the wrong
 * shape, huge numbers, deep nesting, empty). Each call must end in its success value or one of its declared
 * error tags (the one its status implies): never a defect, never an interruption, never a hang.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as fc from "effect/FastCheck"
import { commonErrorClasses } from "../src/ClerkError.js"
import { RetryPolicy, Users } from "../src/index.js"
import { operations } from "../src/UsersProtocol.js"
import { type Case, cases, tagOfStatus } from "./operationCases.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"

/** The tags every operation may fail with, whatever its documented statuses. */
const alwaysPossible = commonErrorClasses.map((ErrorClass) => ErrorClass._tag)

const declaredTags = (c: Case): ReadonlySet<string> => {
  const statuses: ReadonlyArray<number> = operations[c.name as keyof typeof operations].statuses
  return new Set([...alwaysPossible, ...statuses.map((status) => tagOfStatus[status]!)])
}

/** The tag a failing status must produce for this operation. */
const expectedTag = (c: Case, status: number): string => {
  if (status === 429) return "RateLimited"
  if (status >= 500) return "ServerError"
  const statuses: ReadonlyArray<number> = operations[c.name as keyof typeof operations].statuses
  return statuses.includes(status) ? tagOfStatus[status]! : "UnexpectedStatus"
}

interface Hostile {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string | Uint8Array
}

const deep = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth)

/** Bodies derived from an operation's real payload, and bodies that have nothing to do with it. */
const bodyArbitrary = (c: Case): fc.Arbitrary<string | Uint8Array> => {
  const full = JSON.stringify(c.full)
  return fc.oneof(
    fc.uint8Array({ maxLength: 256 }),
    fc.nat({ max: full.length }).map((cut) => full.slice(0, cut)),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.constantFrom(
      "",
      "null",
      "[]",
      "{}",
      "1e400",
      "-1e400",
      "123456789012345678901234567890",
      "\"\"",
      "\ufeff{}",
      "{\"errors\":",
      "{\"errors\":[{\"code\":1}],\"clerk_trace_id\":{}}",
      "{\"errors\":\"nope\"}",
      deep(100_000, "[", "]"),
      deep(20_000, "{\"a\":", "}"),
      full.replace(/:\s*(\d+)/g, ":1e400"),
      full.replace(/:\s*(\d+)/g, ":123456789012345678901234567890"),
      full.replace(/:\s*"[^"]*"/g, ":null"),
      full.replace(/"public_metadata":\s*\{/, `"public_metadata":{"deep":${deep(20_000, "{\"a\":", "}")},`),
      full.replace(/"public_metadata":\s*\{/, `"public_metadata":{"deep":${deep(100_000, "[", "]")},`),
      JSON.stringify([c.full, c.full]),
      JSON.stringify({ data: c.full })
    )
  )
}

const statusArbitrary = fc.oneof(
  fc.constantFrom(200, 201, 204, 301, 304, 400, 401, 402, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: 200, max: 599 })
)

/** Header values as a misbehaving proxy might send them (printable ASCII: what a header can carry). */
const headerValue = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1.5",
    "99999999999999999999",
    "NaN",
    "Infinity",
    "1e9",
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "tomorrow",
    "application/json",
    "application/json; charset=utf-16",
    "text/html",
    "application/octet-stream",
    ";;;"
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 })
    .map((s) => s.trim())
)

const hostileArbitrary = (c: Case): fc.Arbitrary<Hostile> =>
  fc.record({
    status: statusArbitrary,
    headers: fc.record(
      { "retry-after": headerValue, "content-type": headerValue, "content-length": headerValue },
      { requiredKeys: [] }
    ),
    body: bodyArbitrary(c)
  })

/** A policy that retries (so that `Retry-After` is read and followed) but never waits long. */
const quickRetries = RetryPolicy.make({
  retries: 2,
  baseDelay: "1 millis",
  maxDelay: "2 millis",
  maxRetryAfter: "20 millis",
  retryOn: () => true
})

const answer = (c: Case, hostile: Hostile) =>
  Effect.gen(function*() {
    const users = yield* Users
    const fake = yield* FakeHttp
    yield* fake.respond(() => ({ status: hostile.status, headers: hostile.headers, body: hostile.body }))
    const exit = yield* c.call(users).pipe(
      Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => "hang" as const }),
      Effect.exit
    )
    return { exit, sent: (yield* fake.requests).length }
  }).pipe(Effect.provide(usersLayer({ retry: quickRetries, timeout: "10 seconds" })))

/** The oracle: success only for a 2xx, otherwise exactly the tag the status implies, or a decode failure. */
const check = (c: Case, hostile: Hostile, exit: Exit.Exit<unknown, unknown>) => {
  const label = `${c.name} ← ${hostile.status} ${JSON.stringify(hostile.headers)} ${String(hostile.body).slice(0, 80)}`
  if (Exit.isSuccess(exit)) {
    expect(hostile.status >= 200 && hostile.status < 300, label).toBe(true)
    return
  }
  const failures = [...Cause.failures(exit.cause)]
  expect(Cause.isDie(exit.cause), `${label}: defect ${Cause.pretty(exit.cause)}`).toBe(false)
  expect(Cause.isInterrupted(exit.cause), `${label}: interrupted`).toBe(false)
  expect(failures, label).toHaveLength(1)
  const error = failures[0]
  expect(error, `${label}: hang`).not.toBe("hang")
  const tag = (error as { readonly _tag: string })._tag
  expect(declaredTags(c).has(tag), `${label}: undeclared ${tag}`).toBe(true)
  if (hostile.status >= 200 && hostile.status < 300) {
    expect(tag, label).toBe("DecodeError")
  } else {
    expect(tag, label).toBe(expectedTag(c, hostile.status))
  }
}

describe("hostile responses never crash an operation", () => {
  for (const c of cases) {
    it.live(`${c.name}: arbitrary statuses, headers and bodies end in success or a declared tag`, () =>
      Effect.gen(function*() {
        const samples = fc.sample(hostileArbitrary(c), { numRuns: 40 })
        for (const hostile of samples) {
          const { exit } = yield* answer(c, hostile)
          check(c, hostile, exit)
        }
      }))
  }

  it.live("the documented success payloads still decode under hostile headers", () =>
    Effect.gen(function*() {
      for (const c of cases) {
        for (const contentType of ["text/html", "", "application/json; charset=utf-8", "application/octet-stream"]) {
          const { exit } = yield* answer(c, {
            status: 200,
            headers: { "content-type": contentType },
            body: JSON.stringify(c.full)
          })
          expect(Exit.isSuccess(exit), `${c.name} with content-type ${contentType}`).toBe(true)
        }
      }
    }))

  it.live("a malformed or huge Retry-After never makes a call wait past the policy's bound", () =>
    Effect.gen(function*() {
      const c = cases.find((c) => c.name === "get")!
      for (const retryAfter of ["99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "-5", "NaN", "1e9"]) {
        const started = Date.now()
        const { exit, sent } = yield* answer(c, { status: 429, headers: { "retry-after": retryAfter }, body: "" })
        check(c, { status: 429, headers: { "retry-after": retryAfter }, body: "" }, exit)
        expect(Date.now() - started, retryAfter).toBeLessThan(2_000)
        expect(sent).toBeGreaterThanOrEqual(1)
      }
    }))

  it.live.prop(
    "any operation, any hostile response: success or the declared tag",
    [
      fc.nat({ max: cases.length - 1 }).chain((index) =>
        hostileArbitrary(cases[index]!).map((hostile) => [index, hostile] as const)
      )
    ],
    ([[index, hostile]]) =>
      Effect.gen(function*() {
        const c = cases[index]!
        const { exit } = yield* answer(c, hostile)
        check(c, hostile, exit)
      }),
    { fastCheck: { numRuns: 150 } }
  )
})
