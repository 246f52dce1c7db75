/**
 * Clerk's responses as wire JSON (snake_case, as Clerk sends them), for every line's decoding tests:
 * `*Full` fills every documented field (nested objects included, and a field Clerk may add later where the
 * model must ignore it), `*Minimal` only the required ones, with nullable fields `null`. Plain objects; copy
 * them (`{ ...Fixtures.userFull, id }`) rather than change them.
 *
 * @since 0.2.0
 */

/**
 * Users, their organizations and memberships, deleted objects, one of Clerk's error entries.
 *
 * @since 0.2.0
 * @category users
 */
export {
  clerkApiErrorFull,
  deletedFull,
  deletedMinimal,
  membershipFull,
  membershipMinimal,
  organizationFull,
  userFull,
  userMinimal
} from "./internal/fixtures/users.js"

/**
 * Counts, invitations, OAuth tokens, billing, TOTP, identifiers, trusted devices, and Clerk's error body for a
 * status (`clerkErrorBody(422)`: two errors, the first of code `code_422`).
 *
 * @since 0.2.0
 * @category payloads
 */
export {
  clerkErrorBody,
  creditBalanceFull,
  creditBalanceMinimal,
  emailAddressFull,
  emailAddressMinimal,
  invitationFull,
  invitationMinimal,
  ledgerEntryFull,
  ledgerEntryMinimal,
  oauthTokenFull,
  oauthTokenMinimal,
  phoneNumberFull,
  phoneNumberMinimal,
  subscriptionFull,
  subscriptionMinimal,
  totalCount,
  totpFull,
  totpMinimal,
  trustedDeviceFull,
  trustedDeviceMinimal
} from "./internal/fixtures/payloads.js"
