/**
 * Offset pagination as a `Stream`: pages fetched one at a time as the stream is pulled (memory bounded by one
 * page), a short page or the total ending it. The rules (the page size a stream takes, when a walk is over, the
 * guard against a server that ignores the offset) are the kernel's `Paging`, the Effect 3 line's too.
 *
 * @since 1.0.0
 */
import * as Paging from "@effect-clerk/kernel/Paging"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { DecodeError, InvalidRequest } from "./ClerkError.js"

/**
 * The options of the pagination streams.
 *
 * @since 1.0.0
 * @category models
 */
export interface StreamOptions {
  /** Items per request, 1..500. Default 100. */
  readonly pageSize?: number
}

/**
 * The page size of a stream when none is given.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { Pagination, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // pages of DEFAULT_PAGE_SIZE unless `pageSize` says otherwise
 * const everyone = Effect.map(
 *   Effect.service(Users.Users),
 *   (users) => users.listStream({}, { pageSize: Pagination.DEFAULT_PAGE_SIZE })
 * )
 * ```
 */
export const DEFAULT_PAGE_SIZE: number = Paging.DEFAULT_PAGE_SIZE

/**
 * Walks an offset-paginated listing: `fetchPage(limit, offset)` answers a page's items (and the total, when the
 * listing says it). A page size out of range fails with `InvalidRequest` before any request; a page repeating
 * the previous one fails with `DecodeError("Pagination")`.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Pagination, Users } from "@effect-clerk/core"
 * import { Effect, Stream } from "effect"
 *
 * const everyone = Stream.unwrap(Effect.map(Effect.service(Users.Users), (users) =>
 *   Pagination.paginate("example", { pageSize: 200 }, (limit, offset) =>
 *     Effect.map(users.list({ limit, offset }), (items) => ({ items })))))
 * ```
 */
export const paginate = <A, E>(
  operation: string,
  options: StreamOptions | undefined,
  fetchPage: (
    limit: number,
    offset: number
  ) => Effect.Effect<{ readonly items: ReadonlyArray<A>; readonly total?: number }, E>
): Stream.Stream<A, E | InvalidRequest | DecodeError> => {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE
  const problem = Paging.pageSizeProblem(pageSize)
  if (problem !== undefined) {
    return Stream.fail(new InvalidRequest({ operation, field: "pageSize", message: problem }))
  }
  return Stream.unwrap(Effect.sync(() => {
    const identities = Paging.identities()
    return Stream.paginate(
      Paging.start,
      (position): Effect.Effect<readonly [ReadonlyArray<A>, Option.Option<Paging.Position>], E | DecodeError> =>
        Effect.flatMap(fetchPage(pageSize, position.offset), ({ items, total }) => {
          const step = Paging.step(position, pageSize, items, total, identities)
          return step._tag === "Repeated"
            ? Effect.fail(new DecodeError({ operation, status: 200, reason: "Pagination", message: step.message }))
            : Effect.succeed([items, Option.fromNullishOr(step.next)] as const)
        })
    )
  }))
}
