/**
 * What the Redis stores (`InstanceBudgetRedis`, `WebhookDeduplicationRedis`) share: one `ioredis` client for the
 * scope, whose errors reach the callers through their commands, and the failure policy. A tracked command answers
 * from Redis, else (failure, timeout, or Redis out until the next probe) from the local fallback; the first
 * failure of an outage is logged once as a warning, Redis is tried again at most once per probe interval, and
 * its return is logged too. An untracked command uses Redis while it is up and never changes its health.
 *
 * @internal
 */
import * as RemoteHealth from "@effect-clerk/kernel/RemoteHealth"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Ref from "effect/Ref"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"

/**
 * @internal
 */
export interface Settings {
  readonly redis: RedisOptions
  readonly timeout: Duration.Duration
  readonly probeInterval: Duration.Duration
  /** What the log lines name: "the instance budget's Redis store". */
  readonly name: string
  /** What the warning says is done meanwhile: "pacing on 0.25 of each budget locally". */
  readonly meanwhile: string
  /** Lua scripts to define on the client, by method name. */
  readonly scripts?: Readonly<Record<string, { readonly keys: number; readonly lua: string }>>
}

/**
 * @internal
 */
export interface RedisFallback<Scripts extends object = {}> {
  readonly client: Redis & Scripts
  readonly tracked: <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>) => Effect.Effect<A>
  readonly untracked: <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>) => Effect.Effect<A>
}

const describe = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  if (Cause.isTimeoutException(error)) return "timed out"
  const inner = error instanceof Cause.UnknownException ? error.error : error
  return inner instanceof Error ? inner.message : String(inner)
}

/**
 * @internal
 */
export const make = <Scripts extends object = {}>(
  settings: Settings
): Effect.Effect<RedisFallback<Scripts>, never, Scope.Scope> =>
  Effect.gen(function*() {
    const probeMillis = Duration.toMillis(settings.probeInterval)
    const client = yield* Effect.acquireRelease(
      Effect.sync(() => {
        // a command waits for at most one reconnection: the timeout bounds the rest
        const redis = new Redis(
          Object.assign({
            maxRetriesPerRequest: 1,
            retryStrategy: (times: number) => Math.min(times * 100, 2000)
          }, settings.redis)
        )
        // errors reach the callers through the commands; an outage is logged once, below
        redis.on("error", () => {})
        for (const [name, script] of Object.entries(settings.scripts ?? {})) {
          redis.defineCommand(name, { numberOfKeys: script.keys, lua: script.lua })
        }
        // `defineCommand` adds the scripts as methods of the client
        return redis as Redis & Scripts
      }),
      (redis) => Effect.sync(() => redis.disconnect())
    )
    const health = yield* Ref.make<RemoteHealth.Health>(RemoteHealth.up)

    const outage = (now: number, cause: Cause.Cause<unknown>) =>
      Effect.flatMap(
        Ref.modify(health, (h) => RemoteHealth.failed(h, now, probeMillis)),
        (first) =>
          first
            ? Effect.logWarning(RemoteHealth.outageMessage(settings.name, describe(cause), settings.meanwhile))
            : Effect.void
      )
    const recovered = Effect.flatMap(
      Ref.modify(health, RemoteHealth.succeeded),
      (wasDown) => wasDown ? Effect.logInfo(RemoteHealth.recoveredMessage(settings.name)) : Effect.void
    )

    return {
      client,
      tracked: (remote, fallback) =>
        Effect.gen(function*() {
          const now = yield* Clock.currentTimeMillis
          const state = yield* Ref.get(health)
          if (!RemoteHealth.tryRemote(state, now)) return yield* fallback
          const exit = yield* Effect.exit(Effect.timeout(remote, settings.timeout))
          if (Exit.isSuccess(exit)) return yield* Effect.as(recovered, exit.value)
          return yield* Effect.zipRight(outage(now, exit.cause), fallback)
        }),
      untracked: (remote, fallback) =>
        Effect.flatMap(
          Ref.get(health),
          (state) =>
            state.down ? fallback : Effect.catchAllCause(Effect.timeout(remote, settings.timeout), () => fallback)
        )
    }
  })
