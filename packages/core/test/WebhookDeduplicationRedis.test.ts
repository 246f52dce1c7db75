/**
 * The webhook de-duplication's Redis store against a real redis-server (started on a loopback port): an id
 * claimed by one store (process) is a duplicate for the other, keys expire with the id's time to live, a release
 * frees the id for all, and Redis out never fails a delivery (the local store answers, the outage logged once).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as WebhookDeduplicationRedis from "../src/WebhookDeduplicationRedis.js"
import * as RedisServer from "./utils/redisServer.js"

const storeOn = (port: number, options: Partial<WebhookDeduplicationRedis.Options> = {}) =>
  WebhookDeduplicationRedis.make({ redis: { host: "127.0.0.1", port }, ...options })

const logged = <A, E, R>(lines: Ref.Ref<Array<string>>, effect: Effect.Effect<A, E, R>) =>
  Effect.provide(
    effect,
    Logger.replace(
      Logger.defaultLogger,
      Logger.make(({ logLevel, message }) =>
        Effect.runSync(Ref.update(lines, (all) => [...all, `${logLevel.label} ${String(message)}`]))
      )
    )
  )

describe("WebhookDeduplicationRedis", () => {
  it.scopedLive("two stores (two processes) share the ids; keys expire; a release frees the id for all", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const a = yield* storeOn(redis.port, { prefix: "app:" })
      const b = yield* storeOn(redis.port, { prefix: "app:" })
      expect(yield* a.claim("msg_1", 60_000)).toBe(true)
      expect(yield* b.claim("msg_1", 60_000)).toBe(false)
      expect(yield* a.claim("msg_1", 60_000)).toBe(false)
      const ttl = yield* redis.command("PTTL", "app:clerk:webhook:msg_1")
      expect(typeof ttl === "number" && ttl > 50_000 && ttl <= 60_000).toBe(true)
      yield* a.release("msg_1")
      expect(yield* redis.command("EXISTS", "app:clerk:webhook:msg_1")).toBe(0)
      expect(yield* b.claim("msg_1", 60_000)).toBe(true)
    }))

  it.scopedLive("Redis stopped then back: claims answered locally, logged once, then Redis again", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const lines = yield* Ref.make<Array<string>>([])
      const store = yield* logged(lines, storeOn(redis.port, { probeInterval: "200 millis", timeout: "100 millis" }))
      const claim = (id: string) => logged(lines, store.claim(id, 60_000))
      expect(yield* claim("msg_before")).toBe(true)
      yield* redis.stop
      // never an error: the local store answers, and still knows the id Redis held
      expect(yield* claim("msg_before")).toBe(false)
      expect(yield* claim("msg_down")).toBe(true)
      expect(yield* claim("msg_down")).toBe(false)
      yield* Effect.sleep("300 millis")
      expect(yield* claim("msg_down")).toBe(false) // a probe, refused again: no second warning
      expect((yield* Ref.get(lines)).filter((line) => line.startsWith("WARN"))).toHaveLength(1)
      yield* redis.start
      const inRedis = Effect.flatMap(
        Effect.zipRight(claim("msg_after"), redis.command("EXISTS", "clerk:webhook:msg_after")),
        (n) => n === 1 ? Effect.void : Effect.fail("not in Redis yet")
      )
      yield* Effect.retry(inRedis, Schedule.intersect(Schedule.spaced("100 millis"), Schedule.recurs(50)))
      expect((yield* Ref.get(lines)).filter((line) => line.startsWith("INFO") && line.includes("is back")))
        .toHaveLength(1)
    }))

  it.live("Redis down from the start: claims answered locally, and the scope closes cleanly", () =>
    Effect.gen(function*() {
      const port = yield* Effect.scoped(Effect.map(RedisServer.make(), (redis) => redis.port))
      const exit = yield* Effect.exit(Effect.scoped(Effect.gen(function*() {
        const store = yield* storeOn(port, { timeout: "100 millis" })
        return [yield* store.claim("msg_1", 1_000), yield* store.claim("msg_1", 1_000)]
      })))
      expect(exit._tag === "Success" && exit.value).toEqual([true, false])
    }))
})
