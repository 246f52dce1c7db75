/**
 * The client against a hostile (or broken) server over a real loopback socket, on both transports the README
 * names (`FetchHttpClient` and `NodeHttpClient.layerUndici`): compressed bodies that unpack past the size
 * bounds, redirects, and a listing that never ends. Every answer ends in a typed error, never in a defect,
 * an unbounded read or a request sent twice.
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { User } from "@effect-clerk/core/User"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { gzipSync } from "node:zlib"

type Respond = (request: Http.IncomingMessage, body: Buffer, response: Http.ServerResponse) => void

interface Hostile {
  readonly url: string
  /** Replaces how the server answers. */
  readonly respond: (respond: Respond) => void
  /** Requests received so far, as `METHOD path`, with their bodies. */
  readonly received: Array<{ readonly line: string; readonly body: string; readonly headers: Http.IncomingHttpHeaders }>
  readonly openSockets: () => number
}

/** A loopback server that answers whatever the test says, recording what it receives. */
const hostileServer = Effect.acquireRelease(
  Effect.async<{ readonly server: Http.Server; readonly state: Hostile }>((resume) => {
    const sockets = new Set<Socket>()
    const received: Hostile["received"] = []
    let respond: Respond = (_request, _body, response) => response.writeHead(500).end()
    const server = Http.createServer((request, response) => {
      const chunks: Array<Buffer> = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        const body = Buffer.concat(chunks)
        received.push({
          line: `${request.method} ${request.url}`,
          body: body.toString("utf8"),
          headers: request.headers
        })
        respond(request, body, response)
      })
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
          respond: (next) => {
            respond = next
          },
          received,
          openSockets: () => sockets.size
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

const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["FetchHttpClient", FetchHttpClient.layer],
  ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici]
]

const usersOver = (
  state: Hostile,
  transport: Layer.Layer<HttpClient.HttpClient>,
  options: Partial<ClerkConfig.Options> = {}
) =>
  Users.layer.pipe(
    Layer.provide(
      ClerkConfig.layer({
        secretKey: Redacted.make("sk_test_hostile_server"),
        apiUrl: state.url,
        retry: RetryPolicy.none,
        perUserWriteLimit: false,
        timeout: "20 seconds",
        ...options
      }).pipe(Layer.orDie)
    ),
    Layer.provide(transport)
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

/** A wire user (snake_case, every field the schema requires), valid by construction. */
const sampleUser = Schema.encodeSync(User)(fc.sample(Arbitrary.make(User), { numRuns: 1, seed: 7 })[0]!)
const wireUser = (id: string): unknown => ({ ...sampleUser, id })

/**
 * A gzip body that unpacks to `megabytes` MB: one member compressing 1 MB, repeated (a gzip stream may hold
 * several members, decoders concatenate them), after a JSON prefix member. Cheap to build at any size.
 */
const gzipBomb = (prefix: string, megabytes: number, suffix = "\"}"): Buffer => {
  const member = gzipSync(Buffer.alloc(1024 * 1024, 0x61))
  return Buffer.concat([
    gzipSync(Buffer.from(prefix)),
    ...Array.from({ length: megabytes }, () => member),
    gzipSync(Buffer.from(suffix))
  ])
}

const gzipped = (status: number, body: Buffer): Respond => (_request, _body, response) => {
  response.writeHead(status, {
    "content-type": "application/json",
    "content-encoding": "gzip",
    "content-length": String(body.length) // the compressed size, as a real server announces it
  })
  response.end(body)
}

describe("compressed bodies are bounded by the bytes decoded, not by Content-Length", () => {
  it.live("FetchHttpClient: a 20 KB gzip body unpacking to 20 MB is refused by a 1 MB bound (TooLarge)", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* hostileServer
      const body = gzipBomb(`{"object":"user","id":"`, 20)
      expect(body.length).toBeLessThan(64 * 1024)
      state.respond(gzipped(200, body))
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, FetchHttpClient.layer, { maxResponseBytes: 1024 * 1024 }))
      )
      expect([error._tag, error._tag === "DecodeError" ? error.reason : undefined]).toEqual(["DecodeError", "TooLarge"])
      expect(error.message).toContain("1048576")
    })))

  it.live("FetchHttpClient: the read of a compressed body stops at the bound and its connection is closed", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* hostileServer
      const member = gzipSync(Buffer.alloc(1024 * 1024, 0x61))
      // 256 members: fewer packed bytes than the bound announce, 256 MB once unpacked, sent one per millisecond
      const declared = 256 * member.length
      let written = 0
      state.respond((_request, _body, response) => {
        response.writeHead(200, {
          "content-type": "application/json",
          "content-encoding": "gzip",
          "content-length": String(declared)
        })
        const pump = () => {
          if (response.destroyed || written >= declared) return
          response.write(member)
          written += member.length
          setTimeout(pump, 1)
        }
        pump()
      })
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, FetchHttpClient.layer, { maxResponseBytes: 1024 * 1024 }))
      )
      expect(error._tag === "DecodeError" ? error.reason : undefined).toBe("TooLarge")
      expect(yield* eventually(() => state.openSockets() === 0, "5 seconds")).toBe(true)
      expect(written).toBeLessThan(declared / 4)
    })))

  it.live(
    "FetchHttpClient: 600 MB unpacked against the default 50 MB bound is TooLarge, not a defect",
    () =>
      Effect.scoped(Effect.gen(function*() {
        const state = yield* hostileServer
        state.respond(gzipped(200, gzipBomb(`{"object":"user","id":"`, 600)))
        const exit = yield* Effect.exit(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
          Effect.provide(usersOver(state, FetchHttpClient.layer))
        )
        expect(Exit.isFailure(exit)).toBe(true)
        const error = Exit.isFailure(exit) && exit.cause._tag === "Fail" ? exit.cause.error : undefined
        expect(error?._tag === "DecodeError" ? error.reason : String(exit)).toBe("TooLarge")
      })),
    { timeout: 60_000 }
  )

  it.live("FetchHttpClient: an error body unpacking past 1 MB is not read (the status decides, no details)", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* hostileServer
      // a valid Clerk error body, padded to 20 MB once unpacked: read in full, it would yield its entry
      state.respond(gzipped(503, gzipBomb(`{"errors":[{"code":"padded","message":"m"}],"pad":"`, 20)))
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, FetchHttpClient.layer))
      )
      expect(error._tag).toBe("ServerError")
      expect(error._tag === "ServerError" ? error.errors : undefined).toEqual([])
      // a small compressed error body is still read
      state.respond(gzipped(503, gzipSync(JSON.stringify({ errors: [{ code: "small", message: "m" }] }))))
      const small = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, FetchHttpClient.layer))
      )
      expect(small._tag === "ServerError" ? small.errors.map((e) => e.code) : undefined).toEqual(["small"])
    })))

  it.live("NodeHttpClient.layerUndici (no decompression): the packed bytes are what is bounded and decoded", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* hostileServer
      state.respond(gzipped(200, gzipBomb(`{"object":"user","id":"`, 20)))
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, NodeHttpClient.layerUndici, { maxResponseBytes: 1024 * 1024 }))
      )
      // 20 KB of gzip are within the bound, and they are not JSON
      expect([error._tag, error._tag === "DecodeError" ? error.reason : undefined]).toEqual(["DecodeError", "Json"])
      // past the bound in packed bytes: TooLarge
      state.respond(gzipped(200, gzipBomb(`{"object":"user","id":"`, 20)))
      const tight = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provide(usersOver(state, NodeHttpClient.layerUndici, { maxResponseBytes: 1024 }))
      )
      expect(tight._tag === "DecodeError" ? tight.reason : undefined).toBe("TooLarge")
    })))

  for (const [name, transport] of transports) {
    it.live(`${name}: a body within the bound decodes (gzip where the transport unpacks it)`, () =>
      Effect.scoped(Effect.gen(function*() {
        const state = yield* hostileServer
        const compressed = gzipSync(JSON.stringify(wireUser("user_gz")))
        // fetch unpacks it; undici hands over the packed bytes, which only a plain body avoids
        state.respond(
          name === "FetchHttpClient"
            ? gzipped(200, compressed)
            : (_request, _body, response) => {
              response.writeHead(200, { "content-type": "application/json" })
              response.end(JSON.stringify(wireUser("user_gz")))
            }
        )
        const user = yield* Effect.flatMap(Users, (users) => users.get("user_gz")).pipe(
          Effect.provide(usersOver(state, transport))
        )
        expect(user.id).toBe("user_gz")
      })))
  }
})

describe("redirects are not followed", () => {
  for (const [name, transport] of transports) {
    for (const status of [301, 302, 303, 307, 308]) {
      it.live(`${name}: a ${status} on verifyPassword is UnexpectedStatus, and nothing is sent again`, () =>
        Effect.scoped(Effect.gen(function*() {
          const state = yield* hostileServer
          state.respond((request, _body, response) => {
            if (request.url?.startsWith("/elsewhere") === true) {
              // what a hijacked or careless redirect target answers: success, whatever was asked
              response.writeHead(200, { "content-type": "application/json" })
              response.end(JSON.stringify({ object: "verify_password", verified: true }))
              return
            }
            response.writeHead(status, { location: "/elsewhere", "content-type": "text/plain" })
            response.end("moved")
          })
          const error = yield* Effect.flip(
            Effect.flatMap(Users, (users) => users.verifyPassword("user_1", "correct horse battery staple"))
          ).pipe(Effect.provide(usersOver(state, transport)))
          expect([error._tag, "status" in error ? error.status : undefined]).toEqual(["UnexpectedStatus", status])
          expect(state.received.map((r) => r.line)).toEqual(["POST /v1/users/user_1/verify_password"])
        })))
    }
  }

  it.live("FetchHttpClient: a RequestInit given to the layer or the caller is kept, only redirect is forced", () =>
    Effect.scoped(Effect.gen(function*() {
      const state = yield* hostileServer
      state.respond((_request, _body, response) => {
        response.writeHead(302, { location: "/elsewhere" })
        response.end()
      })
      const layerInit = Layer.succeed(FetchHttpClient.RequestInit, { headers: { "x-from-layer": "1" } })
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.get("user_1"))).pipe(
        Effect.provideService(FetchHttpClient.RequestInit, { headers: { "x-from-caller": "1" }, redirect: "follow" }),
        Effect.provide(usersOver(state, FetchHttpClient.layer).pipe(Layer.provide(layerInit)))
      )
      expect([error._tag, "status" in error ? error.status : undefined]).toEqual(["UnexpectedStatus", 302])
      expect(state.received).toHaveLength(1)
      expect(state.received[0]!.headers["x-from-layer"]).toBe("1")
      expect(state.received[0]!.headers["x-from-caller"]).toBe("1")
    })))
})
