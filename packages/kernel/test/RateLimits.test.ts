/**
 * Clerk's rate limits as data and their fixed-window accounting.
 */
import { describe, expect, it } from "@effect/vitest"
import * as ErrorCatalogue from "../src/ErrorCatalogue.js"
import * as Operations from "../src/Operations.js"
import * as RateLimits from "../src/RateLimits.js"

const dev = RateLimits.presets.development

/** `n` requests at `now`, from `state`; the decisions and the last state. */
const many = (
  state: RateLimits.State,
  limits: RateLimits.Limits,
  request: RateLimits.Request,
  n: number,
  now: number
) => {
  const decisions: Array<RateLimits.Decision> = []
  let current = state
  for (let i = 0; i < n; i++) {
    const decision = RateLimits.admit(current, limits, request, now)
    decisions.push(decision)
    current = decision.state
  }
  return { decisions, state: current }
}

describe("RateLimits", () => {
  it("has Clerk's documented budgets", () => {
    expect(RateLimits.presets).toEqual({
      development: {
        instance: { requests: 100, windowMillis: 10_000 },
        userWrites: { requests: 10, windowMillis: 10_000 }
      },
      production: {
        instance: { requests: 1_000, windowMillis: 10_000 },
        userWrites: { requests: 10, windowMillis: 10_000 }
      }
    })
    expect(RateLimits.isPreset("production")).toBe(true)
    expect(RateLimits.isPreset("staging")).toBe(false)
  })

  it("resolve: presets, custom with Clerk's user budget by default, none with null, bad numbers refused", () => {
    expect(RateLimits.resolve("development")).toEqual({ _tag: "Ok", value: dev })
    const instance = { requests: 3, windowMillis: 1_000 }
    expect(RateLimits.resolve({ instance })).toEqual({
      _tag: "Ok",
      value: { instance, userWrites: Operations.writeLimit }
    })
    expect(RateLimits.resolve({ instance, userWrites: null })).toEqual({
      _tag: "Ok",
      value: { instance, userWrites: null }
    })
    expect(RateLimits.resolve({ instance: { requests: 0, windowMillis: 1_000 } })).toEqual({
      _tag: "Err",
      error: "instance.requests must be a positive integer"
    })
    expect(RateLimits.resolve({ instance, userWrites: { requests: 1, windowMillis: 0.5 } })).toEqual({
      _tag: "Err",
      error: "userWrites.windowMillis must be a positive integer"
    })
  })

  it("requestOf charges the user of the rows with a write-limit key, and only those", () => {
    const charged = Operations.rows
      .filter((row) => RateLimits.requestOf(row, ["user_1", {}], "k").userId !== undefined)
      .map((row) => row.key)
    expect(charged).toEqual(Operations.rows.filter((row) => row.writeLimitKey !== undefined).map((row) => row.key))
    expect(charged.length).toBeGreaterThan(0)
    expect(RateLimits.requestOf(Operations.operations.get, ["user_1"], "k")).toEqual({ key: "k" })
  })

  it("admits 100 requests in a development window, refuses the 101st with the seconds to the window's end", () => {
    const { decisions, state } = many(RateLimits.empty, dev, { key: "sk_test_a" }, 100, 1_000)
    expect(decisions.every((d) => d._tag === "Admitted")).toBe(true)
    const refused = RateLimits.admit(state, dev, { key: "sk_test_a" }, 1_200)
    expect(refused).toEqual({
      _tag: "Refused",
      state,
      budget: "instance",
      key: RateLimits.windowKey("instance", { key: "sk_test_a" }),
      retryAfterSeconds: 9,
      failure: ErrorCatalogue.rateLimited(9)
    })
    expect(refused._tag === "Refused" && refused.failure.status).toBe(429)
    // blocked until the window resets, then a new budget
    expect(RateLimits.admit(state, dev, { key: "sk_test_a" }, 9_999)).toMatchObject({
      _tag: "Refused",
      retryAfterSeconds: 1
    })
    expect(RateLimits.admit(state, dev, { key: "sk_test_a" }, 10_000)._tag).toBe("Admitted")
  })

  it("keeps one instance budget per key", () => {
    const { state } = many(RateLimits.empty, dev, { key: "sk_test_a" }, 100, 0)
    expect(RateLimits.admit(state, dev, { key: "sk_test_a" }, 0)._tag).toBe("Refused")
    expect(RateLimits.admit(state, dev, { key: "sk_test_b" }, 0)._tag).toBe("Admitted")
  })

  it("refuses the 11th write to one user in a window, not a write to another user nor a read", () => {
    const write = { key: "k", userId: "user_1" }
    const { decisions, state } = many(RateLimits.empty, dev, write, 10, 0)
    expect(decisions.every((d) => d._tag === "Admitted")).toBe(true)
    expect(RateLimits.admit(state, dev, write, 500)).toMatchObject({
      _tag: "Refused",
      budget: "userWrites",
      retryAfterSeconds: 10
    })
    expect(RateLimits.admit(state, dev, { key: "k", userId: "user_2" }, 500)._tag).toBe("Admitted")
    expect(RateLimits.admit(state, dev, { key: "k" }, 500)._tag).toBe("Admitted")
    expect(RateLimits.admit(state, { ...dev, userWrites: null }, write, 500)._tag).toBe("Admitted")
  })

  it("a refused request spends nothing, and a refused write spends no instance budget", () => {
    const limits = { instance: { requests: 11, windowMillis: 10_000 }, userWrites: Operations.writeLimit }
    const write = { key: "k", userId: "user_1" }
    const { state } = many(RateLimits.empty, limits, write, 10, 0)
    const refused = RateLimits.admit(state, limits, write, 0)
    expect(refused._tag).toBe("Refused")
    expect(RateLimits.admit(refused.state, limits, { key: "k" }, 0)._tag).toBe("Admitted")
  })

  it("leaves no ended window behind", () => {
    const { state } = many(RateLimits.empty, dev, { key: "k", userId: "user_1" }, 3, 0)
    expect(state.windows.size).toBe(2)
    const later = RateLimits.admit(state, dev, { key: "other" }, 25_000)
    expect([...later.state.windows.keys()]).toEqual([RateLimits.windowKey("instance", { key: "other" })])
  })
})

describe("RateLimits: a client's side (preset of a key, margin, store key)", () => {
  it("sk_live_ keys are production, others development", () => {
    expect(RateLimits.presetOfKey("sk_live_x")).toBe("production")
    expect(RateLimits.presetOfKey("sk_test_x")).toBe("development")
    expect(RateLimits.presetOfKey("")).toBe("development")
  })

  it("withMargin keeps 10 % of the requests back, in the same window", () => {
    expect(RateLimits.withMargin(RateLimits.presets.development.instance)).toEqual({
      requests: 90,
      windowMillis: 10_000
    })
    expect(RateLimits.withMargin(RateLimits.presets.production.instance)).toEqual({
      requests: 900,
      windowMillis: 10_000
    })
    expect(RateLimits.withMargin(Operations.writeLimit)).toEqual({ requests: 9, windowMillis: 10_000 })
    expect(RateLimits.withMargin({ requests: 1, windowMillis: 1_000 })).toEqual({ requests: 1, windowMillis: 1_000 })
    expect(RateLimits.withMargin({ requests: 10, windowMillis: 1_000 }, 0)).toEqual({
      requests: 10,
      windowMillis: 1_000
    })
  })

  it("budgetKey is a hash of the key, never the key", () => {
    const key = "sk_live_0123456789abcdef"
    const stored = RateLimits.budgetKey(key)
    expect(stored).toMatch(/^clerk:[0-9a-f]{32}$/)
    expect(stored).not.toContain(key.slice(8))
    expect(RateLimits.budgetKey(key)).toBe(stored)
    expect(RateLimits.budgetKey("sk_live_other")).not.toBe(stored)
  })

  it("reserve: the requests of an epoch-aligned window go at once, the next wait for the next window; block voids them", () => {
    const budget = { requests: 2, windowMillis: 1_000 }
    const [a, one] = RateLimits.reserve(undefined, budget, 1_200)
    const [b, two] = RateLimits.reserve(one, budget, 1_300)
    const [c, three] = RateLimits.reserve(two, budget, 1_400)
    expect([a, b, c]).toEqual([0, 0, 600])
    expect(three.start).toBe(2_000)
    const blocked = RateLimits.block(three, 5_000, 1_500)
    expect(blocked).toMatchObject({ count: 0, blockedUntil: 6_500 })
    expect(RateLimits.block(blocked, 1_000, 1_500).blockedUntil).toBe(6_500)
    expect(RateLimits.reserve(blocked, budget, 1_500)[0]).toBe(5_000)
  })
})
