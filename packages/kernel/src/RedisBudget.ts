/**
 * The instance budget kept in Redis, shared by the processes of a fleet, as plain data both Effect lines'
 * `InstanceBudgetRedis` run: the Lua scripts (the next request's time on Redis's clock, a 429's block), the
 * share of each budget a process uses alone while Redis is out, and how the scripts' answers are read.
 *
 * @since 0.3.0
 */
import type { Budget } from "./RateLimits.js"

/**
 * Reserves one request: the next request's time (ms, Redis's clock) in `KEYS[1]`, a 429's block in `KEYS[2]`,
 * the interval between requests in `ARGV[1]`; answers the wait in ms.
 *
 * @since 0.3.0
 * @category scripts
 */
export const RESERVE_SCRIPT = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local at = math.max(now, tonumber(redis.call("GET", KEYS[1]) or "0"))
local blocked = redis.call("PTTL", KEYS[2])
if blocked > 0 then at = math.max(at, now + blocked) end
local next = at + interval
redis.call("SET", KEYS[1], tostring(next), "PX", math.ceil(next - now) + 1)
return tostring(at - now)
`

/**
 * Blocks a key for `ARGV[1]` ms, unless a longer block is in force.
 *
 * @since 0.3.0
 * @category scripts
 */
export const BLOCK_SCRIPT = `
if redis.call("PTTL", KEYS[1]) < tonumber(ARGV[1]) then redis.call("SET", KEYS[1], "1", "PX", ARGV[1]) end
return 1
`

/**
 * The key of a budget key's block.
 *
 * @since 0.3.0
 * @category keys
 */
export const blockKey = (prefix: string, key: string): string => `${prefix}${key}:blocked`

/**
 * The share of each budget a process uses alone while Redis is out: in (0, 1], default 0.25.
 *
 * @since 0.3.0
 * @category fallback
 */
export const localShareOf = (share: number | undefined): number =>
  share !== undefined && Number.isFinite(share) && share > 0 ? Math.min(1, share) : 0.25

/**
 * The budget a process paces itself by while Redis is out.
 *
 * @since 0.3.0
 * @category fallback
 */
export const localBudget = (budget: Budget, share: number): Budget => ({
  requests: Math.max(1, Math.floor(budget.requests * share)),
  windowMillis: budget.windowMillis
})

/**
 * The interval between two requests of a budget (what `RESERVE_SCRIPT` spaces them by).
 *
 * @since 0.3.0
 * @category scripts
 */
export const intervalOf = (budget: Budget): number => budget.windowMillis / budget.requests

/**
 * The wait `RESERVE_SCRIPT` answered, in whole ms (0 for anything that is not a positive number).
 *
 * @since 0.3.0
 * @category scripts
 */
export const delayOf = (answer: unknown): number => {
  const delay = Math.ceil(Number(answer))
  return Number.isFinite(delay) && delay > 0 ? delay : 0
}
