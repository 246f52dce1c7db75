import { Users } from "@effect-clerk/core"
import { Console, Effect, Stream } from "effect"

// ban every user with an address at a blocklisted domain, 50 ids per bulkBan call
export const banDomain = (domain: string) =>
  Effect.gen(function*() {
    const users = yield* Users
    // do not filter on what the run changes (banned: false): the offset pages would shift under it
    const ids = users.listStream({ emailAddressQuery: `@${domain}` }).pipe(Stream.map((user) => user.id))
    // each request waits for room in the instance budget, and 429s for their Retry-After: nothing to add here
    const report = yield* users.bulkBanAll(ids, { onChunkFailure: "continue" })
    for (const failure of report.failed) {
      yield* Console.error(`chunk ${failure.chunk}: ${failure.ids.length} ids not banned (${failure.error._tag})`)
    }
    return { banned: report.done.length, failed: report.failed.length }
  })

// in a test: any iterable of ids, against the in-memory layer or the emulator
export const unbanAll = (ids: ReadonlyArray<string>) =>
  Effect.flatMap(Users, (users) => users.bulkUnbanAll(ids, { concurrency: 2 }))
