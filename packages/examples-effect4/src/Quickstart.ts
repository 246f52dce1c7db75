/**
 * Quickstart on the Effect 4 line: create a user, read it back, update it, merge metadata, list, delete. The
 * same program as the Effect 3 line's `packages/examples/src/Quickstart.ts`; only `Users.Users` differs (Effect
 * 4's convention: a module's service is a member of its namespace, as `HttpClient.HttpClient` is).
 */
import { Users } from "@effect-clerk/core"
import { Effect } from "effect"

export const quickstart = Effect.gen(function*() {
  const users = yield* Users.Users
  const email = "ada@example.com"

  // create: camelCase in TypeScript, snake_case on the wire
  const ada = yield* users.create({
    emailAddress: [email],
    firstName: "Ada",
    lastName: "Byron",
    password: "analytical-engine-1843",
    publicMetadata: { plan: "trial" }
  })

  // get
  const fetched = yield* users.get(ada.id)

  // update: an absent field is left alone, `null` clears it
  const renamed = yield* users.update(ada.id, { lastName: "Lovelace", locale: null })

  // updateMetadata: deep merge; `null` removes a key
  const merged = yield* users.updateMetadata(ada.id, {
    publicMetadata: { plan: "pro", onboarding: { step: 2 } },
    privateMetadata: { crmId: "crm_0042" }
  })

  // list with a filter
  const found = yield* users.list({ emailAddress: [email] })

  // delete
  const deleted = yield* users.delete(ada.id)

  return {
    created: ada.id,
    fetchedName: `${fetched.firstName} ${fetched.lastName}`,
    renamed: `${renamed.firstName} ${renamed.lastName}`,
    publicMetadata: merged.publicMetadata,
    listed: found.map((user) => user.id),
    deleted: deleted.deleted
  }
})
