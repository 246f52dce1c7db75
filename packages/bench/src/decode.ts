/**
 * Section 2: decode cost alone, for the 500-user page: users per second through the schema (the compiled
 * decoder the client uses, and Effect's generic decoder), against JSON.parse of the same bytes.
 */
import { UsersCodec } from "@effect-clerk/core"
import { User } from "@effect-clerk/core/User"
import { Schema } from "effect"
import { pageJson } from "./fixtures.js"
import { summarize } from "./stats.js"

const time = (runs: number, f: () => unknown) => {
  for (let i = 0; i < 5; i++) f()
  const samples: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    f()
    samples.push(performance.now() - started)
  }
  return summarize(samples)
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner)

export const runDecode = (options: { readonly quick: boolean }) => {
  const text = pageJson(0, 500)
  const parsed = JSON.parse(text)
  const compiled = UsersCodec.decoderFor(Schema.Array(User))
  const generic = Schema.decodeUnknownEither(Schema.Array(User), { onExcessProperty: "ignore" })
  const runs = options.quick ? 20 : 60
  const parse = time(runs, () => JSON.parse(text))
  const fast = time(runs, () => compiled(parsed))
  const slow = time(Math.max(5, runs / 4), () => generic(parsed))
  // key order differs (the compiled decoder writes required fields first): compare canonically
  const same = canonical(compiled(parsed)) === canonical(generic(parsed))
  return { bytes: Buffer.byteLength(text), users: 500, parse, fast, slow, same }
}
