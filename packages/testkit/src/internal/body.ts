/**
 * Request bodies read under a bound, as Effect streams: the decisions (the announced length, the running count,
 * JSON parsing and depth, what a multipart upload must be) are the kernel's `BodyBounds` and `JsonBody`; this
 * module reads the stream and the multipart form.
 *
 * @internal
 */
import type { UsersCodec } from "@effect-clerk/core"
import * as BodyBounds from "@effect-clerk/kernel/BodyBounds"
import * as JsonBody from "@effect-clerk/kernel/JsonBody"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import type * as Result from "@effect-clerk/kernel/Result"
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
 * The bound of an admin API body (seeds can be large): 64 MB.
 *
 * @internal
 */
export const ADMIN_BODY_LIMIT = 64 * 1024 * 1024

/** A refusal of a body: too large, or unreadable. */
export type BodyRefusal = Refusal.BodyTooLarge | Refusal.BodyInvalid

class TooLarge {
  readonly _tag = "TooLarge"
}

const fromResult = <A, E>(result: Result.Result<A, E>): Either.Either<A, E> =>
  result._tag === "Ok" ? Either.right(result.value) : Either.left(result.error)

/**
 * The body's bytes, or the refusal: too large past `maxBytes` (announced or counted), invalid when it could not
 * be read.
 *
 * @internal
 */
export const readBytes = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<Uint8Array<ArrayBuffer>, BodyRefusal>> => {
  const declared = BodyBounds.checkDeclared(request.headers["content-length"], maxBytes)
  if (declared._tag === "Err") return Effect.succeed(Either.left(declared.error))
  return Effect.flatMap(Effect.serviceOption(BodySource), (source) => {
    const stream = Option.isSome(source) ? source.value(request) : defaultSource(request)
    return stream.pipe(
      Stream.runFoldEffect(
        BodyBounds.collector(maxBytes),
        (acc, chunk): Effect.Effect<BodyBounds.Collector, TooLarge> =>
          BodyBounds.add(acc, chunk) ? Effect.succeed(acc) : Effect.fail(new TooLarge())
      ),
      Effect.map((collected) => Either.right(BodyBounds.bytes(collected))),
      Effect.catchAll((error) =>
        Effect.succeed(Either.left(
          error instanceof TooLarge ? Refusal.bodyTooLarge(maxBytes) : Refusal.bodyInvalid("the body could not be read")
        ))
      )
    )
  })
}

/**
 * A JSON body, parsed (`JsonBody.parse`): `undefined` when empty.
 *
 * @internal
 */
export const readJson = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<unknown, BodyRefusal>> =>
  Effect.map(readBytes(request, maxBytes), Either.flatMap((data) => fromResult(JsonBody.parse(data))))

/**
 * Whether a request announces a body (`BodyBounds.announcesBody`).
 *
 * @internal
 */
export const hasBody = (request: HttpServerRequest.HttpServerRequest): boolean =>
  BodyBounds.announcesBody(request.headers)

/**
 * Reads and drops the body of a request to a route that takes none (a `GET` carrying one): too large past
 * `maxBytes`, as for a body that is read. Answering without reading it would leave the client writing into a
 * connection the server may close under it, so that it never reads the answer.
 *
 * @internal
 */
export const discard = (
  request: HttpServerRequest.HttpServerRequest,
  maxBytes: number
): Effect.Effect<Either.Either<void, BodyRefusal>> =>
  hasBody(request) ? Effect.map(readBytes(request, maxBytes), Either.map(() => undefined)) : Effect.succeed(Either.void)

/**
 * The file field (`field`, its wire name) of a multipart body, with at most `maxBytes` of file (read once, in
 * linear time): `undefined` when the form has no such file, invalid when the body is not multipart or cannot be
 * read, too large past the bound.
 *
 * @internal
 */
export const readFile = (
  request: HttpServerRequest.HttpServerRequest,
  field: string,
  maxBytes: number
): Effect.Effect<Either.Either<UsersCodec.RequestParts["file"], BodyRefusal>> =>
  Effect.gen(function*() {
    const contentType = BodyBounds.checkMultipart(request.headers["content-type"], field)
    if (contentType._tag === "Err") return Either.left(contentType.error)
    const body = yield* readBytes(request, maxBytes + BodyBounds.MULTIPART_OVERHEAD)
    if (Either.isLeft(body)) return Either.left(body.left)
    const form = yield* Effect.either(
      Effect.tryPromise(() => new Response(body.right, { headers: { "content-type": contentType.value } }).formData())
    )
    const file = Either.isRight(form) ? form.right.get(field) : null
    if (file === null || typeof file === "string") return Either.right(undefined)
    const size = BodyBounds.checkFile(file.size, maxBytes)
    if (size._tag === "Err") return Either.left(size.error)
    const data = yield* Effect.either(Effect.tryPromise(() => file.arrayBuffer()))
    if (Either.isLeft(data)) return Either.left(Refusal.bodyInvalid("the file could not be read"))
    return Either.right({ data: new Uint8Array(data.right), fileName: file.name, contentType: file.type })
  })
