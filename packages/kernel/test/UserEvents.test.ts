/**
 * The user events through the plain API: which operations emit, and what each event carries.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Ids from "../src/Ids.js"
import * as Operations from "../src/Operations.js"
import * as Result from "../src/Result.js"
import * as Store from "../src/Store.js"
import * as UserEvents from "../src/UserEvents.js"

const NOW = Date.UTC(2026, 0, 1)
const context: UserEvents.EventContext = {
  now: NOW,
  instanceId: "ins_test",
  httpRequest: { clientIp: "127.0.0.1", userAgent: "vitest" }
}

const fresh = () => Store.make({ lockoutMillis: null }, { ids: Ids.makeIdGenerator(3) })

const seeded = (state: Store.State, externalId?: string) => {
  const result = Store.seedUser(
    state,
    { username: "ada_lovelace", ...(externalId ? { externalId } : {}) },
    NOW,
    undefined
  )
  if (Result.isErr(result)) throw new Error("seed refused")
  return result.value
}

const call = <K extends Operations.OperationKey>(state: Store.State, key: K, args: Operations.ArgsOf<K>) => {
  const operation = Operations.operations[key]
  const emitted = UserEvents.observe(state, operation, args)
  const step = (Store.handlers[key] as (s: Store.State, a: ReadonlyArray<unknown>, n: number) => Store.Step<unknown>)(
    state,
    args,
    NOW
  )
  if (step._tag !== "Ok") throw new Error(`${key} did not succeed`)
  return emitted(step.value, context)
}

/** Written out independently of the table: what Clerk emits for each operation that changes a user. */
const expected: Readonly<Record<string, UserEvents.UserEventType>> = {
  create: "user.created",
  delete: "user.deleted",
  update: "user.updated",
  ban: "user.updated",
  unban: "user.updated",
  bulkBan: "user.updated",
  bulkUnban: "user.updated",
  lock: "user.updated",
  unlock: "user.updated",
  setProfileImage: "user.updated",
  deleteProfileImage: "user.updated",
  updateMetadata: "user.updated",
  replaceMetadata: "user.updated",
  replaceEmailAddress: "user.updated",
  replacePhoneNumber: "user.updated",
  removePassword: "user.updated",
  setPasswordCompromised: "user.updated",
  unsetPasswordCompromised: "user.updated",
  disableMfa: "user.updated",
  deleteBackupCodes: "user.updated",
  createTotp: "user.updated",
  deleteTotp: "user.updated",
  deletePasskey: "user.updated",
  deleteWeb3Wallet: "user.updated",
  deleteExternalAccount: "user.updated"
}

describe("UserEvents", () => {
  it("the table's event facts are the ones written out here; every other row emits nothing", () => {
    for (const row of Operations.rows) expect(row.event, row.key).toBe(expected[row.key])
  })

  it("every row states its event, and the rows that emit are listed", () => {
    for (const row of Operations.rows) expect(Object.hasOwn(row, "event")).toBe(true)
    expect(UserEvents.emitting.map((entry) => entry.operation)).toContain("create")
    expect(UserEvents.emitting.map((entry) => entry.operation)).not.toContain("get")
    expect(UserEvents.emitting.find((entry) => entry.operation === "delete")?.event).toBe("user.deleted")
  })

  it("create emits user.created with the created user, in Clerk's envelope", () => {
    const state = fresh()
    const events = call(state, "create", [{ username: "grace" }])
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event?.type).toBe("user.created")
    expect(event?.object).toBe("event")
    expect(event?.timestamp).toBe(NOW)
    expect(event?.instanceId).toBe("ins_test")
    expect(event?.data).toMatchObject({ username: "grace" })
  })

  it("ban emits user.updated with the user as it is after the change", () => {
    const state = fresh()
    const ada = seeded(state)
    const events = call(state, "ban", [ada.id])
    expect(events.map((event) => event.type)).toEqual(["user.updated"])
    expect(events[0]?.data).toMatchObject({ id: ada.id, banned: true })
  })

  it("an operation that returns no user emits the user's update (disableMfa)", () => {
    const state = fresh()
    const ada = seeded(state)
    const events = call(state, "disableMfa", [ada.id])
    expect(events).toHaveLength(1)
    expect(events[0]?.data).toMatchObject({ id: ada.id, twoFactorEnabled: false })
  })

  it("bulkBan emits one user.updated per user it changed", () => {
    const state = fresh()
    const ada = seeded(state)
    const bob = Store.seedUser(state, { username: "bob_builder" }, NOW, undefined)
    if (Result.isErr(bob)) throw new Error("seed refused")
    const events = call(state, "bulkBan", [[ada.id, bob.value.id, "user_unknown"]])
    expect(events.map((event) => event.type === "user.deleted" ? "" : event.data.id)).toEqual([ada.id, bob.value.id])
  })

  it("delete emits user.deleted with the external id read before the deletion", () => {
    const state = fresh()
    const ada = seeded(state, "ext-1")
    const events = call(state, "delete", [ada.id])
    expect(events).toEqual([{
      type: "user.deleted",
      object: "event",
      data: { object: "user", id: ada.id, deleted: true, externalId: "ext-1" },
      timestamp: NOW,
      instanceId: "ins_test",
      eventAttributes: { httpRequest: { clientIp: "127.0.0.1", userAgent: "vitest" } }
    }])
    const wire = UserEvents.toWire(events[0]!, () => "unused")
    expect(wire).toEqual({
      data: { object: "user", id: ada.id, deleted: true, external_id: "ext-1" },
      object: "event",
      type: "user.deleted",
      timestamp: NOW,
      instance_id: "ins_test",
      event_attributes: { http_request: { client_ip: "127.0.0.1", user_agent: "vitest" } }
    })
  })

  it("a read emits nothing", () => {
    const state = fresh()
    const ada = seeded(state)
    expect(call(state, "get", [ada.id])).toEqual([])
  })

  it("sample builds an event without an operation, overrides laid over a sample user", () => {
    const ids = Ids.makeIdGenerator(5)
    const created = UserEvents.sample("user.created", { firstName: "Ada" }, context, ids)
    expect(created.data.firstName).toBe("Ada")
    expect(created.data.lastName).toBe("User")
    expect(created.data.id).toMatch(/^user_/)
    const deleted = UserEvents.sample("user.deleted", { id: "user_x" }, context, ids)
    expect(deleted.data).toEqual({ object: "user", id: "user_x", deleted: true })
  })
})
