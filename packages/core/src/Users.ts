/**
 * The `Users` service: the operations of Clerk's Backend API on users, each an `Effect` whose error
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
import type * as ClerkConfig from "./ClerkConfig.js"
import { DecodeError, InvalidRequest } from "./ClerkError.js"
import { makeMethods } from "./internal/methods.js"
import type { OrganizationInvitation } from "./OrganizationInvitation.js"
import type { OrganizationMembership } from "./OrganizationMembership.js"
import type { Paginated } from "./Responses.js"
import type { User } from "./User.js"
import type {
  CountUsersParams,
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OrganizationInvitationsParams
} from "./UsersParams.js"
import { MAX_LIMIT } from "./UsersParams.js"
import type * as UsersProtocol from "./UsersProtocol.js"

type ErrorOf<K extends UsersProtocol.OperationKey> = UsersProtocol.ErrorOf<K>

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
   * The error union of `users.replaceMetadata` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type ReplaceMetadataError = ErrorOf<"replaceMetadata">
  /**
   * The error union of `users.replaceEmailAddress` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type ReplaceEmailAddressError = ErrorOf<"replaceEmailAddress">
  /**
   * The error union of `users.replacePhoneNumber` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type ReplacePhoneNumberError = ErrorOf<"replacePhoneNumber">
  /**
   * The error union of `users.removePassword` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type RemovePasswordError = ErrorOf<"removePassword">
  /**
   * The error union of `users.getBillingCreditBalance` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type GetBillingCreditBalanceError = ErrorOf<"getBillingCreditBalance">
  /**
   * The error union of `users.adjustBillingCreditBalance` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type AdjustBillingCreditBalanceError = ErrorOf<"adjustBillingCreditBalance">
  /**
   * The error union of `users.listTrustedDevices` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type ListTrustedDevicesError = ErrorOf<"listTrustedDevices">
  /**
   * The error union of `users.revokeTrustedDevice` (its documented statuses and the errors of every operation).
   *
   * @since 0.2.0
   * @category errors
   */
  export type RevokeTrustedDeviceError = ErrorOf<"revokeTrustedDevice">
  /**
   * The error union of the operation `K` (for code generic over operations; the named unions above are the same
   * types).
   *
   * @since 0.2.0
   * @category errors
   */
  export type Error<K extends UsersProtocol.OperationKey> = ErrorOf<K>

  /**
   * The operations of the Users endpoints, one method per row of `UsersProtocol.operations`: its parameters,
   * its value and its error union all come from the row.
   *
   * @since 0.1.0
   * @category models
   */
  export interface Operations extends UsersProtocol.Methods {}

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
   * The service: the operations and the helpers derived from them.
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
 * A full page holding exactly the items of the previous page (compared by `id` when items have one, by value
 * otherwise) fails the stream with `DecodeError` (`reason: "Pagination"`): a server that ignores `offset` would
 * otherwise be walked forever. Concurrent inserts cannot cause it unless a whole page of items was inserted
 * ahead of the walk between two requests.
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
): Stream.Stream<A, E | InvalidRequest | DecodeError> =>
  Stream.unwrap(
    Effect.map(pageSizeOf(operation, options), (pageSize) => {
      const opaque: OpaqueValues = { ids: new WeakMap(), next: 0 }
      return Stream.paginateChunkEffect(
        { offset: 0, previous: undefined as string | undefined },
        ({ offset, previous }) =>
          Effect.flatMap(fetchPage(pageSize, offset), ({ items, total }) => {
            const identity = pageIdentity(items, opaque)
            if (previous !== undefined && items.length > 0 && identity === previous) {
              return Effect.fail(
                new DecodeError({
                  operation,
                  status: 200,
                  reason: "Pagination",
                  message: `the page at offset ${offset} repeats the previous page (${items.length} items): ` +
                    "the server does not honour offset"
                })
              )
            }
            const next = offset + items.length
            const done = items.length < pageSize || (total !== undefined && next >= total)
            return Effect.succeed(
              [
                Chunk.fromIterable(items),
                done ? Option.none() : Option.some({ offset: next, previous: identity })
              ] as const
            )
          })
      )
    })
  )

/** Numbers given, for one walk, to the values JSON cannot write (a cycle, a `BigInt`, a function). */
interface OpaqueValues {
  readonly ids: WeakMap<object, number>
  next: number
}

/**
 * What identifies an item of a page: its `id` when it has one, otherwise its value as JSON, so that a server
 * repeating the same page is recognized whatever it lists. A value JSON cannot write is itself (an object by a
 * number given to it for this walk, a primitive by its type and text).
 */
const identityOf = (item: unknown, opaque: OpaqueValues): string => {
  if (typeof item === "object" && item !== null) {
    const id = (item as { readonly id?: unknown }).id
    if (typeof id === "string") return `i${id}`
  }
  try {
    const json = JSON.stringify(item)
    if (json !== undefined) return `j${json}`
  } catch {
    // a cycle or a BigInt: below
  }
  if ((typeof item === "object" && item !== null) || typeof item === "function") {
    let id = opaque.ids.get(item)
    if (id === undefined) {
      id = opaque.next++
      opaque.ids.set(item, id)
    }
    return `o${id}`
  }
  return `p${typeof item}:${String(item)}`
}

/**
 * A page's identity: its items' identities, sorted (the order does not count), as one new string (JSON of the
 * sorted list). One new string rather than the ids themselves: holding the previous page's 500 id strings (taken
 * from the parsed body) across the next request made the 100,000-user walk peak at 73 MB instead of 25 MB
 * (measured; how V8 ties those strings to the page was not pinned down).
 */
const pageIdentity = (items: ReadonlyArray<unknown>, opaque: OpaqueValues): string =>
  JSON.stringify(items.map((item) => identityOf(item, opaque)).sort())

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
 * Completes the operations into the service, deriving the streams and `listWithTotal`. Any implementation
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
> = Effect.map(
  makeMethods(),
  // each method is the row's request encoder and the one pipeline: its type is the row's (UsersProtocol.Methods)
  (methods) => fromOperations(methods as unknown as Users.Operations)
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
   * Walks an offset-paginated listing as a stream.
   *
   * @since 0.1.0
   */
  static readonly paginate = paginate
}
