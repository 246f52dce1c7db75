/**
 * Bulk work: a `Stream` (or an iterable) of user ids cut into calls of at most `MAX_BULK_IDS` ids (Clerk's
 * limit, from the kernel's `Limits`), each call a normal call of the layer (its request checks, retries, pacing
 * and span), and a report that says which ids were done, which chunk failed with which error, and which ids
 * were not attempted. `users.bulkBanAll` and `users.bulkUnbanAll` are `run` over `bulkBan` and `bulkUnban`.
 *
 * The rules:
 * - every id is sent once: a repeated id is counted in `duplicates` and not sent again;
 * - the chunks are sent one at a time (`concurrency`, default 1), in the order the ids are read, the next chunk
 *   read while one is in flight;
 * - a chunk that fails (with its typed error, after the layer's retries) fails only itself: none of its ids is
 *   done. By default (`onChunkFailure: "stop"`) no chunk is sent after it: the chunks in flight finish, the
 *   next chunk read is reported `notAttempted`, and the ids are not read further (`stopped`), so that a source
 *   that costs requests (`listStream`) is not walked for nothing; `"continue"` sends every chunk;
 * - an id the request checks refuse (blank, `..`) fails its chunk with `InvalidRequest`, nothing of that chunk
 *   being sent;
 * - ids sent in a chunk Clerk accepted but absent from its answer are `notFound` (Clerk skips unknown ids);
 * - the run fails only when the ids themselves fail (the stream's own error), once the ids read before the
 *   error are sent (unless a failed chunk stopped the run) and the chunks in flight finish. Banning and unbanning are idempotent: running the same ids again is safe.
 *
 * @since 0.3.0
 */
import { MAX_BULK_IDS } from "@effect-clerk/kernel/Limits"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type * as RateLimiter from "effect/RateLimiter"
import * as Stream from "effect/Stream"

/**
 * The ids of a bulk run: a `Stream` (its error fails the run, its requirements are the run's) or an iterable
 * (a string is one id).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 * import { Stream } from "effect"
 *
 * const listed: Bulk.Ids = ["user_1", "user_2"]
 * const streamed: Bulk.Ids<Error> = Stream.fail(new Error("the ids could not be read"))
 * ```
 */
export type Ids<E = never, R = never> = Stream.Stream<string, E, R> | Iterable<string>

/**
 * The options of a bulk run.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 *
 * // two calls in flight, every chunk sent even after a failure
 * const options: Bulk.Options = { concurrency: 2, onChunkFailure: "continue" }
 * ```
 */
export interface Options {
  /** How many chunks are in flight at once. Default 1 (one call after the other); below 1 or not finite is 1. */
  readonly concurrency?: number
  /**
   * After a failed chunk: `"stop"` (default) sends no further chunk and stops reading the ids, `"continue"`
   * sends every chunk.
   */
  readonly onChunkFailure?: "stop" | "continue"
  /** A client-side budget each call goes through (Effect's `RateLimiter`), on top of the layer's own pacing. */
  readonly rateLimiter?: RateLimiter.RateLimiter
}

/**
 * A chunk that failed: its position (0 for the first chunk sent), its ids, and the call's typed error.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { Users } from "@effect-clerk/core"
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 *
 * const describe = (failure: Bulk.ChunkFailure<Users.BulkBanError>): string =>
 *   `chunk ${failure.chunk} (${failure.ids.length} ids): ${failure.error._tag}`
 * ```
 */
export interface ChunkFailure<E> {
  readonly chunk: number
  readonly ids: ReadonlyArray<string>
  readonly error: E
}

/**
 * What a bulk run did. Every distinct id read is in exactly one of `done`, `notFound`, the `ids` of a `failed`
 * chunk, or `notAttempted`; each list is in the order the ids were read.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { Users } from "@effect-clerk/core"
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 *
 * // the ids to send again: those of the failed chunks and those not attempted
 * const retryable = (report: Bulk.Report<Users.BulkBanError>): ReadonlyArray<string> => [
 *   ...report.failed.flatMap((failure) => failure.ids),
 *   ...report.notAttempted
 * ]
 * ```
 */
export interface Report<E> {
  /** Sent in a chunk Clerk accepted, and in its answer. */
  readonly done: ReadonlyArray<string>
  /** Sent in a chunk Clerk accepted, absent from its answer: no user has that id. */
  readonly notFound: ReadonlyArray<string>
  /** The chunks that failed, in the order they were sent. */
  readonly failed: ReadonlyArray<ChunkFailure<E>>
  /** Read, never sent: the run stopped at a failed chunk first. */
  readonly notAttempted: ReadonlyArray<string>
  /** How many ids repeated one read before (and were not sent again). */
  readonly duplicates: number
  /** How many chunks were sent (calls made, retries not counted). */
  readonly chunks: number
  /** Whether the run stopped reading the ids after a failed chunk: the ids after those listed were not read. */
  readonly stopped: boolean
}

type Outcome<E> =
  | { readonly _tag: "Accepted"; readonly ids: ReadonlyArray<string>; readonly answered: ReadonlySet<string> }
  | { readonly _tag: "Failed"; readonly ids: ReadonlyArray<string>; readonly error: E }

const isStream = <E, R>(ids: Ids<E, R>): ids is Stream.Stream<string, E, R> =>
  typeof ids === "object" && ids !== null && Stream.StreamTypeId in ids

const idsOf = <E, R>(ids: Ids<E, R>): Stream.Stream<string, E, R> =>
  isStream(ids) ? ids : Stream.fromIterable(typeof ids === "string" ? [ids] : ids)

const concurrencyOf = (options: Options): number => {
  const concurrency = options.concurrency ?? 1
  return Number.isFinite(concurrency) && concurrency >= 1 ? Math.floor(concurrency) : 1
}

const assemble = <E>(
  outcomes: ReadonlyArray<Outcome<E> | undefined>,
  sent: number,
  notAttempted: ReadonlyArray<string>,
  duplicates: number,
  stopped: boolean
): Report<E> => {
  const done: Array<string> = []
  const notFound: Array<string> = []
  const failed: Array<ChunkFailure<E>> = []
  for (let chunk = 0; chunk < sent; chunk++) {
    const outcome = outcomes[chunk]
    if (outcome === undefined) continue // not reached: every chunk sent has its outcome before the report
    if (outcome._tag === "Failed") failed.push({ chunk, ids: outcome.ids, error: outcome.error })
    else for (const id of outcome.ids) (outcome.answered.has(id) ? done : notFound).push(id)
  }
  return { done, notFound, failed, notAttempted, duplicates, chunks: sent, stopped }
}

/** The report's counts as span attributes (counts only: no user id). */
const attributesOf = <E>(report: Report<E>): Record<string, unknown> => ({
  "clerk.bulk.chunks": report.chunks,
  "clerk.bulk.done": report.done.length,
  "clerk.bulk.not_found": report.notFound.length,
  "clerk.bulk.failed_chunks": report.failed.length,
  "clerk.bulk.failed_ids": report.failed.reduce((sum, failure) => sum + failure.ids.length, 0),
  "clerk.bulk.not_attempted": report.notAttempted.length,
  "clerk.bulk.duplicates": report.duplicates,
  "clerk.bulk.stopped": report.stopped
})

/**
 * Runs `call` over the ids, `MAX_BULK_IDS` at a time, in a span named `name` whose attributes are the report's
 * counts (`clerk.bulk.chunks`, `clerk.bulk.done`, `clerk.bulk.failed_chunks`, ...). `call` is any operation
 * taking a chunk of user ids and answering the users it acted on (`users.bulkBan`, `users.bulkUnban`); the rules
 * are the module's.
 *
 * @since 0.3.0
 * @category combinators
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import * as Bulk from "@effect-clerk/core/Bulk"
 * import { Effect } from "effect"
 *
 * // what users.bulkBanAll does, with two chunks in flight
 * const banAll = (ids: ReadonlyArray<string>) =>
 *   Effect.flatMap(Users, (users) => Bulk.run("Users.bulkBanAll", users.bulkBan, ids, { concurrency: 2 }))
 * ```
 */
export const run = <A extends { readonly id: string }, E, R, IdsError = never, IdsContext = never>(
  name: string,
  call: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<A>, E, R>,
  ids: Ids<IdsError, IdsContext>,
  options: Options = {}
): Effect.Effect<Report<E>, IdsError, R | IdsContext> =>
  Effect.suspend(() => {
    const concurrency = concurrencyOf(options)
    const stopOnFailure = options.onChunkFailure !== "continue"
    const limiter = options.rateLimiter
    const send = limiter === undefined ? call : (chunk: ReadonlyArray<string>) => limiter(call(chunk))
    // the run's own state: each run of the effect starts afresh
    const seen = new Set<string>()
    const outcomes: Array<Outcome<E> | undefined> = []
    const notAttempted: Array<string> = []
    let duplicates = 0
    let sent = 0
    let failedOnce = false
    let stopped = false
    const chunks = idsOf(ids).pipe(
      Stream.filter((id) => {
        if (seen.has(id)) {
          duplicates++
          return false
        }
        seen.add(id)
        return true
      }),
      Stream.grouped(MAX_BULK_IDS)
    )
    // a chunk's outcome; a defect (a bug, not a failure of the call) ends the run with that defect
    let crashed: Cause.Cause<never> | undefined
    const sendChunk = (index: number, chunk: ReadonlyArray<string>) =>
      Effect.map(Effect.exit(send(chunk)), (exit) => {
        if (Exit.isSuccess(exit)) {
          outcomes[index] = { _tag: "Accepted", ids: chunk, answered: new Set(exit.value.map((user) => user.id)) }
          return
        }
        const failure = Cause.failureOption(exit.cause)
        if (Option.isSome(failure) && !Cause.isDie(exit.cause)) {
          failedOnce = true
          outcomes[index] = { _tag: "Failed", ids: chunk, error: failure.value }
        } else {
          crashed = Cause.stripFailures(exit.cause)
        }
      })
    return Effect.scoped(Effect.gen(function*() {
      const permits = yield* Effect.makeSemaphore(concurrency)
      // a chunk takes a permit before it is sent and gives it back once it has its outcome
      const read = yield* Effect.either(Stream.runForEachWhile(chunks, (group) =>
        Effect.zipRight(
          permits.take(1),
          Effect.suspend(() => {
            const chunk = Chunk.toReadonlyArray(group)
            if (crashed !== undefined) return Effect.as(permits.release(1), false)
            if (stopOnFailure && failedOnce) {
              stopped = true
              for (const id of chunk) notAttempted.push(id)
              return Effect.as(permits.release(1), false)
            }
            const index = sent++
            return Effect.as(Effect.forkScoped(Effect.ensuring(sendChunk(index, chunk), permits.release(1))), true)
          })
        )))
      // every chunk sent has its outcome
      yield* permits.take(concurrency)
      if (crashed !== undefined) return yield* Effect.failCause(crashed)
      const report = assemble(outcomes, sent, notAttempted, duplicates, stopped)
      yield* Effect.annotateCurrentSpan(attributesOf(report))
      if (Either.isLeft(read)) return yield* Effect.fail(read.left)
      return report
    }))
  }).pipe(Effect.withSpan(name, { captureStackTrace: false }))
