/**
 * An in-memory Clerk instance at work: its state, the store handlers of the operation table run with injected
 * faults, call statistics and the time from `Clock`, and the control service. The in-memory `Users` layer and
 * the emulator are two adapters over one engine: the first turns its failures into the client's tagged errors,
 * the second into HTTP responses.
 *
 * @internal
 */
import { UsersProtocol } from "@effect-clerk/core"
import type { BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import type { User } from "@effect-clerk/core/User"
import type { Failure as StoreFailure } from "@effect-clerk/kernel/ErrorCatalogue"
import { injected } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Random from "effect/Random"
import type * as Fault from "../Fault.js"
import type { UserSeed } from "../Seeds.js"
import type { Stats, UsersTestControl } from "../UsersTestControl.js"
import { OptionsError, SeedError } from "../UsersTestControl.js"
import { makeIdGenerator } from "./ids.js"
import { mulberry32 } from "./prng.js"
import * as Accounts from "./store/accounts.js"
import * as Billing from "./store/billing.js"
import * as Credentials from "./store/credentials.js"
import * as Faults from "./store/faults.js"
import { handlers } from "./store/handlers.js"
import * as Organizations from "./store/organizations.js"
import * as Snapshot from "./store/snapshot.js"
import * as State from "./store/state.js"
import * as Users from "./store/users.js"
import { totpAt } from "./totp.js"

/**
 * How a call failed: Clerk's answer (a status, its `errors`, maybe a `Retry-After`), or no answer at all.
 *
 * @internal
 */
export type Failure =
  | { readonly _tag: "Status"; readonly failure: StoreFailure; readonly retryAfter?: Duration.Duration }
  | { readonly _tag: "Disconnect" }

/** @internal */
export interface EngineOptions {
  /** The API version whose rules apply; checked here, for both adapters. */
  readonly apiVersion?: string
  /** How long `lock` locks a user; `null` until `unlock`. Default 1 hour. */
  readonly lockout?: Duration.DurationInput | null
  readonly metadataLimitBytes?: number
  readonly totpIssuer?: string
  /** Users to seed when the engine is built. */
  readonly users?: ReadonlyArray<UserSeed>
}

/** @internal */
export interface Engine {
  readonly state: State.State
  /** Runs one operation's store handler on already validated arguments. */
  readonly run: (
    operation: UsersProtocol.AnyOperation,
    args: ReadonlyArray<unknown>
  ) => Effect.Effect<Either.Either<unknown, Failure>>
  /** A trace id for an answer (`clerk_trace_id`). */
  readonly traceId: () => string
  readonly control: UsersTestControl.Service
}

const roundUpToSeconds = (duration: Duration.Duration) =>
  Duration.seconds(Math.ceil(Duration.toMillis(duration) / 1000))

const faultFailure = (fault: Exclude<Fault.Fault, { readonly _tag: "Latency" }>): Failure => {
  switch (fault._tag) {
    case "Disconnect":
      return { _tag: "Disconnect" }
    case "RateLimited":
      return {
        _tag: "Status",
        failure: injected(429),
        ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
      }
    case "Status":
      return {
        _tag: "Status",
        failure: injected(fault.status, fault.code, fault.message),
        ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
      }
  }
}

const seedError = (failure: StoreFailure, entry?: number) =>
  new SeedError({
    code: failure.errors[0]?.code ?? "invalid",
    message: failure.errors[0]?.longMessage ?? failure.errors[0]?.message ?? `status ${failure.status}`,
    ...(entry === undefined ? {} : { entry })
  })

/** An API version the engine does not know is refused before anything is built. */
const checkApiVersion = (options: EngineOptions): Effect.Effect<void, OptionsError> =>
  Effect.gen(function*() {
    if (options.apiVersion !== undefined && !UsersProtocol.isApiVersion(options.apiVersion)) {
      return yield* new OptionsError({
        option: "apiVersion",
        message: `not a Clerk API version this library knows (${UsersProtocol.apiVersions.join(", ")})`
      })
    }
  })

/** A fresh state with the options' lockout, metadata limit and TOTP issuer, its ids salted with `salt`. */
const stateOf = (options: EngineOptions, salt: number): State.State => {
  return State.make(makeIdGenerator(salt), {
    lockoutMillis: options.lockout === undefined
      ? 3_600_000
      : options.lockout === null
      ? null
      : Duration.toMillis(Duration.decode(options.lockout)),
    ...(options.metadataLimitBytes === undefined ? {} : { metadataLimitBytes: options.metadataLimitBytes }),
    ...(options.totpIssuer === undefined ? {} : { totpIssuer: options.totpIssuer })
  })
}

/**
 * Builds an engine: a fresh state (ids salted from `Random`, so two instances never share ids), seeded.
 *
 * @internal
 */
export const make = (options: EngineOptions = {}): Effect.Effect<Engine, SeedError | OptionsError> =>
  Effect.gen(function*() {
    yield* checkApiVersion(options)
    const salt = yield* Random.nextIntBetween(0, 2 ** 31)
    const state = stateOf(options, salt)
    const random = mulberry32(salt)
    const stats = {
      calls: 0,
      faults: 0,
      byFault: {} as Record<string, number>,
      byOperation: {} as Record<string, number>
    }
    let traces = 0
    const traceId = () => `${salt.toString(16)}${(++traces).toString(16).padStart(8, "0")}`

    const applyFault = (fault: Fault.Fault): Effect.Effect<Failure | undefined> =>
      fault._tag === "Latency"
        ? Effect.as(Effect.sleep(fault.duration), undefined)
        : Effect.succeed(faultFailure(fault))

    const run: Engine["run"] = (operation, args) =>
      Effect.gen(function*() {
        const taken = Faults.takeFault(state, operation.key, random)
        stats.calls++
        stats.byOperation[operation.key] = (stats.byOperation[operation.key] ?? 0) + 1
        if (taken !== undefined) {
          const kind = taken.fault._tag === "Status" ? `Status ${taken.fault.status}` : taken.fault._tag
          stats.faults++
          stats.byFault[`${kind} (${taken.when})`] = (stats.byFault[`${kind} (${taken.when})`] ?? 0) + 1
        }
        if (taken !== undefined && taken.when === "before") {
          const failure = yield* applyFault(taken.fault)
          if (failure !== undefined) return Either.left(failure)
        }
        const now = yield* Clock.currentTimeMillis
        const handler = handlers[operation.key as UsersProtocol.OperationKey] as (
          state: State.State,
          args: ReadonlyArray<unknown>,
          now: number
        ) => Effect.Effect<unknown, StoreFailure>
        const result = yield* Effect.either(handler(state, args, now))
        if (taken !== undefined && taken.when === "after") {
          const failure = yield* applyFault(taken.fault)
          if (failure !== undefined) return Either.left(failure)
        }
        return Either.mapLeft(result, (failure): Failure => ({ _tag: "Status", failure }))
      })

    const seed = <A>(perform: (now: number) => Either.Either<A, StoreFailure>): Effect.Effect<A, SeedError> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => Either.mapLeft(perform(now), (failure) => seedError(failure)))

    /**
     * Seeds users all or nothing: the passwords hashed first (off the event loop), then every entry validated and
     * written without interleaving; a refused entry removes the ones written before it and is named.
     */
    const seedUsers = (seeds: Iterable<UserSeed>): Effect.Effect<ReadonlyArray<User>, SeedError> =>
      Effect.gen(function*() {
        const entries = [...seeds]
        const hashed = yield* Effect.forEach(entries, (entry) => Users.hashOf(entry.password), { concurrency: 4 })
        const now = yield* Clock.currentTimeMillis
        const created: Array<User> = []
        for (let i = 0; i < entries.length; i++) {
          const result = Users.createHashed(state, { skipPasswordChecks: true, ...entries[i]! }, now, hashed[i])
          if (Either.isLeft(result)) {
            for (const user of created) Users.remove(state, user.id)
            return yield* seedError(result.left, entries.length === 1 ? undefined : i)
          }
          created.push(result.right)
        }
        return created
      })

    const control: UsersTestControl.Service = {
      seedUser: (user) => Effect.map(seedUsers([user]), (users) => users[0]!),
      seedUsers,
      seedOrganization: (organization) => seed((now) => Organizations.seedOrganization(state, organization, now)),
      seedMembership: (membership) => seed((now) => Organizations.seedMembership(state, membership, now)),
      seedInvitation: (invitation) => seed((now) => Organizations.seedInvitation(state, invitation, now)),
      seedOAuthToken: (token) => seed((now) => Accounts.seedOAuthToken(state, token, now)),
      seedBillingSubscription: (userId: string, subscription: BillingSubscription) =>
        seed(() => Billing.seedBillingSubscription(state, userId, subscription)),
      seedCredits: (userId, credits) =>
        seed((now) =>
          Billing.adjustCredits(
            state,
            userId,
            {
              amount: credits.amount,
              action: "increase",
              idempotencyKey: state.ids.next("seed"),
              ...(credits.currency === undefined ? {} : { currency: credits.currency }),
              ...(credits.note === undefined ? {} : { note: credits.note })
            },
            now,
            "seed"
          )
        ),
      seedTrustedDevice: (userId, device) => seed((now) => Credentials.seedTrustedDevice(state, userId, device, now)),
      seedPasskey: (userId, passkey) => seed((now) => Accounts.seedPasskey(state, userId, passkey, now)),
      seedExternalAccount: (userId, account) =>
        seed((now) => Accounts.seedExternalAccount(state, userId, account, now)),
      snapshot: Effect.map(Clock.currentTimeMillis, (now) => Snapshot.snapshot(state, now)),
      size: Effect.sync(() => state.users.size),
      totpCode: (userId) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) => {
          const secret = state.users.get(userId)?.totpSecret
          const code = secret === undefined ? undefined : totpAt(secret, now)
          return code === undefined
            ? Effect.fail(new SeedError({ code: "totp_disabled", message: `user ${userId} has no TOTP` }))
            : Effect.succeed(code)
        }),
      stats: Effect.sync((): Stats => structuredClone(stats)),
      injectFault: (rule) => Effect.sync(() => Faults.addFault(state, rule)),
      clearFaults: Effect.sync(() => Faults.clearFaults(state)),
      reset: Effect.sync(() => State.reset(state))
    }

    if (options.users !== undefined) yield* control.seedUsers(options.users)
    return { state, run, traceId, control }
  })
