/**
 * Each Clerk event handled once: Svix delivers at least once and retries a message with the same id
 * (`svix-id`), so `once` wraps a handler's `onMessage` to run it for the first delivery of an id only. The ids
 * seen are kept in a `DeduplicationStore`: in memory by default (one process), in Redis where a fleet receives
 * (`@effect-clerk/core/WebhookDeduplicationRedis`).
 *
 * An id is claimed before `onMessage` runs and released when it fails, so the retry Svix then sends runs it
 * again; a duplicate that arrives while the first delivery is still running is answered as done.
 *
 * @since 0.3.0
 */
import * as Deduplication from "@effect-clerk/kernel/Deduplication"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Message } from "./Webhooks.js"

/**
 * The ids seen: `claim` answers `true` for an id not seen in the last `ttlMillis` (and keeps it that long),
 * `false` for a duplicate; `release` forgets an id (its handling failed).
 *
 * @since 0.3.0
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
 * The store `once` uses.
 *
 * @since 0.3.0
 * @category tags
 * @example
 * ```ts
 * import { WebhookDeduplication } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const seen = Effect.flatMap(WebhookDeduplication.DeduplicationStore, (store) => store.claim("msg_1", 60_000))
 * ```
 */
export class DeduplicationStore extends Context.Tag("@effect-clerk/core/WebhookDeduplication/DeduplicationStore")<
  DeduplicationStore,
  Store
>() {}

/**
 * How long an id is remembered by default: the span of Svix's retry schedule (about 27.6 hours), with each
 * attempt's timeout and the timestamp tolerance, so that no retry of a handled message runs it again.
 *
 * @since 0.3.0
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
 * The options of {@link makeStoreMemory}.
 *
 * @since 0.3.0
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
 * A store in this process's memory, ids expiring on `Clock`.
 *
 * @since 0.3.0
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
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          Effect.sync(() => Deduplication.claim(seen, id, now, ttlMillis))),
      release: (id) =>
        Effect.sync(() => Deduplication.release(seen, id))
    }
  })

/**
 * The in-memory store as the `DeduplicationStore`.
 *
 * @since 0.3.0
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
 * @since 0.3.0
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
  readonly ttl?: Duration.DurationInput | undefined
}

/**
 * `onMessage` run for the first delivery of each message id only (a duplicate succeeds without running it, its
 * span annotated `webhook.duplicate`); an id whose handling fails is released, so Svix's retry runs it again.
 *
 * @since 0.3.0
 * @category combinators
 * @example
 * ```ts
 * import { WebhookDeduplication, Webhooks } from "@effect-clerk/core"
 * import { HttpRouter, HttpServer } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 *
 * const router = HttpRouter.empty.pipe(
 *   HttpRouter.post(
 *     "/webhooks/clerk",
 *     Webhooks.handler({ onMessage: WebhookDeduplication.once(({ event }) => Effect.log(event.type)) })
 *   )
 * )
 * // one store for the server, built with it
 * const WebhooksLive = HttpServer.serve(router).pipe(Layer.provide(WebhookDeduplication.layerStoreMemory))
 * ```
 */
export const once = <E, R>(
  onMessage: (message: Message) => Effect.Effect<void, E, R>,
  options: OnceOptions = {}
): (message: Message) => Effect.Effect<void, E, R | DeduplicationStore> => {
  const ttlMillis = Duration.toMillis(Duration.decode(options.ttl ?? DEFAULT_TTL))
  return (message) =>
    Effect.flatMap(DeduplicationStore, (store) =>
      Effect.flatMap(store.claim(message.id, ttlMillis), (first) =>
        first
          ? Effect.onError(Effect.suspend(() => onMessage(message)), () => store.release(message.id))
          : Effect.zipRight(
            Effect.annotateCurrentSpan("webhook.duplicate", true),
            Effect.logDebug(`clerk webhook ${message.id} (${message.event.type}) is a duplicate: skipped`)
          )))
}
