/**
 * The kernel's wire rules agree with the core's Schemas: Clerk's error body as the kernel writes it is the body
 * the core's `ClerkApiError` Schema encodes, so that the emulator's answers cannot drift from what the client
 * decodes; and the emulator's refusals are the kernel's, byte for byte.
 */
import { UsersProtocol } from "@effect-clerk/core"
import { ClerkApiError } from "@effect-clerk/core/ClerkError"
import * as ErrorBody from "@effect-clerk/kernel/ErrorBody"
import type * as ErrorCatalogue from "@effect-clerk/kernel/ErrorCatalogue"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { ClerkEmulator } from "../src/index.js"

const apiError: fc.Arbitrary<ErrorCatalogue.ApiError> = fc.record({
  code: fc.string(),
  message: fc.string(),
  longMessage: fc.string(),
  // a JSON round trip: what the wire can carry (no -0); no `__proto__` key, which the Schema's record drops
  meta: fc.dictionary(fc.string().filter((key) => key !== "__proto__"), fc.jsonValue()).map((meta) =>
    JSON.parse(JSON.stringify(meta)) as Record<string, unknown>
  )
}, { requiredKeys: ["code", "message"] })

describe("ErrorBody against the core's ClerkApiError Schema", () => {
  it("writes the errors array the Schema encodes, field for field and in order", () => {
    const encode = Schema.encodeSync(Schema.Array(ClerkApiError))
    fc.assert(fc.property(fc.array(apiError, { maxLength: 3 }), fc.string(), (errors, traceId) => {
      const text = ErrorBody.encode({ status: 400, errors }, traceId)
      expect(text).toBe(JSON.stringify({ errors: encode(errors), meta: {}, clerk_trace_id: traceId }))
      const decoded = Schema.decodeUnknownSync(Schema.Struct({ errors: Schema.Array(ClerkApiError) }))(
        JSON.parse(text)
      )
      expect(decoded.errors).toEqual(errors)
    }))
  })
})

describe("the emulator answers the kernel's refusals", () => {
  const cases: ReadonlyArray<readonly [string, Record<string, string>, Refusal.Refusal]> = [
    ["/v1/users", { authorization: "Bearer sk_test_wrong" }, Refusal.authenticationInvalid],
    [
      "/v1/users?__clerk_api_version=2025-04-10",
      { authorization: "Bearer sk_test_emulator", "clerk-api-version": "2025-04-10" },
      Refusal.apiVersionGivenTwice
    ],
    [
      "/v1/users",
      { authorization: "Bearer sk_test_emulator", "clerk-api-version": "v1" },
      Refusal.apiVersionInvalid("v1", UsersProtocol.apiVersions)
    ],
    ["/v1/nope", { authorization: "Bearer sk_test_emulator" }, Refusal.routeNotFound("GET", "/v1/nope")]
  ]

  it.effect("each refused request is answered with the kernel's error body, byte for byte", () =>
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      for (const [path, headers, refusal] of cases) {
        const response = yield* client.get(`http://clerk-emulator.invalid${path}`, { headers })
        const text = yield* response.text
        const failure = Refusal.failureOf(refusal)
        const traceId = (JSON.parse(text) as { readonly clerk_trace_id: string }).clerk_trace_id
        expect(response.status, path).toBe(failure.status)
        expect(text, path).toBe(ErrorBody.encode(failure, traceId))
        expect(response.headers["content-type"]).toBe(ErrorBody.JSON_CONTENT_TYPE)
      }
    }).pipe(Effect.scoped, Effect.provide(ClerkEmulator.layerHttpClient())))
})
