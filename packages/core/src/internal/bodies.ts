/**
 * The small request bodies of the table's rows.
 *
 * @internal
 */
import * as Limits from "@effect-clerk/kernel/Limits"
import * as Schema from "effect/Schema"
import { wire } from "./schema.js"

const UserIdsBodyStruct = Schema.Struct({
  userIds: wire(
    "user_ids",
    Schema.Array(Schema.String).pipe(
      Schema.filter((ids) => Limits.bulkIdsProblem(ids))
    )
  )
}).annotations({ identifier: "UserIdsBody" })

/**
 * @since 0.3.0
 * @category models
 */
export interface UserIdsBody extends Schema.Schema.Type<typeof UserIdsBodyStruct> {}

/**
 * The encoded side of {@link UserIdsBody}: its JSON body, as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface UserIdsBodyEncoded extends Schema.Schema.Encoded<typeof UserIdsBodyStruct> {}

/**
 * The body of `bulkBan` and `bulkUnban`: 1 to 50 user ids.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserIdsBody: Schema.Schema<UserIdsBody, UserIdsBodyEncoded> = UserIdsBodyStruct

const VerifyPasswordBodyStruct = Schema.Struct({ password: Schema.String }).annotations({
  identifier: "VerifyPasswordBody"
})

/**
 * @since 0.3.0
 * @category models
 */
export interface VerifyPasswordBody extends Schema.Schema.Type<typeof VerifyPasswordBodyStruct> {}

/**
 * The encoded side of {@link VerifyPasswordBody}: its JSON body, as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface VerifyPasswordBodyEncoded extends Schema.Schema.Encoded<typeof VerifyPasswordBodyStruct> {}

/**
 * The body of `verifyPassword`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const VerifyPasswordBody: Schema.Schema<VerifyPasswordBody, VerifyPasswordBodyEncoded> = VerifyPasswordBodyStruct

const VerifyTotpBodyStruct = Schema.Struct({ code: Schema.String }).annotations({ identifier: "VerifyTotpBody" })

/**
 * @since 0.3.0
 * @category models
 */
export interface VerifyTotpBody extends Schema.Schema.Type<typeof VerifyTotpBodyStruct> {}

/**
 * The encoded side of {@link VerifyTotpBody}: its JSON body, as sent to Clerk.
 *
 * @since 0.3.0
 * @category models
 */
export interface VerifyTotpBodyEncoded extends Schema.Schema.Encoded<typeof VerifyTotpBodyStruct> {}

/**
 * The body of `verifyTotp`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const VerifyTotpBody: Schema.Schema<VerifyTotpBody, VerifyTotpBodyEncoded> = VerifyTotpBodyStruct
