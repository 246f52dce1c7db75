/**
 * The retry scenario: faults injected under the client's retry rules, each call's outcome and the number of
 * requests it made (retries included), then the instance's users at the end. Every set-up (the in-memory layer
 * under the client's call policy, the HTTP client against the emulator) must make the same requests.
 */
import type { RetryRules, Step } from "./language.js"
import { collect, fails, ok, ref } from "./language.js"
import { people } from "./lifecycle.js"

const ada = ref("ada", "id")
const bob = ref("bob", "id")
const carol = ref("carol", "id")
const dora = ref("dora", "id")

/** Two retries per call, no `Retry-After` over a minute waited for. */
export const rules: RetryRules = { retries: 2, maxRetryAfterSeconds: 60 }

/** The steps: what is retried, what is not, and what a lost answer leaves behind. */
export const retrying: ReadonlyArray<Step> = [
  ...people,
  ok("count: a 429, retried", "count", [], { shape: 3, fault: { _tag: "RateLimited" }, calls: 2 }),
  fails("count: a 429 three times, the retries run out", "count", [], "RateLimited", {
    status: 429,
    fault: { _tag: "RateLimited", times: 3 },
    calls: 3
  }),
  fails("count: a Retry-After longer than the longest wait is returned at once", "count", [], "RateLimited", {
    fault: { _tag: "RateLimited", retryAfterSeconds: 120 },
    calls: 1
  }),
  ok("get: a 503 twice, retried", "get", [ada], {
    shape: { id: ada },
    fault: { _tag: "Status", status: 503, times: 2 },
    calls: 3
  }),
  fails("get: a 500 is never retried", "get", [ada], "ServerError", {
    status: 500,
    fault: { _tag: "Status", status: 500 },
    calls: 1
  }),
  fails("get: a 404 is not retried", "get", [ada], "ResourceNotFound", {
    fault: { _tag: "Status", status: 404 },
    calls: 1
  }),
  ok("ban: the answer lost after the ban, retried (idempotent)", "ban", [bob], {
    shape: { id: bob, banned: true },
    fault: { _tag: "Disconnect", when: "after" },
    calls: 2
  }),
  fails(
    "create: a 503 is not re-sent (not idempotent)",
    "create",
    [{ emailAddress: ["dora@example.com"] }],
    "ServerError",
    {
      status: 503,
      fault: { _tag: "Status", status: 503 },
      calls: 1
    }
  ),
  ok("create: a 429 is retried for every operation", "create", [{ emailAddress: ["dora@example.com"] }], {
    bind: "dora",
    shape: { emailAddresses: [{ emailAddress: "dora@example.com" }] },
    fault: { _tag: "RateLimited" },
    calls: 2
  }),
  fails(
    "create: the answer lost after the create is not re-sent",
    "create",
    [{
      emailAddress: ["eve@example.com"]
    }],
    "TransportError",
    { fault: { _tag: "Disconnect", when: "after" }, calls: 1 }
  ),
  ok("count: eve was created, once", "count", [{ emailAddress: ["eve@example.com"] }], { shape: 1, calls: 1 }),
  fails(
    "verifyPassword: a 502 is not re-sent (not idempotent)",
    "verifyPassword",
    [ada, "analytical-engine"],
    "ServerError",
    {
      status: 502,
      fault: { _tag: "Status", status: 502 },
      calls: 1
    }
  ),
  ok("updateMetadata: a 504, retried", "updateMetadata", [ada, { publicMetadata: { retried: true } }], {
    shape: { publicMetadata: { plan: "pro", retried: true } },
    fault: { _tag: "Status", status: 504 },
    calls: 2
  }),
  collect("everyone at the end", "listStream", [{ orderBy: "+email_address" }], [
    { id: ada, banned: false },
    { id: bob, banned: true },
    { id: carol },
    { id: dora },
    { emailAddresses: [{ emailAddress: "eve@example.com" }] }
  ])
]
