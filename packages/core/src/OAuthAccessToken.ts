/**
 * OAuth access tokens Clerk holds for a user's external accounts.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { JsonObject, OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

const OAuthAccessTokenStruct = Schema.Struct({
  object: OpenEnum("oauth_access_token"),
  externalAccountId: wire("external_account_id", Schema.String),
  providerUserId: wire("provider_user_id", Schema.String),
  token: Schema.String,
  expiresAt: wire("expires_at", Schema.NullOr(Schema.Number)),
  provider: Schema.String,
  publicMetadata: wire("public_metadata", JsonObject),
  label: Schema.NullOr(Schema.String),
  scopes: optional(Schema.Array(Schema.String)),
  idToken: wireOptional("id_token", Schema.String),
  tokenSecret: wireOptional("token_secret", Schema.String)
}).annotations({ identifier: "OAuthAccessToken" })

/**
 * @since 0.1.0
 * @category models
 */
export interface OAuthAccessToken extends Schema.Schema.Type<typeof OAuthAccessTokenStruct> {}

/**
 * @since 0.1.0
 * @category models
 */
export interface OAuthAccessTokenEncoded extends Schema.Schema.Encoded<typeof OAuthAccessTokenStruct> {}

/**
 * An OAuth access token of a user for one provider (refreshed by Clerk when it can).
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const googleToken = Effect.flatMap(Users, (users) => users.getOAuthAccessToken("user_123", "oauth_google")).pipe(
 *   Effect.map((tokens) => tokens[0]?.token)
 * )
 * ```
 */
export const OAuthAccessToken: Schema.Schema<OAuthAccessToken, OAuthAccessTokenEncoded> = OAuthAccessTokenStruct
