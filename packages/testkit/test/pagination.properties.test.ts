import { Users } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import type { CountUsersParams, UserOrderBy } from "@effect-clerk/core/UsersParams"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Stream from "effect/Stream"
import { Arbitraries, UsersInMemory, UsersTestControl } from "../src/index.js"

const ids = (users: Iterable<User>) => [...users].map((u) => u.id)

/** The test's own reading of the filters the arbitraries generate. */
const referenceFilter = (params: CountUsersParams) => (u: User): boolean => {
  const has = (s: string | null | undefined, q: string) => s != null && s.toLowerCase().includes(q.toLowerCase())
  const full = `${u.firstName ?? ""} ${u.lastName ?? ""}`
  if (params.banned !== undefined && u.banned !== params.banned) return false
  if (
    params.emailAddressQuery !== undefined &&
    !u.emailAddresses.some((e) => has(e.emailAddress, params.emailAddressQuery!))
  ) return false
  if (
    params.phoneNumberQuery !== undefined && !u.phoneNumbers.some((p) => has(p.phoneNumber, params.phoneNumberQuery!))
  ) return false
  if (params.usernameQuery !== undefined && !has(u.username, params.usernameQuery)) return false
  if (params.nameQuery !== undefined && ![u.firstName, u.lastName, full].some((s) => has(s, params.nameQuery!))) {
    return false
  }
  if (params.query !== undefined) {
    const q = params.query
    const fields = [
      u.id,
      u.username,
      u.firstName,
      u.lastName,
      full,
      ...u.emailAddresses.map((e) => e.emailAddress),
      ...u.phoneNumbers.map((p) => p.phoneNumber),
      ...u.web3Wallets.map((w) => w.web3Wallet)
    ]
    if (!fields.some((s) => has(s, q))) return false
  }
  if (params.createdAtAfter !== undefined && !(u.createdAt > params.createdAtAfter)) return false
  if (params.createdAtBefore !== undefined && !(u.createdAt < params.createdAtBefore)) return false
  if (
    params.lastActiveAtAfter !== undefined && !(u.lastActiveAt !== null && u.lastActiveAt > params.lastActiveAtAfter)
  ) return false
  if (
    params.lastSignInAtBefore !== undefined && !(u.lastSignInAt !== null && u.lastSignInAt < params.lastSignInAtBefore)
  ) return false
  if (params.externalId !== undefined) {
    const include = params.externalId.filter((v) => !v.startsWith("-")).map((v) => v.replace(/^\+/, ""))
    const exclude = params.externalId.filter((v) => v.startsWith("-")).map((v) => v.slice(1))
    if (include.length > 0 && (u.externalId === null || !include.includes(u.externalId))) return false
    if (u.externalId !== null && exclude.includes(u.externalId)) return false
  }
  return true
}

const sortKey = (field: string, u: User): string | number | null => {
  const primary = <A extends { id?: string }>(items: ReadonlyArray<A>, id: string | null) =>
    items.find((i) => i.id === id) ?? items[0]
  switch (field) {
    case "created_at":
      return u.createdAt
    case "updated_at":
      return u.updatedAt
    case "email_address":
      return primary(u.emailAddresses, u.primaryEmailAddressId)?.emailAddress ?? null
    case "web3wallet":
      return primary(u.web3Wallets, u.primaryWeb3WalletId)?.web3Wallet ?? null
    case "phone_number":
      return primary(u.phoneNumbers, u.primaryPhoneNumberId)?.phoneNumber ?? null
    case "first_name":
      return u.firstName
    case "last_name":
      return u.lastName
    case "username":
      return u.username
    case "last_active_at":
      return u.lastActiveAt
    default:
      return u.lastSignInAt
  }
}

/** Sorted by `orderBy`: ascending puts nulls last, descending first (as Postgres does). */
const isSorted = (users: ReadonlyArray<User>, orderBy: UserOrderBy | undefined) => {
  const order = orderBy ?? "-created_at"
  const descending = order.startsWith("-")
  const field = order.replace(/^[+-]/, "")
  for (let i = 1; i < users.length; i++) {
    const [a, b] = [sortKey(field, users[i - 1]!), sortKey(field, users[i]!)]
    if (a === b) continue
    if (descending ? (a !== null && (b === null || a < b)) : (a === null || (b !== null && a > b))) return false
  }
  return true
}

describe("pagination laws (in-memory layer)", () => {
  it.effect.prop(
    "for any population, filter, order and page size, the pages are the whole ordered result, once each",
    [
      Arbitraries.population({ maxLength: 40 }),
      Arbitraries.countUsersParams,
      fc.option(Arbitraries.userOrderBy, { nil: undefined }),
      fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 500 }))
    ],
    ([population, filter, orderBy, pageSize]) =>
      Effect.gen(function*() {
        const users = yield* Users
        const control = yield* UsersTestControl
        const seeded = yield* control.seedUsers(population)
        const order = orderBy === undefined ? {} : { orderBy }
        const whole = yield* users.list({ ...filter, ...order, limit: 500 })
        const total = yield* users.count(filter)

        // the filter selects what the test's own reading of it selects
        expect(new Set(ids(whole))).toEqual(new Set(ids(seeded.filter(referenceFilter(filter)))))
        expect(whole.length).toBe(total)
        expect(isSorted(whole, orderBy)).toBe(true)

        // walking page by page
        const walked: Array<User> = []
        for (let offset = 0;; offset += pageSize) {
          const page = yield* users.list({ ...filter, ...order, limit: pageSize, offset })
          expect(page.length).toBeLessThanOrEqual(pageSize)
          for (const user of page) walked.push(user)
          if (page.length < pageSize) break
        }
        expect(ids(walked)).toEqual(ids(whole))
        expect(new Set(ids(walked)).size).toBe(walked.length)
        expect(walked.length).toBe(total)

        // the stream walks the same
        const streamed = yield* Stream.runCollect(users.listStream({ ...filter, ...order }, { pageSize }))
        expect(ids(Chunk.toReadonlyArray(streamed))).toEqual(ids(whole))

        // at or past the end: an empty page
        expect(yield* users.list({ ...filter, ...order, limit: pageSize, offset: total })).toEqual([])
        expect(yield* users.list({ ...filter, ...order, limit: pageSize, offset: total + 13 })).toEqual([])
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 150 } }
  )

  it.effect(
    "deep pages (past the shallow selection, from the cached order) walk the same ordered result",
    () =>
      Effect.gen(function*() {
        const users = yield* Users
        const control = yield* UsersTestControl
        const population = Array.from({ length: 2_600 }, (_, i) => ({
          emailAddress: [`deep${i}@${i % 3 === 0 ? "example.org" : "example.com"}`],
          firstName: ["Ada", "Grace", null][i % 3]!,
          createdAt: 1_700_000_000_000 + (i % 50) * 1000, // many ties
          lastActiveAt: i % 4 === 0 ? null : 1_700_000_000_000 + ((i * 37) % 1000) * 1000,
          banned: i % 5 === 0
        }))
        yield* control.seedUsers(population)
        for (const orderBy of [undefined, "+created_at", "-last_active_at", "first_name", "-email_address"] as const) {
          const order = orderBy === undefined ? {} : { orderBy }
          for (const filter of [{}, { banned: false }, { emailAddressQuery: "example.org" }]) {
            const total = yield* users.count(filter)
            const walked: Array<User> = []
            for (let offset = 0; offset < total + 500; offset += 500) {
              for (const user of yield* users.list({ ...filter, ...order, limit: 500, offset })) walked.push(user)
            }
            expect(walked).toHaveLength(total)
            expect(new Set(ids(walked)).size).toBe(total)
            expect(isSorted(walked, orderBy)).toBe(true)
            // the shallow selection agrees with the deep scan on the first pages
            yield* control.seedUser({ firstName: "invalidates the cached order" }).pipe(
              Effect.flatMap((u) => users.delete(u.id))
            )
            const shallow = yield* users.list({ ...filter, ...order, limit: 500, offset: 1_000 })
            expect(ids(shallow)).toEqual(ids(walked.slice(1_000, 1_500)))
          }
        }
      }).pipe(Effect.provide(UsersInMemory.layer())),
    60_000
  )

  it.effect.prop(
    "listWithTotal agrees with list and count",
    [Arbitraries.population({ maxLength: 25 }), Arbitraries.listUsersParams],
    ([population, params]) =>
      Effect.gen(function*() {
        const users = yield* Users
        const control = yield* UsersTestControl
        yield* control.seedUsers(population)
        const { limit: _l, offset: _o, orderBy: _ob, ...filter } = params
        const { data, totalCount } = yield* users.listWithTotal(params)
        expect(ids(data)).toEqual(ids(yield* users.list(params)))
        expect(totalCount).toBe(yield* users.count(filter))
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 50 } }
  )
})
