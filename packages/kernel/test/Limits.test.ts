/**
 * Clerk's limits and closed lists: the values every line validates requests against.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Limits from "../src/Limits.js"

describe("Limits", () => {
  it("has Clerk's numbers", () => {
    expect([Limits.MAX_LIMIT, Limits.DEFAULT_LIMIT, Limits.MAX_FILTER_VALUES, Limits.MAX_BULK_IDS]).toEqual([
      500,
      10,
      100,
      50
    ])
  })

  it("orderByValues gives each field as is, ascending and descending", () => {
    expect(Limits.orderByValues(["created_at", "username"])).toEqual([
      "created_at",
      "+created_at",
      "-created_at",
      "username",
      "+username",
      "-username"
    ])
    expect(Limits.orderByValues(Limits.userOrderFields)).toHaveLength(3 * Limits.userOrderFields.length)
  })

  it("orders by a known field by default", () => {
    expect(Limits.orderByValues(Limits.userOrderFields)).toContain(Limits.DEFAULT_USER_ORDER_BY)
    expect(Limits.orderByValues(Limits.membershipOrderFields)).toContain(Limits.DEFAULT_MEMBERSHIP_ORDER_BY)
  })

  it("lists have no duplicates", () => {
    for (
      const list of [
        Limits.userOrderFields,
        Limits.membershipOrderFields,
        Limits.passwordHashers,
        Limits.identificationStatuses,
        Limits.replacementStatuses,
        Limits.invitationStatuses,
        Limits.creditActions
      ]
    ) {
      expect(new Set(list).size).toBe(list.length)
    }
  })

  it("a replacement may be unverified, a creation may not", () => {
    expect(Limits.replacementStatuses).toContain("unverified")
    expect(Limits.identificationStatuses).not.toContain("unverified")
  })
})
