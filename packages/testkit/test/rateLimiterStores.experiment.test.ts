/**
 * Issue 23, groundwork: what `@effect/experimental` 0.61's `RateLimiter` does against a real `redis-server`
 * (findings in NOTES-issue23-redis.md). Each "process" is a limiter over its own ioredis connection.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as RedisStore from "@effect/experimental/RateLimiter/Redis"
import { describe, expect, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import type { RedisOptions } from "ioredis"
import { make as makeRedisServer } from "../../core/test/utils/redisServer.js"

/** A limiter with its own connection to `port` (one "process"), open for the scope. */
const limiterOn = (port: number, options: RedisOptions = {}): Effect.Effect<
  RateLimiter.RateLimiter,
  never,
  Scope.Scope
> =>
  Layer.build(RateLimiter.layer.pipe(Layer.provide(RedisStore.layerStore({ host: "127.0.0.1", port, ...options }))))
    .pipe(Effect.map(Context.get(RateLimiter.RateLimiter)))

/** The wall clock shifted by `offset` milliseconds: a process whose clock is skewed. */
const skewed = (offset: number): Clock.Clock => {
  const live = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => live.unsafeCurrentTimeMillis() + offset,
    currentTimeMillis: Effect.sync(() => live.unsafeCurrentTimeMillis() + offset),
    unsafeCurrentTimeNanos: () => live.unsafeCurrentTimeNanos() + BigInt(offset) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => live.unsafeCurrentTimeNanos() + BigInt(offset) * 1_000_000n),
    sleep: (duration) => live.sleep(duration)
  }
}

/** `fibers` concurrent consumes of one token each on `limiter` under `clock`; how many were let through. */
const accepted = (
  limiter: RateLimiter.RateLimiter,
  clock: Clock.Clock,
  fibers: number,
  options: { readonly key: string; readonly limit: number; readonly algorithm: "fixed-window" | "token-bucket" }
) =>
  Effect.forEach(
    Array.from({ length: fibers }),
    () => Effect.either(limiter.consume({ ...options, window: "60 seconds", onExceeded: "fail" })),
    { concurrency: "unbounded" }
  ).pipe(
    Effect.withClock(clock),
    Effect.map((results) => results.filter(Either.isRight).length)
  )

describe("@effect/experimental RateLimiter on a real redis-server (issue 23 study)", () => {
  it.scopedLive("fixed-window: 2 processes x 25 fibers, limit 10: exactly 10 pass, even with clocks 30 s apart", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const a = yield* limiterOn(redis.port)
      const b = yield* limiterOn(redis.port)
      const options = { key: "fw", limit: 10, algorithm: "fixed-window" } as const
      const [passedA, passedB] = yield* Effect.all([
        accepted(a, skewed(0), 25, options),
        accepted(b, skewed(30_000), 25, options)
      ], { concurrency: 2 })
      expect(passedA + passedB).toBe(10)
      // the window is kept by Redis (PX, PTTL), not by the caller's clock: the key expires
      const ttl = yield* redis.command("PTTL", "ratelimiter:fw")
      expect(typeof ttl === "number" && ttl > 0 && ttl <= 60_000).toBe(true)
      // a process whose clock is behind sees the same spent window
      expect(yield* accepted(b, skewed(-30_000), 5, options)).toBe(0)
    }))

  it.scopedLive("fixed-window, delay mode: the 11th..15th consumes across processes are told to wait a window", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const a = yield* limiterOn(redis.port)
      const b = yield* limiterOn(redis.port)
      const consume = (limiter: RateLimiter.RateLimiter) =>
        limiter.consume({ key: "delay", limit: 10, window: "10 seconds", onExceeded: "delay" })
      const results = yield* Effect.forEach(
        Array.from({ length: 15 }, (_, i) => i % 2 === 0 ? a : b),
        consume,
        { concurrency: "unbounded" }
      )
      const delays = results.map((result) => Duration.toMillis(result.delay))
      expect(delays.filter((delay) => delay === 0).length).toBe(10)
      const waits = delays.filter((delay) => delay > 0)
      expect(waits.length).toBe(5)
      expect(waits.every((delay) => delay > 9_000 && delay <= 10_000)).toBe(true)
    }))

  it.scopedLive("token-bucket: the caller's clock refills it (a process 30 s ahead gets 5 more), and its keys never expire", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const a = yield* limiterOn(redis.port)
      const b = yield* limiterOn(redis.port)
      const options = { key: "tb", limit: 10, algorithm: "token-bucket" } as const
      expect(yield* accepted(a, skewed(0), 25, options)).toBe(10)
      // 60 s / 10 = one token per 6 s: a clock 30 s ahead refills 5 tokens that Redis's time never gave
      expect(yield* accepted(b, skewed(30_000), 25, options)).toBe(5)
      expect(yield* redis.command("PTTL", "ratelimiter:tb")).toBe(-1)
      expect(yield* redis.command("PTTL", "ratelimiter:tb:refill")).toBe(-1)
    }))

  it.scopedLive("Redis down: consume fails with RateLimitStoreError (never a pass); works again after a restart", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const limiter = yield* limiterOn(redis.port, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
      const consume = limiter.consume({ key: "down", limit: 10, window: "60 seconds" })
      const untilConnected = Schedule.spaced(Duration.millis(100))
      yield* Effect.retry(consume, { schedule: untilConnected, times: 50 }) // no offline queue: wait for the connection
      yield* redis.stop
      const error = yield* Effect.flip(consume)
      expect(error._tag).toBe("RateLimiterError")
      expect(error.reason).toBe("StoreError")
      yield* redis.start
      // ioredis reconnects by itself (its backoff: min(attempts * 50, 2000) ms)
      const result = yield* Effect.retry(consume, { schedule: untilConnected, times: 50 })
      // the restarted server is empty: the window starts again
      expect(result.remaining).toBe(9)
    }))

  it.scopedLive("fixed-window fails on Redis when window / limit is not a whole number of milliseconds", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const limiter = yield* limiterOn(redis.port)
      // 10 s / 900 = 11.1 ms per token: SET ... PX 11.11 is refused ("value is not an integer")
      const error = yield* Effect.flip(limiter.consume({ key: "odd", limit: 900, window: "10 seconds" }))
      expect(error.reason).toBe("StoreError")
      // 10 s / 1000 = 10 ms: fine
      const result = yield* limiter.consume({ key: "even", limit: 1_000, window: "10 seconds" })
      expect(result.remaining).toBe(999)
    }))

  it.scopedLive("cost per consume (fixed-window, sequential): memory store vs Redis on loopback", () =>
    Effect.gen(function*() {
      const redis = yield* makeRedisServer()
      const overRedis = yield* limiterOn(redis.port)
      const inMemory = yield* Layer.build(RateLimiter.layer.pipe(Layer.provide(RateLimiter.layerStoreMemory))).pipe(
        Effect.map(Context.get(RateLimiter.RateLimiter))
      )
      const rounds = 2_000
      const run = (limiter: RateLimiter.RateLimiter, key: string) =>
        Effect.gen(function*() {
          const start = performance.now()
          yield* Effect.repeatN(limiter.consume({ key, limit: 1_000_000, window: "10000 seconds" }), rounds - 1)
          return ((performance.now() - start) * 1000) / rounds
        })
      yield* run(overRedis, "warm") // the script is loaded (EVALSHA) and the connection is warm
      const memoryMicros = yield* run(inMemory, "cost")
      const redisMicros = yield* run(overRedis, "cost")
      const concurrentStart = performance.now()
      yield* Effect.forEach(
        Array.from({ length: 8 }),
        () => Effect.repeatN(overRedis.consume({ key: "cost8", limit: 1_000_000, window: "10000 seconds" }), 249),
        { concurrency: "unbounded" }
      )
      const concurrentMicros = ((performance.now() - concurrentStart) * 1000) / rounds
      console.log(
        `consume cost: memory ${memoryMicros.toFixed(1)} µs, redis sequential ${redisMicros.toFixed(1)} µs, ` +
          `redis 8 fibers ${concurrentMicros.toFixed(1)} µs per call`
      )
      expect(yield* redis.command("GET", "ratelimiter:cost")).toBe(String(rounds))
    }))
})
