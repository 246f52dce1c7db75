import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { Users } from "../src/index.js"
import { operations } from "../src/UsersProtocol.js"
import { cases, tagOfStatus } from "./operationCases.js"
import type { RecordedRequest } from "./utils/FakeHttp.js"
import { FakeHttp, queryPairs, SECRET, usersLayer } from "./utils/FakeHttp.js"

const sorted = (pairs: ReadonlyArray<readonly [string, string]>) => [...pairs].map(([k, v]) => `${k}=${v}`).sort()

const run = <A, E>(body: (users: Users.Service, fake: FakeHttp["Type"]) => Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const users = yield* Users
    const fake = yield* FakeHttp
    return yield* body(users, fake)
  }).pipe(Effect.provide(usersLayer()))

const onlyRequest = (requests: ReadonlyArray<RecordedRequest>) => {
  expect(requests).toHaveLength(1)
  return requests[0]!
}

describe("Users over HTTP: every operation", () => {
  it("covers every operation of the table (the 31 of the seeds and the 8 of API version 2026-05-12)", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(39)
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(Object.keys(operations)))
  })

  for (const c of cases) {
    describe(c.name, () => {
      it.effect("sends the method, path, query and body Clerk expects", () =>
        run((users, fake) =>
          Effect.gen(function*() {
            yield* fake.respond(() => ({ json: c.full }))
            yield* Effect.either(c.call(users))
            const request = onlyRequest(yield* fake.requests)
            expect(request.method).toBe(c.method)
            expect(request.url.origin).toBe("https://api.clerk.test")
            expect(request.url.pathname).toBe(`/v1${c.path}`)
            expect(sorted(queryPairs(request))).toEqual(sorted(c.query ?? []))
            for (const raw of c.rawQuery ?? []) expect(request.url.search).toContain(raw)
            expect(request.headers["authorization"]).toBe(`Bearer ${SECRET}`)
            expect(request.headers["clerk-api-version"]).toBe("2025-11-10")
            expect(request.headers["user-agent"]).toMatch(/^@effect-clerk\/core\/\d+\.\d+\.\d+/)
            expect(request.headers["accept"]).toBe("application/json")
            if (c.body === "multipart") {
              const file = request.form?.get("file")
              expect(file).toBeInstanceOf(Blob)
              expect((file as File).name).toBe("avatar.png")
              expect((file as File).type).toBe("image/png")
              expect(new Uint8Array(yield* Effect.promise(() => (file as Blob).arrayBuffer()))).toEqual(
                new Uint8Array([0x89, 0x50, 0x4e, 0x47])
              )
            } else if (c.body !== undefined) {
              expect(request.headers["content-type"]).toBe("application/json")
              expect(JSON.parse(request.text ?? "null")).toEqual(c.body)
            } else {
              expect(request.text ?? "").toBe("")
            }
          })
        ))

      it.effect("decodes a full payload", () =>
        run((users, fake) =>
          Effect.gen(function*() {
            yield* fake.respond(() => ({ json: c.full }))
            const result = yield* Effect.either(c.call(users))
            expect(Either.isRight(result), JSON.stringify(result)).toBe(true)
            if (Either.isRight(result)) c.checkFull(result.right)
          })
        ))

      it.effect("decodes a minimal payload", () =>
        run((users, fake) =>
          Effect.gen(function*() {
            yield* fake.respond(() => ({ json: c.minimal }))
            const result = yield* Effect.either(c.call(users))
            expect(Either.isRight(result), JSON.stringify(result)).toBe(true)
          })
        ))

      it.effect("maps each documented status to its tag, with Clerk's errors and trace id", () =>
        run((users, fake) =>
          Effect.gen(function*() {
            for (const status of c.statuses) {
              yield* fake.respond(() => ({ status, json: F.clerkErrorBody(status) }))
              const error = yield* Effect.flip(c.call(users))
              expect(error._tag, `status ${status}`).toBe(tagOfStatus[status])
              if ("errors" in error) {
                expect(error.status).toBe(status)
                expect(error.errors.map((e) => e.code)).toEqual([`code_${status}`, "second"])
                expect(error.errors[0]?.longMessage).toBe("email_address must be a valid email address")
                expect(error.errors[0]?.meta).toEqual({ param_name: "email_address" })
                expect(error.clerkTraceId).toBe(`trace_${status}`)
                expect(error.message).toContain(`code_${status}`)
              }
            }
          })
        ))

      it.effect("maps an undocumented status to UnexpectedStatus and a non-JSON error body to the right tag", () =>
        run((users, fake) =>
          Effect.gen(function*() {
            const undocumented = [400, 401, 402, 403, 404, 409, 422].find((s) => !c.statuses.includes(s))!
            yield* fake.respond(() => ({ status: undocumented, json: F.clerkErrorBody(undocumented) }))
            const unexpected = yield* Effect.flip(c.call(users))
            expect(unexpected._tag).toBe("UnexpectedStatus")
            const documented = c.statuses.find((s) => s < 500)
            if (documented !== undefined) {
              yield* fake.respond(() => ({
                status: documented,
                body: "<html>gateway says no</html>",
                headers: { "content-type": "text/html" }
              }))
              const error = yield* Effect.flip(c.call(users))
              expect(error._tag).toBe(tagOfStatus[documented])
              if ("errors" in error) expect(error.errors).toEqual([])
            }
            yield* fake.respond(() => ({ status: 503, body: "upstream down" }))
            const server = yield* Effect.flip(c.call(users))
            expect(server._tag).toBe("ServerError")
            yield* fake.respond(() => ({ status: 429, json: F.clerkErrorBody(429), headers: { "retry-after": "3" } }))
            const limited = yield* Effect.flip(c.call(users))
            expect(limited._tag).toBe("RateLimited")
          })
        ))
    })
  }
})
