/**
 * Example 1 — Quickstart: create a user, read it back, update it, merge metadata, list, delete.
 *
 * Every call is an Effect whose error channel lists exactly what can go wrong with it; here any failure
 * simply ends the program (it is handled in the HandlingFailures example).
 */
import { Users } from "@effect-clerk/core"
import { Effect } from "effect"

export const quickstart = Effect.gen(function*() {
  const users = yield* Users
  // a unique address, so that the example can run more than once against the same instance
  const email = `ada.${Date.now().toString(36)}@example.com`

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
    email,
    fetchedName: `${fetched.firstName} ${fetched.lastName}`,
    renamed: `${renamed.firstName} ${renamed.lastName}`,
    publicMetadata: merged.publicMetadata,
    listed: found.map((user) => user.id),
    deleted: deleted.deleted
  }
})
