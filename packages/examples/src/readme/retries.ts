import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { Effect, Schedule } from "effect"

// per layer: 6 retries, exponential from 500 ms, within 2 minutes (429s still wait for Retry-After)
export const config = ClerkConfig.layer({
  secretKey: process.env["CLERK_SECRET_KEY"] ?? "",
  retry: RetryPolicy.make({ retries: 6, baseDelay: "500 millis", maxElapsed: "2 minutes" })
})

// per call: any Schedule (its input is the failure)
export const stubbornCount = Effect.flatMap(Users, (users) => users.count()).pipe(
  RetryPolicy.withPolicy(
    RetryPolicy.fromSchedule(Schedule.spaced("1 second").pipe(Schedule.intersect(Schedule.recurs(10))))
  )
)

// create is never re-sent after an ambiguous failure; createOnce makes it safe by looking the user up
export const importUser = (legacyId: string, email: string) =>
  Effect.flatMap(Users, (users) => users.createOnce({ externalId: legacyId, emailAddress: [email] }))
