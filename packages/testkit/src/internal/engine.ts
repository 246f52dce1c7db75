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
import * as ErrorCatalogue from "@effect-clerk/kernel/ErrorCatalogue"
import * as FaultRules from "@effect-clerk/kernel/FaultRules"
import { makeIdGenerator } from "@effect-clerk/kernel/Ids"
import * as Operations from "@effect-clerk/kernel/Operations"
import { mulberry32 } from "@effect-clerk/kernel/Prng"
import * as RateLimits from "@effect-clerk/kernel/RateLimits"
import * as Store from "@effect-clerk/kernel/Store"
import { totpAt } from "@effect-clerk/kernel/Totp"
import * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Random from "effect/Random"
import type * as Fault from "../Fault.js"
import type { UserSeed } from "../Seeds.js"
import type { Stats, UsersTestControl } from "../UsersTestControl.js"
import { OptionsError, SeedError } from "../UsersTestControl.js"
import * as Deliveries from "./deliveries.js"
import * as Events from "./events.js"
import * as Faults from "./faults.js"
import * as Passwords from "./passwords.js"
import type { PasswordRecord } from "./passwords.js"

/**
 * How a call failed: Clerk's answer (a status, its `errors`, maybe a `Retry-After`), or no answer at all.
 *
 * @internal
 */
export type Failure =
  | { readonly _tag: "Status"; readonly failure: ErrorCatalogue.Failure; readonly retryAfter?: Duration.Duration }
  | { readonly _tag: "Disconnect" }

/** @internal */
export interface EngineOptions {
  /** The API version whose rules apply; checked here, for both adapters. */
  readonly apiVersion?: string
  /** How long `lock` locks a user; `null` until `unlock`. Default 1 hour. */
  readonly lockout?: Duration.DurationInput | null
  readonly metadataLimitBytes?: number
  readonly totpIssuer?: string
  /** Clerk's rate limits, enforced when given (`RateLimits`); none by default. */
  readonly rateLimits?: RateLimits.Option | undefined
  /** Users to seed when the engine is built. */
  readonly users?: ReadonlyArray<UserSeed>
}

/** @internal */
export interface Engine {
  readonly state: Store.State
  /**
   * Runs one operation's store handler on already validated arguments, charged to the instance budget of `key`
   * (the request's secret key; one key in memory) when rate limits are on.
   */
  readonly run: (
    operation: UsersProtocol.AnyOperation,
    args: ReadonlyArray<unknown>,
    key?: string,
    request?: UserEvents.HttpRequest
  ) => Effect.Effect<Either.Either<unknown, Failure>>
  /** The events the instance emitted (each successful change, each `trigger`). */
  readonly events: Events.Hub
  /** The instance's id (`instance_id` in its events). */
  readonly instanceId: string
  /** The webhook endpoints, delivery log and delivery faults (the emulator delivers; in memory, nothing). */
  readonly deliveries: Deliveries.Book
  /** The instance's seeded random source (fault probabilities). */
  readonly random: () => number
  /** A trace id for an answer (`clerk_trace_id`). */
  readonly traceId: () => string
  readonly control: UsersTestControl.Service
}

/** The instance key of the in-memory layer's requests (it has one key). */
const IN_MEMORY_KEY = "in-memory"

/** Who sends the in-memory layer's requests, as its events say. */
const IN_MEMORY_REQUEST: UserEvents.HttpRequest = { clientIp: "127.0.0.1", userAgent: "@effect-clerk/testkit" }

const roundUpToSeconds = (duration: Duration.Duration) =>
  Duration.seconds(Math.ceil(Duration.toMillis(duration) / 1000))

const faultFailure = (fault: Exclude<Fault.Fault, { readonly _tag: "Latency" }>): Failure => {
  switch (fault._tag) {
    case "Disconnect":
      return { _tag: "Disconnect" }
    case "RateLimited":
      return {
        _tag: "Status",
        failure: ErrorCatalogue.injected(429),
        ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
      }
    case "Status":
      return {
        _tag: "Status",
        failure: ErrorCatalogue.injected(fault.status, fault.code, fault.message),
        ...(fault.retryAfter === undefined ? {} : { retryAfter: roundUpToSeconds(fault.retryAfter) })
      }
  }
}

/** The hash of a password to set, through the hashing port (off the event loop). */
const hashOf = (password: string | null | undefined): Effect.Effect<PasswordRecord | undefined> =>
  password === undefined || password === null ? Effect.succeed(undefined) : Passwords.hashPassword(password)

/** A handler's `Hash` or `Verify` step: the hashing port's work as an Effect, then the synchronous rest. */
const settle = <A>(step: Exclude<Store.Step<A>, Store.Outcome<A>>): Effect.Effect<Store.Outcome<A>> =>
  step._tag === "Hash"
    ? Effect.map(Passwords.hashPassword(step.password), step.then)
    : Effect.map(Passwords.verifyPassword(step.record, step.password), step.then)

const seedError = (failure: ErrorCatalogue.Failure, entry?: number) =>
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

/** The limits the options ask for (`undefined`: none), or what is wrong with custom ones. */
const limitsOf = (options: EngineOptions): Effect.Effect<RateLimits.Limits | undefined, OptionsError> => {
  if (options.rateLimits === undefined) return Effect.succeed(undefined)
  const resolved = RateLimits.resolve(options.rateLimits)
  return resolved._tag === "Ok"
    ? Effect.succeed(resolved.value)
    : Effect.fail(new OptionsError({ option: "rateLimits", message: resolved.error }))
}

/**
 * The instance's rate limits at work (`RateLimits`, on `Clock`): `admit` answers Clerk's 429 for a request over
 * budget, nothing otherwise (and always nothing without limits); `reset` forgets every window.
 */
const rateLimiter = (limits: RateLimits.Limits | undefined) => {
  let budgets = RateLimits.empty
  return {
    enforced: limits !== undefined,
    admit: (
      operation: UsersProtocol.AnyOperation,
      args: ReadonlyArray<unknown>,
      key: string
    ): Effect.Effect<Failure | undefined> =>
      limits === undefined ? Effect.succeed(undefined) : Effect.map(Clock.currentTimeMillis, (now) => {
        const decision = RateLimits.admit(budgets, limits, RateLimits.requestOf(operation, args, key), now)
        budgets = decision.state
        return decision._tag === "Admitted"
          ? undefined
          : { _tag: "Status", failure: decision.failure, retryAfter: Duration.seconds(decision.retryAfterSeconds) }
      }),
    reset: () => {
      budgets = RateLimits.empty
    }
  }
}

/** A fresh state with the options' lockout, metadata limit and TOTP issuer, its ids salted with `salt`. */
const stateOf = (options: EngineOptions, salt: number): Store.State => {
  return Store.make({
    lockoutMillis: options.lockout === undefined
      ? Store.DEFAULT_LOCKOUT_MILLIS
      : options.lockout === null
      ? null
      : Duration.toMillis(Duration.decode(options.lockout)),
    ...(options.metadataLimitBytes === undefined ? {} : { metadataLimitBytes: options.metadataLimitBytes }),
    ...(options.totpIssuer === undefined ? {} : { totpIssuer: options.totpIssuer })
  }, { ids: makeIdGenerator(salt) })
}

/** The seeding half of the control service, over a state. */
const seeding = (state: Store.State) => {
  const seed = <A>(perform: (now: number) => Store.Outcome<A>): Effect.Effect<A, SeedError> =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const result = perform(now)
      return result._tag === "Ok" ? Effect.succeed(result.value) : Effect.fail(seedError(result.error))
    })

  /**
   * Seeds users all or nothing: the passwords hashed first (off the event loop), then every entry validated and
   * written without interleaving; a refused entry removes the ones written before it and is named.
   */
  const seedUsers = (seeds: Iterable<UserSeed>): Effect.Effect<ReadonlyArray<User>, SeedError> =>
    Effect.gen(function*() {
      const entries = [...seeds]
      const hashed = yield* Effect.forEach(entries, (entry) => hashOf(entry.password), { concurrency: 4 })
      const now = yield* Clock.currentTimeMillis
      const result = Store.seedUsers(state, entries, now, hashed)
      return result._tag === "Ok"
        ? result.value
        : yield* seedError(result.error.failure, entries.length === 1 ? undefined : result.error.index)
    })

  return {
    seedUser: (user: UserSeed) => Effect.map(seedUsers([user]), (users) => users[0]!),
    seedUsers,
    seedOrganization: (organization) => seed((now) => Store.seedOrganization(state, organization, now)),
    seedMembership: (membership) => seed((now) => Store.seedMembership(state, membership, now)),
    seedInvitation: (invitation) => seed((now) => Store.seedInvitation(state, invitation, now)),
    seedOAuthToken: (token) => seed((now) => Store.seedOAuthToken(state, token, now)),
    seedBillingSubscription: (userId: string, subscription: BillingSubscription) =>
      seed(() => Store.seedBillingSubscription(state, userId, subscription)),
    seedCredits: (userId, credits) => seed((now) => Store.seedCredits(state, userId, credits, now)),
    seedTrustedDevice: (userId, device) => seed((now) => Store.seedTrustedDevice(state, userId, device, now)),
    seedPasskey: (userId, passkey) => seed((now) => Store.seedPasskey(state, userId, passkey, now)),
    seedExternalAccount: (userId, account) => seed((now) => Store.seedExternalAccount(state, userId, account, now))
  } satisfies Partial<UsersTestControl.Service>
}

/** The events half of the control service: the log, the live stream, `trigger`, the deliveries' book. */
const eventControl = (
  state: Store.State,
  events: Events.Hub,
  deliveries: Deliveries.Book,
  contextAt: (now: number, request: UserEvents.HttpRequest) => UserEvents.EventContext
): Pick<
  UsersTestControl.Service,
  "events" | "emitted" | "trigger" | "webhookDeliveries" | "injectDeliveryFault"
> => ({
  events: events.events,
  emitted: events.emitted,
  trigger: (type, overrides = {}) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      const event = UserEvents.sample(type, overrides, contextAt(now, IN_MEMORY_REQUEST), state.ids)
      return Effect.as(events.publish([event]), event)
    }),
  webhookDeliveries: Effect.sync(() => Deliveries.snapshot(deliveries)),
  injectDeliveryFault: (rule) => Effect.sync(() => Deliveries.addRule(deliveries, rule))
})

/**
 * Builds an engine: a fresh state (ids salted from `Random`, so two instances never share ids), seeded.
 *
 * @internal
 */
export const make = (options: EngineOptions = {}): Effect.Effect<Engine, SeedError | OptionsError> =>
  Effect.gen(function*() {
    yield* checkApiVersion(options)
    const limiter = rateLimiter(yield* limitsOf(options))
    const salt = yield* Random.nextIntBetween(0, 2 ** 31)
    const state = stateOf(options, salt)
    const random = mulberry32(salt)
    const faults = Faults.make()
    const stats = FaultRules.counter()
    let traces = 0
    const traceId = () => `${salt.toString(16)}${(++traces).toString(16).padStart(8, "0")}`

    const applyFault = (fault: Fault.Fault): Effect.Effect<Failure | undefined> =>
      fault._tag === "Latency"
        ? Effect.as(Effect.sleep(fault.duration), undefined)
        : Effect.succeed(faultFailure(fault))

    const deliveries = Deliveries.make()
    const events = yield* Events.make(() => deliveries.endpoints)
    const instanceId = state.ids.next("ins")
    const contextAt = (now: number, httpRequest: UserEvents.HttpRequest): UserEvents.EventContext => ({
      now,
      instanceId,
      httpRequest
    })

    const run: Engine["run"] = (operation, args, key = IN_MEMORY_KEY, request = IN_MEMORY_REQUEST) =>
      Effect.gen(function*() {
        stats.call(operation.key)
        // Clerk's limits come first, before faults: its gateway answers a 429 before the request reaches the
        // instance, so a refused request takes no fault rule (and is counted as a call)
        if (limiter.enforced) {
          const refused = yield* limiter.admit(operation, args, key)
          if (refused !== undefined) return Either.left(refused)
        }
        const taken = Faults.takeFault(faults, operation.key, random)
        if (taken !== undefined) {
          stats.fault(taken.fault._tag === "Status" ? `Status ${taken.fault.status}` : taken.fault._tag, taken.when)
        }
        if (taken !== undefined && taken.when === "before") {
          const failure = yield* applyFault(taken.fault)
          if (failure !== undefined) return Either.left(failure)
        }
        const now = yield* Clock.currentTimeMillis
        const row = Operations.operations[operation.key as Operations.OperationKey]
        // only the rows that change a user look at the state for their events (reads pay nothing)
        const emitted = row.event === undefined ? undefined : UserEvents.observe(state, row, args)
        const step = Store.handle(state, row.key, args, now)
        const result = step._tag === "Ok" || step._tag === "Err" ? step : yield* settle(step)
        // the change is made: its events are emitted even when a fault loses the response
        if (result._tag === "Ok" && emitted !== undefined) {
          yield* events.publish(emitted(result.value, contextAt(now, request)))
        }
        if (taken !== undefined && taken.when === "after") {
          const failure = yield* applyFault(taken.fault)
          if (failure !== undefined) return Either.left(failure)
        }
        return result._tag === "Ok"
          ? Either.right(result.value)
          : Either.left<Failure>({ _tag: "Status", failure: result.error })
      })

    const control: UsersTestControl.Service = {
      ...seeding(state),
      snapshot: Effect.map(Clock.currentTimeMillis, (now) => Store.snapshot(state, now)),
      size: Effect.sync(() => Store.size(state)),
      totpCode: (userId) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) => {
          const secret = Store.totpSecret(state, userId)
          const code = secret === undefined ? undefined : totpAt(secret, now)
          return code === undefined
            ? Effect.fail(
              new SeedError({ code: ErrorCatalogue.catalogue.totpDisabled.code, message: `user ${userId} has no TOTP` })
            )
            : Effect.succeed(code)
        }),
      stats: Effect.sync((): Stats => stats.read()),
      injectFault: (rule) => Effect.sync(() => Faults.addFault(faults, rule)),
      clearFaults: Effect.sync(() => {
        Faults.clearFaults(faults)
        deliveries.rules = []
      }),
      ...eventControl(state, events, deliveries, contextAt),
      reset: Effect.sync(() => {
        events.clear()
        deliveries.log = []
        deliveries.rules = []
        Store.reset(state)
        Faults.clearFaults(faults)
        limiter.reset()
      })
    }

    if (options.users !== undefined) yield* control.seedUsers(options.users)
    return { state, run, traceId, control, events, instanceId, deliveries, random }
  })
