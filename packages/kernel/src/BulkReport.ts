/**
 * The bookkeeping of a bulk ban or unban over any number of ids, as plain rules both Effect lines' `Bulk` apply:
 * which ids are sent (`admission`: no repeats, no id the request encoder would refuse), how many chunks are in
 * flight (`concurrencyOf`), and the report assembled from the chunks' outcomes (`assemble`, `attributesOf`).
 * Chunks hold at most `Limits.MAX_BULK_IDS` ids.
 *
 * @since 0.3.0
 */
import { idProblem } from "./ClientRequest.js"

/**
 * A chunk that failed: its index (in the order chunks were sent), its ids and its error.
 *
 * @since 0.3.0
 * @category models
 */
export interface ChunkFailure<E> {
  readonly chunk: number
  readonly ids: ReadonlyArray<string>
  readonly error: E
}

/**
 * An id never sent, and why.
 *
 * @since 0.3.0
 * @category models
 */
export interface InvalidId {
  readonly id: string
  readonly reason: string
}

/**
 * The outcome of a run.
 *
 * @since 0.3.0
 * @category models
 */
export interface Report<E> {
  /** Sent in a chunk Clerk accepted, and in its answer. */
  readonly done: ReadonlyArray<string>
  /** Sent in a chunk Clerk accepted, absent from its answer: no user has that id. */
  readonly notFound: ReadonlyArray<string>
  /** Never sent: the request encoder would refuse them (the reason is its message). */
  readonly invalid: ReadonlyArray<InvalidId>
  /** The chunks that failed, in the order they were sent. */
  readonly failed: ReadonlyArray<ChunkFailure<E>>
  /** Read, never sent: the run stopped at a failed chunk first. */
  readonly notAttempted: ReadonlyArray<string>
  /** How many ids repeated one read before (and were not sent again). */
  readonly duplicates: number
  /** How many chunks were sent (calls made, retries not counted). */
  readonly chunks: number
  /**
   * Whether a failed chunk stopped the run (`"stop"`) with ids left to send: they are `notAttempted`, and a
   * `Stream` was not read further (an iterable is read whole).
   */
  readonly stopped: boolean
}

/**
 * What became of a chunk sent.
 *
 * @since 0.3.0
 * @category models
 */
export type Outcome<E> =
  | { readonly _tag: "Accepted"; readonly ids: ReadonlyArray<string>; readonly answered: ReadonlySet<string> }
  | { readonly _tag: "Failed"; readonly ids: ReadonlyArray<string>; readonly error: E }

/**
 * The chunks in flight at once for a `concurrency` option: default 1; `"unbounded"` or `Infinity`: no limit
 * (`undefined`); a fraction is rounded down, and below 1 or `NaN` is 1.
 *
 * @since 0.3.0
 * @category options
 */
export const concurrencyOf = (concurrency: number | "unbounded" | undefined): number | undefined => {
  const given = concurrency ?? 1
  if (given === "unbounded" || given === Infinity) return undefined
  return given >= 1 ? Math.floor(given) : 1
}

/**
 * The ids a run has read: `admit` says whether one is to be sent (not a repeat, and one the request encoder
 * takes); repeats are counted, refused ids kept with their reason.
 *
 * @since 0.3.0
 * @category models
 */
export interface Admission {
  readonly admit: (id: string) => boolean
  readonly invalid: ReadonlyArray<InvalidId>
  readonly duplicates: () => number
}

/**
 * A run's admission of ids, empty.
 *
 * @since 0.3.0
 * @category constructors
 */
export const admission = (): Admission => {
  const seen = new Set<string>()
  const invalid: Array<InvalidId> = []
  let duplicates = 0
  return {
    admit: (id) => {
      if (seen.has(id)) {
        duplicates++
        return false
      }
      seen.add(id)
      const reason = idProblem("userId", id)
      if (reason === undefined) return true
      invalid.push({ id, reason })
      return false
    },
    invalid,
    duplicates: () => duplicates
  }
}

/**
 * The report of a run from its chunks' outcomes (by index) and the rest of its bookkeeping.
 *
 * @since 0.3.0
 * @category reports
 */
export const assemble = <E>(
  outcomes: ReadonlyArray<Outcome<E> | undefined>,
  rest: Omit<Report<E>, "done" | "notFound" | "failed">
): Report<E> => {
  const done: Array<string> = []
  const notFound: Array<string> = []
  const failed: Array<ChunkFailure<E>> = []
  for (let chunk = 0; chunk < rest.chunks; chunk++) {
    const outcome = outcomes[chunk]
    if (outcome === undefined) continue // not reached: every chunk sent has its outcome before the report
    if (outcome._tag === "Failed") failed.push({ chunk, ids: outcome.ids, error: outcome.error })
    else for (const id of outcome.ids) (outcome.answered.has(id) ? done : notFound).push(id)
  }
  return {
    done,
    notFound,
    invalid: rest.invalid,
    failed,
    notAttempted: rest.notAttempted,
    duplicates: rest.duplicates,
    chunks: rest.chunks,
    stopped: rest.stopped
  }
}

/**
 * The span attributes of a report (`clerk.bulk.*`).
 *
 * @since 0.3.0
 * @category reports
 */
export const attributesOf = <E>(report: Report<E>): Record<string, unknown> => ({
  "clerk.bulk.chunks": report.chunks,
  "clerk.bulk.done": report.done.length,
  "clerk.bulk.not_found": report.notFound.length,
  "clerk.bulk.invalid": report.invalid.length,
  "clerk.bulk.failed_chunks": report.failed.length,
  "clerk.bulk.failed_ids": report.failed.reduce((sum, failure) => sum + failure.ids.length, 0),
  "clerk.bulk.not_attempted": report.notAttempted.length,
  "clerk.bulk.duplicates": report.duplicates,
  "clerk.bulk.stopped": report.stopped
})

/**
 * The message of a run whose ids could not be read further.
 *
 * @since 0.3.0
 * @category reports
 */
export const idsFailedMessage = <E>(report: Report<E>): string =>
  `the ids could not be read further (${report.done.length} done, ${report.chunks} chunks sent)`
