/**
 * Example 5 — Handling failures: each operation's error channel lists exactly what can go wrong with it, so
 * `catchTags` is checked by the compiler (handling a `ResourceNotFound` on `ban`, which documents no 404,
 * does not compile). Plus a custom retry schedule for one call, and a timeout.
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import { Data, Effect, Option, Schedule } from "effect"

/** A user, or none: a missing user is an expected outcome here, not an error. */
export const findUser = (userId: string) =>
  Effect.flatMap(Users, (users) => users.get(userId)).pipe(
    Effect.map(Option.some),
    Effect.catchTags({
      ResourceNotFound: () => Effect.succeed(Option.none()),
      // an id we would never send (empty, a dot segment...): also "no such user"
      InvalidRequest: () => Effect.succeed(Option.none())
    })
  )

/** Banning: 402 means the instance's plan lacks the feature; report it instead of failing. */
export const banOrExplain = (userId: string) =>
  Effect.flatMap(Users, (users) => users.ban(userId)).pipe(
    Effect.map((user) => `banned ${user.id}`),
    Effect.catchTags({
      PaymentRequired: () => Effect.succeed("banning needs a paid Clerk plan"),
      UnexpectedStatus: (error) => Effect.succeed(`Clerk answered ${error.status} (${error.errors[0]?.code ?? "?"})`)
    })
  )

/** A stubborn read: retry every 200 ms, up to 5 times, and give up after 10 s overall. */
export const countPatiently = Effect.flatMap(Users, (users) => users.count()).pipe(
  RetryPolicy.withPolicy(
    RetryPolicy.fromSchedule(Schedule.spaced("200 millis").pipe(Schedule.intersect(Schedule.recurs(5))))
  ),
  Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new CountTimedOut() })
)

export class CountTimedOut extends Data.TaggedError("CountTimedOut") {}

export const handlingFailures = Effect.gen(function*() {
  const missing = yield* findUser("user_does_not_exist")
  const blank = yield* findUser("")
  const count = yield* countPatiently
  return { missing: Option.isNone(missing), blank: Option.isNone(blank), count }
})
