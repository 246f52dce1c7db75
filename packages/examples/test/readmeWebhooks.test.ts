/**
 * The README's user-events snippets, run: the in-memory layer's event stream, and the delivery faults accepted.
 */
import { UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { banEmitsAnUpdate, unreliableDeliveries } from "../src/readme/webhooks-testing.js"

describe("README: reacting to user events", () => {
  it.effect("a ban emits user.updated after the creation's user.created", () =>
    Effect.gen(function*() {
      expect(yield* banEmitsAnUpdate).toEqual(["user.created", "user.updated"])
    }))

  it.effect("the delivery faults are accepted (the in-memory layer delivers nothing: its log stays empty)", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      yield* unreliableDeliveries
      yield* control.trigger("user.created", { firstName: "Ada" })
      expect((yield* control.emitted).map((event) => event.type)).toEqual(["user.created"])
      expect(yield* control.webhookDeliveries).toEqual([])
    }).pipe(Effect.provide(UsersInMemory.layer())))
})
