import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"

/** Lets other fibers and pending I/O callbacks run. */
export const tick = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/** Lets in-flight (non-clock) work settle: a few rounds of the event loop. */
export const settle = Effect.repeatN(tick, 20)

/**
 * Runs `effect` under the `TestClock`: lets pending I/O settle, then advances the clock to the earliest sleep
 * the program registered, until it completes. Returns its exit.
 */
export const drive = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let round = 0; round < 10_000; round++) {
      yield* settle
      const done = yield* Fiber.poll(fiber)
      if (Option.isSome(done)) return done.value
      const sleeps = Chunk.toReadonlyArray(yield* TestClock.sleeps())
      if (sleeps.length === 0) continue
      yield* TestClock.setTime(Math.min(...sleeps))
    }
    return yield* Fiber.await(fiber)
  })
