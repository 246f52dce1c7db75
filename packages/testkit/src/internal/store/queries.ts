/**
 * Queries over the users: filters, ordering and pages, as Clerk answers `GET /users` and `GET /users/count`.
 * Pure over the records, with caches (in the state, keyed by its version) so that walking a listing page
 * by page sorts the population once.
 *
 * @internal
 */
import type { Paginated } from "@effect-clerk/core/Responses"
import type { User } from "@effect-clerk/core/User"
import type { CountUsersParams, ListUsersParams, PaginationParams } from "@effect-clerk/core/UsersParams"
import { valueInvalid } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import { oauthProvider } from "./accounts.js"
import type { Result } from "./records.js"
import { lower, primaryOf, view } from "./records.js"
import type { State, UserRecord } from "./state.js"
import { liveRecords } from "./state.js"

/** A value records are ordered by. @internal */
export type SortKey = string | number | null

/** Parses `[+|-]field`. @internal */
export const parseOrder = (orderBy: string): { readonly field: string; readonly descending: boolean } =>
  orderBy.startsWith("-")
    ? { field: orderBy.slice(1), descending: true }
    : { field: orderBy.startsWith("+") ? orderBy.slice(1) : orderBy, descending: false }

/**
 * Compares two keys the way Postgres orders them: ascending puts `null` last, descending first.
 *
 * @internal
 */
export const compareKeys = (a: SortKey, b: SortKey, descending: boolean): number => {
  if (a === b) return 0
  if (a === null) return descending ? -1 : 1
  if (b === null) return descending ? 1 : -1
  const c = a < b ? -1 : 1
  return descending ? -c : c
}

/**
 * The `limit` items from `offset` of `items` in the order of `compare` (a total order), without sorting the
 * whole array: a bounded max-heap keeps the best `offset + limit` items.
 *
 * @internal
 */
export const selectPage = <A>(
  items: ReadonlyArray<A>,
  compare: (a: A, b: A) => number,
  offset: number,
  limit: number
): Array<A> => {
  const k = offset + limit
  if (k >= items.length / 2) return [...items].sort(compare).slice(offset, k)
  const heap: Array<A> = []
  const swap = (i: number, j: number) => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (compare(heap[i]!, heap[parent]!) <= 0) break
        swap(i, parent)
        i = parent
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      for (let i = 0;;) {
        const l = 2 * i + 1
        const r = l + 1
        let largest = i
        if (l < heap.length && compare(heap[l]!, heap[largest]!) > 0) largest = l
        if (r < heap.length && compare(heap[r]!, heap[largest]!) > 0) largest = r
        if (largest === i) break
        swap(i, largest)
        i = largest
      }
    }
  }
  return heap.sort(compare).slice(offset, k)
}

/** A page of `items` by `limit` (default 10) and `offset`, with the total. @internal */
export const page = <A>(items: ReadonlyArray<A>, params: PaginationParams | undefined): Paginated<A> => {
  const offset = params?.offset ?? 0
  const limit = params?.limit ?? 10
  return { data: items.slice(offset, offset + limit), totalCount: items.length }
}

const userSortKeys: Record<string, (user: User) => SortKey> = {
  created_at: (u) => u.createdAt,
  updated_at: (u) => u.updatedAt,
  email_address: (u) => primaryOf(u.emailAddresses, u.primaryEmailAddressId)?.emailAddress ?? null,
  web3wallet: (u) => primaryOf(u.web3Wallets, u.primaryWeb3WalletId)?.web3Wallet ?? null,
  first_name: (u) => u.firstName,
  last_name: (u) => u.lastName,
  phone_number: (u) => primaryOf(u.phoneNumbers, u.primaryPhoneNumberId)?.phoneNumber ?? null,
  username: (u) => u.username,
  last_active_at: (u) => u.lastActiveAt,
  last_sign_in_at: (u) => u.lastSignInAt
}

/** Splits a `+`/`-` prefixed list into its included and excluded values. */
const plusMinus = (values: ReadonlyArray<string> | undefined) => {
  if (values === undefined || values.length === 0) return undefined
  const include = new Set<string>()
  const exclude = new Set<string>()
  for (const value of values) {
    if (value.startsWith("-")) exclude.add(value.slice(1))
    else if (value.startsWith("+")) include.add(value.slice(1))
    else include.add(value)
  }
  return { include, exclude }
}

const matchesPlusMinus = (
  set: { readonly include: ReadonlySet<string>; readonly exclude: ReadonlySet<string> } | undefined,
  values: ReadonlyArray<string>
) => {
  if (set === undefined) return true
  if (set.include.size > 0 && !values.some((v) => set.include.has(v))) return false
  return !values.some((v) => set.exclude.has(v))
}

/** Lower-cased names, computed once per user object (users are replaced, never mutated, on a change). */
const namesOf = (state: State, user: User) => {
  let names = state.caches.names.get(user)
  if (names === undefined) {
    const first = (user.firstName ?? "").toLowerCase()
    const last = (user.lastName ?? "").toLowerCase()
    names = { first, last, full: `${first} ${last}` }
    state.caches.names.set(user, names)
  }
  return names
}

const some = <A>(items: ReadonlyArray<A>, get: (a: A) => string, test: (value: string) => boolean) => {
  for (let i = 0; i < items.length; i++) if (test(get(items[i]!))) return true
  return false
}
const someEmail = (user: User, test: (email: string) => boolean) =>
  some(user.emailAddresses, (e) => e.emailAddress, test)
const somePhone = (user: User, test: (phone: string) => boolean) => some(user.phoneNumbers, (p) => p.phoneNumber, test)
const someWallet = (user: User, test: (wallet: string) => boolean) => some(user.web3Wallets, (w) => w.web3Wallet, test)

/**
 * The filters as one predicate made of only the checks the params ask for (a listing over 100 000 users runs
 * it 100 000 times). Emails, usernames and wallets are stored lower-cased, so substring matches on them need
 * no conversion.
 *
 * @internal
 */
export const userFilter = (
  state: State,
  params: CountUsersParams
): Result<(record: UserRecord) => boolean> => {
  if ((params.provider === undefined) !== (params.providerUserId === undefined)) {
    return Either.left(valueInvalid("provider", "and provider_user_id must be used together."))
  }
  const checks: Array<(user: User) => boolean> = []
  if (params.emailAddress !== undefined) {
    const emails = new Set(params.emailAddress.map(lower))
    const test = (e: string) => emails.has(e)
    checks.push((u) => someEmail(u, test))
  }
  if (params.phoneNumber !== undefined) {
    const phones = new Set(params.phoneNumber)
    const test = (p: string) => phones.has(p)
    checks.push((u) => somePhone(u, test))
  }
  if (params.username !== undefined) {
    const usernames = new Set(params.username.map(lower))
    checks.push((u) => u.username !== null && usernames.has(u.username))
  }
  if (params.web3Wallet !== undefined) {
    const wallets = new Set(params.web3Wallet.map(lower))
    const test = (w: string) => wallets.has(w)
    checks.push((u) => someWallet(u, test))
  }
  const userIds = plusMinus(params.userId)
  if (userIds !== undefined) checks.push((u) => matchesPlusMinus(userIds, [u.id]))
  const externalIds = plusMinus(params.externalId)
  if (externalIds !== undefined) {
    checks.push((u) => matchesPlusMinus(externalIds, u.externalId === null ? [] : [u.externalId]))
  }
  const organizationIds = plusMinus(params.organizationId)
  if (organizationIds !== undefined) {
    checks.push((u) => {
      const orgs: Array<string> = []
      for (const id of state.membershipsByUser.get(u.id) ?? []) {
        const membership = state.memberships.get(id)
        if (membership !== undefined) orgs.push(membership.organizationId)
      }
      return matchesPlusMinus(organizationIds, orgs)
    })
  }
  if (params.provider !== undefined && params.providerUserId !== undefined) {
    const provider = oauthProvider(params.provider)
    const providerUserIds = new Set(params.providerUserId)
    checks.push((u) => u.externalAccounts.some((a) => a.provider === provider && providerUserIds.has(a.providerUserId)))
  }
  if (params.banned !== undefined) {
    const banned = params.banned
    checks.push((u) => u.banned === banned)
  }
  if (params.query !== undefined && params.query !== "") {
    const q = params.query.toLowerCase()
    const contains = (value: string) => value.toLowerCase().includes(q)
    checks.push((u) => {
      const names = namesOf(state, u)
      return u.id.toLowerCase().includes(q) || (u.username !== null && u.username.includes(q)) ||
        names.first.includes(q) || names.last.includes(q) || names.full.includes(q) ||
        someEmail(u, contains) || somePhone(u, contains) || someWallet(u, contains)
    })
  }
  if (params.emailAddressQuery !== undefined) {
    const q = params.emailAddressQuery.toLowerCase()
    const test = (e: string) => e.includes(q)
    checks.push((u) => someEmail(u, test))
  }
  if (params.phoneNumberQuery !== undefined) {
    const q = params.phoneNumberQuery.toLowerCase()
    const test = (p: string) => p.toLowerCase().includes(q)
    checks.push((u) => somePhone(u, test))
  }
  if (params.usernameQuery !== undefined) {
    const q = params.usernameQuery.toLowerCase()
    checks.push((u) => u.username !== null && u.username.includes(q))
  }
  if (params.nameQuery !== undefined) {
    const q = params.nameQuery.toLowerCase()
    checks.push((u) => {
      const names = namesOf(state, u)
      return names.first.includes(q) || names.last.includes(q) || names.full.includes(q)
    })
  }
  const bound = (value: (u: User) => number | null, test: (v: number, b: number) => boolean, b: number | undefined) => {
    if (b !== undefined) {
      checks.push((u) => {
        const v = value(u)
        return v !== null && test(v, b)
      })
    }
  }
  const before = (v: number, b: number) => v < b
  const after = (v: number, b: number) => v > b
  bound((u) => u.lastActiveAt, before, params.lastActiveAtBefore)
  bound((u) => u.lastActiveAt, after, params.lastActiveAtAfter)
  bound((u) => u.lastActiveAt, (v, b) => v >= b, params.lastActiveAtSince)
  bound((u) => u.createdAt, before, params.createdAtBefore)
  bound((u) => u.createdAt, after, params.createdAtAfter)
  bound((u) => u.lastSignInAt, before, params.lastSignInAtBefore)
  bound((u) => u.lastSignInAt, after, params.lastSignInAtAfter)

  const n = checks.length
  return Either.right(({ user }: UserRecord): boolean => {
    for (let i = 0; i < n; i++) if (!checks[i]!(user)) return false
    return true
  })
}

const userComparator = (orderBy: string) => {
  const { descending, field } = parseOrder(orderBy)
  const key = userSortKeys[field] ?? userSortKeys["created_at"]!
  return (a: UserRecord, b: UserRecord) =>
    compareKeys(key(a.user), key(b.user), descending) || (descending ? b.seq - a.seq : a.seq - b.seq)
}

/** All users in `orderBy` order, sorted once per version of the state. */
const sorted = (state: State, orderBy: string): ReadonlyArray<UserRecord> => {
  const cache = state.caches.sorted
  const cached = cache.get(orderBy)
  if (cached !== undefined && cached.version === state.version) return cached.records
  const records = [...liveRecords(state)].sort(userComparator(orderBy))
  cache.set(orderBy, { version: state.version, records })
  return records
}

/** Pages up to this depth are selected from the matches without sorting the population. */
const SHALLOW = 2_000

/** `GET /users`. @internal */
export const list = (state: State, params: ListUsersParams | undefined, now: number): Result<Array<User>> =>
  Either.flatMap(userFilter(state, params ?? {}), (predicate) => {
    const orderBy = params?.orderBy ?? "-created_at"
    const limit = params?.limit ?? 10
    const offset = params?.offset ?? 0
    const startingAfter = params?.startingAfter
    if (startingAfter !== undefined) {
      if (parseOrder(orderBy).field !== "created_at") {
        return Either.left(valueInvalid("starting_after", "can only be used with the created_at ordering."))
      }
      if (offset !== 0) return Either.left(valueInvalid("starting_after", "cannot be combined with offset."))
    }
    const { shallowSeen, sorted: sortedCache } = state.caches
    const cached = sortedCache.get(orderBy)
    const fresh = cached !== undefined && cached.version === state.version
    // the second listing in this order at the same version sorts once, for all the ones that follow
    const repeated = shallowSeen.get(orderBy) === state.version
    shallowSeen.set(orderBy, state.version)
    if (!fresh && !repeated && startingAfter === undefined && offset + limit <= SHALLOW) {
      // a shallow page while the cached order is stale: select the best `offset + limit` matches directly
      const matches: Array<UserRecord> = []
      const all = liveRecords(state)
      for (let i = 0; i < all.length; i++) if (predicate(all[i]!)) matches.push(all[i]!)
      return Either.right(selectPage(matches, userComparator(orderBy), offset, limit).map((r) => view(r, now)))
    }
    // a deep page (walking a listing): sort the population once per version and scan up to the page
    const records = sorted(state, orderBy)
    let start = 0
    if (startingAfter !== undefined) {
      const cursor = state.users.get(startingAfter)
      if (cursor === undefined) return Either.right([])
      start = records.indexOf(cursor) + 1
    }
    const out: Array<User> = []
    let skipped = 0
    for (let i = start; i < records.length && out.length < limit; i++) {
      const record = records[i]!
      if (!predicate(record)) continue
      if (skipped < offset) skipped++
      else out.push(view(record, now))
    }
    return Either.right(out)
  })

/** `GET /users/count`. @internal */
export const count = (state: State, params: CountUsersParams | undefined): Result<number> =>
  Either.map(userFilter(state, params ?? {}), (predicate) => {
    let n = 0
    const records = liveRecords(state)
    for (let i = 0; i < records.length; i++) if (predicate(records[i]!)) n++
    return n
  })
