/**
 * The emulator probed from outside, as an attacker or a careless operator would, over a real loopback socket
 * with raw `node:http` requests (no client-side normalization): admin fault rules are validated; paths with dot
 * segments route the same over a socket and in process; deep nesting anywhere in a body is a Clerk 4xx; bodies
 * are bounded (413 before reading past the bound) and multipart is read in linear time; a slow imported
 * password hash does not freeze the other clients.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Http from "node:http"
import { ClerkEmulator } from "../src/index.js"

const KEY = "sk_test_hardening"

/** What the tests read of a JSON answer (Clerk's error body, or a payload's fields). */
interface Body {
  readonly errors: ReadonlyArray<{ readonly code: string; readonly long_message?: string }>
  readonly [key: string]: unknown
}

interface Answer {
  readonly status: number
  readonly headers: Http.IncomingHttpHeaders
  readonly text: string
  /** The parsed body (an empty object when it is not JSON). */
  readonly json: Body
}

/**
 * One raw request: the path is sent exactly as given (no URL parser in between), the body as given (a string,
 * a buffer, or a function writing it in chunks). An error after the answer arrived (the server closing while
 * the body is still being sent) is ignored: the answer is what counts.
 */
const raw = (
  apiUrl: string,
  method: string,
  path: string,
  options: {
    readonly body?: string | Buffer | ((request: Http.ClientRequest) => void)
    readonly headers?: Record<string, string>
    readonly key?: string | null
  } = {}
) =>
  Effect.async<Answer, Error>((resume) => {
    const url = new URL(apiUrl)
    const headers: Record<string, string> = { ...options.headers }
    if (options.key !== null) headers["authorization"] = `Bearer ${options.key ?? KEY}`
    let answered = false
    const request = Http.request({
      host: url.hostname,
      port: url.port,
      method,
      path,
      headers,
      agent: false
    }, (response) => {
      answered = true
      const chunks: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("error", () => {})
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8")
        let json: Body
        try {
          json = JSON.parse(text)
        } catch {
          json = { errors: [] }
        }
        resume(Effect.succeed({ status: response.statusCode ?? 0, headers: response.headers, text, json }))
      })
    })
    request.on("error", (error) => {
      if (!answered) resume(Effect.fail(error))
    })
    const body = options.body
    if (typeof body === "function") body(request)
    else request.end(body)
  })

const json = (value: unknown) => ({
  body: typeof value === "string" ? value : JSON.stringify(value),
  headers: { "content-type": "application/json" }
})

const server = (options: ClerkEmulator.Options = {}) =>
  Layer.unwrapEffect(Effect.succeed(ClerkEmulator.layerServer({ secretKeys: [KEY], admin: true, ...options })))

const adminOf = (apiUrl: string) => apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)

describe("admin fault rules are validated", () => {
  it.live("a rule outside what Clerk could answer is a 400 naming the field, and injects nothing", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const admin = adminOf(apiUrl)
      const refused: ReadonlyArray<readonly [unknown, string]> = [
        [{ status: 99 }, "status"],
        [{ status: 200 }, "status"],
        [{ status: 302 }, "status"],
        [{ status: 600 }, "status"],
        [{ status: 503.5 }, "status"],
        [{ status: 429, retryAfterSeconds: 1e300 }, "retryAfterSeconds"],
        [{ status: 503, retryAfterSeconds: -1 }, "retryAfterSeconds"],
        [{ latencyMs: 1e12 }, "latencyMs"],
        [{ latencyMs: -5 }, "latencyMs"],
        [{ status: 500, times: 0 }, "times"],
        [{ status: 500, times: 1.5 }, "times"],
        [{ status: 500, probability: 2 }, "probability"],
        [{ status: 500, operations: ["nonsense"] }, "operations"],
        [{ status: 500, extra: true }, "extra"]
      ]
      for (const [rule, field] of refused) {
        const answer = yield* raw(admin, "POST", `${new URL(admin).pathname}/faults`, json(rule))
        expect(answer.status, `${JSON.stringify(rule)}: ${answer.text}`).toBe(400)
        expect(answer.json.errors[0]?.code).toBe("request_body_invalid")
        expect(answer.json.errors[0]?.long_message, JSON.stringify(rule)).toContain(field)
      }
      // none of them was injected: the API answers normally
      const count = yield* raw(apiUrl, "GET", "/v1/users/count")
      expect(count.status).toBe(200)
      // a valid rule still works
      const ok = yield* raw(admin, "POST", "/__emulator/faults", json({ operations: ["count"], status: 503 }))
      expect(ok.status).toBe(200)
      expect((yield* raw(apiUrl, "GET", "/v1/users/count")).status).toBe(503)
    }).pipe(Effect.provide(server())))
})

describe("dot segments route the same over a socket and in process", () => {
  const paths: ReadonlyArray<readonly [path: string, resolved: string]> = [
    ["/v1/users/../users/count", "/v1/users/count"],
    ["/v1/users/./count", "/v1/users/count"],
    ["/v1/users/%2e%2e/users/count", "/v1/users/count"],
    ["/v1/users/%2E/count", "/v1/users/count"],
    ["/v1/../../v1/users/count", "/v1/users/count"],
    ["/v1/users/count/..", "/v1/users/"],
    ["/v1/users\\count", "/v1/users/count"],
    ["/v1/users/count?limit=1", "/v1/users/count"]
  ]

  it.live("a path with . or .. segments is resolved as a URL parser does, before routing, on both transports", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const inProcess = yield* Effect.flatMap(
        HttpClient.HttpClient,
        (client) =>
          Effect.forEach(paths, ([path]) =>
            Effect.scoped(Effect.flatMap(
              client.get(`http://clerk-emulator.invalid${path}`, { headers: { authorization: `Bearer ${KEY}` } }),
              (response) => Effect.map(response.text, (text) => ({ status: response.status, text }))
            )))
      ).pipe(
        Effect.provide(ClerkEmulator.layerHttpClient({ secretKeys: [KEY] })),
        Effect.orDie
      )
      for (const [i, [path, resolved]] of paths.entries()) {
        const socket = yield* raw(apiUrl, "GET", path)
        const direct = yield* raw(apiUrl, "GET", resolved)
        expect([socket.status, inProcess[i]!.status], path).toEqual([direct.status, direct.status])
        if (direct.status === 200) expect(socket.json["total_count"], path).toBe(0)
      }
      // the routes that count answer: a resolved path is not a 404
      expect((yield* raw(apiUrl, "GET", "/v1/users/../users/count")).status).toBe(200)
    }).pipe(Effect.provide(server())))
})
