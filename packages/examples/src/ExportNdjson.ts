/**
 * Example 2 — Export every user matching a filter to NDJSON, one JSON object per line.
 *
 * The pagination `Stream` fetches one page at a time and the file sink writes as it goes, so memory stays
 * flat whatever the number of users. `onProgress` is told how many users were written out of the `count`.
 */
import { Users } from "@effect-clerk/core"
import type { CountUsersParams } from "@effect-clerk/core/UsersParams"
import { FileSystem } from "@effect/platform"
import { Effect, Ref, Stream } from "effect"

export const exportNdjson = (options: {
  readonly filter: CountUsersParams
  readonly path: string
  readonly pageSize?: number
  readonly onProgress?: (written: number, total: number) => Effect.Effect<void>
}) =>
  Effect.gen(function*() {
    const users = yield* Users
    const fs = yield* FileSystem.FileSystem
    const total = yield* users.count(options.filter)
    const pageSize = options.pageSize ?? 100
    const written = yield* Ref.make(0)

    const onProgress = options.onProgress ?? (() => Effect.void)
    yield* onProgress(0, total)
    yield* users.listStream(options.filter, { pageSize }).pipe(
      Stream.tap(() => Effect.flatMap(Ref.updateAndGet(written, (n) => n + 1), (n) => onProgress(n, total))),
      Stream.map((user) => `${JSON.stringify(user)}\n`),
      Stream.encodeText,
      Stream.run(fs.sink(options.path))
    )
    return { path: options.path, total, written: yield* Ref.get(written) }
  })
