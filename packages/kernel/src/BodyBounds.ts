/**
 * Bodies read under a bound, for any server or client: a `Content-Length` past the bound is refused before
 * anything is read; a body without one is counted while it streams and refused as soon as it passes the bound;
 * chunks are collected and joined once (linear in the size of the body). Also what a multipart upload must be.
 *
 * @since 0.2.0
 */
import * as Refusal from "./Refusal.js"
import * as Result from "./Result.js"

/**
 * The default bound of a JSON request body: 2 MB. Clerk's largest legitimate bodies (a user with three 8 KB
 * metadata objects and a hundred identifiers) are a few tens of KB.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_JSON_BODY_LIMIT = 2 * 1024 * 1024

/**
 * The default bound of an uploaded profile image: 10 MB, Clerk's documented limit for profile images.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024

/**
 * What multipart framing (boundaries, part headers) may add to the file itself.
 *
 * @since 0.2.0
 * @category constants
 */
export const MULTIPART_OVERHEAD = 64 * 1024

/**
 * The largest webhook body read when the verifier is given no `maxBodyBytes`: 1 MiB.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024

/**
 * Header values by lower-case name, as servers expose them.
 *
 * @since 0.2.0
 * @category models
 */
export type Headers = { readonly [name: string]: string | undefined }

/**
 * The length a `Content-Length` header announces (digits only, surrounding spaces ignored), or `undefined`.
 *
 * @since 0.2.0
 * @category parsing
 */
export const declaredLength = (header: string | undefined): number | undefined =>
  header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : undefined

/**
 * The refusal of a body whose announced length is past `maxBytes`, before anything is read.
 *
 * @since 0.2.0
 * @category checks
 */
export const checkDeclared = (
  contentLength: string | undefined,
  maxBytes: number
): Result.Result<void, Refusal.BodyTooLarge> => {
  const length = declaredLength(contentLength)
  return length !== undefined && length > maxBytes ? Result.err(Refusal.bodyTooLarge(maxBytes)) : Result.ok(undefined)
}

/**
 * Whether a request announces a body: a `Content-Length` above zero, or a `Transfer-Encoding`.
 *
 * @since 0.2.0
 * @category predicates
 */
export const announcesBody = (headers: Headers): boolean => {
  const length = headers["content-length"]
  return headers["transfer-encoding"] !== undefined ||
    (length !== undefined && length.trim() !== "" && length.trim() !== "0")
}

/**
 * The chunks of a body read so far, under a bound (mutable: one per read).
 *
 * @since 0.2.0
 * @category models
 */
export interface Collector {
  readonly maxBytes: number
  readonly chunks: Array<Uint8Array>
  size: number
}

/**
 * An empty collector for a body of at most `maxBytes`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const collector = (maxBytes: number): Collector => ({ maxBytes, chunks: [], size: 0 })

/**
 * Adds a chunk; `false` (the chunk dropped) once the body is past the bound: stop reading then.
 *
 * @since 0.2.0
 * @category combinators
 */
export const add = (collector: Collector, chunk: Uint8Array): boolean => {
  const size = collector.size + chunk.length
  if (size > collector.maxBytes) return false
  collector.chunks.push(chunk)
  collector.size = size
  return true
}

/**
 * Chunks joined into one new array of `size` bytes.
 *
 * @since 0.2.0
 * @category combinators
 */
export const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * The bytes collected, in a new array.
 *
 * @since 0.2.0
 * @category combinators
 */
export const bytes = (collector: Collector): Uint8Array<ArrayBuffer> => concat(collector.chunks, collector.size)

/**
 * The bytes collected, the one chunk itself when there is only one (no copy).
 *
 * @since 0.2.0
 * @category combinators
 */
export const joined = (collector: Collector): Uint8Array =>
  collector.chunks.length === 1 ? collector.chunks[0]! : bytes(collector)

/**
 * A request carrying an upload must be `multipart/form-data`, with the file in `field`.
 *
 * @since 0.2.0
 * @category checks
 */
export const checkMultipart = (
  contentType: string | undefined,
  field: string
): Result.Result<string, Refusal.BodyInvalid> => {
  const type = contentType ?? ""
  return type.startsWith("multipart/form-data")
    ? Result.ok(type)
    : Result.err(Refusal.bodyInvalid(`expected multipart/form-data with a ${field} field`))
}

/**
 * An uploaded file of `size` bytes, within `maxBytes`.
 *
 * @since 0.2.0
 * @category checks
 */
export const checkFile = (size: number, maxBytes: number): Result.Result<void, Refusal.BodyTooLarge> =>
  size > maxBytes ? Result.err(Refusal.bodyTooLarge(maxBytes)) : Result.ok(undefined)

/**
 * Whether a response's declared length is already over a client's bound (only when the body is not
 * content-encoded: a compressed body's length says nothing of the text).
 *
 * @since 0.3.0
 * @category client
 */
export const declaredTooLarge = (headers: Headers, maxBytes: number): boolean => {
  const length = declaredLength(headers["content-length"])
  const encoding = headers["content-encoding"]
  return length !== undefined && Number.isSafeInteger(length) && length > maxBytes &&
    (encoding === undefined || /^\s*(identity)?\s*$/i.test(encoding))
}
