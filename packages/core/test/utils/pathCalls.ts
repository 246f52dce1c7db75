/**
 * Every operation with a path parameter, as a call taking arbitrary values for its parameters (the user id,
 * and the second parameter where there is one).
 */
import type * as Effect from "effect/Effect"
import type { ClerkError } from "../../src/ClerkError.js"
import type { Users } from "../../src/index.js"
import type { operations } from "../../src/UsersProtocol.js"

/** A call of one operation with the given path parameters. */
export type PathCall = (users: Users.Service, first: string, second: string) => Effect.Effect<unknown, ClerkError>

/** Every operation with a path parameter, called with arbitrary values for it. */
export const pathCalls: ReadonlyArray<readonly [keyof typeof operations, PathCall]> = [
  ["get", (users, id) => users.get(id)],
  ["update", (users, id) => users.update(id, { firstName: "x" })],
  ["delete", (users, id) => users.delete(id)],
  ["ban", (users, id) => users.ban(id)],
  ["unban", (users, id) => users.unban(id)],
  ["lock", (users, id) => users.lock(id)],
  ["unlock", (users, id) => users.unlock(id)],
  ["setProfileImage", (users, id) => users.setProfileImage(id, { data: new Uint8Array([1]) })],
  ["deleteProfileImage", (users, id) => users.deleteProfileImage(id)],
  ["updateMetadata", (users, id) => users.updateMetadata(id, { publicMetadata: { a: 1 } })],
  ["getBillingSubscription", (users, id) => users.getBillingSubscription(id)],
  ["getOAuthAccessToken", (users, id, provider) => users.getOAuthAccessToken(id, provider)],
  ["getOrganizationMemberships", (users, id) => users.getOrganizationMemberships(id)],
  ["getOrganizationInvitations", (users, id) => users.getOrganizationInvitations(id)],
  ["verifyPassword", (users, id) => users.verifyPassword(id, "pw")],
  ["verifyTotp", (users, id) => users.verifyTotp(id, "123456")],
  ["disableMfa", (users, id) => users.disableMfa(id)],
  ["deleteBackupCodes", (users, id) => users.deleteBackupCodes(id)],
  ["deletePasskey", (users, id, passkey) => users.deletePasskey(id, passkey)],
  ["deleteWeb3Wallet", (users, id, wallet) => users.deleteWeb3Wallet(id, wallet)],
  ["createTotp", (users, id) => users.createTotp(id)],
  ["deleteTotp", (users, id) => users.deleteTotp(id)],
  ["deleteExternalAccount", (users, id, account) => users.deleteExternalAccount(id, account)],
  ["setPasswordCompromised", (users, id) => users.setPasswordCompromised(id)],
  ["unsetPasswordCompromised", (users, id) => users.unsetPasswordCompromised(id)],
  ["replaceMetadata", (users, id) => users.replaceMetadata(id, { publicMetadata: {} })],
  ["replaceEmailAddress", (users, id) => users.replaceEmailAddress(id, { emailAddress: "a@example.com" })],
  ["replacePhoneNumber", (users, id) => users.replacePhoneNumber(id, { phoneNumber: "+15555550100" })],
  ["removePassword", (users, id) => users.removePassword(id)],
  ["getBillingCreditBalance", (users, id) => users.getBillingCreditBalance(id)],
  [
    "adjustBillingCreditBalance",
    (users, id) => users.adjustBillingCreditBalance(id, { amount: 1, action: "increase", idempotencyKey: "k" })
  ],
  ["listTrustedDevices", (users, id) => users.listTrustedDevices(id)],
  ["revokeTrustedDevice", (users, id, device) => users.revokeTrustedDevice(id, device)]
]
