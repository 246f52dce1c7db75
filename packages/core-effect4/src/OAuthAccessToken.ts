/**
 * An OAuth access token of a user for one provider, as an Effect 4 Schema typed with the kernel's model: camelCase in
 * TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { OAuthAccessToken } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(OAuthAccessToken.OAuthAccessToken)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableNumber, NullableString } from "./internal/modelSchema.js"

/**
 * An OAuth access token of a user for one provider, camelCase (the kernel's `Model.OAuthAccessToken`).
 *
 * @since 1.0.0
 * @category models
 */
export interface OAuthAccessToken extends Model.OAuthAccessToken {}

/**
 * The wire form of {@link OAuthAccessToken}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface OAuthAccessTokenEncoded extends Model.OAuthAccessTokenEncoded {}

/**
 * An OAuth access token of a user for one provider: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const OAuthAccessToken: Schema.Codec<OAuthAccessToken, OAuthAccessTokenEncoded> = exact<
  Model.OAuthAccessToken,
  Model.OAuthAccessTokenEncoded
>()(
  Schema.Struct({
    object: Schema.String,
    externalAccountId: Schema.String,
    providerUserId: Schema.String,
    token: Schema.String,
    expiresAt: NullableNumber,
    provider: Schema.String,
    publicMetadata: Schema.JsonObject,
    label: NullableString,
    scopes: Schema.optionalKey(Schema.Array(Schema.String)),
    idToken: Schema.optionalKey(Schema.String),
    tokenSecret: Schema.optionalKey(Schema.String)
  }).pipe(
    Schema.encodeKeys({
      externalAccountId: "external_account_id",
      providerUserId: "provider_user_id",
      expiresAt: "expires_at",
      publicMetadata: "public_metadata",
      idToken: "id_token",
      tokenSecret: "token_secret"
    }),
    Schema.annotate({ identifier: "OAuthAccessToken" })
  )
)
