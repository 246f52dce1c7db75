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
import * as Stream from "effect/Stream"

interface Entry {
  readonly seq: number
  readonly event: UserEvents.UserEvent
}

/** @internal */
export interface Hub {
  readonly publish: (events: ReadonlyArray<UserEvents.UserEvent>) => Effect.Effect<void>
  /** Every event in the log, then each new one as it is published (never ends). */
  readonly events: Stream.Stream<UserEvents.UserEvent>
  /** Each event published from now on (never ends). */
  readonly live: Stream.Stream<UserEvents.UserEvent>
  readonly emitted: Effect.Effect<ReadonlyArray<UserEvents.UserEvent>>
  /** Empties the log (subscribers keep following). */
  readonly clear: () => void
}

/** @internal */
export const make: Effect.Effect<Hub> = Effect.map(PubSub.unbounded<Entry>(), (pubsub) => {
  let log: Array<Entry> = []
  let seq = 0
  const subscribe = (replay: boolean) =>
    Stream.unwrapScoped(Effect.map(PubSub.subscribe(pubsub), (subscription) => {
      // an event published between the subscription and this read is in both: the sequence numbers drop it once
      const past = replay ? [...log] : []
      const last = past.length === 0 ? -1 : past[past.length - 1]!.seq
      return Stream.concat(
        Stream.fromIterable(past),
        Stream.filter(Stream.fromQueue(subscription), (entry) => entry.seq > last)
      ).pipe(Stream.map((entry) => entry.event))
    }))
  return {
    publish: (events) =>
      events.length === 0 ? Effect.void : Effect.suspend(() => {
        const entries = events.map((event) => ({ seq: seq++, event }))
        log = log.concat(entries)
        return Effect.asVoid(PubSub.publishAll(pubsub, entries))
      }),
    events: subscribe(true),
    live: subscribe(false),
    emitted: Effect.sync(() => log.map((entry) => entry.event)),
    clear: () => {
      log = []
    }
  }
})
