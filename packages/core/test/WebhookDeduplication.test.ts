/**
 * `WebhookDeduplication`: the in-memory store (ids expiring on `TestClock`, a bound on the ids kept) and `once`
 * (a message id handled once, released when its handling fails so that Svix's retry runs it again).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as TestClock from "effect/TestClock"
import type { Webhooks } from "../src/index.js"
import { WebhookDeduplication } from "../src/index.js"

const message = (id: string): Webhooks.Message => ({
  id,
  timestamp: 0,
  event: { _tag: "Other", object: "event", type: "session.created", timestamp: 0, instanceId: "ins_1", data: {} }
})

describe("WebhookDeduplication", () => {
  it.effect("the memory store claims an id once until it expires on Clock", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory()
      expect(yield* store.claim("msg_1", 1_000)).toBe(true)
      expect(yield* store.claim("msg_1", 1_000)).toBe(false)
      expect(yield* store.claim("msg_2", 1_000)).toBe(true)
      yield* TestClock.adjust(Duration.millis(999))
      expect(yield* store.claim("msg_1", 1_000)).toBe(false)
      yield* TestClock.adjust(Duration.millis(1))
      expect(yield* store.claim("msg_1", 1_000)).toBe(true)
    }))

  it.effect("a released id can be claimed again", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory()
      expect(yield* store.claim("msg_1", 1_000)).toBe(true)
      yield* store.release("msg_1")
      expect(yield* store.claim("msg_1", 1_000)).toBe(true)
    }))

  it.effect("keeps at most maxEntries ids, forgetting the oldest first", () =>
    Effect.gen(function*() {
      const store = yield* WebhookDeduplication.makeStoreMemory({ maxEntries: 2 })
      for (const id of ["a", "b", "c"]) expect(yield* store.claim(id, 60_000)).toBe(true)
      expect(yield* store.claim("c", 60_000)).toBe(false)
      expect(yield* store.claim("b", 60_000)).toBe(false)
      expect(yield* store.claim("a", 60_000)).toBe(true)
    }))

  it("remembers ids for the span of Svix's retries by default", () => {
    expect(Duration.toHours(WebhookDeduplication.DEFAULT_TTL)).toBeGreaterThan(27.5)
    expect(Duration.toHours(WebhookDeduplication.DEFAULT_TTL)).toBeLessThan(28)
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
      const first = yield* Effect.either(onMessage(message("msg_fails")))
      expect(first._tag).toBe("Left")
      yield* onMessage(message("msg_fails"))
      yield* onMessage(message("msg_fails"))
      expect(yield* Ref.get(runs)).toEqual(["msg_1", "msg_fails", "msg_fails"])
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
      expect(yield* Ref.get(runs)).toBe(2)
    }).pipe(Effect.provide(WebhookDeduplication.layerStoreMemory)))
})
