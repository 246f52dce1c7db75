/**
 * The `Users` service: the 31 operations of Clerk's Backend API on users, each an `Effect` whose error
 * channel lists exactly the failures that operation can have, plus pagination `Stream`s and `listWithTotal`.
 *
 * `Users.layer` is the HTTP implementation (it requires `ClerkConfig` and an `HttpClient`); the testkit's
 * `UsersInMemory.layer` implements the same service in memory.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { BillingSubscription } from "./BillingSubscription.js"
import * as ClerkConfig from "./ClerkConfig.js"
import type { DocumentedStatus, OperationError } from "./ClerkError.js"
import { InvalidRequest } from "./ClerkError.js"
import type { DeletedObject } from "./DeletedObject.js"
import type { RequestInput } from "./internal/client.js"
import { makeExecutor } from "./internal/client.js"
import type { Operation, Operations } from "./internal/operations.js"
import { operations } from "./internal/operations.js"
import { makePreparers } from "./internal/prepare.js"
import type { OAuthAccessToken } from "./OAuthAccessToken.js"
import type { OrganizationInvitation } from "./OrganizationInvitation.js"
import type { OrganizationMembership } from "./OrganizationMembership.js"
import type { Paginated, UserIdResult, VerifyPasswordResult, VerifyTotpResult } from "./Responses.js"
import type { Totp } from "./Totp.js"
import type { User } from "./User.js"
import type {
  CountUsersParams,
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessTokenParams,
  OrganizationInvitationsParams,
  PaginationParams,
  ProfileImage,
  SetPasswordCompromisedParams,
  UpdateMetadataParams,
  UpdateUserParams
} from "./UsersParams.js"
import { MAX_LIMIT } from "./UsersParams.js"

type ErrorOf<K extends keyof Operations> = OperationError<Operations[K]["statuses"][number]>

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
   * The error union of `users.list` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type ListError = ErrorOf<"list">
  /**
   * The error union of `users.create` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type CreateError = ErrorOf<"create">
  /**
   * The error union of `users.count` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type CountError = ErrorOf<"count">
  /**
   * The error union of `users.get` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetError = ErrorOf<"get">
  /**
   * The error union of `users.update` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type UpdateError = ErrorOf<"update">
  /**
   * The error union of `users.delete` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteError = ErrorOf<"delete">
  /**
   * The error union of `users.ban` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type BanError = ErrorOf<"ban">
  /**
   * The error union of `users.unban` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type UnbanError = ErrorOf<"unban">
  /**
   * The error union of `users.bulkBan` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type BulkBanError = ErrorOf<"bulkBan">
  /**
   * The error union of `users.bulkUnban` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type BulkUnbanError = ErrorOf<"bulkUnban">
  /**
   * The error union of `users.lock` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type LockError = ErrorOf<"lock">
  /**
   * The error union of `users.unlock` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type UnlockError = ErrorOf<"unlock">
  /**
   * The error union of `users.setProfileImage` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type SetProfileImageError = ErrorOf<"setProfileImage">
  /**
   * The error union of `users.deleteProfileImage` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteProfileImageError = ErrorOf<"deleteProfileImage">
  /**
   * The error union of `users.updateMetadata` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type UpdateMetadataError = ErrorOf<"updateMetadata">
  /**
   * The error union of `users.getBillingSubscription` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetBillingSubscriptionError = ErrorOf<"getBillingSubscription">
  /**
   * The error union of `users.getOAuthAccessToken` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetOAuthAccessTokenError = ErrorOf<"getOAuthAccessToken">
  /**
   * The error union of `users.getOrganizationMemberships` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetOrganizationMembershipsError = ErrorOf<"getOrganizationMemberships">
  /**
   * The error union of `users.getOrganizationInvitations` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetOrganizationInvitationsError = ErrorOf<"getOrganizationInvitations">
  /**
   * The error union of `users.verifyPassword` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type VerifyPasswordError = ErrorOf<"verifyPassword">
  /**
   * The error union of `users.verifyTotp` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type VerifyTotpError = ErrorOf<"verifyTotp">
  /**
   * The error union of `users.disableMfa` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DisableMfaError = ErrorOf<"disableMfa">
  /**
   * The error union of `users.deleteBackupCodes` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteBackupCodesError = ErrorOf<"deleteBackupCodes">
  /**
   * The error union of `users.deletePasskey` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeletePasskeyError = ErrorOf<"deletePasskey">
  /**
   * The error union of `users.deleteWeb3Wallet` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteWeb3WalletError = ErrorOf<"deleteWeb3Wallet">
  /**
   * The error union of `users.createTotp` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type CreateTotpError = ErrorOf<"createTotp">
  /**
   * The error union of `users.deleteTotp` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteTotpError = ErrorOf<"deleteTotp">
  /**
   * The error union of `users.deleteExternalAccount` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type DeleteExternalAccountError = ErrorOf<"deleteExternalAccount">
  /**
   * The error union of `users.setPasswordCompromised` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type SetPasswordCompromisedError = ErrorOf<"setPasswordCompromised">
  /**
   * The error union of `users.unsetPasswordCompromised` (its documented statuses and the errors of every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type UnsetPasswordCompromisedError = ErrorOf<"unsetPasswordCompromised">
  /**
   * The error union of `users.getInstanceOrganizationMemberships` (its documented statuses and the errors of
   * every operation).
   *
   * @since 0.1.0
   * @category errors
   */
  export type GetInstanceOrganizationMembershipsError = ErrorOf<"getInstanceOrganizationMemberships">

  /**
   * The 31 operations of the Users endpoints.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Operations {
    readonly list: (params?: ListUsersParams) => Effect.Effect<ReadonlyArray<User>, ListError>
    readonly create: (params: CreateUserParams) => Effect.Effect<User, CreateError>
    readonly count: (params?: CountUsersParams) => Effect.Effect<number, CountError>
    readonly get: (userId: string) => Effect.Effect<User, GetError>
    readonly update: (userId: string, params: UpdateUserParams) => Effect.Effect<User, UpdateError>
    readonly delete: (userId: string) => Effect.Effect<DeletedObject, DeleteError>
    readonly ban: (userId: string) => Effect.Effect<User, BanError>
    readonly unban: (userId: string) => Effect.Effect<User, UnbanError>
    readonly bulkBan: (userIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<User>, BulkBanError>
    readonly bulkUnban: (userIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<User>, BulkUnbanError>
    readonly lock: (userId: string) => Effect.Effect<User, LockError>
    readonly unlock: (userId: string) => Effect.Effect<User, UnlockError>
    readonly setProfileImage: (userId: string, file: ProfileImage) => Effect.Effect<User, SetProfileImageError>
    readonly deleteProfileImage: (userId: string) => Effect.Effect<User, DeleteProfileImageError>
    readonly updateMetadata: (userId: string, patch: UpdateMetadataParams) => Effect.Effect<User, UpdateMetadataError>
    readonly getBillingSubscription: (userId: string) => Effect.Effect<BillingSubscription, GetBillingSubscriptionError>
    readonly getOAuthAccessToken: (
      userId: string,
      provider: string,
      params?: OAuthAccessTokenParams
    ) => Effect.Effect<ReadonlyArray<OAuthAccessToken>, GetOAuthAccessTokenError>
    readonly getOrganizationMemberships: (
      userId: string,
      params?: PaginationParams
    ) => Effect.Effect<Paginated<OrganizationMembership>, GetOrganizationMembershipsError>
    readonly getOrganizationInvitations: (
      userId: string,
      params?: OrganizationInvitationsParams
    ) => Effect.Effect<Paginated<OrganizationInvitation>, GetOrganizationInvitationsError>
    readonly verifyPassword: (
      userId: string,
      password: string
    ) => Effect.Effect<VerifyPasswordResult, VerifyPasswordError>
    readonly verifyTotp: (userId: string, code: string) => Effect.Effect<VerifyTotpResult, VerifyTotpError>
    readonly disableMfa: (userId: string) => Effect.Effect<UserIdResult, DisableMfaError>
    readonly deleteBackupCodes: (userId: string) => Effect.Effect<UserIdResult, DeleteBackupCodesError>
    readonly deletePasskey: (
      userId: string,
      passkeyIdentificationId: string
    ) => Effect.Effect<DeletedObject, DeletePasskeyError>
    readonly deleteWeb3Wallet: (
      userId: string,
      web3WalletIdentificationId: string
    ) => Effect.Effect<DeletedObject, DeleteWeb3WalletError>
    readonly createTotp: (userId: string) => Effect.Effect<Totp, CreateTotpError>
    readonly deleteTotp: (userId: string) => Effect.Effect<UserIdResult, DeleteTotpError>
    readonly deleteExternalAccount: (
      userId: string,
      externalAccountId: string
    ) => Effect.Effect<DeletedObject, DeleteExternalAccountError>
    readonly setPasswordCompromised: (
      userId: string,
      params?: SetPasswordCompromisedParams
    ) => Effect.Effect<User, SetPasswordCompromisedError>
    readonly unsetPasswordCompromised: (userId: string) => Effect.Effect<User, UnsetPasswordCompromisedError>
    readonly getInstanceOrganizationMemberships: (
      params?: InstanceOrganizationMembershipsParams
    ) => Effect.Effect<Paginated<OrganizationMembership>, GetInstanceOrganizationMembershipsError>
  }

  /**
   * Options of the pagination streams.
   *
   * @since 0.1.0
   * @category models
   */
  export interface StreamOptions {
    /** Items per request, 1..500. Default 100. */
    readonly pageSize?: number
  }

  /**
   * Helpers derived from the operations: every page of a listing as a `Stream`, and a page with its total.
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
  }

  /**
   * The service: the 31 operations and the helpers derived from them.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Service extends Operations, Derived {}
}

/**
 * The default page size of the pagination streams.
 *
 * @since 0.1.0
 * @category constants
 * @example
 * ```ts
 * import { DEFAULT_PAGE_SIZE, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // pages of DEFAULT_PAGE_SIZE unless `pageSize` says otherwise
 * const everyone = Effect.map(Users, (users) => users.listStream({}, { pageSize: DEFAULT_PAGE_SIZE }))
 * ```
 */
export const DEFAULT_PAGE_SIZE = 100

const pageSizeOf = (operation: string, options: Users.StreamOptions | undefined) => {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE
  return Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_LIMIT
    ? Effect.succeed(pageSize)
    : Effect.fail(
      new InvalidRequest({
        operation,
        field: "pageSize",
        message: `pageSize must be an integer from 1 to ${MAX_LIMIT}, got ${pageSize}`
      })
    )
}

/**
 * Walks an offset-paginated listing: requests pages of `pageSize` from offset 0 until a page is short (or the
 * known total is reached). One page is in memory at a time.
 *
 * @since 0.1.0
 * @category pagination
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * // any offset-paginated listing as a Stream, one page in memory at a time
 * const banned = Effect.map(Users, (users) =>
 *   Users.paginate("banned", { pageSize: 200 }, (limit, offset) =>
 *     Effect.map(users.list({ banned: true, limit, offset }), (items) => ({ items }))))
 * ```
 */
export const paginate = <A, E>(
  operation: string,
  options: Users.StreamOptions | undefined,
  fetchPage: (
    limit: number,
    offset: number
  ) => Effect.Effect<{ readonly items: ReadonlyArray<A>; readonly total?: number }, E>
): Stream.Stream<A, E | InvalidRequest> =>
  Stream.unwrap(
    Effect.map(pageSizeOf(operation, options), (pageSize) =>
      Stream.paginateChunkEffect(0, (offset) =>
        Effect.map(fetchPage(pageSize, offset), ({ items, total }) => {
          const next = offset + items.length
          const done = items.length < pageSize || (total !== undefined && next >= total)
          return [Chunk.fromIterable(items), done ? Option.none<number>() : Option.some(next)] as const
        })))
  )

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
        message: "createOnce needs a non-empty externalId to recognize the user"
      })
    )
  }
  // "+" marks an inclusion, so that an id starting with "-" is not read as an exclusion
  const lookup = Effect.map(ops.list({ externalId: [`+${externalId}`], limit: 1 }), (found) => found[0])
  const attempt = (remaining: number, delayMillis: number): Effect.Effect<User, Users.CreateError | Users.ListError> =>
    Effect.catchAll(ops.create(params), (error) => {
      const ambiguous = error._tag === "TransportError" || error._tag === "ServerError"
      const taken = error._tag === "UnprocessableEntity" &&
        error.errors.some((e) => e.code === "form_identifier_exists" && e.meta?.["param_name"] === "external_id")
      if (!ambiguous && !taken) return Effect.fail(error)
      return Effect.flatMap(lookup, (existing) => {
        if (existing !== undefined) return Effect.succeed(existing)
        if (taken || remaining <= 1) return Effect.fail(error)
        return Effect.zipRight(Effect.sleep(delayMillis), attempt(remaining - 1, delayMillis * 2))
      })
    })
  return attempt(Math.max(1, Math.floor(attempts)), 250).pipe(
    Effect.withSpan("Users.createOnce", { attributes: { "clerk.external_id": externalId } })
  )
}

const filtersOf = (params: ListUsersParams | undefined): CountUsersParams | undefined => {
  if (params === undefined) return undefined
  const { limit: _limit, offset: _offset, orderBy: _orderBy, startingAfter: _startingAfter, ...filters } = params
  return filters
}

/**
 * Completes the 31 operations into the service, deriving the streams and `listWithTotal`. Any implementation
 * of the operations (HTTP, in memory, a test double) gets the same helpers.
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
  createOnce: (params, options) => createOnce(ops, params, options?.attempts ?? 4),
  listStream: (params, options) =>
    paginate(
      "Users.listStream",
      options,
      (limit, offset) => Effect.map(ops.list({ ...params, limit, offset }), (items) => ({ items }))
    ).pipe(Stream.withSpan("Users.listStream")),
  listWithTotal: (params) =>
    Effect.map(
      Effect.all([ops.list(params), ops.count(filtersOf(params))], { concurrency: 2 }),
      ([data, totalCount]) => ({ data, totalCount })
    ).pipe(Effect.withSpan("Users.listWithTotal")),
  organizationMembershipsStream: (userId, options) =>
    paginate(
      "Users.organizationMembershipsStream",
      options,
      (limit, offset) =>
        Effect.map(
          ops.getOrganizationMemberships(userId, { limit, offset }),
          (page) => ({ items: page.data, total: page.totalCount })
        )
    ).pipe(Stream.withSpan("Users.organizationMembershipsStream", { attributes: { "clerk.user_id": userId } })),
  organizationInvitationsStream: (userId, params, options) =>
    paginate(
      "Users.organizationInvitationsStream",
      options,
      (limit, offset) =>
        Effect.map(
          ops.getOrganizationInvitations(userId, { ...params, limit, offset }),
          (page) => ({ items: page.data, total: page.totalCount })
        )
    ).pipe(Stream.withSpan("Users.organizationInvitationsStream", { attributes: { "clerk.user_id": userId } })),
  instanceOrganizationMembershipsStream: (params, options) =>
    paginate(
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
> = Effect.gen(
  function*() {
    const config = yield* ClerkConfig.ClerkConfig
    const execute = yield* makeExecutor
    const prepare = makePreparers(config.apiVersion)
    const o = operations
    const send = <A, I, S extends DocumentedStatus>(operation: Operation<A, I, S>) => (input: RequestInput) =>
      execute(operation, input)

    return fromOperations({
      list: Effect.fn(o.list.name)((params) => Effect.flatMap(prepare.list(params), send(o.list))),
      create: Effect.fn(o.create.name)((params) => Effect.flatMap(prepare.create(params), send(o.create))),
      count: Effect.fn(o.count.name)((params) =>
        Effect.flatMap(prepare.count(params), (input) => Effect.map(execute(o.count, input), (r) => r.totalCount))
      ),
      get: Effect.fn(o.get.name)((userId) => Effect.flatMap(prepare.get(userId), send(o.get))),
      update: Effect.fn(o.update.name)((userId, params) =>
        Effect.flatMap(prepare.update(userId, params), send(o.update))
      ),
      delete: Effect.fn(o.delete.name)((userId) => Effect.flatMap(prepare.delete(userId), send(o.delete))),
      ban: Effect.fn(o.ban.name)((userId) => Effect.flatMap(prepare.ban(userId), send(o.ban))),
      unban: Effect.fn(o.unban.name)((userId) => Effect.flatMap(prepare.unban(userId), send(o.unban))),
      bulkBan: Effect.fn(o.bulkBan.name)((userIds) => Effect.flatMap(prepare.bulkBan(userIds), send(o.bulkBan))),
      bulkUnban: Effect.fn(o.bulkUnban.name)((userIds) =>
        Effect.flatMap(prepare.bulkUnban(userIds), send(o.bulkUnban))
      ),
      lock: Effect.fn(o.lock.name)((userId) => Effect.flatMap(prepare.lock(userId), send(o.lock))),
      unlock: Effect.fn(o.unlock.name)((userId) => Effect.flatMap(prepare.unlock(userId), send(o.unlock))),
      setProfileImage: Effect.fn(o.setProfileImage.name)((userId, file) =>
        Effect.flatMap(prepare.setProfileImage(userId, file), send(o.setProfileImage))
      ),
      deleteProfileImage: Effect.fn(o.deleteProfileImage.name)((userId) =>
        Effect.flatMap(prepare.deleteProfileImage(userId), send(o.deleteProfileImage))
      ),
      updateMetadata: Effect.fn(o.updateMetadata.name)((userId, patch) =>
        Effect.flatMap(prepare.updateMetadata(userId, patch), send(o.updateMetadata))
      ),
      getBillingSubscription: Effect.fn(o.getBillingSubscription.name)((userId) =>
        Effect.flatMap(prepare.getBillingSubscription(userId), send(o.getBillingSubscription))
      ),
      getOAuthAccessToken: Effect.fn(o.getOAuthAccessToken.name)((userId, provider, params) =>
        Effect.flatMap(prepare.getOAuthAccessToken(userId, provider, params), send(o.getOAuthAccessToken))
      ),
      getOrganizationMemberships: Effect.fn(o.getOrganizationMemberships.name)((userId, params) =>
        Effect.flatMap(prepare.getOrganizationMemberships(userId, params), send(o.getOrganizationMemberships))
      ),
      getOrganizationInvitations: Effect.fn(o.getOrganizationInvitations.name)((userId, params) =>
        Effect.flatMap(prepare.getOrganizationInvitations(userId, params), send(o.getOrganizationInvitations))
      ),
      verifyPassword: Effect.fn(o.verifyPassword.name)((userId, password) =>
        Effect.flatMap(prepare.verifyPassword(userId, password), send(o.verifyPassword))
      ),
      verifyTotp: Effect.fn(o.verifyTotp.name)((userId, code) =>
        Effect.flatMap(prepare.verifyTotp(userId, code), send(o.verifyTotp))
      ),
      disableMfa: Effect.fn(o.disableMfa.name)((userId) =>
        Effect.flatMap(prepare.disableMfa(userId), send(o.disableMfa))
      ),
      deleteBackupCodes: Effect.fn(o.deleteBackupCodes.name)((userId) =>
        Effect.flatMap(prepare.deleteBackupCodes(userId), send(o.deleteBackupCodes))
      ),
      deletePasskey: Effect.fn(o.deletePasskey.name)((userId, passkeyId) =>
        Effect.flatMap(prepare.deletePasskey(userId, passkeyId), send(o.deletePasskey))
      ),
      deleteWeb3Wallet: Effect.fn(o.deleteWeb3Wallet.name)((userId, walletId) =>
        Effect.flatMap(prepare.deleteWeb3Wallet(userId, walletId), send(o.deleteWeb3Wallet))
      ),
      createTotp: Effect.fn(o.createTotp.name)((userId) =>
        Effect.flatMap(prepare.createTotp(userId), send(o.createTotp))
      ),
      deleteTotp: Effect.fn(o.deleteTotp.name)((userId) =>
        Effect.flatMap(prepare.deleteTotp(userId), send(o.deleteTotp))
      ),
      deleteExternalAccount: Effect.fn(o.deleteExternalAccount.name)((userId, accountId) =>
        Effect.flatMap(prepare.deleteExternalAccount(userId, accountId), send(o.deleteExternalAccount))
      ),
      setPasswordCompromised: Effect.fn(o.setPasswordCompromised.name)((userId, params) =>
        Effect.flatMap(prepare.setPasswordCompromised(userId, params), send(o.setPasswordCompromised))
      ),
      unsetPasswordCompromised: Effect.fn(o.unsetPasswordCompromised.name)((userId) =>
        Effect.flatMap(prepare.unsetPasswordCompromised(userId), send(o.unsetPasswordCompromised))
      ),
      getInstanceOrganizationMemberships: Effect.fn(o.getInstanceOrganizationMemberships.name)((params) =>
        Effect.flatMap(
          prepare.getInstanceOrganizationMemberships(params),
          send(o.getInstanceOrganizationMemberships)
        )
      )
    })
  }
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
   * Completes the 31 operations of any implementation into the service.
   *
   * @since 0.1.0
   */
  static readonly fromOperations = fromOperations

  /**
   * Walks an offset-paginated listing as a stream.
   *
   * @since 0.1.0
   */
  static readonly paginate = paginate
}
