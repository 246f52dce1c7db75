/**
 * The in-memory Clerk instance served over Clerk's REST protocol: every operation of the core's table under
 * `/v1`, routed with `HttpRouter` from the same rows the client sends with, requests decoded with the same
 * schemas the client encodes with (repeated query keys, JSON and multipart bodies, snake_case payloads), Clerk's
 * error bodies and statuses, bearer authentication and `Retry-After` on injected 429s. Every response is encoded
 * through the core's schemas, so a payload that would not decode is an emulator bug (a 500), never a 200.
 *
 * Two ways in: an in-process `HttpClient` (no sockets) and a real HTTP server on a loopback port. An admin
 * API under `/__emulator` (disabled unless enabled) seeds data and injects faults from outside the process;
 * `GET /healthz` answers without authentication, for scripts and containers waiting for the emulator.
 *
 * With `rateLimits` (`"development"`, `"production"` or a `RateLimits.Custom`; off by default, so suites keep
 * their speed) it enforces Clerk's rate limits on `Clock` (the kernel's `RateLimits`): an instance budget per
 * secret key (each of `secretKeys` has its own), the per-user write budget, fixed windows; a request over budget
 * gets Clerk's `429 too_many_requests` body and a `Retry-After` header, the seconds until its window resets. The
 * limits are checked before injected faults: a refused request takes no fault rule.
 *
 * Clerk's rules around the store (authentication, API version, unknown routes, body bounds, error bodies) are
 * the kernel's plain functions (`RequestGate`, `RequestTarget`, `BodyBounds`, `JsonBody`, `Refusal`,
 * `ErrorBody`); this module holds the routes and the layers that apply them, the admin API and the responses are
 * under `internal/emulator/`, the body streams in `internal/body.ts`.
 *
 * @since 0.1.0
 */
import type { RetryPolicy } from "@effect-clerk/core"
import { ClerkConfig, Users, UsersCodec, UsersProtocol } from "@effect-clerk/core"
import { DEFAULT_API_VERSION } from "@effect-clerk/core/ClerkConfig"
import * as ApiVersionResolution from "@effect-clerk/kernel/ApiVersionResolution"
import * as ApiVersions from "@effect-clerk/kernel/ApiVersions"
import * as Authentication from "@effect-clerk/kernel/Authentication"
import * as BodyBounds from "@effect-clerk/kernel/BodyBounds"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import * as RequestGate from "@effect-clerk/kernel/RequestGate"
import * as RequestTarget from "@effect-clerk/kernel/RequestTarget"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import type * as Scope from "effect/Scope"
import * as Admin from "./internal/emulator/admin.js"
import * as Requests from "./internal/emulator/requests.js"
import * as Responses from "./internal/emulator/responses.js"
import * as Webhooks from "./internal/emulator/webhooks.js"
import * as Engine from "./internal/engine.js"
import type * as UsersInMemory from "./UsersInMemory.js"
import type { SeedError } from "./UsersTestControl.js"
import { OptionsError, UsersTestControl } from "./UsersTestControl.js"

/**
 * The secret key the emulator accepts by default.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * // the key clients must send unless `secretKeys` says otherwise
 * console.log(ClerkEmulator.DEFAULT_SECRET_KEY) // "sk_test_emulator"
 * ```
 */
export const DEFAULT_SECRET_KEY = "sk_test_emulator"

/**
 * The prefix of the admin API: it cannot collide with Clerk's routes, which all live under `/v1`.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * // with `admin: true`: POST `${apiUrl}${ClerkEmulator.ADMIN_PREFIX}/faults` injects a fault
 * console.log(ClerkEmulator.ADMIN_PREFIX) // "/__emulator"
 * ```
 */
export const ADMIN_PREFIX = "/__emulator"

/**
 * The header the emulator sets on a response that stands for a dropped connection; the in-process client
 * turns it into a network failure, the server destroys the socket.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * // a response carrying this header makes the Node server destroy the socket instead of answering
 * console.log(ClerkEmulator.DISCONNECT_HEADER)
 * ```
 */
export const DISCONNECT_HEADER: typeof Responses.DISCONNECT_HEADER = Responses.DISCONNECT_HEADER

/**
 * The options of the emulator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends UsersInMemory.Options {
  /** The secret keys accepted as `Authorization: Bearer <key>`. Default `sk_test_emulator`. */
  readonly secretKeys?: ReadonlyArray<string>
  /** Serve the admin API under `/__emulator` (seeding, faults, reset, snapshot). Default false. */
  readonly admin?: boolean
  /** The largest JSON request body, in bytes; larger is a 413 before it is read. Default 2 MB. */
  readonly jsonBodyLimitBytes?: number
  /** The largest profile image upload, in bytes; larger is a 413 before it is read. Default 10 MB (Clerk's). */
  readonly uploadLimitBytes?: number
  /**
   * Webhooks: the endpoints that receive a signed delivery of every user event (more can be added with
   * `addWebhookEndpoint` or the admin API), the signing secret (`whsec_…`, generated when absent), and a time
   * scale for Svix's retry schedule. Delivered by the layers (`layerHttpClient`, `layerUsers`, `serve`,
   * `layerServer`), not by `makeApp`.
   *
   * @since 0.3.0
   */
  readonly webhooks?: WebhookOptions
}

/**
 * The emulator's webhook options: `endpoints` (URLs), `secret` (`whsec_<base64>`, a string or `Redacted`;
 * generated when absent), `timeScale` (Svix's retry delays and the delivery faults' delays divided by it:
 * `3600` plays an hour in a second; default 1).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * const emulator = ClerkEmulator.layerUsers({
 *   webhooks: { endpoints: ["http://127.0.0.1:3000/webhooks/clerk"], timeScale: 3600 }
 * })
 * ```
 */
export type WebhookOptions = Webhooks.WebhookOptions

/**
 * A running emulator: where it is, which key it accepts, and its control.
 *
 * @since 0.1.0
 * @category tags
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const emulator = yield* ClerkEmulator.ClerkEmulator
 *   console.log(`Clerk emulator at ${emulator.apiUrl}`)
 * }).pipe(Effect.provide(ClerkEmulator.layerServer({ port: 0 })))
 * ```
 */
export class ClerkEmulator extends Context.Tag("@effect-clerk/testkit/ClerkEmulator")<ClerkEmulator, {
  /** The API URL to give `ClerkConfig` (ends with `/v1`). */
  readonly apiUrl: string
  /** A secret key the emulator accepts. */
  readonly secretKey: string
  /** The API version of requests that send none (give it to `ClerkConfig` to agree with the emulator). */
  readonly apiVersion: string
  readonly control: UsersTestControl.Service
  /** The secret the webhook deliveries are signed with (`whsec_…`): give it to the handler under test. */
  readonly webhookSecret: Redacted.Redacted<string>
  /** Adds an endpoint that receives every user event from now on; an `OptionsError` for a URL that is not http(s). */
  readonly addWebhookEndpoint: (url: string) => Effect.Effect<void, OptionsError>
  /** Removes an endpoint: its pending retries stop. */
  readonly removeWebhookEndpoint: (url: string) => Effect.Effect<void>
}>() {}

/**
 * The body of `POST /__emulator/faults`.
 *
 * @since 0.1.0
 * @category models
 */
export type AdminFault = Admin.AdminFault

// -----------------------------------------------------------------------------
// routes
// -----------------------------------------------------------------------------

const { failureResponse, jsonResponse, refusalResponse } = Responses

type Handler = Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  never,
  HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext
>

/** The route of one operation: its row decodes the request, the engine runs it, the row encodes the answer. */
const operationRoute = (
  engine: Engine.Engine,
  operation: UsersProtocol.AnyOperation,
  defaultVersion: string,
  limits: Requests.Limits
): Handler => {
  const decode = UsersCodec.requestDecoder(operation)
  const pathWires = operation.args.flatMap((arg) => (arg.in === "path" && arg.wire !== undefined ? [arg.wire] : []))
  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const params = yield* HttpRouter.params
    const body = yield* Requests.readBody(request, operation, limits)
    if (Either.isLeft(body)) return refusalResponse(body.left, engine.traceId())
    const search = RequestTarget.searchOf(request.url)
    const args = Requests.decodeParts(operation, decode, {
      path: pathWires.map((wire) => params[wire] ?? ""),
      search,
      ...body.right
    }, ApiVersionResolution.requested({ header: request.headers[ApiVersionResolution.HEADER], search }, defaultVersion))
    if (Either.isLeft(args)) return refusalResponse(args.left, engine.traceId())
    // the instance budget is per secret key (the gate has authenticated it)
    const key = Authentication.bearerKey(request.headers["authorization"])
    const result = yield* engine.run(operation, args.right, key, {
      clientIp: Option.getOrElse(request.remoteAddress, () => "127.0.0.1"),
      userAgent: request.headers["user-agent"] ?? ""
    })
    if (Either.isLeft(result)) return Responses.engineFailureResponse(result.left, engine.traceId())
    // every response goes through the core's schemas (compiled encoders), the one the call's arguments select
    const encoded = UsersCodec.encodeResponse(
      { success: UsersProtocol.successOf(operation, args.right) },
      result.right
    )
    if (Either.isLeft(encoded)) {
      return failureResponse({
        status: 500,
        errors: [{
          code: "emulator_encoding_failed",
          message: "the emulator produced a response its schema refuses",
          longMessage: ParseResult.TreeFormatter.formatErrorSync(encoded.left)
        }]
      }, engine.traceId())
    }
    return jsonResponse(JSON.stringify(encoded.right))
  })
}

// -----------------------------------------------------------------------------
// the app
// -----------------------------------------------------------------------------

/** Clerk's paths are case-sensitive, a trailing slash is another path, and ids can be long. */
const routerConfig = { ...RequestTarget.routing }

type AppOptions = Pick<Options, "secretKeys" | "admin" | "apiVersion" | "jsonBodyLimitBytes" | "uploadLimitBytes">

/**
 * An answer given without reading the body (a bad key or version, an unknown route). A body the request
 * announced is not read: the connection is closed after the answer (lingering, see `nodeServer.ts`), so that a
 * client still sending reads it.
 */
const refuse = (refused: RequestGate.Refused, traceId: string) =>
  refusalResponse(refused.refusal, traceId, refused.closeConnection ? { connection: "close" } : {})

/** The router: one route per row of the table under `/v1`, the admin API when enabled, Clerk's 404 otherwise. */
const routerOf = (
  engine: Engine.Engine,
  options: AppOptions
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> => {
  const defaultVersion = options.apiVersion ?? DEFAULT_API_VERSION
  const limits: Requests.Limits = {
    json: options.jsonBodyLimitBytes ?? BodyBounds.DEFAULT_JSON_BODY_LIMIT,
    upload: options.uploadLimitBytes ?? BodyBounds.DEFAULT_UPLOAD_LIMIT
  }
  let api = HttpRouter.empty
  for (const operation of UsersProtocol.rows) {
    api = HttpRouter.route(operation.method)(
      api,
      UsersCodec.routeOf(operation.path),
      operationRoute(engine, operation, defaultVersion, limits)
    )
  }
  let router = HttpRouter.mount(HttpRouter.empty, "/v1", api)
  if (options.admin === true) router = HttpRouter.mount(router, ADMIN_PREFIX, Admin.adminRoutes(engine))
  return Effect.flatMap(
    HttpRouter.withRouterConfig(HttpRouter.toHttpApp(router), routerConfig),
    (app) =>
      Effect.catchAll(app, (error) =>
        Effect.map(
          HttpServerRequest.HttpServerRequest,
          (request) =>
            refuse(
              RequestGate.refused(
                error._tag === "RouteNotFound"
                  ? Refusal.routeNotFound(request.method, RequestTarget.pathOf(request.url))
                  : Refusal.bodyInvalid(error.message),
                request.headers
              ),
              engine.traceId()
            )
        ))
  )
}

const makeAppOf = (
  engine: Engine.Engine,
  options: AppOptions
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> => {
  const config: RequestGate.Config = {
    keys: new Set(options.secretKeys ?? [DEFAULT_SECRET_KEY]),
    defaultVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    versions: ApiVersions.apiVersions
  }
  const routed = routerOf(engine, options)
  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const admission = RequestGate.admit(request, config)
    switch (admission._tag) {
      case "Health":
        return Effect.succeed(jsonResponse(RequestTarget.HEALTH_BODY))
      case "Refused":
        return Effect.succeed(refuse(admission, engine.traceId()))
      case "Admitted":
        return admission.resolved
          ? Effect.provideService(routed, HttpServerRequest.HttpServerRequest, request.modify({ url: admission.url }))
          : routed
    }
  })
}

/**
 * An emulator: the HTTP app over a fresh in-memory instance, with the instance's control.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // the emulator as an `HttpApp`, to mount in a server of your own
 * const program = Effect.map(ClerkEmulator.makeApp({ admin: true }), ({ app, control }) => app)
 * ```
 */
export const makeApp = (options: Options = {}): Effect.Effect<
  {
    readonly app: Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>
    readonly control: UsersTestControl.Service
  },
  SeedError | OptionsError
> => Effect.map(build(options), ({ app, control }) => ({ app, control }))

/** The app, its engine, and the webhook sender (which the layers start in their scope). */
const build = (options: Options) =>
  Effect.gen(function*() {
    yield* checkKeys(options.secretKeys)
    const engine = yield* Engine.make(options)
    const sender = yield* Webhooks.make(engine, options.webhooks)
    return { app: makeAppOf(engine, options), control: engine.control, engine, sender }
  })

/** The accepted keys: at least one, each a key a client can send (`Authentication.checkKeys`). */
const checkKeys = (keys: ReadonlyArray<string> | undefined): Effect.Effect<void, OptionsError> => {
  const checked = keys === undefined ? undefined : Authentication.checkKeys(keys)
  return checked === undefined || checked._tag === "Ok"
    ? Effect.void
    : checked.error === "Empty"
    ? Effect.fail(new OptionsError({ option: "secretKeys", message: "is empty: give at least one key" }))
    : Effect.fail(
      new OptionsError({
        option: "secretKeys",
        message: "has an empty key, or one that is not visible ASCII: an empty key would let requests in without one"
      })
    )
}

const firstKey = (options: Options) => options.secretKeys?.[0] ?? DEFAULT_SECRET_KEY

// -----------------------------------------------------------------------------
// layers
// -----------------------------------------------------------------------------

const IN_PROCESS_URL = "http://clerk-emulator.invalid/v1"

/**
 * An in-process `HttpClient` whose every request is answered by a fresh emulator (no sockets), with its
 * `ClerkEmulator` description and `UsersTestControl`.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * // any HttpClient-based code, served by the emulator in-process (no socket)
 * const client = ClerkEmulator.layerHttpClient({ secretKeys: ["sk_test_mine"] })
 * ```
 */
export const layerHttpClient = (
  options: Options = {}
): Layer.Layer<HttpClient.HttpClient | ClerkEmulator | UsersTestControl, SeedError | OptionsError> =>
  Layer.scopedContext(
    Effect.gen(function*() {
      const { app, control, engine, sender } = yield* build(options)
      yield* sender.start
      const runtime = yield* Effect.runtime<never>()
      const run = Runtime.runPromise(runtime)
      const fetch: typeof globalThis.fetch = async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init)
        // the caller's abort (a timeout, an interruption) interrupts the request inside the emulator too, as a
        // closed socket would
        const response = await run(
          Effect.scoped(Effect.map(
            Effect.provideService(app, HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(request)),
            (response) => HttpServerResponse.toWeb(response)
          )),
          { signal: request.signal }
        )
        if (response.headers.has(DISCONNECT_HEADER)) throw new TypeError("fetch failed: the connection was dropped")
        return response
      }
      const client = HttpClient.transform(
        yield* HttpClient.HttpClient,
        (effect) => Effect.provideService(effect, FetchHttpClient.Fetch, fetch)
      )
      return Context.make(HttpClient.HttpClient, client).pipe(
        Context.add(UsersTestControl, control),
        Context.add(ClerkEmulator, {
          apiUrl: IN_PROCESS_URL,
          secretKey: firstKey(options),
          apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
          control,
          ...Webhooks.serviceOf(engine, sender)
        })
      )
    })
  ).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * How `layerUsers` reaches its emulator: `InProcess` (an `HttpClient` answered without sockets, see
 * `layerHttpClient`) or `Loopback` (the emulator served on a loopback port, see `layerServer`, reached by the
 * `HttpClient` layer given).
 *
 * @since 0.3.0
 * @category models
 */
export type Transport = InProcess | Loopback

/**
 * The in-process transport of `layerUsers`.
 *
 * @since 0.3.0
 * @category models
 */
export interface InProcess {
  readonly _tag: "InProcess"
}

/**
 * The loopback transport of `layerUsers`: a real server on `host:port` (default `127.0.0.1`, any free port),
 * reached by `httpClient`.
 *
 * @since 0.3.0
 * @category models
 */
export interface Loopback {
  readonly _tag: "Loopback"
  readonly httpClient: Layer.Layer<HttpClient.HttpClient>
  readonly port?: number
  readonly host?: string
}

/**
 * The in-process transport (the default of `layerUsers`): no sockets.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * const layer = ClerkEmulator.layerUsers({ transport: ClerkEmulator.inProcess })
 * ```
 */
export const inProcess: InProcess = { _tag: "InProcess" }

/**
 * The loopback transport: the emulator served on a loopback port, reached by the `HttpClient` layer given.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 *
 * // Users.layer over fetch and a real socket
 * const layer = ClerkEmulator.layerUsers({ transport: ClerkEmulator.loopback(FetchHttpClient.layer) })
 * ```
 */
export const loopback = (
  httpClient: Layer.Layer<HttpClient.HttpClient>,
  options: { readonly port?: number; readonly host?: string } = {}
): Loopback => ({ _tag: "Loopback", httpClient, ...options })

/**
 * The client's options in `layerUsers`: `ClerkConfig`'s, except what the emulator decides (its URL, a key it
 * accepts, and the API version, which is the emulator's `apiVersion` option so that both agree).
 *
 * @since 0.3.0
 * @category models
 */
export type ClientOptions = Omit<ClerkConfig.Options, "secretKey" | "apiUrl" | "apiVersion">

/**
 * The options of `layerUsers`: the emulator's (`Options`, whose `apiVersion` the client sends too), the
 * client's (`config`) and the way between them (`transport`).
 *
 * @since 0.3.0
 * @category models
 */
export interface UsersOptions<T extends Transport = Transport> extends Options {
  /**
   * `ClerkConfig`'s options for the client. Defaults are `ClerkConfig.layer`'s, except `perUserWriteLimit` and
   * `instanceBudget` (`false`: tests call faster than Clerk allows, and the emulator limits calls only with
   * `rateLimits`).
   */
  readonly config?: ClientOptions
  /** `inProcess` (the default) or `loopback(httpClient, { port, host })`. */
  readonly transport?: T
  /** The retry policy, as `config.retry` (which wins when both are given). */
  readonly retry?: RetryPolicy.RetryPolicy
}

/** `Users.layer` configured for an emulator found in the context; a `config` that `ClerkConfig` refuses is an `OptionsError`. */
const usersFor = (options: UsersOptions): Layer.Layer<Users, OptionsError, ClerkEmulator | HttpClient.HttpClient> =>
  Layer.unwrapEffect(Effect.map(ClerkEmulator, (emulator) =>
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          perUserWriteLimit: false,
          instanceBudget: false,
          ...(options.retry === undefined ? {} : { retry: options.retry }),
          ...options.config,
          secretKey: Redacted.make(emulator.secretKey),
          apiUrl: emulator.apiUrl,
          apiVersion: emulator.apiVersion
        }).pipe(Layer.mapError((error) => new OptionsError({ option: "config", message: String(error) })))
      )
    )))

/**
 * `Users.layer` pointed at a fresh emulator, with its `ClerkEmulator` description and `UsersTestControl`. By
 * default in process (`layerHttpClient`); with `transport: loopback(httpClient)` the emulator is served on a
 * loopback port (`layerServer`) and reached over a socket by that client. The client's `ClerkConfig` options
 * (retry policy, timeout, user agent...) are `config`; the API version is the emulator's `apiVersion`.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // the real HTTP client, end to end against the emulator, in-process
 * const program = Effect.flatMap(Users, (users) => users.count()).pipe(Effect.provide(ClerkEmulator.layerUsers()))
 *
 * // over a loopback socket, with a short timeout and an older API version
 * const overHttp = ClerkEmulator.layerUsers({
 *   apiVersion: "2025-04-10",
 *   config: { timeout: "5 seconds" },
 *   transport: ClerkEmulator.loopback(FetchHttpClient.layer)
 * })
 * ```
 */
export function layerUsers(
  options?: UsersOptions<InProcess>
): Layer.Layer<Users | ClerkEmulator | UsersTestControl, SeedError | OptionsError>
export function layerUsers(
  options: UsersOptions<Loopback>
): Layer.Layer<Users | ClerkEmulator | UsersTestControl, SeedError | OptionsError | HttpServerError.ServeError>
export function layerUsers(
  options: UsersOptions = {}
): Layer.Layer<Users | ClerkEmulator | UsersTestControl, SeedError | OptionsError | HttpServerError.ServeError> {
  const transport = options.transport ?? inProcess
  return transport._tag === "InProcess"
    ? usersFor(options).pipe(Layer.provideMerge(layerHttpClient(options)))
    : usersFor(options).pipe(
      Layer.provide(transport.httpClient),
      Layer.provideMerge(layerServer({
        ...options,
        ...(transport.port === undefined ? {} : { port: transport.port }),
        ...(transport.host === undefined ? {} : { host: transport.host })
      }))
    )
}

/**
 * Serves an emulator over HTTP on a loopback port (0 for any free one) for as long as the scope lives.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const emulator = yield* ClerkEmulator.serve({ port: 4010 })
 *   console.log(emulator.apiUrl) // http://127.0.0.1:4010/v1
 *   yield* Effect.never
 * }))
 * ```
 */
export const serve = (
  options: Options & { readonly port?: number; readonly host?: string } = {}
): Effect.Effect<ClerkEmulator["Type"], SeedError | OptionsError | HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const { serveNode } = yield* Effect.tryPromise({
      try: () => import("./internal/nodeServer.js"),
      catch: (cause) =>
        new HttpServerError.ServeError({
          cause: new Error(
            "the emulator's HTTP server needs @effect/platform-node, an optional peer dependency of " +
              "@effect-clerk/testkit: npm i -D @effect/platform-node@^0.108.2",
            { cause }
          )
        })
    })
    const { app, control, engine, sender } = yield* build(options)
    yield* sender.start
    const { host, port } = yield* serveNode(app, {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    return {
      apiUrl: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`,
      secretKey: firstKey(options),
      apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
      control,
      ...Webhooks.serviceOf(engine, sender)
    }
  })

/**
 * An emulator served on a loopback port, with its `ClerkEmulator` description and `UsersTestControl`. Reach it
 * with any client: `FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, or another language's Clerk SDK
 * (`layerUsers` with `transport: loopback(httpClient)` wires `Users.layer` to it).
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // the emulator on a loopback port, for a client of another kind (an SDK, curl)
 * const program = Effect.gen(function*() {
 *   const emulator = yield* ClerkEmulator.ClerkEmulator
 *   console.log(`CLERK_API_URL=${emulator.apiUrl} CLERK_SECRET_KEY=${emulator.secretKey}`)
 * }).pipe(Effect.provide(ClerkEmulator.layerServer()))
 * ```
 */
export const layerServer = (
  options: Options & { readonly port?: number; readonly host?: string } = {}
): Layer.Layer<ClerkEmulator | UsersTestControl, SeedError | OptionsError | HttpServerError.ServeError> =>
  Layer.scopedContext(
    Effect.map(
      serve(options),
      (emulator) => Context.make(ClerkEmulator, emulator).pipe(Context.add(UsersTestControl, emulator.control))
    )
  )
