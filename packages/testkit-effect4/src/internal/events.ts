/**
 * The user events an instance emitted: a log since it was built or last reset (the latest `LOG_LIMIT`) and a
 * live feed, over a `PubSub`.
 *
 * @internal
 */
import type * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Effect from "effect/Effect"
import * as PubSub from "effect/PubSub"
import * as Stream from "effect/Stream"

/** @internal */
export interface Log {
  readonly publish: (events: ReadonlyArray<UserEvents.UserEvent>) => Effect.Effect<void>
  /** The log, then each new event (never ends). */
  readonly events: Stream.Stream<UserEvents.UserEvent>
  readonly emitted: Effect.Effect<ReadonlyArray<UserEvents.UserEvent>>
  readonly clear: Effect.Effect<void>
}

/** How many events the log keeps (the latest). @internal */
export const LOG_LIMIT = 10_000

/** @internal */
export const make: Effect.Effect<Log> = Effect.gen(function*() {
  const feed = yield* PubSub.unbounded<{ readonly position: number; readonly event: UserEvents.UserEvent }>()
  let kept: Array<{ readonly position: number; readonly event: UserEvents.UserEvent }> = []
  let position = 0
  const latest = () => kept.slice(-LOG_LIMIT)
  return {
    publish: (events) =>
      Effect.suspend(() => {
        const entries = events.map((event) => ({ position: position++, event }))
        for (const entry of entries) kept.push(entry)
        if (kept.length > 2 * LOG_LIMIT) kept = latest()
        return PubSub.publishAll(feed, entries)
      }),
    events: Stream.unwrap(Effect.map(PubSub.subscribe(feed), (subscription) => {
      // subscribed first, then the log read: an event in both is dropped from the feed by its position
      const past = latest()
      const seen = past.at(-1)?.position ?? -1
      return Stream.fromIterable(past).pipe(
        Stream.concat(Stream.filter(Stream.fromSubscription(subscription), (entry) => entry.position > seen)),
        Stream.map((entry) => entry.event)
      )
    })),
    emitted: Effect.sync(() => latest().map((entry) => entry.event)),
    clear: Effect.sync(() => {
      kept = []
    })
  }
})
