export interface Summary {
  readonly median: number
  readonly p95: number
  readonly n: number
}

export const summarize = (samples: ReadonlyArray<number>): Summary => {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!
  return { median: at(0.5), p95: at(0.95), n: sorted.length }
}

/**
 * Runs every variant in blocks of `block` consecutive calls per round, rotating the order of the variants each
 * round, so that drift (the machine, JIT) spreads over all of them, and so that the garbage a variant makes is
 * mostly collected within its own block rather than during another variant's calls. Returns per-call samples
 * in milliseconds.
 */
export const interleave = async (
  variants: Readonly<Record<string, () => Promise<unknown>>>,
  options: { readonly warmup: number; readonly rounds: number; readonly block?: number }
): Promise<Record<string, Array<number>>> => {
  const names = Object.keys(variants)
  const block = options.block ?? 1
  const samples: Record<string, Array<number>> = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      for (let i = 0; i < block; i++) {
        const started = performance.now()
        await variants[name]!()
        const elapsed = performance.now() - started
        if (round >= options.warmup) samples[name]!.push(elapsed)
      }
    }
  }
  return samples
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3))
export const ratio = (a: number, b: number) => (a / b).toFixed(2)

const medianOf = (xs: ReadonlyArray<number>): number => summarize(xs).median

/**
 * The ratio of two variants measured by `interleave` in the same rounds: for each round, the median of the
 * variant's block over the median of the reference's block (they ran back to back); then the median over rounds.
 * Drift of the machine between rounds cancels out.
 */
export const pairedRatio = (
  samples: ReadonlyArray<number>,
  reference: ReadonlyArray<number>,
  block: number
): number => {
  const ratios: Array<number> = []
  for (let i = 0; i + block <= Math.min(samples.length, reference.length); i += block) {
    ratios.push(medianOf(samples.slice(i, i + block)) / medianOf(reference.slice(i, i + block)))
  }
  return medianOf(ratios)
}

/** The median of some numbers (the lower middle one for an even count, as `summarize` takes it). */
export const median = (xs: ReadonlyArray<number>): number => medianOf(xs)

/**
 * A distribution-free confidence interval for the median of `xs` (the sign test's: order statistics k and n + 1 − k,
 * with k the largest for which the binomial tail P(X < k) ≤ (1 − level) / 2). Returns the confidence actually
 * reached (at least `level` when n allows it; with n < 6 the widest interval, the whole range, reaches less).
 */
export const medianInterval = (
  xs: ReadonlyArray<number>,
  level = 0.95
): { readonly low: number; readonly high: number; readonly confidence: number } => {
  const sorted = [...xs].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { low: Number.NaN, high: Number.NaN, confidence: 0 }
  // tail(k) = P(X ≤ k - 1) for X ~ Binomial(n, 1/2)
  const tail = (k: number) => {
    let sum = 0
    let term = 0.5 ** n
    for (let i = 0; i < k; i++) {
      sum += term
      term = (term * (n - i)) / (i + 1)
    }
    return sum
  }
  let k = 1
  while (k + 1 <= Math.floor((n + 1) / 2) && tail(k + 1) <= (1 - level) / 2) k++
  return { low: sorted[k - 1]!, high: sorted[n - k]!, confidence: 1 - 2 * tail(k) }
}
