/**
 * Walking an offset-paginated listing, as plain rules both Effect lines' streams apply: the page size a stream
 * takes (`pageSizeProblem`), when the walk is over, and the guard against a server that ignores the offset (a
 * page repeating the previous one is refused instead of being walked forever): `step`.
 *
 * @since 0.3.0
 */
import { MAX_LIMIT } from "./Limits.js"

/**
 * The page size of a stream when none is given.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_PAGE_SIZE = 100

/**
 * Why a page size cannot be used, or `undefined`: an integer from 1 to `Limits.MAX_LIMIT`.
 *
 * @since 0.3.0
 * @category validation
 */
export const pageSizeProblem = (pageSize: number): string | undefined =>
  Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_LIMIT
    ? undefined
    : `pageSize must be an integer from 1 to ${MAX_LIMIT}, got ${pageSize}`

/**
 * Where a walk is: the next offset and the identity of the page before it.
 *
 * @since 0.3.0
 * @category models
 */
export interface Position {
  readonly offset: number
  readonly previous: string | undefined
}

/**
 * The position of a walk's first page.
 *
 * @since 0.3.0
 * @category models
 */
export const start: Position = { offset: 0, previous: undefined }

/**
 * The identities a walk gives the values that have no `id` and no JSON form (one per walk).
 *
 * @since 0.3.0
 * @category models
 */
export interface Identities {
  readonly ids: WeakMap<object, number>
  next: number
}

/**
 * A walk's identities, empty.
 *
 * @since 0.3.0
 * @category constructors
 */
export const identities = (): Identities => ({ ids: new WeakMap(), next: 0 })

const identityOf = (item: unknown, opaque: Identities): string => {
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
 * The identity of a page: its items' ids (or JSON), in any order.
 *
 * @since 0.3.0
 * @category models
 */
export const pageIdentity = (items: ReadonlyArray<unknown>, opaque: Identities): string =>
  JSON.stringify(items.map((item) => identityOf(item, opaque)).sort())

/**
 * What a page fetched at `position` means for the walk: `Repeated` (with the message of the failure) when it
 * repeats the previous page, else `Next` with the position of the next page, or `undefined` when the walk is
 * over (a short page, or the `total` reached).
 *
 * @since 0.3.0
 * @category walking
 */
export const step = (
  position: Position,
  pageSize: number,
  items: ReadonlyArray<unknown>,
  total: number | undefined,
  opaque: Identities
): { readonly _tag: "Repeated"; readonly message: string } | {
  readonly _tag: "Next"
  readonly next: Position | undefined
} => {
  const identity = pageIdentity(items, opaque)
  if (position.previous !== undefined && items.length > 0 && identity === position.previous) {
    return {
      _tag: "Repeated",
      message: `the page at offset ${position.offset} repeats the previous page (${items.length} items): ` +
        "the server does not honour offset"
    }
  }
  const offset = position.offset + items.length
  const done = items.length < pageSize || (total !== undefined && offset >= total)
  return { _tag: "Next", next: done ? undefined : { offset, previous: identity } }
}
