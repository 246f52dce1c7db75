/**
 * The Effect 4 APIs the rest of the port builds on, each exercised once:
 * `Effect.catch`, `Effect.result` and `Result`, a retry whose delay is read from the error (`Retry-After`) under
 * `TestClock`, `Stream.paginate` over offset pages, `Clock`.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Result from "effect/Result"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { TestClock } from "effect/testing"

class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", { retryAfterMillis: Schema.Number }) {}

describe("Effect 4 facts", () => {
  it.effect("Effect.catch replaces catchAll; Effect.result gives a Result (Either's successor)", () =>
    Effect.gen(function*() {
      const failed = Effect.fail(new RateLimited({ retryAfterMillis: 1 }))
      assert.strictEqual(yield* failed.pipe(Effect.catch((error) => Effect.succeed(error._tag))), "RateLimited")
      const result = yield* Effect.result(failed)
      assert.isTrue(Result.isFailure(result))
    }))

  it.effect("a retry waits what the error says (Retry-After), on the TestClock", () =>
    Effect.gen(function*() {
      const attempts = yield* Ref.make(0)
      const call = Ref.updateAndGet(attempts, (n) => n + 1).pipe(
        Effect.flatMap((n) => n < 3 ? Effect.fail(new RateLimited({ retryAfterMillis: 5_000 })) : Effect.succeed(n))
      )
      const schedule: Schedule.Schedule<number, RateLimited> = Schedule.recurs(5)
      const retried = call.pipe(
        Effect.retry(schedule.pipe(Schedule.addDelay(({ input }) => Effect.succeed(input.retryAfterMillis))))
      )
      const fiber = yield* Effect.forkChild(retried)
      yield* TestClock.adjust(Duration.seconds(4))
      assert.strictEqual(yield* Ref.get(attempts), 1)
      yield* TestClock.adjust(Duration.seconds(6))
      assert.strictEqual(yield* Fiber.join(fiber), 3)
      assert.strictEqual(yield* Clock.currentTimeMillis, 10_000)
    }))

  it.effect("Stream.paginate walks offset pages until a short page", () =>
    Effect.gen(function*() {
      const all = Array.from({ length: 7 }, (_, i) => i)
      const page = (offset: number) => Effect.succeed(all.slice(offset, offset + 3))
      const stream = Stream.paginate(0, (offset: number) =>
        Effect.map(page(offset), (items) =>
          [items, items.length < 3 ? Option.none() : Option.some(offset + items.length)] as const))
      assert.deepStrictEqual(yield* Stream.runCollect(stream), all)
    }))
})
