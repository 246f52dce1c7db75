import { Users } from "@effect-clerk/core"
import { Effect, Option } from "effect"

// users.get fails with exactly: BadRequest | AuthenticationInvalid | ResourceNotFound
//   | RateLimited | ServerError | UnexpectedStatus | TransportError | DecodeError | InvalidRequest
export const findUser = (userId: string) =>
  Effect.flatMap(Users, (users) => users.get(userId)).pipe(
    Effect.map(Option.some),
    Effect.catchTag("ResourceNotFound", () => Effect.succeed(Option.none()))
  )

// ban documents no 404, so this would not compile:
//   users.ban(id).pipe(Effect.catchTag("ResourceNotFound", ...))
export const ban = (userId: string) =>
  Effect.flatMap(Users, (users) => users.ban(userId)).pipe(
    Effect.catchTag("PaymentRequired", (error) => Effect.logWarning(error.message))
  )
