/**
 * The store through its plain API: no Effect, a fixed clock (`now` arguments), ids from a salted generator and
 * a fake hashing port.
 */
import { describe, expect, it } from "@effect/vitest"
import * as ErrorCatalogue from "../src/ErrorCatalogue.js"
import * as Ids from "../src/Ids.js"
import type * as Model from "../src/Model.js"
import type * as Passwords from "../src/Passwords.js"
import * as Result from "../src/Result.js"
import * as Store from "../src/Store.js"

const NOW = Date.UTC(2026, 0, 1)

const fresh = (options: Store.StoreOptions = {}) => Store.make(options, { ids: Ids.makeIdGenerator(7) })

/** A hashing port that records what it was asked and hashes nothing. */
const fakeHashing = () => {
  const calls: Array<string> = []
  const port: Passwords.PasswordHashing = {
    hash: (password) => {
      calls.push(`hash ${password}`)
      return Promise.resolve({ _tag: "Digest", hasher: "fake", digest: `fake:${password}` })
    },
    verify: (record, password) => {
      calls.push(`verify ${password}`)
      return Promise.resolve(record._tag === "Digest" && record.digest === `fake:${password}`)
    }
  }
  return { port, calls }
}

/** Runs a handler's step to its outcome (synchronous steps stay synchronous). */
const run = async <A>(step: Store.Step<A>, hashing: Passwords.PasswordHashing = fakeHashing().port) =>
  Store.settle(step, hashing)

const created = async (state: Store.State, params: Model.CreateUserParams, now = NOW): Promise<Model.User> => {
  const outcome = await run(Store.handlers.create(state, [params], now))
  if (outcome._tag === "Err") throw new Error(JSON.stringify(outcome.error))
  return outcome.value
}

/** A step that must not need the hashing port. */
const sync = <A>(step: Store.Step<A>): Store.Outcome<A> => {
  if (step._tag === "Hash" || step._tag === "Verify") throw new Error(`unexpected ${step._tag} step`)
  return step
}

const codeOf = <A>(outcome: Store.Outcome<A>) => outcome._tag === "Err" ? outcome.error.errors[0]?.code : "ok"

describe("Store", () => {
  it("refuses an email address another user holds (any case), with form_identifier_exists", async () => {
    const state = fresh()
    await created(state, { emailAddress: ["ada@example.com"] })
    const outcome = await run(Store.handlers.create(state, [{ emailAddress: ["ADA@example.com"] }], NOW))
    expect(outcome).toEqual(Result.err(ErrorCatalogue.identifierExists("email_address")))
    expect(Store.size(state)).toBe(1)
  })

  it("frees an identifier when its user is deleted", async () => {
    const state = fresh()
    const ada = await created(state, { username: "ada_l" })
    expect(codeOf(sync(Store.handlers.delete(state, [ada.id], NOW)))).toBe("ok")
    expect((await created(state, { username: "ada_l" })).username).toBe("ada_l")
  })

  it("refuses metadata past the limit and changes nothing", async () => {
    const state = fresh({ metadataLimitBytes: 64 })
    const ada = await created(state, { publicMetadata: { a: 1 } })
    const outcome = Store.handlers.updateMetadata(state, [ada.id, { publicMetadata: { big: "x".repeat(64) } }], NOW)
    expect(outcome).toEqual(Result.err(ErrorCatalogue.exceedsSize("public_metadata", 64)))
    const after = Store.handlers.get(state, [ada.id], NOW)
    expect(after._tag === "Ok" && after.value.publicMetadata).toEqual({ a: 1 })
  })

  it("deep-merges a metadata patch (null removes a key)", async () => {
    const state = fresh()
    const ada = await created(state, { publicMetadata: { a: { b: 1, c: 2 }, d: 3 } })
    const outcome = Store.handlers.updateMetadata(state, [ada.id, { publicMetadata: { a: { c: null }, e: 4 } }], NOW)
    expect(outcome._tag === "Ok" && outcome.value.publicMetadata).toEqual({ a: { b: 1 }, d: 3, e: 4 })
  })

  it("locks for the lockout duration, shows the time left, and the lock expires with time", async () => {
    const state = fresh({ lockoutMillis: 60_000 })
    const ada = await created(state, {})
    const locked = Store.handlers.lock(state, [ada.id], NOW)
    expect(locked._tag === "Ok" && [locked.value.locked, locked.value.lockoutExpiresInSeconds]).toEqual([true, 60])
    const later = Store.handlers.get(state, [ada.id], NOW + 30_000)
    expect(later._tag === "Ok" && later.value.lockoutExpiresInSeconds).toBe(30)
    const expired = Store.handlers.get(state, [ada.id], NOW + 60_000)
    expect(expired._tag === "Ok" && [expired.value.locked, expired.value.lockoutExpiresInSeconds]).toEqual([
      false,
      null
    ])
  })

  it("a null lockout locks until unlock", async () => {
    const state = fresh({ lockoutMillis: null })
    const ada = await created(state, {})
    Store.handlers.lock(state, [ada.id], NOW)
    const muchLater = Store.handlers.get(state, [ada.id], NOW + 365 * 86_400_000)
    expect(muchLater._tag === "Ok" && muchLater.value.locked).toBe(true)
    const unlocked = Store.handlers.unlock(state, [ada.id], NOW)
    expect(unlocked._tag === "Ok" && unlocked.value.locked).toBe(false)
  })

  it("filters by email address and orders by created_at, either way", async () => {
    const state = fresh()
    const first = await created(state, { emailAddress: ["a@example.com"] }, NOW)
    await created(state, { emailAddress: ["b@example.com"] }, NOW + 1)
    const third = await created(state, { emailAddress: ["c@example.com"] }, NOW + 2)
    const ids = (outcome: Store.Outcome<ReadonlyArray<Model.User>>) =>
      outcome._tag === "Ok" ? outcome.value.map((user) => user.id) : outcome.error
    expect(ids(sync(Store.handlers.list(state, [{ emailAddress: ["c@example.com", "a@example.com"] }], NOW + 3))))
      .toEqual(
        [third.id, first.id]
      )
    expect(
      ids(sync(
        Store.handlers.list(state, [{ emailAddress: ["c@example.com", "a@example.com"], orderBy: "+created_at" }], NOW)
      ))
    ).toEqual([first.id, third.id])
    expect(Store.handlers.count(state, [{ emailAddress: ["a@example.com", "zz@example.com"] }], NOW)).toEqual(
      Result.ok(1)
    )
  })

  it("answers not found for an unknown user, with the catalogue's body", () => {
    const state = fresh()
    expect(Store.handlers.get(state, ["user_missing"], NOW)).toEqual(
      Result.err(ErrorCatalogue.notFound("user", "user_missing"))
    )
  })

  it("hashes through the injected port before the write, and verifies through it", async () => {
    const state = fresh()
    const { calls, port } = fakeHashing()
    const step = Store.handlers.create(state, [{ password: "correct horse battery" }], NOW)
    expect(step._tag).toBe("Hash")
    expect(Store.size(state)).toBe(0)
    const outcome = await run(step, port)
    expect(outcome._tag).toBe("Ok")
    const id = outcome._tag === "Ok" ? outcome.value.id : ""
    expect(await run(Store.handlers.verifyPassword(state, [id, "correct horse battery"], NOW), port)).toEqual(
      Result.ok({ verified: true })
    )
    expect(await run(Store.handlers.verifyPassword(state, [id, "wrong"], NOW), port)).toEqual(
      Result.err(ErrorCatalogue.incorrectPassword())
    )
    expect(calls).toEqual(["hash correct horse battery", "verify correct horse battery", "verify wrong"])
  })

  it("checks the password rules before any write, and a user without a password has none to verify", async () => {
    const state = fresh()
    expect(await run(Store.handlers.create(state, [{ password: "short" }], NOW))).toEqual(
      Result.err(ErrorCatalogue.passwordTooShort())
    )
    expect(Store.size(state)).toBe(0)
    const ada = await created(state, {})
    expect(Store.handlers.verifyPassword(state, [ada.id, "anything"], NOW)).toEqual(
      Result.err(ErrorCatalogue.noPasswordSet())
    )
  })

  it("a verification the port rejects is incorrect, never a crash", async () => {
    const state = fresh()
    const ada = await created(state, { password: "correct horse battery" })
    const rejecting: Passwords.PasswordHashing = {
      hash: () => Promise.reject(new Error("no")),
      verify: () => Promise.reject(new Error("bad digest"))
    }
    expect(await run(Store.handlers.verifyPassword(state, [ada.id, "correct horse battery"], NOW), rejecting))
      .toEqual(Result.err(ErrorCatalogue.incorrectPassword()))
  })

  it("seeds users all or nothing, naming the refused entry", () => {
    const state = fresh()
    const outcome = Store.seedUsers(
      state,
      [{ emailAddress: ["a@example.com"] }, { emailAddress: ["a@example.com"] }],
      NOW,
      [undefined, undefined]
    )
    expect(outcome).toEqual(Result.err({ failure: ErrorCatalogue.identifierExists("email_address"), index: 1 }))
    expect(Store.size(state)).toBe(0)
  })

  it("makes TOTP secrets from the injected random source", async () => {
    const state = Store.make({}, { ids: Ids.makeIdGenerator(7), randomBytes: (size) => new Uint8Array(size) })
    const ada = await created(state, {})
    const totp = Store.handlers.createTotp(state, [ada.id], NOW)
    expect(totp._tag === "Ok" && totp.value.secret).toBe("A".repeat(32))
    expect(Store.totpSecret(state, ada.id)).toBe("A".repeat(32))
  })

  it("replays a credits adjustment with the same idempotency key", async () => {
    const state = fresh()
    const ada = await created(state, {})
    const params = { amount: 500, action: "increase", idempotencyKey: "k1" } as const
    const first = Store.handlers.adjustBillingCreditBalance(state, [ada.id, params], NOW)
    const again = Store.handlers.adjustBillingCreditBalance(state, [ada.id, params], NOW + 1)
    expect(again).toEqual(first)
    const balance = Store.handlers.getBillingCreditBalance(state, [ada.id], NOW)
    expect(balance._tag === "Ok" && balance.value.balance?.amount).toBe(500)
  })
})
