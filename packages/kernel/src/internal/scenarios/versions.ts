/**
 * The API-version scenarios: under 2026-05-12 `update` refuses metadata (before sending), `replaceMetadata`
 * and `updateMetadata` write it; an API version this library does not know is refused when the instance is made.
 */
import type { Scenario } from "./language.js"
import { exact, fails, ok, ref } from "./language.js"

const user = ref("user", "id")

/** Metadata under API version 2026-05-12. */
export const metadata2026: Scenario = {
  name: "api version 2026-05-12: metadata",
  description: "update refuses metadata, replaceMetadata and updateMetadata write it",
  apiVersion: "2026-05-12",
  steps: [
    ok("create", "create", [{ firstName: "Ada" }], { bind: "user" }),
    fails("update with metadata", "update", [user, { firstName: "A", publicMetadata: { a: 1 } }], "InvalidRequest", {
      field: "params.publicMetadata"
    }),
    ok("update", "update", [user, { firstName: "Augusta" }], { shape: { firstName: "Augusta" } }),
    ok("replaceMetadata", "replaceMetadata", [user, { publicMetadata: { a: 1 } }], {
      shape: { publicMetadata: exact({ a: 1 }) }
    }),
    ok("updateMetadata", "updateMetadata", [user, { publicMetadata: { b: 2 } }], {
      shape: { publicMetadata: exact({ a: 1, b: 2 }) }
    })
  ]
}

/** An unknown API version. */
export const unknownVersion: Scenario = {
  name: "unknown api version",
  description: "an API version this library does not know is refused by every set-up",
  apiVersion: "2099-01-01",
  refused: true,
  steps: []
}
