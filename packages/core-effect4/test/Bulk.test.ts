/**
 * `Bulk.run` when a chunk's call does not fail: an interrupted chunk ends the run as an interruption, a defect
 * as that defect (the chunk's cause kept without its failures, as on the Effect 3 line).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { Bulk } from "../src/index.js"

const ids = Array.from({ length: 120 }, (_, i) => `user_${i}`)
const noUsers: ReadonlyArray<{ readonly id: string }> = []

describe("Bulk.run", () => {
  it.effect("an interrupted chunk: the run is an interruption, not a defect", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Bulk.run("test", () => Effect.as(Effect.interrupt, noUsers), ids))
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        assert.isTrue(Cause.hasInterrupts(exit.cause))
        assert.isFalse(Cause.hasDies(exit.cause))
        assert.isFalse(Cause.hasFails(exit.cause))
      }
    }))

  it.effect("a defect of a chunk: the run dies with that defect", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(Bulk.run("test", () => Effect.as(Effect.die("boom"), noUsers), ids))
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const defect = Cause.findDefect(exit.cause)
        assert.isTrue(Cause.hasDies(exit.cause))
        assert.strictEqual(defect._tag === "Success" ? defect.success : undefined, "boom")
      }
    }))
})
