/**
 * An Effect 4 consumer's property test (`@effect/vitest` 4, values from `effect/Arbitrary` derived from the
 * published `User` schema): the seed is printed, and `EFFECT_CLERK_SEED` replays it; with `SAMPLES` set, every
 * generated user's id is appended to that file (the consumer script compares two runs of one seed).
 */
import * as User from "@effect-clerk/core/User"
import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { appendFileSync } from "node:fs"

const seed = process.env["EFFECT_CLERK_SEED"] ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`[effect/Arbitrary] seed=${seed} (replay with EFFECT_CLERK_SEED=${seed})`)
const samples = process.env["SAMPLES"]

const encode = Schema.encodeEffect(User.User)
const decode = Schema.decodeUnknownEffect(User.User)

it.effect.prop(
  "a User encodes to Clerk's wire form and decodes back to itself",
  [Schema.toType(User.User)],
  ([user]) =>
    Effect.gen(function*() {
      if (samples !== undefined) appendFileSync(samples, `${JSON.stringify([user.id, user.createdAt])}\n`)
      const wire = yield* encode(user)
      assert.deepStrictEqual(yield* decode(wire), user)
    }),
  { arbitrary: { runs: 25, seed } }
)
