import { describe, expect, it } from "@effect/vitest"
import * as Operations from "../src/Operations.js"
import * as Shapes from "../src/Shapes.js"

// one entry per shape name: the compiler refuses a missing or an extra one
const every: { readonly [N in Shapes.ShapeName]: N } = {
  User: "User",
  UserList: "UserList",
  TotalCount: "TotalCount",
  DeletedObject: "DeletedObject",
  BillingSubscription: "BillingSubscription",
  OAuthAccessTokenList: "OAuthAccessTokenList",
  OAuthAccessTokenPage: "OAuthAccessTokenPage",
  OrganizationMembershipPage: "OrganizationMembershipPage",
  OrganizationInvitationPage: "OrganizationInvitationPage",
  VerifyPasswordResult: "VerifyPasswordResult",
  VerifyTotpResult: "VerifyTotpResult",
  UserIdResult: "UserIdResult",
  Totp: "Totp",
  EmailAddress: "EmailAddress",
  PhoneNumber: "PhoneNumber",
  BillingCreditBalance: "BillingCreditBalance",
  BillingCreditLedgerEntry: "BillingCreditLedgerEntry",
  TrustedDevicePage: "TrustedDevicePage",
  TrustedDevice: "TrustedDevice",
  ListUsersParams: "ListUsersParams",
  CreateUserParams: "CreateUserParams",
  CountUsersParams: "CountUsersParams",
  UpdateUserParams: "UpdateUserParams",
  UpdateMetadataParams: "UpdateMetadataParams",
  OAuthAccessTokenParams: "OAuthAccessTokenParams",
  PaginationParams: "PaginationParams",
  OrganizationInvitationsParams: "OrganizationInvitationsParams",
  SetPasswordCompromisedParams: "SetPasswordCompromisedParams",
  InstanceOrganizationMembershipsParams: "InstanceOrganizationMembershipsParams",
  ReplaceMetadataParams: "ReplaceMetadataParams",
  ReplaceEmailAddressParams: "ReplaceEmailAddressParams",
  ReplacePhoneNumberParams: "ReplacePhoneNumberParams",
  RemovePasswordParams: "RemovePasswordParams",
  AdjustCreditBalanceParams: "AdjustCreditBalanceParams",
  UserIdsBody: "UserIdsBody",
  VerifyPasswordBody: "VerifyPasswordBody",
  VerifyTotpBody: "VerifyTotpBody"
}

describe("Shapes", () => {
  it("every shape a line must give a schema for is named by a row, and every row's shape is one", () => {
    expect([...Shapes.shapeNames].sort()).toEqual(Object.keys(every).sort())
  })

  it("binds each argument, response and variant to its shape's schema, the facts unchanged", () => {
    const bound = Shapes.bindShapes(every)
    for (const row of Operations.rows) {
      const b = bound[row.key]
      expect(b.key).toBe(row.key)
      expect(b.name).toBe(`Users.${row.key}`)
      expect(b.path).toBe(row.path)
      expect(b.success).toBe(row.success.name)
      expect(b.args.map((arg) => arg.schema)).toEqual(row.args.map((arg) => arg.shape))
      expect(b.variants?.map((v) => v.success)).toEqual(row.variants?.map((v) => v.success.name))
    }
    expect(bound.bulkBan.args[0]?.schema).toBe("UserIdsBody")
    expect(bound.getOAuthAccessToken.variants?.[0]?.success).toBe("OAuthAccessTokenPage")
    expect(bound.get.args[0]?.schema).toBeUndefined()
  })
})
