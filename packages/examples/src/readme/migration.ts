import { User, Users } from "@effect-clerk/core"
import { Effect, Option } from "effect"

// @clerk/backend:
//   const { data, totalCount } = await clerk.users.getUserList({ limit: 20, orderBy: "-created_at" })
//   data.map((user) => ({ name: user.fullName, email: user.primaryEmailAddress?.emailAddress ?? null }))
export const newest = Effect.gen(function*() {
  const users = yield* Users
  const { data, totalCount } = yield* users.listWithTotal({ limit: 20, orderBy: "-created_at" })
  const rows = data.map((user) => ({
    id: user.id,
    name: Option.getOrNull(User.fullName(user)),
    email: Option.getOrNull(Option.map(User.primaryEmailAddress(user), (email) => email.emailAddress))
  }))
  return { rows, totalCount }
})

// @clerk/backend:
//   try { return await clerk.users.getUser(id) }
//   catch (e) { if (isClerkAPIResponseError(e) && e.status === 404) return null; throw e }
export const findUser = (userId: string) =>
  Effect.flatMap(Users, (users) => users.get(userId)).pipe(
    Effect.map(Option.some),
    Effect.catchTag("ResourceNotFound", () => Effect.succeed(Option.none()))
  )
