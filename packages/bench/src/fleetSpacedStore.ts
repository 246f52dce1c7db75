/**
 * An experiment of the fleet benchmark (not the library's store): an `InstanceBudget.Store` in Redis that spaces
 * the requests of a key evenly (the generic cell rate algorithm, on Redis's own `TIME`), instead of releasing a
 * burst of a window's whole budget at once as `@effect/experimental`'s fixed window does in delay mode.
 *
 * Why it is measured: the server's windows (Clerk's, the emulator's) are not the client's. A burst of `requests`
 * that takes a few round trips to go out and straddles a boundary of the server's window puts its tail into
 * the same server window as the next burst, one client window later: the margin must cover that tail, which
 * grows with the job's concurrency. Evenly spaced requests put at most `window / interval` (+ the jitter of the
 * last few) into any window of the server's, whatever its alignment, so that a small margin is enough.
 *
 * One Lua script per reservation: the key holds the theoretical arrival time (TAT) of the next request; a
 * reservation is sent at `max(now, TAT, end of a 429's block)` and moves the TAT one interval on; the key expires
 * when its schedule has passed (no key left behind). Time is Redis's (`TIME`), so that the processes' clocks may
 * differ. No local fallback: this is the measurement of the algorithm only.
 */
import type { InstanceBudget } from "@effect-clerk/core"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"

const RESERVE = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call("GET", KEYS[1]) or "0")
local blocked = redis.call("PTTL", KEYS[2])
local at = math.max(now, tat)
if blocked > 0 then at = math.max(at, now + blocked) end
local next = at + interval
redis.call("SET", KEYS[1], tostring(next), "PX", math.ceil(next - now) + 1)
return tostring(at - now)
`

/** The spaced store over a client of its own. */
export const make = (options: RedisOptions): Effect.Effect<InstanceBudget.Store, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => {
        const redis = new Redis(options)
        redis.on("error", () => {})
        redis.defineCommand("clerkReserve", { numberOfKeys: 2, lua: RESERVE })
        return redis as Redis & {
          clerkReserve: (key: string, blocked: string, interval: number) => Promise<string>
        }
      }),
      (redis) => Effect.sync(() => redis.disconnect())
    ),
    (redis): InstanceBudget.Store => ({
      reserve: (key, budget) =>
        Effect.orDie(Effect.tryPromise(() =>
          redis.clerkReserve(key, `${key}:blocked`, budget.windowMillis / budget.requests).then((delay) =>
            Math.max(0, Math.round(Number(delay)))
          )
        )),
      block: (key, millis) =>
        millis < 1
          ? Effect.void
          : Effect.orDie(Effect.asVoid(Effect.tryPromise(() =>
            redis.set(`${key}:blocked`, "1", "PX", Math.ceil(millis))
          ))),
      blockedFor: (key) =>
        Effect.orDie(Effect.tryPromise(() =>
          redis.pttl(`${key}:blocked`).then((left) => Math.max(0, left))
        ))
    })
  )
