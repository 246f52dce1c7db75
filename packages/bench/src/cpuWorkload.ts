/**
 * The CPU-only workloads: a fake `HttpClient` in the same process answers every request from bytes prepared in
 * advance (with `content-length`), so that a call costs only CPU: the platform's client, this library, the
 * parsing and decoding. Each variant runs `n` calls in one Effect loop (or one async loop for the references).
 *
 * The floors are the platform client doing the same transfer by hand: `client.execute` of a request with the
 * same headers, `arrayBuffer`, UTF-8 decoding, `JSON.parse` and the compiled decoder of the same schema.
 */
import type { Users as UsersNs } from "@effect-clerk/core"
import { ClerkConfig, RetryPolicy, Users, UsersCodec } from "@effect-clerk/core"
import { ClerkApiError } from "@effect-clerk/core/ClerkError"
import * as Pipeline from "@effect-clerk/core/internal/pipeline"
import { User } from "@effect-clerk/core/User"
import { Headers, HttpBody, HttpClient, HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { Context, DefaultServices, Effect, Either, Layer, ManagedRuntime, Schema, Tracer } from "effect"
import { pageJson, userJson } from "./fixtures.js"

// The pipeline's steps come from the build that `@effect-clerk/core` loads (the package's
// `effect-clerk-internal` condition), never from a second copy of the library: a second copy would still run
// (tags match by key), measuring code that is not the one `Users.layer` runs.
if (Pipeline.ClerkConfig !== ClerkConfig) {
  throw new Error("the bench loaded two copies of @effect-clerk/core (its pipeline from another build)")
}

const KEY = "sk_test_cpu_benchmark"
const ORIGIN = "http://clerk.invalid"
const API = `${ORIGIN}/v1`
const USER_ID = "user_20000000000000000000000001"
const MISSING_ID = "user_missing"

const encoder = new TextEncoder()
const utf8 = new TextDecoder("utf-8")

interface Canned {
  readonly status: number
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly headers: Record<string, string>
}

const canned = (status: number, text: string): Canned => {
  const bytes = encoder.encode(text)
  return {
    status,
    bytes,
    headers: { "content-type": "application/json", "content-length": String(bytes.length) }
  }
}

/** Clerk's error body for a 404, as the API sends it. */
export const errorBody = JSON.stringify({
  errors: [{
    code: "resource_not_found",
    message: "not found",
    long_message: `No user was found with id ${MISSING_ID}`,
    meta: {}
  }],
  clerk_trace_id: "7c1d2f0e9a8b4c3d2e1f0a9b8c7d6e5f"
})

// built on first use: a process measures one variant, and most do not need the 3.4 MB page
let cannedPage: Canned | undefined
const responses = {
  user: canned(200, userJson(1)),
  get page(): Canned {
    return cannedPage ??= canned(200, pageJson(0, 500))
  },
  created: canned(200, userJson(2)),
  notFound: canned(404, errorBody)
}

/** The answer to a request, by method and path: what a server would send, without a server. */
const answer = (method: string, url: URL): Canned => {
  const path = url.pathname
  if (method === "GET" && path === "/v1/users") return responses.page
  if (method === "POST" && path === "/v1/users") return responses.created
  if (path === `/v1/users/${MISSING_ID}`) return responses.notFound
  return responses.user
}

/** The fake transport: a web `Response` over the canned bytes, through the platform's `HttpClient.make`. */
export const fakeClient: HttpClient.HttpClient = HttpClient.make((request, url) =>
  Effect.sync(() => {
    const { bytes, headers, status } = answer(request.method, url)
    return HttpClientResponse.fromWeb(request, new Response(bytes, { status, headers }))
  })
)

/** The same answers without the platform's client: what a `fetch`-level caller gets. */
const webResponse = (canned: Canned) => new Response(canned.bytes, { status: canned.status, headers: canned.headers })

const headers = Headers.fromInput({
  Authorization: `Bearer ${KEY}`,
  "Clerk-API-Version": "2025-11-10",
  "User-Agent": "effect-clerk-bench",
  Accept: "application/json"
})

const createParams = {
  externalId: "ext_bench",
  firstName: "Ada",
  lastName: "Lovelace",
  emailAddress: ["ada@example.com"],
  username: "ada",
  password: "correct horse battery staple",
  publicMetadata: { plan: "pro", seats: 12 },
  privateMetadata: { crm: { id: "crm_1", tier: 2 } }
}
/** The same body, as the wire has it (what a hand-written client sends). */
const createWire = JSON.stringify({
  external_id: "ext_bench",
  first_name: "Ada",
  last_name: "Lovelace",
  email_address: ["ada@example.com"],
  username: "ada",
  password: "correct horse battery staple",
  public_metadata: { plan: "pro", seats: 12 },
  private_metadata: { crm: { id: "crm_1", tier: 2 } }
})
/** A 64 KB "image". */
const image = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 0xff)

const decodeUser = UsersCodec.decoderFor(User)
const decodePage = UsersCodec.decoderFor(Schema.Array(User))
const ErrorBody = Schema.Struct({
  errors: Schema.Array(ClerkApiError),
  clerk_trace_id: Schema.optional(Schema.String)
})
const decodeErrorBody = UsersCodec.decoderFor(ErrorBody)

const text = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.map(response.arrayBuffer, (buffer) => utf8.decode(new Uint8Array(buffer)))

/** The floor of a 2xx: execute, read, parse, decode. */
const floor = <A>(
  request: () => HttpClientRequest.HttpClientRequest,
  decode: (u: unknown) => A
) =>
  Effect.suspend(() =>
    Effect.flatMap(
      fakeClient.execute(request()),
      (response) => Effect.map(text(response), (t) => decode(JSON.parse(t)))
    )
  )

/**
 * The name of the floor without the platform's `http.client` span: what `Users.layer` sends under Effect's
 * default tracer, so the like-for-like measure of the library's own cost when no tracer is installed.
 */
export const NO_SPAN_FLOOR = "floor without the http.client span"

/** An effect with the platform's `http.client` span switched off for its requests. */
const withoutClientSpan = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.locally(effect, HttpClient.currentTracerDisabledWhen, () => true)

/** The floor of an error response: execute, read, parse, decode Clerk's error body, fail with it. */
const errorFloor = Effect.suspend(() =>
  Effect.flatMap(
    fakeClient.execute(HttpClientRequest.get(`${API}/users/${MISSING_ID}`, { headers })),
    (response) => Effect.flatMap(text(response), (t) => Effect.fail(decodeErrorBody(JSON.parse(t))))
  )
)

const loop = <A, E>(effect: Effect.Effect<A, E>, n: number): Effect.Effect<void> =>
  n <= 0 ? Effect.void : Effect.flatMap(Effect.exit(effect), () => loop(effect, n - 1))

const usersLayer = Users.layer.pipe(
  Layer.provide(
    ClerkConfig.layer({
      secretKey: KEY,
      apiUrl: API,
      retry: RetryPolicy.none,
      perUserWriteLimit: false,
      instanceBudget: false
    })
  ),
  Layer.provide(Layer.succeed(HttpClient.HttpClient, fakeClient))
)

// a tracer that is not Effect's default one (spans as the default tracer makes them): what an application with
// tracing installed runs with, so that the operation's span is opened
const defaultTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)
const installedTracer = Tracer.make({ span: (...args) => defaultTracer.span(...args), context: (f) => f() })
const tracedUsersLayer = Layer.merge(usersLayer, Layer.setTracer(installedTracer))

class MethodsTag
  extends Context.Tag("bench/AblatedMethods")<MethodsTag, { readonly methods: Record<string, Pipeline.Method> }>()
{}

/** The methods of the pipeline composed of the library's steps, some of them replaced (for the ablation table). */
const ablated = (replaced: Partial<Pipeline.Steps>) =>
  ManagedRuntime.make(
    // with a tracer installed, so that the span is there to be removed
    Layer.scoped(
      MethodsTag,
      Effect.map(Pipeline.makeMethods({ ...Pipeline.standard, ...replaced }), (methods) => ({ methods }))
    ).pipe(
      Layer.merge(Layer.setTracer(installedTracer)),
      Layer.provide(
        ClerkConfig.layer({
          secretKey: KEY,
          apiUrl: API,
          retry: RetryPolicy.none,
          perUserWriteLimit: false,
          instanceBudget: false
        })
      ),
      Layer.provide(Layer.succeed(HttpClient.HttpClient, fakeClient))
    )
  )

/** The request of an operation's first call, sent again for every later call. */
const firstRequestOnly: Pipeline.Steps["buildRequest"] = (apiUrl, headers) => (operation) => {
  const build = Pipeline.standard.buildRequest(apiUrl, headers)(operation)
  let built: HttpClientRequest.HttpClientRequest | undefined
  return (input) => (built ??= build(input))
}

/** `arrayBuffer` and UTF-8 decoding, without the size bound. */
const bareRead: Pipeline.Steps["readBody"] = (_operation, response) =>
  Effect.map(Effect.orDie(response.arrayBuffer), (buffer) => utf8.decode(new Uint8Array(buffer)))

/** `JSON.parse` only: the value is not checked by the schema. */
const parseOnly: Pipeline.Steps["decoder"] = () => (_status, text) => Either.right(JSON.parse(text))

/** What each ablation replaces of the library's steps. */
const removed = {
  inputChecks: {
    encoder: (operation, apiVersion) => Pipeline.compileRequestEncoder(operation, apiVersion, { unchecked: true })
  },
  requestBuilding: { buildRequest: firstRequestOnly },
  span: { traced: () => false },
  timeout: { attempts: (noFollow) => Effect.succeed(Pipeline.inCaller(noFollow)) },
  retry: { retryPolicy: () => RetryPolicy.none },
  bodyRead: { readBody: bareRead },
  decode: { decoder: parseOnly },
  redaction: { redactor: () => Pipeline.redactNothing }
} satisfies Record<string, Partial<Pipeline.Steps>>

/**
 * The steps the ablation table removes, one at a time, from `users.get` (the same pipeline as `Users.layer`,
 * composed of the library's steps by `makeMethods`, one of them replaced).
 */
export const ablations: ReadonlyArray<readonly [string, string, Partial<Pipeline.Steps>]> = [
  ["full", "the whole pipeline (the library's steps)", {}],
  ["inputChecks", "input checks (path parameter, version rules)", removed.inputChecks],
  ["requestBuilding", "request building (URL, headers, request object)", removed.requestBuilding],
  ["span", "the `Users.get` span", removed.span],
  ["timeout", "the per-attempt timeout (the attempt's own fiber, the watchdog)", removed.timeout],
  ["retry", "the retry policy lookup (the layer's policy is `none`)", removed.retry],
  ["bodyRead", "the bounded body read (`readBody`)", removed.bodyRead],
  ["decode", "the schema decode (`JSON.parse` only)", removed.decode],
  ["redaction", "redaction of errors", removed.redaction],
  ["all", "all of the above", Object.assign({}, ...Object.values(removed))]
]

export interface Variant {
  /** The group it is compared within (a shape). */
  readonly group: string
  readonly name: string
  /** Builds what it needs (a layer, a runtime), then runs `n` calls at a time. */
  readonly start: () => Promise<{ readonly calls: (n: number) => Promise<void>; readonly dispose: () => Promise<void> }>
}

const loopIn = <R, ER>(
  runtime: ManagedRuntime.ManagedRuntime<R, ER> | undefined,
  effect: Effect.Effect<unknown, unknown>
) =>
(n: number): Promise<void> =>
  runtime === undefined
    ? Effect.runPromise(loop(effect, n))
    : runtime.runPromise(Effect.suspend(() => loop(effect, n)))

/** A variant over `Users.layer` (the published build, as an application gets it). */
const withUsers = (
  group: string,
  name: string,
  call: (users: UsersNs.Service) => Effect.Effect<unknown, unknown>,
  layer: Layer.Layer<UsersNs, unknown> = usersLayer
): Variant => ({
  group,
  name,
  start: async () => {
    const runtime = ManagedRuntime.make(layer)
    const users: UsersNs.Service = await runtime.runPromise(Users)
    return { calls: loopIn(runtime, call(users)), dispose: () => runtime.dispose() }
  }
})

/** A variant that is a plain effect (the floors, the platform's pieces). */
const plain = (group: string, name: string, effect: () => Effect.Effect<unknown, unknown>): Variant => ({
  group,
  name,
  start: () => Promise.resolve({ calls: loopIn(undefined, effect()), dispose: () => Promise.resolve() })
})

const userRequest = () => HttpClientRequest.get(`${API}/users/${USER_ID}`, { headers })

/** Every variant, by group; each is built only when measured. */
export const variants: ReadonlyArray<Variant> = [
  {
    group: "get",
    name: "new Response(body).json()",
    start: () =>
      Promise.resolve({
        calls: async (n) => {
          for (let i = 0; i < n; i++) await webResponse(responses.user).json()
        },
        dispose: () => Promise.resolve()
      })
  },
  plain("get", "HttpClientResponse.fromWeb + arrayBuffer (no client)", () =>
    Effect.suspend(() => {
      const request = userRequest()
      return HttpClientResponse.fromWeb(request, webResponse(responses.user)).arrayBuffer
    })),
  plain("get", "client.execute + arrayBuffer, tracer off", () =>
    Effect.withTracerEnabled(
      Effect.suspend(() => Effect.flatMap(fakeClient.execute(userRequest()), (r) => r.arrayBuffer)),
      false
    )),
  plain(
    "get",
    "client.execute + arrayBuffer",
    () => Effect.suspend(() => Effect.flatMap(fakeClient.execute(userRequest()), (r) => r.arrayBuffer))
  ),
  plain("get", "floor", () => floor(userRequest, decodeUser)),
  plain("get", NO_SPAN_FLOOR, () => withoutClientSpan(floor(userRequest, decodeUser))),
  withUsers("get", "users.get", (users) => users.get(USER_ID)),
  withUsers("get", "users.get, a tracer installed", (users) => users.get(USER_ID), tracedUsersLayer),
  plain(
    "list",
    "floor",
    () => floor(() => HttpClientRequest.get(`${API}/users`, { headers, urlParams: { limit: "500" } }), decodePage)
  ),
  withUsers("list", "users.list({ limit: 500 })", (users) => users.list({ limit: 500 })),
  withUsers(
    "list",
    "users.list({ limit: 500 }), a tracer installed",
    (users) => users.list({ limit: 500 }),
    tracedUsersLayer
  ),
  plain("create", "floor", () =>
    floor(
      () =>
        HttpClientRequest.bodyText(HttpClientRequest.post(`${API}/users`, { headers }), createWire, "application/json"),
      decodeUser
    )),
  withUsers("create", "users.create(params)", (users) => users.create(createParams)),
  plain("upload", "floor", () =>
    floor(() => {
      const form = new FormData()
      form.append("file", new Blob([image], { type: "image/png" }), "avatar.png")
      return HttpClientRequest.setBody(
        HttpClientRequest.post(`${API}/users/${USER_ID}/profile_image`, { headers }),
        HttpBody.formData(form)
      )
    }, decodeUser)),
  withUsers(
    "upload",
    "users.setProfileImage(id, file)",
    (users) => users.setProfileImage(USER_ID, { data: image, fileName: "avatar.png", contentType: "image/png" })
  ),
  plain("error", "floor", () => errorFloor),
  plain("error", NO_SPAN_FLOOR, () => withoutClientSpan(errorFloor)),
  withUsers("error", "users.get (404)", (users) => users.get(MISSING_ID)),
  withUsers("error", "users.get (404), a tracer installed", (users) => users.get(MISSING_ID), tracedUsersLayer),
  plain("ablation", "floor", () => floor(userRequest, decodeUser)),
  ...ablations.map(([key, , replaced]): Variant => ({
    group: "ablation",
    name: key,
    start: async () => {
      const runtime = ablated(replaced)
      const { methods } = await runtime.runPromise(MethodsTag)
      return {
        calls: loopIn(runtime, methods["get"]!(USER_ID)),
        dispose: () => runtime.dispose()
      }
    }
  }))
]

/** How many calls make one timed batch of a group (about 100 ms of work; a quarter of it under callgrind). */
export const batchOf = (group: string): number => (group === "list" ? 8 : 400)

export const userBytes = () => responses.user.bytes.length
export const pageBytes = () => responses.page.bytes.length
