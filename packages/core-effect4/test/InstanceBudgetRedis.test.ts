/**
 * The Effect 4 line's instance budget in Redis against a real redis-server (loopback): two stores (two
 * processes) share one budget, a 429's block reaches both, and Redis out falls back to the local share.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as InstanceBudgetRedis from "../src/InstanceBudgetRedis.js"
import * as RedisServer from "./utils/redisServer.js"

const budget = { requests: 4, windowMillis: 1000 }

describe("InstanceBudgetRedis (Effect 4)", () => {
  it.live("two stores share the budget: the requests are spaced by the window over the budget", () =>
    Effect.scoped(Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const a = yield* InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port: redis.port }, prefix: "t:" })
      const b = yield* InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port: redis.port }, prefix: "t:" })
      const first = yield* a.reserve("k", budget)
      const second = yield* b.reserve("k", budget)
      const third = yield* a.reserve("k", budget)
      assert.strictEqual(first, 0)
      // spaced by 250 ms (4 per second) whichever process asks: each wait later than the one before
      assert.isTrue(second > 0 && second <= 250, String(second))
      assert.isTrue(third > second && third <= 500, String(third))
    })))

  it.live("a block from one store is seen by the other", () =>
    Effect.scoped(Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const a = yield* InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port: redis.port } })
      const b = yield* InstanceBudgetRedis.make({ redis: { host: "127.0.0.1", port: redis.port } })
      yield* a.block("k", 5000)
      const left = yield* b.blockedFor("k")
      assert.isTrue(left > 0 && left <= 5000, String(left))
      const wait = yield* b.reserve("k", budget)
      assert.isTrue(wait > 0, String(wait))
    })))

  it.live("Redis out: the local share of the budget paces the process", () =>
    Effect.scoped(Effect.gen(function*() {
      const store = yield* InstanceBudgetRedis.make({
        redis: { host: "127.0.0.1", port: 9, lazyConnect: true, connectTimeout: 200 },
        timeout: "200 millis",
        localShare: 0.5
      })
      const waits = yield* Effect.forEach([1, 2, 3], () => store.reserve("k", budget))
      // half of 4 per second: 2 at once, the 3rd in the next window
      assert.strictEqual(waits[0], 0)
      assert.strictEqual(waits[1], 0)
      assert.isTrue((waits[2] ?? 0) > 0)
    })))
})
