/**
 * The test control a contract run needs from a set-up, and its three sources: the Effect 4 in-memory layer's
 * `UsersTestControl`; the Effect 3 emulator's own control in this process (its Effects run by Effect 3's
 * runtime); the emulator's admin API over HTTP (another process), with the requests counted on the client side.
 */
import { type Scenarios, Totp } from "@effect-clerk/kernel"
import type { UsersTestControl as Control3 } from "@effect-clerk/testkit"
import { Fault as Fault3 } from "@effect-clerk/testkit"
import * as Effect from "effect/Effect"
import * as Effect3 from "effect3/Effect"
import type { EmulatorLauncher } from "../../src/index.js"
import { Fault, type UsersTestControl } from "../../src/index.js"

/** What a run reads and does besides calling `Users`. */
export interface Control {
  /** The step's fault as a rule for its operation: its next request, or its next `times`. */
  readonly injectFault: (operation: string, fault: Scenarios.Fault) => Effect.Effect<void>
  readonly clearFaults: Effect.Effect<void>
  /** The requests the instance served (or the client sent) so far. */
  readonly calls: Effect.Effect<number>
  /** The events emitted since the instance was built, by type and user id. */
  readonly emitted: Effect.Effect<ReadonlyArray<{ readonly type: string; readonly id: string }>>
  /** A scenario's control action on its arguments; its value (a refusal is a defect: set-ups must succeed). */
  readonly act: (action: Scenarios.ControlAction, args: ReadonlyArray<unknown>) => Effect.Effect<unknown>
}

const retryAfterOf = (fault: Scenarios.Fault) =>
  fault._tag === "Disconnect" || fault.retryAfterSeconds === undefined
    ? undefined
    : `${fault.retryAfterSeconds} seconds` as const

const ruleOptions = (operation: string, fault: Scenarios.Fault) => ({
  operations: [operation],
  ...(fault.times !== undefined && { times: fault.times }),
  ...(fault.when !== undefined && { when: fault.when })
})

const defect = (action: string) => (error: unknown) => new Error(`${action}: ${JSON.stringify(error)}`)

/** The Effect 4 `UsersTestControl` (the in-memory layer's). */
export const fromTestControl = (control: UsersTestControl.Service): Control => ({
  injectFault: (operation, fault) => {
    const retryAfter = retryAfterOf(fault)
    const options = retryAfter === undefined ? {} : { retryAfter }
    return control.injectFault({
      ...ruleOptions(operation, fault),
      fault: fault._tag === "Disconnect"
        ? Fault.disconnect
        : fault._tag === "RateLimited"
        ? Fault.rateLimited(retryAfter)
        : Fault.status(fault.status, { ...options, ...(fault.code !== undefined && { code: fault.code }) })
    })
  },
  clearFaults: control.clearFaults,
  calls: Effect.map(control.stats, (stats) => stats.calls),
  emitted: Effect.map(control.emitted, (events) => events.map((event) => ({ type: event.type, id: event.data.id }))),
  act: (action, args) => {
    const method: (...args: ReadonlyArray<never>) => Effect.Effect<unknown, unknown> = control[action]
    const effect: Effect.Effect<unknown, unknown> = Reflect.apply(method, control, args)
    return Effect.orDie(Effect.mapError(effect, defect(action)))
  }
})

/** The Effect 3 emulator's `UsersTestControl`, in this process: each of its Effects run by Effect 3's runtime. */
export const fromEffect3 = (control: Control3.Service): Control => {
  const run = <A>(effect: Effect3.Effect<A, unknown>): Effect.Effect<A> =>
    Effect.promise(() => Effect3.runPromise(effect))
  return {
    injectFault: (operation, fault) => {
      const retryAfter = retryAfterOf(fault)
      const options = retryAfter === undefined ? {} : { retryAfter }
      return run(control.injectFault({
        ...ruleOptions(operation, fault),
        fault: fault._tag === "Disconnect"
          ? Fault3.disconnect
          : fault._tag === "RateLimited"
          ? Fault3.rateLimited(retryAfter)
          : Fault3.status(fault.status, { ...options, ...(fault.code !== undefined && { code: fault.code }) })
      }))
    },
    clearFaults: run(control.clearFaults),
    calls: run(Effect3.map(control.stats, (stats) => stats.calls)),
    emitted: run(
      Effect3.map(control.emitted, (events) => events.map((event) => ({ type: event.type, id: event.data.id })))
    ),
    act: (action, args) => {
      const method: (...args: ReadonlyArray<never>) => Effect3.Effect<unknown, unknown> = control[action]
      const effect: Effect3.Effect<unknown, unknown> = Reflect.apply(method, control, args)
      return Effect.orDie(Effect.mapError(Effect.tryPromise(() => Effect3.runPromise(effect)), defect(action)))
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null

/** The seeding routes of the admin API, by control action: the path and the body of the action's arguments. */
const seedRoutes: {
  readonly [A in Scenarios.ControlAction]?: (args: ReadonlyArray<unknown>) => readonly [string, unknown]
} = {
  seedOrganization: ([seed]) => ["/organizations", seed],
  seedMembership: ([seed]) => ["/memberships", seed],
  seedInvitation: ([seed]) => ["/invitations", seed],
  seedOAuthToken: ([seed]) => ["/oauth_tokens", seed],
  seedCredits: ([userId, credits]) => ["/credits", { userId, ...Object(credits) }],
  seedTrustedDevice: ([userId, device]) => ["/trusted_devices", { userId, ...Object(device) }],
  seedPasskey: ([userId, passkey]) => ["/passkeys", { userId, ...Object(passkey) }],
  seedExternalAccount: ([userId, account]) => ["/external_accounts", { userId, ...Object(account) }]
}

/**
 * The emulator in another process, through its admin API: seeds (a seeded user read back from `/snapshot`), TOTP
 * codes from the snapshot's secret on the wall clock (the emulator's), faults; `calls` the requests the client
 * sent (counted by the set-up's `HttpClient`).
 */
export const fromAdmin = (admin: EmulatorLauncher.Admin, calls: Effect.Effect<number>): Control => {
  const snapshotUser = (id: unknown) =>
    Effect.map(admin.request("GET", "/snapshot"), (snapshot) => {
      const users = isRecord(snapshot) && Array.isArray(snapshot["users"]) ? snapshot["users"] : []
      return users.filter(isRecord).find((entry) => isRecord(entry["user"]) && entry["user"]["id"] === id)
    })
  const act = (action: Scenarios.ControlAction, args: ReadonlyArray<unknown>): Effect.Effect<unknown, unknown> => {
    switch (action) {
      case "seedUser":
        return Effect.gen(function*() {
          const [id] = yield* admin.request("POST", "/users", [args[0]]).pipe(
            Effect.map((ids) => Array.isArray(ids) ? ids : [])
          )
          return (yield* snapshotUser(id))?.["user"]
        })
      case "totpCode":
        return Effect.gen(function*() {
          const secret = (yield* snapshotUser(args[0]))?.["totpSecret"]
          const code = typeof secret === "string" ? Totp.totpAt(secret, Date.now()) : undefined
          return code ?? (yield* Effect.fail(`no TOTP for ${String(args[0])}`))
        })
      case "seedBillingSubscription":
        return Effect.asVoid(
          admin.request("POST", "/billing_subscriptions", { userId: args[0], subscription: args[1] })
        )
      default: {
        const route = seedRoutes[action]
        if (route === undefined) return Effect.fail(`no admin route for ${action}`)
        const [path, body] = route(args)
        return admin.request("POST", path, body)
      }
    }
  }
  return {
    injectFault: (operation, fault) =>
      Effect.orDie(admin.injectFault({
        ...ruleOptions(operation, fault),
        ...(fault._tag === "Disconnect"
          ? { disconnect: true }
          : { status: fault._tag === "RateLimited" ? 429 : fault.status }),
        ...(fault._tag === "Status" && fault.code !== undefined && { code: fault.code }),
        ...(fault._tag !== "Disconnect" && fault.retryAfterSeconds !== undefined &&
          { retryAfterSeconds: fault.retryAfterSeconds })
      })),
    clearFaults: Effect.orDie(admin.clearFaults),
    calls,
    emitted: Effect.orDie(
      Effect.map(
        admin.request("GET", "/events"),
        (events) =>
          (Array.isArray(events) ? events : []).filter(isRecord).map((event) => ({
            type: String(event["type"]),
            id: isRecord(event["data"]) ? String(event["data"]["id"]) : ""
          }))
      )
    ),
    act: (action, args) => Effect.orDie(Effect.mapError(act(action, args), defect(action)))
  }
}
