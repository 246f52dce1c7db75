/**
 * Request bodies, read under a bound: a `Content-Length` past it is refused before anything is read, a body
 * without one is counted while it streams and refused as soon as it passes the bound. Chunks are collected and
 * joined once (linear in the size of the body). JSON is refused when nested deeper than a bound, before any
 * recursive code walks it.
 *
 * @internal
 */
import type { UsersCodec } from "@effect-clerk/core"
import type { Failure as StoreFailure } from "@effect-clerk/kernel/ErrorCatalogue"
import { bodyTooLarge, requestBodyInvalid } from "@effect-clerk/kernel/ErrorCatalogue"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"

/**
 * How a server reads a request's body as a stream. The Node server provides one that leaves the connection
 * open when the read stops early, so that the 413 can still be written; the default reads the request's own
 * stream (a web `Request` in process).
 *
 * @internal
 */
export class BodySource extends Context.Tag("@effect-clerk/testkit/internal/BodySource")<
  BodySource,
  (request: HttpServerRequest.HttpServerRequest) => Stream.Stream<Uint8Array, unknown>
>() {}

const defaultSource = (request: HttpServerRequest.HttpServerRequest): Stream.Stream<Uint8Array, unknown> => {
  const source: unknown = request.source
  // a web request without a body has no stream to read: it is an empty body
  if (source instanceof Request && source.body === null) return Stream.empty
  return request.stream
}

/**
 * The default bound of a JSON request body: 2 MB. Clerk's largest legitimate bodies (a user with three 8 KB
 * metadata objects and a hundred identifiers) are a few tens of KB.
 *
 * @internal
 */
export const DEFAULT_JSON_BODY_LIMIT = 2 * 1024 * 1024

/**
 * The default bound of an uploaded profile image: 10 MB, Clerk's documented limit for profile images.
 *
 * @internal
 */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024

/** What multipart framing (boundaries, part headers) may add to the file itself. */
export const MULTIPART_OVERHEAD = 64 * 1024

/**
 * The bound of an admin API body (seeds can be large): 64 MB.
 *
 * @internal
 */
export const ADMIN_BODY_LIMIT = 64 * 1024 * 1024

/**
 * The deepest nesting of arrays and objects accepted in a JSON body: twice the 64 levels the core allows in
 * metadata (a metadata object sits one or two levels down in a body).
 *
 * @internal
 */
export const MAX_JSON_DEPTH = 128

const join = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

class TooLarge {
  readonly _tag = "TooLarge"
}

interface Collected {
  readonly chunks: Array<Uint8Array>
  size: number
}

/**
 * The body's bytes, or the failure to answer: 413 past `maxBytes` (announced or counted), 400 when it could
 * not be read.
 *
 * @internal
 */
export const readBytes = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<Uint8Array<ArrayBuffer>, StoreFailure>> => {
  const declared = request.headers["content-length"]
  if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    return Effect.succeed(Either.left(bodyTooLarge(maxBytes)))
  }
  return Effect.flatMap(Effect.serviceOption(BodySource), (source) => {
    const stream = Option.isSome(source) ? source.value(request) : defaultSource(request)
    return stream.pipe(
      Stream.runFoldEffect(
        { chunks: [], size: 0 } as Collected,
        (acc, chunk): Effect.Effect<Collected, TooLarge> => {
          acc.size += chunk.length
          if (acc.size > maxBytes) return Effect.fail(new TooLarge())
          acc.chunks.push(chunk)
          return Effect.succeed(acc)
        }
      ),
      Effect.map(({ chunks, size }) => Either.right(join(chunks, size))),
      Effect.catchAll((error) =>
        Effect.succeed(Either.left(
          error instanceof TooLarge ? bodyTooLarge(maxBytes) : requestBodyInvalid("the body could not be read")
        ))
      )
    )
  })
}

/**
 * The depth of a parsed JSON value is at most `max` (an iterative walk: any depth is measured without
 * recursion).
 *
 * @internal
 */
export const withinDepth = (value: unknown, max: number): boolean => {
  const stack: Array<readonly [unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (typeof current !== "object" || current === null) continue
    if (depth >= max) return false
    const children = Array.isArray(current) ? current : Object.values(current)
    for (const child of children) if (typeof child === "object" && child !== null) stack.push([child, depth + 1])
  }
  return true
}

const utf8 = new TextDecoder("utf-8")

/**
 * A JSON body, parsed: `undefined` when empty, 400 when it is not JSON or nested deeper than
 * `MAX_JSON_DEPTH`, 413 past `maxBytes`.
 *
 * @internal
 */
export const readJson = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<unknown, StoreFailure>> =>
  Effect.map(readBytes(request, maxBytes), (bytes) =>
    Either.flatMap(bytes, (data) => {
      const text = utf8.decode(data)
      if (text.trim() === "") return Either.right(undefined)
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        return Either.left(requestBodyInvalid("the body is not valid JSON"))
      }
      return withinDepth(json, MAX_JSON_DEPTH)
        ? Either.right(json)
        : Either.left(requestBodyInvalid(`the body is nested deeper than ${MAX_JSON_DEPTH} levels`))
    }))

/**
 * Whether a request announces a body: a `Content-Length` above zero, or a `Transfer-Encoding`.
 *
 * @internal
 */
export const hasBody = (request: HttpServerRequest.HttpServerRequest): boolean => {
  const length = request.headers["content-length"]
  return request.headers["transfer-encoding"] !== undefined ||
    (length !== undefined && length.trim() !== "" && length.trim() !== "0")
}

/**
 * Reads and drops the body of a request to a route that takes none (a `GET` carrying one): 413 past
 * `maxBytes`, as for a body that is read. Answering without reading it would leave the client writing into a
 * connection the server may close under it, so that it never reads the answer.
 *
 * @internal
 */
export const discard = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<void, StoreFailure>> =>
  hasBody(request) ? Effect.map(readBytes(request, maxBytes), Either.map(() => undefined)) : Effect.succeed(Either.void)

/**
 * The file field (`field`, its wire name) of a multipart body, with at most `maxBytes` of file (read once, in
 * linear time): `undefined` when the form has no such file, 400 when the body is not multipart or cannot be
 * read, 413 past the bound.
 *
 * @internal
 */
export const readFile = (
  request: HttpServerRequest.HttpServerRequest,
  field: string,
  maxBytes: number
): Effect.Effect<Either.Either<UsersCodec.RequestParts["file"], StoreFailure>> =>
  Effect.gen(function*() {
    const contentType = request.headers["content-type"] ?? ""
    if (!contentType.startsWith("multipart/form-data")) {
      return Either.left(requestBodyInvalid(`expected multipart/form-data with a ${field} field`))
    }
    const body = yield* readBytes(request, maxBytes + MULTIPART_OVERHEAD)
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
