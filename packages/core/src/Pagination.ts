/**
 * Offset pagination as a `Stream`: pages fetched one at a time, each recognized so that a server repeating the
 * same page (ignoring `offset`) fails the walk instead of looping forever. The `Users` streams are built on it.
 *
 * @since 0.3.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { DecodeError, InvalidRequest } from "./ClerkError.js"
import { MAX_LIMIT } from "./UsersParams.js"

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
export const DEFAULT_PAGE_SIZE = 100

const pageSizeOf = (operation: string, options: StreamOptions | undefined) => {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE
  return Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_LIMIT
    ? Effect.succeed(pageSize)
    : Effect.fail(
      new InvalidRequest({
        operation,
        field: "pageSize",
        message: `pageSize must be an integer from 1 to ${MAX_LIMIT}, got ${pageSize}`
      })
    )
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
      const opaque: OpaqueValues = { ids: new WeakMap(), next: 0 }
      return Stream.paginateChunkEffect(
        { offset: 0, previous: undefined as string | undefined },
        ({ offset, previous }) =>
          Effect.flatMap(fetchPage(pageSize, offset), ({ items, total }) => {
            const identity = pageIdentity(items, opaque)
            if (previous !== undefined && items.length > 0 && identity === previous) {
              return Effect.fail(
                new DecodeError({
                  operation,
                  status: 200,
                  reason: "Pagination",
                  message: `the page at offset ${offset} repeats the previous page (${items.length} items): ` +
                    "the server does not honour offset"
                })
              )
            }
            const next = offset + items.length
            const done = items.length < pageSize || (total !== undefined && next >= total)
            return Effect.succeed(
              [
                Chunk.fromIterable(items),
                done ? Option.none() : Option.some({ offset: next, previous: identity })
              ] as const
            )
          })
      )
    })
  )

/** Numbers given, for one walk, to the values JSON cannot write (a cycle, a `BigInt`, a function). */
interface OpaqueValues {
  readonly ids: WeakMap<object, number>
  next: number
}

/**
 * What identifies an item of a page: its `id` when it has one, otherwise its value as JSON, so that a server
 * repeating the same page is recognized whatever it lists. A value JSON cannot write is itself (an object by a
 * number given to it for this walk, a primitive by its type and text).
 */
const identityOf = (item: unknown, opaque: OpaqueValues): string => {
  if (typeof item === "object" && item !== null) {
    const id = (item as { readonly id?: unknown }).id
    if (typeof id === "string") return `i${id}`
  }
  try {
    const json = JSON.stringify(item)
    if (json !== undefined) return `j${json}`
  } catch {
    // a cycle or a BigInt: below
  }
  if ((typeof item === "object" && item !== null) || typeof item === "function") {
    let id = opaque.ids.get(item)
    if (id === undefined) {
      id = opaque.next++
      opaque.ids.set(item, id)
    }
    return `o${id}`
  }
  return `p${typeof item}:${String(item)}`
}

/**
 * A page's identity: its items' identities, sorted (the order does not count), as one new string (JSON of the
 * sorted list). One new string rather than the ids themselves: holding the previous page's 500 id strings (taken
 * from the parsed body) across the next request made the 100,000-user walk peak at 73 MB instead of 25 MB
 * (measured; how V8 ties those strings to the page was not pinned down).
 */
const pageIdentity = (items: ReadonlyArray<unknown>, opaque: OpaqueValues): string =>
  JSON.stringify(items.map((item) => identityOf(item, opaque)).sort())
