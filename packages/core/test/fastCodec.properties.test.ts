/**
 * The compiled response decoder must agree with Effect's decoder: same values where Effect succeeds, a FAIL
 * (hence Effect's own error) wherever Effect fails.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as FastCodec from "../src/internal/codec.js"
import { User } from "../src/User.js"
import type { AnyOperation } from "../src/UsersProtocol.js"
import { operations, successOf } from "../src/UsersProtocol.js"
import { argsOf, cases } from "./operationCases.js"

/**
 * Every response schema the client compiles (from the operation table: models, arrays, pages, projections),
 * once each, with a realistic payload of it (the operation cases' full payload).
 */
const schemas: ReadonlyArray<readonly [string, Schema.Schema.AnyNoContext, unknown]> = (() => {
  const seen = new Map<Schema.Schema.AnyNoContext, readonly [string, Schema.Schema.AnyNoContext, unknown]>()
  const add = (name: string, schema: Schema.Schema.AnyNoContext, payload: unknown) => {
    if (!seen.has(schema)) seen.set(schema, [`${name}: ${String(schema.ast)}`, schema, payload])
  }
  for (const c of cases) {
    const operation: AnyOperation = operations[c.name as keyof typeof operations]
    add(c.name, successOf(operation, Effect.runSync(argsOf(c))), c.full)
  }
  // the one response the cases do not call: tokens without `paginated`
  add("getOAuthAccessToken (unpaginated)", operations.getOAuthAccessToken.success, [
    F.oauthTokenFull,
    F.oauthTokenMinimal
  ])
  return [...seen.values()]
})()

const json = (u: unknown) => JSON.stringify(u)

/** JSON with keys sorted: the compiled codec builds objects with their required fields first. */
const canonical = (u: unknown): string =>
  JSON.stringify(u, (_, value) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]))
      : value)

/** A JSON path into a value, and a replacement to put there. */
const mutate = (value: unknown, path: ReadonlyArray<number>, replacement: unknown): unknown => {
  if (path.length === 0) return replacement
  if (Array.isArray(value) && value.length > 0) {
    const i = path[0]! % value.length
    return value.map((v, k) => (k === i ? mutate(v, path.slice(1), replacement) : v))
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value)
    if (keys.length === 0) return replacement
    const key = keys[path[0]! % keys.length]!
    const copy: Record<string, unknown> = { ...value }
    if (replacement === "__delete__" && path.length === 1) delete copy[key]
    else copy[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement)
    return copy
  }
  return replacement
}

const replacement = fc.oneof(
  fc.constant("__delete__"),
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom("verified", "user", "email_address", "totp", "backup_code")
)

const agreeOnEncode = (schema: Schema.Schema.AnyNoContext, value: unknown) => {
  const fast = FastCodec.compileEncoder(schema)(value)
  const slow = Schema.encodeEither(schema, { onExcessProperty: "ignore" })(value)
  if (Either.isRight(slow)) {
    expect(fast, "the fast encoder refused what Effect encodes").not.toBe(FastCodec.FAIL)
    expect(canonical(fast)).toBe(canonical(slow.right))
  } else {
    expect(fast, "the fast encoder accepted what Effect refuses").toBe(FastCodec.FAIL)
  }
}

const agree = (schema: Schema.Schema.AnyNoContext, input: unknown) => {
  const fast = FastCodec.compile(schema)(input)
  const slow = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(input)
  if (Either.isRight(slow)) {
    expect(fast, "the fast path refused what Effect accepts").not.toBe(FastCodec.FAIL)
    expect(canonical(fast)).toBe(canonical(slow.right))
  } else {
    expect(fast, "the fast path accepted what Effect refuses").toBe(FastCodec.FAIL)
  }
}

describe("every response schema of the table compiles fully", () => {
  it("covers the response schema of every operation", () => {
    const all = new Set(
      (Object.values(operations) as ReadonlyArray<AnyOperation>).flatMap((operation) => [
        operation.success,
        ...(operation.variants ?? []).map((variant) => variant.success)
      ])
    )
    expect(schemas.map(([, schema]) => schema).sort()).toEqual([...all].sort())
  })

  for (const [name, schema] of schemas) {
    it(`${name}: no node falls back to Effect's generic codec, in either direction`, () => {
      // an Effect upgrade that changes the AST of a schema would silently make the client decode slowly
      expect(FastCodec.delegatedNodes(schema)).toEqual({ decode: [], encode: [] })
    })
  }
})

describe("compiled decoder agrees with Effect's decoder", () => {
  for (const [name, schema, fixture] of schemas) {
    describe(name, () => {
      it("on the realistic fixture", () => {
        agree(schema, fixture)
        agreeOnEncode(schema, Schema.decodeUnknownSync(schema)(fixture))
      })

      it.prop(
        "encoders agree on mutated values (a field deleted, nulled or of another type, anywhere)",
        [fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), replacement],
        ([path, replace]) => agreeOnEncode(schema, mutate(Schema.decodeUnknownSync(schema)(fixture), path, replace)),
        { fastCheck: { numRuns: 100 } }
      )

      it.prop(
        "on any value of the schema, encoded (and the encoders agree too)",
        [Arbitrary.make(schema)],
        ([value]) => {
          const encoded = JSON.parse(json(Schema.encodeSync(schema)(value)))
          fc.pre(!json(value).includes("__proto__")) // Effect's own codec drops such keys; ours keeps them
          agree(schema, encoded)
          agreeOnEncode(schema, value)
        },
        { fastCheck: { numRuns: schema.ast._tag === "TupleType" ? 10 : 50 } }
      )

      it.prop(
        "on mutated payloads (a field deleted, nulled or of another type, anywhere)",
        [fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), replacement],
        ([path, replace]) => agree(schema, mutate(JSON.parse(json(fixture)), path, replace)),
        { fastCheck: { numRuns: 150 } }
      )
    })
  }

  it.prop("on arbitrary JSON", [fc.jsonValue({ maxDepth: 3 })], ([value]) => {
    for (const [, schema] of schemas) agree(schema, value)
  }, { fastCheck: { numRuns: 100 } })

  it("keeps a metadata key named __proto__ as an ordinary key", () => {
    const decoded = FastCodec.compile(User)(JSON.parse(json({
      ...F.userMinimal,
      public_metadata: JSON.parse("{\"__proto__\": {\"x\": 1}, \"a\": 2}")
    })))
    expect(decoded).not.toBe(FastCodec.FAIL)
    const metadata = (decoded as User).publicMetadata
    expect(Object.prototype.hasOwnProperty.call(metadata, "__proto__")).toBe(true)
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype)
  })
})
