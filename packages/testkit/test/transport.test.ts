/**
 * Timeouts, interruption and the response size bound, on the Node client against a loopback server that
 * misbehaves on purpose: a server that never answers yields `TransportError` after the configured timeout;
 * interrupting an operation or a pagination `Stream` mid-request leaves no running fiber and no open socket; a
 * body larger than the bound is refused with `DecodeError` without being kept in memory.
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { User } from "@effect-clerk/core/User"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as fc from "effect/FastCheck"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Supervisor from "effect/Supervisor"
import * as Http from "node:http"
import type { AddressInfo, Socket } from "node:net"

interface Misbehaving {
  readonly url: string
  /** Sockets the server holds open right now (idle pooled connections included). */
  readonly openSockets: () => number
  /** Open sockets carrying a request the server never answered. */
  readonly unansweredSockets: () => number
  /** Requests received so far, as `METHOD path?query`. */
  readonly received: Array<string>
}

/** A wire user (snake_case, every field the schema requires), valid by construction. */
const sampleUser = Schema.encodeSync(User)(fc.sample(Arbitrary.make(User), { numRuns: 1, seed: 42 })[0]!)
const wireUser = (id: string): unknown => ({ ...sampleUser, id })

/**
 * A loopback server: `/v1/users` answers a full page at offset 0 and never answers past it; `/v1/users/hang`
 * never answers; `/v1/users/endless` streams a body forever; anything else answers a user.
 */
const misbehavingServer = Effect.acquireRelease(
  Effect.async<{ readonly server: Http.Server; readonly state: Misbehaving }>((resume) => {
    const sockets = new Set<Socket>()
    const received: Array<string> = []
    const unanswered = new Set<Socket>()
    const neverAnswer = (request: Http.IncomingMessage) => {
      unanswered.add(request.socket)
      request.socket.on("close", () => unanswered.delete(request.socket))
    }
    const server = Http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost")
      received.push(`${request.method} ${url.pathname}${url.search}`)
      if (url.pathname === "/v1/users/hang") return neverAnswer(request)
      if (url.pathname === "/v1/users") {
        const limit = Number(url.searchParams.get("limit") ?? "10")
        if (url.searchParams.get("offset") !== "0") return neverAnswer(request) // the second page never comes
        response.writeHead(200, { "content-type": "application/json" })
        response.end(JSON.stringify(Array.from({ length: limit }, (_, i) => wireUser(`user_${i}`))))
        return
      }
      if (url.pathname === "/v1/users/endless") {
        response.writeHead(200, { "content-type": "application/json" }) // chunked: no length announced
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) { /* until the socket pushes back */ }
          if (!response.destroyed) response.once("drain", pump)
        }
        pump()
        return
      }
      response.writeHead(200, { "content-type": "application/json" })
      response.end(JSON.stringify(wireUser("user_ok")))
    })
    server.on("connection", (socket) => {
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resume(Effect.succeed({
        server,
        state: {
          url: `http://127.0.0.1:${port}/v1`,
          openSockets: () => sockets.size,
          unansweredSockets: () => unanswered.size,
          received
        }
      }))
    })
  }),
  ({ server }) =>
    Effect.async<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
).pipe(Effect.map(({ state }) => state))

const usersOver = (state: Misbehaving, options: Partial<ClerkConfig.Options> = {}) =>
  Users.layer.pipe(
    Layer.provide(
      ClerkConfig.layer({
        secretKey: Redacted.make("sk_test_transport"),
        apiUrl: state.url,
        retry: RetryPolicy.none,
        perUserWriteLimit: false,
        ...options
      }).pipe(Layer.orDie)
    ),
    Layer.provide(NodeHttpClient.layerUndici)
  )

/** Polls `condition` every 10 ms, for at most `within`; true when it held. */
const eventually = (condition: () => boolean, within: Duration.DurationInput) =>
  Effect.gen(function*() {
    const deadline = Date.now() + Duration.toMillis(within)
    while (Date.now() < deadline) {
      if (condition()) return true
      yield* Effect.sleep("10 millis")
    }
    return condition()
  })

const aliveFibers = (tracker: Supervisor.Supervisor<Array<Fiber.RuntimeFiber<unknown, unknown>>>) =>
  Effect.map(tracker.value, (fibers) => fibers.filter((fiber) => fiber.unsafePoll() === null).length)

describe("timeouts, interruption and size bounds over a real socket", () => {
  it.live("a server that never answers yields TransportError (Timeout) after the configured timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* misbehavingServer
      const result = yield* Effect.gen(function*() {
        const users = yield* Users
        const started = Date.now()
        const error = yield* Effect.flip(users.get("hang"))
        return { error, millis: Date.now() - started }
      }).pipe(Effect.provide(usersOver(state, { timeout: "300 millis" })))
      expect(result.error._tag).toBe("TransportError")
      expect(result.error._tag === "TransportError" ? result.error.reason : undefined).toBe("Timeout")
      expect(result.millis).toBeGreaterThanOrEqual(290)
      expect(result.millis).toBeLessThan(5_000)
      expect(state.received).toEqual(["GET /v1/users/hang"])
      // the abandoned request does not keep its socket
      expect(yield* eventually(() => state.openSockets() === 0, "3 seconds")).toBe(true)
    })))

  it.live("interrupting an operation mid-request leaves no running fiber and no open socket", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* misbehavingServer
      const tracker = yield* Supervisor.track
      yield* Effect.gen(function*() {
        const users = yield* Users
        const fiber = yield* Effect.fork(users.get("hang"))
        expect(yield* eventually(() => state.received.length === 1, "3 seconds")).toBe(true)
        expect(state.openSockets()).toBe(1)
        expect(state.unansweredSockets()).toBe(1)
        const exit = yield* Fiber.interrupt(fiber)
        expect(Exit.isInterrupted(exit)).toBe(true)
        expect(yield* eventually(() => state.unansweredSockets() === 0, "3 seconds")).toBe(true)
      }).pipe(Effect.provide(usersOver(state, { timeout: "1 second" })), Effect.supervised(tracker))
      expect(yield* eventually(() => Effect.runSync(aliveFibers(tracker)) === 0, "3 seconds")).toBe(true)
      expect(yield* eventually(() => state.openSockets() === 0, "3 seconds")).toBe(true)
    })))

  it.live("interrupting a pagination Stream mid-page leaves no running fiber and no open socket", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* misbehavingServer
      const tracker = yield* Supervisor.track
      const pulled: Array<string> = []
      yield* Effect.gen(function*() {
        const users = yield* Users
        const fiber = yield* users.listStream({}, { pageSize: 5 }).pipe(
          Stream.runForEach((user) => Effect.sync(() => pulled.push(user.id))),
          Effect.fork
        )
        expect(yield* eventually(() => state.received.length === 2, "3 seconds")).toBe(true)
        expect(pulled).toHaveLength(5)
        expect(state.unansweredSockets()).toBe(1)
        const exit = yield* Fiber.interrupt(fiber)
        expect(Exit.isInterrupted(exit)).toBe(true)
        expect(yield* eventually(() => state.unansweredSockets() === 0, "3 seconds")).toBe(true)
      }).pipe(Effect.provide(usersOver(state, { timeout: "1 second" })), Effect.supervised(tracker))
      expect(state.received).toEqual(["GET /v1/users?limit=5&offset=0", "GET /v1/users?limit=5&offset=5"])
      expect(yield* eventually(() => Effect.runSync(aliveFibers(tracker)) === 0, "3 seconds")).toBe(true)
      // with the layer released, its connection pool is gone too
      expect(yield* eventually(() => state.openSockets() === 0, "3 seconds")).toBe(true)
    })))

  it.live("a body past the size bound is refused with DecodeError (TooLarge) and its connection closed", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* misbehavingServer
      const heapBefore = process.memoryUsage().heapUsed
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("endless"))).pipe(
        Effect.provide(usersOver(state, { maxResponseBytes: 8 * 1024 * 1024, timeout: "20 seconds" }))
      )
      expect(error._tag).toBe("DecodeError")
      expect(error._tag === "DecodeError" ? error.reason : undefined).toBe("TooLarge")
      expect(error.message).toContain("8388608")
      // an endless body was not accumulated past the bound
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
      expect(yield* eventually(() => state.openSockets() === 0, "3 seconds")).toBe(true)
    })))

  it.live(
    "the default bound is 50 MB: an endless body ends in DecodeError, not in exhausted memory",
    () =>
      Effect.scoped(Effect.gen(function*() {
        const state = yield* misbehavingServer
        const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("endless"))).pipe(
          Effect.provide(usersOver(state, { timeout: "60 seconds" }))
        )
        expect(error._tag).toBe("DecodeError")
        expect(error.message).toContain(String(50 * 1024 * 1024))
      })),
    { timeout: 90_000 }
  )
})
