/**
 * A scripted `HttpClient` for the pipeline's tests: each request is recorded (method, URL, query, headers, body
 * text) and answered by `respond` (a status, headers and a body, or `"hang"`: no answer ever, for timeouts; or
 * `"drop"`: a transport failure). Loopback-free: nothing leaves the process.
 */
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as UrlParams from "effect/http/UrlParams"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as ClerkConfig from "../../src/ClerkConfig.js"
import * as Users from "../../src/Users.js"

export interface Recorded {
  readonly method: string
  readonly path: string
  readonly query: ReadonlyArray<readonly [string, string]>
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | FormData | undefined
}

export type Answer =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  | "hang"
  | "drop"

const utf8 = new TextDecoder()

const bodyOf = (request: HttpClientRequest.HttpClientRequest): string | FormData | undefined => {
  const body = request.body
  if (body._tag === "Uint8Array") return utf8.decode(body.body)
  if (body._tag === "FormData") return body.formData
  return undefined
}

/** A fake server: `requests` grows with each request; `respond` answers the n-th (0-based) request. */
export const make = (respond: (request: Recorded, index: number) => Answer) => {
  const requests: Array<Recorded> = []
  const client = HttpClient.make((request, url) =>
    Effect.suspend(() => {
      const recorded: Recorded = {
        method: request.method,
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: request.headers,
        body: bodyOf(request)
      }
      const index = requests.length
      requests.push(recorded)
      const answer = respond(recorded, index)
      if (answer === "hang") return Effect.never
      if (answer === "drop") {
        return Effect.fail(
          new HttpClientError.HttpClientError({
            reason: new HttpClientError.TransportError({ request, description: "connection reset" })
          })
        )
      }
      const text = answer.body === undefined
        ? ""
        : typeof answer.body === "string"
        ? answer.body
        : JSON.stringify(answer.body)
      return Effect.succeed(HttpClientResponse.fromWeb(
        request,
        new Response(answer.status === 204 ? null : text, {
          status: answer.status,
          headers: { "content-type": "application/json", ...answer.headers }
        })
      ))
    })
  )
  return { requests, layer: Layer.succeed(HttpClient.HttpClient, client) }
}

/** `Users` over a fake server, with `options` on top of a test key and URL. */
export const users = (
  fake: ReturnType<typeof make>,
  options: Partial<ClerkConfig.Options> = {}
) =>
  Layer.fresh(Users.layer).pipe(
    Layer.provide(ClerkConfig.layer({
      secretKey: Redacted.make("sk_test_fake_key_0123456789"),
      apiUrl: "http://127.0.0.1:1",
      instanceBudget: false,
      ...options
    })),
    Layer.provide(fake.layer)
  )

/** The query of a recorded request as URL parameters (for `UrlParams.toRecord`). */
export const queryOf = (request: Recorded) => UrlParams.fromInput(request.query)
