/**
 * The events Clerk delivers to a webhook endpoint, as Effect 4 Schemas of their wire form: the envelope
 * `{ data, object: "event", type, timestamp, instance_id, event_attributes: { http_request: { client_ip,
 * user_agent } } }` around the user events' payloads (`user.created` and `user.updated` carry the `User`,
 * `user.deleted` a `DeletedObject`), camelCase on the TypeScript side as every model of this library.
 *
 * Each variant gets a `_tag` when decoded (not on the wire): `UserCreated`, `UserUpdated`, `UserDeleted`, and
 * `Other` for every other type (sessions, organizations, a type Clerk adds tomorrow), whose `data` stays as it
 * came, so that a new Clerk event never fails a handler. The user event types are the kernel's
 * (`UserEvents.userEventTypes`).
 *
 * @since 1.0.0
 */
import * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as Schema from "effect/Schema"
import { DeletedObject } from "./DeletedObject.js"
import { User } from "./User.js"

const HttpRequest = Schema.Struct({ clientIp: Schema.String, userAgent: Schema.String }).pipe(
  Schema.encodeKeys({ clientIp: "client_ip", userAgent: "user_agent" }),
  Schema.annotate({ identifier: "WebhookHttpRequest" })
)

const EventAttributesStruct = Schema.Struct({ httpRequest: Schema.optionalKey(HttpRequest) }).pipe(
  Schema.encodeKeys({ httpRequest: "http_request" }),
  Schema.annotate({ identifier: "WebhookEventAttributes" })
)

/**
 * What Clerk says of the request that caused an event: `httpRequest.clientIp` and `httpRequest.userAgent` (absent
 * when no HTTP request did, or when Clerk leaves it out).
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const clientIp = (attributes: WebhookEvent.EventAttributes) => attributes.httpRequest?.clientIp
 * ```
 */
export interface EventAttributes extends Schema.Schema.Type<typeof EventAttributesStruct> {}

/**
 * The wire form of {@link EventAttributes}.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const wire: WebhookEvent.EventAttributesEncoded = { http_request: { client_ip: "192.0.2.1", user_agent: "curl" } }
 * ```
 */
export interface EventAttributesEncoded extends Schema.Codec.Encoded<typeof EventAttributesStruct> {}

/**
 * The attributes of an event.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const attributes = Schema.decodeUnknownSync(WebhookEvent.EventAttributes)({
 *   http_request: { client_ip: "192.0.2.1", user_agent: "Mozilla/5.0" }
 * })
 * console.log(attributes.httpRequest?.clientIp) // "192.0.2.1"
 * ```
 */
export const EventAttributes: Schema.Codec<EventAttributes, EventAttributesEncoded> = EventAttributesStruct

const envelope = {
  object: Schema.Literal("event"),
  /** When the event happened, epoch milliseconds. */
  timestamp: Schema.Number,
  instanceId: Schema.String,
  eventAttributes: Schema.optionalKey(EventAttributesStruct)
}

const envelopeKeys = { instanceId: "instance_id", eventAttributes: "event_attributes" } as const

/**
 * The user event types (the kernel's `UserEvents.userEventTypes`): the variants decoded with a typed `data`.
 *
 * @since 1.0.0
 * @category constants
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 *
 * console.log(WebhookEvent.userEventTypes) // ["user.created", "user.updated", "user.deleted"]
 * ```
 */
export const userEventTypes: ReadonlyArray<UserEventType> = UserEvents.userEventTypes

/**
 * A user event type: `user.created`, `user.updated`, `user.deleted`.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const type: WebhookEvent.UserEventType = "user.deleted"
 * ```
 */
export type UserEventType = UserEvents.UserEventType

const UserCreatedStruct = Schema.Struct({
  _tag: Schema.tagDefaultOmit("UserCreated"),
  ...envelope,
  type: Schema.Literal("user.created"),
  data: User
}).pipe(Schema.encodeKeys(envelopeKeys), Schema.annotate({ identifier: "UserCreated" }))

const UserUpdatedStruct = Schema.Struct({
  _tag: Schema.tagDefaultOmit("UserUpdated"),
  ...envelope,
  type: Schema.Literal("user.updated"),
  data: User
}).pipe(Schema.encodeKeys(envelopeKeys), Schema.annotate({ identifier: "UserUpdated" }))

const UserDeletedStruct = Schema.Struct({
  _tag: Schema.tagDefaultOmit("UserDeleted"),
  ...envelope,
  type: Schema.Literal("user.deleted"),
  data: DeletedObject
}).pipe(Schema.encodeKeys(envelopeKeys), Schema.annotate({ identifier: "UserDeleted" }))

const OtherType = Schema.String.check(
  Schema.makeFilter((type) => !UserEvents.isUserEventType(type), {
    message: "a user event whose data is not what Clerk sends"
  })
)

const OtherStruct = Schema.Struct({
  _tag: Schema.tagDefaultOmit("Other"),
  ...envelope,
  type: OtherType,
  data: Schema.Unknown
}).pipe(Schema.encodeKeys(envelopeKeys), Schema.annotate({ identifier: "OtherEvent" }))

/**
 * A `user.created` event: `data` is the new user.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const welcome = (event: WebhookEvent.UserCreated) => `welcome ${event.data.firstName ?? event.data.id}`
 * ```
 */
export interface UserCreated extends Schema.Schema.Type<typeof UserCreatedStruct> {}

/**
 * An `user.updated` event: `data` is the user as it is now.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const changedAt = (event: WebhookEvent.UserUpdated) => event.data.updatedAt
 * ```
 */
export interface UserUpdated extends Schema.Schema.Type<typeof UserUpdatedStruct> {}

/**
 * A `user.deleted` event: `data` is the deleted object (`id`, `deleted: true`).
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const forget = (event: WebhookEvent.UserDeleted) => event.data.id
 * ```
 */
export interface UserDeleted extends Schema.Schema.Type<typeof UserDeletedStruct> {}

/**
 * Any other event (sessions, organizations, a type Clerk adds later): `data` as it came.
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const describe = (event: WebhookEvent.Other) => `${event.type} at ${event.timestamp}`
 * ```
 */
export interface Other extends Schema.Schema.Type<typeof OtherStruct> {}

/**
 * An event as decoded: one of {@link UserCreated}, {@link UserUpdated}, {@link UserDeleted}, {@link Other}, told
 * apart by `_tag` (or `type`).
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const userIdOf = (event: WebhookEvent.WebhookEvent): string | undefined => {
 *   switch (event._tag) {
 *     case "UserCreated":
 *     case "UserUpdated":
 *     case "UserDeleted":
 *       return event.data.id
 *     case "Other":
 *       return undefined
 *   }
 * }
 * ```
 */
export type WebhookEvent = UserCreated | UserUpdated | UserDeleted | Other

/**
 * The wire form of a {@link WebhookEvent} (no `_tag`).
 *
 * @since 1.0.0
 * @category models
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const toWire = (event: WebhookEvent.WebhookEvent): WebhookEvent.WebhookEventEncoded =>
 *   Schema.encodeSync(WebhookEvent.WebhookEvent)(event)
 * ```
 */
export type WebhookEventEncoded =
  | Schema.Codec.Encoded<typeof UserCreatedStruct>
  | Schema.Codec.Encoded<typeof UserUpdatedStruct>
  | Schema.Codec.Encoded<typeof UserDeletedStruct>
  | Schema.Codec.Encoded<typeof OtherStruct>

/**
 * The `user.created` event.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isCreation = Schema.is(WebhookEvent.UserCreated)
 * ```
 */
export const UserCreated: Schema.Codec<UserCreated, Schema.Codec.Encoded<typeof UserCreatedStruct>> = UserCreatedStruct

/**
 * The `user.updated` event.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isUpdate = Schema.is(WebhookEvent.UserUpdated)
 * ```
 */
export const UserUpdated: Schema.Codec<UserUpdated, Schema.Codec.Encoded<typeof UserUpdatedStruct>> = UserUpdatedStruct

/**
 * The `user.deleted` event.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isDeletion = Schema.is(WebhookEvent.UserDeleted)
 * ```
 */
export const UserDeleted: Schema.Codec<UserDeleted, Schema.Codec.Encoded<typeof UserDeletedStruct>> = UserDeletedStruct

/**
 * Any event that is not a user event.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const other = Schema.decodeUnknownSync(WebhookEvent.Other)({
 *   object: "event",
 *   type: "session.created",
 *   timestamp: 1654012591835,
 *   instance_id: "ins_123",
 *   data: { id: "sess_123" }
 * })
 * console.log(other._tag, other.type) // "Other" "session.created"
 * ```
 */
export const Other: Schema.Codec<Other, Schema.Codec.Encoded<typeof OtherStruct>> = OtherStruct

/**
 * Any event Clerk delivers: a user event with its typed `data`, or {@link Other}. A user event whose `data` is not
 * a user (or a deleted object) is refused rather than passed on as `Other`.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(WebhookEvent.WebhookEvent)
 * ```
 */
export const WebhookEvent: Schema.Codec<WebhookEvent, WebhookEventEncoded> = Schema.Union([
  UserCreatedStruct,
  UserUpdatedStruct,
  UserDeletedStruct,
  OtherStruct
]).pipe(Schema.annotate({ identifier: "WebhookEvent" }))

/**
 * {@link WebhookEvent} from the JSON text of a delivery's body.
 *
 * @since 1.0.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownEffect(WebhookEvent.fromJson)
 * ```
 */
export const fromJson: Schema.Codec<WebhookEvent, string> = Schema.fromJsonString(WebhookEvent)

/**
 * Whether an event is one of the user events (`_tag` other than `Other`).
 *
 * @since 1.0.0
 * @category guards
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 *
 * const userIdOf = (event: WebhookEvent.WebhookEvent) => WebhookEvent.isUserEvent(event) ? event.data.id : undefined
 * ```
 */
export const isUserEvent = (event: WebhookEvent): event is UserCreated | UserUpdated | UserDeleted =>
  event._tag !== "Other"
