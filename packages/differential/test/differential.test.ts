/**
 * The differential test of the two lines: every operation case of core's `operationCases.ts` (each operation at
 * least once) through the Effect 3 client (`@effect-clerk/core`, `effect` 3) and the Effect 4 client
 * (`@effect-clerk/core-effect4`, `effect4` = effect 4.1) to one recording server. Same method, path, query,
 * headers and body bytes; same decoded values from the same response bytes (the case's full and minimal
 * payloads); the same errors (tag, status, Clerk's errors, `Retry-After`, trace id, operation, message) from the
 * same error responses (every documented status, 429 and an undocumented one); the same refusals of invalid
 * arguments, with nothing sent.
 *
 * The Effect 4 call is the Effect 3 case's call replayed: the case calls a recorder standing for the service,
 * which keeps the method's name and arguments, and the same method is called with them on the Effect 4 service.
 */
import { ClerkConfig as ClerkConfig3, RetryPolicy as RetryPolicy3, Users as Users3 } from "@effect-clerk/core"
import { ClerkConfig as ClerkConfig4, RetryPolicy as RetryPolicy4, Users as Users4 } from "@effect-clerk/core-effect4"
import * as Fixtures from "@effect-clerk/kernel/Fixtures"
import * as Operations from "@effect-clerk/kernel/Operations"
import * as FetchHttpClient3 from "@effect/platform/FetchHttpClient"
import * as Effect3 from "effect/Effect"
import * as Layer3 from "effect/Layer"
import * as Effect4 from "effect4/Effect"
import * as FetchHttpClient4 from "effect4/http/FetchHttpClient"
import * as Layer4 from "effect4/Layer"
import * as Predicate4 from "effect4/Predicate"
import { createServer, type IncomingHttpHeaders } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Case, cases } from "../../core/test/operationCases.js"

interface Recorded {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

interface Reply {
  readonly status: number
  readonly body: string
  readonly headers?: Record<string, string>
}

/** One loopback server: records each request and answers the reply set for the test. */
const recorded: Array<Recorded> = []
let reply: Reply = { status: 200, body: "{}" }
const server = createServer((request, response) => {
  const chunks: Array<Buffer> = []
  request.on("data", (chunk: Buffer) => chunks.push(chunk))
  request.on("end", () => {
    recorded.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8")
    })
    response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
    response.end(reply.body)
  })
})
let apiUrl = ""

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  apiUrl = typeof address === "object" && address !== null ? `http://127.0.0.1:${address.port}/v1` : ""
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const secretKey = "sk_test_differential"

type Outcome = { readonly value: unknown } | { readonly tag: string; readonly fields?: unknown }

/**
 * An error's own fields, as both lines' tagged errors hold them (status, Clerk's `errors`, `retryAfter`, the trace
 * id, the operation, the field an invalid request names, ...): everything but the stack and a wrapped cause, which
 * are each runtime's own.
 */
const fieldsOf = (error: object): unknown =>
  JSON.parse(JSON.stringify({
    ...Object.fromEntries(Object.entries(error).filter(([key]) => key !== "stack" && key !== "cause")),
    message: Reflect.get(error, "message")
  }))

/** The method a case calls and its arguments, read by letting the case call a recorder. */
const callOf = (c: Case): { readonly key: string; readonly args: ReadonlyArray<unknown> } => {
  let key = ""
  let args: ReadonlyArray<unknown> = []
  const recorder = new Proxy({}, {
    get: (_target, property) => (...given: ReadonlyArray<unknown>) => {
      key = String(property)
      args = given
      return Effect3.void
    }
  })
  Effect3.runSync(Effect3.ignore(c.call(recorder as Users3.Service)))
  return { key, args }
}

const run3 = (c: Case): Promise<Outcome> => runCall3((users) => c.call(users))

const runCall3 = (call: (users: Users3.Service) => Effect3.Effect<unknown, unknown>): Promise<Outcome> => {
  const layer = Users3.layer.pipe(
    Layer3.provide(ClerkConfig3.layer({ secretKey, apiUrl, retry: RetryPolicy3.none })),
    Layer3.provide(FetchHttpClient3.layer)
  )
  return Effect3.runPromise(
    Effect3.flatMap(Users3, call).pipe(
      Effect3.map((value): Outcome => ({ value })),
      Effect3.catchAll((error) =>
        Effect3.succeed<Outcome>(
          typeof error === "object" && error !== null && "_tag" in error
            ? { tag: String(error._tag), fields: fieldsOf(error) }
            : { tag: `untagged ${String(error)}` }
        )
      ),
      Effect3.provide(layer)
    )
  )
}

const isEffect4 = (u: unknown): u is Effect4.Effect<unknown, unknown> => Effect4.isEffect(u)
const isEffect3 = (u: unknown): u is Effect3.Effect<unknown, unknown> => Effect3.isEffect(u)

/** A method called by name with arguments its types would refuse (the calls a JavaScript caller can make). */
const invoke3 = (users: Users3.Service, key: string, args: ReadonlyArray<unknown>) => {
  const method: unknown = Reflect.get(users, key)
  if (typeof method !== "function") return Effect3.succeed<Outcome>({ tag: `no method ${key}` })
  const result: unknown = Reflect.apply(method, users, args)
  return isEffect3(result) ? result : Effect3.succeed<Outcome>({ tag: `${key} returned no Effect` })
}

/** The same method with the same arguments on the Effect 4 service. */
const invoke4 = (users: Users4.Users["Service"], key: string, args: ReadonlyArray<unknown>) => {
  const method: unknown = Reflect.get(users, key)
  if (typeof method !== "function") return Effect4.succeed<Outcome>({ tag: `no method ${key}` })
  const result: unknown = Reflect.apply(method, users, args)
  return isEffect4(result) ? result : Effect4.succeed<Outcome>({ tag: `${key} returned no Effect` })
}

const run4 = (c: Case): Promise<Outcome> => {
  const { args, key } = callOf(c)
  return runCall4(key, args)
}

const runCall4 = (key: string, args: ReadonlyArray<unknown>): Promise<Outcome> => {
  const layer = Users4.layer.pipe(
    Layer4.provide(ClerkConfig4.layer({ secretKey, apiUrl, retry: RetryPolicy4.none })),
    Layer4.provide(FetchHttpClient4.layer)
  )
  const program = Effect4.gen(function*() {
    const users = yield* Users4.Users
    return yield* invoke4(users, key, args)
  })
  return Effect4.runPromise(
    program.pipe(
      Effect4.map((value): Outcome => ({ value })),
      Effect4.catch((error) =>
        Effect4.succeed<Outcome>(
          Predicate4.hasProperty(error, "_tag")
            ? { tag: String(error._tag), fields: fieldsOf(error) }
            : { tag: `untagged ${String(error)}` }
        )
      ),
      Effect4.provide(Layer4.fresh(layer))
    )
  )
}

/** Both clients, one after the other, against the same reply: what each sent and what each returned. */
const both = async (c: Case, answer: Reply) => {
  reply = answer
  recorded.length = 0
  const effect3 = await run3(c)
  const requests3 = recorded.length
  const effect4 = await run4(c)
  return { requests: recorded.slice(), requests3, effect3, effect4 }
}

/**
 * A request as compared: everything but the headers each HTTP stack sets for itself (`host`, `connection`,
 * `accept-encoding`, `content-length` is compared through the body) and the `User-Agent`'s version; a multipart
 * body's boundary (random) is replaced by a placeholder.
 */
const comparable = (request: Recorded) => {
  const {
    "accept-encoding": _ae,
    connection: _c,
    host: _h,
    "user-agent": userAgent,
    "content-type": contentType,
    ...headers
  } = request.headers
  const boundary = /boundary=(.+)$/.exec(contentType ?? "")?.[1]
  const body = boundary === undefined ? request.body : request.body.replaceAll(boundary, "BOUNDARY")
  return {
    method: request.method,
    url: request.url,
    headers: {
      ...headers,
      "content-type": boundary === undefined ? contentType : contentType?.replace(boundary, "BOUNDARY"),
      "user-agent": userAgent?.replace(/\/[0-9][^ ]*/g, "/VERSION")
    },
    body
  }
}

const payload = (value: unknown): string => JSON.stringify(value)

describe("the Effect 3 and Effect 4 clients, one recording server: every operation case", () => {
  it("covers every operation of the table", () => {
    const keys = new Set(cases.map((c) => callOf(c).key))
    expect([...keys].sort()).toEqual(Object.keys(Operations.operations).sort())
  })

  it.each(cases)("$name: same request, same decoded value from the full and the minimal payload", async (c) => {
    for (const body of [c.full, c.minimal]) {
      const { effect3, effect4, requests, requests3 } = await both(c, { status: 200, body: payload(body) })
      expect(requests3).toBe(1)
      expect(requests).toHaveLength(2)
      expect(comparable(requests[1]!)).toEqual(comparable(requests[0]!))
      expect(effect4).toEqual(effect3)
      expect("value" in effect4, JSON.stringify(effect4)).toBe(true)
    }
  })

  it.each(cases)("$name: the same error tag from every documented status, 429 and an undocumented one", async (c) => {
    for (const status of [...c.statuses, 429, 418]) {
      const { effect3, effect4 } = await both(c, {
        status,
        body: payload(Fixtures.clerkErrorBody(status)),
        headers: status === 429 ? { "retry-after": "1" } : {}
      })
      expect(effect4, `${c.name} ${status}`).toEqual(effect3)
      expect("tag" in effect4).toBe(true)
    }
  })

  it.each(cases)("$name: the same failure from a body that is not the response", async (c) => {
    const { effect3, effect4 } = await both(c, { status: 200, body: "{\"object\":\"surprise\"" })
    expect(effect4).toEqual(effect3)
    expect(effect4).toMatchObject({ tag: "DecodeError" })
  })
})

/**
 * Calls whose arguments Clerk would refuse: each line refuses them before sending anything, with the same tag,
 * operation and field. The message is the same where this library words it (`own`); where a schema refuses a value
 * of the wrong type or an unknown key, the message is that Effect's Schema's own words.
 */
const invalidCalls: ReadonlyArray<
  { readonly name: string; readonly key: string; readonly args: ReadonlyArray<unknown>; readonly own: boolean }
> = [
  { name: "an empty user id", key: "get", args: [""], own: true },
  { name: "a page over Clerk's limit", key: "list", args: [{ limit: 9999 }], own: true },
  { name: "a negative offset", key: "list", args: [{ offset: -1 }], own: true },
  {
    name: "51 ids in one bulk ban",
    key: "bulkBan",
    args: [Array.from({ length: 51 }, (_, i) => `user_${i}`)],
    own: true
  },
  { name: "a membership page of 0", key: "getOrganizationMemberships", args: ["user_1", { limit: 0 }], own: true },
  { name: "an unknown order", key: "list", args: [{ orderBy: "+nope" }], own: true },
  { name: "an unknown parameter", key: "update", args: ["user_1", { nickname: "ada" }], own: false },
  { name: "a password that is not a string", key: "verifyPassword", args: ["user_1", 42], own: false }
]

const withoutMessage = (outcome: Outcome) =>
  "fields" in outcome && typeof outcome.fields === "object" && outcome.fields !== null
    ? { ...outcome, fields: { ...outcome.fields, message: undefined } }
    : outcome

describe("the Effect 3 and Effect 4 clients refuse the same invalid calls the same way", () => {
  it.each(invalidCalls)("$name: the same error, nothing sent", async ({ args, key, own }) => {
    recorded.length = 0
    const effect3 = await runCall3((users) => invoke3(users, key, args))
    const effect4 = await runCall4(key, args)
    expect(recorded).toHaveLength(0)
    expect(effect3).toMatchObject({ tag: "InvalidRequest" })
    if (own) expect(effect4).toEqual(effect3)
    else expect(withoutMessage(effect4)).toEqual(withoutMessage(effect3))
  })
})

describe("the Effect 3 and Effect 4 clients: the same refusal of a bad argument (the kernel's messages)", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `user_${i}`)
  const refused: ReadonlyArray<readonly [string, string, ReadonlyArray<unknown>, string]> = [
    ["limit 9999", "list", [{ limit: 9999 }], "limit must be an integer from 1 to 500, got 9999"],
    ["offset -1", "list", [{ offset: -1 }], "offset must be an integer of at least 0, got -1"],
    ["101 filter values", "list", [{ userId: ids(101) }], "at most 100 values are accepted, got 101"],
    ["a 51-id bulk body", "bulkBan", [ids(51)], "between 1 and 50 user ids are accepted, got 51"],
    ["an empty id", "get", [""], "userId must not be empty"],
    [
      "an unknown order field",
      "list",
      [{ orderBy: "-shoe_size" }],
      "order_by must be one of created_at, updated_at, email_address, web3wallet, first_name, last_name, " +
      "phone_number, username, last_active_at, last_sign_in_at, optionally prefixed by + or -"
    ]
  ]
  it.each(refused)("%s", async (_name, key, args, message) => {
    recorded.length = 0
    const effect3 = await runCall3((users) => invoke3(users, key, args))
    const effect4 = await runCall4(key, args)
    expect(recorded).toHaveLength(0)
    expect(effect4).toEqual(effect3)
    expect(effect3).toMatchObject({ tag: "InvalidRequest", fields: { message } })
  })
})

describe("the caller's fetch options", () => {
  it("a RequestInit the caller provides (a header) reaches the server from both lines, redirects still not followed", async () => {
    reply = { status: 200, body: payload(Fixtures.userFull) }
    recorded.length = 0
    const layer3 = Users3.layer.pipe(
      Layer3.provide(ClerkConfig3.layer({ secretKey, apiUrl, retry: RetryPolicy3.none })),
      Layer3.provide(FetchHttpClient3.layer)
    )
    await Effect3.runPromise(
      Effect3.flatMap(Users3, (users) => users.get("user_1")).pipe(
        Effect3.provideService(FetchHttpClient3.RequestInit, { headers: { "x-caller": "effect3" } }),
        Effect3.provide(layer3)
      )
    )
    const layer4 = Users4.layer.pipe(
      Layer4.provide(ClerkConfig4.layer({ secretKey, apiUrl, retry: RetryPolicy4.none })),
      Layer4.provide(FetchHttpClient4.layer)
    )
    await Effect4.runPromise(
      Effect4.gen(function*() {
        const users = yield* Users4.Users
        return yield* users.get("user_1").pipe(
          Effect4.provideService(FetchHttpClient4.RequestInit, { headers: { "x-caller": "effect4" } })
        )
      }).pipe(Effect4.provide(Layer4.fresh(layer4)))
    )
    expect(recorded.map((request) => request.headers["x-caller"])).toEqual(["effect3", "effect4"])
  })
})
