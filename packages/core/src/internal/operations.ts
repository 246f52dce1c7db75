/**
 * The 31 Users operations as data: HTTP method, documented error statuses (seeds + reference spec),
 * idempotency and response schema. The request pipeline, the error types and the emulator all read this one
 * table.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import { BillingSubscription } from "../BillingSubscription.js"
import type { DocumentedStatus } from "../ClerkError.js"
import { DeletedObject } from "../DeletedObject.js"
import { OAuthAccessToken } from "../OAuthAccessToken.js"
import { OrganizationInvitation } from "../OrganizationInvitation.js"
import { OrganizationMembership } from "../OrganizationMembership.js"
import { Paginated, TotalCount, UserIdResult, VerifyPasswordResult, VerifyTotpResult } from "../Responses.js"
import { Totp } from "../Totp.js"
import { User } from "../User.js"

/**
 * An operation's description.
 *
 * @internal
 */
export interface Operation<A, I, S extends DocumentedStatus> {
  /** The operation's name, also its span name (`"Users.get"`). */
  readonly name: string
  readonly method: "GET" | "POST" | "PATCH" | "DELETE"
  /** The path template, as documented (`/users/{user_id}`). */
  readonly path: string
  /** The error statuses the seeds and the reference spec document. */
  readonly statuses: ReadonlyArray<S>
  /** Whether sending the request twice has the same effect as sending it once. */
  readonly idempotent: boolean
  /** The schema of a successful response body. */
  readonly success: Schema.Schema<A, I>
}

const operation = <A, I, const S extends DocumentedStatus>(
  name: string,
  method: Operation<A, I, S>["method"],
  path: string,
  statuses: ReadonlyArray<S>,
  idempotent: boolean,
  success: Schema.Schema<A, I>
): Operation<A, I, S> => ({ name, method, path, statuses, idempotent, success })

const Users = Schema.Array(User)
const Memberships = Paginated(OrganizationMembership)
const Invitations = Paginated(OrganizationInvitation)
const Tokens = Schema.Array(OAuthAccessToken)

/**
 * The operations, keyed by method name.
 *
 * @internal
 */
export const operations = {
  list: operation("Users.list", "GET", "/users", [400, 401, 422], true, Users),
  create: operation("Users.create", "POST", "/users", [400, 401, 402, 403, 422], false, User),
  count: operation("Users.count", "GET", "/users/count", [422], true, TotalCount),
  get: operation("Users.get", "GET", "/users/{user_id}", [400, 401, 404], true, User),
  update: operation("Users.update", "PATCH", "/users/{user_id}", [400, 401, 404, 409, 422], true, User),
  delete: operation("Users.delete", "DELETE", "/users/{user_id}", [400, 401, 404], true, DeletedObject),
  ban: operation("Users.ban", "POST", "/users/{user_id}/ban", [402], true, User),
  unban: operation("Users.unban", "POST", "/users/{user_id}/unban", [402], true, User),
  bulkBan: operation("Users.bulkBan", "POST", "/users/ban", [400, 402], true, Users),
  bulkUnban: operation("Users.bulkUnban", "POST", "/users/unban", [400, 402], true, Users),
  lock: operation("Users.lock", "POST", "/users/{user_id}/lock", [403], true, User),
  unlock: operation("Users.unlock", "POST", "/users/{user_id}/unlock", [403], true, User),
  setProfileImage: operation(
    "Users.setProfileImage",
    "POST",
    "/users/{user_id}/profile_image",
    [400, 401, 404],
    true,
    User
  ),
  deleteProfileImage: operation(
    "Users.deleteProfileImage",
    "DELETE",
    "/users/{user_id}/profile_image",
    [404],
    true,
    User
  ),
  updateMetadata: operation(
    "Users.updateMetadata",
    "PATCH",
    "/users/{user_id}/metadata",
    [400, 401, 404, 422],
    true,
    User
  ),
  getBillingSubscription: operation(
    "Users.getBillingSubscription",
    "GET",
    "/users/{user_id}/billing/subscription",
    [400, 401, 403, 404, 422, 500],
    true,
    BillingSubscription
  ),
  getOAuthAccessToken: operation(
    "Users.getOAuthAccessToken",
    "GET",
    "/users/{user_id}/oauth_access_tokens/{provider}",
    [400, 404, 422],
    true,
    Tokens
  ),
  getOrganizationMemberships: operation(
    "Users.getOrganizationMemberships",
    "GET",
    "/users/{user_id}/organization_memberships",
    [403],
    true,
    Memberships
  ),
  getOrganizationInvitations: operation(
    "Users.getOrganizationInvitations",
    "GET",
    "/users/{user_id}/organization_invitations",
    [400, 403, 404],
    true,
    Invitations
  ),
  verifyPassword: operation(
    "Users.verifyPassword",
    "POST",
    "/users/{user_id}/verify_password",
    [400, 404, 422, 500],
    false,
    VerifyPasswordResult
  ),
  verifyTotp: operation(
    "Users.verifyTotp",
    "POST",
    "/users/{user_id}/verify_totp",
    [400, 404, 422, 500],
    false,
    VerifyTotpResult
  ),
  disableMfa: operation("Users.disableMfa", "DELETE", "/users/{user_id}/mfa", [404, 500], true, UserIdResult),
  deleteBackupCodes: operation(
    "Users.deleteBackupCodes",
    "DELETE",
    "/users/{user_id}/backup_code",
    [404, 500],
    true,
    UserIdResult
  ),
  deletePasskey: operation(
    "Users.deletePasskey",
    "DELETE",
    "/users/{user_id}/passkeys/{passkey_identification_id}",
    [403, 404, 500],
    true,
    DeletedObject
  ),
  deleteWeb3Wallet: operation(
    "Users.deleteWeb3Wallet",
    "DELETE",
    "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
    [400, 403, 404, 500],
    true,
    DeletedObject
  ),
  createTotp: operation("Users.createTotp", "POST", "/users/{user_id}/totp", [403, 404, 500], false, Totp),
  deleteTotp: operation("Users.deleteTotp", "DELETE", "/users/{user_id}/totp", [404, 500], true, UserIdResult),
  deleteExternalAccount: operation(
    "Users.deleteExternalAccount",
    "DELETE",
    "/users/{user_id}/external_accounts/{external_account_id}",
    [400, 403, 404, 500],
    true,
    DeletedObject
  ),
  setPasswordCompromised: operation(
    "Users.setPasswordCompromised",
    "POST",
    "/users/{user_id}/password/set_compromised",
    [400, 401, 403, 404, 422],
    true,
    User
  ),
  unsetPasswordCompromised: operation(
    "Users.unsetPasswordCompromised",
    "POST",
    "/users/{user_id}/password/unset_compromised",
    [400, 401, 403, 404, 422],
    true,
    User
  ),
  getInstanceOrganizationMemberships: operation(
    "Users.getInstanceOrganizationMemberships",
    "GET",
    "/organization_memberships",
    [400, 401, 422, 500],
    true,
    Memberships
  )
}

/**
 * @internal
 */
export type Operations = typeof operations

/**
 * @internal
 */
export type OperationName = keyof Operations
