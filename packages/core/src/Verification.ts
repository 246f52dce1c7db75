/**
 * The verification attached to an identifier or an account (email address, phone number, web3 wallet,
 * passkey, external, SAML or enterprise account).
 *
 * Clerk documents eleven variants (`verification_otp`, `verification_admin`, `verification_oauth`, ...),
 * discriminated by an `object` field that Clerk does not always send. They are modelled as one schema: the
 * fields every variant shares are required, the variant-specific ones optional, `object`, `status` and
 * `strategy` are open enums, so that a variant Clerk adds later still decodes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ClerkApiError } from "./ClerkError.js"
import { OpenEnum, optional, wireOptional } from "./internal/schema.js"

/**
 * The `object` values of the documented verification variants.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { VerificationObject } from "@effect-clerk/core/Verification"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(VerificationObject)
 * ```
 */
export const VerificationObject = OpenEnum(
  "verification_otp",
  "verification_admin",
  "verification_from_oauth",
  "verification_ticket",
  "verification_saml",
  "verification_email_link",
  "verification_scim",
  "verification_oauth",
  "verification_google_one_tap",
  "verification_passkey",
  "verification_web3"
)

/**
 * The status of a verification.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { VerificationStatus } from "@effect-clerk/core/Verification"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(VerificationStatus)
 * ```
 */
export const VerificationStatus = OpenEnum("unverified", "verified", "failed", "expired", "transferable")

const VerificationStruct = Schema.Struct({
  object: optional(VerificationObject),
  status: VerificationStatus,
  strategy: Schema.String,
  attempts: Schema.NullOr(Schema.Number),
  expireAt: wireOptional("expire_at", Schema.NullOr(Schema.Number)),
  verifiedAtClient: wireOptional("verified_at_client", Schema.NullOr(Schema.String)),
  channel: optional(Schema.NullOr(Schema.String)),
  nonce: optional(Schema.NullOr(Schema.String)),
  message: optional(Schema.NullOr(Schema.String)),
  externalVerificationRedirectUrl: wireOptional("external_verification_redirect_url", Schema.NullOr(Schema.String)),
  error: optional(Schema.NullOr(ClerkApiError))
}).annotations({ identifier: "Verification" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Verification extends Schema.Schema.Type<typeof VerificationStruct> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface VerificationEncoded extends Schema.Schema.Encoded<typeof VerificationStruct> {}

/**
 * A verification of an identifier or an account.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Verification } from "@effect-clerk/core/Verification"
 * import { Schema } from "effect"
 *
 * const verification = Schema.decodeUnknownSync(Verification)({
 *   object: "verification_otp",
 *   status: "verified",
 *   strategy: "email_code",
 *   attempts: 1,
 *   expire_at: 1700000000000
 * })
 * console.log(verification.expireAt)
 * ```
 */
export const Verification: Schema.Schema<Verification, VerificationEncoded> = VerificationStruct

const IdentificationLinkStruct = Schema.Struct({
  type: Schema.String,
  id: Schema.String
}).annotations({ identifier: "IdentificationLink" })

/**
 * @since 0.1.0
 * @category models
 */
export interface IdentificationLink extends Schema.Schema.Type<typeof IdentificationLinkStruct> {}

/**
 * The encoded side of {@link IdentificationLink}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface IdentificationLinkEncoded extends Schema.Schema.Encoded<typeof IdentificationLinkStruct> {}

/**
 * A link between an identifier and the account it came from (for example an email address linked to an
 * OAuth account).
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { IdentificationLink } from "@effect-clerk/core/Verification"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(IdentificationLink)
 * ```
 */
export const IdentificationLink: Schema.Schema<IdentificationLink, IdentificationLinkEncoded> = IdentificationLinkStruct
