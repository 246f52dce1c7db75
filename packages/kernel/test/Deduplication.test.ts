/**
 * The claims of webhook message ids (both lines' in-memory de-duplication) and the remote store's failure policy
 * (both lines' Redis stores).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Deduplication from "../src/Deduplication.js"
import * as RemoteHealth from "../src/RemoteHealth.js"

describe("Deduplication", () => {
  it("an id is claimed once until its claim expires, and again once released", () => {
    const seen = Deduplication.make()
    expect(Deduplication.claim(seen, "msg_1", 0, 1000)).toBe(true)
    expect(Deduplication.claim(seen, "msg_1", 999, 1000)).toBe(false)
    expect(Deduplication.claim(seen, "msg_1", 1000, 1000)).toBe(true)
    Deduplication.release(seen, "msg_1")
    expect(Deduplication.claim(seen, "msg_1", 1001, 1000)).toBe(true)
  })

  it("past maxEntries the oldest claims are forgotten first", () => {
    const seen = Deduplication.make(2)
    for (const id of ["a", "b", "c"]) expect(Deduplication.claim(seen, id, 0, 1000)).toBe(true)
    expect([...seen.expiries.keys()]).toEqual(["b", "c"])
    expect(Deduplication.claim(seen, "a", 1, 1000)).toBe(true)
    expect(Deduplication.claim(seen, "c", 1, 1000)).toBe(false)
  })

  it("the default TTL spans Svix's retry schedule with its timeouts and the tolerance", () => {
    expect(Deduplication.DEFAULT_TTL_MILLIS).toBe(99_725_000)
    expect(Deduplication.make(0).maxEntries).toBe(Deduplication.DEFAULT_MAX_ENTRIES)
  })

  it("a shared store's key and time to live", () => {
    expect(Deduplication.key(undefined, "msg_1")).toBe("clerk:webhook:msg_1")
    expect(Deduplication.key("app:", "msg_1")).toBe("app:clerk:webhook:msg_1")
    expect([0, 0.2, 1000.5].map(Deduplication.storeTtlMillis)).toEqual([1, 1, 1001])
  })
})

describe("RemoteHealth", () => {
  it("a failure starts an outage once; the remote is probed after the interval; a success ends it once", () => {
    const [first, down] = RemoteHealth.failed(RemoteHealth.up, 1000, 500)
    expect(first).toBe(true)
    expect(RemoteHealth.tryRemote(down, 1499)).toBe(false)
    expect(RemoteHealth.tryRemote(down, 1500)).toBe(true)
    const [again, stillDown] = RemoteHealth.failed(down, 1500, 500)
    expect(again).toBe(false)
    expect(stillDown.probeAt).toBe(2000)
    expect(RemoteHealth.succeeded(stillDown)).toEqual([true, RemoteHealth.up])
    expect(RemoteHealth.succeeded(RemoteHealth.up)[0]).toBe(false)
    expect(RemoteHealth.tryRemote(RemoteHealth.up, 0)).toBe(true)
    expect(RemoteHealth.outageMessage("the store", "timed out", "working locally")).toBe(
      "clerk: the store is unavailable (timed out); working locally until it is back"
    )
  })
})
