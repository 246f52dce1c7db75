import { Users } from "@effect-clerk/core"
import { ClerkEmulator, Fault, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
import { Effect, Stream } from "effect"

// in process: the events each change emitted, as a Stream (control.emitted: a snapshot)
export const banEmitsAnUpdate = Effect.gen(function*() {
  const users = yield* Users
  const control = yield* UsersTestControl
  const ada = yield* users.create({ emailAddress: ["ada@example.com"] })
  yield* users.ban(ada.id)
  const events = yield* Stream.runCollect(Stream.take(control.events, 2))
  return [...events].map((event) => event.type) // ["user.created", "user.updated"]
}).pipe(Effect.provide(UsersInMemory.layer()))

// end to end: the emulator signs every event and delivers it to your handler as Svix would (retries on Clock)
export const EmulatorWithWebhooks = ClerkEmulator.layerUsers({
  webhooks: { endpoints: ["http://127.0.0.1:3000/webhooks/clerk"], secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }
})

// at least once, in any order: the same svix-id twice, a lost first attempt (retried 5 s later), a late one
export const unreliableDeliveries = Effect.flatMap(UsersTestControl, (control) =>
  Effect.all([
    control.injectDeliveryFault({ fault: Fault.duplicate(), probability: 0.5, times: 1_000 }),
    control.injectDeliveryFault({ fault: Fault.drop, events: ["user.deleted"] }),
    control.injectDeliveryFault({ fault: Fault.delay("1 minute"), events: ["user.created"] })
  ]))
