/**
 * Under injected faults over real HTTP (429s with Retry-After, 503s, connections dropped before and after the
 * operation took effect), a few hundred mixed operations complete through the core's retry policy, with the
 * final store equal to a fault-free run and no user created twice.
 */
import { RetryPolicy } from "@effect-clerk/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { Fault, UsersTestControl } from "../src/index.js"
import { overLoopback } from "./contract/setups.js"
import { finalState, makePlan, runPlan } from "./utils/workload.js"

const policy = RetryPolicy.make({
  retries: 8,
  baseDelay: "20 millis",
  maxDelay: "500 millis",
  maxElapsed: "30 seconds"
})

describe("faults over real HTTP", () => {
  it.live(
    "a faulty run ends in the same store as a fault-free one, with no user created twice",
    () =>
      Effect.gen(function*() {
        const plan = makePlan({ users: 40, operations: 320, seed: 7 })

        const clean = yield* Effect.gen(function*() {
          const report = yield* runPlan(plan, 8)
          const control = yield* UsersTestControl
          return { report, state: yield* finalState(control), stats: yield* control.stats }
        }).pipe(Effect.provide(overLoopback(policy)))

        const faulty = yield* Effect.gen(function*() {
          const control = yield* UsersTestControl
          yield* control.injectFault({ fault: Fault.rateLimited("1 second"), probability: 0.04 })
          yield* control.injectFault({ fault: Fault.status(503), probability: 0.05 })
          yield* control.injectFault({ fault: Fault.disconnect, probability: 0.03 })
          yield* control.injectFault({ fault: Fault.disconnect, probability: 0.03, when: "after" })
          const report = yield* runPlan(plan, 8)
          yield* control.clearFaults
          return { report, state: yield* finalState(control), stats: yield* control.stats }
        }).pipe(Effect.provide(overLoopback(policy)))

        console.log(
          `[faults] ${faulty.report.operations} operations in ${faulty.report.millis} ms ` +
            `(fault-free: ${clean.report.millis} ms); the emulator served ${faulty.stats.calls} calls ` +
            `(the fault-free run: ${clean.stats.calls}) and injected ` +
            `${faulty.stats.faults} faults: ${JSON.stringify(faulty.stats.byFault)}`
        )
        expect(clean.report.failures).toEqual([])
        expect(faulty.report.failures).toEqual([])
        expect(faulty.stats.faults).toBeGreaterThan(20)
        expect(Object.keys(faulty.state)).toHaveLength(Object.keys(clean.state).length)
        expect(faulty.state).toEqual(clean.state)
      }),
    { timeout: 120_000 }
  )
})
