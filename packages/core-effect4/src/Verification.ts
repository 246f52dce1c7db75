/**
 * The verification attached to an identifier or an account (email address, phone number, web3 wallet,
 * passkey, external, SAML or enterprise account), as Effect 4 Schemas typed with the kernel's model.
 *
 * Clerk documents eleven variants, discriminated by an `object` field it does not always send: one schema, the
 * shared fields required, the variant-specific ones optional, `object`, `status` and `strategy` open strings so
 * that a variant Clerk adds later still decodes.
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { ClerkApiError, NullableNumber, NullableString } from "./internal/modelSchema.js"

/**
 * The `object` of a verification: an open string (`verification_otp`, `verification_oauth`, ...), so that a
 * variant Clerk adds later still decodes.
 *
 * @since 1.0.0
 * @category schemas
 */
export const VerificationObject: Schema.String = Schema.String

/**
 * The status of a verification: an open string (`unverified`, `verified`, `failed`, `expired`, `transferable`).
 *
 * @since 1.0.0
 * @category schemas
 */
export const VerificationStatus: Schema.String = Schema.String

/**
 * A verification, camelCase (the kernel's `Model.Verification`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Verification extends Model.Verification {}

/**
 * The wire form of {@link Verification}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface VerificationEncoded extends Model.VerificationEncoded {}

/**
 * A verification of an identifier or an account: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { Verification } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const verification = Schema.decodeUnknownSync(Verification.Verification)({
 *   status: "verified", strategy: "email_code", attempts: 1, expire_at: 1700000000000
 * })
 * console.log(verification.expireAt)
 * ```
 */
export const Verification: Schema.Codec<Verification, VerificationEncoded> = exact<
  Model.Verification,
  Model.VerificationEncoded
>()(
  Schema.Struct({
    object: Schema.optionalKey(VerificationObject),
    status: VerificationStatus,
    strategy: Schema.String,
    attempts: NullableNumber,
    expireAt: Schema.optionalKey(NullableNumber),
    verifiedAtClient: Schema.optionalKey(NullableString),
    channel: Schema.optionalKey(NullableString),
    nonce: Schema.optionalKey(NullableString),
    message: Schema.optionalKey(NullableString),
    externalVerificationRedirectUrl: Schema.optionalKey(NullableString),
    error: Schema.optionalKey(Schema.NullOr(ClerkApiError))
  }).pipe(
    Schema.encodeKeys({
      expireAt: "expire_at",
      verifiedAtClient: "verified_at_client",
      externalVerificationRedirectUrl: "external_verification_redirect_url"
    }),
    Schema.annotate({ identifier: "Verification" })
  )
)

/**
 * A link between an identifier and the account it came from (the kernel's `Model.IdentificationLink`).
 *
 * @since 1.0.0
 * @category models
 */
export interface IdentificationLink extends Model.IdentificationLink {}

/**
 * The wire form of {@link IdentificationLink} (the same keys).
 *
 * @since 1.0.0
 * @category models
 */
export interface IdentificationLinkEncoded extends Model.Wire<Model.IdentificationLink> {}

/**
 * A link between an identifier and the account it came from (for example an email address linked to an OAuth
 * account).
 *
 * @since 1.0.0
 * @category schemas
 */
export const IdentificationLink: Schema.Codec<IdentificationLink, IdentificationLinkEncoded> = exact<
  Model.IdentificationLink,
  Model.Wire<Model.IdentificationLink>
>()(
  Schema.Struct({ type: Schema.String, id: Schema.String }).pipe(Schema.annotate({ identifier: "IdentificationLink" }))
)
