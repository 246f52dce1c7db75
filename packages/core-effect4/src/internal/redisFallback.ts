/**
 * What the Redis stores of this line (`WebhookDeduplicationRedis`, and an instance budget's) share: one `ioredis`
 * client for the scope, whose errors reach the callers through their commands, and the failure policy, whose
 * decisions are the kernel's `RemoteHealth` (the Effect 3 line calls the same): a tracked command answers from
 * Redis, else (failure, timeout, or Redis out until the next probe) from the local fallback; the first failure of
 * an outage is logged once as a warning, Redis is tried again at most once per probe interval, and its return is
 * logged too. An untracked command uses Redis while it is up and never changes its health.
 *
 * `ioredis` is an optional peer: this module is reached only through the Redis modules' own paths.
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
  /** What the log lines name: "the webhook de-duplication's Redis store". */
  readonly name: string
  /** What the warning says is done meanwhile: "de-duplicating in this process". */
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
  if (Cause.isTimeoutError(error)) return "timed out"
  const inner = Cause.isUnknownError(error) ? error.cause : error
  return inner instanceof Error ? inner.message : String(inner)
}

/**
 * The client (disconnected when the scope closes) and the two ways to run a command with a fallback.
 *
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
        const redis = new Redis({
          maxRetriesPerRequest: 1,
          retryStrategy: (times: number) => Math.min(times * 100, 2000),
          ...settings.redis
        })
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
      tracked: <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>) =>
        Effect.gen(function*() {
          const now = yield* Clock.currentTimeMillis
          if (!RemoteHealth.tryRemote(yield* Ref.get(health), now)) return yield* fallback
          const exit = yield* Effect.exit(Effect.timeout(remote, settings.timeout))
          if (Exit.isSuccess(exit)) {
            yield* recovered
            return exit.value
          }
          yield* outage(now, exit.cause)
          return yield* fallback
        }),
      untracked: <A>(remote: Effect.Effect<A, unknown>, fallback: Effect.Effect<A>) =>
        Effect.flatMap(
          Ref.get(health),
          (state) => state.down ? fallback : Effect.catchCause(Effect.timeout(remote, settings.timeout), () => fallback)
        )
    }
  })
