/**
 * The test kits' fault rules and call counters, as plain data: which calls of an in-memory instance or an
 * emulator fail, how often (the next N calls, or each with a probability), before or after the operation takes
 * effect; and the statistics of what was served and injected. A line's test kit keeps a book and a counter per
 * instance and calls these functions; what a fault *is* (a status, a delay, a dropped connection) is the line's
 * own type `F`.
 *
 * @since 0.3.0
 */

/**
 * What goes wrong, `D` being the line's duration type: an error status with a Clerk error body (`code` and
 * `message` default to the catalogue's), a 429 with its `Retry-After`, added latency, or a dropped connection.
 *
 * @since 0.3.0
 * @category models
 */
export type Fault<D> =
  | {
    readonly _tag: "Status"
    readonly status: number
    readonly code?: string
    readonly message?: string
    readonly retryAfter?: D
  }
  | { readonly _tag: "RateLimited"; readonly retryAfter?: D }
  | { readonly _tag: "Latency"; readonly duration: D }
  | { readonly _tag: "Disconnect" }

/**
 * A rule: which operations (keys of the table, such as `"create"`; all when absent), what fault, how often.
 *
 * @since 0.3.0
 * @category models
 */
export interface Rule<F> {
  readonly operations?: ReadonlyArray<string>
  readonly fault: F
  /** Apply to the next `times` matching calls. Default: 1, or unlimited when `probability` is set. */
  readonly times?: number
  /** Apply to each matching call with this probability (0..1). */
  readonly probability?: number
  /** `"before"` (default): the operation does not take effect; `"after"`: it does, and its answer is lost. */
  readonly when?: "before" | "after"
}

/**
 * The rules in force, each with its remaining uses, tried in the order they were added.
 *
 * @since 0.3.0
 * @category models
 */
export interface Book<F> {
  rules: ReadonlyArray<Rule<F> & { remaining: number }>
}

/**
 * The message of the transport failure a client sees when a `Disconnect` fault drops its call.
 *
 * @since 0.3.0
 * @category constants
 */
export const DISCONNECT_MESSAGE = "connection dropped"

/**
 * An empty book.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = <F>(): Book<F> => ({ rules: [] })

/**
 * Adds a rule (after the others).
 *
 * @since 0.3.0
 * @category mutations
 */
export const add = <F>(book: Book<F>, rule: Rule<F>): void => {
  const remaining = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY)
  book.rules = [...book.rules, { ...rule, remaining }]
}

/**
 * Removes every rule.
 *
 * @since 0.3.0
 * @category mutations
 */
export const clear = <F>(book: Book<F>): void => {
  book.rules = []
}

/**
 * The fault to apply to a call of `operation`, if any, and when (consumes one use of its rule); `random` is the
 * instance's seeded source (probabilities).
 *
 * @since 0.3.0
 * @category mutations
 */
export const take = <F>(
  book: Book<F>,
  operation: string,
  random: () => number
): { readonly fault: F; readonly when: "before" | "after" } | undefined => {
  for (const rule of book.rules) {
    if (rule.remaining <= 0) continue
    if (rule.operations !== undefined && !rule.operations.includes(operation)) continue
    if (rule.probability !== undefined && random() >= rule.probability) continue
    rule.remaining--
    book.rules = book.rules.filter((r) => r.remaining > 0)
    return { fault: rule.fault, when: rule.when ?? "before" }
  }
  return undefined
}

/**
 * Call and fault counters of an instance: calls served, faults injected, by fault (`"Status 503 (before)"`) and
 * by operation.
 *
 * @since 0.3.0
 * @category models
 */
export interface Stats {
  readonly calls: number
  readonly faults: number
  readonly byFault: { readonly [fault: string]: number }
  readonly byOperation: { readonly [operation: string]: number }
}

/**
 * A counter: `call` counts a served call, `fault` an injected fault by its label, `read` copies the counts.
 *
 * @since 0.3.0
 * @category models
 */
export interface Counter {
  readonly call: (operation: string) => void
  readonly fault: (label: string, when: "before" | "after") => void
  readonly read: () => Stats
}

/**
 * A fresh counter.
 *
 * @since 0.3.0
 * @category constructors
 */
export const counter = (): Counter => {
  let calls = 0
  let faults = 0
  const byFault: Record<string, number> = {}
  const byOperation: Record<string, number> = {}
  return {
    call: (operation) => {
      calls++
      byOperation[operation] = (byOperation[operation] ?? 0) + 1
    },
    fault: (label, when) => {
      faults++
      const key = `${label} (${when})`
      byFault[key] = (byFault[key] ?? 0) + 1
    },
    read: () => ({ calls, faults, byFault: { ...byFault }, byOperation: { ...byOperation } })
  }
}
