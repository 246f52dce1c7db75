/**
 * An operation's requests: the constant parts (method, headers) built once per operation, then each call's URL
 * (the path template filled with percent-encoded parameters), query and body.
 *
 * @internal
 */
import type * as Headers from "@effect/platform/Headers"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type { RequestInput } from "./request.js"
import { pathFiller } from "./request.js"

/**
 * What a request is built from, in an operation's row.
 *
 * @internal
 */
export interface Routed {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  readonly path: string
}

/**
 * The requests of one operation, from a call's input.
 *
 * @internal
 */
export type BuildRequest = (input: RequestInput) => HttpClientRequest.HttpClientRequest

/**
 * The request builders of a layer: its API URL and the headers every request carries.
 *
 * @internal
 */
export type RequestBuilder = (apiUrl: string, headers: Headers.Headers) => (operation: Routed) => BuildRequest

/**
 * @internal
 */
export const make: RequestBuilder = (apiUrl, headers) => (operation) => {
  const fill = pathFiller(operation.path)
  // method and headers set once: a call only sets its URL (and its query and body, if any)
  const template = HttpClientRequest.make(operation.method)(apiUrl, { headers })
  return (input) => {
    let request = HttpClientRequest.setUrl(template, apiUrl + fill(input.params ?? []))
    if (input.urlParams !== undefined && input.urlParams.length > 0) {
      request = HttpClientRequest.setUrlParams(request, input.urlParams)
    }
    if (input.body !== undefined) {
      request = input.body._tag === "Json"
        ? HttpClientRequest.bodyText(request, input.body.text, "application/json")
        : HttpClientRequest.bodyFormData(request, input.body.form)
    }
    return request
  }
}
