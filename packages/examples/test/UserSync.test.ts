/**
 * Example 7 — the users table kept in sync by Clerk's user events (src/UserSync.ts), tested three ways:
 * in process (the in-memory layer's event stream feeds the sync), end to end (the emulator delivers signed
 * webhooks over loopback to the handler served by `NodeHttpServer`, with duplicated, dropped and delayed
 * deliveries), and a property: whatever the order, the duplicates and the failed attempts retried, the table
 * converges to the store's users.
 */
import { Users, WebhookDeduplication, WebhookEvent } from "@effect-clerk/core"
import type { Webhooks } from "@effect-clerk/core"
import { User } from "@effect-clerk/core/User"
import { UserEvents } from "@effect-clerk/kernel"
import type { UserEvent } from "@effect-clerk/testkit"
import { ClerkEmulator, Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { HttpServer } from "@effect/platform"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Either, FastCheck as fc, Layer, Schema, Stream, TestClock } from "effect"
import { createServer } from "node:http"
import * as UserSync from "../src/UserSync.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

const encodeUser = Schema.encodeEither(User)
const decodeEvent = Schema.decodeUnknown(WebhookEvent.WebhookEvent)

/** A test kit event as the handler would decode it: through Clerk's wire form, as a delivery carries it. */
const toWebhookEvent = (event: UserEvent) =>
  decodeEvent(UserEvents.toWire(event, (user) => Either.getOrElse(encodeUser(user), () => user)))

/** The store's users, as the table should hold them. */
const storeUsers = Effect.flatMap(Users, (users) =>
  users.listStream().pipe(
    Stream.map(UserSync.toLocalUser),
    Stream.runCollect,
    Effect.map((all) => [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
  ))

const InMemory = Layer.mergeAll(UsersInMemory.layer(), UserSync.layerDatabase(), WebhookDeduplication.layerStoreMemory)

/** A few changes of every kind the sync projects, one second apart (Clerk's clock moves between changes). */
const someChanges = Effect.gen(function*() {
  const users = yield* Users
  const tick = TestClock.adjust("1 second")
  const ada = yield* users.create({ emailAddress: ["ada@example.com"], firstName: "Ada", lastName: "Lovelace" })
  yield* tick
  const grace = yield* users.create({ emailAddress: ["grace@example.com"], firstName: "Grace" })
  yield* tick
  const alan = yield* users.create({ emailAddress: ["alan@example.com"], firstName: "Alan" })
  yield* tick
  yield* users.update(ada.id, { firstName: "Augusta Ada" })
  yield* tick
  yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" }, privateMetadata: { score: 7 } })
  yield* tick
  yield* users.ban(grace.id)
  yield* tick
  yield* users.lock(ada.id)
  yield* tick
  yield* users.delete(alan.id)
  yield* tick
  return { ada, grace, alan }
})

describe("UserSync", () => {
  it.effect("in process: the in-memory layer's event stream keeps the table equal to the store's users", () =>
    Effect.gen(function*() {
      const control = yield* UsersTestControl
      const { ada, alan, grace } = yield* someChanges
      const emitted = (yield* control.emitted).length
      expect(emitted).toBe(8)
      yield* control.events.pipe(
        Stream.take(emitted),
        Stream.mapEffect(toWebhookEvent),
        Stream.runForEach(UserSync.apply)
      )
      const table = yield* UserSync.list
      expect(table).toEqual(yield* storeUsers)
      expect(table.map((row) => row.id)).toEqual([ada.id, grace.id].sort())
      expect(table.find((row) => row.id === ada.id)).toMatchObject({
        email: "ada@example.com",
        firstName: "Augusta Ada",
        locked: true,
        publicMetadata: { plan: "pro" },
        privateMetadata: { score: 7 }
      })
      expect(table.find((row) => row.id === grace.id)?.banned).toBe(true)
      expect(yield* UserSync.deletedIds).toEqual([alan.id])
    }).pipe(Effect.provide(InMemory)))

  it.effect("a stale or repeated event changes nothing, and a deleted user is not resurrected", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const control = yield* UsersTestControl
      const ada = yield* users.create({ emailAddress: ["ada@example.com"], firstName: "Ada" })
      yield* TestClock.adjust("1 second")
      yield* users.update(ada.id, { firstName: "Augusta Ada" })
      yield* TestClock.adjust("1 second")
      yield* users.delete(ada.id)
      const [created, updated, deleted] = yield* Effect.forEach(yield* control.emitted, toWebhookEvent)
      // the update first, then the creation it overtook: the table keeps the update
      yield* UserSync.apply(updated!)
      yield* UserSync.apply(created!)
      expect((yield* UserSync.list).map((row) => row.firstName)).toEqual(["Augusta Ada"])
      // the deletion, then a late retry of the update: still deleted
      yield* UserSync.apply(deleted!)
      yield* UserSync.apply(updated!)
      yield* UserSync.apply(created!)
      expect(yield* UserSync.list).toEqual([])
      expect(yield* UserSync.deletedIds).toEqual([ada.id])
      // an event type the sync does not know is ignored
      const other = yield* decodeEvent({
        object: "event",
        type: "session.created",
        timestamp: 0,
        instance_id: "ins_1",
        data: { id: "sess_1" }
      })
      yield* UserSync.apply(other)
    }).pipe(Effect.provide(InMemory)))
})

/** Lets the loopback sockets and the server's fibers run (real time: the test's clock is the TestClock). */
const pause = Effect.async<void>((resume) => {
  const timer = setTimeout(() => resume(Effect.void), 5)
  return Effect.sync(() => clearTimeout(timer))
})

/** Plays Svix's schedule on the TestClock until every message has been delivered with a 2xx. */
const settle = (expected: number) =>
  Effect.gen(function*() {
    const control = yield* UsersTestControl
    for (let i = 0; i < 400; i++) {
      yield* pause
      const log = yield* control.webhookDeliveries
      if (
        new Set(log.map((delivery) => delivery.messageId)).size === expected &&
        log.every((d) => d.state === "succeeded")
      ) {
        return log
      }
      yield* TestClock.adjust(`${Math.min(2 ** i, 60)} seconds`)
    }
    return yield* Effect.dieMessage(
      `the deliveries did not settle: ${JSON.stringify(yield* control.webhookDeliveries)}`
    )
  })

/** The handler on a loopback port (the example's router, its database, its de-duplication store). */
const WebhookServer = HttpServer.serve(UserSync.router).pipe(
  Layer.provide(WebhookDeduplication.layerStoreMemory),
  Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
  Layer.provideMerge(UserSync.layerDatabase())
)

const endpointOf = (address: HttpServer.Address) =>
  address._tag === "TcpAddress" ? `http://127.0.0.1:${address.port}/webhooks/clerk` : "http://invalid"

describe("UserSync end to end", () => {
  it.effect("the emulator delivers signed webhooks to the handler over loopback; under faults the table converges", () =>
    Effect.gen(function*() {
      const server = yield* HttpServer.HttpServer
      const emulator = yield* ClerkEmulator.ClerkEmulator
      const control = yield* UsersTestControl
      yield* emulator.addWebhookEndpoint(endpointOf(server.address))
      // the creations arrive late (their updates overtake them), updates twice, the first attempts of the
      // deletion and of two updates are lost (Svix retries them 5 seconds later)
      yield* control.injectDeliveryFault({ fault: Fault.delay("20 seconds"), events: ["user.created"], times: 3 })
      yield* control.injectDeliveryFault({ fault: Fault.duplicate(), events: ["user.updated"], times: 4 })
      yield* control.injectDeliveryFault({ fault: Fault.drop, events: ["user.updated", "user.deleted"], times: 2 })
      yield* control.injectDeliveryFault({ fault: Fault.drop, events: ["user.deleted"], times: 1 })
      const { alan } = yield* someChanges
      const emitted = (yield* control.emitted).length
      const log = yield* settle(emitted)
      expect(log.length).toBe(emitted + 4)
      expect(log.filter((delivery) => delivery.attempts[0]?.error === "dropped")).toHaveLength(3)
      expect(log.every((delivery) => delivery.attempts.at(-1)?.status === 204)).toBe(true)
      expect(yield* UserSync.list).toEqual(yield* storeUsers)
      expect(yield* UserSync.deletedIds).toEqual([alan.id])
    }).pipe(
      Effect.provide(Layer.merge(WebhookServer, ClerkEmulator.layerUsers({ webhooks: { secret: SECRET } }))),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", SECRET]])))
    ))
})

type Change =
  | { readonly _tag: "create"; readonly firstName: string }
  | { readonly _tag: "update"; readonly user: number; readonly firstName: string }
  | { readonly _tag: "metadata"; readonly user: number; readonly plan: string }
  | { readonly _tag: "ban" | "unban" | "lock" | "unlock" | "delete"; readonly user: number }

const name = fc.constantFrom("Ada", "Grace", "Alan", "Barbara", "Edsger")
const change: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: fc.record({ _tag: fc.constant("create" as const), firstName: name }), weight: 3 },
  fc.record({ _tag: fc.constant("update" as const), user: fc.nat(5), firstName: name }),
  fc.record({ _tag: fc.constant("metadata" as const), user: fc.nat(5), plan: fc.constantFrom("free", "pro") }),
  fc.record({
    _tag: fc.constantFrom("ban" as const, "unban" as const, "lock" as const, "unlock" as const),
    user: fc.nat(5)
  }),
  fc.record({ _tag: fc.constant("delete" as const), user: fc.nat(5) })
)

/** How one event reaches the endpoint: `copies` successful deliveries and `failures` failed attempts (retried). */
const plan = fc.record({
  copies: fc.integer({ min: 1, max: 3 }),
  failures: fc.integer({ min: 0, max: 2 }),
  positions: fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 })
})

const MAX_CHANGES = 25

/** Runs a change against the store (one that Clerk refuses, on a deleted user, emits nothing). */
const run = (changeToRun: Change, created: Array<string>, n: number) =>
  Effect.gen(function*() {
    const users = yield* Users
    if (changeToRun._tag === "create") {
      const user = yield* users.create({ emailAddress: [`user${n}@example.com`], firstName: changeToRun.firstName })
      created.push(user.id)
      return
    }
    const id = created[changeToRun.user % Math.max(created.length, 1)]
    if (id === undefined) return
    const call: Effect.Effect<unknown, unknown> = changeToRun._tag === "update"
      ? users.update(id, { firstName: changeToRun.firstName })
      : changeToRun._tag === "metadata"
      ? users.updateMetadata(id, { publicMetadata: { plan: changeToRun.plan } })
      : users[changeToRun._tag](id)
    yield* Effect.either(call)
  })

describe("UserSync convergence", () => {
  it.effect.prop(
    "the table converges to the store's users under duplicated, reordered and retried deliveries",
    [
      fc.array(change, { minLength: 1, maxLength: MAX_CHANGES }),
      fc.array(plan, { minLength: MAX_CHANGES, maxLength: MAX_CHANGES })
    ],
    ([changes, plans]) =>
      Effect.gen(function*() {
        const control = yield* UsersTestControl
        const created: Array<string> = []
        for (const [n, each] of changes.entries()) {
          yield* run(each, created, n)
          yield* TestClock.adjust("1 second")
        }
        const events = yield* Effect.forEach(yield* control.emitted, toWebhookEvent)
        const messages: Array<Webhooks.Message> = events.map((event, i) => ({ id: `msg_${i}`, timestamp: 0, event }))
        // every delivery of every message, each at a position: the order Svix's deliveries happen to arrive in
        const deliveries = messages.flatMap((message, i) => {
          const { copies, failures, positions } = plans[i]!
          return Array.from({ length: copies + failures }, (_, k) => ({
            message,
            fails: k < failures,
            at: positions[k]!
          }))
        }).sort((a, b) => a.at - b.at)
        const failing = WebhookDeduplication.once(() => Effect.fail("the database is unavailable"))
        for (const delivery of deliveries) {
          // a failed attempt (500) releases its id, so the retry (same id) runs the handler again
          if (delivery.fails) yield* Effect.either(failing(delivery.message))
          else yield* UserSync.onMessage(delivery.message)
        }
        expect(yield* UserSync.list).toEqual(yield* storeUsers)
        const live = new Set((yield* storeUsers).map((user) => user.id))
        expect(yield* UserSync.deletedIds).toEqual(created.filter((id) => !live.has(id)).sort())
      }).pipe(Effect.provide(InMemory)),
    { fastCheck: { numRuns: 40 } }
  )
})
