/**
 * The rules of a client's configuration, as plain functions both Effect lines apply: which secret keys can be
 * sent, what `apiVersion` may be (the URL version as Clerk's SDKs take it, or a `Clerk-API-Version` date this
 * library knows), how the API URL is resolved, what a `User-Agent` may hold, and the defaults. A problem is
 * reported with the label of the option or variable (`secretKey`, `CLERK_API_URL`) and never its value.
 *
 * @since 0.3.0
 */
import { apiVersions } from "./ApiVersions.js"

/**
 * The Backend API's URL (with its version segment) when none is given.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_API_URL = "https://api.clerk.com/v1"

/**
 * The `Clerk-API-Version` sent when none is given.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_API_VERSION = "2025-11-10"

/**
 * The largest response body accepted by default, in bytes (50 MB).
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024

/**
 * How long one attempt of a call may take when the configuration gives no `timeout`: 30 s.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_TIMEOUT_MILLIS = 30_000

/**
 * The default retry policy of both lines: 3 retries, a backoff from 250 ms doubling up to 10 s, no retry
 * scheduled after 60 s, and a `Retry-After` of at most 60 s waited for.
 *
 * @since 0.3.0
 * @category constants
 */
export const retryDefaults: {
  readonly retries: number
  readonly baseDelayMillis: number
  readonly factor: number
  readonly maxDelayMillis: number
  readonly maxElapsedMillis: number
  readonly maxRetryAfterMillis: number
} = {
  retries: 3,
  baseDelayMillis: 250,
  factor: 2,
  maxDelayMillis: 10_000,
  maxElapsedMillis: 60_000,
  maxRetryAfterMillis: 60_000
}

const DEFAULT_URL_VERSION = "v1"
const urlVersionPattern = /^v\d+$/
const headerVersionPattern = /^\d{4}-\d{2}-\d{2}$/
const knownVersions: ReadonlyArray<string> = apiVersions

/**
 * The names a configuration's problems are reported under (the options' names, or the environment's).
 *
 * @since 0.3.0
 * @category models
 */
export interface Labels {
  readonly secretKey: string
  readonly apiUrl: string
  readonly apiVersion: string
  readonly timeout: string
}

/**
 * The labels of explicit options.
 *
 * @since 0.3.0
 * @category constants
 */
export const optionLabels: Labels = {
  secretKey: "secretKey",
  apiUrl: "apiUrl",
  apiVersion: "apiVersion",
  timeout: "timeout"
}

/**
 * The labels of the environment's variables (the names Clerk's SDKs read).
 *
 * @since 0.3.0
 * @category constants
 */
export const envLabels: Labels = {
  secretKey: "CLERK_SECRET_KEY",
  apiUrl: "CLERK_API_URL",
  apiVersion: "CLERK_API_VERSION",
  timeout: "CLERK_TIMEOUT"
}

/**
 * A configuration problem: the option or variable, and the message (which never shows the value).
 *
 * @since 0.3.0
 * @category models
 */
export interface Problem {
  readonly label: string
  readonly message: string
}

/**
 * The problem `problem` of the option `label`, worded as every configuration error is.
 *
 * @since 0.3.0
 * @category problems
 */
export const invalid = (label: string, problem: string): Problem => ({
  label,
  message: `${label} ${problem} (the value is not shown)`
})

/**
 * Where to get a secret key, or how to do without one.
 *
 * @since 0.3.0
 * @category problems
 */
export const missingKeyHelp = (label: string): string =>
  `Get the secret key (sk_test_… or sk_live_…) from the Clerk Dashboard, page "API keys", and set ${label} to it. ` +
  "No Clerk instance at hand? Run the emulator (npx effect-clerk-emulator, from @effect-clerk/testkit) and set " +
  "CLERK_API_URL=http://127.0.0.1:4010 CLERK_SECRET_KEY=sk_test_emulator, or use ClerkEmulator.layerUsers() " +
  "or UsersInMemory.layer() in tests."

/**
 * The problem of a key that is not set.
 *
 * @since 0.3.0
 * @category problems
 */
export const keyMissing = (label: string): Problem => ({
  label,
  message: `${label} is not set. ${missingKeyHelp(label)}`
})

/**
 * Why a secret key cannot be sent in the `Authorization` header, or `undefined`: only visible ASCII, no
 * surrounding whitespace (refused, not trimmed).
 *
 * @since 0.3.0
 * @category validation
 */
export const keyProblem = (key: string, label: string): Problem | undefined => {
  if (key.trim() === "") return { label, message: `${label} is empty. ${missingKeyHelp(label)}` }
  if (key.trim() !== key) return invalid(label, "has leading or trailing whitespace: remove it")
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return invalid(
      label,
      "contains a character that cannot be sent in an HTTP header (only visible ASCII is accepted: " +
        "look for a space, a line break or an invisible character such as a zero-width space picked up when copying)"
    )
  }
  return undefined
}

/**
 * Why a `User-Agent` suffix cannot be sent, or `undefined` (line breaks become spaces).
 *
 * @since 0.3.0
 * @category validation
 */
export const userAgentProblem = (userAgent: string): Problem | undefined =>
  /^[\t\x20-\x7e]*$/.test(userAgent.replace(/[\r\n]/g, " "))
    ? undefined
    : invalid(
      "userAgent",
      "contains a character that cannot be sent in an HTTP header (only printable ASCII is accepted)"
    )

/**
 * The `User-Agent` of a package at a version, with the caller's suffix (line breaks as spaces).
 *
 * @since 0.3.0
 * @category headers
 */
export const userAgentOf = (pkg: string, version: string, suffix: string | undefined): string =>
  `${pkg}/${version}${suffix === undefined ? "" : ` ${suffix.replace(/[\r\n]/g, " ")}`}`

const apiUrlFrom = (input: string, urlVersion: string | undefined, labels: Labels): string | Problem => {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return invalid(labels.apiUrl, `is not a URL (expected for example https://api.clerk.com)`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid(labels.apiUrl, "is not an http(s) URL")
  if (url.username !== "" || url.password !== "") {
    return invalid(
      labels.apiUrl,
      "contains credentials (user:password@), which would reach every log and error: remove them"
    )
  }
  if (url.search !== "" || url.hash !== "") return invalid(labels.apiUrl, "cannot have a query or a fragment")
  const base = url.toString().replace(/\/+$/, "")
  const last = base.slice(base.lastIndexOf("/") + 1)
  if (urlVersionPattern.test(last) && base.lastIndexOf("/") > base.indexOf("//") + 1) {
    return urlVersion === undefined || urlVersion === last
      ? base
      : invalid(
        labels.apiUrl,
        `already ends in a version segment that ${labels.apiVersion} contradicts: give the URL without it ` +
          `(https://api.clerk.com), as Clerk's SDKs take it`
      )
  }
  return `${base}/${urlVersion ?? DEFAULT_URL_VERSION}`
}

/**
 * The API URL and `Clerk-API-Version` of a configuration, or its problem. `apiVersion` takes what Clerk's SDKs
 * take (the URL version, `v1`) or a `Clerk-API-Version` date this library knows; `apiUrl` is the API's origin
 * (`/v1` appended unless it already ends in a version segment), without credentials, query or fragment.
 *
 * @since 0.3.0
 * @category validation
 */
export const resolveEndpoint = (
  options: { readonly apiUrl?: string | undefined; readonly apiVersion?: string | undefined },
  labels: Labels
): { readonly apiUrl: string; readonly apiVersion: string } | Problem => {
  const version = options.apiVersion
  if (version !== undefined && !urlVersionPattern.test(version) && !headerVersionPattern.test(version)) {
    return invalid(
      labels.apiVersion,
      "is neither a URL version as Clerk's SDKs take it (v1) nor a Clerk-API-Version date (YYYY-MM-DD, " +
        `for example ${DEFAULT_API_VERSION})`
    )
  }
  if (version !== undefined && headerVersionPattern.test(version) && !knownVersions.includes(version)) {
    return invalid(
      labels.apiVersion,
      `is not a Clerk API version this library knows (${knownVersions.join(", ")}): each version changes what ` +
        "some operations accept, so an unknown one cannot be honoured"
    )
  }
  const urlVersion = version !== undefined && urlVersionPattern.test(version) ? version : undefined
  const apiVersion = version !== undefined && headerVersionPattern.test(version) ? version : DEFAULT_API_VERSION
  const apiUrl = options.apiUrl === undefined
    ? urlVersion === undefined ? DEFAULT_API_URL : `https://api.clerk.com/${urlVersion}`
    : apiUrlFrom(options.apiUrl, urlVersion, labels)
  return typeof apiUrl === "string" ? { apiUrl, apiVersion } : apiUrl
}

/**
 * Why a response bound cannot be used, or `undefined`: a positive safe integer.
 *
 * @since 0.3.0
 * @category validation
 */
export const maxResponseBytesProblem = (bytes: number): Problem | undefined =>
  Number.isSafeInteger(bytes) && bytes > 0 ? undefined : invalid("maxResponseBytes", "is not a positive integer")

/**
 * Why a limit (`perUserWriteLimit`, `instanceBudget`) cannot be used, or `undefined`: a positive integer number
 * of requests in a positive window.
 *
 * @since 0.3.0
 * @category validation
 */
export const limitProblem = (
  label: "perUserWriteLimit" | "instanceBudget",
  requests: number,
  windowMillis: number
): Problem | undefined =>
  !Number.isSafeInteger(requests) || requests < 1
    ? invalid(
      label,
      label === "perUserWriteLimit"
        ? "needs a positive integer number of requests"
        : "needs a positive integer number of requests and a positive window"
    )
    : label === "instanceBudget" && !(windowMillis > 0)
    ? invalid(label, "needs a positive integer number of requests and a positive window")
    : undefined

/**
 * The problem of a timeout that is not a positive duration.
 *
 * @since 0.3.0
 * @category problems
 */
export const timeoutInvalid = (label: string): Problem =>
  invalid(label, `is not a positive duration (for example "10 seconds")`)
