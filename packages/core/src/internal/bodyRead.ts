/**
 * Reading a response's body: as text, under a size bound, and the platform's transport failures as
 * `TransportError`s.
 *
 * @internal
 */
import * as BodyBounds from "@effect-clerk/kernel/BodyBounds"
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { DecodeError, TransportError } from "../ClerkError.js"

/**
 * The platform's failure of a request (or of its response's body) as the operation's `TransportError`, with the
 * messages of its causes.
 *
 * @internal
 */
export const transportError = (operation: string) => (error: HttpClientError.HttpClientError): TransportError => {
  return new TransportError({
    operation,
    reason: "Transport",
    message: ClientErrors.transportMessage(error.message, error.cause)
  })
}

const utf8 = new TextDecoder("utf-8")

/**
 * Whether a response's body arrives as the bytes its `Content-Length` counts: no `Content-Encoding` (or
 * `identity`). Otherwise the length is the encoded size, while a transport that decodes (fetch does, for gzip,
 * deflate and br) hands over many times more: only the bytes actually received can be counted then.
 */
const isUnencoded = (encoding: string | undefined): boolean =>
  encoding === undefined || /^\s*(identity)?\s*$/i.test(encoding)

/**
 * Reads a response body as text, refusing one larger than `maxBytes` (by `Content-Length` up front when the body
 * is not content-encoded, otherwise by counting the bytes the transport hands over while streaming), and closing
 * the connection in that case.
 *
 * @internal
 */
export const readBody = (
  operation: string,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<string, TransportError | DecodeError> => {
  const tooLarge = () =>
    new DecodeError({
      operation,
      status: response.status,
      reason: "TooLarge",
      message: ClientErrors.tooLargeMessage(maxBytes)
    })
  const length = BodyBounds.declaredLength(response.headers["content-length"])
  if (length !== undefined && Number.isSafeInteger(length) && isUnencoded(response.headers["content-encoding"])) {
    if (length > maxBytes) {
      return Effect.zipRight(
        response.stream.pipe(Stream.take(1), Stream.runDrain, Effect.ignore),
        Effect.fail(tooLarge())
      )
    }
    // bytes, then UTF-8: `response.text` keeps large bodies reachable longer (measured: twice the peak heap
    // when walking pages), while a plain ArrayBuffer is released as soon as it is decoded
    return Effect.map(
      Effect.mapError(response.arrayBuffer, transportError(operation)),
      (buffer) => utf8.decode(new Uint8Array(buffer))
    )
  }
  return response.stream.pipe(
    Stream.catchAll((error) =>
      error._tag === "ResponseError" && error.reason === "EmptyBody"
        ? Stream.empty
        : Stream.fail(transportError(operation)(error))
    ),
    Stream.runFoldEffect(
      BodyBounds.collector(maxBytes),
      (acc, chunk): Effect.Effect<BodyBounds.Collector, DecodeError> =>
        BodyBounds.add(acc, chunk) ? Effect.succeed(acc) : Effect.fail(tooLarge())
    ),
    Effect.map((collected) => utf8.decode(BodyBounds.joined(collected)))
  )
}

/** Clerk's error bodies are a few hundred bytes: more than this is not read, only the status counts then. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024

/**
 * Reads the body of an error response. The status decides the error: a body that cannot be read (too large,
 * cut off) is read as empty rather than turning, say, a 503 into a `TransportError` or a `DecodeError`.
 *
 * @internal
 */
export const readErrorBody = (
  operation: string,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<string> =>
  Effect.orElseSucceed(readBody(operation, response, Math.min(maxBytes, MAX_ERROR_BODY_BYTES)), () => "")
