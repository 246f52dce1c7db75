/**
 * A job paced by the instance budget in a real redis-server (core's `InstanceBudgetRedis`) against the in-memory
 * layer enforcing limits, while Redis is stopped, restarted and paused mid-job: no call fails, every update lands,
 * each outage is logged once, and the budget is kept in Redis again once it is back.
 */
import { CallPolicy, Users } from "@effect-clerk/core"
import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as RedisServer from "../../core/test/utils/redisServer.js"
import { UsersInMemory } from "../src/index.js"

const USERS = 10
const UPDATES_PER_USER = 10

describe("the instance budget in Redis, Redis failing mid-job", () => {
  it.scopedLive("stop, restart, pause: no failed call, nothing lost, one warning per outage, Redis used again", () =>
    Effect.gen(function*() {
      const redis = yield* RedisServer.make()
      const lines = yield* Ref.make<Array<string>>([])
      const logger = Logger.replace(
        Logger.defaultLogger,
        Logger.make(({ logLevel, message }) =>
          Effect.runSync(Ref.update(lines, (all) => [...all, `${logLevel.label} ${String(message)}`]))
        )
      )
      const layer = UsersInMemory.layer({
        rateLimits: { instance: { requests: 20, windowMillis: 1_000 }, userWrites: null },
        callPolicy: CallPolicy.make({
          perUserWriteLimit: false,
          instanceBudget: { requests: 18, window: Duration.seconds(1) }
        })
      }).pipe(
        Layer.provide(
          InstanceBudgetRedis.layerStore({
            redis: { host: "127.0.0.1", port: redis.port },
            timeout: "100 millis",
            probeInterval: "200 millis"
          })
        ),
        Layer.provideMerge(logger)
      )
      const context = yield* Layer.build(layer)
      const users = yield* Effect.provide(Users, context)

      const ids = yield* Effect.forEach(
        Array.from({ length: USERS }, (_, i) => i),
        (i) => Effect.map(users.create({ externalId: `fault-${i}` }), (user) => user.id)
      )
      const updates = ids.flatMap((id) => Array.from({ length: UPDATES_PER_USER }, (_, k) => ({ id, k })))
      const done = yield* Ref.make(0)
      const job = yield* Effect.fork(
        Effect.forEach(
          updates,
          ({ id, k }) =>
            Effect.zipLeft(
              Effect.either(users.updateMetadata(id, { publicMetadata: { [`k${k}`]: k } })),
              Ref.update(done, (n) => n + 1)
            ),
          { concurrency: 8 }
        ).pipe(Effect.provide(context))
      )
      // each fault waits for the job to be where it should be (polled on the wall clock; vitest bounds the test)
      const until = <E>(check: Effect.Effect<boolean, E>) =>
        Effect.retry(
          Effect.flatMap(check, (ok) => ok ? Effect.void : Effect.fail("not yet")),
          Schedule.spaced("50 millis")
        )
      const count = (level: string, text: string) =>
        Effect.map(Ref.get(lines), (all) => all.filter((line) => line.startsWith(level) && line.includes(text)).length)
      yield* until(Effect.map(Ref.get(done), (n) => n >= 15))
      yield* redis.stop
      const atStop = yield* Ref.get(done)
      // the job goes on without Redis
      yield* until(Effect.map(Ref.get(done), (n) => n >= atStop + 6))
      yield* redis.start
      yield* until(Effect.map(count("INFO", "is back"), (n) => n === 1))
      // longer than a window: the fibers waiting for the next one ask Redis during the pause
      yield* redis.command("CLIENT", "PAUSE", 1_200)
      yield* until(Effect.map(count("WARN", "unavailable"), (n) => n === 2))
      const results = yield* Fiber.join(job)
      expect(results.filter((result) => result._tag === "Left")).toEqual([])
      for (const id of ids) {
        const user = yield* users.get(id)
        expect(Object.keys(user.publicMetadata).sort()).toEqual(
          Array.from({ length: UPDATES_PER_USER }, (_, k) => `k${k}`).sort()
        )
      }
      expect(yield* count("WARN", "unavailable")).toBe(2)
      // the budget is kept in Redis again (the in-memory layer's limiter is named after "in-process")
      yield* until(
        Effect.zipWith(
          Effect.zipRight(users.count(), count("INFO", "is back")),
          redis.command("EXISTS", `${RateLimits.budgetKey("in-process")}:instance`),
          (back, exists) => back === 2 && exists === 1
        )
      )
      expect(yield* count("WARN", "unavailable")).toBe(2)
    }))
})
