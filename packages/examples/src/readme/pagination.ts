import { Users } from "@effect-clerk/core"
import { Effect, Stream } from "effect"

export const program = Effect.gen(function*() {
  const users = yield* Users
  // every banned user, 500 per request, one page in memory at a time
  const banned = users.listStream({ banned: true }, { pageSize: 500 })
  const emails = yield* banned.pipe(
    Stream.map((user) => user.emailAddresses[0]?.emailAddress ?? user.id),
    Stream.runCollect
  )
  // a page and the total for the same filters, fetched concurrently
  const { data, totalCount } = yield* users.listWithTotal({ emailAddressQuery: "@example.com", limit: 20 })
  // the memberships of one user, all pages
  const memberships = yield* Stream.runCount(users.organizationMembershipsStream("user_123"))
  return { emails: [...emails], page: data.length, totalCount, memberships }
})
