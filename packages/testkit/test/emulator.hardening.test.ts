/**
 * The emulator probed from outside, as an attacker or a careless operator would, over a real loopback socket
 * with raw `node:http` requests (no client-side normalization): admin fault rules are validated; paths with dot
 * segments route the same over a socket and in process; deep nesting anywhere in a body is a Clerk 4xx; bodies
 * are bounded (413 before reading past the bound) and multipart is read in linear time; a slow imported
 * password hash does not freeze the other clients.
 */
import { RetryPolicy, Users } from "@effect-clerk/core"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Crypto from "node:crypto"
import * as Http from "node:http"
import * as Net from "node:net"
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
        // a body the server refused part way is not sent on
        request.destroy()
        resume(Effect.succeed({ status: response.statusCode ?? 0, headers: response.headers, text, json }))
      })
    })
    request.on("error", (error) => {
      if (!answered) resume(Effect.fail(error))
    })
    const body = options.body
    if (typeof body === "function") body(request)
    else request.end(body)
    return Effect.sync(() => request.destroy())
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

describe("deep nesting anywhere in a body is a Clerk 4xx", () => {
  it.live("a million nested arrays, a nested email_address, nested seeds: 400 with Clerk's error body", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const bodies: ReadonlyArray<readonly [path: string, body: string]> = [
        ["/v1/users", "[".repeat(1_000_000) + "]".repeat(1_000_000)],
        ["/v1/users", `{"email_address":${"[".repeat(3_000)}"a@example.com"${"]".repeat(3_000)}}`],
        ["/v1/users", `{"first_name":${"{\"a\":".repeat(3_000)}1${"}".repeat(3_000)}}`],
        ["/v1/users/ban", `{"user_ids":${"[".repeat(3_000)}${"]".repeat(3_000)}}`],
        ["/__emulator/users", `{"emailAddress":${"[".repeat(3_000)}${"]".repeat(3_000)}}`]
      ]
      for (const [path, body] of bodies) {
        const answer = yield* raw(apiUrl, "POST", path, json(body))
        expect(answer.status, `${path} ${body.slice(0, 30)}: ${answer.text.slice(0, 200)}`).toBe(400)
        expect(answer.json.errors[0]?.code).toBe("request_body_invalid")
      }
      // nothing was created, the emulator keeps serving
      const count = yield* raw(apiUrl, "GET", "/v1/users/count")
      expect([count.status, count.json["total_count"]]).toEqual([200, 0])
    }).pipe(Effect.provide(server())))

  it.live("metadata nested 60 deep (within the bounds) is stored and read back", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* raw(apiUrl, "POST", "/v1/users", json({ first_name: "deep" }))
      const id = String(created.json["id"])
      const nested = `${"{\"a\":".repeat(60)}1${"}".repeat(60)}`
      const patched = yield* raw(apiUrl, "PATCH", `/v1/users/${id}/metadata`, json(`{"public_metadata":${nested}}`))
      expect(patched.status, patched.text.slice(0, 200)).toBe(200)
      const read = yield* raw(apiUrl, "GET", `/v1/users/${id}`)
      expect(JSON.stringify(read.json["public_metadata"])).toBe(nested)
    }).pipe(Effect.provide(server())))
})

/** Writes `total` bytes of `chunk`s as fast as the socket takes them, until the answer arrives; counts them. */
const streamUntilAnswered =
  (chunk: Buffer, total: number, sent: { bytes: number }) => (request: Http.ClientRequest) => {
    let answered = false
    request.on("response", () => {
      answered = true
    })
    const pump = () => {
      while (!answered && !request.destroyed && sent.bytes < total) {
        sent.bytes += chunk.length
        if (sent.bytes >= total) {
          request.end(chunk)
          return
        }
        if (!request.write(chunk)) {
          request.once("drain", pump)
          return
        }
      }
    }
    pump()
  }

describe("request bodies are bounded", () => {
  const MB = 1024 * 1024

  it.live("a JSON body announced past the bound is a 413 before it is read (the rest is never sent)", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const answer = yield* raw(apiUrl, "POST", "/v1/users", {
        headers: { "content-type": "application/json", "content-length": String(100 * MB) },
        // only the first 64 KB of the announced 100 MB: a server waiting for the rest would never answer
        body: (request) => request.write(`{"first_name":"${"a".repeat(64 * 1024)}`)
      }).pipe(Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error("no answer before the body") }))
      expect(answer.status).toBe(413)
      expect(answer.json.errors[0]?.code).toBe("request_body_too_large")
      expect(answer.headers["connection"]).toBe("close")
      expect((yield* raw(apiUrl, "GET", "/v1/users/count")).json["total_count"]).toBe(0)
    }).pipe(Effect.provide(server())))

  it.live("a chunked JSON body is counted while it streams: 413 soon after the bound, nothing created", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const sent = { bytes: 0 }
      const answer = yield* raw(apiUrl, "POST", "/v1/users", {
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        body: streamUntilAnswered(Buffer.alloc(256 * 1024, 0x20), 100 * MB, sent)
      })
      expect(answer.status, answer.text.slice(0, 200)).toBe(413)
      expect(answer.json.errors[0]?.long_message).toContain(String(MB))
      // the server stopped reading soon after the bound (what sockets buffer in between aside)
      expect(sent.bytes).toBeLessThan(32 * MB)
      expect((yield* raw(apiUrl, "GET", "/v1/users/count")).json["total_count"]).toBe(0)
      // and keeps serving
      expect((yield* raw(apiUrl, "GET", "/healthz", { key: null })).status).toBe(200)
    }).pipe(Effect.provide(server({ jsonBodyLimitBytes: MB }))))

  it.live(
    "a GET carrying a 5 MB body is answered (413, as a JSON body past the bound), under concurrent load",
    () =>
      Effect.gen(function*() {
        const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
        // Node's client frames a GET's body only when told its length (a GET without one is sent unframed)
        const body = Buffer.alloc(5 * MB, 0x61)
        const length = String(body.length)
        const withBody = (path: string) =>
          raw(apiUrl, "GET", path, { headers: { "content-type": "application/json", "content-length": length }, body })
            .pipe(
              Effect.timeoutFail({ duration: "20 seconds", onTimeout: () => new Error(`no answer to GET ${path}`) })
            )
        // GETs with a body, a key-less one and plain GETs in flight together: every one of them is answered
        const answers = yield* Effect.all([
          ...Array.from({ length: 6 }, () => withBody("/v1/users/count")),
          ...Array.from({ length: 2 }, () => withBody("/v1/users")),
          raw(apiUrl, "GET", "/v1/users/count", { body, headers: { "content-length": length }, key: null }),
          raw(apiUrl, "POST", "/v1/nowhere", { body, headers: { "content-length": length } }),
          ...Array.from({ length: 8 }, () => raw(apiUrl, "GET", "/v1/users/count"))
        ], { concurrency: "unbounded" })
        expect(answers.slice(0, 8).map((answer) => [answer.status, answer.json.errors?.[0]?.code])).toEqual(
          Array.from({ length: 8 }, () => [413, "request_body_too_large"])
        )
        // answered without reading the body, on a connection then closed: a 401, Clerk's 404 for an unknown route
        expect(answers.slice(8, 10).map((answer) => [answer.status, answer.headers["connection"]])).toEqual([
          [401, "close"],
          [404, "close"]
        ])
        expect(answers.slice(10).map((answer) => answer.json["total_count"])).toEqual(
          Array.from({ length: 8 }, () => 0)
        )
        // a small body on a GET is read and dropped: the GET is answered as without it
        const small = yield* raw(apiUrl, "GET", "/v1/users/count", { body: "{}", headers: { "content-length": "2" } })
        expect([small.status, small.json["total_count"]]).toEqual([200, 0])
      }).pipe(Effect.provide(server())),
    { timeout: 60_000 }
  )

  it.live("an upload past the profile image bound (10 MB by default) is a 413; one within it is stored", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* raw(apiUrl, "POST", "/v1/users", json({ first_name: "x" }))
      const path = `/v1/users/${String(created.json["id"])}/profile_image`
      const boundary = "----hardening"
      const multipart = (size: number) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
              "Content-Type: image/png\r\n\r\n"
          ),
          Buffer.alloc(size, 7),
          Buffer.from(`\r\n--${boundary}--\r\n`)
        ])
      const headers = { "content-type": `multipart/form-data; boundary=${boundary}` }
      const tooLarge = yield* raw(apiUrl, "POST", path, { headers, body: multipart(11 * MB) })
      expect([tooLarge.status, tooLarge.json.errors[0]?.code]).toEqual([413, "request_body_too_large"])
      const sent = { bytes: 0 }
      const chunked = yield* raw(apiUrl, "POST", path, {
        headers: { ...headers, "transfer-encoding": "chunked" },
        body: streamUntilAnswered(Buffer.alloc(256 * 1024, 7), 200 * MB, sent)
      })
      expect(chunked.status).toBe(413)
      expect(sent.bytes).toBeLessThan(64 * MB)
      const within = yield* raw(apiUrl, "POST", path, { headers, body: multipart(9 * MB) })
      expect([within.status, within.json["has_image"]]).toEqual([200, true])
    }).pipe(Effect.provide(server())))

  it.live("a refused body is answered with a lingering close: a client still sending reads its 413, no reset", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const url = new URL(apiUrl)
      const outcome = yield* Effect.async<{ readonly text: string; readonly error: string | undefined }>((resume) => {
        const socket = Net.connect({ host: url.hostname, port: Number(url.port) })
        // nothing is read until the client stops sending: the 413 waits in the socket, as for a slow client
        socket.pause()
        const chunks: Array<Buffer> = []
        let error: string | undefined
        socket.on("error", (e: NodeJS.ErrnoException) => {
          error = e.code ?? e.message
        })
        socket.on("data", (chunk: Buffer) => chunks.push(chunk))
        socket.on("close", () => resume(Effect.succeed({ text: Buffer.concat(chunks).toString("latin1"), error })))
        socket.write(
          `POST /v1/users HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${KEY}\r\n` +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        const chunk = Buffer.alloc(256 * 1024, 0x20)
        const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
        // past the 2 MB bound of a JSON body: the server answers 413 while the client goes on sending
        for (let i = 0; i < 12; i++) socket.write(frame)
        setTimeout(() => {
          // the server has answered by now; these bytes arrive after its answer
          socket.write(frame)
          socket.write("0\r\n\r\n")
          setTimeout(() => {
            socket.end()
            socket.resume()
          }, 100)
        }, 300)
      })
      expect(outcome.error).toBeUndefined()
      expect(outcome.text).toMatch(/^HTTP\/1\.1 413/)
      expect(outcome.text).toContain("request_body_too_large")
    }).pipe(Effect.provide(server())))

  it.live("an upload is read in linear time: the bytes copied while reading it are a small multiple of its size", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const created = yield* raw(apiUrl, "POST", "/v1/users", json({ first_name: "x" }))
      const form = new FormData()
      const size = 9 * MB
      form.append("file", new Blob([new Uint8Array(size)], { type: "image/png" }), "a.png")
      const request = new Request("http://x/", { method: "POST", body: form })
      const body = Buffer.from(yield* Effect.promise(() => request.arrayBuffer()))
      // every Buffer.concat in this process (the server's body reader among them) while the upload is read
      let copied = 0
      const concat = Buffer.concat
      Buffer.concat = ((list: ReadonlyArray<Uint8Array>, totalLength?: number) => {
        const out = concat(list, totalLength)
        copied += out.length
        return out
      }) as typeof Buffer.concat
      const answer = yield* raw(apiUrl, "POST", `/v1/users/${String(created.json["id"])}/profile_image`, {
        headers: { "content-type": request.headers.get("content-type")! },
        body: (outgoing) => {
          // in 64 KB writes, as a network delivers it
          for (let at = 0; at < body.length; at += 64 * 1024) outgoing.write(body.subarray(at, at + 64 * 1024))
          outgoing.end()
        }
      }).pipe(Effect.ensuring(Effect.sync(() => {
        Buffer.concat = concat
      })))
      expect(answer.status).toBe(200)
      // a body joined once per chunk copies it about chunks/2 times over (quadratic); once is linear
      expect(copied).toBeLessThan(4 * size)
    }).pipe(Effect.provide(server())))

  it.effect("in process too: an upload past the bound fails the client's call with a 413, not a stored image", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const user = yield* users.create({ firstName: "in process" })
      const error = yield* Effect.flip(
        users.setProfileImage(user.id, { data: new Uint8Array(2 * MB), fileName: "a.png", contentType: "image/png" })
      )
      expect([error._tag, "status" in error ? error.status : undefined]).toEqual(["UnexpectedStatus", 413])
      expect((yield* users.get(user.id)).hasImage).toBe(false)
      const small = yield* users.setProfileImage(user.id, { data: new Uint8Array(1024), fileName: "a.png" })
      expect(small.hasImage).toBe(true)
    }).pipe(Effect.provide(ClerkEmulator.layerUsers({ uploadLimitBytes: MB, retry: RetryPolicy.none }))))
})

describe("a slow password hash does not freeze the emulator", () => {
  const pbkdf2 = (password: string, salt: string, iterations: number, bytes: number) =>
    Effect.async<Buffer>((resume) => {
      Crypto.pbkdf2(password, salt, iterations, bytes, "sha512", (error, key) => {
        resume(error === null ? Effect.succeed(key) : Effect.die(error))
      })
    })

  it.live(
    "other clients are answered while a verify_password of a 2M-iteration pbkdf2_sha512 digest runs",
    () =>
      Effect.gen(function*() {
        const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
        const iterations = 2_000_000
        const hash = yield* pbkdf2("correct horse", "NaCl", iterations, 64)
        // Clerk's pbkdf2_sha512 layout: the salt as text, the hash in hex
        const digest = `pbkdf2_sha512$${iterations}$NaCl$${hash.toString("hex")}`
        const seeded = yield* raw(
          apiUrl,
          "POST",
          "/__emulator/users",
          json({ username: "slowhash", passwordDigest: digest, passwordHasher: "pbkdf2_sha512" })
        )
        expect(seeded.status, seeded.text).toBe(200)
        const id = (seeded.json as unknown as ReadonlyArray<string>)[0]!
        const order: Array<string> = []
        const verify = (password: string) =>
          raw(apiUrl, "POST", `/v1/users/${id}/verify_password`, json({ password })).pipe(
            Effect.tap(() => Effect.sync(() => order.push(`verify ${password}`)))
          )
        const slow = yield* Effect.fork(
          Effect.all([verify("correct horse"), verify("wrong horse")], { concurrency: 2 })
        )
        yield* Effect.sleep("100 millis")
        const health = yield* raw(apiUrl, "GET", "/healthz", { key: null })
        order.push("healthz")
        const count = yield* raw(apiUrl, "GET", "/v1/users/count")
        order.push("count")
        const [right, wrong] = yield* Fiber.join(slow)
        expect([health.status, count.status]).toEqual([200, 200])
        // both were answered while the hashes were still running
        expect(order.slice(0, 2)).toEqual(["healthz", "count"])
        expect([right.status, right.json["verified"]]).toEqual([200, true])
        expect([wrong.status, wrong.json.errors[0]?.code]).toEqual([422, "incorrect_password"])
      }).pipe(Effect.provide(server())),
    { timeout: 60_000 }
  )

  it.live("digests past the bounds are refused when imported: iterations, hash length, salt", () =>
    Effect.gen(function*() {
      const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
      const hash64 = Buffer.alloc(64, 1).toString("hex")
      const refused: ReadonlyArray<readonly [hasher: string, digest: string]> = [
        ["pbkdf2_sha512", `pbkdf2_sha512$10000000$salt$${hash64}`],
        ["pbkdf2_sha512", `pbkdf2_sha512$5000001$salt$${hash64}`],
        ["pbkdf2_sha512", `pbkdf2_sha512$1000$salt$${Buffer.alloc(1024, 1).toString("hex")}`],
        ["pbkdf2_sha256", `pbkdf2_sha256$1000$c2FsdA==$${Buffer.alloc(65, 1).toString("base64")}`],
        ["pbkdf2_sha1", `pbkdf2_sha1$1000$${"s".repeat(2_000)}$${Buffer.alloc(32, 1).toString("hex")}`],
        ["pbkdf2_sha256_django", "pbkdf2_sha256$0$salt$aGFzaA=="],
        ["pbkdf2_sha256", "pbkdf2_sha256$1e6$salt$aGFzaA=="]
      ]
      for (const [hasher, digest] of refused) {
        const created = yield* raw(
          apiUrl,
          "POST",
          "/v1/users",
          json({ username: "imported", password_digest: digest, password_hasher: hasher })
        )
        expect(created.status, `${digest.slice(0, 40)}: ${created.text}`).toBe(422)
        expect(created.json.errors[0]?.code).toBe("form_param_format_invalid")
        const seeded = yield* raw(
          apiUrl,
          "POST",
          "/__emulator/users",
          json({ username: "imported", passwordDigest: digest, passwordHasher: hasher })
        )
        expect(seeded.status, digest.slice(0, 40)).toBe(400)
      }
      expect((yield* raw(apiUrl, "GET", "/v1/users/count")).json["total_count"]).toBe(0)
      // within the bounds: accepted
      const ok = yield* raw(
        apiUrl,
        "POST",
        "/v1/users",
        json({
          username: "imported",
          password_digest: `pbkdf2_sha512$1000$salt$${hash64}`,
          password_hasher: "pbkdf2_sha512"
        })
      )
      expect(ok.status, ok.text).toBe(200)
    }).pipe(Effect.provide(server())))
})
