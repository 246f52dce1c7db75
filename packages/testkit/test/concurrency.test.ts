/**
 * Concurrency in the in-memory layer: parallel conflicting writes (the same username or email, metadata
 * patches to one user, ban/unban races, creates racing deletes) never corrupt the store or break uniqueness,
 * and every write is atomic: what an operation returns is a state the store really had.
 */
import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import type { User } from "@effect-clerk/core/User"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import { UsersInMemory, UsersTestControl } from "../src/index.js"

/** Every identifier that must be unique is unique, across the whole store. */
const checkInvariants = Effect.gen(function*() {
  const control = yield* UsersTestControl
  const users = yield* Users
  const snapshot = yield* control.snapshot
  const seen = new Map<string, string>()
  const claim = (kind: string, value: string | null | undefined, owner: string) => {
    if (value === null || value === undefined) return
    const key = `${kind}:${value.toLowerCase()}`
    expect(seen.get(key) ?? owner, `${key} held twice`).toBe(owner)
    seen.set(key, owner)
  }
  const ids = new Set<string>()
  for (const { user } of snapshot.users) {
    expect(ids.has(user.id), `id ${user.id} twice`).toBe(false)
    ids.add(user.id)
    claim("username", user.username, user.id)
    claim("external_id", user.externalId, user.id)
    for (const email of user.emailAddresses) claim("email", email.emailAddress, user.id)
    for (const phone of user.phoneNumbers) claim("phone", phone.phoneNumber, user.id)
  }
  expect(yield* users.count()).toBe(snapshot.users.length)
  const listed = yield* users.list({ limit: 500 })
  expect(new Set(listed.map((user) => user.id))).toEqual(new Set([...ids].slice(0, 500)))
  return snapshot
})

const codeOf = (error: ClerkError) => ("errors" in error ? error.errors[0]?.code : undefined)

const runAll = <A>(
  effects: ReadonlyArray<Effect.Effect<A, ClerkError>>
): Effect.Effect<Array<Either.Either<A, ClerkError>>> =>
  Effect.all(effects.map((effect) => Effect.either(effect)), { concurrency: "unbounded" })

describe("concurrent conflicting writes in UsersInMemory", () => {
  it.effect("50 creates of the same username (with passwords to hash): exactly one wins", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const results = yield* runAll(Array.from({ length: 50 }, (_, i) =>
        users.create({
          username: "same_name",
          emailAddress: [`racer${i}@example.com`],
          password: `a long enough password ${i}`
        })))
      const won = results.filter(Either.isRight)
      expect(won).toHaveLength(1)
      for (const result of results.filter(Either.isLeft)) {
        expect(result.left._tag).toBe("UnprocessableEntity")
        expect(codeOf(result.left)).toBe("form_identifier_exists")
      }
      const snapshot = yield* checkInvariants
      expect(snapshot.users).toHaveLength(1)
      expect(snapshot.users[0]?.user.id).toBe(won[0]?.right.id)
      expect(snapshot.users[0]?.hasPassword).toBe(true)
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("30 creates sharing one email address and 20 users renamed to one username: one each", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const created = yield* runAll(
        Array.from(
          { length: 30 },
          (_, i) => users.create({ emailAddress: ["Shared@Example.com"], externalId: `ext-${i}` })
        )
      )
      expect(created.filter(Either.isRight)).toHaveLength(1)
      const others = yield* Effect.forEach(
        Array.from({ length: 20 }, (_, i) => i),
        (i) => users.create({ emailAddress: [`u${i}@example.com`] })
      )
      const renamed = yield* runAll(others.map((user) => users.update(user.id, { username: "the_one" })))
      expect(renamed.filter(Either.isRight)).toHaveLength(1)
      for (const result of renamed.filter(Either.isLeft)) expect(codeOf(result.left)).toBe("form_identifier_exists")
      yield* checkInvariants
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("100 concurrent metadata patches to one user: none is lost", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ emailAddress: ["meta@example.com"], publicMetadata: { base: true } })
      const results = yield* runAll(Array.from({ length: 100 }, (_, i) =>
        users.updateMetadata(user.id, {
          publicMetadata: { [`k${i}`]: i, nested: { [`n${i}`]: [i] } },
          privateMetadata: { last: i }
        })))
      expect(results.every(Either.isRight)).toBe(true)
      const after = yield* users.get(user.id)
      const expectedPublic: Record<string, unknown> = { base: true, nested: {} }
      for (let i = 0; i < 100; i++) {
        expectedPublic[`k${i}`] = i
        ;(expectedPublic["nested"] as Record<string, unknown>)[`n${i}`] = [i]
      }
      expect(after.publicMetadata).toEqual(expectedPublic)
      // each patch saw the ones before it: the returned states grow one key at a time
      const sizes = results.map((result) =>
        Either.isRight(result) ? Object.keys(result.right.publicMetadata).length : 0
      )
      expect(new Set(sizes).size).toBe(100)
      const lastWrite = [...results].reverse().find(Either.isRight)
      expect((after.privateMetadata as { last: number }).last).toBe(lastWrite?.right.privateMetadata?.["last"])
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect("ban/unban/lock races: every call returns its own write, the final state is one of them", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ emailAddress: ["race@example.com"] })
      const actions = Array.from({ length: 200 }, (_, i) => (["ban", "unban", "lock", "unlock"] as const)[i % 4]!)
      const results = yield* runAll(actions.map((action) => users[action](user.id)))
      const returned: Array<User> = []
      results.forEach((result, i) => {
        expect(Either.isRight(result)).toBe(true)
        if (Either.isLeft(result)) return
        returned.push(result.right)
        const action = actions[i]!
        if (action === "ban" || action === "unban") expect(result.right.banned).toBe(action === "ban")
        else expect(result.right.locked).toBe(action === "lock")
      })
      const final = yield* users.get(user.id)
      expect(returned.some((r) => r.banned === final.banned && r.locked === final.locked)).toBe(true)
      yield* checkInvariants
    }).pipe(Effect.provide(UsersInMemory.layer())))

  it.effect.prop(
    "any batch of concurrent creates, renames and deletes over a few identifiers keeps every invariant",
    [fc.array(
      fc.oneof(
        fc.record({
          _tag: fc.constant("create" as const),
          username: fc.constantFrom("ann", "bob", "cy"),
          email: fc.constantFrom("a@x.io", "b@x.io", "c@x.io", "A@X.IO"),
          externalId: fc.constantFrom("e1", "e2", "e3")
        }),
        fc.record({ _tag: fc.constant("rename" as const), target: fc.nat(9), username: fc.constantFrom("ann", "bob") }),
        fc.record({ _tag: fc.constant("delete" as const), target: fc.nat(9) })
      ),
      { minLength: 1, maxLength: 40 }
    )],
    ([batch]) =>
      Effect.gen(function*() {
        const users = yield* Users
        const existing = yield* Effect.forEach(
          Array.from({ length: 10 }, (_, i) => i),
          (i) => users.create({ emailAddress: [`seed${i}@example.com`] })
        )
        const results = yield* runAll(batch.map((step): Effect.Effect<unknown, ClerkError> => {
          switch (step._tag) {
            case "create":
              return users.create({
                username: step.username,
                emailAddress: [step.email],
                externalId: step.externalId
              })
            case "rename":
              return users.update(existing[step.target]!.id, { username: step.username })
            case "delete":
              return users.delete(existing[step.target]!.id)
          }
        }))
        for (const result of results) {
          if (Either.isLeft(result)) expect(["UnprocessableEntity", "ResourceNotFound"]).toContain(result.left._tag)
        }
        const snapshot = yield* checkInvariants
        // every create that succeeded is in the store (creates are never deleted here)
        const ids = new Set(snapshot.users.map(({ user }) => user.id))
        results.forEach((result, i) => {
          if (batch[i]!._tag === "create" && Either.isRight(result)) {
            expect(ids.has((result.right as User).id)).toBe(true)
          }
        })
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { fastCheck: { numRuns: 60 } }
  )
})
