/**
 * A trusted device: a mobile app installation a user enrolled to sign in with (its key never leaves it).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { OpenEnum, optional, wire, wireOptional } from "./internal/schema.js"

const TrustedDeviceStruct = Schema.Struct({
  object: OpenEnum("trusted_device"),
  id: Schema.String,
  platform: OpenEnum("ios", "android"),
  appIdentifier: wire("app_identifier", Schema.String),
  name: optional(Schema.NullOr(Schema.String)),
  algorithm: OpenEnum("ES256"),
  status: OpenEnum("active", "revoked"),
  createdAt: wire("created_at", Schema.Number),
  updatedAt: wire("updated_at", Schema.Number),
  lastUsedAt: wireOptional("last_used_at", Schema.NullOr(Schema.Number)),
  revokedAt: wireOptional("revoked_at", Schema.NullOr(Schema.Number))
}).annotations({ identifier: "TrustedDevice" })

/**
 * @since 0.2.0
 * @category models
 */
export interface TrustedDevice extends Schema.Schema.Type<typeof TrustedDeviceStruct> {}

/**
 * The encoded side of {@link TrustedDevice}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface TrustedDeviceEncoded extends Schema.Schema.Encoded<typeof TrustedDeviceStruct> {}

/**
 * A trusted device of a user.
 *
 * @since 0.2.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // the ids of a user's active iOS devices
 * const iosDevices = (userId: string) =>
 *   Effect.flatMap(Users, (users) => users.listTrustedDevices(userId)).pipe(
 *     Effect.map((page) => page.data.filter((device) => device.platform === "ios").map((device) => device.id))
 *   )
 * ```
 */
export const TrustedDevice: Schema.Schema<TrustedDevice, TrustedDeviceEncoded> = TrustedDeviceStruct
