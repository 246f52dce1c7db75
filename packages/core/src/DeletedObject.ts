/**
 * The confirmation Clerk returns when it deletes something.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { optional, wireOptional } from "./internal/schema.js"

const DeletedObjectStruct = Schema.Struct({
  object: Schema.String,
  id: optional(Schema.String),
  slug: optional(Schema.String),
  deleted: Schema.Boolean,
  externalId: wireOptional("external_id", Schema.String)
}).annotations({ identifier: "DeletedObject" })

/**
 * @since 0.1.0
 * @category models
 */
export interface DeletedObject extends Schema.Schema.Type<typeof DeletedObjectStruct> {}

/**
 * The encoded side of {@link DeletedObject}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface DeletedObjectEncoded extends Schema.Schema.Encoded<typeof DeletedObjectStruct> {}

/**
 * What was deleted: its `object` type, its `id` and `deleted: true`.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const removed = Effect.flatMap(Users, (users) => users.delete("user_123")).pipe(
 *   Effect.map((deleted) => deleted.deleted && deleted.id === "user_123")
 * )
 * ```
 */
export const DeletedObject: Schema.Schema<DeletedObject, DeletedObjectEncoded> = DeletedObjectStruct
