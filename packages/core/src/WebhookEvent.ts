/**
 * The events Clerk delivers to a webhook endpoint, as Schemas of their wire form: the envelope
 * `{ data, object: "event", type, timestamp, instance_id, event_attributes: { http_request: { client_ip,
 * user_agent } } }` around the user events' payloads (`user.created` and `user.updated` carry the user,
 * `user.deleted` a deleted object), camelCase on the TypeScript side as every model of this library.
 *
 * Each variant gets a `_tag` when decoded (not on the wire): `UserCreated`, `UserUpdated`, `UserDeleted`, and
 * `Other` for every other type (sessions, organizations, a type Clerk adds tomorrow), whose `data` stays as it
 * came, so that a new Clerk event never fails a handler. Unlike `@clerk/backend`'s `verifyWebhook`, the
 * envelope's `timestamp` and `instanceId` are kept.
 *
 * @since 0.3.0
 */
import * as Schema from "effect/Schema"
import { DeletedObject } from "./DeletedObject.js"
import { wire, wireOptional } from "./internal/schema.js"
import { User } from "./User.js"

const HttpRequestStruct = Schema.Struct({
  clientIp: wire("client_ip", Schema.String),
  userAgent: wire("user_agent", Schema.String)
}).annotations({ identifier: "WebhookHttpRequest" })

const EventAttributesStruct = Schema.Struct({
  httpRequest: wireOptional("http_request", HttpRequestStruct)
}).annotations({ identifier: "WebhookEventAttributes" })

/**
 * @since 0.3.0
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
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const wire: WebhookEvent.EventAttributesEncoded = { http_request: { client_ip: "192.0.2.1", user_agent: "curl" } }
 * ```
 */
export interface EventAttributesEncoded extends Schema.Schema.Encoded<typeof EventAttributesStruct> {}

/**
 * What Clerk says of the request that caused an event: `httpRequest.clientIp` and `httpRequest.userAgent` (absent
 * when no HTTP request did, an operation of the Backend API for instance, or when Clerk leaves it out).
 *
 * @since 0.3.0
 * @category models
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
export const EventAttributes: Schema.Schema<EventAttributes, EventAttributesEncoded> = EventAttributesStruct

const envelope = {
  object: Schema.Literal("event"),
  /** When the event happened, epoch milliseconds. */
  timestamp: Schema.Number,
  instanceId: wire("instance_id", Schema.String),
  eventAttributes: wireOptional("event_attributes", EventAttributesStruct)
}

/**
 * The types this module decodes into their own variant; every other type is {@link Other}.
 *
 * @since 0.3.0
 * @category constants
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 *
 * console.log(WebhookEvent.userEventTypes) // ["user.created", "user.updated", "user.deleted"]
 * ```
 */
export const userEventTypes = ["user.created", "user.updated", "user.deleted"] as const

/**
 * The type of a user event.
 *
 * @since 0.3.0
 * @category models
 * @example
 * ```ts
 * import type { WebhookEvent } from "@effect-clerk/core"
 *
 * const type: WebhookEvent.UserEventType = "user.deleted"
 * ```
 */
export type UserEventType = typeof userEventTypes[number]

const UserCreatedStruct = Schema.Struct({ ...envelope, type: Schema.Literal("user.created"), data: User }).pipe(
  Schema.attachPropertySignature("_tag", "UserCreated")
).annotations({ identifier: "UserCreated" })

const UserUpdatedStruct = Schema.Struct({ ...envelope, type: Schema.Literal("user.updated"), data: User }).pipe(
  Schema.attachPropertySignature("_tag", "UserUpdated")
).annotations({ identifier: "UserUpdated" })

const UserDeletedStruct = Schema.Struct({ ...envelope, type: Schema.Literal("user.deleted"), data: DeletedObject })
  .pipe(Schema.attachPropertySignature("_tag", "UserDeleted")).annotations({ identifier: "UserDeleted" })

const OtherType = Schema.String.pipe(
  Schema.filter((type) => !(userEventTypes as ReadonlyArray<string>).includes(type), {
    message: () => "a user event whose data is not what Clerk sends"
  })
)

const OtherStruct = Schema.Struct({ ...envelope, type: OtherType, data: Schema.Unknown }).pipe(
  Schema.attachPropertySignature("_tag", "Other")
).annotations({ identifier: "OtherEvent" })

/**
 * `user.created`: the user as Clerk created it.
 *
 * @since 0.3.0
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
 * `user.updated`: the user after the change (Clerk sends no diff).
 *
 * @since 0.3.0
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
 * `user.deleted`: the deleted object, `{ object: "user", id, deleted: true }`.
 *
 * @since 0.3.0
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
 * Any other event (`session.created`, `organization.updated`, a type Clerk adds later): its `type` and `data` as
 * they came.
 *
 * @since 0.3.0
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
 * The wire form of an event, as Clerk sends it.
 *
 * @since 0.3.0
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
  | Schema.Schema.Encoded<typeof UserCreatedStruct>
  | Schema.Schema.Encoded<typeof UserUpdatedStruct>
  | Schema.Schema.Encoded<typeof UserDeletedStruct>
  | Schema.Schema.Encoded<typeof OtherStruct>

/**
 * An event Clerk delivers: one of the user events, or {@link Other}.
 *
 * @since 0.3.0
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
 * `user.created`'s Schema.
 *
 * @since 0.3.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isCreation = Schema.is(WebhookEvent.UserCreated)
 * ```
 */
export const UserCreated: Schema.Schema<UserCreated, Schema.Schema.Encoded<typeof UserCreatedStruct>> =
  UserCreatedStruct

/**
 * `user.updated`'s Schema.
 *
 * @since 0.3.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isUpdate = Schema.is(WebhookEvent.UserUpdated)
 * ```
 */
export const UserUpdated: Schema.Schema<UserUpdated, Schema.Schema.Encoded<typeof UserUpdatedStruct>> =
  UserUpdatedStruct

/**
 * `user.deleted`'s Schema.
 *
 * @since 0.3.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const isDeletion = Schema.is(WebhookEvent.UserDeleted)
 * ```
 */
export const UserDeleted: Schema.Schema<UserDeleted, Schema.Schema.Encoded<typeof UserDeletedStruct>> =
  UserDeletedStruct

/**
 * The Schema of every other event type (a user event type never decodes as one).
 *
 * @since 0.3.0
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
export const Other: Schema.Schema<Other, Schema.Schema.Encoded<typeof OtherStruct>> = OtherStruct

/**
 * Any event Clerk delivers, from its parsed JSON body. A user event whose `data` is not what Clerk sends fails;
 * any other type decodes as {@link Other}.
 *
 * @since 0.3.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const event = Schema.decodeUnknownSync(WebhookEvent.WebhookEvent)({
 *   object: "event",
 *   type: "user.deleted",
 *   timestamp: 1654012591835,
 *   instance_id: "ins_123",
 *   data: { object: "user", id: "user_123", deleted: true }
 * })
 * if (event._tag === "UserDeleted") console.log(event.data.id) // "user_123"
 * ```
 */
export const WebhookEvent: Schema.Schema<WebhookEvent, WebhookEventEncoded> = Schema.Union(
  UserCreatedStruct,
  UserUpdatedStruct,
  UserDeletedStruct,
  OtherStruct
).annotations({ identifier: "WebhookEvent" })

/**
 * Any event from the raw body (the JSON text).
 *
 * @since 0.3.0
 * @category schemas
 * @example
 * ```ts
 * import { WebhookEvent } from "@effect-clerk/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknown(WebhookEvent.fromJson)
 * ```
 */
export const fromJson: Schema.Schema<WebhookEvent, string> = Schema.parseJson(WebhookEvent)

/**
 * Whether an event is one of the user events.
 *
 * @since 0.3.0
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
