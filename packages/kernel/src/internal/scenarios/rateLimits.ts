/**
 * The rate-limit scenario: the set-ups enforce small custom limits (`Scenario.rateLimits`); a write over the
 * user's write budget and a request over the instance budget fail with `RateLimited`, Clerk's 429 body and the
 * seconds until the window resets (the set-ups run on a clock that stays at the start of a window).
 */
import { rateLimited } from "../../ErrorCatalogue.js"
import type { Scenario } from "./language.js"
import { exact, fails, ok, ref } from "./language.js"

const user = ref("user", "id")

/** Clerk's answer when a budget of 10-second windows is spent at the start of a window. */
const refused = {
  status: rateLimited(10).status,
  codes: rateLimited(10).errors.map((error) => error.code),
  longMessage: rateLimited(10).errors[0]?.longMessage ?? ""
}

/** Six requests per 10 s for the instance, two writes per 10 s per user. */
export const limited: Scenario = {
  name: "rate limits",
  description: "the per-user write budget and the instance budget spent: 429 with Retry-After, nothing written",
  rateLimits: {
    instance: { requests: 6, windowMillis: 10_000 },
    userWrites: { requests: 2, windowMillis: 10_000 }
  },
  steps: [
    ok("create", "create", [{ firstName: "Ada" }], { bind: "user" }),
    ok("update", "update", [user, { firstName: "Augusta" }], { shape: { firstName: "Augusta" } }),
    ok("updateMetadata", "updateMetadata", [user, { publicMetadata: { a: 1 } }]),
    fails(
      "a third write to the user in the window",
      "update",
      [user, { firstName: "Lovelace" }],
      "RateLimited",
      refused
    ),
    ok("the refused write wrote nothing", "get", [user], {
      shape: { firstName: "Augusta", publicMetadata: exact({ a: 1 }) }
    }),
    ok("count", "count", [], { shape: 1 }),
    ok("list", "list", [], { shape: [{ firstName: "Augusta" }] }),
    fails("a seventh request in the window", "count", [], "RateLimited", refused)
  ]
}
