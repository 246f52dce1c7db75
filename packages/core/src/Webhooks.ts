/**
 * Clerk's webhooks, received: `verify` checks a delivery as Svix signs it (the kernel's `Svix`: HMAC-SHA256, every
 * `v1` entry tried in constant time, 5 minutes of tolerance on `Clock`, Svix's `svix-*` and Standard Webhooks'
 * `webhook-*` headers) and decodes its event (`WebhookEvent`); `handler` is an `HttpRouter` route that does both
 * and answers as Svix expects: 2xx once the event is handled (a duplicate too), 4xx when the delivery does not
 * verify, 5xx when the application's effect fails, so that Svix retries it.
 *
 * The signing secret is `CLERK_WEBHOOK_SIGNING_SECRET` (the name Clerk's SDKs read), kept `Redacted`; no error,
 * log line or span of this module carries it.
 *
 * @since 0.3.0
 */
import * as BodyBounds from "@effect-clerk/kernel/BodyBounds"
import * as Svix from "@effect-clerk/kernel/Svix"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { ClerkErrorTypeId } from "./ClerkError.js"
import * as WebhookEvent from "./WebhookEvent.js"

/**
 * The environment variable of the signing secret, as Clerk's SDKs name it.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(Webhooks.SIGNING_SECRET_VARIABLE) // "CLERK_WEBHOOK_SIGNING_SECRET"
 * ```
 */
export const SIGNING_SECRET_VARIABLE = "CLERK_WEBHOOK_SIGNING_SECRET"

/**
 * The signing secret from `CLERK_WEBHOOK_SIGNING_SECRET`, `Redacted`, checked to be `whsec_` followed by base64
 * (the error names the variable, never its value).
 *
 * @since 0.3.0
 * @category config
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const secret = yield* Webhooks.signingSecret
 *   return secret // Redacted: prints as <redacted>
 * })
 * ```
 */
export const signingSecret: Config.Config<Redacted.Redacted<string>> = Config.redacted(SIGNING_SECRET_VARIABLE).pipe(
  Config.validate({
    message: `${SIGNING_SECRET_VARIABLE} must be the endpoint's signing secret, whsec_ followed by base64`,
    validation: (secret) => Svix.parseSecret(Redacted.value(secret))._tag === "Ok"
  })
)

const errorClass = <Self>() => <Tag extends string, F extends Schema.Struct.Fields>(tag: Tag, fields: F) =>
  Schema.TaggedError<Self>(`@effect-clerk/core/${tag}`)(tag, fields)

const withTypeId = (prototype: object): void => {
  Object.defineProperty(prototype, ClerkErrorTypeId, { value: ClerkErrorTypeId })
}

/**
 * The delivery lacks headers (`names`: the missing or empty ones, of the family it uses, Svix's when neither).
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * const error = new Webhooks.WebhookHeadersMissing({ names: ["svix-signature"] })
 * console.log(error.message) // "missing webhook headers: svix-signature"
 * ```
 */
export class WebhookHeadersMissing extends errorClass<WebhookHeadersMissing>()("WebhookHeadersMissing", {
  names: Schema.Array(Schema.String)
}) {
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return Svix.describe({ _tag: "MissingHeaders", names: this.names })
  }
}

/**
 * The timestamp header is not a whole number of seconds.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(new Webhooks.WebhookTimestampMalformed().message)
 * ```
 */
export class WebhookTimestampMalformed
  extends errorClass<WebhookTimestampMalformed>()("WebhookTimestampMalformed", {})
{
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return Svix.describe({ _tag: "MalformedTimestamp", timestamp: "" })
  }
}

/**
 * The timestamp (Unix seconds) is more than 5 minutes before (`"past"`: a replay, or a delivery that waited) or
 * after (`"future"`) the receiver's clock, `now`.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * const error = new Webhooks.WebhookTimestampOutsideTolerance({ direction: "past", timestamp: 1, now: 1000 })
 * console.log(error.message)
 * ```
 */
export class WebhookTimestampOutsideTolerance
  extends errorClass<WebhookTimestampOutsideTolerance>()("WebhookTimestampOutsideTolerance", {
    direction: Schema.Literal("past", "future"),
    timestamp: Schema.Number,
    now: Schema.Number
  })
{
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return Svix.describe({
      _tag: "OutsideTolerance",
      direction: this.direction,
      timestamp: this.timestamp,
      now: this.now
    })
  }
}

/**
 * No `v1` signature of the delivery is the body's with this secret: the body, id or timestamp was changed, or
 * the secret is not this endpoint's. `entries` counts the `v1` entries tried.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(new Webhooks.WebhookSignatureMismatch({ entries: 1 }).message)
 * // "no signature matches the message (1 v1 entry tried)"
 * ```
 */
export class WebhookSignatureMismatch extends errorClass<WebhookSignatureMismatch>()("WebhookSignatureMismatch", {
  entries: Schema.Number
}) {
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return Svix.describe({ _tag: "NoMatchingSignature", entries: this.entries })
  }
}

/**
 * The body is signed but is not an event Clerk sends (not JSON, no envelope, or a user event whose `data` is not
 * a user or a deleted object); `reason` says what the decoding found.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(new Webhooks.WebhookBodyInvalid({ id: "msg_1", reason: "not JSON" }).message)
 * ```
 */
export class WebhookBodyInvalid extends errorClass<WebhookBodyInvalid>()("WebhookBodyInvalid", {
  id: Schema.String,
  reason: Schema.String
}) {
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return `the webhook message ${this.id} is not a Clerk event: ${this.reason}`
  }
}

/**
 * The signing secret given is not `whsec_` followed by base64 (it is the application's configuration that is
 * wrong, not the delivery).
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(new Webhooks.WebhookSecretInvalid({ reason: "must not be empty" }).message)
 * ```
 */
export class WebhookSecretInvalid extends errorClass<WebhookSecretInvalid>()("WebhookSecretInvalid", {
  reason: Schema.String
}) {
  static {
    withTypeId(this.prototype)
  }
  declare readonly [ClerkErrorTypeId]: ClerkErrorTypeId
  override get message(): string {
    return `the webhook signing secret ${this.reason}`
  }
}

/**
 * Why a delivery does not verify: every error but {@link WebhookSecretInvalid} is the delivery's.
 *
 * @since 0.3.0
 * @category errors
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * const status = (error: Webhooks.VerifyError) => error._tag === "WebhookSecretInvalid" ? 500 : 400
 * ```
 */
export type VerifyError =
  | WebhookHeadersMissing
  | WebhookTimestampMalformed
  | WebhookTimestampOutsideTolerance
  | WebhookSignatureMismatch
  | WebhookBodyInvalid
  | WebhookSecretInvalid

const verifyErrorTags: ReadonlyArray<VerifyError["_tag"]> = [
  "WebhookHeadersMissing",
  "WebhookTimestampMalformed",
  "WebhookTimestampOutsideTolerance",
  "WebhookSignatureMismatch",
  "WebhookBodyInvalid",
  "WebhookSecretInvalid"
]

/**
 * Whether a value is one of this module's errors.
 *
 * @since 0.3.0
 * @category guards
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 *
 * console.log(Webhooks.isVerifyError(new Webhooks.WebhookSignatureMismatch({ entries: 1 }))) // true
 * ```
 */
export const isVerifyError = (u: unknown): u is VerifyError =>
  Predicate.hasProperty(u, ClerkErrorTypeId) && Predicate.hasProperty(u, "_tag") &&
  (verifyErrorTags as ReadonlyArray<unknown>).includes(u._tag)

/**
 * A delivery's headers: `@effect/platform`'s `Headers`, Node's `IncomingHttpHeaders` or any record (names in any
 * case).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { Webhooks } from "@effect-clerk/core"
 *
 * const headers: Webhooks.HeadersInput = { "svix-id": "msg_1", "svix-timestamp": "1614265330", "svix-signature": "v1,..." }
 * ```
 */
export type HeadersInput = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * What `verify` is given: the raw body exactly as received (text or bytes; a re-serialized JSON does not verify),
 * the request's headers, and the endpoint's signing secret.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { Webhooks } from "@effect-clerk/core"
 * import { Redacted } from "effect"
 *
 * const input: Webhooks.VerifyInput = {
 *   body: `{"type":"user.created"}`,
 *   headers: { "svix-id": "msg_1", "svix-timestamp": "1614265330", "svix-signature": "v1,..." },
 *   secret: Redacted.make("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
 * }
 * ```
 */
export interface VerifyInput {
  readonly body: string | Uint8Array
  readonly headers: HeadersInput
  readonly secret: Redacted.Redacted<string>
}

/**
 * A verified delivery: the message's `id` (the same on every retry of it: the key to de-duplicate on), its
 * signing `timestamp` (Unix seconds) and its decoded `event`.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { Webhooks } from "@effect-clerk/core"
 *
 * const key = (message: Webhooks.Message) => `${message.id}:${message.event.type}`
 * ```
 */
export interface Message {
  readonly id: string
  readonly timestamp: number
  readonly event: WebhookEvent.WebhookEvent
}

const fromFailure = (failure: Svix.Failure): VerifyError => {
  switch (failure._tag) {
    case "MissingHeaders":
      return new WebhookHeadersMissing({ names: failure.names })
    case "MalformedTimestamp":
      return new WebhookTimestampMalformed()
    case "OutsideTolerance":
      return new WebhookTimestampOutsideTolerance({
        direction: failure.direction,
        timestamp: failure.timestamp,
        now: failure.now
      })
    case "NoMatchingSignature":
      return new WebhookSignatureMismatch({ entries: failure.entries })
  }
}

const decodeEvent = Schema.decodeUnknown(WebhookEvent.fromJson)
const textDecoder = new TextDecoder("utf-8", { fatal: true })

const bodyText = (id: string, body: string | Uint8Array): Effect.Effect<string, WebhookBodyInvalid> =>
  typeof body === "string"
    ? Effect.succeed(body)
    : Effect.try({
      try: () => textDecoder.decode(body),
      catch: () => new WebhookBodyInvalid({ id, reason: "the body is not UTF-8" })
    })

/**
 * Verifies a delivery and decodes its event: the headers (Svix's or Standard Webhooks'), the timestamp within 5
 * minutes of `Clock`, a `v1` signature of the raw body with the secret, then the body as a {@link Message}'s
 * event. In a span `Webhooks.verify` whose attributes are the message's id and the event's type.
 *
 * @since 0.3.0
 * @category verifying
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const onDelivery = (body: string, headers: Record<string, string>) =>
 *   Effect.gen(function*() {
 *     const secret = yield* Webhooks.signingSecret
 *     const { event } = yield* Webhooks.verify({ body, headers, secret })
 *     if (event._tag === "UserCreated") yield* Effect.log(`welcome ${event.data.id}`)
 *   })
 * ```
 */
export const verify = (input: VerifyInput): Effect.Effect<Message, VerifyError> =>
  Effect.gen(function*() {
    const secret = Svix.parseSecret(Redacted.value(input.secret))
    if (secret._tag === "Err") return yield* new WebhookSecretInvalid({ reason: secret.error })
    const headers = Svix.readHeaders(input.headers)
    if (headers._tag === "Err") return yield* fromFailure(headers.error)
    yield* Effect.annotateCurrentSpan("webhook.id", headers.value.id)
    const now = yield* Clock.currentTimeMillis
    const verified = Svix.verify(secret.value, headers.value, input.body, now)
    if (verified._tag === "Err") return yield* fromFailure(verified.error)
    const { id, timestamp } = verified.value
    const text = yield* bodyText(id, input.body)
    const event = yield* Effect.mapError(
      decodeEvent(text, { onExcessProperty: "ignore" }),
      (error) => new WebhookBodyInvalid({ id, reason: error.message })
    )
    yield* Effect.annotateCurrentSpan("webhook.type", event.type)
    return { id, timestamp, event }
  }).pipe(Effect.withSpan("Webhooks.verify"))

/**
 * The options of {@link handler}: what to do with each verified message (its failure, or defect, answers 500 so
 * that Svix retries the delivery), and the signing secret (default: {@link signingSecret}, read on each
 * delivery).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const options: Webhooks.HandlerOptions<never, never> = {
 *   onMessage: ({ event }) => Effect.log(event.type)
 * }
 * ```
 */
export interface HandlerOptions<E, R> {
  readonly onMessage: (message: Message) => Effect.Effect<void, E, R>
  readonly secret?: Redacted.Redacted<string> | undefined
  /** The largest body read, in bytes (default 1 MiB; Clerk's events are a few kB): a larger one is refused. */
  readonly maxBodyBytes?: number | undefined
}

const DEFAULT_MAX_BODY_BYTES = BodyBounds.DEFAULT_WEBHOOK_BODY_LIMIT

const text = (status: number, body: string) => HttpServerResponse.text(body, { status })

const refusal = (error: VerifyError | ConfigError.ConfigError): Effect.Effect<HttpServerResponse.HttpServerResponse> =>
  isVerifyError(error) && error._tag !== "WebhookSecretInvalid"
    ? Effect.as(Effect.logWarning(`clerk webhook refused: ${error.message}`), text(400, error.message))
    // the application's configuration is wrong: 500, so that Svix retries once it is fixed
    : Effect.as(
      Effect.logError(`clerk webhook: the signing secret is not usable: ${error.message}`),
      text(500, "the webhook signing secret is not configured")
    )

/**
 * An `HttpRouter` route for Clerk's deliveries: reads the raw body once, verifies it and decodes its event
 * ({@link verify}), runs `onMessage`, and answers 204 when it succeeds, 400 (with the reason as text) when the
 * delivery does not verify or its body is over `maxBodyBytes` (1 MiB, kept no further than that), 500 when
 * `onMessage` fails or the secret is not usable (logged: Svix then retries on its schedule). In a span
 * `Webhooks.handle`.
 *
 * @since 0.3.0
 * @category handlers
 * @example
 * ```ts
 * import { Webhooks } from "@effect-clerk/core"
 * import { HttpRouter } from "@effect/platform"
 * import { Effect } from "effect"
 *
 * const router = HttpRouter.empty.pipe(
 *   HttpRouter.post(
 *     "/webhooks/clerk",
 *     Webhooks.handler({
 *       onMessage: ({ event }) =>
 *         event._tag === "UserDeleted" ? Effect.log(`forget ${event.data.id}`) : Effect.void
 *     })
 *   )
 * )
 * ```
 */
export const handler = <E, R>(
  options: HandlerOptions<E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest | R> =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const maxBytes = Math.max(0, Math.floor(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
    // read to the end (stopping early would drop the connection before the answer), keeping at most the bound
    const read = yield* Effect.either(
      Stream.runFold(
        request.stream,
        { size: 0, chunks: [] as Array<Uint8Array> },
        (read, chunk) => {
          if (read.size + chunk.length <= maxBytes) read.chunks.push(chunk)
          return { size: read.size + chunk.length, chunks: read.chunks }
        }
      )
    )
    if (read._tag === "Left") return yield* text(400, "the request's body could not be read")
    if (read.right.size > maxBytes) return yield* text(400, `the request's body is over ${maxBytes} bytes`)
    const body = new Uint8Array(read.right.size)
    read.right.chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.length), 0)
    const secret = options.secret === undefined ? yield* Effect.either(signingSecret) : Either.right(options.secret)
    if (secret._tag === "Left") return yield* refusal(secret.left)
    const message = yield* Effect.either(
      verify({ body, headers: request.headers, secret: secret.right })
    )
    if (message._tag === "Left") return yield* refusal(message.left)
    const handled = yield* Effect.exit(Effect.suspend(() => options.onMessage(message.right)))
    if (handled._tag === "Success") return HttpServerResponse.empty({ status: 204 })
    yield* Effect.logError(`clerk webhook ${message.right.id} (${message.right.event.type}) failed`, handled.cause)
    return yield* text(500, Cause.isInterruptedOnly(handled.cause) ? "interrupted" : "the event's handling failed")
  }).pipe(Effect.withSpan("Webhooks.handle"))
