/**
 * The Effect 4 pipeline against a scripted `HttpClient` (no network): the request each row sends (method, path,
 * query, headers, body), retries and `Retry-After` on the `TestClock`, the attempt's timeout, request checks
 * that send nothing, response bounds and decoding, redaction of the key, the per-user write limit.
 */
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { TestClock } from "effect/testing"
import { RetryPolicy, Users } from "../src/index.js"
import * as FakeHttp from "./utils/FakeHttp.js"

const user = Fixtures.userFull
const ok = (body: unknown = user) => ({ status: 200, body })
const clerkError = (code: string) => ({ errors: [{ code, message: code, long_message: `${code}!` }] })
const noRetries = RetryPolicy.withPolicy(RetryPolicy.none)

const withUsers = <A, E>(
  fake: ReturnType<typeof FakeHttp.make>,
  f: (users: Users.Service) => Effect.Effect<A, E>,
  options: Parameters<typeof FakeHttp.users>[1] = {}
) => Effect.flatMap(Effect.service(Users.Users), f).pipe(Effect.provide(FakeHttp.users(fake, options)))

describe("requests from the rows", () => {
  it.effect("get: GET /users/{user_id}, the id percent-encoded, Clerk's headers, no body", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      const value = yield* withUsers(fake, (users) => users.get("user a/b"))
      assert.strictEqual(value.id, user.id)
      const [request] = fake.requests
      assert.strictEqual(request?.method, "GET")
      assert.strictEqual(request?.path, "/v1/users/user%20a%2Fb")
      assert.strictEqual(request?.headers["authorization"], "Bearer sk_test_fake_key_0123456789")
      assert.strictEqual(request?.headers["clerk-api-version"], "2025-11-10")
      assert.strictEqual(request?.headers["accept"], "application/json")
      assert.match(request?.headers["user-agent"] ?? "", /^@effect-clerk\/core\/\S+$/)
      // no tracer installed: no trace headers (the Effect 3 line's policy)
      assert.isUndefined(request?.headers["traceparent"])
      assert.isUndefined(request?.headers["b3"])
      assert.isUndefined(request?.body)
    }))

  it.effect("list: the query in wire names, lists repeated, false and 0 sent", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok([user]))
      yield* withUsers(fake, (users) =>
        users.list({ emailAddress: ["a@example.com", "b@example.com"], limit: 2, offset: 0, banned: false }))
      const query = fake.requests[0]?.query ?? []
      assert.deepStrictEqual(
        query.filter(([key]) =>
          key === "email_address"
        ),
        [
          ["email_address", "a@example.com"],
          ["email_address", "b@example.com"]
        ]
      )
      assert.deepInclude(query, ["offset", "0"])
      assert.deepInclude(query, ["limit", "2"])
      assert.deepInclude(query, ["banned", "false"])
    }))

  it.effect("create: a JSON body in wire names; updateMetadata: its patch; bulkBan: a body field", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) => request.path.endsWith("/ban") ? ok([user]) : ok())
      yield* withUsers(fake, (users) =>
        Effect.all([
          users.create({ firstName: "Ada", externalId: "ext_1" }),
          users.updateMetadata("user_1", { publicMetadata: { plan: "pro" } }),
          users.bulkBan(["user_1", "user_2"])
        ]))
      const [create, patch, ban] = fake.requests
      assert.strictEqual(create?.method, "POST")
      assert.deepStrictEqual(JSON.parse(String(create?.body)), { first_name: "Ada", external_id: "ext_1" })
      assert.strictEqual(patch?.method, "PATCH")
      assert.strictEqual(patch?.path, "/v1/users/user_1/metadata")
      assert.deepStrictEqual(JSON.parse(String(patch?.body)), { public_metadata: { plan: "pro" } })
      assert.strictEqual(ban?.path, "/v1/users/ban")
      assert.deepStrictEqual(JSON.parse(String(ban?.body)), { user_ids: ["user_1", "user_2"] })
    }))

  it.effect("setProfileImage: a multipart upload under the row's field", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      yield* withUsers(fake, (users) =>
        users.setProfileImage("user_1", { data: new Uint8Array([1, 2, 3]), contentType: "image/png" }))
      const body = fake.requests[0]?.body
      assert.instanceOf(body, FormData)
      if (body instanceof FormData) {
        assert.isTrue(body.has("file"))
      }
    }))

  it.effect("getOAuthAccessToken: paginated: true decodes a page, otherwise a list", () =>
    Effect.gen(function*() {
      const token = Fixtures.oauthTokenFull
      const fake = FakeHttp.make((request) =>
        request.query.some(([key]) => key === "paginated") ? ok({ data: [token], total_count: 1 }) : ok([token])
      )
      const [list, page] = yield* withUsers(fake, (users) =>
        Effect.all([
          users.getOAuthAccessToken("user_1", "oauth_google"),
          users.getOAuthAccessToken("user_1", "oauth_google", { paginated: true })
        ]))
      assert.strictEqual(list.length, 1)
      assert.strictEqual(page.totalCount, 1)
    }))
})

describe("errors from responses", () => {
  it.effect("a documented status gets its class, an undocumented one UnexpectedStatus, with Clerk's errors", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) =>
        request.path.endsWith("/missing")
          ? { status: 404, body: { ...clerkError("resource_not_found"), clerk_trace_id: "trace_1" } }
          : { status: 409, body: clerkError("conflict") }
      )
      const [missing, odd] = yield* withUsers(
        fake,
        (users) => Effect.all([Effect.flip(users.get("missing")), Effect.flip(users.get("odd"))]).pipe(noRetries)
      )
      assert.strictEqual(missing._tag, "ResourceNotFound")
      if (missing._tag === "ResourceNotFound") {
        assert.strictEqual(missing.clerkTraceId, "trace_1")
        assert.strictEqual(missing.errors[0]?.longMessage, "resource_not_found!")
        assert.strictEqual(
          missing.message,
          "Users.get failed with status 404, resource_not_found: resource_not_found! [trace trace_1]"
        )
      }
      assert.strictEqual(odd._tag, "UnexpectedStatus")
    }))

  it.effect("a key echoed by the server is redacted from the error", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ({
        status: 401,
        body: {
          errors: [{
            code: "bad",
            message: "key sk_test_fake_key_0123456789 is wrong",
            meta: { k: "sk_test_fake_key_0123456789" }
          }]
        }
      }))
      const error = yield* withUsers(fake, (users) => Effect.flip(users.get("user_1")))
      assert.strictEqual(error._tag, "AuthenticationInvalid")
      assert.notInclude(JSON.stringify(error), "sk_test_fake_key_0123456789")
      assert.include(error.message, "<redacted>")
    }))

  it.effect("a body that is not JSON, or not a user, is a typed DecodeError", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((request) => request.path.endsWith("/text") ? ok("not json") : ok({ id: 3 }))
      const [text, shape] = yield* withUsers(fake, (users) =>
        Effect.all([Effect.flip(users.get("text")), Effect.flip(users.get("shape"))]))
      assert.strictEqual(text._tag, "DecodeError")
      if (text._tag === "DecodeError") {
        assert.strictEqual(text.reason, "Json")
      }
      assert.strictEqual(shape._tag, "DecodeError")
      if (shape._tag === "DecodeError") {
        assert.strictEqual(shape.reason, "Schema")
      }
    }))

  it.effect("a body over maxResponseBytes is DecodeError TooLarge", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      const error = yield* withUsers(fake, (users) => Effect.flip(users.get("user_1")), { maxResponseBytes: 64 })
      assert.strictEqual(error._tag, "DecodeError")
      if (error._tag === "DecodeError") assert.strictEqual(error.reason, "TooLarge")
    }))
})

describe("request checks: nothing is sent", () => {
  it.effect("an empty id, a dot segment, a limit out of range, an unknown parameter", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      const errors = yield* withUsers(fake, (users) =>
        Effect.all([
          Effect.flip(users.get("")),
          Effect.flip(users.ban("..")),
          Effect.flip(users.list({ limit: 501 })),
          Effect.flip(users.bulkBan(["user_1", " "]))
        ]))
      assert.deepStrictEqual(errors.map((error) => error._tag), [
        "InvalidRequest",
        "InvalidRequest",
        "InvalidRequest",
        "InvalidRequest"
      ])
      assert.deepStrictEqual(
        errors.map((error) => error._tag === "InvalidRequest" ? error.field : ""),
        ["userId", "userId", "params.limit", "userIds[1]"]
      )
      assert.strictEqual(fake.requests.length, 0)
    }))

  it.effect("API version 2026-05-12: update refuses metadata, naming what to use instead", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      const error = yield* withUsers(
        fake,
        (users) => Effect.flip(users.update("user_1", { publicMetadata: { a: 1 } })),
        { apiVersion: "2026-05-12" }
      )
      assert.strictEqual(error._tag, "InvalidRequest")
      if (error._tag === "InvalidRequest") {
        assert.strictEqual(error.field, "params.publicMetadata")
        assert.include(error.message, "updateMetadata")
      }
      assert.strictEqual(fake.requests.length, 0)
    }))
})

describe("retries, Retry-After and timeouts (TestClock)", () => {
  it.effect("a 429 is retried after its Retry-After, then succeeds", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((_, index) =>
        index === 0 ? { status: 429, headers: { "retry-after": "5" }, body: clerkError("too_many_requests") } : ok()
      )
      const fiber = yield* Effect.forkChild(withUsers(fake, (users) => users.get("user_1")))
      yield* TestClock.adjust("4 seconds")
      assert.strictEqual(fake.requests.length, 1)
      yield* TestClock.adjust("2 seconds")
      const value = yield* Fiber.join(fiber)
      assert.strictEqual(value.id, user.id)
      assert.strictEqual(fake.requests.length, 2)
    }))

  it.effect("a Retry-After over maxRetryAfter ends the retries with RateLimited and its wait", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ({ status: 429, headers: { "retry-after": "120" }, body: clerkError("x") }))
      const error = yield* withUsers(fake, (users) => Effect.flip(users.get("user_1")))
      assert.strictEqual(error._tag, "RateLimited")
      if (error._tag === "RateLimited") assert.deepStrictEqual(error.retryAfter, Duration.seconds(120))
      assert.strictEqual(fake.requests.length, 1)
    }))

  it.effect("a 503 is retried for an idempotent get, never for a create", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ({ status: 503, body: clerkError("unavailable") }))
      const fiber = yield* Effect.forkChild(
        withUsers(fake, (users) => Effect.all([Effect.flip(users.get("user_1")), Effect.flip(users.create({}))])),
        { startImmediately: true }
      )
      yield* TestClock.adjust("10 seconds")
      const [get, create] = yield* Fiber.join(fiber)
      assert.strictEqual(get._tag, "ServerError")
      assert.strictEqual(create._tag, "ServerError")
      const gets = fake.requests.filter((request) => request.method === "GET").length
      const posts = fake.requests.filter((request) => request.method === "POST").length
      assert.strictEqual(gets, 3)
      assert.strictEqual(posts, 1)
    }).pipe(RetryPolicy.withPolicy(RetryPolicy.make({ retries: 2, jitter: false, baseDelay: "1 second" }))))

  it.effect("an attempt with no complete response within the timeout is TransportError Timeout", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => "hang")
      const fiber = yield* Effect.forkChild(
        withUsers(fake, (users) => Effect.flip(users.get("user_1")).pipe(noRetries), { timeout: "2 seconds" })
      )
      yield* TestClock.adjust("3 seconds")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "TransportError")
      if (error._tag === "TransportError") assert.strictEqual(error.reason, "Timeout")
    }))

  it.effect("a dropped connection is TransportError; retried for get (idempotent)", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make((_, index) => index === 0 ? "drop" : ok())
      const fiber = yield* Effect.forkChild(withUsers(fake, (users) => users.get("user_1")))
      yield* TestClock.adjust("1 second")
      const value = yield* Fiber.join(fiber)
      assert.strictEqual(value.id, user.id)
      assert.strictEqual(fake.requests.length, 2)
    }))
})

describe("pacing", () => {
  it.effect("the per-user write limit paces the 11th update of one user to the next window", () =>
    Effect.gen(function*() {
      const fake = FakeHttp.make(() => ok())
      const fiber = yield* Effect.forkChild(
        withUsers(
          fake,
          (users) => Effect.forEach(Array.from({ length: 11 }, () => "user_1"), (id) => users.update(id, {}))
        )
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual(fake.requests.length, 10)
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      assert.strictEqual(fake.requests.length, 11)
    }))
})
