/**
 * The fault scenario: every operation called with every documented status injected, then 429, 503, an
 * undocumented status and a dropped connection (see `statuses.ts`), against Ada, Bob and Carol.
 */
import type { Step } from "./language.js"
import { everyStatus, ref } from "./language.js"
import { image, people } from "./lifecycle.js"

const ada = ref("ada", "id")
const bob = ref("bob", "id")
const carol = ref("carol", "id")

/** One call of each operation, each with every status injected in turn. */
export const faults: ReadonlyArray<Step> = [
  ...people,
  everyStatus("list", []),
  everyStatus("create", [{ firstName: "x" }]),
  everyStatus("count", []),
  everyStatus("get", [ada]),
  everyStatus("update", [ada, { firstName: "Ada" }]),
  everyStatus("delete", [carol]),
  everyStatus("ban", [ada]),
  everyStatus("unban", [ada]),
  everyStatus("bulkBan", [[ada]]),
  everyStatus("bulkUnban", [[ada]]),
  everyStatus("lock", [ada]),
  everyStatus("unlock", [ada]),
  everyStatus("setProfileImage", [ada, { data: image }]),
  everyStatus("deleteProfileImage", [ada]),
  everyStatus("updateMetadata", [ada, {}]),
  everyStatus("getBillingSubscription", [ada]),
  everyStatus("getOAuthAccessToken", [ada, "oauth_google"]),
  everyStatus("getOrganizationMemberships", [ada]),
  everyStatus("getOrganizationInvitations", [bob]),
  everyStatus("verifyPassword", [ada, "analytical-engine"]),
  everyStatus("verifyTotp", [ada, "efgh5678"]),
  everyStatus("disableMfa", [ada]),
  everyStatus("deleteBackupCodes", [ada]),
  everyStatus("deletePasskey", [carol, "idn_gone"]),
  everyStatus("deleteWeb3Wallet", [carol, "idn_gone"]),
  everyStatus("createTotp", [ada]),
  everyStatus("deleteTotp", [ada]),
  everyStatus("deleteExternalAccount", [carol, "eac_gone"]),
  everyStatus("setPasswordCompromised", [ada]),
  everyStatus("unsetPasswordCompromised", [ada]),
  everyStatus("getInstanceOrganizationMemberships", []),
  everyStatus("replaceMetadata", [ada, {}]),
  everyStatus("replaceEmailAddress", [ada, { emailAddress: "ada@example.com" }]),
  everyStatus("replacePhoneNumber", [ada, { phoneNumber: "+15555550199" }]),
  everyStatus("removePassword", [ada]),
  everyStatus("getBillingCreditBalance", [ada]),
  everyStatus("adjustBillingCreditBalance", [ada, { amount: 1, action: "increase", idempotencyKey: "faults" }]),
  everyStatus("listTrustedDevices", [ada]),
  everyStatus("revokeTrustedDevice", [ada, "td_gone"])
]
