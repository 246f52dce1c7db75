/**
 * The small request bodies of the table's rows, typed with the kernel's model.
 *
 * @internal
 */
import type { Model } from "@effect-clerk/kernel"
import * as Limits from "@effect-clerk/kernel/Limits"
import * as Schema from "effect/Schema"
import { exact } from "./kernelModel.js"

/**
 * The body of `bulkBan` and `bulkUnban` (the kernel's `Model.UserIdsBody`).
 *
 * @since 1.0.0
 * @category models
 */
export interface UserIdsBody extends Model.UserIdsBody {}

/**
 * The JSON body of {@link UserIdsBody}, as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface UserIdsBodyEncoded extends Model.Wire<Model.UserIdsBody> {}

/**
 * The body of `bulkBan` and `bulkUnban`: 1 to 50 user ids.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UserIdsBody: Schema.Codec<UserIdsBody, UserIdsBodyEncoded> = exact<
  Model.UserIdsBody,
  Model.Wire<Model.UserIdsBody>
>()(
  Schema.Struct({
    userIds: Schema.Array(Schema.String).check(Schema.makeFilter((ids) => Limits.bulkIdsProblem(ids), {
      arbitraryConstraint: { minLength: 1, maxLength: Limits.MAX_BULK_IDS },
      "~structural": true
    }))
  }).pipe(Schema.encodeKeys({ userIds: "user_ids" }), Schema.annotate({ identifier: "UserIdsBody" }))
)

/**
 * The body of `verifyPassword` (the kernel's `Model.VerifyPasswordBody`).
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyPasswordBody extends Model.VerifyPasswordBody {}

/**
 * The JSON body of {@link VerifyPasswordBody}, as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyPasswordBodyEncoded extends Model.Wire<Model.VerifyPasswordBody> {}

/**
 * The body of `verifyPassword`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const VerifyPasswordBody: Schema.Codec<VerifyPasswordBody, VerifyPasswordBodyEncoded> = exact<
  Model.VerifyPasswordBody,
  Model.Wire<Model.VerifyPasswordBody>
>()(Schema.Struct({ password: Schema.String }).pipe(Schema.annotate({ identifier: "VerifyPasswordBody" })))

/**
 * The body of `verifyTotp` (the kernel's `Model.VerifyTotpBody`).
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyTotpBody extends Model.VerifyTotpBody {}

/**
 * The JSON body of {@link VerifyTotpBody}, as sent to Clerk.
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyTotpBodyEncoded extends Model.Wire<Model.VerifyTotpBody> {}

/**
 * The body of `verifyTotp`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const VerifyTotpBody: Schema.Codec<VerifyTotpBody, VerifyTotpBodyEncoded> = exact<
  Model.VerifyTotpBody,
  Model.Wire<Model.VerifyTotpBody>
>()(Schema.Struct({ code: Schema.String }).pipe(Schema.annotate({ identifier: "VerifyTotpBody" })))
