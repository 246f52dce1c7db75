/**
 * Redaction of the secret key from what a server sends back. A server (or a proxy) may echo the credentials it
 * received; no error this client builds may carry them.
 *
 * What is looked for is the key as it is sent: transports trim the whitespace around a header value, so the
 * trimmed key (which every echo of the configured or of the sent key contains) is the text replaced, and also
 * its JSON-escaped form (as a schema failure quotes a value). It is replaced in texts *after* they are decoded
 * (a JSON `\u` escape is not the key until `JSON.parse` has read it) and *before* any truncation (a key cut in
 * two is no longer found).
 *
 * Keys of any length are redacted. A very short key (a few characters) is not a secret worth the name, and
 * replacing it can make unrelated words of a message unreadable: secrecy is chosen over readability there.
 *
 * @internal
 */
import * as Redaction from "@effect-clerk/kernel/Redaction"
import { DecodeError, TransportError } from "../ClerkError.js"

/**
 * Replaces every occurrence of a secret in texts (the kernel's `Redaction`, shared with the Effect 4 line).
 *
 * @internal
 */
export type Redactor = Redaction.Redactor

/**
 * Redacts nothing (no secret).
 *
 * @internal
 */
export const none: Redactor = Redaction.none

/**
 * A redactor of `secret`, as sent (trimmed), and of its JSON-escaped form.
 *
 * @internal
 */
export const make: (secret: string) => Redactor = Redaction.make

/**
 * A decoded JSON value with the secret redacted from every string and every key, at any depth.
 *
 * @internal
 */
export const deep: (redactor: Redactor, value: unknown) => unknown = Redaction.deep

/**
 * One of Clerk's errors with the secret redacted from its texts and `meta`.
 *
 * @internal
 */
export const apiError = Redaction.apiError

/**
 * The errors this client builds, without the secret in their messages: the error itself when its message does
 * not hold it.
 *
 * @internal
 */
export const errors = (redactor: Redactor) => <E extends TransportError | DecodeError>(error: E): E => {
  if (!redactor.leaks(error.message)) return error
  const message = redactor.text(error.message)
  return (error._tag === "TransportError"
    ? new TransportError({ operation: error.operation, reason: error.reason, message })
    : new DecodeError({ operation: error.operation, status: error.status, reason: error.reason, message })) as E
}
