/**
 * A trusted device of a user, as an Effect 4 Schema typed with the kernel's model: camelCase in TypeScript, snake_case
 * on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { TrustedDevice } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(TrustedDevice.TrustedDevice)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"
import { NullableNumber, NullableString } from "./internal/modelSchema.js"

/**
 * A trusted device of a user, camelCase (the kernel's `Model.TrustedDevice`).
 *
 * @since 1.0.0
 * @category models
 */
export interface TrustedDevice extends Model.TrustedDevice {}

/**
 * The wire form of {@link TrustedDevice}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface TrustedDeviceEncoded extends Model.Wire<Model.TrustedDevice> {}

/**
 * A trusted device of a user: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const TrustedDevice: Schema.Codec<TrustedDevice, TrustedDeviceEncoded> = exact<
  Model.TrustedDevice,
  Model.Wire<Model.TrustedDevice>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.String,
    platform: Schema.String,
    appIdentifier: Schema.String,
    name: Schema.optionalKey(NullableString),
    algorithm: Schema.String,
    status: Schema.String,
    createdAt: Schema.Number,
    updatedAt: Schema.Number,
    lastUsedAt: Schema.optionalKey(NullableNumber),
    revokedAt: Schema.optionalKey(NullableNumber)
  }).pipe(
    Schema.encodeKeys({
      appIdentifier: "app_identifier",
      createdAt: "created_at",
      updatedAt: "updated_at",
      lastUsedAt: "last_used_at",
      revokedAt: "revoked_at"
    }),
    Schema.annotate({ identifier: "TrustedDevice" })
  )
)
