import * as Arbitrary from "effect/Arbitrary"

// Every property test (`effect/Arbitrary`) runs from one seed per test file, printed up front so that a failure can
// be replayed with EFFECT_CLERK_SEED=<seed> (the Effect 3 line's FC_SEED).
const fromEnv = process.env["EFFECT_CLERK_SEED"]
const seed = fromEnv !== undefined && fromEnv !== ""
  ? Number(fromEnv)
  : (Date.now() ^ (Math.random() * 0x100000000)) | 0
Arbitrary.configureGlobal({ check: { seed }, sample: { seed } })
process.stdout.write(`[effect/Arbitrary] seed=${seed} (replay with EFFECT_CLERK_SEED=${seed})\n`)
