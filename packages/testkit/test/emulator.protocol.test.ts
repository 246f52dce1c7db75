/**
 * The emulator on the wire, probed with bare `fetch` (as a client in another language would): the routes of
 * API.md, authentication, content type, error bodies, query decoding, the admin API and dropped connections.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ClerkEmulator } from "../src/index.js"

/** API.md's operations table and the eight of 2026-05-12, written out here (not derived from the source). */
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
  ["GET", "/organization_memberships"],
  // API version 2026-05-12
  ["PUT", "/users/{user_id}/metadata"],
  ["PUT", "/users/{user_id}/email_address"],
  ["PUT", "/users/{user_id}/phone_number"],
  ["POST", "/users/{user_id}/remove_password"],
  ["GET", "/users/{user_id}/billing/credits"],
  ["POST", "/users/{user_id}/billing/credits"],
  ["GET", "/users/{user_id}/trusted_devices"],
  ["DELETE", "/users/{user_id}/trusted_devices/{id}"]
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
  it.live("every route exists (31 + 8), and an unknown one is a 404 with a Clerk error body", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      expect(apiTable).toHaveLength(39)
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
      // the spec documents 400 (not 422) for this operation
      const missing = yield* call(apiUrl, "POST", `/users/${created.json.id}/profile_image`, { body: new FormData() })
      expect([missing.status, missing.json.errors[0].meta.param_name]).toEqual([400, "file"])
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

  it.live("API versions: the header or __clerk_api_version, an unknown one refused, 2026-05-12 refuses metadata in update", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* call(apiUrl, "POST", "/users", json({ first_name: "x" }))
      const path = `/users/${created.json.id}`
      const patch = {
        body: JSON.stringify({ public_metadata: { a: 1 } }),
        headers: { "content-type": "application/json" }
      }
      const newest = yield* call(apiUrl, "PATCH", path, {
        ...patch,
        headers: { ...patch.headers, "clerk-api-version": "2026-05-12" }
      })
      expect([newest.status, newest.json.errors[0].code, newest.json.errors[0].meta.param_name]).toEqual([
        422,
        "form_param_unknown",
        "public_metadata"
      ])
      const byQuery = yield* call(apiUrl, "PATCH", `${path}?__clerk_api_version=2026-05-12`, patch)
      expect(byQuery.status).toBe(422)
      const older = yield* call(apiUrl, "PATCH", path, {
        ...patch,
        headers: { ...patch.headers, "clerk-api-version": "2025-11-10" }
      })
      expect([older.status, older.json.public_metadata]).toEqual([200, { a: 1 }])
      // without a header, the emulator's default version (2025-11-10 unless configured)
      expect((yield* call(apiUrl, "PATCH", path, patch)).status).toBe(200)
      for (const version of ["v1", "2099-01-01", "latest"]) {
        const unknown = yield* call(apiUrl, "GET", "/users", { headers: { "clerk-api-version": version } })
        expect([unknown.status, unknown.json.errors[0].code], version).toEqual([400, "api_version_invalid"])
      }
    }).pipe(Effect.provide(server)))

  it.live("the default API version is an option", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* call(apiUrl, "POST", "/users", json({ first_name: "x" }))
      const refused = yield* call(apiUrl, "PATCH", `/users/${created.json.id}`, json({ private_metadata: { a: 1 } }))
      expect([refused.status, refused.json.errors[0].meta.param_name]).toEqual([422, "private_metadata"])
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY], apiVersion: "2026-05-12" }))))

  it.live("documented statuses only: 400 where the spec says 400, parameter names as on the wire", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* call(apiUrl, "POST", "/users", json({ first_name: "x" }))
      for (const ids of [[], Array.from({ length: 51 }, (_, i) => `user_${i}`)]) {
        for (const path of ["/users/ban", "/users/unban"]) {
          const refused = yield* call(apiUrl, "POST", path, json({ user_ids: ids }))
          expect([refused.status, refused.json.errors[0].meta.param_name], path).toEqual([400, "user_ids"])
        }
      }
      const status = yield* call(apiUrl, "GET", `/users/${created.json.id}/organization_invitations?status=lost`)
      expect([status.status, status.json.errors[0].meta.param_name]).toEqual([400, "status"])
      const credits = yield* call(
        apiUrl,
        "POST",
        `/users/${created.json.id}/billing/credits`,
        json({ amount: 0, action: "increase", idempotency_key: "k" })
      )
      expect([credits.status, credits.json.errors[0].meta.param_name]).toEqual([422, "amount"])
      const unknownUser = yield* call(apiUrl, "POST", "/users/user_none/ban")
      expect(unknownUser.status).toBe(404)
    }).pipe(Effect.provide(server)))

  it.live("admin API: seeds organizations, memberships, invitations, tokens, billing, trusted devices, passkeys, accounts", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const admin = apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)
      const [userId] = (yield* call(admin, "POST", "/users", json([{ emailAddress: ["ada@example.com"] }]))).json
      const organization = (yield* call(admin, "POST", "/organizations", json({ name: "Acme" }))).json
      expect(organization.name).toBe("Acme")
      const seeded = [
        ["/memberships", { userId, organizationId: organization.id, role: "org:admin" }],
        ["/invitations", { organizationId: organization.id, emailAddress: "ada@example.com" }],
        ["/oauth_tokens", { userId, provider: "google", token: "ya29.t" }],
        ["/credits", { userId, amount: 500, note: "welcome" }],
        ["/trusted_devices", { userId, platform: "android", appIdentifier: "com.example.app" }],
        ["/passkeys", { userId, name: "laptop" }],
        ["/external_accounts", { userId, provider: "github", providerUserId: "gh-1" }],
        ["/billing_subscriptions", {
          userId,
          subscription: {
            object: "commerce_subscription",
            id: "csub_1",
            instanceId: "ins_1",
            status: "active",
            payerId: "cpayer_1",
            createdAt: 1,
            updatedAt: 1,
            activeAt: 1,
            pastDueAt: null,
            subscriptionItems: []
          }
        }]
      ] as const
      for (const [path, body] of seeded) {
        const response = yield* call(admin, "POST", path, json(body))
        expect(response.status, `${path}: ${response.text}`).toBe(200)
      }
      const user = (yield* call(apiUrl, "GET", `/users/${userId}`)).json
      expect([user.passkeys.length, user.external_accounts.length]).toEqual([1, 2])
      // every field the spec requires, `expire_at` of a passkey's verification included
      expect(Object.keys(user.passkeys[0].verification).sort()).toEqual(
        ["attempts", "expire_at", "object", "status", "strategy"]
      )
      expect((yield* call(apiUrl, "GET", `/users/${userId}/organization_memberships`)).json.total_count).toBe(1)
      expect((yield* call(apiUrl, "GET", `/users/${userId}/organization_invitations`)).json.total_count).toBe(1)
      expect((yield* call(apiUrl, "GET", `/users/${userId}/billing/credits`)).json.balance.amount).toBe(500)
      expect((yield* call(apiUrl, "GET", `/users/${userId}/trusted_devices`)).json.total_count).toBe(1)
      expect((yield* call(apiUrl, "GET", `/users/${userId}/billing/subscription`)).json.id).toBe("csub_1")
      const tokens = yield* call(apiUrl, "GET", `/users/${userId}/oauth_access_tokens/oauth_google?paginated=true`)
      expect([tokens.json.total_count, tokens.json.data[0].token]).toEqual([1, "ya29.t"])
      // bodies are checked with the seed Schemas: a typo or a wrong type is a 400 naming the field
      const typo = yield* call(admin, "POST", "/users", json([{ emailAdress: ["x@example.com"] }]))
      expect([typo.status, typo.json.errors[0].long_message]).toEqual([400, expect.stringContaining("emailAdress")])
      const wrongType = yield* call(
        admin,
        "POST",
        "/trusted_devices",
        json({ userId, platform: "windows", appIdentifier: "a" })
      )
      expect([wrongType.status, wrongType.json.errors[0].long_message]).toEqual([
        400,
        expect.stringContaining("platform")
      ])
      const unknownUser = yield* call(admin, "POST", "/credits", json({ userId: "user_none", amount: 1 }))
      expect([unknownUser.status, unknownUser.json.errors[0].long_message]).toEqual([
        400,
        expect.stringContaining("resource_not_found")
      ])
    }).pipe(Effect.provide(server)))

  it.live("the admin API is off unless enabled", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const admin = apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)
      const response = yield* call(admin, "POST", "/faults", json({ status: 500 }))
      expect(response.status).toBe(404)
    }).pipe(Effect.provide(ClerkEmulator.layerServer({ secretKeys: [KEY] }))))
})
