/**
 * The Effect 4 line's webhook de-duplication Redis store against a real redis-server (started on a loopback port):
 * an id claimed by one store (process) is a duplicate for the other, keys are the kernel's (shared with the Effect 3
 * line) and expire with the id's time to live, a release frees the id for all, and Redis out never fails a delivery
 * (the local store answers, the outage logged once, the return logged once).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Schedule from "effect/Schedule"
import { Redis } from "ioredis"
import * as WebhookDeduplicationRedis from "../src/WebhookDeduplicationRedis.js"
import * as RedisServer from "./utils/redisServer.js"

const storeOn = (port: number, options: Partial<WebhookDeduplicationRedis.Options> = {}) =>
  WebhookDeduplicationRedis.make({ redis: { host: "127.0.0.1", port }, ...options })

/** A plain client for looking at the keys. */
const clientOn = (port: number) =>
  Effect.acquireRelease(
    Effect.sync(() => new Redis({ host: "127.0.0.1", port, lazyConnect: false })),
    (redis) => Effect.sync(() => redis.disconnect())
  )

/** The log lines, as "<level> <message>". */
const capture = (lines: Array<string>) =>
  Logger.layer([Logger.make(({ logLevel, message }) => lines.push(`${logLevel} ${String(message)}`))])

describe("WebhookDeduplicationRedis (Effect 4)", () => {
  it.live("two stores (two processes) share the ids; keys expire; a release frees the id for all", () =>
    Effect.scoped(Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const client = yield* clientOn(redis.port)
      const a = yield* storeOn(redis.port, { prefix: "app:" })
      const b = yield* storeOn(redis.port, { prefix: "app:" })
      assert.isTrue(yield* a.claim("msg_1", 60_000))
      assert.isFalse(yield* b.claim("msg_1", 60_000))
      assert.isFalse(yield* a.claim("msg_1", 60_000))
      const ttl = yield* Effect.promise(() => client.pttl("app:clerk:webhook:msg_1"))
      assert.isTrue(ttl > 50_000 && ttl <= 60_000, String(ttl))
      yield* a.release("msg_1")
      assert.strictEqual(yield* Effect.promise(() => client.exists("app:clerk:webhook:msg_1")), 0)
      assert.isTrue(yield* b.claim("msg_1", 60_000))
    })))

  it.live("Redis stopped then back: claims answered locally, logged once, then Redis again", () => {
    const lines: Array<string> = []
    return Effect.scoped(
      Effect.gen(function*() {
        const redis = yield* RedisServer.make()
        const store = yield* storeOn(redis.port, { probeInterval: "200 millis", timeout: "100 millis" })
        const claim = (id: string) => store.claim(id, 60_000)
        assert.isTrue(yield* claim("msg_before"))
        yield* redis.stop
        // never an error: the local store answers, and still knows the id Redis held
        assert.isFalse(yield* claim("msg_before"))
        assert.isTrue(yield* claim("msg_down"))
        assert.isFalse(yield* claim("msg_down"))
        yield* Effect.sleep("300 millis")
        assert.isFalse(yield* claim("msg_down")) // a probe, refused again: no second warning
        assert.strictEqual(lines.filter((line) => line.startsWith("Warn")).length, 1, lines.join("\n"))
        yield* redis.start
        const client = yield* clientOn(redis.port)
        const inRedis = Effect.gen(function*() {
          yield* claim("msg_after")
          const n = yield* Effect.promise(() => client.exists("clerk:webhook:msg_after"))
          if (n !== 1) return yield* Effect.fail("not in Redis yet")
        })
        yield* Effect.retry(inRedis, { times: 50, schedule: Schedule.spaced("100 millis") })
        assert.strictEqual(lines.filter((line) => line.startsWith("Info") && line.includes("is back")).length, 1)
      }).pipe(Effect.provide(capture(lines)))
    )
  })

  it.live("Redis down from the start: claims answered locally, and the scope closes cleanly", () =>
    Effect.gen(function*() {
      const port = yield* Effect.scoped(Effect.map(RedisServer.make(), (redis) => redis.port))
      const claims = yield* Effect.scoped(Effect.gen(function*() {
        const store = yield* storeOn(port, { timeout: "100 millis" })
        return [yield* store.claim("msg_1", 1_000), yield* store.claim("msg_1", 1_000)]
      }))
      assert.deepStrictEqual(claims, [true, false])
    }))
})
