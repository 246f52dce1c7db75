/**
 * The instance budget's limiter and in-memory store, under `TestClock`: fixed windows, waits, 429 blocks, the
 * default budgets of a key and `ClerkConfig`'s `instanceBudget`.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as TestClock from "effect/TestClock"
import { ClerkConfig, InstanceBudget } from "../src/index.js"

const budget = { requests: 3, window: Duration.seconds(1) }

describe("InstanceBudget", () => {
  it("fromKey: Clerk's budget for the key's instance, less 10 %", () => {
    expect(InstanceBudget.fromKey("sk_test_x")).toEqual({ requests: 90, window: Duration.millis(10_000) })
    expect(InstanceBudget.fromKey("sk_live_x")).toEqual({ requests: 900, window: Duration.millis(10_000) })
  })

  it.effect("ClerkConfig: the key's budget by default, other numbers, or false", () =>
    Effect.gen(function*() {
      expect((yield* ClerkConfig.make({ secretKey: "sk_live_x" })).instanceBudget).toEqual(
        InstanceBudget.fromKey("sk_live_x")
      )
      expect((yield* ClerkConfig.make({ secretKey: "sk_test_x", instanceBudget: budget })).instanceBudget).toEqual(
        budget
      )
      expect((yield* ClerkConfig.make({ secretKey: "sk_test_x", instanceBudget: false })).instanceBudget)
        .toBeUndefined()
      const bad = yield* Effect.flip(
        ClerkConfig.make({ secretKey: "sk_test_x", instanceBudget: { requests: 0, window: Duration.seconds(1) } })
      )
      expect(String(bad)).toContain("instanceBudget")
    }))

  it.effect("take: the requests of a window go at once, the next ones wait for the next window", () =>
    Effect.gen(function*() {
      const limiter = yield* InstanceBudget.make({ secretKey: "sk_test_x", budget })
      for (let i = 0; i < 3; i++) yield* limiter.take
      const fourth = yield* Effect.fork(limiter.take)
      yield* TestClock.adjust("999 millis")
      expect(fourth.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fourth)
    }))

  it.effect("rateLimited: every fiber waits until the Retry-After has passed, even one that had a reservation", () =>
    Effect.gen(function*() {
      const limiter = yield* InstanceBudget.make({ secretKey: "sk_test_x", budget })
      for (let i = 0; i < 3; i++) yield* limiter.take
      const waiting = yield* Effect.fork(limiter.take)
      yield* limiter.rateLimited(Duration.seconds(5))
      const later = yield* Effect.fork(limiter.take)
      yield* TestClock.adjust("4999 millis")
      expect(waiting.unsafePoll()).toBeNull()
      expect(later.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(waiting)
      yield* Fiber.join(later)
    }))

  it.effect("limiters over one store share the budget; the store's keys never hold the secret key", () =>
    Effect.gen(function*() {
      const store = yield* InstanceBudget.makeStoreMemory
      const keys: Array<string> = []
      const spying: InstanceBudget.Store = {
        ...store,
        reserve: (key, b) => Effect.zipRight(Effect.sync(() => keys.push(key)), store.reserve(key, b))
      }
      const provide = Effect.provideService(InstanceBudget.BudgetStore, spying)
      const a = yield* provide(InstanceBudget.make({ secretKey: "sk_test_secret", budget }))
      const b = yield* provide(InstanceBudget.make({ secretKey: "sk_test_secret", budget }))
      yield* a.take
      yield* b.take
      yield* a.take
      const fourth = yield* Effect.fork(b.take)
      yield* TestClock.adjust("999 millis")
      expect(fourth.unsafePoll()).toBeNull()
      yield* TestClock.adjust("1 millis")
      yield* Fiber.join(fourth)
      expect(keys.length).toBe(4)
      for (const key of keys) expect(key).not.toContain("secret")
    }))

  it.effect("a call that waits says so: a debug log line and a span event with the milliseconds", () =>
    Effect.gen(function*() {
      const lines: Array<unknown> = []
      const logger = Logger.make(({ message }) => lines.push(message))
      const events: Array<[string, unknown]> = []
      const limiter = yield* InstanceBudget.make({
        secretKey: "sk_test_x",
        budget: { requests: 1, window: budget.window }
      })
      yield* limiter.take
      expect(lines).toEqual([])
      const second = yield* Effect.fork(
        Effect.flatMap(Effect.currentSpan, (span) => {
          const event = span.event.bind(span)
          span.event = (name, time, attributes) => {
            events.push([name, attributes?.["millis"]])
            event(name, time, attributes)
          }
          return limiter.take
        }).pipe(
          Effect.withSpan("call"),
          Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
          Logger.withMinimumLogLevel(LogLevel.Debug)
        )
      )
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(second)
      expect(lines).toEqual([["clerk: instance budget spent, waiting 1000 ms"]])
      expect(events).toContainEqual(["clerk.instanceBudget.wait", 1000])
    }))

  it.effect("unlimited and a budget of undefined never wait", () =>
    Effect.gen(function*() {
      const off = yield* InstanceBudget.make({ secretKey: "sk_test_x", budget: undefined })
      expect(off.budget).toBeUndefined()
      for (let i = 0; i < 1000; i++) yield* off.take
      yield* InstanceBudget.unlimited.take
    }))
})
