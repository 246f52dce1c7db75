/**
 * The Effect 4 line's streaming walk (run on Node 22 with `--expose-gc` by `packages/bench/src/effect4.ts`):
 * every user of the emulator that the parent started (`apiUrl`, a black box over HTTP) walked in pages of
 * `pageSize`, through the client, with bare `fetch`, and with bare `fetch` plus `effect/Schema`'s decoding of each
 * page (the platform's floor for the same work), in rounds (the order flips every pair), heap and RSS sampled
 * every 25 ms, growth measured from a baseline taken after a GC. The client's walk is `users.listStream({},
 * { pageSize })`, configured as the Effect 3 line's walk (section 4): no retries, no instance budget.
 *
 * Usage: `node --expose-gc streaming.js <apiUrl> <key> <pageSize> <pairs> <out.json>`.
 */
import * as ClerkConfig from "@effect-clerk/core-effect4/ClerkConfig"
import * as RetryPolicy from "@effect-clerk/core-effect4/RetryPolicy"
import * as User from "@effect-clerk/core-effect4/User"
import * as Users from "@effect-clerk/core-effect4/Users"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { writeFileSync } from "node:fs"

/** One walk: users seen, time, peak growth of the heap and of the RSS. */
export interface Walk {
  readonly users: number
  readonly millis: number
  readonly heapGrowthMb: number
  readonly rssGrowthMb: number
}

const [apiUrl = "", key = "", pageSizeArg = "500", pairsArg = "2", out = "streaming.json"] = process.argv.slice(2)
const pageSize = Number(pageSizeArg)

const gc = (): void => {
  const collect: unknown = Reflect.get(globalThis, "gc")
  if (typeof collect === "function") collect()
}

const sampled = async (run: () => Promise<number>): Promise<Walk> => {
  gc()
  const base = process.memoryUsage()
  let peakHeap = base.heapUsed
  let peakRss = base.rss
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  }, 25)
  const started = performance.now()
  const users = await run()
  const millis = performance.now() - started
  clearInterval(timer)
  return {
    users,
    millis,
    heapGrowthMb: (peakHeap - base.heapUsed) / 1024 / 1024,
    rssGrowthMb: (peakRss - base.rss) / 1024 / 1024
  }
}

const runtime = ManagedRuntime.make(
  Users.layer.pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: key, apiUrl, retry: RetryPolicy.none, instanceBudget: false })),
    Layer.provide(FetchHttpClient.layer)
  )
)

try {
  const users = await runtime.runPromise(Effect.service(Users.Users))
  const walk = () => users.listStream({}, { pageSize })
  const viaStream = () => runtime.runPromise(Stream.runFold(walk(), () => 0, (n) => n + 1))
  const viaFetch = async () => {
    let total = 0
    for (let offset = 0;; offset += pageSize) {
      const response = await fetch(`${apiUrl}/users?limit=${pageSize}&offset=${offset}`, {
        headers: { authorization: `Bearer ${key}` }
      })
      const page: ReadonlyArray<unknown> = await response.json()
      total += page.length
      if (page.length < pageSize) return total
    }
  }
  // the platform's floor for the same work: bare fetch, and each page decoded by `effect/Schema` into the same
  // `User` values the client's walk yields
  const decodePage = Schema.decodeUnknownSync(Schema.Array(User.User))
  const viaDecode = async () => {
    let total = 0
    for (let offset = 0;; offset += pageSize) {
      const response = await fetch(`${apiUrl}/users?limit=${pageSize}&offset=${offset}`, {
        headers: { authorization: `Bearer ${key}` }
      })
      const page = decodePage(await response.json())
      total += page.length
      if (page.length < pageSize) return total
    }
  }
  // warm up both paths on a few pages
  await runtime.runPromise(Stream.runDrain(Stream.take(walk(), 2000)))
  await viaDecode()
  const fetchWalks: Array<Walk> = []
  const decodeWalks: Array<Walk> = []
  const streamWalks: Array<Walk> = []
  for (let pair = 0; pair < Number(pairsArg); pair++) {
    if (pair % 2 === 0) {
      fetchWalks.push(await sampled(viaFetch))
      decodeWalks.push(await sampled(viaDecode))
      streamWalks.push(await sampled(viaStream))
    } else {
      streamWalks.push(await sampled(viaStream))
      decodeWalks.push(await sampled(viaDecode))
      fetchWalks.push(await sampled(viaFetch))
    }
  }
  writeFileSync(out, JSON.stringify({ fetch: fetchWalks, decode: decodeWalks, stream: streamWalks }))
} finally {
  await runtime.dispose()
}
