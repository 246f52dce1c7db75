/**
 * The Effect 4 examples run: the quickstart and the README's testing snippet on the in-memory layer, and the
 * README's program against a layer whose secret key is refused (its typed error, not a defect).
 */
import { UsersInMemory } from "@effect-clerk/testkit"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { quickstart } from "../src/Quickstart.js"
import { test as testingSnippet } from "../src/readme/effect4-testing.js"

describe("the Effect 4 examples", () => {
  it.effect("the quickstart creates, reads, updates, merges, lists and deletes on the in-memory layer", () =>
    Effect.gen(function*() {
      const result = yield* quickstart.pipe(Effect.provide(UsersInMemory.layer()))
      assert.strictEqual(result.fetchedName, "Ada Byron")
      assert.strictEqual(result.renamed, "Ada Lovelace")
      assert.deepStrictEqual(result.publicMetadata, { plan: "pro", onboarding: { step: 2 } })
      assert.deepStrictEqual(result.listed, [result.created])
      assert.isTrue(result.deleted)
    }))

  it.effect("the README's testing snippet: the lockout ends on the TestClock, the injected 503 is a ServerError", () =>
    Effect.gen(function*() {
      const result = yield* testingSnippet
      assert.deepStrictEqual(result, { locked: false, failure: "ServerError" })
    }))
})
