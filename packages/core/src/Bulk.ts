/**
 * Bulk work: a `Stream` (or an iterable) of user ids cut into calls of at most `MAX_BULK_IDS` ids (Clerk's
 * limit, from the kernel's `Limits`), each call a normal call of the layer (its request checks, retries, pacing
 * and span), and a report that says which ids were done, which were invalid, which chunk failed with which
 * error, and which ids were not attempted. `users.bulkBanAll` and `users.bulkUnbanAll` are `run` over `bulkBan`
 * and `bulkUnban`.
 *
 * The rules:
 * - every distinct id read is in exactly one bucket of the report;
 * - every id is sent once: a repeated id is counted in `duplicates` and not sent again;
 * - an id the request encoder would refuse (blank, `.` or `..`, too long, malformed) is reported `invalid`, with
 *   the encoder's reason, and never sent; it fails no chunk;
 * - the chunks are sent one at a time (`concurrency`, default 1), in the order the ids are read, the next chunk
 *   read while one is in flight;
 * - a chunk that fails (with its typed error, after the layer's retries) fails only itself: none of its ids is
 *   done. By default (`onChunkFailure: "stop"`) no chunk is sent after it: the chunks in flight finish, the ids
 *   read but not sent are `notAttempted`, and a `Stream` is not read further (`stopped`), so that a source that
 *   costs requests (`listStream`) is not walked for nothing; an iterable is read whole (reading it costs
 *   nothing), so all its ids are in the report. `"continue"` sends every chunk;
 * - ids sent in a chunk Clerk accepted but absent from its answer are `notFound` (Clerk skips unknown ids);
 * - when the ids stream fails, the ids read before the error are sent (unless a failed chunk stopped the run),
 *   the chunks in flight finish, and the run fails with `IdsFailed`: the stream's error and the report.
 *
 * Banning and unbanning are idempotent: running the same ids again is safe.
 *
 * @since 0.3.0
 */
import * as BulkReport from "@effect-clerk/kernel/BulkReport"
import { MAX_BULK_IDS } from "@effect-clerk/kernel/Limits"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import type * as RateLimiter from "effect/RateLimiter"
import * as Stream from "effect/Stream"

/**
 * The ids of a bulk run: a `Stream` (its error fails the run with `IdsFailed`, its requirements are the run's)
 * or an iterable (a string is one id).
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
  /**
   * How many chunks are in flight at once. Default 1 (one call after the other); `"unbounded"` or `Infinity`:
   * no limit; a fraction is rounded down, and below 1 or `NaN` is 1.
   */
  readonly concurrency?: number | "unbounded"
  /**
   * After a failed chunk: `"stop"` (default) sends no further chunk and stops reading the ids, `"continue"`
   * sends every chunk.
   */
  readonly onChunkFailure?: "stop" | "continue"
  /**
   * A client-side budget (Effect's `RateLimiter`), on top of the layer's own pacing. It wraps each chunk's call,
   * the layer's retries included: it counts chunks (calls), not requests.
   */
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
export type ChunkFailure<E> = BulkReport.ChunkFailure<E>

/**
 * An id never sent because the request encoder would refuse it, and the encoder's reason.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 *
 * const blank: Bulk.InvalidId = { id: " ", reason: "userId must not be empty" }
 * ```
 */
export type InvalidId = BulkReport.InvalidId

/**
 * What a bulk run did. Every distinct id read is in exactly one of `done`, `notFound`, `invalid`, the `ids` of
 * a `failed` chunk, or `notAttempted`; each list is in the order the ids were read.
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
export type Report<E> = BulkReport.Report<E>

/**
 * The ids stream failed: `cause` is its error, `report` what the run did with the ids read before it (sent
 * unless a failed chunk stopped the run).
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect, Stream } from "effect"
 *
 * // when the listing fails midway: the report of the ids read before it
 * const banDomain = (domain: string) =>
 *   Effect.flatMap(Users, (users) => {
 *     const ids = users.listStream({ emailAddressQuery: `@${domain}` }).pipe(Stream.map((user) => user.id))
 *     return users.bulkBanAll(ids).pipe(Effect.catchTag("IdsFailed", (error) => Effect.succeed(error.report)))
 *   })
 * ```
 */
export class IdsFailed<E, CallError> extends Data.TaggedError("IdsFailed")<{
  readonly cause: E
  readonly report: Report<CallError>
}> {
  override get message(): string {
    return BulkReport.idsFailedMessage(this.report)
  }
}

/**
 * The error of a run whose ids fail with `IdsError`: `IdsFailed`, or `never` for ids that cannot fail.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import type { Users } from "@effect-clerk/core"
 * import type * as Bulk from "@effect-clerk/core/Bulk"
 *
 * type FromArray = Bulk.RunError<never, Users.BulkBanError> // never
 * type FromListing = Bulk.RunError<Users.ListError, Users.BulkBanError> // IdsFailed<ListError, BulkBanError>
 * ```
 */
export type RunError<IdsError, E> = [IdsError] extends [never] ? never : IdsFailed<IdsError, E>

// sound: it is only called with an error the ids stream failed with, so `IdsError` is not `never`
function idsFailed<IdsError, E>(cause: IdsError, report: Report<E>): RunError<IdsError, E>
function idsFailed<IdsError, E>(cause: IdsError, report: Report<E>): IdsFailed<IdsError, E> {
  return new IdsFailed({ cause, report })
}

const isStream = <E, R>(ids: Ids<E, R>): ids is Stream.Stream<string, E, R> =>
  typeof ids === "object" && ids !== null && Stream.StreamTypeId in ids

// an iterable is one chunk: read whole, so that a stopped run still reports every id of it
const idsOf = <E, R>(ids: Ids<E, R>): Stream.Stream<string, E, R> =>
  isStream(ids) ? ids : Stream.fromChunk(Chunk.fromIterable(typeof ids === "string" ? [ids] : ids))

/** The number of chunks in flight at once, `undefined` for no limit. */

/** The report's counts as span attributes (counts only: no user id). */

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
): Effect.Effect<Report<E>, RunError<IdsError, E>, R | IdsContext> =>
  Effect.suspend(() => {
    const concurrency = BulkReport.concurrencyOf(options.concurrency)
    const stopOnFailure = options.onChunkFailure !== "continue"
    const limiter = options.rateLimiter
    const send = limiter === undefined ? call : (chunk: ReadonlyArray<string>) => limiter(call(chunk))
    // the run's own state: each run of the effect starts afresh
    const admission = BulkReport.admission()
    const outcomes: Array<BulkReport.Outcome<E> | undefined> = []
    const notAttempted: Array<string> = []
    const inFlight: Array<Fiber.RuntimeFiber<void>> = []
    let batch: Array<string> = []
    let sent = 0
    let failedOnce = false
    let stopped = false
    // a defect (a bug, not a failure of the call) ends the run with that defect
    let crashed: Cause.Cause<never> | undefined
    const admit = admission.admit
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
      // a chunk takes a permit before it is sent and gives it back once it has its outcome
      const permits = concurrency === undefined ? undefined : yield* Effect.makeSemaphore(concurrency)
      const take = permits === undefined ? Effect.void : permits.take(1)
      const release = permits === undefined ? Effect.void : permits.release(1)
      /** Sends the ids read and not sent yet; false when the run stops (they are then `notAttempted`). */
      const flush = Effect.suspend(() => {
        const chunk = batch
        batch = []
        if (chunk.length === 0) return Effect.succeed(crashed === undefined)
        return Effect.zipRight(
          take,
          Effect.suspend(() => {
            if (crashed !== undefined) return Effect.as(release, false)
            if (stopOnFailure && failedOnce) {
              stopped = true
              for (const id of chunk) notAttempted.push(id)
              return Effect.as(release, false)
            }
            const index = sent++
            return Effect.map(Effect.forkScoped(Effect.ensuring(sendChunk(index, chunk), release)), (fiber) => {
              inFlight.push(fiber)
              return true
            })
          })
        )
      })
      /** Reads one chunk of the source: false when the run stops, the rest of the chunk then `notAttempted`. */
      const readChunk = (group: Chunk.Chunk<string>) =>
        Effect.gen(function*() {
          const read = Chunk.toReadonlyArray(group)
          for (let i = 0; i < read.length; i++) {
            if (!admit(read[i]!)) continue
            batch.push(read[i]!)
            if (batch.length === MAX_BULK_IDS && !(yield* flush)) {
              for (const id of read.slice(i + 1)) if (admit(id)) notAttempted.push(id)
              return false
            }
          }
          return true
        })
      const read = yield* Effect.either(Stream.runForEachWhile(Stream.chunks(idsOf(ids)), readChunk))
      // the last ids read (also when the ids failed), unless the run stopped
      if (!stopped) yield* flush
      // every chunk sent has its outcome
      yield* Fiber.awaitAll(inFlight)
      if (crashed !== undefined) return yield* Effect.failCause(crashed)
      const report = BulkReport.assemble(outcomes, {
        invalid: admission.invalid,
        notAttempted,
        duplicates: admission.duplicates(),
        chunks: sent,
        stopped
      })
      yield* Effect.annotateCurrentSpan(BulkReport.attributesOf(report))
      if (Either.isLeft(read)) return yield* Effect.fail(idsFailed(read.left, report))
      return report
    }))
  }).pipe(Effect.withSpan(name, { captureStackTrace: false }))
