import { CallPolicy, Users } from "@effect-clerk/core"
import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { Effect, Fiber, TestClock } from "effect"

// in it.effect(...): the in-memory layer under Users.layer's default call policy
export const retried429 = Effect.gen(function*() {
  const users = yield* Users
  const control = yield* UsersTestControl
  yield* control.injectFault({ operations: ["count"], fault: Fault.rateLimited("2 seconds") })

  const counting = yield* Effect.fork(users.count()) // the 429 comes back; the retry waits for Retry-After
  yield* TestClock.adjust("2 seconds") // on the TestClock: move it, the retry is sent
  const total = yield* Fiber.join(counting)

  const { calls } = yield* control.stats
  return { total, calls } // { total: 0, calls: 2 }
}).pipe(Effect.provide(UsersInMemory.layer({ callPolicy: CallPolicy.make() })))
