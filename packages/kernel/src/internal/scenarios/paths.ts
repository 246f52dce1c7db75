/**
 * The path-injection scenario: ids that would change the path if they were not encoded reach no other
 * resource: `get` finds no such user (Clerk's message names the id as given), a listing under it is empty.
 */
import type { Step } from "./language.js"
import { exact, fails, ok } from "./language.js"

const hostile = ["../organization_memberships", "a/b", "x?y=1", "%2F", "ünïcødé 🎉", "user_x#frag", "a+b c"]

/** For each hostile id, a `get` and a listing of memberships. */
export const pathInjection: ReadonlyArray<Step> = hostile.flatMap((id) => [
  fails(`get ${JSON.stringify(id)}`, "get", [id], "ResourceNotFound", {
    longMessage: `No user was found with id ${id}`
  }),
  ok(`getOrganizationMemberships ${JSON.stringify(id)}`, "getOrganizationMemberships", [id], {
    shape: exact({ data: [], totalCount: 0 })
  })
])
