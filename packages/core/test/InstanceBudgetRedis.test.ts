/**
 * The instance budget's Redis store against a real redis-server (started on a loopback port): one schedule for
 * several stores (processes), blocks shared, keys hashed and expiring, and the local fallback when Redis is
 * stopped, paused or restarted (never an error, logged once per outage, Redis used again once back).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import { InstanceBudget } from "../src/index.js"
import * as InstanceBudgetRedis from "../src/InstanceBudgetRedis.js"
import * as RedisServer from "./utils/redisServer.js"

const budget = { requests: 3, windowMillis: 1_000 }

const storeOn = (port: number, options: Partial<InstanceBudgetRedis.Options> = {}) =>
  InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port }, ...options })

/** The log lines written while `effect` runs. */
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

describe("InstanceBudgetRedis", () => {
  it.scopedLive("two stores (two processes) share one schedule: requests spaced by window / requests", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const a = yield* storeOn(redis.port)
      const b = yield* storeOn(redis.port)
      const delays = [
        yield* a.reserve("clerk:t:instance", budget),
        yield* b.reserve("clerk:t:instance", budget),
        yield* a.reserve("clerk:t:instance", budget),
        yield* b.reserve("clerk:t:instance", budget)
      ]
      // one request every 333.3 ms for both, less the time the calls themselves took
      expect(delays[0]).toBe(0)
      for (let k = 1; k < 4; k++) {
        expect(delays[k]).toBeGreaterThan((k - 1) * 334)
        expect(delays[k]).toBeLessThanOrEqual(k * 334)
      }
    }))

  it.scopedLive("a block set by one store is seen by the other; the keys hash the secret key and expire", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const a = yield* storeOn(redis.port)
      const b = yield* storeOn(redis.port)
      const limiterA = yield* InstanceBudget.make({
        secretKey: "sk_test_secret",
        budget: { requests: 5, window: Duration.seconds(1) }
      })
        .pipe(Effect.provideService(InstanceBudget.BudgetStore, a))
      yield* limiterA.take
      yield* limiterA.rateLimited(Duration.seconds(30))
      const keys = yield* redis.command("KEYS", "*")
      expect(Array.isArray(keys) && keys.length).toBe(2)
      for (const key of keys as ReadonlyArray<string>) {
        expect(key).not.toContain("sk_test_secret")
        expect(key.startsWith("clerk:")).toBe(true)
        const ttl = yield* redis.command("PTTL", key)
        expect(typeof ttl === "number" && ttl > 0).toBe(true)
      }
      const blocked = (keys as ReadonlyArray<string>).find((key) => key.endsWith(":blocked"))!
      const instanceKey = blocked.slice(0, -":blocked".length)
      expect(yield* b.blockedFor(instanceKey)).toBeGreaterThan(25_000)
      // a reservation of the other process goes after the block; a shorter block does not shorten it
      yield* b.block(instanceKey, 1_000)
      expect(yield* b.reserve(instanceKey, { requests: 5, windowMillis: 1_000 })).toBeGreaterThan(25_000)
    }))

  it.live("Redis down from the start and at the end: the local store answers, and the scope closes cleanly", () =>
    Effect.gen(function*() {
      const port = yield* Effect.scoped(Effect.map(RedisServer.make(), (redis) => redis.port))
      const exit = yield* Effect.exit(Effect.scoped(Effect.gen(function*() {
        const store = yield* storeOn(port, { timeout: "100 millis" })
        return [
          yield* store.reserve("clerk:d:instance", { requests: 4, windowMillis: 60_000 }),
          yield* store.reserve("clerk:d:instance", { requests: 4, windowMillis: 60_000 })
        ]
      })))
      // a quarter of 4: the second reservation waits for the next window; no error, no defect on closing
      expect(exit._tag).toBe("Success")
      if (exit._tag === "Success") {
        expect(exit.value[0]).toBe(0)
        expect(exit.value[1]).toBeGreaterThan(0)
      }
    }))

  it.scopedLive("Redis stopped, paused, restarted: answers from the local share, logged once per outage, then Redis again", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const lines = yield* Ref.make<Array<string>>([])
      const store = yield* logged(lines, storeOn(redis.port, { probeInterval: "200 millis", timeout: "100 millis" }))
      const reserve = logged(lines, store.reserve("clerk:f:instance", { requests: 8, windowMillis: 60_000 }))
      expect(yield* reserve).toBe(0)
      yield* redis.stop
      // local share: a quarter of 8 per window, the rest waits; never an error
      const down = [yield* reserve, yield* reserve, yield* reserve]
      expect(down.slice(0, 2)).toEqual([0, 0])
      expect(down[2]).toBeGreaterThan(0)
      yield* Effect.sleep("300 millis")
      yield* reserve // a probe, refused again: no second warning
      expect((yield* Ref.get(lines)).filter((line) => line.startsWith("WARN"))).toHaveLength(1)
      yield* redis.start
      // back within ioredis's reconnection delay and one probe interval
      const inRedis = Effect.flatMap(
        Effect.zipRight(reserve, redis.command("EXISTS", "clerk:f:instance")),
        (n) => n === 1 ? Effect.void : Effect.fail("not in Redis yet")
      )
      yield* Effect.retry(inRedis, Schedule.intersect(Schedule.spaced("100 millis"), Schedule.recurs(50)))
      expect((yield* Ref.get(lines)).filter((line) => line.startsWith("INFO") && line.includes("is back")))
        .toHaveLength(1)
      // a paused Redis answers too late: the local store answers within the timeout, a second outage logged once
      yield* redis.command("CLIENT", "PAUSE", 1_000)
      expect(typeof (yield* reserve)).toBe("number")
      expect((yield* Ref.get(lines)).filter((line) => line.startsWith("WARN"))).toHaveLength(2)
      expect((yield* Ref.get(lines)).find((line) => line.startsWith("WARN") && line.includes("timed out")))
        .toBeDefined()
    }))
})
