/**
 * Property tests on the Effect 4 line with `effect/Arbitrary` (derived from the Schemas; fast-check is not used):
 * every user the `User` schema can describe encodes to a wire form that decodes back to it. The seed comes from
 * `EFFECT_CLERK_SEED` when set (replay), otherwise a fresh one, printed either way.
 */
import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { User } from "../src/User.js"

const seed = process.env["EFFECT_CLERK_SEED"] ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`[effect/Arbitrary] seed=${seed} (replay with EFFECT_CLERK_SEED=${seed})`)

const encode = Schema.encodeEffect(User)
const decode = Schema.decodeUnknownEffect(User)

it.effect.prop(
  "User: encode then decode is the identity, and the wire form has no camelCase key at the top",
  [Schema.toType(User)],
  ([user]) =>
    Effect.gen(function*() {
      const wire = yield* encode(user)
      assert.deepStrictEqual(yield* decode(wire), user)
      assert.isFalse(Object.keys(wire).some((key) => /[A-Z]/.test(key)))
    }),
  { arbitrary: { runs: 50, seed } }
)
