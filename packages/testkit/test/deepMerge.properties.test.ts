import { Users } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { Arbitraries, deepMerge, jsonByteLength, UsersInMemory } from "../src/index.js"
import type { JsonObject } from "../src/index.js"

/** JSON text: vitest's structural equality reads an own `constructor` key as a class, JSON text does not. */
const json = (u: unknown) => JSON.stringify(u)

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * An independent reference merge: works on JSON text round-trips and explicit key sets rather than on
 * `Map`s, so that a shared mistake is unlikely.
 */
const referenceMerge = (target: unknown, patch: unknown): unknown => {
  if (!isObject(patch)) return patch
  const base: Record<string, unknown> = isObject(target) ? JSON.parse(JSON.stringify(target)) : {}
  const out: Array<[string, unknown]> = []
  const keys = [...new Set([...Object.keys(base), ...Object.keys(patch)])]
  for (const key of keys) {
    const hasPatch = Object.prototype.hasOwnProperty.call(patch, key)
    const hasBase = Object.prototype.hasOwnProperty.call(base, key)
    if (!hasPatch) {
      out.push([key, base[key]])
      continue
    }
    const p = patch[key]
    if (p === null) continue
    out.push([key, isObject(p) ? referenceMerge(hasBase ? base[key] : undefined, p) : p])
  }
  return Object.fromEntries(out)
}

/** Every place the patch reached: null-removed keys are gone, objects hold no null there, the rest equals. */
const reachedCorrectly = (patch: JsonObject, result: JsonObject): boolean =>
  Object.keys(patch).every((key) => {
    const p = patch[key]
    const has = Object.prototype.hasOwnProperty.call(result, key)
    if (p === null) return !has
    if (isObject(p)) return has && isObject(result[key]) && reachedCorrectly(p, result[key] as JsonObject)
    return has && JSON.stringify(result[key]) === JSON.stringify(p)
  })

const noNullsInObjects = (value: unknown): boolean =>
  isObject(value) ? Object.values(value).every((v) => v !== null && noNullsInObjects(v)) : true

const target = Arbitraries.metadata()
const patch = Arbitraries.metadataPatch()

describe("deepMerge laws", () => {
  it.prop("the empty patch is the identity", [target], ([a]) => {
    expect(json(deepMerge(a, {}))).toBe(json(a))
  })

  it.prop("idempotence: m(m(a, p), p) = m(a, p)", [target, patch], ([a, p]) => {
    const once = deepMerge(a, p)
    expect(json(deepMerge(once, p))).toBe(json(once))
  })

  it.prop("keys absent from the patch are untouched", [target, patch], ([a, p]) => {
    const merged = deepMerge(a, p)
    for (const key of Object.keys(a)) {
      if (!Object.prototype.hasOwnProperty.call(p, key)) expect(json(merged[key])).toBe(json(a[key]))
    }
  })

  it.prop("no null survives anywhere the patch reached; patched leaves and arrays are the patch's", [
    target,
    patch
  ], ([a, p]) => {
    const merged = deepMerge(a, p)
    expect(reachedCorrectly(p, merged)).toBe(true)
    expect(noNullsInObjects(merged)).toBe(true) // the target has none, the patch's are all removed
  })

  it.prop("nested objects merge, arrays and type changes replace", [target, patch], ([a, p]) => {
    const merged = deepMerge(a, p)
    for (const key of Object.keys(p)) {
      const pv = p[key]
      const av = a[key]
      if (Array.isArray(pv)) expect(json(merged[key])).toBe(json(pv))
      if (isObject(pv) && isObject(av)) {
        for (const inner of Object.keys(av)) {
          if (!Object.prototype.hasOwnProperty.call(pv, inner)) {
            expect(json((merged[key] as JsonObject)[inner])).toBe(json(av[inner]))
          }
        }
      }
      if (pv !== null && !isObject(pv)) expect(json(merged[key])).toBe(json(pv))
    }
  })

  it.prop("agrees with an independent reference merge", [target, patch], ([a, p]) => {
    expect(json(deepMerge(a, p))).toBe(json(referenceMerge(a, p)))
  })

  it.prop("is pure: neither argument changes", [target, patch], ([a, p]) => {
    const [a0, p0] = [JSON.stringify(a), JSON.stringify(p)]
    deepMerge(a, p)
    expect([JSON.stringify(a), JSON.stringify(p)]).toEqual([a0, p0])
  })

  it("treats __proto__ as an ordinary key", () => {
    const merged = deepMerge({}, JSON.parse("{\"__proto__\": {\"polluted\": true}}"))
    expect(Object.prototype.hasOwnProperty.call(merged, "__proto__")).toBe(true)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
  })
})

describe("deepMerge through the in-memory layer", () => {
  it.effect.prop(
    "updateMetadata then get returns exactly deepMerge(before, patch), for all three fields",
    [target, target, target, patch, patch, patch],
    ([pub, priv, unsafe, pp, pv, pu]) =>
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({ publicMetadata: pub, privateMetadata: priv, unsafeMetadata: unsafe })
        const result = yield* Effect.either(
          users.updateMetadata(user.id, { publicMetadata: pp, privateMetadata: pv, unsafeMetadata: pu })
        )
        const after = yield* users.get(user.id)
        const expected = [deepMerge(pub, pp), deepMerge(priv, pv), deepMerge(unsafe, pu)]
        if (expected.every((m) => jsonByteLength(m) <= 8 * 1024)) {
          expect(Either.isRight(result)).toBe(true)
          expect(json([after.publicMetadata, after.privateMetadata, after.unsafeMetadata])).toBe(json(expected))
        } else {
          expect(Either.isLeft(result) && result.left._tag).toBe("UnprocessableEntity")
          expect(json([after.publicMetadata, after.privateMetadata, after.unsafeMetadata])).toBe(
            json([pub, priv, unsafe])
          )
        }
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 60 } }
  )

  it.effect.prop(
    "a patch that would pass 8 KB is refused and changes nothing",
    [target, fc.integer({ min: 8 * 1024, max: 12 * 1024 })],
    ([pub, size]) =>
      Effect.gen(function*() {
        const users = yield* Users
        const user = yield* users.create({ publicMetadata: pub })
        const result = yield* Effect.either(
          users.updateMetadata(user.id, { publicMetadata: { big: "x".repeat(size) } })
        )
        expect(Either.isLeft(result) && result.left._tag).toBe("UnprocessableEntity")
        expect(json((yield* users.get(user.id)).publicMetadata)).toBe(json(pub))
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 20 } }
  )
})
