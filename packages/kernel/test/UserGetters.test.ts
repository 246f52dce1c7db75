/**
 * What `@clerk/backend`'s `User` computes, as both lines give it: the full name and the primary identifiers.
 */
import { describe, expect, it } from "@effect/vitest"
import * as UserGetters from "../src/UserGetters.js"

describe("UserGetters", () => {
  it("fullName joins the names, trimmed; none when both are missing or blank", () => {
    expect(UserGetters.fullName({ firstName: "Ada", lastName: "Lovelace" })).toBe("Ada Lovelace")
    expect(UserGetters.fullName({ firstName: null, lastName: "Lovelace" })).toBe("Lovelace")
    expect(UserGetters.fullName({ firstName: " ", lastName: null })).toBeUndefined()
  })

  it("primaryOf finds the item of the primary id, none for null or an unknown id", () => {
    const items = [{ id: "a" }, { id: "b" }]
    expect(UserGetters.primaryOf(items, "b")).toEqual({ id: "b" })
    expect(UserGetters.primaryOf(items, "c")).toBeUndefined()
    expect(UserGetters.primaryOf(items, null)).toBeUndefined()
  })
})
