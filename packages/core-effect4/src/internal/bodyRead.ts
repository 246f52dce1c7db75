/**
 * A response body read under a size bound (the kernel's `BodyBounds`): a larger body is a
 * `DecodeError("TooLarge")`, read no further than the bound; a failure of the transport while reading is a
 * `TransportError`.
 *
 * @internal
 */
import * as BodyBounds from "@effect-clerk/kernel/BodyBounds"
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as Effect from "effect/Effect"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Stream from "effect/Stream"
import { DecodeError, TransportError } from "../ClerkError.js"

/**
 * The `TransportError` of an HTTP client failure (its message and its causes').
 *
 * @internal
 */
export const transportError = (operation: string) => (error: HttpClientError.HttpClientError): TransportError => {
  return new TransportError({
    operation,
    reason: "Transport",
    message: ClientErrors.transportMessage(error.reason.message, error.reason.cause)
  })
}

const utf8 = new TextDecoder("utf-8")

/**
 * Whether a response declares its length and that length counts the bytes the transport hands over (no
 * content encoding): the kernel's `declaredTooLarge` over a bound of -1, which every such length exceeds.
 */
const countsItsBytes = (headers: BodyBounds.Headers): boolean => BodyBounds.declaredTooLarge(headers, -1)

/**
 * A response's body as text, at most `maxBytes` bytes.
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
  if (BodyBounds.declaredTooLarge(response.headers, maxBytes)) return Effect.fail(tooLarge())
  if (countsItsBytes(response.headers)) {
    // within the bound, as declared: the bytes in one buffer, then UTF-8. Streaming the body instead keeps every
    // chunk and their joined copy reachable until decoded (measured: the peak heap of a walk over pages), and
    // the platform aborts the request's controller when a body stream ends (a `DOMException` per response)
    return Effect.map(
      Effect.mapError(response.arrayBuffer, transportError(operation)),
      (buffer) => utf8.decode(new Uint8Array(buffer))
    )
  }
  return response.stream.pipe(
    Stream.catchIf(
      (error: HttpClientError.HttpClientError) => error.reason._tag === "EmptyBodyError",
      () => Stream.empty
    ),
    Stream.mapError(transportError(operation)),
    Stream.runFoldEffect(
      () => BodyBounds.collector(maxBytes),
      (acc, chunk): Effect.Effect<BodyBounds.Collector, DecodeError> =>
        BodyBounds.add(acc, chunk) ? Effect.succeed(acc) : Effect.fail(tooLarge())
    ),
    Effect.map((collected) => utf8.decode(BodyBounds.joined(collected)))
  )
}

const MAX_ERROR_BODY_BYTES = 1024 * 1024

/**
 * An error response's body as text (at most 1 MB, or `maxBytes`), or nothing when it cannot be read.
 *
 * @internal
 */
export const readErrorBody = (
  operation: string,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<string> =>
  Effect.orElseSucceed(readBody(operation, response, Math.min(maxBytes, MAX_ERROR_BODY_BYTES)), () => "")
