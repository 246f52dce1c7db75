/**
 * How Clerk's webhooks are signed and delivered: Clerk delivers them through Svix, whose scheme is Standard
 * Webhooks'. Plain functions over explicit values, the time given as `now` (epoch milliseconds).
 *
 * Svix documents ("Verifying Webhooks Manually", "Retry schedule"):
 * - three headers, `svix-id` (the message's id, the same on every retry), `svix-timestamp` (Unix seconds) and
 *   `svix-signature` (space-separated entries `v1,<base64>`, several while a secret is rotated); Standard Webhooks
 *   names them `webhook-id`, `webhook-timestamp`, `webhook-signature`;
 * - the signature: HMAC-SHA256 over `${id}.${timestamp}.${body}` (the raw body), keyed with the base64-decoded
 *   part of the `whsec_` secret, base64-encoded;
 * - a timestamp more than 5 minutes away from the receiver's clock, either way, is refused (replays);
 * - delivery: at least once, in no particular order, an attempt failing on anything but a 2xx answered within
 *   15 seconds, retried after 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours and 10 hours.
 *
 * @since 0.3.0
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import type { Result } from "./Result.js"
import { err, ok } from "./Result.js"

/**
 * The prefix of a signing secret as Clerk's dashboard shows it (`whsec_<base64>`).
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.SECRET_PREFIX) // "whsec_"
 * ```
 */
export const SECRET_PREFIX = "whsec_"

/**
 * How far a message's timestamp may be from the receiver's clock, either way: 5 minutes.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.TOLERANCE_SECONDS) // 300
 * ```
 */
export const TOLERANCE_SECONDS = 300

/**
 * How long Svix waits for an answer to an attempt before counting it failed: 15 seconds.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.DELIVERY_TIMEOUT_MILLIS) // 15000
 * ```
 */
export const DELIVERY_TIMEOUT_MILLIS = 15_000

/**
 * Svix's retry schedule: the delay before each attempt, from the previous attempt's failure (the first one
 * immediately); after the last, the message has failed.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.retrySchedule.length) // 8 attempts
 * ```
 */
export const retrySchedule: ReadonlyArray<number> = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000
]

/**
 * The names of the three headers of a message.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * const names: Svix.HeaderNames = Svix.headerNames.standard
 * console.log(names.id) // "webhook-id"
 * ```
 */
export interface HeaderNames {
  readonly id: string
  readonly timestamp: string
  readonly signature: string
}

/**
 * The header names of Svix (`svix-*`, which Clerk sends) and of Standard Webhooks (`webhook-*`).
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.headerNames.svix.signature, Svix.headerNames.standard.signature)
 * // svix-signature webhook-signature
 * ```
 */
export const headerNames: { readonly svix: HeaderNames; readonly standard: HeaderNames } = {
  svix: { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
  standard: { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" }
}

/**
 * A signing secret's key. It prints as `Secret(<redacted>)` (`String`, `JSON.stringify`, Node's `inspect`), so a
 * key that reaches a log or an error shows nothing.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Result, Svix } from "@effect-clerk/kernel"
 *
 * const parsed = Svix.parseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
 * if (Result.isOk(parsed)) {
 *   const secret: Svix.Secret = parsed.value
 *   console.log(String(secret), secret.key.length) // Secret(<redacted>) 24
 * }
 * ```
 */
export interface Secret {
  readonly _tag: "Secret"
  /** The HMAC key: the secret's base64 part, decoded. */
  readonly key: Uint8Array
}

const REDACTED = "Secret(<redacted>)"

const secretOf = (key: Uint8Array): Secret => {
  const secret = { _tag: "Secret" as const }
  Object.defineProperties(secret, {
    key: { value: key, enumerable: false },
    toString: { value: () => REDACTED, enumerable: false },
    toJSON: { value: () => REDACTED, enumerable: false },
    [Symbol.for("nodejs.util.inspect.custom")]: { value: () => REDACTED, enumerable: false }
  })
  return secret as Secret
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * A signing secret from its text: `whsec_` followed by standard base64 (padded), or the base64 alone, as Svix's
 * libraries accept; the problem (which never repeats the text) otherwise.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.parseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")._tag) // "Ok"
 * console.log(Svix.parseSecret("whsec_not base64")) // { _tag: "Err", error: "must be whsec_ followed by base64" }
 * ```
 */
export const parseSecret = (text: string): Result<Secret, string> => {
  const encoded = text.startsWith(SECRET_PREFIX) ? text.slice(SECRET_PREFIX.length) : text
  if (encoded.length === 0) return err("must not be empty")
  if (!BASE64.test(encoded)) return err("must be whsec_ followed by base64")
  return ok(secretOf(Buffer.from(encoded, "base64")))
}

/**
 * A new signing secret, `whsec_` and 24 random bytes in base64 (the length of the secrets Svix issues), from the
 * given source of random bytes (`node:crypto`'s `randomBytes`, or a seeded one in tests).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 * import { randomBytes } from "node:crypto"
 *
 * console.log(Svix.generateSecret(randomBytes).startsWith("whsec_")) // true
 * ```
 */
export const generateSecret = (randomBytes: (size: number) => Uint8Array): string =>
  SECRET_PREFIX + Buffer.from(randomBytes(24)).toString("base64")

const signature = (secret: Secret, id: string, timestamp: number, body: string | Uint8Array): string =>
  createHmac("sha256", secret.key).update(`${id}.${timestamp}.`, "utf8").update(body).digest("base64")

/**
 * The signature of a message, `v1,<base64>`, as Svix sends it in `svix-signature`; `timestamp` in Unix seconds,
 * `body` the raw body (a string is signed as UTF-8).
 *
 * @since 0.3.0
 * @category signing
 * @example
 * ```ts
 * import { Result, Svix } from "@effect-clerk/kernel"
 *
 * const secret = Svix.parseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
 * if (Result.isOk(secret)) {
 *   console.log(Svix.sign(secret.value, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, `{"test": 2432232314}`))
 *   // v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
 * }
 * ```
 */
export const sign = (secret: Secret, id: string, timestamp: number, body: string | Uint8Array): string =>
  `v1,${signature(secret, id, timestamp, body)}`

/**
 * A message's three headers, as read from a request.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * const headers: Svix.Headers = { id: "msg_1", timestamp: "1614265330", signature: "v1,..." }
 * ```
 */
export interface Headers {
  readonly id: string
  readonly timestamp: string
  readonly signature: string
}

/**
 * Why a message is refused:
 * - `MissingHeaders`: the names of the headers absent or empty (of the family the request uses, Svix's when it
 *   has neither);
 * - `MalformedTimestamp`: the timestamp is not a whole number of seconds;
 * - `OutsideTolerance`: the timestamp is more than `TOLERANCE_SECONDS` before (`"past"`) or after (`"future"`) now;
 * - `NoMatchingSignature`: no `v1` entry is the signature of the message with this secret (a tampered body, a
 *   wrong secret, an id or timestamp changed); `entries` counts the `v1` entries tried.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * const failure: Svix.Failure = { _tag: "OutsideTolerance", direction: "past", timestamp: 1, now: 400 }
 * console.log(Svix.describe(failure))
 * ```
 */
export type Failure =
  | { readonly _tag: "MissingHeaders"; readonly names: ReadonlyArray<string> }
  | { readonly _tag: "MalformedTimestamp"; readonly timestamp: string }
  | {
    readonly _tag: "OutsideTolerance"
    readonly direction: "past" | "future"
    readonly timestamp: number
    readonly now: number
  }
  | { readonly _tag: "NoMatchingSignature"; readonly entries: number }

/**
 * What a verified message is: its id and its timestamp (Unix seconds).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * const verified: Svix.Verified = { id: "msg_1", timestamp: 1614265330 }
 * ```
 */
export interface Verified {
  readonly id: string
  readonly timestamp: number
}

const first = (value: string | ReadonlyArray<string> | undefined): string =>
  (typeof value === "string" ? value : value?.[0] ?? "").trim()

/**
 * The message's headers from a request's (names in any case; Node's arrays take their first value): Svix's
 * family when the request has any `svix-*` header, else Standard Webhooks'; values trimmed, as Clerk's SDK does.
 *
 * @since 0.3.0
 * @category verifying
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.readHeaders({ "webhook-id": "msg_1", "webhook-timestamp": "1614265330" }))
 * // { _tag: "Err", error: { _tag: "MissingHeaders", names: ["webhook-signature"] } }
 * ```
 */
export const readHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Result<Headers, Failure> => {
  const lower = new Map<string, string>()
  for (const [name, value] of Object.entries(headers)) lower.set(name.toLowerCase(), first(value))
  const svix = Object.values(headerNames.svix).some((name) => lower.has(name))
  const names = svix || !Object.values(headerNames.standard).some((name) => lower.has(name))
    ? headerNames.svix
    : headerNames.standard
  const read = (name: string) => lower.get(name) ?? ""
  const missing = [names.id, names.timestamp, names.signature].filter((name) => read(name) === "")
  return missing.length > 0
    ? err({ _tag: "MissingHeaders", names: missing })
    : ok({ id: read(names.id), timestamp: read(names.timestamp), signature: read(names.signature) })
}

const TIMESTAMP = /^\d{1,15}$/

/**
 * Checks a message as Svix's libraries do: the timestamp within `TOLERANCE_SECONDS` of `now` (epoch
 * milliseconds), then each `v1` entry of the signature header against the expected signature in constant time
 * (entries of other versions are skipped); the message's id and timestamp, or why it is refused.
 *
 * @since 0.3.0
 * @category verifying
 * @example
 * ```ts
 * import { Result, Svix } from "@effect-clerk/kernel"
 *
 * const secret = Svix.parseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
 * if (Result.isOk(secret)) {
 *   const headers = {
 *     id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
 *     timestamp: "1614265330",
 *     signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 *   }
 *   console.log(Svix.verify(secret.value, headers, `{"test": 2432232314}`, 1614265330_000))
 *   // { _tag: "Ok", value: { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330 } }
 * }
 * ```
 */
export const verify = (
  secret: Secret,
  headers: Headers,
  body: string | Uint8Array,
  now: number
): Result<Verified, Failure> => {
  if (!TIMESTAMP.test(headers.timestamp)) return err({ _tag: "MalformedTimestamp", timestamp: headers.timestamp })
  const timestamp = Number(headers.timestamp)
  const seconds = Math.floor(now / 1000)
  if (seconds - timestamp > TOLERANCE_SECONDS) {
    return err({ _tag: "OutsideTolerance", direction: "past", timestamp, now: seconds })
  }
  if (timestamp - seconds > TOLERANCE_SECONDS) {
    return err({ _tag: "OutsideTolerance", direction: "future", timestamp, now: seconds })
  }
  const expected = Buffer.from(signature(secret, headers.id, timestamp, body), "utf8")
  let entries = 0
  let matched = false
  for (const entry of headers.signature.split(" ")) {
    const comma = entry.indexOf(",")
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue
    entries++
    const candidate = Buffer.from(entry.slice(comma + 1), "utf8")
    // every entry is compared, so the time taken does not say which matched
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true
  }
  return matched ? ok({ id: headers.id, timestamp }) : err({ _tag: "NoMatchingSignature", entries })
}

/**
 * A short sentence for a failure, naming headers and times, never a secret or a signature.
 *
 * @since 0.3.0
 * @category verifying
 * @example
 * ```ts
 * import { Svix } from "@effect-clerk/kernel"
 *
 * console.log(Svix.describe({ _tag: "NoMatchingSignature", entries: 2 }))
 * // "no signature matches the message (2 v1 entries tried)"
 * ```
 */
export const describe = (failure: Failure): string => {
  switch (failure._tag) {
    case "MissingHeaders":
      return `missing webhook headers: ${failure.names.join(", ")}`
    case "MalformedTimestamp":
      return "the webhook timestamp is not a whole number of seconds"
    case "OutsideTolerance":
      return `the webhook timestamp ${failure.timestamp} is more than ${TOLERANCE_SECONDS} seconds ${
        failure.direction === "past" ? "before" : "after"
      } now (${failure.now})`
    case "NoMatchingSignature":
      return `no signature matches the message (${failure.entries} v1 ${
        failure.entries === 1 ? "entry" : "entries"
      } tried)`
  }
}
