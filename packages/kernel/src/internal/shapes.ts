/**
 * The bodies the operation table names: every response (`"User"`, `"UserList"`, `"OrganizationMembershipPage"`)
 * and every query or body argument (`"ListUsersParams"`, `"UserIdsBody"`), each with the type its value has. A
 * row names its shapes; a line gives one schema per name (not per operation), and the rows bind them.
 *
 * @internal
 */
import type {
  AdjustCreditBalanceParams,
  BillingCreditBalance,
  BillingCreditLedgerEntry,
  BillingSubscription,
  CountUsersParams,
  CreateUserParams,
  DeletedObject,
  EmailAddress,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessToken,
  OAuthAccessTokenParams,
  OrganizationInvitation,
  OrganizationInvitationsParams,
  OrganizationMembership,
  Paginated,
  PaginationParams,
  PhoneNumber,
  RemovePasswordParams,
  ReplaceEmailAddressParams,
  ReplaceMetadataParams,
  ReplacePhoneNumberParams,
  SetPasswordCompromisedParams,
  Totp,
  TrustedDevice,
  UpdateMetadataParams,
  UpdateUserParams,
  User,
  UserIdResult,
  VerifyPasswordResult,
  VerifyTotpResult
} from "../Model.js"

/** The responses, by the name the rows give them. */
export interface ResponseShapes {
  readonly User: User
  readonly UserList: ReadonlyArray<User>
  readonly TotalCount: number
  readonly DeletedObject: DeletedObject
  readonly BillingSubscription: BillingSubscription
  readonly OAuthAccessTokenList: ReadonlyArray<OAuthAccessToken>
  readonly OAuthAccessTokenPage: Paginated<OAuthAccessToken>
  readonly OrganizationMembershipPage: Paginated<OrganizationMembership>
  readonly OrganizationInvitationPage: Paginated<OrganizationInvitation>
  readonly VerifyPasswordResult: VerifyPasswordResult
  readonly VerifyTotpResult: VerifyTotpResult
  readonly UserIdResult: UserIdResult
  readonly Totp: Totp
  readonly EmailAddress: EmailAddress
  readonly PhoneNumber: PhoneNumber
  readonly BillingCreditBalance: BillingCreditBalance
  readonly BillingCreditLedgerEntry: BillingCreditLedgerEntry
  readonly TrustedDevicePage: Paginated<TrustedDevice>
  readonly TrustedDevice: TrustedDevice
}

/**
 * The query and body arguments, by the name the rows give them: a query's or a body's parameters, or for an
 * argument that is one field of the body, the body with that field (`UserIdsBody` for `bulkBan`'s `userIds`).
 */
export interface ArgumentShapes {
  readonly ListUsersParams: ListUsersParams
  readonly CreateUserParams: CreateUserParams
  readonly CountUsersParams: CountUsersParams
  readonly UpdateUserParams: UpdateUserParams
  readonly UpdateMetadataParams: UpdateMetadataParams
  readonly OAuthAccessTokenParams: OAuthAccessTokenParams
  readonly PaginationParams: PaginationParams
  readonly OrganizationInvitationsParams: OrganizationInvitationsParams
  readonly SetPasswordCompromisedParams: SetPasswordCompromisedParams
  readonly InstanceOrganizationMembershipsParams: InstanceOrganizationMembershipsParams
  readonly ReplaceMetadataParams: ReplaceMetadataParams
  readonly ReplaceEmailAddressParams: ReplaceEmailAddressParams
  readonly ReplacePhoneNumberParams: ReplacePhoneNumberParams
  readonly RemovePasswordParams: RemovePasswordParams
  readonly AdjustCreditBalanceParams: AdjustCreditBalanceParams
  readonly UserIdsBody: { readonly userIds: ReadonlyArray<string> }
  readonly VerifyPasswordBody: { readonly password: string }
  readonly VerifyTotpBody: { readonly code: string }
}

/** Every shape the table names, with its type. */
export interface Shapes extends ResponseShapes, ArgumentShapes {}

/** The name of a shape. */
export type ShapeName = keyof Shapes & string
