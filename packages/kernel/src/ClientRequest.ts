/**
 * The client side of a request, as plain rules both Effect lines apply before anything is sent: which path
 * parameters can be sent (`idProblem`), how a path template is filled (`pathFiller`), how encoded query
 * parameters become repeated-key pairs (`queryPairs`), and which fields an API version refuses
 * (`versionRefusal`).
 *
 * @since 0.3.0
 */
import { versionAtLeast } from "./ApiVersions.js"
import type { VersionRule } from "./internal/rows.js"
import type { CountUsersParams, ListUsersParams, ProfileImage } from "./Model.js"

/**
 * The longest path parameter a client sends.
 *
 * @since 0.3.0
 * @category constants
 */
export const MAX_ID_LENGTH = 1024

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether a string holds a lone surrogate (it is not well-formed Unicode: a URL or a JSON body would carry
 * U+FFFD instead, another value than the one given).
 *
 * @since 0.3.0
 * @category predicates
 */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s)

/**
 * Why a path parameter cannot be sent, or `undefined` when it can: it must be a non-blank, well-formed string,
 * not a dot segment (`.` and `..` are resolved away by URL parsers whatever their encoding), of a sane length.
 *
 * @since 0.3.0
 * @category validation
 */
export const idProblem = (field: string, value: unknown): string | undefined => {
  if (typeof value !== "string") return `${field} must be a string`
  if (value.trim() === "") return `${field} must not be empty`
  if (value === "." || value === "..") return `${field} cannot be a dot segment ("${value}")`
  if (value.length > MAX_ID_LENGTH) return `${field} is longer than ${MAX_ID_LENGTH} characters`
  if (hasLoneSurrogate(value)) return `${field} is not well-formed Unicode (lone surrogate)`
  return undefined
}

/**
 * A path template (`/users/{user_id}/ban`) compiled into the function that fills it with percent-encoded
 * parameters (each exactly one path segment), in order.
 *
 * @since 0.3.0
 * @category paths
 */
export const pathFiller = (template: string): (params: ReadonlyArray<string>) => string => {
  const parts = template.split(/\{[a-z0-9_]+\}/)
  if (parts.length === 1) return () => template
  return (params) => {
    let out = parts[0]!
    for (let i = 1; i < parts.length; i++) out += encodeURIComponent(params[i - 1] ?? "") + parts[i]!
    return out
  }
}

/**
 * Fills a path template (`/users/{user_id}/ban`) with percent-encoded parameters.
 *
 * @since 0.3.0
 * @category paths
 */
export const fillPath = (template: string, params: ReadonlyArray<string>): string => pathFiller(template)(params)

/**
 * A camelCase name of a snake_case wire name (`external_id` → `externalId`), as an invalid request names it.
 *
 * @since 0.3.0
 * @category paths
 */
export const camelCase = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * The query of an encoded parameters object (wire names as keys, in the encoded object's order): one pair per
 * value, list values repeated under their key, absent (`undefined`, `null`) values omitted, `false` and `0`
 * sent. A value that is not well-formed Unicode cannot be carried by a URL: the result is then the camelCase
 * name of its key, under `problem`.
 *
 * @since 0.3.0
 * @category query
 */
export const queryPairs = (
  record: { readonly [key: string]: unknown }
): { readonly pairs: ReadonlyArray<readonly [string, string]> } | { readonly problem: string } => {
  const pairs: Array<readonly [string, string]> = []
  for (const key of Object.keys(record)) {
    const v = record[key]
    if (v === undefined || v === null) continue
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = String(item)
      if (hasLoneSurrogate(text)) return { problem: camelCase(key) }
      pairs.push([key, text])
    }
  }
  return { pairs }
}

/**
 * The message of a query value that is not well-formed Unicode.
 *
 * @since 0.3.0
 * @category query
 */
export const LONE_SURROGATE_MESSAGE = "is not well-formed Unicode (lone surrogate)"

/**
 * The version rules of an operation in force under an API version.
 *
 * @since 0.3.0
 * @category versions
 */
export const rulesInForce = (
  operation: { readonly versionRules?: ReadonlyArray<VersionRule> | undefined },
  apiVersion: string
): ReadonlyArray<VersionRule> => (operation.versionRules ?? []).filter((rule) => versionAtLeast(apiVersion, rule.since))

/**
 * The field an API version refuses in a call's arguments, and the message saying what to use instead, or
 * `undefined` when the version takes them (`rules`: the rules in force, `rulesInForce`).
 *
 * @since 0.3.0
 * @category versions
 */
export const versionRefusal = (
  operation: { readonly key: string; readonly args: ReadonlyArray<{ readonly name: string }> },
  rules: ReadonlyArray<VersionRule>,
  apiVersion: string,
  args: ReadonlyArray<unknown>
): { readonly field: string; readonly message: string } | undefined => {
  for (const rule of rules) {
    if (!versionAtLeast(apiVersion, rule.since)) continue
    const value = args[operation.args.findIndex((arg) => arg.name === rule.arg)]
    if (typeof value !== "object" || value === null) continue
    const field = rule.fields.find((field) => field in value)
    if (field === undefined) continue
    return {
      field: `${rule.arg}.${field}`,
      message: `Clerk API version ${apiVersion} no longer accepts ${field} in ${operation.key}: use ${
        rule.use.join(" or ")
      }`
    }
  }
  return undefined
}

/**
 * The index of the argument that is the user id (the `user_id` path parameter), or -1: its value is the
 * `clerk.user_id` attribute of the operation's span.
 *
 * @since 0.3.0
 * @category rows
 */
export const userIdIndex = (
  operation: { readonly args: ReadonlyArray<{ readonly name: string; readonly in: string }> }
): number => operation.args.findIndex((arg) => arg.in === "path" && arg.name === "userId")

/**
 * The position of the argument whose value keys the operation's write limit (the user id), or -1.
 *
 * @since 0.3.0
 * @category rows
 */
export const writeLimitIndex = (
  operation: { readonly writeLimitKey?: string | undefined; readonly args: ReadonlyArray<{ readonly name: string }> }
): number =>
  operation.writeLimitKey === undefined ? -1 : operation.args.findIndex((arg) => arg.name === operation.writeLimitKey)

/**
 * The multipart form of a profile image (`{ data, fileName?, contentType? }`, `data` a `Uint8Array` or a
 * `Blob`, not empty) under the field `field`, or the problem that stops it.
 *
 * @since 0.3.0
 * @category bodies
 */
export const profileImageForm = (
  field: string,
  file: unknown
): { readonly form: FormData } | { readonly problem: string } => {
  if (typeof file !== "object" || file === null) {
    return { problem: `${field} must be { data, fileName?, contentType? }` }
  }
  const { contentType, data, fileName } = file as Partial<ProfileImage>
  const blob = data instanceof Blob
    ? data
    : data instanceof Uint8Array
    ? new Blob([new Uint8Array(data)], contentType === undefined ? {} : { type: contentType })
    : undefined
  if (blob === undefined) return { problem: `${field}.data must be a Uint8Array or a Blob` }
  if (blob.size === 0) return { problem: `${field}.data is empty` }
  const form = new FormData()
  form.append(field, blob, fileName ?? "profile-image")
  return { form }
}

/**
 * The filters of a list's parameters, as `count` takes them (no paging, no order).
 *
 * @since 0.3.0
 * @category query
 */
export const countParamsOf = (params: ListUsersParams | undefined): CountUsersParams | undefined => {
  if (params === undefined) return undefined
  const { limit: _limit, offset: _offset, orderBy: _orderBy, startingAfter: _startingAfter, ...filters } = params
  return filters
}
