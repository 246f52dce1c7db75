/**
 * A TOTP (time-based one-time password) authenticator created for a user.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, wireOptional } from "./internal/schema.js"

const TotpStruct = Schema.Struct({
  object: Schema.String,
  id: Schema.String,
  secret: Schema.NullOr(Schema.String),
  uri: Schema.NullOr(Schema.String),
  verified: Schema.Boolean,
  backupCodes: wireOptional("backup_codes", Schema.NullOr(Schema.Array(Schema.String))),
  createdAt: wireOptional("created_at", Schema.Number),
  updatedAt: wireOptional("updated_at", Schema.Number),
  label: optional(Schema.NullOr(Schema.String))
}).annotations({ identifier: "Totp" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Totp extends Schema.Schema.Type<typeof TotpStruct> {}

/**
 * The encoded side of {@link Totp}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface TotpEncoded extends Schema.Schema.Encoded<typeof TotpStruct> {}

/**
 * A TOTP with its secret and `otpauth://` URI (to show as a QR code), and backup codes when Clerk made them.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const enrollmentUri = Effect.flatMap(Users, (users) => users.createTotp("user_123")).pipe(
 *   Effect.map((totp) => totp.uri)
 * )
 * ```
 */
export const Totp: Schema.Schema<Totp, TotpEncoded> = TotpStruct
