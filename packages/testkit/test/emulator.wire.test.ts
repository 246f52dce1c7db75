/**
 * The kernel's wire rules agree with the core's Schemas: Clerk's error body as the kernel writes it is the body
 * the core's `ClerkApiError` Schema encodes, so that the emulator's answers cannot drift from what the client
 * decodes.
 */
import { ClerkApiError } from "@effect-clerk/core/ClerkError"
import * as ErrorBody from "@effect-clerk/kernel/ErrorBody"
import type * as ErrorCatalogue from "@effect-clerk/kernel/ErrorCatalogue"
import { describe, expect, it } from "@effect/vitest"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"

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
