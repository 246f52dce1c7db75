/**
 * Serving the emulator app with `@effect/platform-node` (imported only when a real server is wanted).
 *
 * @internal
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as NodeStream from "@effect/platform-node/NodeStream"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import type { Socket } from "node:net"
import { BodySource } from "./body.js"

/** @internal */
export const DISCONNECT_HEADER = "x-clerk-emulator-disconnect"

/**
 * Reads a request's body without destroying its socket when the read stops early (a body refused past its
 * bound): the 413 is written, and the connection is then closed by its `Connection: close`.
 */
const bodySource = (request: HttpServerRequest.HttpServerRequest) =>
  NodeStream.fromReadable<unknown, Uint8Array>(
    () => NodeHttpServerRequest.toIncomingMessage(request),
    (error) => error,
    { closeOnDone: false }
  )

/**
 * How long a connection closed after a refused body keeps reading (and discarding) what the client still sends.
 */
const LINGER_MILLIS = 2_000

/**
 * A lingering close, as nginx does it: once the response to a body refused part way (a 413 with
 * `Connection: close`) is written, the socket sends its FIN but keeps reading until the client stops sending
 * (or `LINGER_MILLIS` pass), instead of closing at once. Closed at once, the client's next write would meet a
 * reset, which makes it fail with `EPIPE` or `ECONNRESET` before it could read the 413 (Node's HTTP server
 * closes the socket with `destroySoon`, called once the response is written).
 */
const lingerOnClose = (socket: Socket): void => {
  socket.destroySoon = () => {
    if (socket.destroyed) return
    socket.end()
    const timer = setTimeout(() => socket.destroy(), LINGER_MILLIS)
    timer.unref()
    const close = () => {
      clearTimeout(timer)
      socket.destroy()
    }
    socket.once("end", close)
    socket.once("error", close)
  }
}

/**
 * Serves `app` on `host:port` until the scope closes. A response marked as a dropped connection destroys the
 * socket instead of being written.
 *
 * @internal
 */
export const serveNode = (
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>,
  options: { readonly port: number; readonly host: string }
): Effect.Effect<{ readonly host: string; readonly port: number }, HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const server = yield* NodeHttpServer.make(() => createServer({ keepAliveTimeout: 5_000 }), options)
    const withDisconnects = Effect.tap(
      Effect.provideService(app, BodySource, bodySource),
      (response) =>
        response.headers[DISCONNECT_HEADER] !== undefined
          ? Effect.flatMap(
            HttpServerRequest.HttpServerRequest,
            (request) => Effect.sync(() => NodeHttpServerRequest.toIncomingMessage(request).socket.destroy())
          )
          : response.headers["connection"] === "close"
          ? Effect.flatMap(
            HttpServerRequest.HttpServerRequest,
            (request) => Effect.sync(() => lingerOnClose(NodeHttpServerRequest.toIncomingMessage(request).socket))
          )
          : Effect.void
    )
    yield* server.serve(withDisconnects)
    const address = server.address
    return address._tag === "TcpAddress"
      ? { host: address.hostname, port: address.port }
      : { host: options.host, port: options.port }
  })
