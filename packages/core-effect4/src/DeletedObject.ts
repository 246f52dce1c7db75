/**
 * What a deletion answers: the deleted object's type, its id and `deleted: true`, as an Effect 4 Schema typed with the
 * kernel's model: camelCase in TypeScript, snake_case on the wire
 * (`Schema.encodeKeys`).
 *
 * @example
 * ```ts
 * import { DeletedObject } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(DeletedObject.DeletedObject)
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./internal/kernelModel.js"

/**
 * What was deleted: its `object` type, its `id` and `deleted`, camelCase (the kernel's `Model.DeletedObject`).
 *
 * @since 1.0.0
 * @category models
 */
export interface DeletedObject extends Model.DeletedObject {}

/**
 * The wire form of {@link DeletedObject}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface DeletedObjectEncoded extends Model.Wire<Model.DeletedObject> {}

/**
 * What was deleted: its `object` type, its `id` and `deleted`: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const DeletedObject: Schema.Codec<DeletedObject, DeletedObjectEncoded> = exact<
  Model.DeletedObject,
  Model.Wire<Model.DeletedObject>
>()(
  Schema.Struct({
    object: Schema.String,
    id: Schema.optionalKey(Schema.String),
    slug: Schema.optionalKey(Schema.String),
    deleted: Schema.Boolean,
    externalId: Schema.optionalKey(Schema.String)
  }).pipe(
    Schema.encodeKeys({
      externalId: "external_id"
    }),
    Schema.annotate({ identifier: "DeletedObject" })
  )
)
