/**
 * Every model and parameter Schema of core has its kernel interface checked by `kernelModels.types.ts`: a Schema
 * added to a model module without a line there (and so, without a kernel interface) fails here.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as BillingCreditBalance from "../src/BillingCreditBalance.js"
import * as BillingSubscription from "../src/BillingSubscription.js"
import * as ClerkError from "../src/ClerkError.js"
import * as DeletedObject from "../src/DeletedObject.js"
import * as bodies from "../src/internal/bodies.js"
import * as OAuthAccessToken from "../src/OAuthAccessToken.js"
import * as OrganizationInvitation from "../src/OrganizationInvitation.js"
import * as OrganizationMembership from "../src/OrganizationMembership.js"
import * as Responses from "../src/Responses.js"
import * as Totp from "../src/Totp.js"
import * as TrustedDevice from "../src/TrustedDevice.js"
import * as User from "../src/User.js"
import * as UsersParams from "../src/UsersParams.js"
import * as Verification from "../src/Verification.js"

const modules = {
  BillingCreditBalance,
  BillingSubscription,
  ClerkError,
  DeletedObject,
  bodies,
  OAuthAccessToken,
  OrganizationInvitation,
  OrganizationMembership,
  Responses,
  Totp,
  TrustedDevice,
  User,
  UsersParams,
  Verification
}

const checks = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "kernelModels.types.ts"), "utf8")

/** The struct Schemas a module exports (the models and parameters), by name. */
const structs = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter(([, value]) => Schema.isSchema(value) && Schema.typeSchema(value).ast._tag === "TypeLiteral")
    .map(([name]) => `${module}.${name}`)
)

describe("kernel models", () => {
  it("finds the struct Schemas", () => {
    expect(structs).toContain("User.User")
    expect(structs).toContain("UsersParams.CreateUserParams")
    expect(structs.length).toBeGreaterThan(60)
  })

  it.each(structs)("%s is checked against the kernel's interface", (qualified) => {
    const name = qualified.split(".")[1]!
    expect(checks).toMatch(new RegExp(`\\b${qualified.replace(".", "\\.")}(\\.Type)?,\\s*Model\\.${name}\\b`))
  })
})
