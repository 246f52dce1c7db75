/**
 * Bulk work: a `Stream` (or an iterable) of user ids cut into calls of at most `MAX_BULK_IDS` ids (Clerk's
 * limit), each call a normal call of the layer (its request checks, retries, pacing and span), and a report of
 * which ids were done, not found, invalid, in a failed chunk, or not attempted. `users.bulkBanAll` and
 * `users.bulkUnbanAll` are `run` over `bulkBan` and `bulkUnban`.
 *
 * The rules are the Effect 3 line's, and its bookkeeping is the kernel's `BulkReport`: every distinct id read is
 * in exactly one bucket; a repeated id is counted in `duplicates` and not sent again; an id the request encoder
 * would refuse is `invalid` and never sent; chunks are sent one at a time (`concurrency`, default 1); by default
 * (`onChunkFailure: "stop"`) no chunk is sent after a failed one, the ids read but not sent are `notAttempted`
 * and a `Stream` is not read further (an iterable is read whole); when the ids stream fails, the run fails with
 * `IdsFailed` (its error and the report).
 *
 * @since 1.0.0
 */
import * as BulkReport from "@effect-clerk/kernel/BulkReport"
import { MAX_BULK_IDS } from "@effect-clerk/kernel/Limits"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Result from "effect/Result"
import * as Semaphore from "effect/Semaphore"
import * as Stream from "effect/Stream"

/**
 * The ids of a run: a `Stream` (read as the chunks are sent) or an iterable (read whole).
 *
 * @since 1.0.0
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
 * The options of a run.
 *
 * @since 1.0.0
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
  /** How many chunks are in flight at once. Default 1; `"unbounded"` or `Infinity`: no limit. */
  readonly concurrency?: number | "unbounded"
  /** After a failed chunk: `"stop"` (default) sends no further chunk, `"continue"` sends every chunk. */
  readonly onChunkFailure?: "stop" | "continue"
  /**
   * A client-side budget on top of the layer's own pacing, wrapping each chunk's call (the layer's retries
   * included): it counts chunks, not requests. The Effect 3 line takes Effect's `RateLimiter` here, which is this
   * function; `effect` 4 has no `RateLimiter` module, so any such wrapper is taken.
   */
  readonly rateLimiter?: <A, E, R>(call: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/**
 * A chunk that failed.
 *
 * @since 1.0.0
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
 * An id never sent, and why.
 *
 * @since 1.0.0
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
 * What a bulk run did.
 *
 * @since 1.0.0
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
 * The ids stream failed: its error, and the report of what was done until then.
 *
 * @since 1.0.0
 * @category errors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect, Stream } from "effect"
 *
 * // when the listing fails midway: the report of the ids read before it
 * const banDomain = (domain: string) =>
 *   Effect.flatMap(Effect.service(Users.Users), (users) => {
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
 * The failure of a run: `IdsFailed` when the ids can fail, nothing otherwise.
 *
 * @since 1.0.0
 * @category models
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

// a cause's defects and interruptions, without its failures
const isNotFail = <E>(reason: Cause.Reason<E>): reason is Cause.Die | Cause.Interrupt => !Cause.isFailReason(reason)

const isStream = <E, R>(ids: Ids<E, R>): ids is Stream.Stream<string, E, R> => Stream.isStream(ids)

// an iterable is one chunk: read whole, so that a stopped run still reports every id of it
const idsOf = <E, R>(ids: Ids<E, R>): Stream.Stream<string, E, R> =>
  isStream(ids) ? ids : Stream.fromArray(typeof ids === "string" ? [ids] : Array.from(ids))

/**
 * Sends every id of `ids` through `call`, in chunks of at most `MAX_BULK_IDS`, and reports what became of each.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Bulk, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // what users.bulkBanAll does, with two chunks in flight
 * const banAll = (ids: ReadonlyArray<string>) =>
 *   Effect.flatMap(
 *     Effect.service(Users.Users),
 *     (users) => Bulk.run("Users.bulkBanAll", users.bulkBan, ids, { concurrency: 2 })
 *   )
 * ```
 */
export const run = <A extends { readonly id: string }, E, R, IdsError = never, IdsContext = never>(
  name: string,
  call: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<A>, E, R>,
  ids: Ids<IdsError, IdsContext>,
  options: Options = {}
): Effect.Effect<Report<E>, RunError<IdsError, E>, R | IdsContext> =>
  Effect.gen(function*() {
    const concurrency = BulkReport.concurrencyOf(options.concurrency)
    const stopOnFailure = options.onChunkFailure !== "continue"
    const admission = BulkReport.admission()
    const outcomes: Array<BulkReport.Outcome<E> | undefined> = []
    const notAttempted: Array<string> = []
    const inFlight: Array<Fiber.Fiber<void>> = []
    let batch: Array<string> = []
    let sent = 0
    let failedOnce = false
    let stopped = false
    // a defect (a bug, not a failure of the call) or an interruption ends the run with that cause
    let crashed: Cause.Cause<never> | undefined
    const limiter = options.rateLimiter
    const send = limiter === undefined ? call : (chunk: ReadonlyArray<string>) => limiter(call(chunk))
    const permits = yield* Semaphore.make(concurrency ?? Number.MAX_SAFE_INTEGER)
    const sendChunk = (index: number, chunk: ReadonlyArray<string>) =>
      Effect.map(Effect.exit(send(chunk)), (exit) => {
        if (Exit.isSuccess(exit)) {
          outcomes[index] = { _tag: "Accepted", ids: chunk, answered: new Set(exit.value.map((user) => user.id)) }
          return
        }
        const failure = Cause.findErrorOption(exit.cause)
        if (failure._tag === "Some" && !Cause.hasDies(exit.cause)) {
          failedOnce = true
          outcomes[index] = { _tag: "Failed", ids: chunk, error: failure.value }
        } else {
          crashed = Cause.fromReasons(exit.cause.reasons.filter(isNotFail))
        }
      })
    /** Sends the ids read and not sent yet; false when the run stops (they are then `notAttempted`). */
    const flush = Effect.suspend(() => {
      const chunk = batch
      batch = []
      if (chunk.length === 0) return Effect.succeed(crashed === undefined)
      return Effect.andThen(
        Semaphore.take(permits, 1),
        Effect.suspend(() => {
          if (crashed !== undefined) return Effect.as(Semaphore.release(permits, 1), false)
          if (stopOnFailure && failedOnce) {
            stopped = true
            for (const id of chunk) notAttempted.push(id)
            return Effect.as(Semaphore.release(permits, 1), false)
          }
          const index = sent++
          return Effect.map(
            Effect.forkChild(Effect.ensuring(sendChunk(index, chunk), Semaphore.release(permits, 1))),
            (fiber) => {
              inFlight.push(fiber)
              return true
            }
          )
        })
      )
    })
    /** Reads one chunk of the source: false when the run stops, the rest of the chunk then `notAttempted`. */
    const readChunk = (read: ReadonlyArray<string>) =>
      Effect.gen(function*() {
        for (let i = 0; i < read.length; i++) {
          if (!admission.admit(read[i]!)) continue
          batch.push(read[i]!)
          if (batch.length === MAX_BULK_IDS && !(yield* flush)) {
            for (const id of read.slice(i + 1)) if (admission.admit(id)) notAttempted.push(id)
            return false
          }
        }
        return true
      })
    const read = yield* Effect.result(Stream.runForEachWhile(Stream.chunks(idsOf(ids)), readChunk))
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
    if (Result.isFailure(read)) return yield* Effect.fail(idsFailed(read.failure, report))
    return report
  }).pipe(Effect.withSpan(name))
