/**
 * An in-memory Clerk instance at work on the Effect 4 runtime: the kernel's store, its handlers run by an
 * operation's key with the kernel's fault rules, rate limits and events, on `Clock`; passwords hashed through
 * the kernel's port as Effects. It answers each call with a value or Clerk's failure; `UsersInMemory` turns the
 * failures into the core's tagged errors.
 *
 * @internal
 */
import { ApiVersions, ErrorCatalogue, FaultRules, Passwords, RateLimits, Store, UserEvents } from "@effect-clerk/kernel"
import type { Model, Operations, Seed } from "@effect-clerk/kernel"
import { makeIdGenerator } from "@effect-clerk/kernel/Ids"
import { mulberry32 } from "@effect-clerk/kernel/Prng"
import { totpAt } from "@effect-clerk/kernel/Totp"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Result from "effect/Result"
import type * as Fault from "../Fault.js"
import { label } from "../Fault.js"
import type { Service } from "../UsersTestControl.js"
import { OptionsError, SeedError } from "../UsersTestControl.js"
import * as Events from "./events.js"

/**
 * How a call failed: Clerk's answer (a status, its `errors`, maybe a `Retry-After` in whole seconds), or none.
 *
 * @internal
 */
export type Failure =
  | { readonly _tag: "Status"; readonly failure: ErrorCatalogue.Failure; readonly retryAfterSeconds?: number }
  | { readonly _tag: "Disconnect" }

/** @internal */
export interface Options {
  readonly apiVersion?: string
  readonly lockout?: Duration.Input | null
  readonly metadataLimitBytes?: number
  readonly totpIssuer?: string
  readonly rateLimits?: RateLimits.Option | undefined
  readonly users?: ReadonlyArray<Seed.UserSeed>
}

/** @internal */
export interface Engine {
  /** Runs one operation (by its row) on validated arguments: its value, or how it failed. */
  readonly run: (
    row: Operations.AnyOperation,
    args: ReadonlyArray<unknown>
  ) => Effect.Effect<Result.Result<unknown, Failure>>
  /** A trace id for an answer (`clerk_trace_id`). */
  readonly traceId: () => string
  readonly control: Service
}

/** The key and the requester of the in-memory layer's requests (it has one of each). */
const KEY = "in-memory"
const REQUEST: UserEvents.HttpRequest = { clientIp: "127.0.0.1", userAgent: "@effect-clerk/testkit" }

const hashing = Passwords.nodeHashing

const settle = <A>(step: Store.Step<A>): Effect.Effect<Store.Outcome<A>> => {
  switch (step._tag) {
    case "Ok":
    case "Err":
      return Effect.succeed(step)
    case "Hash":
      return Effect.map(Effect.promise(() => hashing.hash(step.password)), step.then)
    case "Verify":
      return Effect.promise((signal) => hashing.verify(step.record, step.password, signal).catch(() => false)).pipe(
        Effect.map(step.then)
      )
  }
}

const seconds = (duration: Duration.Duration | undefined) =>
  duration === undefined ? {} : { retryAfterSeconds: Math.ceil(Duration.toMillis(duration) / 1000) }

/** What a fault answers (a latency answers nothing: it only waits). */
const answerOf = (fault: Fault.Fault): Effect.Effect<Failure | undefined> => {
  switch (fault._tag) {
    case "Latency":
      return Effect.as(Effect.sleep(fault.duration), undefined)
    case "Disconnect":
      return Effect.succeed({ _tag: "Disconnect" })
    case "RateLimited":
      return Effect.succeed({ _tag: "Status", failure: ErrorCatalogue.injected(429), ...seconds(fault.retryAfter) })
    case "Status":
      return Effect.succeed({
        _tag: "Status",
        failure: ErrorCatalogue.injected(fault.status, fault.code, fault.message),
        ...seconds(fault.retryAfter)
      })
  }
}

const seedError = (failure: ErrorCatalogue.Failure, entry?: number) => {
  const [first] = failure.errors
  return new SeedError({
    code: first?.code ?? "invalid",
    message: first?.longMessage ?? first?.message ?? `status ${failure.status}`,
    ...(entry !== undefined && { entry })
  })
}

const optionsOf = (options: Options): Effect.Effect<RateLimits.Limits | undefined, OptionsError> =>
  Effect.gen(function*() {
    if (options.apiVersion !== undefined && !ApiVersions.isApiVersion(options.apiVersion)) {
      return yield* new OptionsError({
        option: "apiVersion",
        message: `not a Clerk API version this library knows (${ApiVersions.apiVersions.join(", ")})`
      })
    }
    if (options.rateLimits === undefined) return undefined
    const limits = RateLimits.resolve(options.rateLimits)
    return limits._tag === "Ok"
      ? limits.value
      : yield* new OptionsError({ option: "rateLimits", message: limits.error })
  })

const lockoutMillis = (lockout: Options["lockout"]) =>
  lockout === undefined ? Store.DEFAULT_LOCKOUT_MILLIS : lockout === null ? null : Duration.toMillis(lockout)

/** @internal */
export const make = (options: Options = {}): Effect.Effect<Engine, SeedError | OptionsError> =>
  Effect.gen(function*() {
    const limits = yield* optionsOf(options)
    const salt = yield* Random.nextIntBetween(0, 2 ** 31)
    const state = Store.make({
      lockoutMillis: lockoutMillis(options.lockout),
      ...(options.metadataLimitBytes !== undefined && { metadataLimitBytes: options.metadataLimitBytes }),
      ...(options.totpIssuer !== undefined && { totpIssuer: options.totpIssuer })
    }, { ids: makeIdGenerator(salt) })
    const random = mulberry32(salt)
    const faults = FaultRules.make<Fault.Fault>()
    const counter = FaultRules.counter()
    let budgets = RateLimits.empty
    let traces = 0
    const traceId = () => `${salt.toString(16)}${(++traces).toString(16).padStart(8, "0")}`
    const log = yield* Events.make
    const instanceId = state.ids.next("ins")
    const context = (now: number): UserEvents.EventContext => ({ now, instanceId, httpRequest: REQUEST })

    /** Clerk's gateway answers a 429 before the request reaches the instance: no fault rule is taken. */
    const admit = (row: Operations.AnyOperation, args: ReadonlyArray<unknown>) =>
      Effect.map(Clock.currentTimeMillis, (now): Failure | undefined => {
        if (limits === undefined) return undefined
        const decision = RateLimits.admit(budgets, limits, RateLimits.requestOf(row, args, KEY), now)
        budgets = decision.state
        return decision._tag === "Admitted"
          ? undefined
          : { _tag: "Status", failure: decision.failure, retryAfterSeconds: decision.retryAfterSeconds }
      })

    const run: Engine["run"] = (row, args) =>
      Effect.gen(function*() {
        counter.call(row.key)
        const refused = yield* admit(row, args)
        if (refused !== undefined) return Result.fail(refused)
        const taken = FaultRules.take(faults, row.key, random)
        if (taken !== undefined) counter.fault(label(taken.fault), taken.when)
        const before = taken?.when === "before" ? yield* answerOf(taken.fault) : undefined
        if (before !== undefined) return Result.fail(before)
        const now = yield* Clock.currentTimeMillis
        const emitted = row.event === undefined ? undefined : UserEvents.observe(state, row, args)
        const outcome = yield* settle(Store.handle(state, row.key, args, now))
        // the change is made: its events are emitted even when a fault loses the answer
        if (outcome._tag === "Ok" && emitted !== undefined) yield* log.publish(emitted(outcome.value, context(now)))
        const after = taken?.when === "after" ? yield* answerOf(taken.fault) : undefined
        if (after !== undefined) return Result.fail(after)
        return outcome._tag === "Ok"
          ? Result.succeed(outcome.value)
          : Result.fail<Failure>({ _tag: "Status", failure: outcome.error })
      })

    const seeded = <A>(perform: (now: number) => Store.Outcome<A>): Effect.Effect<A, SeedError> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const outcome = perform(now)
        return outcome._tag === "Ok" ? Effect.succeed(outcome.value) : Effect.fail(seedError(outcome.error))
      })

    const seedUsers = (seeds: Iterable<Seed.UserSeed>): Effect.Effect<ReadonlyArray<Model.User>, SeedError> =>
      Effect.gen(function*() {
        const entries = [...seeds]
        const hashed = yield* Effect.forEach(
          entries,
          ({ password }) =>
            password === undefined || password === null
              ? Effect.succeed(undefined)
              : Effect.promise(() => hashing.hash(password)),
          { concurrency: 4 }
        )
        const outcome = Store.seedUsers(state, entries, yield* Clock.currentTimeMillis, hashed)
        if (outcome._tag === "Ok") return outcome.value
        return yield* seedError(outcome.error.failure, entries.length === 1 ? undefined : outcome.error.index)
      })

    const control: Service = {
      seedUser: (seed) => Effect.map(seedUsers([seed]), ([user]) => user!),
      seedUsers,
      seedOrganization: (seed) => seeded((now) => Store.seedOrganization(state, seed, now)),
      seedMembership: (seed) => seeded((now) => Store.seedMembership(state, seed, now)),
      seedInvitation: (seed) => seeded((now) => Store.seedInvitation(state, seed, now)),
      seedOAuthToken: (seed) => seeded((now) => Store.seedOAuthToken(state, seed, now)),
      seedBillingSubscription: (userId, subscription) =>
        seeded(() => Store.seedBillingSubscription(state, userId, subscription)),
      seedCredits: (userId, credits) => seeded((now) => Store.seedCredits(state, userId, credits, now)),
      seedTrustedDevice: (userId, device) => seeded((now) => Store.seedTrustedDevice(state, userId, device, now)),
      seedPasskey: (userId, passkey) => seeded((now) => Store.seedPasskey(state, userId, passkey, now)),
      seedExternalAccount: (userId, account) => seeded((now) => Store.seedExternalAccount(state, userId, account, now)),
      snapshot: Effect.map(Clock.currentTimeMillis, (now) => Store.snapshot(state, now)),
      size: Effect.sync(() => Store.size(state)),
      totpCode: (userId) =>
        Effect.gen(function*() {
          const secret = Store.totpSecret(state, userId)
          const code = secret === undefined ? undefined : totpAt(secret, yield* Clock.currentTimeMillis)
          if (code !== undefined) return code
          return yield* new SeedError({
            code: ErrorCatalogue.catalogue.totpDisabled.code,
            message: `user ${userId} has no TOTP`
          })
        }),
      stats: Effect.sync(() => counter.read()),
      injectFault: (rule) => Effect.sync(() => FaultRules.add(faults, rule)),
      clearFaults: Effect.sync(() => FaultRules.clear(faults)),
      events: log.events,
      emitted: log.emitted,
      trigger: (type, overrides = {}) =>
        Effect.gen(function*() {
          const event = UserEvents.sample(type, overrides, context(yield* Clock.currentTimeMillis), state.ids)
          yield* log.publish([event])
          return event
        }),
      reset: Effect.gen(function*() {
        yield* log.clear
        Store.reset(state)
        FaultRules.clear(faults)
        budgets = RateLimits.empty
      })
    }

    if (options.users !== undefined) yield* seedUsers(options.users)
    return { run, traceId, control }
  })
