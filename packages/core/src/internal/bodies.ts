/**
 * The small request bodies of the table's rows.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import { MAX_BULK_IDS } from "../UsersParams.js"
import { wire } from "./schema.js"

/**
 * The body of `bulkBan` and `bulkUnban`: 1 to 50 user ids.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserIdsBody = Schema.Struct({
  userIds: wire(
    "user_ids",
    Schema.Array(Schema.String).pipe(
      Schema.filter((ids) =>
        (ids.length >= 1 && ids.length <= MAX_BULK_IDS) ||
        `between 1 and ${MAX_BULK_IDS} user ids are accepted, got ${ids.length}`
      )
    )
  )
}).annotations({ identifier: "UserIdsBody" })

/**
 * The body of `verifyPassword`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const VerifyPasswordBody = Schema.Struct({ password: Schema.String }).annotations({
  identifier: "VerifyPasswordBody"
})

/**
 * The body of `verifyTotp`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const VerifyTotpBody = Schema.Struct({ code: Schema.String }).annotations({ identifier: "VerifyTotpBody" })
