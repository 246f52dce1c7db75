/**
 * Clerk's rate limits on the Backend API, as data, and their accounting as plain functions over an explicit
 * state value, the time given as `now` (epoch milliseconds).
 *
 * Clerk documents (its "Rate limits" page, Backend API requests):
 * - an instance budget per secret key: 100 requests per 10 seconds on development instances, 1,000 on
 *   production ones (`presets`);
 * - a per-user write budget, 10 writes per user per 10 seconds, on the operations whose row has a
 *   `writeLimitKey` (`Operations.writeLimit`, read from the rows, never listed here);
 * - hourly limits on invitations: they are on the invitation endpoints (`POST /invitations`, organization
 *   invitations), none of which is a Users operation (the only invitation row, `getOrganizationInvitations`,
 *   reads), so no budget here applies them.
 *
 * A refused request gets `429 too_many_requests` and a `Retry-After` in seconds; the windows are fixed and aligned
 * on multiples of their length from the epoch (the same windows for every process that keeps the same time), and a
 * spent budget refuses every request until its window ends. A refused request spends nothing.
 *
 * @since 0.3.0
 */
import { createHash } from "node:crypto"
import * as ErrorCatalogue from "./ErrorCatalogue.js"
import { writeLimit } from "./Operations.js"
import type { Arg } from "./Operations.js"
import type { Result } from "./Result.js"
import { err, ok } from "./Result.js"

/**
 * A budget: at most `requests` in each fixed window of `windowMillis`.
 *
 * @since 0.3.0
 * @category models
 */
export interface Budget {
  readonly requests: number
  readonly windowMillis: number
}

/**
 * The limits in force: the instance budget (per secret key) and the per-user write budget (`null`: none).
 *
 * @since 0.3.0
 * @category models
 */
export interface Limits {
  readonly instance: Budget
  readonly userWrites: Budget | null
}

/**
 * The kinds of instance Clerk documents a budget for.
 *
 * @since 0.3.0
 * @category models
 */
export type Preset = "development" | "production"

/**
 * Limits of one's own: the instance budget, and the per-user write budget (Clerk's when absent, none when `null`).
 *
 * @since 0.3.0
 * @category models
 */
export interface Custom {
  readonly instance: Budget
  readonly userWrites?: Budget | null | undefined
}

/**
 * How the limits are given: a preset or limits of one's own.
 *
 * @since 0.3.0
 * @category models
 */
export type Option = Preset | Custom

/**
 * Clerk's documented limits, per kind of instance.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.presets.development.instance) // { requests: 100, windowMillis: 10000 }
 * ```
 */
export const presets: { readonly [P in Preset]: Limits } = {
  development: { instance: { requests: 100, windowMillis: 10_000 }, userWrites: writeLimit },
  production: { instance: { requests: 1_000, windowMillis: 10_000 }, userWrites: writeLimit }
}

/**
 * Whether a string names a preset.
 *
 * @since 0.3.0
 * @category guards
 */
export const isPreset = (value: string): value is Preset => Object.hasOwn(presets, value)

const budgetProblem = (name: string, budget: Budget): string | undefined =>
  !Number.isSafeInteger(budget.requests) || budget.requests < 1
    ? `${name}.requests must be a positive integer`
    : !Number.isSafeInteger(budget.windowMillis) || budget.windowMillis < 1
    ? `${name}.windowMillis must be a positive integer`
    : undefined

/**
 * The limits an option gives, or what is wrong with custom ones (a budget that is not positive integers).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.resolve({ instance: { requests: 5, windowMillis: 1000 } }))
 * // { _tag: "Ok", value: { instance: { requests: 5, windowMillis: 1000 }, userWrites: { requests: 10, windowMillis: 10000 } } }
 * ```
 */
export const resolve = (option: Option): Result<Limits, string> => {
  if (typeof option === "string") return ok(presets[option])
  const userWrites = option.userWrites === undefined ? writeLimit : option.userWrites
  const problem = budgetProblem("instance", option.instance) ??
    (userWrites === null ? undefined : budgetProblem("userWrites", userWrites))
  return problem === undefined ? ok({ instance: option.instance, userWrites }) : err(problem)
}

/**
 * One budget's current window: when it started and how many requests it admitted.
 *
 * @since 0.3.0
 * @category models
 */
export interface Window {
  readonly start: number
  readonly count: number
}

/**
 * The accounting: the open window of each budget key. Immutable: `admit` answers the next state.
 *
 * @since 0.3.0
 * @category models
 */
export interface State {
  readonly windows: ReadonlyMap<string, Window>
}

/**
 * No request seen yet.
 *
 * @since 0.3.0
 * @category constructors
 */
export const empty: State = { windows: new Map() }

/**
 * What a request is charged to: the instance's key (a secret key, or any name for an instance with one key) and,
 * for a write under the per-user budget, the user.
 *
 * @since 0.3.0
 * @category models
 */
export interface Request {
  readonly key: string
  readonly userId?: string
}

/**
 * The request of a call: charged to `key`, and to the user its row's `writeLimitKey` names when the row has one.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Operations, RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.requestOf(Operations.operations.updateMetadata, ["user_1", {}], "sk_test_a"))
 * // { key: "sk_test_a", userId: "user_1" }
 * ```
 */
export const requestOf = (
  row: { readonly args: ReadonlyArray<Arg>; readonly writeLimitKey?: string },
  args: ReadonlyArray<unknown>,
  key: string
): Request => {
  const at = row.writeLimitKey === undefined ? -1 : row.args.findIndex((arg) => arg.name === row.writeLimitKey)
  const userId = at < 0 ? undefined : args[at]
  return typeof userId === "string" ? { key, userId } : { key }
}

/**
 * Which budget a decision is about.
 *
 * @since 0.3.0
 * @category models
 */
export type BudgetKind = "instance" | "userWrites"

/**
 * A request admitted (and charged to its budgets), or refused: the budget that is spent, its key, the seconds
 * until its window ends (`Retry-After`) and Clerk's answer.
 *
 * @since 0.3.0
 * @category models
 */
export type Decision =
  | { readonly _tag: "Admitted"; readonly state: State }
  | {
    readonly _tag: "Refused"
    readonly state: State
    readonly budget: BudgetKind
    readonly key: string
    readonly retryAfterSeconds: number
    readonly failure: ErrorCatalogue.Failure
  }

/**
 * The key of a budget's window in `State`.
 *
 * @since 0.3.0
 * @category constructors
 */
export const windowKey = (budget: BudgetKind, request: Request): string =>
  budget === "instance" ? `instance\u0000${request.key}` : `user\u0000${request.key}\u0000${request.userId ?? ""}`

/** The start of the fixed window of `budget` that holds `at` (aligned on multiples of its length from the epoch). */
const windowStartOf = (at: number, windowMillis: number): number => Math.floor(at / windowMillis) * windowMillis

const windowAt = (state: State, key: string, budget: Budget, now: number): Window => {
  const start = windowStartOf(now, budget.windowMillis)
  const open = state.windows.get(key)
  return open !== undefined && open.start === start ? open : { start, count: 0 }
}

/** The state without the windows that have ended (no key is left behind), with `updates` written. */
const next = (state: State, limits: Limits, now: number, updates: ReadonlyArray<[string, Window]>): State => {
  const windows = new Map<string, Window>()
  const longest = Math.max(limits.instance.windowMillis, limits.userWrites?.windowMillis ?? 0)
  for (const [key, window] of state.windows) if (window.start + longest > now) windows.set(key, window)
  for (const [key, window] of updates) windows.set(key, window)
  return { windows }
}

/**
 * Admits a request at `now` under `limits` (the instance budget first, then the user's write budget), or
 * refuses it with the `Retry-After` of the spent budget's window.
 *
 * @since 0.3.0
 * @category accounting
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * const limits = { instance: { requests: 1, windowMillis: 10_000 }, userWrites: null }
 * const first = RateLimits.admit(RateLimits.empty, limits, { key: "sk_test_a" }, 2_500)
 * const second = RateLimits.admit(first.state, limits, { key: "sk_test_a" }, 2_600)
 * console.log(first._tag, second._tag === "Refused" ? second.retryAfterSeconds : 0) // Admitted 8
 * ```
 */
export const admit = (state: State, limits: Limits, request: Request, now: number): Decision => {
  const charges: Array<[BudgetKind, Budget]> = [["instance", limits.instance]]
  if (request.userId !== undefined && limits.userWrites !== null) charges.push(["userWrites", limits.userWrites])
  const updates: Array<[string, Window]> = []
  for (const [kind, budget] of charges) {
    const key = windowKey(kind, request)
    const window = windowAt(state, key, budget, now)
    if (window.count >= budget.requests) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + budget.windowMillis - now) / 1000))
      return {
        _tag: "Refused",
        state,
        budget: kind,
        key,
        retryAfterSeconds,
        failure: ErrorCatalogue.rateLimited(retryAfterSeconds)
      }
    }
    updates.push([key, { start: window.start, count: window.count + 1 }])
  }
  return { _tag: "Admitted", state: next(state, limits, now, updates) }
}

/**
 * The preset of the instance a secret key belongs to: `sk_live_` keys are production instances, every other key
 * (`sk_test_`) a development one (the smaller budget: the safe guess).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.presetOfKey("sk_live_abc"), RateLimits.presetOfKey("sk_test_abc")) // production development
 * ```
 */
export const presetOfKey = (secretKey: string): Preset =>
  secretKey.startsWith("sk_live_") ? "production" : "development"

/**
 * The safety margin a client keeps below Clerk's numbers: 10 %.
 *
 * @since 0.3.0
 * @category constants
 */
export const safetyMargin = 0.1

/**
 * How long a client holds its calls back after a 429 that gave no `Retry-After`: 1 s.
 *
 * @since 0.3.0
 * @category constants
 */
export const DEFAULT_RATE_LIMITED_BLOCK_MILLIS = 1_000

/**
 * A budget a client can pace by without reaching Clerk's: `margin` of the requests kept back (at least one
 * request left) in the same window: `requests' = floor(requests × (1 - margin))`.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.withMargin(RateLimits.presets.development.instance)) // { requests: 90, windowMillis: 10000 }
 * ```
 */
export const withMargin = (budget: Budget, margin: number = safetyMargin): Budget => {
  const kept = Number.isFinite(margin) && margin > 0 && margin < 1 ? 1 - margin : 1
  return { requests: Math.max(1, Math.floor(budget.requests * kept)), windowMillis: budget.windowMillis }
}

/**
 * The key a shared budget is stored under for a secret key: the first 32 hex digits of the key's SHA-256, never
 * the key itself (a store's keys can be listed by anyone who reaches it).
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * console.log(RateLimits.budgetKey("sk_test_abc").startsWith("clerk:")) // true
 * ```
 */
export const budgetKey = (secretKey: string): string =>
  `clerk:${createHash("sha256").update(secretKey).digest("hex").slice(0, 32)}`

/**
 * One key's reservations in a client's budget (the in-process store of `InstanceBudget`): the latest window with
 * reservations, their count, and the time nothing is sent before (a 429's block).
 *
 * @since 0.3.0
 * @category models
 */
export interface Reservations {
  /** The start of the latest window with reservations. */
  readonly start: number
  /** The reservations in that window. */
  readonly count: number
  /** Nothing is sent before this time (epoch ms). */
  readonly blockedUntil: number
  /** The length of the key's windows. */
  readonly windowMillis: number
}

/**
 * Reserves one request under `budget` in the same fixed windows as {@link admit} (never before a block ends):
 * the milliseconds to wait from `now` before sending it, and the key's reservations after it.
 *
 * @since 0.3.0
 * @category accounting
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * const budget = { requests: 1, windowMillis: 1000 }
 * const [first, after] = RateLimits.reserve(undefined, budget, 200)
 * console.log(first, RateLimits.reserve(after, budget, 200)[0]) // 0 800
 * ```
 */
export const reserve = (
  entry: Reservations | undefined,
  budget: Budget,
  now: number
): readonly [delay: number, Reservations] => {
  const w = budget.windowMillis
  const blockedUntil = entry?.blockedUntil ?? 0
  const from = Math.max(now, blockedUntil)
  const fromStart = windowStartOf(from, w)
  if (entry === undefined || entry.start < fromStart || entry.windowMillis !== w) {
    return [from - now, { start: fromStart, count: 1, blockedUntil, windowMillis: w }]
  }
  if (entry.count < budget.requests) {
    return [Math.max(entry.start, from) - now, { ...entry, count: entry.count + 1 }]
  }
  const start = entry.start + w
  return [start - now, { ...entry, start, count: 1 }]
}

/**
 * A 429's block on a key's reservations: nothing before `now + millis` (a longer block in force stays), and the
 * reservations made before it void (their holders reserve again after it).
 *
 * @since 0.3.0
 * @category accounting
 * @example
 * ```ts
 * import { RateLimits } from "@effect-clerk/kernel"
 *
 * const blocked = RateLimits.block(undefined, 5000, 1000)
 * console.log(blocked.blockedUntil, RateLimits.reserve(blocked, { requests: 10, windowMillis: 1000 }, 1000)[0]) // 6000 5000
 * ```
 */
export const block = (entry: Reservations | undefined, millis: number, now: number): Reservations => ({
  start: entry?.start ?? 0,
  count: 0,
  blockedUntil: Math.max(entry?.blockedUntil ?? 0, now + Math.max(0, millis)),
  windowMillis: entry?.windowMillis ?? 1
})

/**
 * A client's count of requests: a whole number, at least one (a fraction is rounded down; below one, or not a
 * number, is one).
 *
 * @since 0.3.0
 * @category client
 */
export const requestsOf = (requests: number): number =>
  Number.isFinite(requests) && requests >= 1 ? Math.floor(requests) : 1

/**
 * A client's budget as the store counts it: whole requests, a window of at least one millisecond.
 *
 * @since 0.3.0
 * @category client
 */
export const counted = (requests: number, windowMillis: number): Budget => ({
  requests: requestsOf(requests),
  windowMillis: Math.max(1, Math.ceil(windowMillis))
})

/**
 * How many keys an in-memory store holds before it drops the ones whose window and block are over.
 *
 * @since 0.3.0
 * @category client
 */
export const SWEEP_THRESHOLD = 10_000

/**
 * Drops from an in-memory store (over `SWEEP_THRESHOLD` keys) the keys whose window and block are over.
 *
 * @since 0.3.0
 * @category client
 */
export const sweep = (map: Map<string, Reservations>, now: number): void => {
  if (map.size <= SWEEP_THRESHOLD) return
  for (const [key, entry] of map) {
    if (entry.start + entry.windowMillis <= now && entry.blockedUntil <= now) map.delete(key)
  }
}

/**
 * An in-memory store of client budgets, as plain synchronous functions of the time (`now`, epoch ms): `reserve`
 * books one request of `key` and answers how long to wait for it, `block` voids the key's reservations for
 * `millis` (a 429), `blockedFor` says how long the key is still blocked. Keys whose window and block are over
 * are dropped once there are more than `SWEEP_THRESHOLD`.
 *
 * @since 0.3.0
 * @category client
 */
export interface MemoryStore {
  readonly reserve: (key: string, budget: Budget, now: number) => number
  readonly block: (key: string, millis: number, now: number) => void
  readonly blockedFor: (key: string, now: number) => number
}

/**
 * A new, empty in-memory store.
 *
 * @since 0.3.0
 * @category client
 */
export const memoryStore = (): MemoryStore => {
  const map = new Map<string, Reservations>()
  return {
    reserve: (key, budget, now) => {
      sweep(map, now)
      const [delay, entry] = reserve(map.get(key), budget, now)
      map.set(key, entry)
      return delay
    },
    block: (key, millis, now) => {
      map.set(key, block(map.get(key), millis, now))
    },
    blockedFor: (key, now) => Math.max(0, (map.get(key)?.blockedUntil ?? 0) - now)
  }
}
