/**
 * `pnpm demo:effect4`: the Effect 4 line at work, on Node 22. Without `CLERK_SECRET_KEY`, the quickstart runs on
 * the in-memory layer (Clerk's semantics from the kernel, nothing sent anywhere); with it, against that Clerk
 * instance, read-only: the number of users and the newest five.
 */
import { ClerkConfig, Users } from "@effect-clerk/core"
import { UsersInMemory } from "@effect-clerk/testkit"
import { Config, Console, Effect, Layer, Option } from "effect"
import { FetchHttpClient } from "effect/http"
import { quickstart } from "./Quickstart.js"

const inMemory = Effect.gen(function*() {
  yield* Console.log("No CLERK_SECRET_KEY: the quickstart on the in-memory layer (Effect 4 line)")
  const result = yield* quickstart.pipe(Effect.provide(UsersInMemory.layer()))
  yield* Console.log(JSON.stringify(result, null, 2))
})

const live = Effect.gen(function*() {
  const users = yield* Users.Users
  const total = yield* users.count()
  const newest = yield* users.list({ orderBy: "-created_at", limit: 5 })
  yield* Console.log(`${total} users; the newest: ${newest.map((user) => user.id).join(", ") || "none"}`)
}).pipe(
  Effect.provide(Users.layer.pipe(Layer.provide(ClerkConfig.layerFromEnv), Layer.provide(FetchHttpClient.layer)))
)

const main = Effect.gen(function*() {
  const key = yield* Config.option(Config.String("CLERK_SECRET_KEY"))
  yield* Option.isSome(key) && key.value !== "" ? live : inMemory
})

const failed = (error: unknown) =>
  Console.error(`The demo failed: ${String(error)}`).pipe(Effect.andThen(Effect.sync(() => (process.exitCode = 1))))

Effect.runFork(main.pipe(Effect.catch(failed)))
