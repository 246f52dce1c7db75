/**
 * A request from an operation's row in the kernel's table (method, path template, argument placement and wire
 * names) and a call's arguments: nothing about an operation is written here.
 *
 * @internal
 */
import type * as Operations from "@effect-clerk/kernel/Operations"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import type { ClerkConfig } from "../ClerkConfig.js"

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Adds the query pairs of an object argument in the order of the row's wire names (the Effect 3 line's order,
 * which the differential test compares): each camelCase key under its wire name, list values repeated.
 */
const addQueryPairs = (pairs: Array<readonly [string, string]>, fields: ReadonlyArray<string>, value: object) => {
  const given = new Map(Object.entries(value).map(([key, field]): [string, unknown] => [snakeCase(key), field]))
  for (const wire of fields) {
    const field = given.get(wire)
    if (field === undefined) continue
    const items: ReadonlyArray<unknown> = Array.isArray(field) ? field : [field]
    for (const item of items) pairs.push([wire, String(item)])
  }
}

/** The request of a call: the path template filled with percent-encoded path arguments, the query set. */
export const build = (
  config: ClerkConfig["Service"],
  row: Operations.Row,
  args: ReadonlyArray<unknown>
): HttpClientRequest.HttpClientRequest => {
  let path = row.path
  const urlParams: Array<readonly [string, string]> = []
  row.args.forEach((arg, i) => {
    const value = args[i]
    if (arg.in === "path" && arg.wire !== undefined) {
      path = path.replace(`{${arg.wire}}`, encodeURIComponent(String(value)))
    } else if (arg.in === "query" && Predicate.isObject(value)) {
      addQueryPairs(urlParams, arg.fields, value)
    }
  })
  return HttpClientRequest.make(row.method)(config.apiUrl + path, {
    urlParams,
    acceptJson: true,
    headers: {
      authorization: `Bearer ${Redacted.value(config.secretKey)}`,
      "clerk-api-version": config.apiVersion
    }
  })
}
