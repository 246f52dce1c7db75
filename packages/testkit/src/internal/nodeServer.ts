/**
 * Serving the emulator app with `@effect/platform-node` (imported only when a real server is wanted).
 *
 * @internal
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"

/** @internal */
export const DISCONNECT_HEADER = "x-clerk-emulator-disconnect"

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
    const withDisconnects = Effect.tap(app, (response) =>
      response.headers[DISCONNECT_HEADER] === undefined
        ? Effect.void
        : Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
          Effect.sync(() => NodeHttpServerRequest.toIncomingMessage(request).socket.destroy())))
    yield* server.serve(withDisconnects)
    const address = server.address
    return address._tag === "TcpAddress"
      ? { host: address.hostname, port: address.port }
      : { host: options.host, port: options.port }
  })
