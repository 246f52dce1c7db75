/**
 * Section 1: the same requests made three ways, interleaved: bare fetch (the floor), @clerk/backend, and
 * `Users.layer` (over FetchHttpClient and over Node's undici client).
 */
import { createClerkClient } from "@clerk/backend"
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { FetchHttpClient } from "@effect/platform"
import type { HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime } from "effect"
import { serveFixtures } from "./server.js"
import type { Summary } from "./stats.js"
import { interleave, pairedRatio, summarize } from "./stats.js"

const KEY = "sk_test_benchmark"

const effectClient = (origin: string, client: Layer.Layer<HttpClient.HttpClient>) =>
  ManagedRuntime.make(
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: KEY,
          apiUrl: `${origin}/v1`,
          retry: RetryPolicy.none,
          perUserWriteLimit: false,
          instanceBudget: false
        })
      ),
      Layer.provide(client)
    )
  )

export interface HttpResults {
  readonly userBytes: number
  readonly pageBytes: number
  readonly get: Record<string, Summary>
  readonly page: Record<string, Summary>
  readonly pageWithTotal: Record<string, Summary>
  /** Per variant, the median over rounds of the round's ratio to (a) and to (b) (see `pairedRatio`). */
  readonly getRatios: Record<string, { readonly vsFetch: number; readonly vsClerk: number }>
  readonly pageRatios: Record<string, number>
  readonly pageWithTotalRatios: Record<string, number>
  readonly rounds: { readonly get: number; readonly page: number }
}

export const runHttp = async (options: { readonly quick: boolean }): Promise<HttpResults> => {
  const server = await serveFixtures()
  const headers = { authorization: `Bearer ${KEY}` }
  const clerk = createClerkClient({ secretKey: KEY, apiUrl: server.origin, apiVersion: "v1" })
  const viaFetch = effectClient(server.origin, FetchHttpClient.layer)
  const viaUndici = effectClient(server.origin, NodeHttpClient.layerUndici)
  const users = await viaFetch.runPromise(Users)
  const usersUndici = await viaUndici.runPromise(Users)
  const userId = "user_20000000000000000000000001"

  try {
    const getRounds = options.quick ? 30 : 300
    const pageRounds = options.quick ? 10 : 40
    const get = await interleave({
      "(a) fetch + json()": async () => (await fetch(`${server.origin}/v1/users/${userId}`, { headers })).json(),
      "(b) @clerk/backend": () => clerk.users.getUser(userId),
      "(c) Users.layer + FetchHttpClient": () => viaFetch.runPromise(users.get(userId)),
      "(c) Users.layer + NodeHttpClient (undici)": () => viaUndici.runPromise(usersUndici.get(userId))
    }, { warmup: 20, rounds: getRounds, block: 20 })

    const page = await interleave({
      "(a) fetch + json()": async () => (await fetch(`${server.origin}/v1/users?limit=500`, { headers })).json(),
      "(c) Users.layer + FetchHttpClient": () => viaFetch.runPromise(users.list({ limit: 500 })),
      "(c) Users.layer + NodeHttpClient (undici)": () => viaUndici.runPromise(usersUndici.list({ limit: 500 }))
    }, { warmup: 3, rounds: pageRounds, block: 3 })

    // @clerk/backend's getUserList fetches the page and the count concurrently: compare it with listWithTotal
    const pageWithTotal = await interleave({
      "(a) fetch + json() ×2 (page and count)": () =>
        Promise.all([
          fetch(`${server.origin}/v1/users?limit=500`, { headers }).then((r) => r.json()),
          fetch(`${server.origin}/v1/users/count`, { headers }).then((r) => r.json())
        ]),
      "(b) @clerk/backend getUserList": () => clerk.users.getUserList({ limit: 500 }),
      "(c) Users.layer listWithTotal + FetchHttpClient": () => viaFetch.runPromise(users.listWithTotal({ limit: 500 })),
      "(c) Users.layer listWithTotal + NodeHttpClient (undici)": () =>
        viaUndici.runPromise(usersUndici.listWithTotal({ limit: 500 }))
    }, { warmup: 3, rounds: pageRounds, block: 3 })

    const summaries = (samples: Record<string, Array<number>>) =>
      Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s)]))
    const ratios = (samples: Record<string, Array<number>>, reference: string, block: number) => {
      const base = Object.entries(samples).find(([name]) => name.startsWith(reference))![1]
      return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, pairedRatio(s, base, block)]))
    }
    const vsFetch = ratios(get, "(a)", 20)
    const vsClerk = ratios(get, "(b)", 20)
    return {
      getRatios: Object.fromEntries(
        Object.keys(get).map((name) => [name, { vsFetch: vsFetch[name]!, vsClerk: vsClerk[name]! }])
      ),
      pageRatios: ratios(page, "(a)", 3),
      pageWithTotalRatios: ratios(pageWithTotal, "(b)", 3),
      rounds: { get: getRounds, page: pageRounds },
      userBytes: server.userBytes,
      pageBytes: server.pageBytes,
      get: summaries(get),
      page: summaries(page),
      pageWithTotal: summaries(pageWithTotal)
    }
  } finally {
    await viaFetch.dispose()
    await viaUndici.dispose()
    await server.close()
    await Effect.runPromise(Effect.void)
  }
}
