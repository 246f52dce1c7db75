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
 * @since 0.1.0
 */
import { ClerkConfig, RetryPolicy, Users, UsersCodec, UsersProtocol } from "@effect-clerk/core"
import { BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import { DEFAULT_API_VERSION } from "@effect-clerk/core/ClerkConfig"
import { ClerkApiError } from "@effect-clerk/core/ClerkError"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Fault from "./Fault.js"
import * as Body from "./internal/body.js"
import * as Engine from "./internal/engine.js"
import type { StoreFailure } from "./internal/failures.js"
import { authenticationInvalid, bodyTooLarge, requestBodyInvalid, routeNotFound } from "./internal/failures.js"
import type { DISCONNECT_HEADER as NodeServerHeader } from "./internal/nodeServer.js"
import {
  CreditSeed,
  ExternalAccountSeed,
  InvitationSeed,
  MembershipSeed,
  OAuthTokenSeed,
  OrganizationSeed,
  PasskeySeed,
  TrustedDeviceSeed,
  UserSeed
} from "./Seeds.js"
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
export const DISCONNECT_HEADER = "x-clerk-emulator-disconnect" satisfies typeof NodeServerHeader

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
}

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
}>() {}

// -----------------------------------------------------------------------------
// responses
// -----------------------------------------------------------------------------

const encodeApiErrors = Schema.encodeSync(Schema.Array(ClerkApiError))

const jsonResponse = (body: string, status = 200, headers: Record<string, string> = {}) =>
  HttpServerResponse.text(body, { status, contentType: "application/json", headers })

const failureResponse = (failure: StoreFailure, traceId: string, headers: Record<string, string> = {}) =>
  jsonResponse(
    JSON.stringify({ errors: encodeApiErrors(failure.errors), meta: {}, clerk_trace_id: traceId }),
    failure.status,
    // a body refused for its size was not read to its end: the connection is closed rather than drained
    failure.status === 413 ? { ...headers, connection: "close" } : headers
  )

/** Clerk's answer to a failure of the engine: its status and error body, or a dropped connection. */
const engineFailureResponse = (failure: Engine.Failure, traceId: string) =>
  failure._tag === "Disconnect"
    ? HttpServerResponse.empty({ status: 599, headers: { [DISCONNECT_HEADER]: "1" } })
    : failureResponse(
      failure.failure,
      traceId,
      failure.retryAfter === undefined
        ? {}
        : { "retry-after": String(Math.ceil(Duration.toSeconds(failure.retryAfter))) }
    )

const issueCodes = {
  Unexpected: ["form_param_unknown", "is unknown"],
  Missing: ["form_param_missing", "is missing"],
  Type: ["form_param_format_invalid", "is invalid"],
  Value: ["form_param_value_invalid", "is invalid"]
} as const

/**
 * The status of refused parameters: 422 where the operation documents it, else 400 where it documents that (a
 * bulk ban outside 1..50 ids, an upload without a file, an unknown invitation status), else 400.
 */
const issueStatus = (operation: UsersProtocol.AnyOperation): number => operation.statuses.includes(422) ? 422 : 400

/** The error Clerk answers for parameters it refuses, naming the parameter as it is on the wire. */
const issueFailure = (operation: UsersProtocol.AnyOperation, issue: UsersCodec.RequestIssue): StoreFailure => {
  const [code, message] = issueCodes[issue.kind]
  return {
    status: issueStatus(operation),
    errors: [{ code, message, longMessage: `${issue.param}: ${issue.message}`, meta: { param_name: issue.param } }]
  }
}

// -----------------------------------------------------------------------------
// request bodies
// -----------------------------------------------------------------------------

/** A JSON body under `maxBytes` (see `internal/body.ts`); admin bodies (seeds) have their own, larger bound. */
const readJson = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number = Body.ADMIN_BODY_LIMIT
): Effect.Effect<Either.Either<unknown, StoreFailure>> => Body.readJson(request, maxBytes)

/** The file field (`field`, its wire name) of a multipart body under `maxBytes` of file (read once, linear time). */
const readFile = (
  request: HttpServerRequest.HttpServerRequest,
  field: string,
  maxBytes: number
): Effect.Effect<Either.Either<UsersCodec.RequestParts["file"], StoreFailure>> =>
  Effect.gen(function*() {
    const contentType = request.headers["content-type"] ?? ""
    if (!contentType.startsWith("multipart/form-data")) {
      return Either.left(requestBodyInvalid(`expected multipart/form-data with a ${field} field`))
    }
    const body = yield* Body.readBytes(request, maxBytes + Body.MULTIPART_OVERHEAD)
    if (Either.isLeft(body)) return Either.left(body.left)
    const form = yield* Effect.either(
      Effect.tryPromise(() => new Response(body.right, { headers: { "content-type": contentType } }).formData())
    )
    const file = Either.isRight(form) ? form.right.get(field) : null
    if (file === null || typeof file === "string") return Either.right(undefined)
    if (file.size > maxBytes) return Either.left(bodyTooLarge(maxBytes))
    const data = yield* Effect.either(Effect.tryPromise(() => file.arrayBuffer()))
    if (Either.isLeft(data)) return Either.left(requestBodyInvalid("the file could not be read"))
    return Either.right({ data: new Uint8Array(data.right), fileName: file.name, contentType: file.type })
  })

const searchOf = (url: string) => {
  const at = url.indexOf("?")
  return at < 0 ? "" : url.slice(at + 1)
}

/** The API version a request asks for: the `Clerk-API-Version` header, the `__clerk_api_version` query parameter, or the default. */
const apiVersionOf = (request: HttpServerRequest.HttpServerRequest, defaultVersion: string): string => {
  const header = request.headers["clerk-api-version"]
  if (header !== undefined && header !== "") return header
  const search = searchOf(request.url)
  const query = search === "" ? null : new URLSearchParams(search).get("__clerk_api_version")
  return query ?? defaultVersion
}

const apiVersionInvalid = (version: string): StoreFailure => ({
  status: 400,
  errors: [{
    code: "api_version_invalid",
    message: "Invalid API version",
    longMessage: `${JSON.stringify(version.slice(0, 64))} is not a Clerk API version. Supported versions: ${
      UsersProtocol.apiVersions.join(", ")
    }.`,
    meta: {}
  }]
})

// -----------------------------------------------------------------------------
// routes
// -----------------------------------------------------------------------------

type Handler = Effect.Effect<
  HttpServerResponse.HttpServerResponse,
  never,
  HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext
>

/**
 * The request's parts into the call's arguments, or Clerk's 422 naming the parameter. A value that exhausts the
 * stack of the recursive decoder (the depth bound of bodies should prevent it) is a 400, never a defect.
 */
const decodeParts = (
  operation: UsersProtocol.AnyOperation,
  decode: ReturnType<typeof UsersCodec.requestDecoder>,
  parts: UsersCodec.RequestParts,
  apiVersion: string
): Either.Either<ReadonlyArray<unknown>, StoreFailure> => {
  try {
    return Either.mapLeft(decode(parts, apiVersion), (issue) => issueFailure(operation, issue))
  } catch {
    return Either.left(requestBodyInvalid("the body is nested too deeply"))
  }
}

/** The route of one operation: its row decodes the request, the engine runs it, the row encodes the answer. */
const operationRoute = (
  engine: Engine.Engine,
  operation: UsersProtocol.AnyOperation,
  defaultVersion: string,
  limits: { readonly json: number; readonly upload: number }
): Handler => {
  const decode = UsersCodec.requestDecoder(operation)
  const body = UsersCodec.bodyKind(operation)
  const pathWires = operation.args.flatMap((arg) => (arg.in === "path" ? [arg.wire!] : []))
  const fileArg = operation.args.find((arg) => arg.in === "file")
  const fileField = fileArg?.wire ?? fileArg?.name ?? "file"
  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const params = yield* HttpRouter.params
    const json = body === "json" ? yield* readJson(request, limits.json) : Either.right(undefined)
    if (Either.isLeft(json)) return failureResponse(json.left, engine.traceId())
    const file = body === "multipart" ? yield* readFile(request, fileField, limits.upload) : Either.right(undefined)
    if (Either.isLeft(file)) return failureResponse(file.left, engine.traceId())
    const args = decodeParts(operation, decode, {
      path: pathWires.map((wire) => params[wire] ?? ""),
      search: searchOf(request.url),
      json: json.right,
      file: file.right
    }, apiVersionOf(request, defaultVersion))
    if (Either.isLeft(args)) return failureResponse(args.left, engine.traceId())
    const result = yield* engine.run(operation, args.right)
    if (Either.isLeft(result)) return engineFailureResponse(result.left, engine.traceId())
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
// admin API
// -----------------------------------------------------------------------------

/** An operation of the core's table, by its method name (`"create"`, `"list"`...). */
const OperationName = Schema.String.pipe(
  Schema.filter((name) => Object.hasOwn(UsersProtocol.operations, name), {
    message: (issue) => `an operation of the table (such as "create" or "list"), got ${JSON.stringify(issue.actual)}`
  })
)

/**
 * A fault rule as the admin API accepts it: an error status Clerk could answer (400..599; 429 is a rate limit
 * with its `Retry-After`), finite delays within a day (`retryAfterSeconds`) and ten minutes (`latencyMs`), a
 * whole number of uses, a probability, known operations. Anything else is a 400 naming the field.
 */
const AdminFault = Schema.Struct({
  operations: Schema.optional(Schema.Array(OperationName)),
  status: Schema.optional(Schema.Int.pipe(Schema.between(400, 599))),
  code: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  message: Schema.optional(Schema.String.pipe(Schema.maxLength(2_000))),
  retryAfterSeconds: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 86_400))),
  latencyMs: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 600_000))),
  disconnect: Schema.optional(Schema.Boolean),
  times: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000_000))),
  probability: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 1))),
  when: Schema.optional(Schema.Literal("before", "after"))
})

/**
 * The body of `POST /__emulator/faults`.
 *
 * @since 0.1.0
 * @category models
 */
export type AdminFault = typeof AdminFault.Type

const faultOf = (body: AdminFault): Fault.Fault =>
  body.disconnect === true
    ? Fault.disconnect
    : body.latencyMs !== undefined
    ? Fault.latency(Duration.millis(body.latencyMs))
    : body.status === undefined || body.status === 429
    ? Fault.rateLimited(body.retryAfterSeconds === undefined ? undefined : Duration.seconds(body.retryAfterSeconds))
    : Fault.status(body.status, {
      ...(body.code === undefined ? {} : { code: body.code }),
      ...(body.message === undefined ? {} : { message: body.message }),
      ...(body.retryAfterSeconds === undefined ? {} : { retryAfter: Duration.seconds(body.retryAfterSeconds) })
    })

const UserSeeds = Schema.Union(Schema.Array(UserSeed), UserSeed)

/** Decodes an admin request body with its schema: a 400 naming the entry and field otherwise. */
const adminBody = <A, I>(
  schema: Schema.Schema<A, I>,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Either.Either<A, StoreFailure>> =>
  Effect.map(readJson(request), (json) =>
    Either.flatMap(json, (value) =>
      Either.mapLeft(
        Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })(value ?? {}),
        (error) => {
          const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
          const at = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `
          return requestBodyInvalid(`${at}${issue?.message ?? "invalid"}`)
        }
      )))

const ForUser = Schema.Struct({ userId: Schema.String })

const adminRoutes = (engine: Engine.Engine): HttpRouter.HttpRouter => {
  const ok = (value: unknown) => jsonResponse(JSON.stringify(value))
  const control = engine.control
  /** A seeding route: the body decoded with the seed's Schema, the control's answer as JSON. */
  const seedRoute = <A, I>(
    path: `/${string}`,
    schema: Schema.Schema<A, I>,
    seed: (body: A) => Effect.Effect<unknown, SeedError>
  ) =>
    HttpRouter.post(
      path,
      Effect.gen(function*() {
        const body = yield* adminBody(schema, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return failureResponse(body.left, engine.traceId())
        const seeded = yield* Effect.either(seed(body.right))
        return Either.isLeft(seeded)
          ? failureResponse(requestBodyInvalid(`${seeded.left.code}: ${seeded.left.message}`), engine.traceId())
          : ok(seeded.right ?? { ok: true })
      })
    )
  return HttpRouter.empty.pipe(
    seedRoute("/organizations", OrganizationSeed, control.seedOrganization),
    seedRoute("/memberships", MembershipSeed, control.seedMembership),
    seedRoute("/invitations", InvitationSeed, control.seedInvitation),
    seedRoute("/oauth_tokens", OAuthTokenSeed, control.seedOAuthToken),
    seedRoute(
      "/billing_subscriptions",
      Schema.Struct({ userId: Schema.String, subscription: Schema.typeSchema(BillingSubscription) }),
      ({ subscription, userId }) => control.seedBillingSubscription(userId, subscription)
    ),
    seedRoute(
      "/credits",
      Schema.extend(ForUser, CreditSeed),
      ({ userId, ...credits }) => control.seedCredits(userId, credits)
    ),
    seedRoute(
      "/trusted_devices",
      Schema.extend(ForUser, TrustedDeviceSeed),
      ({ userId, ...device }) => control.seedTrustedDevice(userId, device)
    ),
    seedRoute(
      "/passkeys",
      Schema.extend(ForUser, PasskeySeed),
      ({ userId, ...passkey }) => control.seedPasskey(userId, passkey)
    ),
    seedRoute(
      "/external_accounts",
      Schema.extend(ForUser, ExternalAccountSeed),
      ({ userId, ...account }) => control.seedExternalAccount(userId, account)
    ),
    HttpRouter.post(
      "/faults",
      Effect.gen(function*() {
        const body = yield* adminBody(AdminFault, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return failureResponse(body.left, engine.traceId())
        const rule = body.right
        yield* control.injectFault({
          fault: faultOf(rule),
          ...(rule.operations === undefined ? {} : { operations: rule.operations }),
          ...(rule.times === undefined ? {} : { times: rule.times }),
          ...(rule.probability === undefined ? {} : { probability: rule.probability }),
          ...(rule.when === undefined ? {} : { when: rule.when })
        })
        return ok({ ok: true })
      })
    ),
    HttpRouter.del("/faults", Effect.as(control.clearFaults, ok({ ok: true }))),
    HttpRouter.post("/reset", Effect.as(control.reset, ok({ ok: true }))),
    HttpRouter.get("/snapshot", Effect.map(control.snapshot, ok)),
    HttpRouter.post(
      "/users",
      Effect.gen(function*() {
        const body = yield* adminBody(UserSeeds, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return failureResponse(body.left, engine.traceId())
        const seeds = Array.isArray(body.right) ? body.right : [body.right as UserSeed]
        const seeded = yield* Effect.either(control.seedUsers(seeds))
        return Either.isLeft(seeded)
          ? failureResponse(requestBodyInvalid(seeded.left.message), engine.traceId())
          : ok(seeded.right.map((u) => u.id))
      })
    )
  )
}

// -----------------------------------------------------------------------------
// the app
// -----------------------------------------------------------------------------

/** A `.` or `..` segment (WHATWG URL parsers read `%2e` as a dot) or a backslash (read as a slash). */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)|\\/i

/**
 * The request's URL with its path as a WHATWG URL parser reads it (dot segments resolved, backslashes read as
 * slashes), which is what every fetch-based client sends; `undefined` when the path has nothing to resolve.
 * Both transports route the same path that way: in process the client's `Request` has resolved it already,
 * over a socket a raw client may send it as it is.
 */
const resolvedUrl = (url: string): string | undefined => {
  const at = url.indexOf("?")
  const path = at < 0 ? url : url.slice(0, at)
  if (!DOT_SEGMENT.test(path)) return undefined
  try {
    const parsed = new URL(path.startsWith("/") ? `http://emulator.invalid${path}` : path)
    return parsed.pathname + (at < 0 ? "" : url.slice(at))
  } catch {
    return undefined
  }
}

/** Clerk's paths are case-sensitive, a trailing slash is another path, and ids can be long. */
const routerConfig = { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 8192 }

const makeAppOf = (
  engine: Engine.Engine,
  options: Pick<Options, "secretKeys" | "admin" | "apiVersion" | "jsonBodyLimitBytes" | "uploadLimitBytes">
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> => {
  const keys = new Set(options.secretKeys ?? [DEFAULT_SECRET_KEY])
  const defaultVersion = options.apiVersion ?? DEFAULT_API_VERSION
  const limits = {
    json: options.jsonBodyLimitBytes ?? Body.DEFAULT_JSON_BODY_LIMIT,
    upload: options.uploadLimitBytes ?? Body.DEFAULT_UPLOAD_LIMIT
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
  if (options.admin === true) router = HttpRouter.mount(router, ADMIN_PREFIX, adminRoutes(engine))
  const routed = Effect.flatMap(
    HttpRouter.withRouterConfig(HttpRouter.toHttpApp(router), routerConfig),
    (app) =>
      Effect.catchAll(app, (error) =>
        Effect.map(
          HttpServerRequest.HttpServerRequest,
          (request) =>
            error._tag === "RouteNotFound"
              ? failureResponse(routeNotFound(request.method, request.url.split("?")[0]!), engine.traceId())
              : failureResponse(requestBodyInvalid(error.message), engine.traceId())
        ))
  )
  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (received) => {
    const resolved = resolvedUrl(received.url)
    const request = resolved === undefined ? received : received.modify({ url: resolved })
    const path = request.url.split("?")[0]!
    if (path === "/healthz" && (request.method === "GET" || request.method === "HEAD")) {
      return Effect.succeed(jsonResponse(JSON.stringify({ status: "ok" })))
    }
    const authorization = request.headers["authorization"] ?? ""
    const key = authorization.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : ""
    if (!keys.has(key)) return Effect.succeed(failureResponse(authenticationInvalid(), engine.traceId()))
    const version = apiVersionOf(request, defaultVersion)
    if (!UsersProtocol.isApiVersion(version)) {
      return Effect.succeed(failureResponse(apiVersionInvalid(version), engine.traceId()))
    }
    return resolved === undefined ? routed : Effect.provideService(routed, HttpServerRequest.HttpServerRequest, request)
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
> =>
  Effect.gen(function*() {
    yield* checkKeys(options.secretKeys)
    const engine = yield* Engine.make(options)
    return { app: makeAppOf(engine, options), control: engine.control }
  })

const visibleAscii = /^[\x21-\x7e]+$/

/** The accepted keys: at least one, each a key a client can send (an empty one would let requests in without one). */
const checkKeys = (keys: ReadonlyArray<string> | undefined): Effect.Effect<void, OptionsError> =>
  keys === undefined
    ? Effect.void
    : keys.length === 0
    ? Effect.fail(new OptionsError({ option: "secretKeys", message: "is empty: give at least one key" }))
    : keys.every((key) => visibleAscii.test(key))
    ? Effect.void
    : Effect.fail(
      new OptionsError({
        option: "secretKeys",
        message: "has an empty key, or one that is not visible ASCII: an empty key would let requests in without one"
      })
    )

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
  Layer.effectContext(
    Effect.gen(function*() {
      const { app, control } = yield* makeApp(options)
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
          control
        })
      )
    })
  ).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * `Users.layer` pointed at an emulator: with `layerHttpClient` (the default) it runs in process; pass another
 * client layer (for example one reaching `layerServer`) to go over the network.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // the real HTTP client, end to end against the emulator, in-process
 * const program = Effect.flatMap(Users, (users) => users.count()).pipe(Effect.provide(ClerkEmulator.layerUsers()))
 * ```
 */
export const layerUsers = (
  options: Options & { readonly retry?: RetryPolicy.RetryPolicy } = {}
): Layer.Layer<Users | ClerkEmulator | UsersTestControl, SeedError | OptionsError> =>
  Layer.unwrapEffect(Effect.map(ClerkEmulator, (emulator) =>
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: Redacted.make(emulator.secretKey),
          apiUrl: emulator.apiUrl,
          apiVersion: emulator.apiVersion,
          retry: options.retry ?? RetryPolicy.defaultPolicy,
          perUserWriteLimit: false
        }).pipe(Layer.orDie)
      )
    ))).pipe(Layer.provideMerge(layerHttpClient(options)))

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
    const { app, control } = yield* makeApp(options)
    const { host, port } = yield* serveNode(app, {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    return {
      apiUrl: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`,
      secretKey: firstKey(options),
      apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
      control
    }
  })

/**
 * An emulator served on a loopback port, with its `ClerkEmulator` description and `UsersTestControl`. Reach it
 * with any client: `FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, or another language's Clerk SDK.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { ClerkEmulator } from "@effect-clerk/testkit"
 * import { Effect, Layer } from "effect"
 *
 * // Users.layer over fetch, against the emulator on a loopback port
 * const live = Layer.unwrapEffect(Effect.map(ClerkEmulator.ClerkEmulator, (emulator) =>
 *   Users.layer.pipe(
 *     Layer.provide(ClerkConfig.layer({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl })),
 *     Layer.provide(FetchHttpClient.layer)
 *   ))).pipe(Layer.provideMerge(ClerkEmulator.layerServer()))
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
