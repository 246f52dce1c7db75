// vitest.setup.ts in your project (vitest.config.ts: `test: { setupFiles: ["./vitest.setup.ts"] }`):
// FC_SEED=<seed> replays the run that printed it; FC_NUM_RUNS=<n> runs every property longer.
import { FastCheck } from "effect"

const seed = process.env["FC_SEED"] ? Number(process.env["FC_SEED"]) : Date.now() ^ (Math.random() * 2 ** 32)
const numRuns = process.env["FC_NUM_RUNS"] ? Number(process.env["FC_NUM_RUNS"]) : undefined
FastCheck.configureGlobal({ seed, ...(numRuns !== undefined ? { numRuns } : {}) })
console.log(`[fast-check] seed=${seed} (replay with FC_SEED=${seed})`)
