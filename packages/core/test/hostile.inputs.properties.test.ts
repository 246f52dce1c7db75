/**
 * Hostile inputs: arbitrary strings as ids, providers and filter values. Each call either fails with
 * `InvalidRequest` before anything is sent, or sends exactly one request whose path has exactly the documented
 * segments, each decoding back to the input (and whose query values decode back to the filter values).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as fc from "effect/FastCheck"
import type { ClerkError } from "../src/ClerkError.js"
import { Users } from "../src/index.js"
import type { JsonObject } from "../src/UsersParams.js"
import { operations } from "../src/UsersProtocol.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"
import { pathCalls } from "./utils/pathCalls.js"

/** The segments a path template expects, with the parameters filled in order. */
const expectedSegments = (template: string, values: ReadonlyArray<string>): ReadonlyArray<string> => {
  let next = 0
  return ["v1", ...template.split("/").slice(1)].map((segment) => segment.startsWith("{") ? values[next++]! : segment)
}

const nasty = fc.constantFrom(
  "../organization_memberships",
  "a/b",
  "x?y=1",
  "user_1#fragment",
  "%2F",
  "%",
  "%zz",
  "..",
  ".",
  "./.",
  "",
  " ",
  "\t",
  "+",
  "a b",
  "a+b",
  "\u0000",
  "\r\n",
  "é",
  "用户",
  "👩‍💻",
  "\ud800",
  "a\udc00b",
  "user_1/../../count",
  "\\",
  "x".repeat(5000)
)

/** Strings of every kind: printable, full Unicode (lone surrogates included), and the classics above. */
const hostileString = fc.oneof(
  nasty,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("/", "?", "#", "%", ".", "+", " ", "&", "=", ";", "a", "\\"), maxLength: 12 })
)

const run = <A>(call: (users: Users.Service) => Effect.Effect<A, ClerkError>) =>
  Effect.gen(function*() {
    const users = yield* Users
    const fake = yield* FakeHttp
    yield* fake.respond(() => ({ status: 404, json: { errors: [] } }))
    const exit = yield* Effect.exit(call(users))
    return { exit, requests: yield* fake.requests }
  }).pipe(Effect.provide(usersLayer()))

const refusedBeforeSending = (exit: Exit.Exit<unknown, ClerkError>, sent: number) => {
  if (Exit.isSuccess(exit)) return false
  expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
  const failure = [...Cause.failures(exit.cause)][0]
  if (failure?._tag !== "InvalidRequest") return false
  expect(sent, "an InvalidRequest sends nothing").toBe(0)
  return true
}

describe("hostile inputs: refused before sending, or sent faithfully", () => {
  it.effect.prop(
    "ids and path parameters: InvalidRequest, or exactly the documented segments decoding back to the input",
    [fc.nat({ max: pathCalls.length - 1 }), hostileString, hostileString],
    ([index, first, second]) =>
      Effect.gen(function*() {
        const [name, call] = pathCalls[index]!
        const { exit, requests } = yield* run((users) => call(users, first, second))
        if (refusedBeforeSending(exit, requests.length)) return
        expect(requests).toHaveLength(1)
        const request = requests[0]!
        expect(request.url.origin).toBe("https://api.clerk.test")
        expect(request.url.search).toBe("")
        expect(request.url.hash).toBe("")
        const segments = request.url.pathname.split("/").slice(1)
        const expected = expectedSegments(operations[name].path, [first, second])
        expect(segments.map(decodeURIComponent), `${name}(${JSON.stringify(first)}, ${JSON.stringify(second)})`)
          .toEqual(expected)
      }),
    { fastCheck: { numRuns: 400 } }
  )

  it.effect.prop(
    "filter values: InvalidRequest, or query values decoding back to exactly what was given",
    [hostileString, fc.array(hostileString, { maxLength: 4 }), fc.array(hostileString, { maxLength: 3 })],
    ([query, emails, externalIds]) =>
      Effect.gen(function*() {
        const { exit, requests } = yield* run((users) =>
          Effect.zip(
            users.list({ query, emailAddress: emails, externalId: externalIds, usernameQuery: query }),
            users.count({ query, emailAddress: emails, externalId: externalIds })
          )
        )
        if (refusedBeforeSending(exit, requests.length)) return
        expect(requests.length).toBeGreaterThanOrEqual(1)
        for (const request of requests) {
          const params = request.url.searchParams
          expect(params.get("query")).toBe(query)
          expect(params.getAll("email_address")).toEqual(emails)
          expect(params.getAll("external_id")).toEqual(externalIds)
          expect(request.url.hash).toBe("")
        }
      }),
    { fastCheck: { numRuns: 300 } }
  )

  it.effect("a lone surrogate, a dot segment or an empty id is refused with the field named", () =>
    Effect.gen(function*() {
      for (
        const [first, second, field] of [["\ud800", "x", "userId"], [
          "user_1",
          "..",
          "passkeyIdentificationId"
        ]] as const
      ) {
        const { exit, requests } = yield* run((users) => users.deletePasskey(first, second))
        expect(requests).toHaveLength(0)
        const failure = Exit.isFailure(exit) ? [...Cause.failures(exit.cause)][0] : undefined
        expect(failure?._tag).toBe("InvalidRequest")
        expect(failure?._tag === "InvalidRequest" ? failure.field : undefined).toBe(field)
      }
    }))

  it.effect("metadata nested deeper than the stack is refused, not a crash", () =>
    Effect.gen(function*() {
      let deep: Record<string, unknown> = {}
      for (let i = 0; i < 100_000; i++) deep = { a: deep }
      const { exit, requests } = yield* run((users) =>
        users.updateMetadata("user_1", { publicMetadata: deep as JsonObject })
      )
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit)) {
        expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
        expect([...Cause.failures(exit.cause)][0]?._tag).toBe("InvalidRequest")
      }
      expect(requests).toHaveLength(0)
    }))
})
