/**
 * The events an instance emitted: a log (since it was built or last reset) and a live feed. The engine
 * publishes the kernel's `UserEvents` after each change; the control service reads them, the emulator's
 * deliveries follow the feed.
 *
 * @internal
 */
import type * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Effect from "effect/Effect"
import * as PubSub from "effect/PubSub"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"

interface Entry {
  readonly seq: number
  readonly event: UserEvents.UserEvent
  /** The webhook endpoints when the event was emitted: the ones it is delivered to. */
  readonly endpoints: ReadonlyArray<string>
}

/** An event and the endpoints it is delivered to. @internal */
export type Published = Omit<Entry, "seq">

/** @internal */
export interface Hub {
  readonly publish: (events: ReadonlyArray<UserEvents.UserEvent>) => Effect.Effect<void>
  /** Every event in the log, then each new one as it is published (never ends). */
  readonly events: Stream.Stream<UserEvents.UserEvent>
  /** Each event published from now on (never ends). */
  readonly live: Stream.Stream<UserEvents.UserEvent>
  /** Subscribes now to the events some endpoint is to receive (none published after this is missed). */
  readonly subscribe: Effect.Effect<Stream.Stream<Published>, never, Scope.Scope>
  readonly emitted: Effect.Effect<ReadonlyArray<UserEvents.UserEvent>>
  /** Empties the log (subscribers keep following). */
  readonly clear: () => void
}

/** How many events the log keeps at least (the latest), so that a long-running emulator does not grow. @internal */
export const LOG_LIMIT = 10_000

/** A hub; `endpoints` reads the webhook endpoints at each publication. @internal */
export const make = (endpoints: () => ReadonlyArray<string>): Effect.Effect<Hub> =>
  Effect.map(Effect.zip(PubSub.unbounded<Entry>(), PubSub.unbounded<Published>()), ([pubsub, outbox]) => {
    let log: Array<Entry> = []
    let seq = 0
    const subscribe = (replay: boolean) =>
      Stream.unwrapScoped(Effect.map(PubSub.subscribe(pubsub), (subscription) => {
        // an event published between the subscription and this read is in both: the sequence numbers drop it once
        const past = replay ? log.slice(Math.max(0, log.length - LOG_LIMIT)) : []
        const last = past.length === 0 ? -1 : past[past.length - 1]!.seq
        return Stream.concat(
          Stream.fromIterable(past),
          Stream.filter(Stream.fromQueue(subscription), (entry) => entry.seq > last)
        ).pipe(Stream.map((entry) => entry.event))
      }))
    return {
      publish: (events) =>
        events.length === 0 ? Effect.void : Effect.suspend(() => {
          const entries = events.map((event) => ({ seq: seq++, event, endpoints: endpoints() }))
          for (const entry of entries) log.push(entry)
          // the last LOG_LIMIT events are kept: trimmed once the log is twice that (amortized O(1) per event)
          if (log.length > 2 * LOG_LIMIT) log = log.slice(log.length - LOG_LIMIT)
          // the deliveries' feed only carries the events some endpoint is to receive (none: no work at all)
          const delivered = entries.filter((entry) => entry.endpoints.length > 0)
          return Effect.zipRight(
            PubSub.publishAll(pubsub, entries),
            delivered.length === 0 ? Effect.void : PubSub.publishAll(outbox, delivered)
          )
        }),
      events: subscribe(true),
      live: subscribe(false),
      subscribe: Effect.map(
        PubSub.subscribe(outbox),
        (subscription) => Stream.map(Stream.fromQueue(subscription), ({ endpoints, event }) => ({ endpoints, event }))
      ),
      emitted: Effect.sync(() => log.slice(Math.max(0, log.length - LOG_LIMIT)).map((entry) => entry.event)),
      clear: () => {
        log = []
      }
    }
  })
