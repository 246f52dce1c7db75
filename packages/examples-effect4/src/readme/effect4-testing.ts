import { Users } from "@effect-clerk/core"
import { Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"

// a test body, for example inside @effect/vitest 4's it.effect(...)
export const test = Effect.gen(function*() {
  const users = yield* Users.Users
  const control = yield* UsersTestControl.UsersTestControl

  const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"], password: "analytical-engine" })
  yield* users.lock(ada.id)
  yield* TestClock.adjust(Duration.hours(1)) // lockouts, timestamps and TOTP follow the TestClock
  const unlocked = yield* users.get(ada.id)

  yield* control.injectFault({ operations: ["get"], fault: Fault.status(503) })
  const failed = yield* Effect.flip(users.get(ada.id)) // ServerError, as Clerk would answer

  return { locked: unlocked.locked, failure: failed._tag }
}).pipe(Effect.provide(UsersInMemory.layer())) // a fresh store for this test
