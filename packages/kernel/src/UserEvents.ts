/**
 * The user events Clerk emits (its webhooks' payloads): which event each operation emits is a fact of its row
 * (`Operations.operations[key].event`); this module builds the events from a call's result, in Clerk's envelope
 * `{ data, object: "event", type, timestamp, instance_id, event_attributes: { http_request } }`.
 *
 * `user.created` and `user.updated` carry the user as a read would show it after the change, `user.deleted`
 * `{ object: "user", id, deleted: true, external_id? }` (`@clerk/backend`'s `UserDeletedJSON`). An operation that
 * changes several users (`bulkBan`, `bulkUnban`) emits one event per user it changed, in the response's order.
 *
 * Where Clerk's catalogue is not explicit: it lists no `user.banned` or `user.locked` event, and the dashboard
 * shows bans, locks, MFA and password changes, profile images, passkey, wallet and external account removals as
 * `user.updated`; so does this module. Revoking a trusted device and adjusting billing credits change nothing
 * the user object shows: no event. `timestamp` is in milliseconds, as Clerk's payloads have it.
 *
 * @since 0.3.0
 */
import type { IdGenerator } from "./Ids.js"
import type { EventFact } from "./internal/rows.js"
import { view } from "./internal/store/records.js"
import type { State } from "./internal/store/state.js"
import type { User } from "./Model.js"
import type { AnyOperation } from "./Operations.js"
import { rows } from "./Operations.js"
import * as Store from "./Store.js"

/**
 * The type of a user event.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const type: UserEvents.UserEventType = "user.updated"
 * ```
 */
export type UserEventType = Exclude<EventFact, undefined>

/**
 * The user event types, in Clerk's catalogue's order.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { UserEvents } from "@effect-clerk/kernel"
 *
 * console.log(UserEvents.userEventTypes) // [ "user.created", "user.updated", "user.deleted" ]
 * ```
 */
export const userEventTypes: ReadonlyArray<UserEventType> = ["user.created", "user.updated", "user.deleted"]

/**
 * Whether a string is a user event type.
 *
 * @since 0.3.0
 * @category guards
 * @example
 * ```ts
 * import { UserEvents } from "@effect-clerk/kernel"
 *
 * console.log(UserEvents.isUserEventType("user.deleted"), UserEvents.isUserEventType("session.created")) // true false
 * ```
 */
export const isUserEventType = (type: string): type is UserEventType =>
  (userEventTypes as ReadonlyArray<string>).includes(type)

/**
 * The data of `user.deleted`.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const deleted: UserEvents.DeletedUser = { object: "user", id: "user_1", deleted: true, externalId: "ext-1" }
 * ```
 */
export interface DeletedUser {
  readonly object: "user"
  readonly id: string
  readonly deleted: true
  /** The user's external id, when one was set. */
  readonly externalId?: string
}

/**
 * Who made the request that caused the event (`event_attributes.http_request`).
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const request: UserEvents.HttpRequest = { clientIp: "127.0.0.1", userAgent: "curl/8.5.0" }
 * ```
 */
export interface HttpRequest {
  readonly clientIp: string
  readonly userAgent: string
}

/**
 * The envelope of an event of type `T` carrying `D`.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * type Deleted = UserEvents.Envelope<"user.deleted", UserEvents.DeletedUser>
 * ```
 */
export interface Envelope<T extends string, D> {
  readonly type: T
  readonly object: "event"
  readonly data: D
  /** When the event happened, epoch milliseconds. */
  readonly timestamp: number
  readonly instanceId: string
  readonly eventAttributes: { readonly httpRequest: HttpRequest }
}

/**
 * A user event.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const idOf = (event: UserEvents.UserEvent): string => event.data.id
 * ```
 */
export type UserEvent =
  | Envelope<"user.created", User>
  | Envelope<"user.updated", User>
  | Envelope<"user.deleted", DeletedUser>

/**
 * What an event says beside its data: the time, the instance, the request's client.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const context: UserEvents.EventContext = {
 *   now: Date.now(),
 *   instanceId: "ins_1",
 *   httpRequest: { clientIp: "127.0.0.1", userAgent: "test" }
 * }
 * ```
 */
export interface EventContext {
  readonly now: number
  readonly instanceId: string
  readonly httpRequest: HttpRequest
}

/**
 * The operations that emit an event, with it, in the table's order.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { UserEvents } from "@effect-clerk/kernel"
 *
 * console.log(UserEvents.emitting.find((entry) => entry.operation === "ban")) // { operation: "ban", event: "user.updated" }
 * ```
 */
export const emitting: ReadonlyArray<{ readonly operation: AnyOperation["key"]; readonly event: UserEventType }> = rows
  .flatMap((row) => row.event === undefined ? [] : [{ operation: row.key, event: row.event }])

/**
 * An event of type `type` with `data`, in the context's envelope.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { UserEvents } from "@effect-clerk/kernel"
 *
 * const context = { now: 1, instanceId: "ins_1", httpRequest: { clientIp: "", userAgent: "" } }
 * const event = UserEvents.make<UserEvents.UserEvent>("user.deleted", { object: "user", id: "user_1", deleted: true }, context)
 * console.log(event.object, event.timestamp) // event 1
 * ```
 */
export const make = <E extends UserEvent>(type: E["type"], data: E["data"], context: EventContext): E =>
  ({
    type,
    object: "event",
    data,
    timestamp: context.now,
    instanceId: context.instanceId,
    eventAttributes: { httpRequest: context.httpRequest }
  }) as E

const argOf = (operation: Pick<AnyOperation, "args">, args: ReadonlyArray<unknown>, name: string): unknown =>
  args[operation.args.findIndex((arg) => arg.name === name)]

const isUser = (value: unknown): value is User =>
  typeof value === "object" && value !== null && (value as { readonly object?: unknown }).object === "user" &&
  typeof (value as { readonly id?: unknown }).id === "string" &&
  (value as { readonly deleted?: unknown }).deleted !== true

/**
 * What a successful call of `operation` emits, observed around it: call `observe` before the store handler runs
 * (a deleted user's external id is read then), and the function it answers with the handler's result after.
 * An operation without an event emits nothing.
 *
 * @since 0.3.0
 * @category operations
 * @example
 * ```ts
 * import { Ids, Operations, Store, UserEvents } from "@effect-clerk/kernel"
 *
 * const state = Store.make({ lockoutMillis: null }, { ids: Ids.makeIdGenerator(1) })
 * const created = Store.seedUser(state, { username: "ada_lovelace" }, 0, undefined)
 * if (created._tag === "Ok") {
 *   const emitted = UserEvents.observe(state, Operations.operations.ban, [created.value.id])
 *   const context = { now: 1, instanceId: "ins_1", httpRequest: { clientIp: "", userAgent: "" } }
 *   console.log(emitted(undefined, context).map((event) => event.type)) // [ "user.updated" ]
 * }
 * ```
 */
export const observe = (
  state: State,
  operation: Pick<AnyOperation, "args" | "event" | "success">,
  args: ReadonlyArray<unknown>
): (result: unknown, context: EventContext) => ReadonlyArray<UserEvent> => {
  const userId = argOf(operation, args, "userId")
  switch (operation.event) {
    case undefined:
      return () => []
    case "user.created":
      return (result, context) => isUser(result) ? [make("user.created", result, context)] : []
    case "user.deleted": {
      const externalId = typeof userId === "string" ? state.users.get(userId)?.user.externalId : undefined
      return (_, context) =>
        typeof userId === "string"
          ? [make("user.deleted", {
            object: "user",
            id: userId,
            deleted: true,
            ...(externalId === undefined || externalId === null ? {} : { externalId })
          }, context)]
          : []
    }
    case "user.updated":
      return (result, context) => {
        if (Array.isArray(result)) {
          return result.filter(isUser).map((user) => make("user.updated", user, context))
        }
        // the operation answered the changed user (most do): it is the event's data as it is
        if (isUser(result)) return [make("user.updated", result, context)]
        const record = typeof userId === "string" ? state.users.get(userId) : undefined
        return record === undefined ? [] : [make("user.updated", view(record, context.now), context)]
      }
  }
}

/**
 * The wire form of an event (Clerk's JSON), its user data encoded by `encodeUser` (the line's `User` schema).
 *
 * @since 0.3.0
 * @category encoding
 * @example
 * ```ts
 * import { UserEvents } from "@effect-clerk/kernel"
 *
 * const context = { now: 1, instanceId: "ins_1", httpRequest: { clientIp: "127.0.0.1", userAgent: "test" } }
 * const event = UserEvents.make<UserEvents.UserEvent>("user.deleted", { object: "user", id: "user_1", deleted: true }, context)
 * console.log(UserEvents.toWire(event, () => ({})).event_attributes) // { http_request: { client_ip: "127.0.0.1", user_agent: "test" } }
 * ```
 */
export const toWire = (event: UserEvent, encodeUser: (user: User) => unknown): WireEvent => ({
  data: event.type === "user.deleted"
    ? {
      object: event.data.object,
      id: event.data.id,
      deleted: event.data.deleted,
      ...(event.data.externalId === undefined ? {} : { external_id: event.data.externalId })
    }
    : encodeUser(event.data),
  object: "event",
  type: event.type,
  timestamp: event.timestamp,
  instance_id: event.instanceId,
  event_attributes: {
    http_request: {
      client_ip: event.eventAttributes.httpRequest.clientIp,
      user_agent: event.eventAttributes.httpRequest.userAgent
    }
  }
})

/**
 * An event as Clerk sends it.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * const typeOf = (event: UserEvents.WireEvent): string => event.type
 * ```
 */
export interface WireEvent {
  readonly data: unknown
  readonly object: "event"
  readonly type: string
  readonly timestamp: number
  readonly instance_id: string
  readonly event_attributes: { readonly http_request: { readonly client_ip: string; readonly user_agent: string } }
}

/**
 * The data an event of type `T` carries.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { UserEvents } from "@effect-clerk/kernel"
 *
 * type Deleted = UserEvents.DataOf<"user.deleted"> // UserEvents.DeletedUser
 * ```
 */
export type DataOf<T extends UserEventType> = Extract<UserEvent, { readonly type: T }>["data"]

/**
 * An event of type `type` that no operation caused (as `stripe trigger` sends one): a sample user (a fresh id,
 * "Example User", one email address) with `overrides` laid over it, or for `user.deleted` a fresh id unless
 * `overrides` gives one.
 *
 * @since 0.3.0
 * @category constructors
 * @example
 * ```ts
 * import { Ids, UserEvents } from "@effect-clerk/kernel"
 *
 * const context = { now: 1, instanceId: "ins_1", httpRequest: { clientIp: "", userAgent: "" } }
 * const event = UserEvents.sample("user.created", { firstName: "Ada" }, context, Ids.makeIdGenerator(1))
 * console.log(event.type, event.data.firstName) // user.created Ada
 * ```
 */
export function sample<T extends UserEventType>(
  type: T,
  overrides: Partial<DataOf<T>>,
  context: EventContext,
  ids: IdGenerator
): Extract<UserEvent, { readonly type: T }>
export function sample(
  type: UserEventType,
  overrides: Partial<User> | Partial<DeletedUser>,
  context: EventContext,
  ids: IdGenerator
): UserEvent {
  if (type === "user.deleted") {
    const { externalId, id } = overrides as Partial<DeletedUser>
    return make<UserEvent>(type, {
      object: "user",
      id: id ?? ids.next("user"),
      deleted: true,
      ...(externalId === undefined ? {} : { externalId })
    }, context)
  }
  const scratch = Store.make({ lockoutMillis: null }, { ids })
  const seeded = Store.seedUser(
    scratch,
    {
      firstName: "Example",
      lastName: "User",
      emailAddress: ["example@example.org"]
    },
    context.now,
    undefined
  )
  const base = seeded._tag === "Ok" ? seeded.value : undefined
  return make<UserEvent>(type, { ...base!, ...(overrides as Partial<User>) }, context)
}
