// Compiled with `tsc --noEmit` in the consumer project (scripts/test-consumer.mjs): the packages' published types.
// Metadata is typed as JSON values, so a `Date` does not compile (`JSON.stringify` would turn it into a string);
// tsc fails if a `@ts-expect-error` line below is not an error.
import { Users } from "@effect-clerk/core"
import type { User, UsersParams } from "@effect-clerk/core"
import { Effect } from "effect"

export const touch = (userId: string) =>
  Effect.gen(function*() {
    const users = yield* Users
    const metadata: UsersParams.Metadata = { touchedAt: new Date(0).toISOString(), by: "job", tags: ["a", 1, null] }
    const user: User.User = yield* users.updateMetadata(userId, { publicMetadata: metadata })
    // @ts-expect-error a Date is not a JSON value: write date.toISOString() or date.getTime()
    yield* users.updateMetadata(userId, { publicMetadata: { at: new Date() } })
    // @ts-expect-error nor is undefined in an array
    yield* users.replaceMetadata(userId, { privateMetadata: { list: [1, undefined] } })
    return user.publicMetadata["touchedAt"]
  })
