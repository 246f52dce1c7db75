/**
 * The small response bodies of the Users endpoints: counts, verification results, MFA results and
 * paginated envelopes.
 *
 * Field names are camelCase in TypeScript and snake_case on the wire; the schemas rename them and validate.
 *
 * @example
 * ```ts
 * import { Responses } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * // snake_case on the wire, camelCase in TypeScript, validated
 * const decode = Schema.decodeUnknown(Responses.TotalCount)
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { OpenEnum, wire, wireOptional } from "./internal/schema.js"

/**
 * The body of `GET /users/count`.
 *
 * @since 0.1.0
 * @category models
 */
export const TotalCount = Schema.Struct({
  object: OpenEnum("total_count"),
  totalCount: wire("total_count", Schema.Number)
}).annotations({ identifier: "TotalCount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TotalCount extends Schema.Schema.Type<typeof TotalCount> {}

/**
 * The response of `GET /users/count`, projected to the number it carries.
 *
 * @since 0.2.0
 * @category schemas
 * @example
 * ```ts
 * import { Responses } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.decodeUnknownSync(Responses.CountResponse)({ object: "total_count", total_count: 3 })) // 3
 * ```
 */
export const CountResponse = Schema.transform(TotalCount, Schema.Number, {
  strict: true,
  decode: (count) => count.totalCount,
  encode: (totalCount) => ({ object: "total_count", totalCount })
}).annotations({ identifier: "CountResponse" })

/**
 * The result of `verifyPassword` (a wrong password is a `UnprocessableEntity` failure, not `verified: false`).
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const passwordMatches = (userId: string, password: string) =>
 *   Effect.flatMap(Users, (users) => users.verifyPassword(userId, password)).pipe(
 *     Effect.map(({ verified }) => verified),
 *     Effect.catchTag("UnprocessableEntity", () => Effect.succeed(false))
 *   )
 * ```
 */
export const VerifyPasswordResult = Schema.Struct({
  verified: Schema.Boolean
}).annotations({ identifier: "VerifyPasswordResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface VerifyPasswordResult extends Schema.Schema.Type<typeof VerifyPasswordResult> {}

/**
 * What kind of code `verifyTotp` accepted.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { TotpCodeType } from "@effect-clerk/core/Responses"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknown(TotpCodeType)
 * ```
 */
export const TotpCodeType = OpenEnum("totp", "backup_code")

/**
 * The result of `verifyTotp`. `codeType` says which kind of code was accepted, when Clerk says it (the spec does
 * not require it).
 *
 * @since 0.1.0
 * @category models
 */
export const VerifyTotpResult = Schema.Struct({
  verified: Schema.Boolean,
  codeType: wireOptional("code_type", TotpCodeType)
}).annotations({ identifier: "VerifyTotpResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface VerifyTotpResult extends Schema.Schema.Type<typeof VerifyTotpResult> {}

/**
 * The result of `disableMfa`, `deleteBackupCodes` and `deleteTotp`: the id of the user they applied to.
 *
 * @since 0.1.0
 * @category models
 */
export const UserIdResult = Schema.Struct({
  userId: wire("user_id", Schema.String)
}).annotations({ identifier: "UserIdResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UserIdResult extends Schema.Schema.Type<typeof UserIdResult> {}

/**
 * A page of a listing with the total number of items the listing has.
 *
 * @since 0.1.0
 * @category models
 */
export interface Paginated<A> {
  readonly data: ReadonlyArray<A>
  readonly totalCount: number
}

/**
 * The schema of a `{ data, total_count }` envelope around `item`.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import { OrganizationMembership } from "@effect-clerk/core/OrganizationMembership"
 * import { Paginated } from "@effect-clerk/core/Responses"
 * import { Schema } from "effect"
 *
 * const MembershipPage = Paginated(OrganizationMembership)
 * const page = Schema.decodeUnknownSync(MembershipPage)({ data: [], total_count: 0 })
 * console.log(page.totalCount)
 * ```
 */
export const Paginated = <A, I, R>(item: Schema.Schema<A, I, R>) =>
  Schema.Struct({
    data: Schema.Array(item),
    totalCount: wire("total_count", Schema.Number)
  })
