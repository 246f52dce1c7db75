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

const TotalCountStruct = Schema.Struct({
  object: OpenEnum("total_count"),
  totalCount: wire("total_count", Schema.Number)
}).annotations({ identifier: "TotalCount" })

/**
 * @since 0.1.0
 * @category models
 */
export interface TotalCount extends Schema.Schema.Type<typeof TotalCountStruct> {}

/**
 * The encoded side of {@link TotalCount}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface TotalCountEncoded extends Schema.Schema.Encoded<typeof TotalCountStruct> {}

/**
 * The body of `GET /users/count`.
 *
 * @since 0.1.0
 * @category models
 */
export const TotalCount: Schema.Schema<TotalCount, TotalCountEncoded> = TotalCountStruct

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

const VerifyPasswordResultStruct = Schema.Struct({
  verified: Schema.Boolean
}).annotations({ identifier: "VerifyPasswordResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface VerifyPasswordResult extends Schema.Schema.Type<typeof VerifyPasswordResultStruct> {}

/**
 * The encoded side of {@link VerifyPasswordResult}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface VerifyPasswordResultEncoded extends Schema.Schema.Encoded<typeof VerifyPasswordResultStruct> {}

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
export const VerifyPasswordResult: Schema.Schema<VerifyPasswordResult, VerifyPasswordResultEncoded> =
  VerifyPasswordResultStruct

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

const VerifyTotpResultStruct = Schema.Struct({
  verified: Schema.Boolean,
  codeType: wireOptional("code_type", TotpCodeType)
}).annotations({ identifier: "VerifyTotpResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface VerifyTotpResult extends Schema.Schema.Type<typeof VerifyTotpResultStruct> {}

/**
 * The encoded side of {@link VerifyTotpResult}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface VerifyTotpResultEncoded extends Schema.Schema.Encoded<typeof VerifyTotpResultStruct> {}

/**
 * The result of `verifyTotp`. `codeType` says which kind of code was accepted, when Clerk says it (the spec does
 * not require it).
 *
 * @since 0.1.0
 * @category models
 */
export const VerifyTotpResult: Schema.Schema<VerifyTotpResult, VerifyTotpResultEncoded> = VerifyTotpResultStruct

const UserIdResultStruct = Schema.Struct({
  userId: wire("user_id", Schema.String)
}).annotations({ identifier: "UserIdResult" })

/**
 * @since 0.1.0
 * @category models
 */
export interface UserIdResult extends Schema.Schema.Type<typeof UserIdResultStruct> {}

/**
 * The encoded side of {@link UserIdResult}: its wire form, snake_case as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface UserIdResultEncoded extends Schema.Schema.Encoded<typeof UserIdResultStruct> {}

/**
 * The result of `disableMfa`, `deleteBackupCodes` and `deleteTotp`: the id of the user they applied to.
 *
 * @since 0.1.0
 * @category models
 */
export const UserIdResult: Schema.Schema<UserIdResult, UserIdResultEncoded> = UserIdResultStruct

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
 * The encoded side of {@link Paginated}: the envelope as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 */
export interface PaginatedEncoded<I> {
  readonly data: ReadonlyArray<I>
  readonly total_count: number
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
export const Paginated = <A, I, R>(
  item: Schema.Schema<A, I, R>
): Schema.Schema<Paginated<A>, PaginatedEncoded<I>, R> =>
  Schema.Struct({
    data: Schema.Array(item),
    totalCount: wire("total_count", Schema.Number)
  })
