/**
 * The emulator on the wire, probed with bare `fetch` (as a client in another language would): the routes of
 * API.md, authentication, content type, error bodies, query decoding, the admin API and dropped connections.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ClerkEmulator } from "../src/index.js"

/** API.md's operations table, written out here (not derived from the source). */
const apiTable: ReadonlyArray<readonly [method: string, path: string]> = [
  ["GET", "/users"],
  ["POST", "/users"],
  ["GET", "/users/count"],
  ["GET", "/users/{user_id}"],
  ["PATCH", "/users/{user_id}"],
  ["DELETE", "/users/{user_id}"],
  ["POST", "/users/{user_id}/ban"],
  ["POST", "/users/{user_id}/unban"],
  ["POST", "/users/ban"],
  ["POST", "/users/unban"],
  ["POST", "/users/{user_id}/lock"],
  ["POST", "/users/{user_id}/unlock"],
  ["POST", "/users/{user_id}/profile_image"],
  ["DELETE", "/users/{user_id}/profile_image"],
  ["PATCH", "/users/{user_id}/metadata"],
  ["GET", "/users/{user_id}/billing/subscription"],
  ["GET", "/users/{user_id}/oauth_access_tokens/{provider}"],
  ["GET", "/users/{user_id}/organization_memberships"],
  ["GET", "/users/{user_id}/organization_invitations"],
  ["POST", "/users/{user_id}/verify_password"],
  ["POST", "/users/{user_id}/verify_totp"],
  ["DELETE", "/users/{user_id}/mfa"],
  ["DELETE", "/users/{user_id}/backup_code"],
  ["DELETE", "/users/{user_id}/passkeys/{id}"],
  ["DELETE", "/users/{user_id}/web3_wallets/{id}"],
  ["POST", "/users/{user_id}/totp"],
  ["DELETE", "/users/{user_id}/totp"],
  ["DELETE", "/users/{user_id}/external_accounts/{id}"],
  ["POST", "/users/{user_id}/password/set_compromised"],
  ["POST", "/users/{user_id}/password/unset_compromised"],
  ["GET", "/organization_memberships"]
]

const KEY = "sk_test_protocol"

const call = (
  base: string,
  method: string,
  path: string,
  init: { readonly body?: BodyInit; readonly headers?: Record<string, string>; readonly key?: string | null } = {}
) =>
  Effect.promise(async () => {
    const headers: Record<string, string> = { ...init.headers }
    if (init.key !== null) headers["authorization"] = `Bearer ${init.key ?? KEY}`
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body })
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text === "" ? undefined : JSON.parse(text)
    }
  })

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } })

const server = Layer.unwrapEffect(Effect.succeed(ClerkEmulator.layerServer({ secretKeys: [KEY], admin: true })))

describe("emulator protocol (real loopback server, bare fetch)", () => {
  it.live("every route of API.md exists (31), and an unknown one is a 404 with a Clerk error body", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      expect(apiTable).toHaveLength(31)
      for (const [method, template] of apiTable) {
        const path = template.replace("{user_id}", "user_none").replace("{provider}", "oauth_google").replace(
          "{id}",
          "x"
        )
        const response = yield* call(apiUrl, method, path, method === "GET" || method === "DELETE" ? {} : json({}))
        const code = response.json?.errors?.[0]?.code
        const longMessage: string = response.json?.errors?.[0]?.long_message ?? ""
        expect(longMessage.startsWith("No route matches"), `${method} ${template}`).toBe(false)
        expect(response.status, `${method} ${template}: ${response.text}`).toBeLessThan(500)
        if (response.status >= 400) expect(typeof code).toBe("string")
      }
      const unknown = yield* call(apiUrl, "GET", "/users/user_1/nonsense")
      expect(unknown.status).toBe(404)
      expect(unknown.json.errors[0].code).toBe("resource_not_found")
      expect(typeof unknown.json.clerk_trace_id).toBe("string")
      const wrongMethod = yield* call(apiUrl, "PUT", "/users")
      expect(wrongMethod.status).toBe(404)
    }).pipe(Effect.provide(server)))

  it.live("authentication: no key or a wrong key is 401 authentication_invalid", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      for (const key of [null, "sk_test_wrong", ""]) {
        const response = yield* call(apiUrl, "GET", "/users", { key })
        expect(response.status).toBe(401)
        expect(response.json.errors[0].code).toBe("authentication_invalid")
      }
    }).pipe(Effect.provide(server)))

  it.live("payloads: Content-Type application/json exactly, a bare array for GET /users, snake_case, every required field", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* call(
        apiUrl,
        "POST",
        "/users",
        json({ email_address: ["ada@example.com"], first_name: "Ada" })
      )
      expect(created.status).toBe(200)
      expect(created.headers.get("content-type")).toBe("application/json")
      expect(created.json).toMatchObject({ object: "user", first_name: "Ada", banned: false, locked: false })
      for (
        const key of [
          "id",
          "external_id",
          "primary_email_address_id",
          "username",
          "has_image",
          "email_addresses",
          "phone_numbers",
          "web3_wallets",
          "passkeys",
          "external_accounts",
          "saml_accounts",
          "enterprise_accounts",
          "public_metadata",
          "last_sign_in_at",
          "lockout_expires_in_seconds",
          "verification_attempts_remaining",
          "created_at",
          "updated_at",
          "delete_self_enabled",
          "create_organization_enabled",
          "last_active_at",
          "mfa_enabled_at",
          "mfa_disabled_at",
          "legal_accepted_at",
          "two_factor_enabled",
          "totp_enabled",
          "backup_code_enabled",
          "password_enabled"
        ]
      ) expect(created.json, key).toHaveProperty(key)
      expect(created.json.email_addresses[0]).toMatchObject({
        object: "email_address",
        email_address: "ada@example.com",
        reserved: false,
        linked_to: []
      })
      const list = yield* call(apiUrl, "GET", "/users")
      expect(Array.isArray(list.json)).toBe(true)
      expect(list.headers.get("content-type")).toBe("application/json")
      const count = yield* call(apiUrl, "GET", "/users/count?email_address_query=ADA")
      expect(count.json).toEqual({ object: "total_count", total_count: 1 })
      const none = yield* call(apiUrl, "GET", "/users/count?email_address_query=nobody")
      expect(none.json).toEqual({ object: "total_count", total_count: 0 })
    }).pipe(Effect.provide(server)))

  it.live("query decoding: repeated keys, %2B and + (a space), booleans, the first of a repeated scalar", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      for (
        const [email, banned] of [["a@example.com", false], ["b@example.com", true], ["c@example.com", false]] as const
      ) {
        const user = yield* call(apiUrl, "POST", "/users", json({ email_address: [email], banned }))
        expect(user.status).toBe(200)
      }
      const both = yield* call(apiUrl, "GET", "/users/count?email_address=a%40example.com&email_address=b@example.com")
      expect(both.json.total_count).toBe(2)
      const notBanned = yield* call(apiUrl, "GET", "/users/count?banned=false")
      expect(notBanned.json.total_count).toBe(2)
      const ascending = yield* call(apiUrl, "GET", "/users?order_by=%2Bcreated_at&order_by=-created_at")
      expect(
        ascending.json.map((u: { email_addresses: Array<{ email_address: string }> }) =>
          u.email_addresses[0]!.email_address
        )
      )
        .toEqual(["a@example.com", "b@example.com", "c@example.com"])
      // a raw "+" reads as a space, which is not an order: Clerk answers 422
      const rawPlus = yield* call(apiUrl, "GET", "/users?order_by=+created_at")
      expect(rawPlus.status).toBe(422)
      expect(rawPlus.json.errors[0].meta.param_name).toBe("order_by")
      const badLimit = yield* call(apiUrl, "GET", "/users?limit=501")
      expect([badLimit.status, badLimit.json.errors[0].code]).toEqual([422, "form_param_value_invalid"])
    }).pipe(Effect.provide(server)))

  it.live("bodies: an unknown parameter is form_param_unknown, a wrong type form_param_format_invalid, bad JSON 400", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const unknown = yield* call(apiUrl, "POST", "/users", json({ first_nam: "typo" }))
      expect([unknown.status, unknown.json.errors[0].code, unknown.json.errors[0].meta.param_name]).toEqual([
        422,
        "form_param_unknown",
        "first_nam"
      ])
      const wrongType = yield* call(apiUrl, "POST", "/users", json({ first_name: 42 }))
      expect([wrongType.status, wrongType.json.errors[0].code, wrongType.json.errors[0].meta.param_name]).toEqual([
        422,
        "form_param_format_invalid",
        "first_name"
      ])
      const notJson = yield* call(apiUrl, "POST", "/users", {
        body: "{oops",
        headers: { "content-type": "application/json" }
      })
      expect(notJson.status).toBe(400)
      const created = yield* call(apiUrl, "POST", "/users", json({ first_name: "x" }))
      const nested = yield* call(
        apiUrl,
        "PATCH",
        `/users/${created.json.id}/metadata`,
        json({ public_metadata: "not an object" })
      )
      expect(nested.status).toBe(422)
      // metadata nested deeper than any stack: refused with a Clerk error body, the emulator keeps serving
      const deep = `{"public_metadata":${"{\"a\":".repeat(100_000)}1${"}".repeat(100_000)}}`
      const tooDeep = yield* call(apiUrl, "PATCH", `/users/${created.json.id}/metadata`, {
        body: deep,
        headers: { "content-type": "application/json" }
      })
      expect(tooDeep.status, tooDeep.text.slice(0, 300)).toBeGreaterThanOrEqual(400)
      expect(tooDeep.status, tooDeep.text.slice(0, 300)).toBeLessThan(500)
      expect(typeof tooDeep.json.errors[0].code).toBe("string")
      const after = yield* call(apiUrl, "GET", `/users/${created.json.id}`)
      expect(after.json.public_metadata).toEqual({})
    }).pipe(Effect.provide(server)))

  it.live("multipart: the file field sets the profile image", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* call(apiUrl, "POST", "/users", json({ first_name: "x" }))
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "a.png")
      const image = yield* call(apiUrl, "POST", `/users/${created.json.id}/profile_image`, { body: form })
      expect([image.status, image.json.has_image]).toEqual([200, true])
      const missing = yield* call(apiUrl, "POST", `/users/${created.json.id}/profile_image`, { body: new FormData() })
      expect(missing.status).toBe(422)
    }).pipe(Effect.provide(server)))

  it.live("admin API: seeding, a 429 with Retry-After, latency, a dropped connection, reset", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const admin = apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)
      const seeded = yield* call(
        admin,
        "POST",
        "/users",
        json([{ emailAddress: ["seed@example.com"] }, { username: "seeded" }])
      )
      expect(seeded.json).toHaveLength(2)
      expect((yield* call(apiUrl, "GET", "/users/count")).json.total_count).toBe(2)
      yield* call(admin, "POST", "/faults", json({ operations: ["list"], status: 429, retryAfterSeconds: 7 }))
      const limited = yield* call(apiUrl, "GET", "/users")
      expect([limited.status, limited.headers.get("retry-after"), limited.json.errors[0].code]).toEqual([
        429,
        "7",
        "too_many_requests"
      ])
      expect((yield* call(apiUrl, "GET", "/users")).status).toBe(200)
      yield* call(admin, "POST", "/faults", json({ operations: ["count"], status: 503, times: 2 }))
      expect((yield* call(apiUrl, "GET", "/users/count")).status).toBe(503)
      expect((yield* call(apiUrl, "GET", "/users/count")).status).toBe(503)
      expect((yield* call(apiUrl, "GET", "/users/count")).status).toBe(200)
      yield* call(admin, "POST", "/faults", json({ operations: ["get"], latencyMs: 150 }))
      const started = Date.now()
      yield* call(apiUrl, "GET", "/users/user_x")
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      yield* call(admin, "POST", "/faults", json({ disconnect: true }))
      const dropped = yield* Effect.either(
        Effect.tryPromise(() => fetch(`${apiUrl}/users`, { headers: { authorization: `Bearer ${KEY}` } }))
      )
      expect(dropped._tag).toBe("Left")
      const snapshot = yield* call(admin, "GET", "/snapshot")
      expect(snapshot.json.users).toHaveLength(2)
      yield* call(admin, "POST", "/reset")
      expect((yield* call(apiUrl, "GET", "/users/count")).json.total_count).toBe(0)
    }).pipe(Effect.provide(server)))

  it.live("the admin API is off unless enabled", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const admin = apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)
      const response = yield* call(admin, "POST", "/faults", json({ status: 500 }))
      expect(response.status).toBe(404)
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY] }))))
})
