import * as fc from "fast-check"

// Every property test runs from one seed per test file, printed up front so that any failure (whose own
// report also names the seed and the shrunk counterexample) can be replayed with FC_SEED=<seed>.
const fromEnv = process.env["FC_SEED"]
const seed = fromEnv !== undefined && fromEnv !== ""
  ? Number(fromEnv)
  : (Date.now() ^ (Math.random() * 0x100000000)) | 0
const numRuns = process.env["FC_NUM_RUNS"] !== undefined ? Number(process.env["FC_NUM_RUNS"]) : undefined

fc.configureGlobal({ seed, ...(numRuns !== undefined ? { numRuns } : {}) })
process.stdout.write(`[fast-check] seed=${seed} (replay with FC_SEED=${seed})\n`)
