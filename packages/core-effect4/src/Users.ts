/**
 * The Users service of the Effect 4 line: the 39 operations of Clerk's Users endpoints, each built from its row
 * of the kernel's table (never listed by hand), and the helpers derived from them (streams, `listWithTotal`,
 * `createOnce`, bulk bans). Each operation's error union comes from the statuses its row documents.
 *
 * The module is the Effect 3 line's `Users` class as a namespace: `Users.layer`, `Users.fromOperations`,
 * `Users.GetError` are the same; the service itself is `Users.Users` (`yield* Users.Users`).
 *
 * @since 1.0.0
 */
import * as ClientErrors from "@effect-clerk/kernel/ClientErrors"
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import type * as Model from "@effect-clerk/kernel/Model"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as Bulk from "./Bulk.js"
import type { ClerkConfig } from "./ClerkConfig.js"
import { InvalidRequest } from "./ClerkError.js"
import { makeMethods } from "./internal/methods.js"
import * as Pagination from "./Pagination.js"
import type * as UsersProtocol from "./UsersProtocol.js"

/**
 * The error union of the operation `K`: its documented statuses and the failures every operation has. The
 * named unions below (`Users.GetError` for `users.get`, ...) are this type, one per row.
 *
 * @since 1.0.0
 * @category errors
 */
export type Error<K extends UsersProtocol.OperationKey> = UsersProtocol.ErrorOf<K>

/**
 * The errors of `users.list`.
 *
 * @since 1.0.0
 * @category errors
 */
export type ListError = Error<"list">

/**
 * The errors of `users.create`.
 *
 * @since 1.0.0
 * @category errors
 */
export type CreateError = Error<"create">

/**
 * The errors of `users.count`.
 *
 * @since 1.0.0
 * @category errors
 */
export type CountError = Error<"count">

/**
 * The errors of `users.get`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetError = Error<"get">

/**
 * The errors of `users.update`.
 *
 * @since 1.0.0
 * @category errors
 */
export type UpdateError = Error<"update">

/**
 * The errors of `users.delete`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteError = Error<"delete">

/**
 * The errors of `users.ban`.
 *
 * @since 1.0.0
 * @category errors
 */
export type BanError = Error<"ban">

/**
 * The errors of `users.unban`.
 *
 * @since 1.0.0
 * @category errors
 */
export type UnbanError = Error<"unban">

/**
 * The errors of `users.bulkBan`.
 *
 * @since 1.0.0
 * @category errors
 */
export type BulkBanError = Error<"bulkBan">

/**
 * The errors of `users.bulkUnban`.
 *
 * @since 1.0.0
 * @category errors
 */
export type BulkUnbanError = Error<"bulkUnban">

/**
 * The errors of `users.lock`.
 *
 * @since 1.0.0
 * @category errors
 */
export type LockError = Error<"lock">

/**
 * The errors of `users.unlock`.
 *
 * @since 1.0.0
 * @category errors
 */
export type UnlockError = Error<"unlock">

/**
 * The errors of `users.setProfileImage`.
 *
 * @since 1.0.0
 * @category errors
 */
export type SetProfileImageError = Error<"setProfileImage">

/**
 * The errors of `users.deleteProfileImage`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteProfileImageError = Error<"deleteProfileImage">

/**
 * The errors of `users.updateMetadata`.
 *
 * @since 1.0.0
 * @category errors
 */
export type UpdateMetadataError = Error<"updateMetadata">

/**
 * The errors of `users.getBillingSubscription`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetBillingSubscriptionError = Error<"getBillingSubscription">

/**
 * The errors of `users.getOAuthAccessToken`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetOAuthAccessTokenError = Error<"getOAuthAccessToken">

/**
 * The errors of `users.getOrganizationMemberships`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetOrganizationMembershipsError = Error<"getOrganizationMemberships">

/**
 * The errors of `users.getOrganizationInvitations`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetOrganizationInvitationsError = Error<"getOrganizationInvitations">

/**
 * The errors of `users.verifyPassword`.
 *
 * @since 1.0.0
 * @category errors
 */
export type VerifyPasswordError = Error<"verifyPassword">

/**
 * The errors of `users.verifyTotp`.
 *
 * @since 1.0.0
 * @category errors
 */
export type VerifyTotpError = Error<"verifyTotp">

/**
 * The errors of `users.disableMfa`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DisableMfaError = Error<"disableMfa">

/**
 * The errors of `users.deleteBackupCodes`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteBackupCodesError = Error<"deleteBackupCodes">

/**
 * The errors of `users.deletePasskey`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeletePasskeyError = Error<"deletePasskey">

/**
 * The errors of `users.deleteWeb3Wallet`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteWeb3WalletError = Error<"deleteWeb3Wallet">

/**
 * The errors of `users.createTotp`.
 *
 * @since 1.0.0
 * @category errors
 */
export type CreateTotpError = Error<"createTotp">

/**
 * The errors of `users.deleteTotp`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteTotpError = Error<"deleteTotp">

/**
 * The errors of `users.deleteExternalAccount`.
 *
 * @since 1.0.0
 * @category errors
 */
export type DeleteExternalAccountError = Error<"deleteExternalAccount">

/**
 * The errors of `users.setPasswordCompromised`.
 *
 * @since 1.0.0
 * @category errors
 */
export type SetPasswordCompromisedError = Error<"setPasswordCompromised">

/**
 * The errors of `users.unsetPasswordCompromised`.
 *
 * @since 1.0.0
 * @category errors
 */
export type UnsetPasswordCompromisedError = Error<"unsetPasswordCompromised">

/**
 * The errors of `users.getInstanceOrganizationMemberships`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetInstanceOrganizationMembershipsError = Error<"getInstanceOrganizationMemberships">

/**
 * The errors of `users.replaceMetadata`.
 *
 * @since 1.0.0
 * @category errors
 */
export type ReplaceMetadataError = Error<"replaceMetadata">

/**
 * The errors of `users.replaceEmailAddress`.
 *
 * @since 1.0.0
 * @category errors
 */
export type ReplaceEmailAddressError = Error<"replaceEmailAddress">

/**
 * The errors of `users.replacePhoneNumber`.
 *
 * @since 1.0.0
 * @category errors
 */
export type ReplacePhoneNumberError = Error<"replacePhoneNumber">

/**
 * The errors of `users.removePassword`.
 *
 * @since 1.0.0
 * @category errors
 */
export type RemovePasswordError = Error<"removePassword">

/**
 * The errors of `users.getBillingCreditBalance`.
 *
 * @since 1.0.0
 * @category errors
 */
export type GetBillingCreditBalanceError = Error<"getBillingCreditBalance">

/**
 * The errors of `users.adjustBillingCreditBalance`.
 *
 * @since 1.0.0
 * @category errors
 */
export type AdjustBillingCreditBalanceError = Error<"adjustBillingCreditBalance">

/**
 * The errors of `users.listTrustedDevices`.
 *
 * @since 1.0.0
 * @category errors
 */
export type ListTrustedDevicesError = Error<"listTrustedDevices">

/**
 * The errors of `users.revokeTrustedDevice`.
 *
 * @since 1.0.0
 * @category errors
 */
export type RevokeTrustedDeviceError = Error<"revokeTrustedDevice">

/**
 * The operations of the Users endpoints, one method per row of `UsersProtocol.operations`: its parameters, its
 * value and its error union all come from the row.
 *
 * @since 1.0.0
 * @category models
 */
export interface Operations extends UsersProtocol.Methods {}

/**
 * Options of the pagination streams (`Pagination.StreamOptions`).
 *
 * @since 1.0.0
 * @category models
 */
export type StreamOptions = Pagination.StreamOptions

/**
 * Helpers derived from the operations: every page of a listing as a `Stream`, a page with its total, a create
 * made safe to retry, and bulk bans over any number of ids.
 *
 * @since 1.0.0
 * @category models
 */
export interface Derived {
  /** Every user matching the filters, in order, fetched page by page (memory bounded by one page). */
  readonly listStream: (
    params?: Omit<Model.ListUsersParams, "limit" | "offset" | "startingAfter">,
    options?: StreamOptions
  ) => Stream.Stream<Model.User, ListError>
  /**
   * Creates the user identified by `params.externalId` exactly once, even when the outcome of a request is
   * unknown: after a transport failure or a 5xx it looks the user up by external id and returns it when it
   * exists, or tries again (`attempts`, default 4, with backoff). An external id already taken resolves to the
   * user holding it.
   */
  readonly createOnce: (
    params: Model.CreateUserParams & { readonly externalId: string },
    options?: { readonly attempts?: number }
  ) => Effect.Effect<Model.User, CreateError | ListError>
  /** A page of users and the number of users matching the same filters, fetched concurrently. */
  readonly listWithTotal: (
    params?: Model.ListUsersParams
  ) => Effect.Effect<Model.Paginated<Model.User>, ListError | CountError>
  /** Every organization membership of a user. */
  readonly organizationMembershipsStream: (
    userId: string,
    options?: StreamOptions
  ) => Stream.Stream<Model.OrganizationMembership, GetOrganizationMembershipsError>
  /** Every organization invitation of a user (optionally of one status). */
  readonly organizationInvitationsStream: (
    userId: string,
    params?: Omit<Model.OrganizationInvitationsParams, "limit" | "offset">,
    options?: StreamOptions
  ) => Stream.Stream<Model.OrganizationInvitation, GetOrganizationInvitationsError>
  /** Every organization membership of the instance. */
  readonly instanceOrganizationMembershipsStream: (
    params?: Omit<Model.InstanceOrganizationMembershipsParams, "limit" | "offset">,
    options?: StreamOptions
  ) => Stream.Stream<Model.OrganizationMembership, GetInstanceOrganizationMembershipsError>
  /** Bans every user of `userIds` in `bulkBan` calls of at most `MAX_BULK_IDS` ids (see `Bulk`). */
  readonly bulkBanAll: <E = never, R = never>(
    userIds: Bulk.Ids<E, R>,
    options?: Bulk.Options
  ) => Effect.Effect<Bulk.Report<BulkBanError>, Bulk.RunError<E, BulkBanError>, R>
  /** Unbans every user of `userIds`, as `bulkBanAll` bans them (`bulkUnban` calls). */
  readonly bulkUnbanAll: <E = never, R = never>(
    userIds: Bulk.Ids<E, R>,
    options?: Bulk.Options
  ) => Effect.Effect<Bulk.Report<BulkUnbanError>, Bulk.RunError<E, BulkUnbanError>, R>
}

/**
 * The service: the operations and the helpers derived from them.
 *
 * @since 1.0.0
 * @category models
 */
export interface Service extends Operations, Derived {}

/**
 * The Users service.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users.Users
 *   return yield* users.list({ limit: 10 })
 * })
 * ```
 */
export class Users extends Context.Service<Users, Service>()("@effect-clerk/core/Users") {}

const createOnce = (
  ops: Operations,
  params: Model.CreateUserParams & { readonly externalId: string },
  attempts: number
): Effect.Effect<Model.User, CreateError | ListError> => {
  const externalId: unknown = typeof params === "object" && params !== null ? params.externalId : undefined
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
  const attempt = (remaining: number, delayMillis: number): Effect.Effect<Model.User, CreateError | ListError> =>
    Effect.catch(ops.create(params), (error) => {
      const found = ClientErrors.createOnceCase(error)
      if (found === undefined) return Effect.fail(error)
      const taken = found === "taken"
      return Effect.flatMap(lookup, (existing): Effect.Effect<Model.User, CreateError | ListError> => {
        if (existing !== undefined) return Effect.succeed(existing)
        if (taken || remaining <= 1) return Effect.fail(error)
        return Effect.andThen(Effect.sleep(delayMillis), attempt(remaining - 1, delayMillis * 2))
      })
    })
  return attempt(Math.max(1, Math.floor(attempts)), ClientErrors.CREATE_ONCE_FIRST_DELAY_MILLIS).pipe(
    Effect.withSpan("Users.createOnce", { attributes: { "clerk.external_id": externalId } })
  )
}

/**
 * Completes the operations of any implementation (the HTTP client, the test kit's in-memory layer) into the
 * service, with the same derived helpers.
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 *
 * declare const operations: Users.Operations
 * const service: Users.Service = Users.fromOperations(operations)
 * ```
 */
export const fromOperations = (ops: Operations): Service => ({
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
 * Builds the HTTP implementation. Requires `ClerkConfig` and an `HttpClient` (for example
 * `FetchHttpClient.layer`).
 *
 * @since 1.0.0
 * @category constructors
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { Effect } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users.make
 *   return yield* users.count()
 * }).pipe(Effect.provide(ClerkConfig.layerFromEnv), Effect.provide(FetchHttpClient.layer))
 * ```
 */
export const make: Effect.Effect<Service, never, ClerkConfig | HttpClient.HttpClient> = Effect.map(
  makeMethods,
  fromOperations
)

/**
 * The HTTP implementation as a layer. Requires `ClerkConfig` and an `HttpClient`.
 *
 * @since 1.0.0
 * @category layers
 * @example
 * ```ts
 * import { ClerkConfig, Users } from "@effect-clerk/core"
 * import { Layer } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * export const UsersLive = Users.layer.pipe(
 *   Layer.provide(ClerkConfig.layerFromEnv),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 */
export const layer: Layer.Layer<Users, never, ClerkConfig | HttpClient.HttpClient> = Layer.effect(Users, make)

/**
 * Walks an offset-paginated listing as a stream (`Pagination.paginate`).
 *
 * @since 1.0.0
 * @category constructors
 */
export const paginate = Pagination.paginate
