/**
 * The small request and response bodies of the table's rows. Re-exported by `UsersProtocol`.
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import { TotalCount } from "../Responses.js"
import { MAX_BULK_IDS } from "../UsersParams.js"
import { wire } from "./schema.js"

/**
 * The body of `bulkBan` and `bulkUnban`: 1 to 50 user ids.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.encodeSync(UsersProtocol.UserIdsBody)({ userIds: ["user_1"] })) // { user_ids: ["user_1"] }
 * ```
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
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.encodeSync(UsersProtocol.VerifyPasswordBody)({ password: "hunter2" }))
 * ```
 */
export const VerifyPasswordBody = Schema.Struct({ password: Schema.String }).annotations({
  identifier: "VerifyPasswordBody"
})

/**
 * The body of `verifyTotp`.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.encodeSync(UsersProtocol.VerifyTotpBody)({ code: "123456" }))
 * ```
 */
export const VerifyTotpBody = Schema.Struct({ code: Schema.String }).annotations({ identifier: "VerifyTotpBody" })

/**
 * The response of `GET /users/count`, projected to the number it carries.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { UsersProtocol } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.decodeUnknownSync(UsersProtocol.CountResponse)({ object: "total_count", total_count: 3 })) // 3
 * ```
 */
export const CountResponse = Schema.transform(TotalCount, Schema.Number, {
  strict: true,
  decode: (count) => count.totalCount,
  encode: (totalCount) => ({ object: "total_count", totalCount })
}).annotations({ identifier: "CountResponse" })
