/**
 * `WebhookDeduplication` on Effect 4: the in-memory store (ids expiring on `TestClock`, a bound on the ids kept)
 * and `once` (a message id handled once, released when its handling fails so that Svix's retry runs it again).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Result from "effect/Result"
import { TestClock } from "effect/testing"
import * as WebhookDeduplication from "../src/WebhookDeduplication.js"
import type * as Webhooks from "../src/Webhooks.js"

const message = (id: string): Webhooks.Message => ({
  id,
  timestamp: 0,
  event: { _tag: "Other", object: "event", type: "session.created", timestamp: 0, instanceId: "ins_1", data: {} }
})

describe("WebhookDeduplication", () => {
  it.effect("the memory store claims an id once until it expires on Clock", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory()
      assert.isTrue(yield* store.claim("msg_1", 1_000))
      assert.isFalse(yield* store.claim("msg_1", 1_000))
      assert.isTrue(yield* store.claim("msg_2", 1_000))
      yield* TestClock.adjust(Duration.millis(999))
      assert.isFalse(yield* store.claim("msg_1", 1_000))
      yield* TestClock.adjust(Duration.millis(1))
      assert.isTrue(yield* store.claim("msg_1", 1_000))
    }))

  it.effect("a released id can be claimed again", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory()
      assert.isTrue(yield* store.claim("msg_1", 1_000))
      yield* store.release("msg_1")
      assert.isTrue(yield* store.claim("msg_1", 1_000))
    }))

  it.effect("keeps at most maxEntries ids, forgetting the oldest first", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory({ maxEntries: 2 })
      for (const id of ["a", "b", "c"]) assert.isTrue(yield* store.claim(id, 60_000))
      assert.isFalse(yield* store.claim("c", 60_000))
      assert.isFalse(yield* store.claim("b", 60_000))
      assert.isTrue(yield* store.claim("a", 60_000))
    }))

  it("remembers ids for the span of Svix's retries by default", () => {
    const hours = Duration.toMillis(WebhookDeduplication.DEFAULT_TTL) / 3_600_000
    assert.isTrue(hours > 27.5 && hours < 28, String(hours))
  })

  it.effect("once: runs onMessage for the first delivery of an id only; a failed one runs again", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make<Array<string>>([])
      const failing = yield* Ref.make(true)
      const onMessage = WebhookDeduplication.once((m: Webhooks.Message) =>
        Effect.gen(function*() {
          yield* Ref.update(runs, (all) => [...all, m.id])
          if (m.id === "msg_fails" && (yield* Ref.getAndSet(failing, false))) yield* Effect.fail("boom")
        })
      )
      yield* onMessage(message("msg_1"))
      yield* onMessage(message("msg_1"))
      assert.isTrue(Result.isFailure(yield* Effect.result(onMessage(message("msg_fails")))))
      yield* onMessage(message("msg_fails"))
      yield* onMessage(message("msg_fails"))
      assert.deepStrictEqual(yield* Ref.get(runs), ["msg_1", "msg_fails", "msg_fails"])
    }).pipe(Effect.provide(WebhookDeduplication.layerStoreMemory)))

  it.effect("once: a ttl of its own", () =>
    Effect.gen(function*() {
      const runs = yield* Ref.make(0)
      const onMessage = WebhookDeduplication.once(() => Ref.update(runs, (n) => n + 1), { ttl: "1 minute" })
      yield* onMessage(message("msg_1"))
      yield* TestClock.adjust("59 seconds")
      yield* onMessage(message("msg_1"))
      yield* TestClock.adjust("1 second")
      yield* onMessage(message("msg_1"))
      assert.strictEqual(yield* Ref.get(runs), 2)
    }).pipe(Effect.provide(WebhookDeduplication.layerStoreMemory)))
})
