/**
 * One store handler per operation of the table, with one signature: the state, the call's arguments (as the
 * `Users` method takes them, already validated), the time. The in-memory layer and the emulator both run
 * these, so the two cannot disagree.
 *
 * @internal
 */
import type { UsersProtocol } from "@effect-clerk/core"
import type { Failure as StoreFailure } from "@effect-clerk/kernel/ErrorCatalogue"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as accounts from "./accounts.js"
import * as billing from "./billing.js"
import * as credentials from "./credentials.js"
import * as organizations from "./organizations.js"
import * as queries from "./queries.js"
import type { Result } from "./records.js"
import { find, view } from "./records.js"
import type { State } from "./state.js"
import * as users from "./users.js"

/**
 * The handler of operation `K`: most are synchronous (an `Either`, which is an `Effect`), so that a write runs
 * to completion without interleaving; one that must wait (hashing a password off the event loop) returns an
 * `Effect`.
 *
 * @internal
 */
export type Handler<K extends UsersProtocol.OperationKey> = (
  state: State,
  args: UsersProtocol.ArgsOf<K>,
  now: number
) => Result<UsersProtocol.SuccessOf<K>> | Effect.Effect<UsersProtocol.SuccessOf<K>, StoreFailure>

/**
 * Every operation's handler.
 *
 * @internal
 */
export const handlers: { readonly [K in UsersProtocol.OperationKey]: Handler<K> } = {
  list: (state, [params], now) => queries.list(state, params, now),
  create: (state, [params], now) => users.createFromParams(state, params, now),
  count: (state, [params]) => queries.count(state, params),
  get: (state, [userId], now) => Either.map(find(state, userId), (record) => view(record, now)),
  update: (state, [userId, params], now) => users.update(state, userId, params, now),
  delete: (state, [userId]) => users.remove(state, userId),
  ban: (state, [userId], now) => users.setBanned(state, userId, true, now),
  unban: (state, [userId], now) => users.setBanned(state, userId, false, now),
  bulkBan: (state, [userIds], now) => users.bulkSetBanned(state, userIds, true, now),
  bulkUnban: (state, [userIds], now) => users.bulkSetBanned(state, userIds, false, now),
  lock: (state, [userId], now) => users.lock(state, userId, now),
  unlock: (state, [userId], now) => users.unlock(state, userId, now),
  setProfileImage: (state, [userId, file], now) => users.setProfileImage(state, userId, file, now),
  deleteProfileImage: (state, [userId], now) => users.deleteProfileImage(state, userId, now),
  updateMetadata: (state, [userId, patch], now) => users.updateMetadata(state, userId, patch, now),
  getBillingSubscription: (state, [userId]) => billing.billingSubscription(state, userId),
  getOAuthAccessToken: (state, [userId, provider, params]) => accounts.oauthTokens(state, userId, provider, params),
  getOrganizationMemberships: (state, [userId, params]) => organizations.userMemberships(state, userId, params),
  getOrganizationInvitations: (state, [userId, params]) => organizations.userInvitations(state, userId, params),
  verifyPassword: (state, [userId, password]) => credentials.verifyPassword(state, userId, password),
  verifyTotp: (state, [userId, code], now) => credentials.verifyTotp(state, userId, code, now),
  disableMfa: (state, [userId], now) => credentials.disableMfa(state, userId, now),
  deleteBackupCodes: (state, [userId], now) => credentials.deleteBackupCodes(state, userId, now),
  deletePasskey: (state, [userId, id], now) => accounts.deleteItem(state, userId, "passkeys", id, now),
  deleteWeb3Wallet: (state, [userId, id], now) => accounts.deleteItem(state, userId, "web3Wallets", id, now),
  createTotp: (state, [userId], now) => credentials.createTotp(state, userId, now),
  deleteTotp: (state, [userId], now) => credentials.deleteTotp(state, userId, now),
  deleteExternalAccount: (state, [userId, id], now) => accounts.deleteItem(state, userId, "externalAccounts", id, now),
  setPasswordCompromised: (state, [userId, params], now) =>
    credentials.setPasswordCompromised(state, userId, params, now),
  unsetPasswordCompromised: (state, [userId], now) => credentials.unsetPasswordCompromised(state, userId, now),
  getInstanceOrganizationMemberships: (state, [params]) => organizations.instanceMemberships(state, params),
  replaceMetadata: (state, [userId, metadata], now) => users.replaceMetadata(state, userId, metadata, now),
  replaceEmailAddress: (state, [userId, params], now) => users.replaceEmailAddress(state, userId, params, now),
  replacePhoneNumber: (state, [userId, params], now) => users.replacePhoneNumber(state, userId, params, now),
  removePassword: (state, [userId, params], now) => credentials.removePassword(state, userId, params, now),
  getBillingCreditBalance: (state, [userId]) => billing.creditBalance(state, userId),
  adjustBillingCreditBalance: (state, [userId, params], now) => billing.adjustCredits(state, userId, params, now),
  listTrustedDevices: (state, [userId]) => credentials.listTrustedDevices(state, userId),
  revokeTrustedDevice: (state, [userId, id], now) => credentials.revokeTrustedDevice(state, userId, id, now)
}
