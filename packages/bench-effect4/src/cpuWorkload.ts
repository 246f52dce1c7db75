/**
 * The Effect 4 line's CPU-only workloads, measured by the Effect 3 bench's harness (`packages/bench/src/cpuChild.ts`
 * loads this module as `BENCH_WORKLOAD`, on Node 22): a fake `HttpClient` (`effect/http`'s `HttpClient.make`) in
 * the same process answers every request from bytes prepared in advance (with `content-length`), so that a call
 * costs only CPU: the platform's client, this library, the parsing and the decoding.
 *
 * The floors are the platform client doing the same transfer by hand: `client.execute` of a request with the same
 * headers, `arrayBuffer`, UTF-8 decoding, `JSON.parse` and the decoder of the same schema the client uses (for the
 * error, Clerk's error body decoded and failed with). The bytes are the Effect 3 bench's (`fixtures.ts`), written
 * to the folder `BENCH_EFFECT4_FIXTURES` names by `packages/bench/src/effect4.ts`: both lines decode the same bytes.
 */
import * as ClerkConfig from "@effect-clerk/core-effect4/ClerkConfig"
import * as RetryPolicy from "@effect-clerk/core-effect4/RetryPolicy"
import * as User from "@effect-clerk/core-effect4/User"
import * as Users from "@effect-clerk/core-effect4/Users"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { join } from "node:path"

const KEY = "sk_test_cpu_benchmark"
const API = "http://clerk.invalid/v1"
const USER_ID = "user_20000000000000000000000001"
const MISSING_ID = "user_missing"

const fixtures = process.env["BENCH_EFFECT4_FIXTURES"] ?? "."
const utf8 = new TextDecoder("utf-8")

interface Canned {
  readonly status: number
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly headers: Record<string, string>
}

const canned = (status: number, file: string): Canned => {
  const bytes = new Uint8Array(readFileSync(join(fixtures, file)))
  return { status, bytes, headers: { "content-type": "application/json", "content-length": String(bytes.length) } }
}

// read on first use: a process measures one group, and most do not need the 3.4 MB page
let cannedUser: Canned | undefined
let cannedPage: Canned | undefined
let cannedError: Canned | undefined
const answer = (url: URL): Canned =>
  url.pathname === "/v1/users"
    ? (cannedPage ??= canned(200, "page.json"))
    : url.pathname === `/v1/users/${MISSING_ID}`
    ? (cannedError ??= canned(404, "error.json"))
    : (cannedUser ??= canned(200, "user.json"))

/** The fake transport: a web `Response` over the canned bytes, through the platform's `HttpClient.make`. */
const fakeClient: HttpClient.HttpClient = HttpClient.make((request, url) =>
  Effect.sync(() => {
    const { bytes, headers, status } = answer(url)
    return HttpClientResponse.fromWeb(request, new Response(bytes, { status, headers }))
  })
)

const headers = {
  Authorization: `Bearer ${KEY}`,
  "Clerk-API-Version": ClerkConfig.DEFAULT_API_VERSION,
  Accept: "application/json"
}

const text = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.map(response.arrayBuffer, (buffer) => utf8.decode(new Uint8Array(buffer)))

const decodeUser = Schema.decodeUnknownEffect(User.User)
const decodePage = Schema.decodeUnknownEffect(Schema.Array(User.User))
// Clerk's error body as a hand-written client decodes it (wire names, no renaming)
const ErrorBody = Schema.Struct({
  errors: Schema.Array(Schema.Struct({
    code: Schema.String,
    message: Schema.String,
    long_message: Schema.optionalKey(Schema.String),
    meta: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown))
  })),
  clerk_trace_id: Schema.optionalKey(Schema.String)
})
const decodeErrorBody = Schema.decodeUnknownEffect(ErrorBody)

/** The floor of a 2xx: execute, read, parse, decode. */
const floor = <A, E>(request: () => HttpClientRequest.HttpClientRequest, decode: (u: unknown) => Effect.Effect<A, E>) =>
  Effect.suspend(() =>
    Effect.flatMap(
      fakeClient.execute(request()),
      (response) => Effect.flatMap(text(response), (t) => decode(JSON.parse(t)))
    )
  )

/** The floor of an error response: execute, read, parse, decode Clerk's error body, fail with it. */
const errorFloor = Effect.suspend(() =>
  Effect.flatMap(
    fakeClient.execute(HttpClientRequest.get(`${API}/users/${MISSING_ID}`, { headers })),
    (response) =>
      Effect.flatMap(text(response), (t) => Effect.flatMap(decodeErrorBody(JSON.parse(t)), (body) => Effect.fail(body)))
  )
)

const loop = <A, E>(effect: Effect.Effect<A, E>, n: number): Effect.Effect<void> =>
  n <= 0 ? Effect.void : Effect.flatMap(Effect.exit(effect), () => loop(effect, n - 1))

const usersLayer = Users.layer.pipe(
  // as the Effect 3 line's rows: no retries, no pacing (the floor neither retries nor paces)
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

/** A measured variant (the shape `packages/bench/src/cpuChild.ts` runs). */
export interface Variant {
  readonly group: string
  readonly name: string
  readonly start: () => Promise<{ readonly calls: (n: number) => Promise<void>; readonly dispose: () => Promise<void> }>
}

/** A variant over `Users.layer` (the built package, as an application gets it). */
const withUsers = (
  group: string,
  name: string,
  call: (users: Users.Users["Service"]) => Effect.Effect<unknown, unknown>
): Variant => ({
  group,
  name,
  start: async () => {
    const runtime = ManagedRuntime.make(usersLayer)
    const users = await runtime.runPromise(Effect.service(Users.Users))
    const effect = call(users)
    return {
      calls: (n) => runtime.runPromise(Effect.suspend(() => loop(effect, n))),
      dispose: () => runtime.dispose()
    }
  }
})

/** A variant that is a plain effect (the floors). */
const plain = (group: string, name: string, effect: Effect.Effect<unknown, unknown>): Variant => ({
  group,
  name,
  start: () => Promise.resolve({ calls: (n) => Effect.runPromise(loop(effect, n)), dispose: () => Promise.resolve() })
})

const userRequest = () => HttpClientRequest.get(`${API}/users/${USER_ID}`, { headers })

/** Every variant, by group (the groups of the Effect 3 line's rows they are compared with). */
export const variants: ReadonlyArray<Variant> = [
  withUsers("get", "users.get", (users) => users.get(USER_ID)),
  plain("get", "floor", floor(userRequest, decodeUser)),
  withUsers("list", "users.list({ limit: 500 })", (users) => users.list({ limit: 500 })),
  plain(
    "list",
    "floor",
    floor(() => HttpClientRequest.get(`${API}/users`, { headers, urlParams: [["limit", "500"]] }), decodePage)
  ),
  withUsers("error", "users.get (404)", (users) => users.get(MISSING_ID)),
  plain("error", "floor", errorFloor)
]

/** Calls per batch: as the Effect 3 line's. */
export const batchOf = (group: string): number => (group === "list" ? 8 : 400)
