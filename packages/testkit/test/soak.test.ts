/**
 * The soak: a few thousand mixed operations over real HTTP against the emulator, with injected 429s (with
 * Retry-After), 500/502/503s (before and after the operation took effect), latency and dropped connections
 * (before and after). It is also the emulator's fault workload (the same plan with and without faults). Every operation ends within the retry budget, in success or a typed error; the final
 * store equals the fault-free run's; no user is created twice. Success rate, retries and time are reported.
 */
import { RetryPolicy } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { Fault, UsersTestControl } from "../src/index.js"
import { overLoopback } from "./contract/setups.js"
import { finalState, makePlan, runPlan } from "./utils/workload.js"

let retries = 0

/** Retries what the default policy retries, and a 500 too when the operation is idempotent; counts them. */
const policy = RetryPolicy.make({
  retries: 10,
  baseDelay: "5 millis",
  maxDelay: "200 millis",
  maxElapsed: "30 seconds",
  retryOn: (error, context) => {
    const retry = RetryPolicy.isRetryable(error, context) ||
      (error._tag === "ServerError" && error.status === 500 && context.idempotent)
    if (retry) retries++
    return retry
  }
})

describe("soak over real HTTP", () => {
  it.live(
    "thousands of operations under 429s, 5xx, latency and drops: all complete, same store, no duplicate user",
    () =>
      Effect.gen(function*() {
        const plan = makePlan({ users: 150, operations: 3_000, seed: 20261123 })

        retries = 0
        const clean = yield* Effect.gen(function*() {
          const report = yield* runPlan(plan, 24)
          const control = yield* UsersTestControl
          return { report, state: yield* finalState(control), stats: yield* control.stats }
        }).pipe(Effect.provide(overLoopback(policy)))
        expect(retries).toBe(0)

        retries = 0
        const faulty = yield* Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.injectFault({ fault: Fault.rateLimited("50 millis"), probability: 0.04 })
          yield* control.injectFault({ fault: Fault.status(500), probability: 0.02 })
          yield* control.injectFault({ fault: Fault.status(502), probability: 0.02 })
          yield* control.injectFault({ fault: Fault.status(503), probability: 0.02, when: "after" })
          yield* control.injectFault({ fault: Fault.latency("20 millis"), probability: 0.05 })
          yield* control.injectFault({ fault: Fault.disconnect, probability: 0.02 })
          yield* control.injectFault({ fault: Fault.disconnect, probability: 0.02, when: "after" })
          const report = yield* runPlan(plan, 24)
          yield* control.clearFaults
          return { report, state: yield* finalState(control), stats: yield* control.stats }
        }).pipe(Effect.provide(overLoopback(policy)))

        const succeeded = faulty.report.operations - faulty.report.failures.length
        console.log(
          `[soak] ${faulty.report.operations} operations: ${succeeded} succeeded ` +
            `(${((100 * succeeded) / faulty.report.operations).toFixed(2)} %), ` +
            `${faulty.report.failures.length} failed with a typed error; ${retries} retries; ` +
            `${faulty.stats.faults} faults injected ${JSON.stringify(faulty.stats.byFault)}; ` +
            `${faulty.stats.calls} calls served (fault-free: ${clean.stats.calls}); ` +
            `${faulty.report.millis} ms (fault-free: ${clean.report.millis} ms)`
        )
        expect(plan.operations).toBeGreaterThanOrEqual(3_000)
        expect(clean.report.failures).toEqual([])
        expect(faulty.report.failures).toEqual([])
        expect(faulty.stats.faults).toBeGreaterThan(300)
        expect(retries).toBeGreaterThan(100)
        // one user per planned external id: no create was duplicated by a retry
        expect(Object.keys(faulty.state)).toHaveLength(Object.keys(clean.state).length)
        expect(faulty.state).toEqual(clean.state)
      }),
    { timeout: 180_000 }
  )
})
