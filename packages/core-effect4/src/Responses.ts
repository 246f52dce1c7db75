/**
 * The small response bodies of the Users endpoints: counts, verification results, MFA results and paginated
 * envelopes, as Effect 4 Schemas typed with the kernel's model (camelCase in TypeScript, snake_case on the wire).
 *
 * @example
 * ```ts
 * import { Responses } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.decodeUnknownSync(Responses.CountResponse)({ object: "total_count", total_count: 3 })) // 3
 * ```
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import { exact } from "./internal/kernelModel.js"

/**
 * The body of `GET /users/count`, camelCase (the kernel's `Model.TotalCount`).
 *
 * @since 1.0.0
 * @category models
 */
export interface TotalCount extends Model.TotalCount {}

/**
 * The wire form of {@link TotalCount}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface TotalCountEncoded extends Model.Wire<Model.TotalCount> {}

/**
 * The body of `GET /users/count`: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const TotalCount: Schema.Codec<TotalCount, TotalCountEncoded> = exact<
  Model.TotalCount,
  Model.Wire<Model.TotalCount>
>()(
  Schema.Struct({
    object: Schema.String,
    totalCount: Schema.Number
  }).pipe(
    Schema.encodeKeys({
      totalCount: "total_count"
    }),
    Schema.annotate({ identifier: "TotalCount" })
  )
)

/**
 * The response of `GET /users/count`, projected to the number it carries (encodes back to the whole body).
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { Responses } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * console.log(Schema.decodeUnknownSync(Responses.CountResponse)({ object: "total_count", total_count: 3 })) // 3
 * ```
 */
export const CountResponse: Schema.Codec<number, TotalCountEncoded> = TotalCount.pipe(
  Schema.decodeTo(Schema.Number, {
    decode: SchemaGetter.transform((count: TotalCount) => count.totalCount),
    encode: SchemaGetter.transform((totalCount: number): TotalCount => ({ object: "total_count", totalCount }))
  }),
  Schema.annotate({ identifier: "CountResponse" })
)

/**
 * The answer of `verifyPassword`, camelCase (the kernel's `Model.VerifyPasswordResult`).
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyPasswordResult extends Model.VerifyPasswordResult {}

/**
 * The wire form of {@link VerifyPasswordResult}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyPasswordResultEncoded extends Model.Wire<Model.VerifyPasswordResult> {}

/**
 * The answer of `verifyPassword`: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const passwordMatches = (userId: string, password: string) =>
 *   Effect.flatMap(Effect.service(Users.Users), (users) => users.verifyPassword(userId, password)).pipe(
 *     Effect.map(({ verified }) => verified),
 *     Effect.catchTag("UnprocessableEntity", () => Effect.succeed(false))
 *   )
 * ```
 */
export const VerifyPasswordResult: Schema.Codec<VerifyPasswordResult, VerifyPasswordResultEncoded> = exact<
  Model.VerifyPasswordResult,
  Model.Wire<Model.VerifyPasswordResult>
>()(
  Schema.Struct({
    verified: Schema.Boolean
  }).pipe(
    Schema.annotate({ identifier: "VerifyPasswordResult" })
  )
)

/**
 * The kind of code `verifyTotp` accepted: an open string (`totp`, `backup_code`; Clerk may add values).
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { TotpCodeType } from "@effect-clerk/core/Responses"
 * import { Schema } from "effect"
 *
 * // the same names on the wire as in TypeScript; decoding validates
 * const decode = Schema.decodeUnknownEffect(TotpCodeType)
 * ```
 */
export const TotpCodeType: Schema.String = Schema.String

/**
 * The answer of `verifyTotp`, camelCase (the kernel's `Model.VerifyTotpResult`).
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyTotpResult extends Model.VerifyTotpResult {}

/**
 * The wire form of {@link VerifyTotpResult}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface VerifyTotpResultEncoded extends Model.Wire<Model.VerifyTotpResult> {}

/**
 * The answer of `verifyTotp`: decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const VerifyTotpResult: Schema.Codec<VerifyTotpResult, VerifyTotpResultEncoded> = exact<
  Model.VerifyTotpResult,
  Model.Wire<Model.VerifyTotpResult>
>()(
  Schema.Struct({
    verified: Schema.Boolean,
    codeType: Schema.optionalKey(TotpCodeType)
  }).pipe(
    Schema.encodeKeys({
      codeType: "code_type"
    }),
    Schema.annotate({ identifier: "VerifyTotpResult" })
  )
)

/**
 * An answer naming only a user (the MFA and credential removals), camelCase (the kernel's `Model.UserIdResult`).
 *
 * @since 1.0.0
 * @category models
 */
export interface UserIdResult extends Model.UserIdResult {}

/**
 * The wire form of {@link UserIdResult}: snake_case as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface UserIdResultEncoded extends Model.Wire<Model.UserIdResult> {}

/**
 * An answer naming only a user (the MFA and credential removals): decodes Clerk's snake_case JSON, encodes it back.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UserIdResult: Schema.Codec<UserIdResult, UserIdResultEncoded> = exact<
  Model.UserIdResult,
  Model.Wire<Model.UserIdResult>
>()(
  Schema.Struct({
    userId: Schema.String
  }).pipe(
    Schema.encodeKeys({
      userId: "user_id"
    }),
    Schema.annotate({ identifier: "UserIdResult" })
  )
)

/**
 * One page of a listing and the total count of the whole listing (the kernel's `Model.Paginated`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Paginated<A> extends Model.Paginated<A> {}

/**
 * The wire form of {@link Paginated}: the `{ data, total_count }` envelope as Clerk sends it.
 *
 * @since 1.0.0
 * @category models
 */
export interface PaginatedEncoded<I> {
  readonly data: ReadonlyArray<I>
  readonly total_count: number
}

/**
 * The schema of a `{ data, total_count }` envelope around `item`.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { OrganizationMembership, Responses } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const MembershipPage = Responses.Paginated(OrganizationMembership.OrganizationMembership)
 * const page = Schema.decodeUnknownSync(MembershipPage)({ data: [], total_count: 0 })
 * console.log(page.totalCount)
 * ```
 */
export const Paginated = <T, E, RD, RE>(
  item: Schema.Codec<T, E, RD, RE>
): Schema.Codec<Paginated<T>, PaginatedEncoded<E>, RD, RE> =>
  Schema.Struct({ data: Schema.Array(item), totalCount: Schema.Number }).pipe(
    Schema.encodeKeys({ totalCount: "total_count" })
  )
