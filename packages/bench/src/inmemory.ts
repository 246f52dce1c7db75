/**
 * Section 4: the in-memory layer at scale: list (a filter, an order, a page) and count over 100 000 users,
 * updateMetadata with an 8 KB metadata object, and the wall time of the property-test suite.
 */
import { Users } from "@effect-clerk/core"
import type { UserSeed } from "@effect-clerk/testkit"
import { UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { ManagedRuntime } from "effect"
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { Summary } from "./stats.js"
import { summarize } from "./stats.js"

const measure = async (runs: number, f: () => Promise<unknown>): Promise<Summary> => {
  const samples: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await f()
    samples.push(performance.now() - started)
  }
  return summarize(samples)
}

export const runInMemory = async (options: { readonly quick: boolean }) => {
  const population = options.quick ? 20_000 : 100_000
  const runtime = ManagedRuntime.make(UsersInMemory.layer())
  try {
    const users = await runtime.runPromise(Users)
    const control = await runtime.runPromise(UsersTestControl)
    const seeds: Array<UserSeed> = Array.from({ length: population }, (_, i) => ({
      emailAddress: [`user${i}@${i % 10 === 0 ? "example.org" : "example.com"}`],
      firstName: ["Ada", "Grace", "Alan", "Edsger", "Barbara"][i % 5]!,
      lastName: `Number${i}`,
      createdAt: 1_700_000_000_000 + i * 1000,
      lastActiveAt: 1_700_000_000_000 + ((i * 7919) % population) * 1000,
      banned: i % 17 === 0
    }))
    const seedStarted = performance.now()
    await runtime.runPromise(control.seedUsers(seeds))
    const seedMillis = performance.now() - seedStarted

    const filter = { emailAddressQuery: "example.org", banned: false } as const
    const listParams = { ...filter, orderBy: "-last_active_at", limit: 100, offset: 200 } as const
    const runs = options.quick ? 10 : 30
    // the first list after a write sorts the population again; later ones reuse the order until the next write
    const someone = (await runtime.runPromise(users.list({ limit: 1 })))[0]!.id
    const coldSamples: Array<number> = []
    for (let i = 0; i < Math.min(runs, 10); i++) {
      await runtime.runPromise(users.updateMetadata(someone, { privateMetadata: { touched: i } }))
      const started = performance.now()
      await runtime.runPromise(users.list(listParams))
      coldSamples.push(performance.now() - started)
    }
    const listWarm = await measure(runs, () => runtime.runPromise(users.list(listParams)))
    const count = await measure(runs, () => runtime.runPromise(users.count(filter)))
    const matching = await runtime.runPromise(users.count(filter))

    // updateMetadata on a user whose metadata is about 8 KB
    const big = Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`key${k}`, { value: "x".repeat(50), n: k }]))
    const target = await runtime.runPromise(control.seedUser({ publicMetadata: big }))
    const size = Buffer.byteLength(JSON.stringify(big))
    let n = 0
    const updateMetadata = await measure(
      options.quick ? 200 : 1000,
      () => runtime.runPromise(users.updateMetadata(target.id, { publicMetadata: { key7: { n: ++n }, extra: null } }))
    )

    return {
      population,
      seedMillis,
      matching,
      listCold: summarize(coldSamples),
      listWarm,
      count,
      updateMetadata,
      metadataBytes: size
    }
  } finally {
    await runtime.dispose()
  }
}

export const runPropertySuite = () => {
  const root = fileURLToPath(new URL("../../../../..", import.meta.url))
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "testkit",
      "--project",
      "core",
      "properties"
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } }
  )
  const millis = performance.now() - started
  // eslint-disable-next-line no-control-regex
  const plain = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, "")
  const tests = /Tests\s+(\d+) passed/.exec(plain)?.[1]
  return { millis, ok: result.status === 0, tests: tests === undefined ? undefined : Number(tests) }
}
