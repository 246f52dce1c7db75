/**
 * The per-attempt timeout at its edges: inside an uninterruptible region, around the layer's scope closing, with
 * no timeout at all (`Duration.infinity`), and the attempt of an interrupted call stopped before the caller's
 * finalizers run (also when the interruption comes before the call waits for its attempt). Driven by the TestClock.
 */
import * as F from "@effect-clerk/kernel/Fixtures"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import type * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import { Users } from "../src/index.js"
import { settle } from "./utils/drive.js"
import { FakeHttp, usersLayer } from "./utils/FakeHttp.js"

/** The error a polled fiber failed with, if it has ended with one. */
const errorOf = <A, E>(polled: Option.Option<Exit.Exit<A, E>>) =>
  Option.isSome(polled) && Exit.isFailure(polled.value)
    ? Option.getOrUndefined(Cause.failureOption(polled.value.cause))
    : undefined

/** The layer built in a scope of the test's own, so that the test can close it. */
const buildIn = (scope: Scope.Scope) =>
  Effect.map(
    Layer.buildWithScope(usersLayer({ timeout: "5 seconds" }), scope),
    (context) => ({ users: Context.get(context, Users), fake: Context.get(context, FakeHttp) })
  )

describe("timeouts", () => {
  it.effect("a call in an uninterruptible region (an acquireRelease's acquire) still times out", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      yield* fake.respond(() => "hang")
      const fiber = yield* Effect.fork(Effect.uninterruptible(users.get("user_1")))
      yield* settle
      yield* TestClock.adjust("6 seconds")
      yield* settle
      expect(errorOf(yield* Fiber.poll(fiber))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    }).pipe(Effect.provide(usersLayer({ timeout: "5 seconds" }))))

  it.effect("a call in flight when the layer's scope closes fails with TransportError instead of hanging", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const { fake, users } = yield* buildIn(scope)
      yield* fake.respond(() => "hang")
      const fiber = yield* Effect.fork(users.get("user_1"))
      yield* settle
      yield* Scope.close(scope, Exit.void)
      yield* settle
      expect(errorOf(yield* Fiber.poll(fiber))).toMatchObject({ _tag: "TransportError", reason: "Transport" })
    }))

  it.effect("a service kept past its layer's scope still answers, and still times out", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const { fake, users } = yield* buildIn(scope)
      yield* Scope.close(scope, Exit.void)
      yield* fake.respond(() => ({ json: F.userFull }))
      expect((yield* users.get("user_2full")).id).toBe(F.userFull.id)
      yield* fake.respond(() => "hang")
      const fiber = yield* Effect.fork(users.get("user_1"))
      yield* settle
      yield* TestClock.adjust("6 seconds")
      yield* settle
      expect(errorOf(yield* Fiber.poll(fiber))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    }))

  it.effect("the layer's scope closes at once even when its first call ran in an uninterruptible region", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const { fake, users } = yield* buildIn(scope)
      yield* fake.respond(() => ({ json: F.userFull }))
      yield* Effect.uninterruptible(users.get("user_2full"))
      const closing = yield* Effect.fork(Scope.close(scope, Exit.void))
      yield* settle
      // no clock advance: the watchdog's idle period must not hold the scope
      expect(Option.isSome(yield* Fiber.poll(closing))).toBe(true)
    }))

  it.effect("Duration.infinity is no timeout: no watchdog, no sleep, and the call completes when answered", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      const answer = yield* Ref.make(false)
      yield* fake.respond(() =>
        Effect.flatMap(Ref.get(answer), (ready) => (ready ? Effect.succeed({ json: F.userFull }) : Effect.never))
      )
      // the clock the call runs with, counting its reads: a watchdog would read it on every pass
      const clock = yield* Effect.clock
      let reads = 0
      const counting: Clock.Clock = {
        ...clock,
        currentTimeMillis: Effect.suspend(() => {
          reads++
          return clock.currentTimeMillis
        }),
        unsafeCurrentTimeMillis: () => clock.unsafeCurrentTimeMillis(),
        unsafeCurrentTimeNanos: () => clock.unsafeCurrentTimeNanos(),
        sleep: (duration) => clock.sleep(duration)
      }
      const hanging = yield* Effect.fork(Effect.withClock(users.get("user_1"), counting))
      yield* settle
      expect(yield* TestClock.sleeps()).toHaveLength(0)
      expect(reads).toBeLessThan(3)
      yield* Fiber.interrupt(hanging)
      yield* Ref.set(answer, true)
      expect((yield* users.get("user_2full")).id).toBe(F.userFull.id)
    }).pipe(Effect.provide(usersLayer({ timeout: Duration.infinity }))))

  it.effect("an interrupted call's attempt is stopped before the caller's finalizers run", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      const log = yield* Ref.make<ReadonlyArray<string>>([])
      yield* fake.respond(() =>
        Effect.never.pipe(
          Effect.onInterrupt(() => Ref.update(log, (entries) => [...entries, "attempt interrupted"])),
          Effect.as("hang" as const)
        )
      )
      const fiber = yield* Effect.fork(
        Effect.acquireUseRelease(
          Effect.void,
          () => users.get("user_1"),
          () => Ref.update(log, (entries) => [...entries, "release"])
        )
      )
      yield* settle
      yield* Fiber.interrupt(fiber)
      expect(yield* Ref.get(log)).toEqual(["attempt interrupted", "release"])
    }).pipe(Effect.provide(usersLayer({ timeout: "5 seconds" }))))

  it.effect("a call interrupted before it waits for its attempt stops the attempt, and later calls still time out", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const fake = yield* FakeHttp
      const log = yield* Ref.make<ReadonlyArray<string>>([])
      const callers: Array<Fiber.RuntimeFiber<unknown, unknown>> = []
      // the first attempt starts within the call, in the caller's run loop: the caller is interrupted from there,
      // before it waits for the attempt (as an interruption arriving while the run loop yields would be)
      yield* fake.respond((_, index) =>
        Effect.suspend(() => {
          if (index === 0) callers[0]!.unsafeInterruptAsFork(FiberId.none)
          return Effect.never.pipe(
            Effect.onInterrupt(() => Ref.update(log, (entries) => [...entries, `attempt ${index} interrupted`]))
          )
        })
      )
      const first = yield* Effect.fork(Effect.zipRight(Effect.yieldNow(), users.get("user_1")))
      callers.push(first)
      expect(Exit.isInterrupted(yield* Fiber.await(first))).toBe(true)
      expect(yield* Ref.get(log)).toEqual(["attempt 0 interrupted"])
      // the watchdog the first call started is running: the next call times out
      const second = yield* Effect.fork(users.get("user_2"))
      yield* settle
      yield* TestClock.adjust("6 seconds")
      yield* settle
      expect(errorOf(yield* Fiber.poll(second))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    }).pipe(Effect.provide(usersLayer({ timeout: "5 seconds" }))))
})
