/**
 * Each Clerk event handled once: Svix delivers at least once and retries a message with the same id (until a 2xx,
 * on its schedule of up to about 27 hours), so a handler with effects beyond the idempotent runs them once per
 * message by wrapping `onMessage` in {@link once}. The ids seen are kept in a `DeduplicationStore`: in memory by
 * default (one process, the kernel's `Deduplication`), in Redis where a fleet receives
 * (`WebhookDeduplicationRedis`).
 *
 * An id is claimed before `onMessage` runs and released when it fails, so the retry Svix then sends runs it again.
 *
 * @since 1.0.0
 */
import * as Deduplication from "@effect-clerk/kernel/Deduplication"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Message } from "./Webhooks.js"

/**
 * Where the ids of the messages handled are kept: `claim` answers `true` the first time an id is claimed within
 * `ttlMillis` (then the message is handled), `false` for a duplicate; `release` forgets an id whose handling
 * failed.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const everyTime: WebhookDeduplication.Store = {
 *   claim: () => Effect.succeed(true),
 *   release: () => Effect.void
 * }
 * ```
 */
export interface Store {
  readonly claim: (id: string, ttlMillis: number) => Effect.Effect<boolean>
  readonly release: (id: string) => Effect.Effect<void>
}

/**
 * The store {@link once} uses.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const seen = Effect.flatMap(
 *   Effect.service(WebhookDeduplication.DeduplicationStore),
 *   (store) => store.claim("msg_1", 60_000)
 * )
 * ```
 */
export class DeduplicationStore extends Context.Service<DeduplicationStore, Store>()(
  "@effect-clerk/core/WebhookDeduplication/DeduplicationStore"
) {}

/**
 * How long an id is remembered by default: the span of Svix's retry schedule, each attempt with its delivery
 * timeout, plus the signature's tolerance (the kernel's `Deduplication.DEFAULT_TTL_MILLIS`).
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 * import { Duration } from "effect"
 *
 * console.log(Duration.format(WebhookDeduplication.DEFAULT_TTL))
 * ```
 */
export const DEFAULT_TTL: Duration.Duration = Duration.millis(Deduplication.DEFAULT_TTL_MILLIS)

/**
 * The options of the in-memory store.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 *
 * const options: WebhookDeduplication.MemoryOptions = { maxEntries: 10_000 }
 * ```
 */
export interface MemoryOptions {
  /** The most ids kept; past it, the oldest are forgotten first (default 100,000). */
  readonly maxEntries?: number | undefined
}

/**
 * A store in this process's memory (time from `Clock`), bounded in entries.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const store = yield* WebhookDeduplication.makeStoreMemory()
 *   return [yield* store.claim("msg_1", 60_000), yield* store.claim("msg_1", 60_000)] // [true, false]
 * })
 * ```
 */
export const makeStoreMemory = (options: MemoryOptions = {}): Effect.Effect<Store> =>
  Effect.sync((): Store => {
    // each step runs whole, with no yield in between (the kernel's `Deduplication` keeps the claims)
    const seen = Deduplication.make(options.maxEntries)
    return {
      claim: (id, ttlMillis) =>
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => Effect.sync(() => Deduplication.claim(seen, id, now, ttlMillis))
        ),
      release: (id) => Effect.sync(() => Deduplication.release(seen, id))
    }
  })

/**
 * The in-memory store as the `DeduplicationStore`.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 *
 * const StoreLive = WebhookDeduplication.layerStoreMemory
 * ```
 */
export const layerStoreMemory: Layer.Layer<DeduplicationStore> = Layer.effect(DeduplicationStore, makeStoreMemory())

/**
 * The options of {@link once}.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 *
 * const options: WebhookDeduplication.OnceOptions = { ttl: "2 days" }
 * ```
 */
export interface OnceOptions {
  /** How long an id is remembered (default {@link DEFAULT_TTL}). */
  readonly ttl?: Duration.Input | undefined
}

/**
 * `onMessage`, run once per message id: a duplicate is skipped (logged at debug level, the span annotated
 * `webhook.duplicate`); an id whose handling fails is released, so Svix's retry runs it again.
 *
 * @since 1.0.0
 * @category combinators
 * @example
 * ```ts
 * import { WebhookDeduplication, Webhooks } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const handle = Webhooks.handler({ onMessage: WebhookDeduplication.once(({ event }) => Effect.log(event.type)) })
 * ```
 */
export const once = <E, R>(
  onMessage: (message: Message) => Effect.Effect<void, E, R>,
  options: OnceOptions = {}
): (message: Message) => Effect.Effect<void, E, R | DeduplicationStore> => {
  const ttlMillis = Duration.toMillis(options.ttl ?? DEFAULT_TTL)
  return (message) =>
    Effect.gen(function*() {
      const store = yield* DeduplicationStore
      if (yield* store.claim(message.id, ttlMillis)) {
        return yield* Effect.onError(Effect.suspend(() => onMessage(message)), () => store.release(message.id))
      }
      yield* Effect.annotateCurrentSpan("webhook.duplicate", true)
      yield* Effect.logDebug(`clerk webhook ${message.id} (${message.event.type}) is a duplicate: skipped`)
    })
}
