/**
 * Redaction of the secret key from what a server sends back. A server (or a proxy) may echo the credentials it
 * received; no error a client builds may carry them. Both Effect lines redact with these rules.
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
 * @since 0.3.0
 */

/**
 * What a secret is replaced with.
 *
 * @since 0.3.0
 * @category constants
 */
export const REDACTED = "<redacted>"

/**
 * Replaces every occurrence of a secret in texts.
 *
 * @since 0.3.0
 * @category models
 */
export interface Redactor {
  /** Whether the text holds the secret. */
  readonly leaks: (text: string) => boolean
  /** The text with every occurrence of the secret replaced by `<redacted>`. */
  readonly text: (text: string) => string
}

/**
 * Redacts nothing (no secret).
 *
 * @since 0.3.0
 * @category constructors
 */
export const none: Redactor = { leaks: () => false, text: (text) => text }

/**
 * A redactor of `secret`, as sent (trimmed), and of its JSON-escaped form.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (secret: string): Redactor => {
  const sent = secret.trim()
  if (sent === "") return none
  const escaped = JSON.stringify(sent).slice(1, -1)
  const needles = escaped === sent ? [sent] : [sent, escaped]
  const leaks = (text: string) => {
    for (const needle of needles) if (text.includes(needle)) return true
    return false
  }
  return {
    leaks,
    text: (text) => {
      if (!leaks(text)) return text
      let out = text
      for (const needle of needles) out = out.replaceAll(needle, REDACTED)
      return out
    }
  }
}

/** Assigns without ever reaching a prototype setter (a `__proto__` key stays an ordinary key). */
const assign = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    target[key] = value
  }
}

/**
 * A decoded JSON value with the secret redacted from every string and every key, at any depth. The value
 * itself when nothing changed. Recursive: a value nested deeper than the stack throws (callers catch it).
 *
 * @since 0.3.0
 * @category redaction
 */
export const deep = (redactor: Redactor, value: unknown): unknown => {
  if (typeof value === "string") return redactor.text(value)
  if (typeof value !== "object" || value === null) return value
  if (Array.isArray(value)) {
    let out: Array<unknown> | undefined
    for (let i = 0; i < value.length; i++) {
      const item = deep(redactor, value[i])
      if (item !== value[i]) {
        out ??= value.slice()
        out[i] = item
      }
    }
    return out ?? value
  }
  const source = value as Record<string, unknown>
  const keys = Object.keys(source)
  let changed = false
  const entries: Array<readonly [string, unknown]> = []
  for (const key of keys) {
    const redactedKey = redactor.text(key)
    const item = deep(redactor, source[key])
    if (redactedKey !== key || item !== source[key]) changed = true
    entries.push([redactedKey, item])
  }
  if (!changed) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of entries) assign(out, key, item)
  return out
}

/**
 * One of Clerk's errors (`code`, `message`, `longMessage`, `meta`) with the secret redacted from every text and
 * from `meta` at any depth.
 *
 * @since 0.3.0
 * @category redaction
 */
export const apiError = <
  E extends {
    readonly code: string
    readonly message: string
    readonly longMessage?: string | undefined
    readonly meta?: { readonly [key: string]: unknown } | undefined
  }
>(redactor: Redactor, entry: E): {
  readonly code: string
  readonly message: string
  readonly longMessage?: string
  readonly meta?: { readonly [key: string]: unknown }
} => {
  const longMessage = entry.longMessage === undefined ? undefined : redactor.text(entry.longMessage)
  const meta = entry.meta === undefined ? undefined : deep(redactor, entry.meta)
  return {
    code: redactor.text(entry.code),
    message: redactor.text(entry.message),
    ...(longMessage === undefined ? {} : { longMessage }),
    ...(typeof meta === "object" && meta !== null && !Array.isArray(meta) ? { meta: { ...meta } } : {})
  }
}
