/**
 * A TOTP (authenticator app) of a user, with its secret and `otpauth://` URI, as an Effect 4 Schema typed with the
 * kernel's model: camelCase in TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { Totp } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(Totp.Totp)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableString } from "./internal/modelSchema.js"

/**
 * A TOTP with its secret, its `otpauth://` URI and the backup codes Clerk made, camelCase (the kernel's `Model.Totp`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Totp extends Model.Totp {}

/**
 * The wire form of {@link Totp}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface TotpEncoded extends Model.Wire<Model.Totp> {}

/**
 * A TOTP with its secret, its `otpauth://` URI and the backup codes Clerk made: decodes Clerk's snake_case JSON,
 * encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Totp: Schema.Codec<Totp, TotpEncoded> = exact<
  Model.Totp,
  Model.Wire<Model.Totp>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    secret: NullableString,
    uri: NullableString,
    verified: Schema.Boolean,
    backupCodes: Schema.optionalKey(Schema.NullOr(Schema.Array(Schema.String))),
    createdAt: Schema.optionalKey(Schema.Number),
    updatedAt: Schema.optionalKey(Schema.Number),
    label: Schema.optionalKey(NullableString)
  }).pipe(
    Schema.encodeKeys({
      backupCodes: "backup_codes",
      createdAt: "created_at",
      updatedAt: "updated_at"
    }),
    Schema.annotate({ identifier: "Totp" })
  )
)
