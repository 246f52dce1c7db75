/**
 * The in-memory Clerk instance served over Clerk's REST protocol: the 31 Users endpoints under `/v1`, with
 * Clerk's query decoding (repeated keys), JSON and multipart bodies, snake_case payloads, error bodies and
 * statuses, bearer authentication and `Retry-After` on injected 429s. Every response is encoded through
 * `@effect-clerk/core`'s schemas, so a payload that would not decode is an emulator bug (a 500), never a 200.
 *
 * Two ways in: an in-process `HttpClient` (no sockets) and a real HTTP server on a loopback port. An admin
 * API under `/__emulator` (disabled unless enabled) seeds data and injects faults from outside the process.
 *
 * @since 0.1.0
 */
import type { ClerkError, CreateUserParams } from "@effect-clerk/core"
import {
  ClerkApiError,
  ClerkConfig,
  CountUsersParams,
  CreateUserParams as CreateUserParamsSchema,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessTokenParams,
  OrganizationInvitationsParams,
  PaginationParams,
  RetryPolicy,
  SetPasswordCompromisedParams,
  UpdateMetadataParams,
  UpdateUserParams,
  Users,
  VerifyPasswordBody,
  VerifyTotpBody
} from "@effect-clerk/core"
import { encoderFor } from "@effect-clerk/core/internal/fastCodec"
import type { Operation } from "@effect-clerk/core/internal/operations"
import { operations } from "@effect-clerk/core/internal/operations"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpServerError from "@effect/platform/HttpServerError"
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
import type { StoreFailure } from "./internal/failures.js"
import { authenticationInvalid, requestBodyInvalid, routeNotFound } from "./internal/failures.js"
import type { DISCONNECT_HEADER as NodeServerHeader } from "./internal/nodeServer.js"
import * as UsersInMemory from "./UsersInMemory.js"
import type { SeedError, UserSeed } from "./UsersTestControl.js"
import { UsersTestControl } from "./UsersTestControl.js"

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
    headers
  )

const disconnectResponse = () => HttpServerResponse.empty({ status: 599, headers: { [DISCONNECT_HEADER]: "1" } })

const idFields: ReadonlySet<string> = new Set([
  "userId",
  "provider",
  "passkeyIdentificationId",
  "web3WalletIdentificationId",
  "externalAccountId"
])

/** The HTTP answer Clerk would give for a failure of the in-memory service. */
const errorResponse = (error: ClerkError, traceId: string) => {
  switch (error._tag) {
    case "TransportError":
      return disconnectResponse()
    case "DecodeError":
      return failureResponse(
        { status: 500, errors: [{ code: "internal_clerk_error", message: error.message }] },
        traceId
      )
    case "InvalidRequest":
      return idFields.has(error.field)
        ? failureResponse({
          status: 404,
          errors: [{ code: "resource_not_found", message: "not found", longMessage: error.message, meta: {} }]
        }, traceId)
        : failureResponse({
          status: 422,
          errors: [{
            code: "form_param_value_invalid",
            message: "is invalid",
            longMessage: error.message,
            meta: { param_name: error.field }
          }]
        }, traceId)
    default: {
      const retryAfter = "retryAfter" in error && error.retryAfter !== undefined
        ? { "retry-after": String(Math.ceil(Duration.toSeconds(error.retryAfter))) }
        : undefined
      return failureResponse(
        { status: error.status, errors: error.errors },
        error.clerkTraceId ?? traceId,
        retryAfter
      )
    }
  }
}

/** 422s for input that does not decode, with Clerk's codes and `meta.param_name`. */
const decodeFailure = (error: ParseResult.ParseError): StoreFailure => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const param = issue === undefined || issue.path.length === 0 ? "params" : String(issue.path[0])
  const code = issue?._tag === "Unexpected"
    ? "form_param_unknown"
    : issue?._tag === "Missing"
    ? "form_param_missing"
    : issue?._tag === "Type"
    ? "form_param_format_invalid"
    : "form_param_value_invalid"
  return {
    status: 422,
    errors: [{
      code,
      message: code === "form_param_unknown"
        ? "is unknown"
        : code === "form_param_missing"
        ? "is missing"
        : "is invalid",
      longMessage: `${param}: ${issue?.message ?? "invalid"}`,
      meta: { param_name: param }
    }]
  }
}

// -----------------------------------------------------------------------------
// request decoding
// -----------------------------------------------------------------------------

/** The list-valued query parameters (sent as repeated keys); every other key takes its first value. */
const listKeys: ReadonlySet<string> = new Set([
  "email_address",
  "phone_number",
  "external_id",
  "username",
  "web3_wallet",
  "user_id",
  "organization_id",
  "provider_user_id"
])

const queryRecord = (search: string): Record<string, string | Array<string>> => {
  const params = new URLSearchParams(search)
  const out: Record<string, string | Array<string>> = {}
  for (const key of new Set(params.keys())) {
    out[key] = listKeys.has(key) ? params.getAll(key) : params.get(key)!
  }
  return out
}

interface Context {
  readonly params: ReadonlyArray<string>
  readonly search: string
  readonly request: HttpServerRequest.HttpServerRequest
}

type Outcome = Either.Either<HttpServerResponse.HttpServerResponse, StoreFailure>

const decodeQuery = <A, I>(
  schema: Schema.Schema<A, I>,
  search: string
): Effect.Effect<Either.Either<A, StoreFailure>> =>
  Effect.sync(() => Either.mapLeft(Schema.decodeUnknownEither(schema)(queryRecord(search)), decodeFailure))

const readJson = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Either.Either<unknown, StoreFailure>> =>
  Effect.map(Effect.either(request.text), (text) => {
    if (Either.isLeft(text)) return Either.left(requestBodyInvalid("the body could not be read"))
    if (text.right.trim() === "") return Either.right({})
    try {
      return Either.right(JSON.parse(text.right))
    } catch {
      return Either.left(requestBodyInvalid("the body is not valid JSON"))
    }
  })

const decodeBody = <A, I>(
  schema: Schema.Schema<A, I>,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Either.Either<A, StoreFailure>> =>
  Effect.map(
    readJson(request),
    (json) =>
      Either.flatMap(json, (value) =>
        Either.mapLeft(Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })(value), decodeFailure))
  )

const readFile = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const contentType = request.headers["content-type"] ?? ""
    if (!contentType.startsWith("multipart/form-data")) {
      return Either.left(requestBodyInvalid("expected multipart/form-data with a file field"))
    }
    const body = yield* Effect.either(request.arrayBuffer)
    if (Either.isLeft(body)) return Either.left(requestBodyInvalid("the body could not be read"))
    const form = yield* Effect.either(
      Effect.tryPromise(() => new Response(body.right, { headers: { "content-type": contentType } }).formData())
    )
    const file = Either.isRight(form) ? form.right.get("file") : null
    if (file === null || typeof file === "string") {
      return Either.left<StoreFailure>({
        status: 422,
        errors: [{
          code: "form_param_missing",
          message: "is missing",
          longMessage: "file is missing",
          meta: { param_name: "file" }
        }]
      })
    }
    const data = new Uint8Array(yield* Effect.promise(() => file.arrayBuffer()))
    return Either.right({ data, fileName: file.name, contentType: file.type })
  })

// -----------------------------------------------------------------------------
// routes
// -----------------------------------------------------------------------------

interface Route {
  readonly method: string
  readonly segments: ReadonlyArray<string>
  readonly handle: (context: Context) => Effect.Effect<Outcome>
}

const makeRoutes = (users: Users.Service, traceId: () => string): ReadonlyArray<Route> => {
  const encoders = new Map<unknown, (value: never) => Either.Either<unknown, ParseResult.ParseError>>()
  const encoderOf = <A, I>(schema: Schema.Schema<A, I>): (value: A) => Either.Either<I, ParseResult.ParseError> => {
    let encoder = encoders.get(schema)
    if (encoder === undefined) {
      encoder = encoderFor(schema)
      encoders.set(schema, encoder)
    }
    return encoder as (value: A) => Either.Either<I, ParseResult.ParseError>
  }

  const respond = <A, I>(
    operation: { readonly success: Schema.Schema<A, I> },
    effect: Effect.Effect<A, ClerkError>
  ): Effect.Effect<Outcome> =>
    Effect.map(Effect.either(effect), (result) => {
      if (Either.isLeft(result)) return Either.right(errorResponse(result.left, traceId()))
      // every response goes through the core's schemas (a compiled encoder, Effect's for the errors)
      const encoded = encoderOf(operation.success)(result.right)
      if (Either.isLeft(encoded)) {
        return Either.left({
          status: 500,
          errors: [{
            code: "emulator_encoding_failed",
            message: "the emulator produced a response its schema refuses",
            longMessage: ParseResult.TreeFormatter.formatErrorSync(encoded.left)
          }]
        })
      }
      return Either.right(jsonResponse(JSON.stringify(encoded.right)))
    })

  const withDecoded = <A>(
    decoded: Effect.Effect<Either.Either<A, StoreFailure>>,
    f: (value: A) => Effect.Effect<Outcome>
  ): Effect.Effect<Outcome> =>
    Effect.flatMap(
      decoded,
      (result) => Either.isLeft(result) ? Effect.succeed(Either.left(result.left)) : f(result.right)
    )

  const o = operations
  const route = (
    operation: Pick<Operation<unknown, unknown, never>, "method" | "path">,
    handle: (context: Context) => Effect.Effect<Outcome>
  ): Route => ({
    method: operation.method,
    segments: operation.path.split("/").filter((s) => s !== ""),
    handle
  })
  const id = (c: Context, i = 0) => c.params[i]!

  return [
    route(
      o.list,
      (c) => withDecoded(decodeQuery(ListUsersParams, c.search), (params) => respond(o.list, users.list(params)))
    ),
    route(
      o.create,
      (c) =>
        withDecoded(
          decodeBody(CreateUserParamsSchema, c.request),
          (params: CreateUserParams) => respond(o.create, users.create(params))
        )
    ),
    route(
      o.count,
      (c) =>
        withDecoded(
          decodeQuery(CountUsersParams, c.search),
          (params) =>
            respond(o.count, Effect.map(users.count(params), (n) => ({ object: "total_count", totalCount: n })))
        )
    ),
    route(
      o.bulkBan,
      (c) => withDecoded(decodeBody(BulkBody, c.request), ({ userIds }) => respond(o.bulkBan, users.bulkBan(userIds)))
    ),
    route(
      o.bulkUnban,
      (c) =>
        withDecoded(decodeBody(BulkBody, c.request), ({ userIds }) => respond(o.bulkUnban, users.bulkUnban(userIds)))
    ),
    route(o.get, (c) => respond(o.get, users.get(id(c)))),
    route(
      o.update,
      (c) =>
        withDecoded(decodeBody(UpdateUserParams, c.request), (params) => respond(o.update, users.update(id(c), params)))
    ),
    route(o.delete, (c) => respond(o.delete, users.delete(id(c)))),
    route(o.ban, (c) => respond(o.ban, users.ban(id(c)))),
    route(o.unban, (c) => respond(o.unban, users.unban(id(c)))),
    route(o.lock, (c) => respond(o.lock, users.lock(id(c)))),
    route(o.unlock, (c) => respond(o.unlock, users.unlock(id(c)))),
    route(
      o.setProfileImage,
      (c) => withDecoded(readFile(c.request), (file) => respond(o.setProfileImage, users.setProfileImage(id(c), file)))
    ),
    route(o.deleteProfileImage, (c) => respond(o.deleteProfileImage, users.deleteProfileImage(id(c)))),
    route(
      o.updateMetadata,
      (c) =>
        withDecoded(
          decodeBody(UpdateMetadataParams, c.request),
          (patch) => respond(o.updateMetadata, users.updateMetadata(id(c), patch))
        )
    ),
    route(o.getBillingSubscription, (c) => respond(o.getBillingSubscription, users.getBillingSubscription(id(c)))),
    route(
      o.getOAuthAccessToken,
      (c) =>
        withDecoded(
          decodeQuery(OAuthAccessTokenParams, c.search),
          (params) => respond(o.getOAuthAccessToken, users.getOAuthAccessToken(id(c), id(c, 1), params))
        )
    ),
    route(
      o.getOrganizationMemberships,
      (c) =>
        withDecoded(
          decodeQuery(PaginationParams, c.search),
          (params) => respond(o.getOrganizationMemberships, users.getOrganizationMemberships(id(c), params))
        )
    ),
    route(
      o.getOrganizationInvitations,
      (c) =>
        withDecoded(
          decodeQuery(OrganizationInvitationsParams, c.search),
          (params) => respond(o.getOrganizationInvitations, users.getOrganizationInvitations(id(c), params))
        )
    ),
    route(
      o.verifyPassword,
      (c) =>
        withDecoded(
          decodeBody(VerifyPasswordBody, c.request),
          ({ password }) => respond(o.verifyPassword, users.verifyPassword(id(c), password))
        )
    ),
    route(
      o.verifyTotp,
      (c) =>
        withDecoded(
          decodeBody(VerifyTotpBody, c.request),
          ({ code }) => respond(o.verifyTotp, users.verifyTotp(id(c), code))
        )
    ),
    route(o.disableMfa, (c) => respond(o.disableMfa, users.disableMfa(id(c)))),
    route(o.deleteBackupCodes, (c) => respond(o.deleteBackupCodes, users.deleteBackupCodes(id(c)))),
    route(o.deletePasskey, (c) => respond(o.deletePasskey, users.deletePasskey(id(c), id(c, 1)))),
    route(o.deleteWeb3Wallet, (c) => respond(o.deleteWeb3Wallet, users.deleteWeb3Wallet(id(c), id(c, 1)))),
    route(o.createTotp, (c) => respond(o.createTotp, users.createTotp(id(c)))),
    route(o.deleteTotp, (c) => respond(o.deleteTotp, users.deleteTotp(id(c)))),
    route(
      o.deleteExternalAccount,
      (c) => respond(o.deleteExternalAccount, users.deleteExternalAccount(id(c), id(c, 1)))
    ),
    route(
      o.setPasswordCompromised,
      (c) =>
        withDecoded(
          decodeBody(SetPasswordCompromisedParams, c.request),
          (params) => respond(o.setPasswordCompromised, users.setPasswordCompromised(id(c), params))
        )
    ),
    route(
      o.unsetPasswordCompromised,
      (c) => respond(o.unsetPasswordCompromised, users.unsetPasswordCompromised(id(c)))
    ),
    route(
      o.getInstanceOrganizationMemberships,
      (c) =>
        withDecoded(
          decodeQuery(InstanceOrganizationMembershipsParams, c.search),
          (params) => respond(o.getInstanceOrganizationMemberships, users.getInstanceOrganizationMemberships(params))
        )
    )
  ]
}

const BulkBody = Schema.Struct({
  userIds: Schema.propertySignature(Schema.Array(Schema.String)).pipe(Schema.fromKey("user_ids"))
})

/** Matches raw (still percent-encoded) segments, then decodes each parameter on its own. */
const match = (route: Route, method: string, segments: ReadonlyArray<string>): Array<string> | undefined => {
  if (route.method !== method || route.segments.length !== segments.length) return undefined
  const params: Array<string> = []
  for (let i = 0; i < segments.length; i++) {
    const template = route.segments[i]!
    const segment = segments[i]!
    if (template.startsWith("{")) {
      if (segment === "") return undefined
      try {
        params.push(decodeURIComponent(segment))
      } catch {
        return undefined
      }
    } else if (template !== segment) {
      return undefined
    }
  }
  return params
}

// -----------------------------------------------------------------------------
// admin API
// -----------------------------------------------------------------------------

const AdminFault = Schema.Struct({
  operations: Schema.optional(Schema.Array(Schema.String)),
  status: Schema.optional(Schema.Number),
  code: Schema.optional(Schema.String),
  message: Schema.optional(Schema.String),
  retryAfterSeconds: Schema.optional(Schema.Number),
  latencyMs: Schema.optional(Schema.Number),
  disconnect: Schema.optional(Schema.Boolean),
  times: Schema.optional(Schema.Number),
  probability: Schema.optional(Schema.Number),
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

const admin = (
  control: UsersTestControl.Service,
  method: string,
  path: string,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Outcome> =>
  Effect.gen(function*() {
    const ok = (value: unknown) => Either.right(jsonResponse(JSON.stringify(value)))
    const invalid = (message: string) => Either.left(requestBodyInvalid(message))
    if (method === "POST" && path === "/faults") {
      const body = yield* decodeBody(AdminFault, request)
      if (Either.isLeft(body)) return Either.left(body.left)
      const rule = body.right
      yield* control.injectFault({
        fault: faultOf(rule),
        ...(rule.operations === undefined ? {} : { operations: rule.operations }),
        ...(rule.times === undefined ? {} : { times: rule.times }),
        ...(rule.probability === undefined ? {} : { probability: rule.probability }),
        ...(rule.when === undefined ? {} : { when: rule.when })
      })
      return ok({ ok: true })
    }
    if (method === "DELETE" && path === "/faults") {
      yield* control.clearFaults
      return ok({ ok: true })
    }
    if (method === "POST" && path === "/reset") {
      yield* control.reset
      return ok({ ok: true })
    }
    if (method === "GET" && path === "/snapshot") return ok(yield* control.snapshot)
    if (method === "POST" && path === "/users") {
      const json = yield* readJson(request)
      if (Either.isLeft(json)) return Either.left(json.left)
      const seeds = (Array.isArray(json.right) ? json.right : [json.right]) as ReadonlyArray<UserSeed>
      const seeded = yield* Effect.either(control.seedUsers(seeds))
      return Either.isLeft(seeded) ? invalid(seeded.left.message) : ok(seeded.right.map((u) => u.id))
    }
    return Either.left(routeNotFound(method, `${ADMIN_PREFIX}${path}`))
  })

// -----------------------------------------------------------------------------
// the app
// -----------------------------------------------------------------------------

/**
 * The emulator as an HTTP app over an in-memory instance.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkEmulator, UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * // the emulator as an `HttpApp`, to mount in a server of your own
 * const app = Effect.map(UsersInMemory.make(), (instance) => ClerkEmulator.makeApp(instance, { admin: true }))
 * ```
 */
export const makeApp = (
  instance: UsersInMemory.Instance,
  options: Pick<Options, "secretKeys" | "admin"> = {}
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> => {
  const keys = new Set(options.secretKeys ?? [DEFAULT_SECRET_KEY])
  let traces = 0
  const traceId = () => `emu_${Date.now().toString(36)}_${(++traces).toString(36)}`
  const routes = makeRoutes(instance.users, traceId)

  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const raw = request.url
    const queryAt = raw.indexOf("?")
    const path = queryAt < 0 ? raw : raw.slice(0, queryAt)
    const search = queryAt < 0 ? "" : raw.slice(queryAt + 1)
    const method = request.method

    const authorization = request.headers["authorization"] ?? ""
    const key = authorization.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : ""
    if (!keys.has(key)) return failureResponse(authenticationInvalid(), traceId())

    let outcome: Outcome
    if (path.startsWith("/v1/")) {
      const segments = path.slice("/v1/".length).split("/")
      let handled: Outcome | undefined
      for (const route of routes) {
        const params = match(route, method, segments)
        if (params !== undefined) {
          handled = yield* route.handle({ params, search, request })
          break
        }
      }
      outcome = handled ?? Either.left(routeNotFound(method, path))
    } else if (options.admin === true && path.startsWith(`${ADMIN_PREFIX}/`)) {
      outcome = yield* admin(instance.control, method, path.slice(ADMIN_PREFIX.length), request)
    } else {
      outcome = Either.left(routeNotFound(method, path))
    }
    return Either.isRight(outcome) ? outcome.right : failureResponse(outcome.left, traceId())
  })
}

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
): Layer.Layer<HttpClient.HttpClient | ClerkEmulator | UsersTestControl, SeedError> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const instance = yield* UsersInMemory.make(options)
      const runtime = yield* Effect.runtime<never>()
      const run = Runtime.runPromise(runtime)
      const app = makeApp(instance, options)
      const fetch: typeof globalThis.fetch = async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init)
        const response = await run(
          Effect.scoped(Effect.map(
            Effect.provideService(app, HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(request)),
            (response) => HttpServerResponse.toWeb(response)
          ))
        )
        if (response.headers.has(DISCONNECT_HEADER)) throw new TypeError("fetch failed: the connection was dropped")
        return response
      }
      const client = HttpClient.transform(
        yield* HttpClient.HttpClient,
        (effect) => Effect.provideService(effect, FetchHttpClient.Fetch, fetch)
      )
      return Context.make(HttpClient.HttpClient, client).pipe(
        Context.add(UsersTestControl, instance.control),
        Context.add(ClerkEmulator, {
          apiUrl: IN_PROCESS_URL,
          secretKey: [...(options.secretKeys ?? [DEFAULT_SECRET_KEY])][0]!,
          control: instance.control
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
): Layer.Layer<Users | ClerkEmulator | UsersTestControl, SeedError> =>
  Layer.unwrapEffect(Effect.map(ClerkEmulator, (emulator) =>
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: Redacted.make(emulator.secretKey),
          apiUrl: emulator.apiUrl,
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
): Effect.Effect<ClerkEmulator["Type"], SeedError | HttpServerError.ServeError, Scope.Scope> =>
  Effect.gen(function*() {
    const { serveNode } = yield* Effect.promise(() => import("./internal/nodeServer.js"))
    const instance = yield* UsersInMemory.make(options)
    const { host, port } = yield* serveNode(makeApp(instance, options), {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    return {
      apiUrl: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`,
      secretKey: [...(options.secretKeys ?? [DEFAULT_SECRET_KEY])][0]!,
      control: instance.control
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
): Layer.Layer<ClerkEmulator | UsersTestControl, SeedError | HttpServerError.ServeError> =>
  Layer.scopedContext(
    Effect.map(serve(options), (emulator) =>
      Context.make(ClerkEmulator, emulator).pipe(Context.add(UsersTestControl, emulator.control)))
  )
