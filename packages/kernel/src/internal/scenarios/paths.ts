/**
 * The path-injection scenario: ids that would change the path if they were not encoded reach no other
 * resource: `get` finds no such user (Clerk's message names the id as given), a listing under it is empty,
 * although the instance holds users and memberships a path gone astray would reach.
 */
import type { Step } from "./language.js"
import { control, exact, fails, ok, ref } from "./language.js"
import { people } from "./lifecycle.js"

const hostile = ["../organization_memberships", "a/b", "x?y=1", "%2F", "ünïcødé 🎉", "user_x#frag", "a+b c"]

const memberships: ReadonlyArray<Step> = [
  control("seed acme", "seedOrganization", [{ name: "Acme", createdAt: 10 }], "acme"),
  control("seed ada in acme", "seedMembership", [{ userId: ref("ada", "id"), organizationId: ref("acme", "id") }]),
  control("seed bob in acme", "seedMembership", [{ userId: ref("bob", "id"), organizationId: ref("acme", "id") }])
]

/** Ada, Bob and Carol, two memberships, then for each hostile id a `get` and a listing of memberships. */
export const pathInjection: ReadonlyArray<Step> = [
  ...people,
  ...memberships,
  ...hostile.flatMap((id) => [
    fails(`get ${JSON.stringify(id)}`, "get", [id], "ResourceNotFound", {
      longMessage: `No user was found with id ${id}`
    }),
    ok(`getOrganizationMemberships ${JSON.stringify(id)}`, "getOrganizationMemberships", [id], {
      shape: exact({ data: [], totalCount: 0 })
    })
  ])
]
