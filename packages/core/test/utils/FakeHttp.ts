/**
 * A recording fake `HttpClient`: no sockets, every request recorded, every response scripted.
 */
import type * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import { ClerkConfig, RetryPolicy, Users } from "../../src/index.js"

export interface RecordedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Headers.Headers
  /** The body as text, for JSON bodies. */
  readonly text: string | undefined
  /** The body, for multipart bodies. */
  readonly form: FormData | undefined
}

export type FakeResponse =
  | {
    readonly status?: number
    readonly json?: unknown
    readonly body?: string | Uint8Array
    readonly headers?: Record<string, string>
  }
  | "drop"
  | "hang"

export type Handler = (request: RecordedRequest, index: number) => FakeResponse | Effect.Effect<FakeResponse>

export class FakeHttp extends Context.Tag("test/FakeHttp")<FakeHttp, {
  readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
  readonly respond: (handler: Handler) => Effect.Effect<void>
}>() {}

const decoder = new TextDecoder()

const record = (request: Parameters<Parameters<typeof HttpClient.make>[0]>[0], url: URL): RecordedRequest => {
  const body = request.body
  return {
    method: request.method,
    url,
    headers: request.headers,
    text: body._tag === "Uint8Array" ? decoder.decode(body.body) : undefined,
    form: body._tag === "FormData" ? body.formData : undefined
  }
}

const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

export const layer: Layer.Layer<FakeHttp | HttpClient.HttpClient> = Layer.effectContext(
  Effect.gen(function*() {
    const requests = yield* Ref.make<ReadonlyArray<RecordedRequest>>([])
    const handler = yield* Ref.make<Handler>(() => ({ status: 500, body: "no handler" }))
    const client = HttpClient.make((request, url) =>
      Effect.gen(function*() {
        const recorded = record(request, url)
        const index = (yield* Ref.getAndUpdate(requests, (all) => [...all, recorded])).length
        const respond = yield* Ref.get(handler)
        const result = respond(recorded, index)
        const response = Effect.isEffect(result) ? yield* result : result
        if (response === "hang") return yield* Effect.never
        if (response === "drop") {
          return yield* new HttpClientError.RequestError({
            request,
            reason: "Transport",
            cause: new Error("socket hang up"),
            description: "socket hang up"
          })
        }
        const status = response.status ?? 200
        const headers = new globalThis.Headers(response.headers ?? {})
        let body: string | Uint8Array<ArrayBuffer> | null = typeof response.body === "string"
          ? response.body
          : response.body === undefined
          ? null
          : new Uint8Array(response.body)
        if (response.json !== undefined) {
          body = JSON.stringify(response.json)
          if (!headers.has("content-type")) headers.set("content-type", "application/json")
        }
        if (nullBodyStatuses.has(status)) body = null
        return HttpClientResponse.fromWeb(request, new Response(body, { status, headers }))
      })
    )
    return Context.make(FakeHttp, {
      requests: Ref.get(requests),
      respond: (next) => Ref.set(handler, next)
    }).pipe(Context.add(HttpClient.HttpClient, client))
  })
)

export const SECRET = "sk_test_Sup3rS3cretValue_0123456789"
export const API_URL = "https://api.clerk.test/v1"

/** `Users.layer` over the fake, with a recognizable secret and a retry policy that does not wait by default, no pacing
 * unless asked. */
export const usersLayer = (
  options: Partial<ClerkConfig.Options> = {}
): Layer.Layer<Users | FakeHttp> =>
  Users.layer.pipe(
    Layer.provideMerge(layer),
    Layer.provide(
      ClerkConfig.layer({
        secretKey: Redacted.make(SECRET),
        apiUrl: API_URL,
        retry: RetryPolicy.none,
        perUserWriteLimit: false,
        instanceBudget: false,
        ...options
      }).pipe(Layer.orDie)
    )
  )

/** The query string of a recorded request, decoded to its raw pairs. */
export const queryPairs = (request: RecordedRequest): ReadonlyArray<readonly [string, string]> => [
  ...request.url.searchParams.entries()
]
