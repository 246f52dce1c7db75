/**
 * The user events of the in-memory layer: what each change emits, the live stream, the snapshot, `trigger` and
 * `reset`. (Every row's event is checked on the three set-ups by the contract suite.)
 */
import { Users } from "@effect-clerk/core"
import { Operations } from "@effect-clerk/kernel"
import * as UserEvents from "@effect-clerk/kernel/UserEvents"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { readFileSync } from "node:fs"
import { Fault, UsersInMemory, UsersTestControl } from "../src/index.js"
import * as Events from "../src/internal/events.js"

const withLayer = <A, E>(effect: Effect.Effect<A, E, Users | UsersTestControl>) =>
  Effect.provide(effect, UsersInMemory.layer())

describe("user events (in memory)", () => {
  it.effect("create, update, delete emit user.created, user.updated, user.deleted in Clerk's envelope", () =>
    withLayer(Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* users.create({ emailAddress: ["ada@example.com"], externalId: "ext-ada" })
      yield* users.update(ada.id, { firstName: "Ada" })
      yield* users.delete(ada.id)
      const emitted = yield* control.emitted
      expect(emitted.map((event) => event.type)).toEqual(["user.created", "user.updated", "user.deleted"])
      const [created, updated, deleted] = emitted
      expect(created).toMatchObject({
        object: "event",
        timestamp: 1_700_000_000_000,
        eventAttributes: { httpRequest: { clientIp: "127.0.0.1" } }
      })
      expect(created?.instanceId).toMatch(/^ins_/)
      expect(updated?.data).toMatchObject({ id: ada.id, firstName: "Ada" })
      expect(deleted?.data).toEqual({ object: "user", id: ada.id, deleted: true, externalId: "ext-ada" })
    })))

  it.effect("reads, failures and seeding emit nothing", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      yield* users.get(ada.id)
      yield* users.list()
      yield* Effect.either(users.ban("user_missing"))
      yield* Effect.either(users.create({ emailAddress: ["ada@example.com"] }))
      expect(yield* control.emitted).toEqual([])
    })))

  it.effect("a fault after the change still emits (the change was made); a fault before it does not", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* control.seedUser({ emailAddress: ["ada@example.com"] })
      yield* control.injectFault({ operations: ["ban"], fault: Fault.status(503) })
      yield* Effect.either(users.ban(ada.id))
      expect(yield* control.emitted).toHaveLength(0)
      yield* control.injectFault({ operations: ["ban"], fault: Fault.status(503), when: "after" })
      yield* Effect.either(users.ban(ada.id))
      expect((yield* control.emitted).map((event) => event.type)).toEqual(["user.updated"])
    })))

  it.effect("bulkBan emits one user.updated per user it changed", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const [a, b] = yield* control.seedUsers([{ emailAddress: ["a@example.com"] }, {
        emailAddress: ["b@example.com"]
      }])
      yield* users.bulkBan([a!.id, b!.id])
      const emitted = yield* control.emitted
      expect(emitted.map((event) => [event.type, event.data.id])).toEqual([
        ["user.updated", a!.id],
        ["user.updated", b!.id]
      ])
    })))

  it.effect("events: the stream replays what was emitted, then follows live", () =>
    withLayer(Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* users.create({ emailAddress: ["ada@example.com"] })
      const fiber = yield* Effect.fork(Stream.runCollect(Stream.take(control.events, 3)))
      yield* users.lock(ada.id)
      yield* users.unlock(ada.id)
      const events = Chunk.toReadonlyArray(yield* Fiber.join(fiber))
      expect(events.map((event) => event.type)).toEqual(["user.created", "user.updated", "user.updated"])
      expect(events[1]?.data).toMatchObject({ locked: true })
      expect(events[2]?.data).toMatchObject({ locked: false })
    })))

  it.effect("trigger emits an event without an operation; reset empties the log", () =>
    withLayer(Effect.gen(function*() {
      const control = yield* UsersTestControl
      const event = yield* control.trigger("user.created", { firstName: "Grace" })
      expect(event.type).toBe("user.created")
      expect(event.data).toMatchObject({ firstName: "Grace", lastName: "User" })
      expect(yield* control.size).toBe(0)
      const deleted = yield* control.trigger("user.deleted", { id: "user_gone" })
      expect(deleted.data).toEqual({ object: "user", id: "user_gone", deleted: true })
      expect(yield* control.emitted).toEqual([event, deleted])
      yield* control.reset
      expect(yield* control.emitted).toEqual([])
      expect(yield* control.webhookDeliveries).toEqual([])
    })))

  it("the README lists the event of every operation, as the kernel's rows state them", () => {
    const emitting = Operations.rows.filter((row) => row.event !== undefined)
    const silent = Operations.rows.filter((row) => row.event === undefined)
    const table = [
      "| operation | event |",
      "| --- | --- |",
      ...emitting.map((row) =>
        `| \`${row.key}\` | \`${row.event}\`${row.key.startsWith("bulk") ? " (one per user changed)" : ""} |`
      ),
      "",
      `No event: ${silent.map((row) => `\`${row.key}\``).join(", ")}.`
    ].join("\n")
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    expect(readme).toContain(table)
  })
})

describe("the events log", () => {
  it.effect("keeps the latest LOG_LIMIT events (a long-running emulator does not grow), the stream replays them", () =>
    Effect.gen(function*() {
      const hub = yield* Events.make(() => [])
      const context = { now: 0, instanceId: "ins_log", httpRequest: { clientIp: "", userAgent: "" } }
      const all = Array.from(
        { length: 2 * Events.LOG_LIMIT + 5 },
        (_, i) =>
          UserEvents.make<UserEvents.UserEvent>(
            "user.deleted",
            { object: "user", id: `user_${i}`, deleted: true },
            context
          )
      )
      for (const event of all) yield* hub.publish([event])
      const kept = yield* hub.emitted
      expect(kept.length).toBe(Events.LOG_LIMIT)
      expect(kept[0]).toBe(all[all.length - Events.LOG_LIMIT])
      expect(kept[kept.length - 1]).toBe(all[all.length - 1])
      const replayed = yield* Stream.runCollect(Stream.take(hub.events, Events.LOG_LIMIT))
      expect(Chunk.unsafeHead(replayed)).toBe(all[all.length - Events.LOG_LIMIT])
    }))
})
