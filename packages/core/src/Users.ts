/**
 * The `Users` service: the operations of Clerk's Backend API on users, each an `Effect` whose error
 * channel lists exactly the failures that operation can have, plus pagination `Stream`s and `listWithTotal`.
 *
 * `Users.layer` is the HTTP implementation (it requires `ClerkConfig` and an `HttpClient`); the testkit's
 * `UsersInMemory.layer` implements the same service in memory.
 *
 * @since 0.1.0
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Bulk from "./Bulk.js"
import type * as ClerkConfig from "./ClerkConfig.js"
import { InvalidRequest } from "./ClerkError.js"
import { makeMethods } from "./internal/methods.js"
import type { OrganizationInvitation } from "./OrganizationInvitation.js"
import type { OrganizationMembership } from "./OrganizationMembership.js"
import * as Pagination from "./Pagination.js"
import type { Paginated } from "./Responses.js"
import type { User } from "./User.js"
import * as UsersCodec from "./UsersCodec.js"
import type {
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OrganizationInvitationsParams
} from "./UsersParams.js"
import type * as UsersProtocol from "./UsersProtocol.js"

/**
 * The types of the `Users` service: its interface, the error union of each operation, the stream options.
 *
 * @since 0.1.0
 * @category models
 * @example
 * ```ts
 * import type { Users } from "@effect-clerk/core"
 *
 * // a handler that must cover exactly what `get` can fail with
 * const describe = (error: Users.GetError): string => error._tag
 * ```
 */
export declare namespace Users {
  /**
   * The error union of the operation `K`: its documented statuses and the failures every operation has. The
   * named unions below (`Users.GetError` for `users.get`, ...) are this type, one line per row (a test checks
   * that every row has one); `@since 0.1.0` for the first 31, `0.2.0` for the others.
   *
   * @since 0.2.0
   * @category errors
   */
  export type Error<K extends UsersProtocol.OperationKey> = UsersProtocol.ErrorOf<K>

  export type ListError = Error<"list">
  export type CreateError = Error<"create">
  export type CountError = Error<"count">
  export type GetError = Error<"get">
  export type UpdateError = Error<"update">
  export type DeleteError = Error<"delete">
  export type BanError = Error<"ban">
  export type UnbanError = Error<"unban">
  export type BulkBanError = Error<"bulkBan">
  export type BulkUnbanError = Error<"bulkUnban">
  export type LockError = Error<"lock">
  export type UnlockError = Error<"unlock">
  export type SetProfileImageError = Error<"setProfileImage">
  export type DeleteProfileImageError = Error<"deleteProfileImage">
  export type UpdateMetadataError = Error<"updateMetadata">
  export type GetBillingSubscriptionError = Error<"getBillingSubscription">
  export type GetOAuthAccessTokenError = Error<"getOAuthAccessToken">
  export type GetOrganizationMembershipsError = Error<"getOrganizationMemberships">
  export type GetOrganizationInvitationsError = Error<"getOrganizationInvitations">
  export type VerifyPasswordError = Error<"verifyPassword">
  export type VerifyTotpError = Error<"verifyTotp">
  export type DisableMfaError = Error<"disableMfa">
  export type DeleteBackupCodesError = Error<"deleteBackupCodes">
  export type DeletePasskeyError = Error<"deletePasskey">
  export type DeleteWeb3WalletError = Error<"deleteWeb3Wallet">
  export type CreateTotpError = Error<"createTotp">
  export type DeleteTotpError = Error<"deleteTotp">
  export type DeleteExternalAccountError = Error<"deleteExternalAccount">
  export type SetPasswordCompromisedError = Error<"setPasswordCompromised">
  export type UnsetPasswordCompromisedError = Error<"unsetPasswordCompromised">
  export type GetInstanceOrganizationMembershipsError = Error<"getInstanceOrganizationMemberships">
  export type ReplaceMetadataError = Error<"replaceMetadata">
  export type ReplaceEmailAddressError = Error<"replaceEmailAddress">
  export type ReplacePhoneNumberError = Error<"replacePhoneNumber">
  export type RemovePasswordError = Error<"removePassword">
  export type GetBillingCreditBalanceError = Error<"getBillingCreditBalance">
  export type AdjustBillingCreditBalanceError = Error<"adjustBillingCreditBalance">
  export type ListTrustedDevicesError = Error<"listTrustedDevices">
  export type RevokeTrustedDeviceError = Error<"revokeTrustedDevice">

  /**
   * The operations of the Users endpoints, one method per row of `UsersProtocol.operations`: its parameters,
   * its value and its error union all come from the row.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Operations extends UsersProtocol.Methods {}

  /**
   * Options of the pagination streams (`Pagination.StreamOptions`).
   *
   * @since 0.1.0
   * @category models
   */
  export type StreamOptions = Pagination.StreamOptions

  /**
   * Helpers derived from the operations: every page of a listing as a `Stream`, a page with its total, a
   * create made safe to retry, and bulk bans over any number of ids.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Derived {
    /** Every user matching the filters, in order, fetched page by page (memory bounded by one page). */
    readonly listStream: (
      params?: Omit<ListUsersParams, "limit" | "offset" | "startingAfter">,
      options?: StreamOptions
    ) => Stream.Stream<User, ListError>
    /**
     * Creates the user identified by `params.externalId` exactly once, even when the outcome of a request is
     * unknown. After a failure that may have happened once Clerk had created the user (a transport failure, a
     * 5xx), it looks the user up by external id and returns it when it exists, or tries again (`attempts`,
     * default 4, with backoff). An external id already taken resolves to the user holding it.
     */
    readonly createOnce: (
      params: CreateUserParams & { readonly externalId: string },
      options?: { readonly attempts?: number }
    ) => Effect.Effect<User, CreateError | ListError>
    /** A page of users and the number of users matching the same filters, fetched concurrently. */
    readonly listWithTotal: (params?: ListUsersParams) => Effect.Effect<Paginated<User>, ListError | CountError>
    /** Every organization membership of a user. */
    readonly organizationMembershipsStream: (
      userId: string,
      options?: StreamOptions
    ) => Stream.Stream<OrganizationMembership, GetOrganizationMembershipsError>
    /** Every organization invitation of a user (optionally of one status). */
    readonly organizationInvitationsStream: (
      userId: string,
      params?: Omit<OrganizationInvitationsParams, "limit" | "offset">,
      options?: StreamOptions
    ) => Stream.Stream<OrganizationInvitation, GetOrganizationInvitationsError>
    /** Every organization membership of the instance. */
    readonly instanceOrganizationMembershipsStream: (
      params?: Omit<InstanceOrganizationMembershipsParams, "limit" | "offset">,
      options?: StreamOptions
    ) => Stream.Stream<OrganizationMembership, GetInstanceOrganizationMembershipsError>
    /**
     * Bans every user of `userIds` (a `Stream` or an iterable), in `bulkBan` calls of at most `MAX_BULK_IDS` ids
     * (Clerk's limit), one at a time unless `options.concurrency` says otherwise, each through the layer's
     * retries and pacing; stops at the first failed chunk unless `options.onChunkFailure` is `"continue"`. The
     * report says which ids were done, not found, invalid (never sent), in a failed chunk (with its error) or not
     * attempted; the run fails only when the ids stream fails, with `Bulk.IdsFailed` (its error and the report).
     * See the `Bulk` module for the rules. `@since 0.3.0`.
     */
    readonly bulkBanAll: <E = never, R = never>(
      userIds: Bulk.Ids<E, R>,
      options?: Bulk.Options
    ) => Effect.Effect<Bulk.Report<BulkBanError>, Bulk.RunError<E, BulkBanError>, R>
    /** Unbans every user of `userIds`, as `bulkBanAll` bans them (`bulkUnban` calls). `@since 0.3.0`. */
    readonly bulkUnbanAll: <E = never, R = never>(
      userIds: Bulk.Ids<E, R>,
      options?: Bulk.Options
    ) => Effect.Effect<Bulk.Report<BulkUnbanError>, Bulk.RunError<E, BulkUnbanError>, R>
  }

  /**
   * The service: the operations and the helpers derived from them.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Service extends Operations, Derived {}
}

const createOnce = (
  ops: Users.Operations,
  params: CreateUserParams & { readonly externalId: string },
  attempts: number
): Effect.Effect<User, Users.CreateError | Users.ListError> => {
  const externalId = typeof params === "object" && params !== null ? params.externalId : undefined
  if (typeof externalId !== "string" || externalId.trim() === "") {
    return Effect.fail(
      new InvalidRequest({
        operation: "Users.createOnce",
        field: "params.externalId",
        message: ClientErrors.CREATE_ONCE_NEEDS_EXTERNAL_ID
      })
    )
  }
  // "+" marks an inclusion, so that an id starting with "-" is not read as an exclusion
  const lookup = Effect.map(ops.list({ externalId: [`+${externalId}`], limit: 1 }), (found) => found[0])
  const attempt = (remaining: number, delayMillis: number): Effect.Effect<User, Users.CreateError | Users.ListError> =>
    Effect.catchAll(ops.create(params), (error) => {
      const found = ClientErrors.createOnceCase(error)
      if (found === undefined) return Effect.fail(error)
      const taken = found === "taken"
      return Effect.flatMap(lookup, (existing) => {
        if (existing !== undefined) return Effect.succeed(existing)
        if (taken || remaining <= 1) return Effect.fail(error)
        return Effect.zipRight(Effect.sleep(delayMillis), attempt(remaining - 1, delayMillis * 2))
      })
    })
  return attempt(Math.max(1, Math.floor(attempts)), ClientErrors.CREATE_ONCE_FIRST_DELAY_MILLIS).pipe(
    Effect.withSpan("Users.createOnce", { attributes: { "clerk.external_id": externalId } })
  )
}

/**
 * Completes the operations into the service, deriving the streams, `listWithTotal`, `createOnce`,
 * `bulkBanAll` and `bulkUnbanAll`. Any implementation of the operations (HTTP, in memory, a test double) gets the
 * same helpers.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 *
 * declare const operations: Users.Operations
 * const service: Users.Service = Users.fromOperations(operations)
 * ```
 */
export const fromOperations = (ops: Users.Operations): Users.Service => ({
  ...ops,
  bulkBanAll: (userIds, options) => Bulk.run("Users.bulkBanAll", ops.bulkBan, userIds, options),
  bulkUnbanAll: (userIds, options) => Bulk.run("Users.bulkUnbanAll", ops.bulkUnban, userIds, options),
  createOnce: (params, options) => createOnce(ops, params, options?.attempts ?? ClientErrors.CREATE_ONCE_ATTEMPTS),
  listStream: (params, options) =>
    Pagination.paginate(
      "Users.listStream",
      options,
      (limit, offset) => Effect.map(ops.list({ ...params, limit, offset }), (items) => ({ items }))
    ).pipe(Stream.withSpan("Users.listStream")),
  listWithTotal: (params) =>
    Effect.map(
      Effect.all([ops.list(params), ops.count(ClientRequest.countParamsOf(params))], { concurrency: 2 }),
      ([data, totalCount]) => ({ data, totalCount })
    ).pipe(Effect.withSpan("Users.listWithTotal")),
  organizationMembershipsStream: (userId, options) =>
    Pagination.paginate(
      "Users.organizationMembershipsStream",
      options,
      (limit, offset) =>
        Effect.map(
          ops.getOrganizationMemberships(userId, { limit, offset }),
          (page) => ({ items: page.data, total: page.totalCount })
        )
    ).pipe(Stream.withSpan("Users.organizationMembershipsStream", { attributes: { "clerk.user_id": userId } })),
  organizationInvitationsStream: (userId, params, options) =>
    Pagination.paginate(
      "Users.organizationInvitationsStream",
      options,
      (limit, offset) =>
        Effect.map(
          ops.getOrganizationInvitations(userId, { ...params, limit, offset }),
          (page) => ({ items: page.data, total: page.totalCount })
        )
    ).pipe(Stream.withSpan("Users.organizationInvitationsStream", { attributes: { "clerk.user_id": userId } })),
  instanceOrganizationMembershipsStream: (params, options) =>
    Pagination.paginate(
      "Users.instanceOrganizationMembershipsStream",
      options,
      (limit, offset) =>
        Effect.map(
          ops.getInstanceOrganizationMemberships({ ...params, limit, offset }),
          (page) => ({ items: page.data, total: page.totalCount })
        )
    ).pipe(Stream.withSpan("Users.instanceOrganizationMembershipsStream"))
})

/**
 * Builds the HTTP implementation from `ClerkConfig` and an `HttpClient`. The scope bounds the timeout
 * watchdog's fiber.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect } from "effect"
 *
 * const program = Effect.scoped(Effect.gen(function*() {
 *   const users = yield* Users.make
 *   return yield* users.count()
 * })).pipe(Effect.provide(ClerkConfig.layerFromEnv), Effect.provide(FetchHttpClient.layer))
 * ```
 */
export const make: Effect.Effect<
  Users.Service,
  never,
  ClerkConfig.ClerkConfig | HttpClient.HttpClient | Scope.Scope
> = Effect.map(
  makeMethods(),
  // each method is the row's request encoder and the one pipeline: its type is the row's (UsersProtocol.Methods)
  // `makeMethods` made one method per row, keyed by the row's key
  (methods) => fromOperations(UsersCodec.implement((operation) => methods[operation.key]!))
)

/**
 * The `Users` service.
 *
 * @since 0.1.0
 * @category tags
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   const total = yield* users.count({ banned: false })
 *   const newest = yield* users.list({ orderBy: "-created_at", limit: 5 })
 *   return { total, newest: newest.map((user) => user.id) }
 * })
 *
 * const UsersLive = Users.layer.pipe(Layer.provide(ClerkConfig.layerFromEnv), Layer.provide(FetchHttpClient.layer))
 * program.pipe(Effect.provide(UsersLive))
 * ```
 */
export class Users extends Context.Tag("@effect-clerk/core/Users")<Users, Users.Service>() {
  /**
   * The HTTP implementation. Requires `ClerkConfig` and `HttpClient.HttpClient`.
   *
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<Users, never, ClerkConfig.ClerkConfig | HttpClient.HttpClient> = Layer.scoped(
    Users,
    make
  )

  /**
   * Builds the HTTP implementation.
   *
   * @since 0.1.0
   */
  static readonly make = make

  /**
   * Completes the operations of any implementation into the service.
   *
   * @since 0.1.0
   */
  static readonly fromOperations = fromOperations

  /**
   * Walks an offset-paginated listing as a stream (`Pagination.paginate`).
   *
   * @since 0.1.0
   */
  static readonly paginate = Pagination.paginate
}
