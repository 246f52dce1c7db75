/**
 * Redirects are never followed. Clerk's API never redirects, and a redirect followed is a request sent again,
 * elsewhere (a POST turned into a GET, or replayed with its body): fetch is told not to follow
 * (`redirect: "manual"`), so a 3xx reaches the status mapping as it is (`UnexpectedStatus`). The Node clients
 * never follow. The `RequestInit` the layer was built with, then the caller's, are kept; only `redirect` is forced.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

/**
 * Sets fetch's `RequestInit` in a context: the caller's (over the layer's), with `redirect: "manual"`.
 *
 * @internal
 */
export type NoFollow = (context: Context.Context<never>) => Context.Context<never>

/**
 * The `RequestInit` setter over the layer's own `RequestInit` (if any).
 *
 * @internal
 */
export const noFollow = (layerInit: RequestInit | undefined): NoFollow => {
  const manualInit: RequestInit = { ...layerInit, redirect: "manual" }
  const callerInit = (init: RequestInit): RequestInit => {
    const merged: RequestInit = { ...layerInit, ...init, redirect: "manual" }
    if (layerInit?.headers !== undefined && init.headers !== undefined) {
      merged.headers = Headers.merge(Headers.fromInput(layerInit.headers), Headers.fromInput(init.headers))
    }
    return merged
  }
  return (context) => {
    const init = Context.getOption(context, FetchHttpClient.RequestInit)
    return Context.add(context, FetchHttpClient.RequestInit, init._tag === "None" ? manualInit : callerInit(init.value))
  }
}

/**
 * The setter over the `RequestInit` of the layer being built.
 *
 * @internal
 */
export const make: Effect.Effect<NoFollow> = Effect.map(
  Effect.serviceOption(FetchHttpClient.RequestInit),
  (init) => noFollow(Option.getOrUndefined(init))
)
