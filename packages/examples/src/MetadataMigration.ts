/**
 * Example 4 — Metadata migration: move a key from `unsafeMetadata` (which the frontend can write) to
 * `privateMetadata` (backend only), for every user.
 *
 * Each user gets one deep-merge patch that sets the key in `privateMetadata` and removes it (`null`) from
 * `unsafeMetadata`. Running the migration twice changes nothing the second time: users already migrated no
 * longer have the key in `unsafeMetadata`, and a patch re-applied after a lost response is a no-op
 * (deep merge is idempotent).
 */
import { Users } from "@effect-clerk/core"
import { Effect, Ref, Stream } from "effect"

export const migrateMetadataKey = (key: string, options: { readonly dryRun?: boolean } = {}) =>
  Effect.gen(function*() {
    const users = yield* Users
    const scanned = yield* Ref.make(0)
    const moved = yield* users.listStream({}, { pageSize: 100 }).pipe(
      Stream.tap(() => Ref.update(scanned, (n) => n + 1)),
      Stream.filter((user) => user.unsafeMetadata !== undefined && key in user.unsafeMetadata),
      Stream.mapEffect(
        (user) =>
          options.dryRun === true ? Effect.succeed(user.id) : users.updateMetadata(user.id, {
            privateMetadata: { [key]: user.unsafeMetadata?.[key] ?? null },
            unsafeMetadata: { [key]: null }
          }).pipe(Effect.as(user.id)),
        { concurrency: 4 }
      ),
      Stream.runCount
    )
    return { key, scanned: yield* Ref.get(scanned), moved, dryRun: options.dryRun === true }
  })
