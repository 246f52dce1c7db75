/**
 * Section 3: walking 100 000 users through the pagination Stream from the emulator over loopback (the emulator
 * runs in a child process), with heap and RSS sampled, against walking the same pages with bare fetch.
 */
import { ClerkConfig, RetryPolicy, Users } from "@effect-clerk/core"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime, Stream } from "effect"
import { spawn } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export interface Walk {
  readonly users: number
  readonly millis: number
  readonly heapGrowthMb: number
  readonly rssGrowthMb: number
}

const gc = () => (globalThis as { gc?: () => void }).gc?.()

/** Samples heap and RSS every 25 ms while `run` runs; growth is measured from the baseline after a GC. */
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

/**
 * Live memory: walks once more, forcing a GC every `every` users and reading the heap right after it, so that
 * what is still reachable (not garbage awaiting collection) is measured as the walk proceeds.
 */
const live = async (walk: (probe: (walked: number) => void) => Promise<number>, every: number) => {
  gc()
  const base = process.memoryUsage().heapUsed
  const samples: Array<number> = []
  let next = every
  await walk((walked) => {
    if (walked < next) return
    next += every
    gc()
    samples.push((process.memoryUsage().heapUsed - base) / 1024 / 1024)
  })
  return { samples, maxMb: Math.max(...samples), firstMb: samples[0] ?? 0, lastMb: samples.at(-1) ?? 0 }
}

export const startEmulator = async (workdir: string, population: number) => {
  const seed = join(workdir, `seed-${population}.json`)
  writeFileSync(
    seed,
    JSON.stringify(Array.from({ length: population }, (_, i) => ({
      emailAddress: [`user${i}@example.com`],
      firstName: ["Ada", "Grace", "Alan", "Edsger"][i % 4],
      lastName: `Number${i}`,
      username: `user_${i}`,
      createdAt: 1_700_000_000_000 + i * 1000,
      publicMetadata: { plan: i % 3 === 0 ? "pro" : "free", seats: i % 50 }
    })))
  )
  const bin = fileURLToPath(import.meta.resolve("@effect-clerk/testkit/bin/emulator"))
  const child = spawn(process.execPath, [bin, "--port", "0", "--seed", seed, "--key", "sk_test_bench"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let output = ""
    child.stdout.on("data", (chunk) => {
      output += String(chunk)
      const match = /listening on (\S+\/v1)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}): ${output}`)))
  })
  return { apiUrl, stop: () => child.kill("SIGTERM") }
}

export const runStreaming = async (options: { readonly quick: boolean; readonly workdir: string }) => {
  const population = options.quick ? 20_000 : 100_000
  const pageSize = 500
  const emulator = await startEmulator(options.workdir, population)
  const runtime = ManagedRuntime.make(
    Users.layer.pipe(
      Layer.provide(
        ClerkConfig.layer({
          secretKey: "sk_test_bench",
          apiUrl: emulator.apiUrl,
          retry: RetryPolicy.none,
          instanceBudget: false
        })
      ),
      Layer.provide(NodeHttpClient.layerUndici)
    )
  )
  try {
    const users = await runtime.runPromise(Users)
    const viaStream = (probe?: (walked: number) => void) =>
      runtime.runPromise(
        users.listStream({}, { pageSize }).pipe(
          Stream.runFold(0, (n) => {
            probe?.(n + 1)
            return n + 1
          })
        )
      )
    const viaFetch = async (probe?: (walked: number) => void) => {
      let total = 0
      for (let offset = 0;; offset += pageSize) {
        const response = await fetch(`${emulator.apiUrl}/users?limit=${pageSize}&offset=${offset}`, {
          headers: { authorization: "Bearer sk_test_bench" }
        })
        const page = (await response.json()) as ReadonlyArray<unknown>
        total += page.length
        probe?.(total)
        if (page.length < pageSize) return total
      }
    }
    // warm up both paths (and the emulator's sorted index) on a few pages
    await runtime.runPromise(users.listStream({}, { pageSize }).pipe(Stream.take(2000), Stream.runDrain))
    // walks in pairs, alternating (the order flips every pair), so that each pair's ratio compares walks made
    // back to back
    const fetchWalks: Array<Walk> = []
    const streamWalks: Array<Walk> = []
    for (let pair = 0; pair < (options.quick ? 2 : 3); pair++) {
      if (pair % 2 === 0) {
        fetchWalks.push(await sampled(() => viaFetch()))
        streamWalks.push(await sampled(() => viaStream()))
      } else {
        streamWalks.push(await sampled(() => viaStream()))
        fetchWalks.push(await sampled(() => viaFetch()))
      }
    }
    const every = population / 10
    const fetchLive = await live(viaFetch, every)
    const streamLive = await live(viaStream, every)
    return {
      population,
      pageSize,
      fetch: fetchWalks,
      stream: streamWalks,
      live: { every, fetch: fetchLive, stream: streamLive }
    }
  } finally {
    await runtime.dispose()
    emulator.stop()
    await Effect.runPromise(Effect.void)
  }
}
