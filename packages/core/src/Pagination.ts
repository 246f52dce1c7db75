/**
 * Offset pagination as a `Stream`: pages fetched one at a time, each recognized so that a server repeating the
 * same page (ignoring `offset`) fails the walk instead of looping forever. The `Users` streams are built on it.
 *
 * @since 0.3.0
 */
import * as Paging from "@effect-clerk/kernel/Paging"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { DecodeError, InvalidRequest } from "./ClerkError.js"

/**
 * Options of a pagination stream.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamOptions {
  /** Items per request, 1..500. Default 100. */
  readonly pageSize?: number
}

/**
 * The default page size of the pagination streams.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { Pagination, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // pages of DEFAULT_PAGE_SIZE unless `pageSize` says otherwise
 * const everyone = Effect.map(Users, (users) => users.listStream({}, { pageSize: Pagination.DEFAULT_PAGE_SIZE }))
 * ```
 */
export const DEFAULT_PAGE_SIZE: number = Paging.DEFAULT_PAGE_SIZE

const pageSizeOf = (operation: string, options: StreamOptions | undefined) => {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE
  const problem = Paging.pageSizeProblem(pageSize)
  return problem === undefined
    ? Effect.succeed(pageSize)
    : Effect.fail(new InvalidRequest({ operation, field: "pageSize", message: problem }))
}

/**
 * Walks an offset-paginated listing: requests pages of `pageSize` from offset 0 until a page is short (or the
 * known total is reached). One page is in memory at a time.
 *
 * A full page holding exactly the items of the previous page (compared by `id` when items have one, by value
 * otherwise) fails the stream with `DecodeError` (`reason: "Pagination"`): a server that ignores `offset` would
 * otherwise be walked forever. Concurrent inserts cannot cause it unless a whole page of items was inserted
 * ahead of the walk between two requests.
 *
 * @since 0.1.0
 * @category pagination
 * @example
 * ```ts
 * import { Pagination, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // any offset-paginated listing as a Stream, one page in memory at a time
 * const banned = Effect.map(Users, (users) =>
 *   Pagination.paginate("banned", { pageSize: 200 }, (limit, offset) =>
 *     Effect.map(users.list({ banned: true, limit, offset }), (items) => ({ items }))))
 * ```
 */
export const paginate = <A, E>(
  operation: string,
  options: StreamOptions | undefined,
  fetchPage: (
    limit: number,
    offset: number
  ) => Effect.Effect<{ readonly items: ReadonlyArray<A>; readonly total?: number }, E>
): Stream.Stream<A, E | InvalidRequest | DecodeError> =>
  Stream.unwrap(
    Effect.map(pageSizeOf(operation, options), (pageSize) => {
      const opaque = Paging.identities()
      return Stream.paginateChunkEffect(
        Paging.start,
        (position) =>
          Effect.flatMap(fetchPage(pageSize, position.offset), ({ items, total }) => {
            const step = Paging.step(position, pageSize, items, total, opaque)
            if (step._tag === "Repeated") {
              return Effect.fail(
                new DecodeError({ operation, status: 200, reason: "Pagination", message: step.message })
              )
            }
            return Effect.succeed([Chunk.fromIterable(items), Option.fromNullable(step.next)] as const)
          })
      )
    })
  )
