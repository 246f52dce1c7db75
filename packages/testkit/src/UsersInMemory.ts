/**
 * An in-memory `Users` with Clerk's semantics, for unit tests: filters and ordering, limit/offset,
 * uniqueness of identifiers, deep-merged metadata and its 8 KB limit, ban and lock, real password hashing,
 * RFC 6238 TOTP and single-use backup codes, and Clerk's error bodies, all on Effect's `Clock` (so
 * `TestClock` drives timestamps, lockouts and TOTP).
 *
 * Each layer build owns a fresh store.
 *
 * @since 0.1.0
 */
import type { DocumentedStatus, OperationError } from "@effect-clerk/core"
import { DEFAULT_API_VERSION, TransportError, Users } from "@effect-clerk/core"
import { errorForStatus } from "@effect-clerk/core/internal/client"
import { operations } from "@effect-clerk/core/internal/operations"
import { makePreparers } from "@effect-clerk/core/internal/prepare"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Random from "effect/Random"
import type * as Fault from "./Fault.js"
import { injected, type StoreFailure } from "./internal/failures.js"
import { makeIdGenerator } from "./internal/ids.js"
import { mulberry32 } from "./internal/prng.js"
import type { Store, StoreOptions } from "./internal/store.js"
import { makeStore } from "./internal/store.js"
import { totpAt } from "./internal/totp.js"
import type { UserSeed } from "./UsersTestControl.js"
import { SeedError, UsersTestControl } from "./UsersTestControl.js"

/**
 * The options of the in-memory instance.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How long `lock` locks a user; `null` until `unlock`. Default 1 hour. */
  readonly lockout?: Duration.DurationInput | null
  /** Clerk's metadata size limit, per metadata field. Default 8 KB. */
  readonly metadataLimitBytes?: number
  /** The Clerk API version whose rules apply (metadata in `update`). Default `2025-11-10`. */
  readonly apiVersion?: string
  /** The issuer in TOTP URIs. Default "Clerk". */
  readonly totpIssuer?: string
  /** Users to seed when the layer is built. */
  readonly users?: ReadonlyArray<UserSeed>
}

/**
 * An in-memory instance: the `Users` service, its control, and the store they share (the emulator serves the
 * same store).
 *
 * @since 0.1.0
 * @category models
 */
export interface Instance {
  readonly users: Users.Service
  readonly control: UsersTestControl.Service
  /** @internal */
  readonly store: Store
}

const seedError = (failure: StoreFailure) =>
  new SeedError({
    code: failure.errors[0]?.code ?? "invalid",
    message: failure.errors[0]?.longMessage ?? failure.errors[0]?.message ?? `status ${failure.status}`
  })

/**
 * Builds an in-memory instance.
 *
 * @since 0.1.0
 * @category constructors
 * @example
 * ```ts
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const { users, control } = yield* UsersInMemory.make({ lockout: null })
 *   yield* users.create({ emailAddress: ["ada@example.com"] })
 *   console.log(yield* control.size) // 1
 * })
 * ```
 */
export const make = (options: Options = {}): Effect.Effect<Instance, SeedError> =>
  Effect.gen(function*() {
    const salt = yield* Random.nextIntBetween(0, 2 ** 31)
    const ids = makeIdGenerator(salt)
    const storeOptions: StoreOptions = {
      lockoutMillis: options.lockout === undefined
        ? 3_600_000
        : options.lockout === null
        ? null
        : Duration.toMillis(Duration.decode(options.lockout)),
      ...(options.metadataLimitBytes === undefined ? {} : { metadataLimitBytes: options.metadataLimitBytes }),
      ...(options.totpIssuer === undefined ? {} : { totpIssuer: options.totpIssuer })
    }
    const store = makeStore(ids, storeOptions)
    const random = mulberry32(salt)
    const stats = {
      calls: 0,
      faults: 0,
      byFault: {} as Record<string, number>,
      byOperation: {} as Record<string, number>
    }
    const prepare = makePreparers(options.apiVersion ?? DEFAULT_API_VERSION)
    let traces = 0
    const traceId = () => `${salt.toString(16)}${(++traces).toString(16).padStart(8, "0")}`

    const faultError = <S extends DocumentedStatus>(
      operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
      fault: Fault.Fault
    ): Effect.Effect<void, OperationError<S>> => {
      switch (fault._tag) {
        case "Latency":
          return Effect.sleep(fault.duration)
        case "Disconnect":
          return Effect.fail(
            new TransportError({ operation: operation.name, reason: "Transport", message: "connection dropped" })
          )
        case "RateLimited": {
          const failure = injected(429)
          return Effect.fail(errorForStatus(operation, 429, {
            errors: failure.errors,
            clerkTraceId: traceId(),
            ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
          }))
        }
        case "Status": {
          const failure = injected(fault.status, fault.code, fault.message)
          return Effect.fail(errorForStatus(operation, fault.status, {
            errors: failure.errors,
            clerkTraceId: traceId(),
            ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
          }))
        }
      }
    }

    /** Runs one store operation: injected faults, the clock, and Clerk's status → the operation's error. */
    const run = <A, S extends DocumentedStatus>(
      operation: { readonly name: string; readonly statuses: ReadonlyArray<S> },
      perform: (now: number) => Either.Either<A, StoreFailure>
    ): Effect.Effect<A, OperationError<S>> =>
      Effect.gen(function*() {
        const name = operation.name.slice("Users.".length)
        const fault = store.takeFault(name, random)
        stats.calls++
        stats.byOperation[name] = (stats.byOperation[name] ?? 0) + 1
        if (fault !== undefined) {
          const key = fault.fault._tag === "Status" ? `Status ${fault.fault.status}` : fault.fault._tag
          stats.faults++
          stats.byFault[`${key} (${fault.when})`] = (stats.byFault[`${key} (${fault.when})`] ?? 0) + 1
        }
        if (fault !== undefined && fault.when === "before") yield* faultError(operation, fault.fault)
        const now = yield* Clock.currentTimeMillis
        const result = perform(now)
        if (fault !== undefined && fault.when === "after") yield* faultError(operation, fault.fault)
        if (Either.isLeft(result)) {
          return yield* Effect.fail(
            errorForStatus(operation, result.left.status, { errors: result.left.errors, clerkTraceId: traceId() })
          )
        }
        return result.right
      })

    const o = operations
    const users = Users.fromOperations({
      list: Effect.fn(o.list.name)((params) =>
        Effect.zipRight(prepare.list(params), run(o.list, (now) => store.list(params ?? {}, now)))
      ),
      create: Effect.fn(o.create.name)((params) =>
        Effect.zipRight(prepare.create(params), run(o.create, (now) => store.createFromParams(params, now)))
      ),
      count: Effect.fn(o.count.name)((params) =>
        Effect.zipRight(prepare.count(params), run(o.count, () => store.count(params ?? {})))
      ),
      get: Effect.fn(o.get.name)((userId) =>
        Effect.zipRight(prepare.get(userId), run(o.get, (now) => store.get(userId, now)))
      ),
      update: Effect.fn(o.update.name)((userId, params) =>
        Effect.zipRight(prepare.update(userId, params), run(o.update, (now) => store.update(userId, params, now)))
      ),
      delete: Effect.fn(o.delete.name)((userId) =>
        Effect.zipRight(prepare.delete(userId), run(o.delete, () => store.delete(userId)))
      ),
      ban: Effect.fn(o.ban.name)((userId) =>
        Effect.zipRight(prepare.ban(userId), run(o.ban, (now) => store.ban(userId, now)))
      ),
      unban: Effect.fn(o.unban.name)((userId) =>
        Effect.zipRight(prepare.unban(userId), run(o.unban, (now) => store.unban(userId, now)))
      ),
      bulkBan: Effect.fn(o.bulkBan.name)((userIds) =>
        Effect.zipRight(prepare.bulkBan(userIds), run(o.bulkBan, (now) => store.bulkBan(userIds, now)))
      ),
      bulkUnban: Effect.fn(o.bulkUnban.name)((userIds) =>
        Effect.zipRight(prepare.bulkUnban(userIds), run(o.bulkUnban, (now) => store.bulkUnban(userIds, now)))
      ),
      lock: Effect.fn(o.lock.name)((userId) =>
        Effect.zipRight(prepare.lock(userId), run(o.lock, (now) => store.lock(userId, now)))
      ),
      unlock: Effect.fn(o.unlock.name)((userId) =>
        Effect.zipRight(prepare.unlock(userId), run(o.unlock, (now) => store.unlock(userId, now)))
      ),
      setProfileImage: Effect.fn(o.setProfileImage.name)((userId, file) =>
        Effect.zipRight(
          prepare.setProfileImage(userId, file),
          run(
            o.setProfileImage,
            (now) => store.setProfileImage(userId, file.data instanceof Blob ? file.data.size : file.data.length, now)
          )
        )
      ),
      deleteProfileImage: Effect.fn(o.deleteProfileImage.name)((userId) =>
        Effect.zipRight(
          prepare.deleteProfileImage(userId),
          run(o.deleteProfileImage, (now) => store.deleteProfileImage(userId, now))
        )
      ),
      updateMetadata: Effect.fn(o.updateMetadata.name)((userId, patch) =>
        Effect.zipRight(
          prepare.updateMetadata(userId, patch),
          run(o.updateMetadata, (now) => store.updateMetadata(userId, patch, now))
        )
      ),
      getBillingSubscription: Effect.fn(o.getBillingSubscription.name)((userId) =>
        Effect.zipRight(
          prepare.getBillingSubscription(userId),
          run(o.getBillingSubscription, () => store.getBillingSubscription(userId))
        )
      ),
      getOAuthAccessToken: Effect.fn(o.getOAuthAccessToken.name)((userId, provider, params) =>
        Effect.zipRight(
          prepare.getOAuthAccessToken(userId, provider, params),
          run(o.getOAuthAccessToken, () => store.getOAuthAccessToken(userId, provider, params ?? {}))
        )
      ),
      getOrganizationMemberships: Effect.fn(o.getOrganizationMemberships.name)((userId, params) =>
        Effect.zipRight(
          prepare.getOrganizationMemberships(userId, params),
          run(o.getOrganizationMemberships, () => store.getOrganizationMemberships(userId, params ?? {}))
        )
      ),
      getOrganizationInvitations: Effect.fn(o.getOrganizationInvitations.name)((userId, params) =>
        Effect.zipRight(
          prepare.getOrganizationInvitations(userId, params),
          run(o.getOrganizationInvitations, () => store.getOrganizationInvitations(userId, params ?? {}))
        )
      ),
      verifyPassword: Effect.fn(o.verifyPassword.name)((userId, password) =>
        Effect.zipRight(
          prepare.verifyPassword(userId, password),
          run(o.verifyPassword, () => store.verifyPassword(userId, password))
        )
      ),
      verifyTotp: Effect.fn(o.verifyTotp.name)((userId, code) =>
        Effect.zipRight(
          prepare.verifyTotp(userId, code),
          run(o.verifyTotp, (now) => store.verifyTotp(userId, code, now))
        )
      ),
      disableMfa: Effect.fn(o.disableMfa.name)((userId) =>
        Effect.zipRight(prepare.disableMfa(userId), run(o.disableMfa, (now) => store.disableMfa(userId, now)))
      ),
      deleteBackupCodes: Effect.fn(o.deleteBackupCodes.name)((userId) =>
        Effect.zipRight(
          prepare.deleteBackupCodes(userId),
          run(o.deleteBackupCodes, (now) => store.deleteBackupCodes(userId, now))
        )
      ),
      deletePasskey: Effect.fn(o.deletePasskey.name)((userId, passkeyId) =>
        Effect.zipRight(
          prepare.deletePasskey(userId, passkeyId),
          run(o.deletePasskey, (now) => store.deletePasskey(userId, passkeyId, now))
        )
      ),
      deleteWeb3Wallet: Effect.fn(o.deleteWeb3Wallet.name)((userId, walletId) =>
        Effect.zipRight(
          prepare.deleteWeb3Wallet(userId, walletId),
          run(o.deleteWeb3Wallet, (now) => store.deleteWeb3Wallet(userId, walletId, now))
        )
      ),
      createTotp: Effect.fn(o.createTotp.name)((userId) =>
        Effect.zipRight(prepare.createTotp(userId), run(o.createTotp, (now) => store.createTotp(userId, now)))
      ),
      deleteTotp: Effect.fn(o.deleteTotp.name)((userId) =>
        Effect.zipRight(prepare.deleteTotp(userId), run(o.deleteTotp, (now) => store.deleteTotp(userId, now)))
      ),
      deleteExternalAccount: Effect.fn(o.deleteExternalAccount.name)((userId, accountId) =>
        Effect.zipRight(
          prepare.deleteExternalAccount(userId, accountId),
          run(o.deleteExternalAccount, (now) => store.deleteExternalAccount(userId, accountId, now))
        )
      ),
      setPasswordCompromised: Effect.fn(o.setPasswordCompromised.name)((userId, params) =>
        Effect.zipRight(
          prepare.setPasswordCompromised(userId, params),
          run(o.setPasswordCompromised, (now) => store.setPasswordCompromised(userId, params ?? {}, now))
        )
      ),
      unsetPasswordCompromised: Effect.fn(o.unsetPasswordCompromised.name)((userId) =>
        Effect.zipRight(
          prepare.unsetPasswordCompromised(userId),
          run(o.unsetPasswordCompromised, (now) => store.unsetPasswordCompromised(userId, now))
        )
      ),
      getInstanceOrganizationMemberships: Effect.fn(o.getInstanceOrganizationMemberships.name)((params) =>
        Effect.zipRight(
          prepare.getInstanceOrganizationMemberships(params),
          run(o.getInstanceOrganizationMemberships, () => store.getInstanceOrganizationMemberships(params ?? {}))
        )
      )
    })

    const seed = <A>(perform: (now: number) => Either.Either<A, StoreFailure>): Effect.Effect<A, SeedError> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => Either.mapLeft(perform(now), seedError))

    const seedUser = (user: UserSeed) => seed((now) => store.create({ skipPasswordChecks: true, ...user }, now))

    const control: UsersTestControl.Service = {
      seedUser,
      seedUsers: (seeds) => Effect.forEach(seeds, seedUser),
      seedOrganization: (organization) => seed((now) => store.seedOrganization(organization, now)),
      seedMembership: (membership) => seed((now) => store.seedMembership(membership, now)),
      seedInvitation: (invitation) => seed((now) => store.seedInvitation(invitation, now)),
      seedOAuthToken: (token) => seed((now) => store.seedOAuthToken(token, now)),
      seedBillingSubscription: (userId, subscription) =>
        seed(() => store.seedBillingSubscription(userId, subscription)),
      snapshot: Effect.map(Clock.currentTimeMillis, (now) => store.snapshot(now)),
      size: Effect.sync(() => store.size()),
      totpCode: (userId) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) => {
          const secret = store.record(userId)?.totpSecret
          const code = secret === undefined ? undefined : totpAt(secret, now)
          return code === undefined
            ? Effect.fail(new SeedError({ code: "totp_disabled", message: `user ${userId} has no TOTP` }))
            : Effect.succeed(code)
        }),
      stats: Effect.sync(() => structuredClone(stats)),
      injectFault: (rule) => Effect.sync(() => store.addFault(rule)),
      clearFaults: Effect.sync(() => store.clearFaults()),
      reset: Effect.sync(() => store.reset())
    }

    if (options.users !== undefined) yield* control.seedUsers(options.users)
    return { users, control, store }
  })

const roundUpToSeconds = (duration: Duration.Duration) =>
  Duration.seconds(Math.ceil(Duration.toMillis(duration) / 1000))

/**
 * The in-memory `Users` and its `UsersTestControl`. Every build of the layer owns a fresh store.
 *
 * @since 0.1.0
 * @category layers
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   const ada = yield* users.create({ emailAddress: ["ada@example.com"], password: "analytical-engine" })
 *   yield* users.updateMetadata(ada.id, { publicMetadata: { plan: "pro" } })
 *   return yield* users.count({ emailAddressQuery: "example.com" })
 * })
 *
 * Effect.runPromise(program.pipe(Effect.provide(UsersInMemory.layer()))).then(console.log) // 1
 * ```
 */
export const layer = (options: Options = {}): Layer.Layer<Users | UsersTestControl, SeedError> =>
  Layer.effectContext(
    Effect.map(make(options), ({ control, users }) =>
      Context.make(Users, users).pipe(Context.add(UsersTestControl, control)))
  )
