/**
 * The emulator's admin API (mounted under `/__emulator` when enabled): seeding, fault rules, reset and snapshot,
 * webhooks (endpoints, emitted events, delivery log, `trigger`, delivery faults), every body decoded with its
 * Schema (a 400 naming the field otherwise).
 *
 * @internal
 */
import { UsersProtocol } from "@effect-clerk/core"
import { BillingSubscription } from "@effect-clerk/core/BillingSubscription"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Fault from "../../Fault.js"
import {
  CreditSeed,
  ExternalAccountSeed,
  InvitationSeed,
  MembershipSeed,
  OAuthTokenSeed,
  OrganizationSeed,
  PasskeySeed,
  TrustedDeviceSeed,
  UserSeed
} from "../../Seeds.js"
import type { SeedError } from "../../UsersTestControl.js"
import * as Body from "../body.js"
import * as Deliveries from "../deliveries.js"
import type * as Engine from "../engine.js"
import { jsonResponse, refusalResponse } from "./responses.js"
import { wireOf } from "./webhooks.js"

/** An operation of the core's table, by its method name (`"create"`, `"list"`...). */
const OperationName = Schema.String.pipe(
  Schema.filter((name) => Object.hasOwn(UsersProtocol.operations, name), {
    message: (issue) => `an operation of the table (such as "create" or "list"), got ${JSON.stringify(issue.actual)}`
  })
)

/**
 * A fault rule as the admin API accepts it: an error status Clerk could answer (400..599; 429 is a rate limit
 * with its `Retry-After`), finite delays within a day (`retryAfterSeconds`) and ten minutes (`latencyMs`), a
 * whole number of uses, a probability, known operations. Anything else is a 400 naming the field.
 */
const AdminFault = Schema.Struct({
  operations: Schema.optional(Schema.Array(OperationName)),
  status: Schema.optional(Schema.Int.pipe(Schema.between(400, 599))),
  code: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  message: Schema.optional(Schema.String.pipe(Schema.maxLength(2_000))),
  retryAfterSeconds: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 86_400))),
  latencyMs: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 600_000))),
  disconnect: Schema.optional(Schema.Boolean),
  times: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000_000))),
  probability: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 1))),
  when: Schema.optional(Schema.Literal("before", "after"))
})

/**
 * The body of `POST /__emulator/faults`.
 *
 * @internal
 */
export type AdminFault = typeof AdminFault.Type

const faultOf = (body: AdminFault): Fault.Fault =>
  body.disconnect === true
    ? Fault.disconnect
    : body.latencyMs !== undefined
    ? Fault.latency(Duration.millis(body.latencyMs))
    : body.status === undefined || body.status === 429
    ? Fault.rateLimited(body.retryAfterSeconds === undefined ? undefined : Duration.seconds(body.retryAfterSeconds))
    : Fault.status(body.status, {
      ...(body.code === undefined ? {} : { code: body.code }),
      ...(body.message === undefined ? {} : { message: body.message }),
      ...(body.retryAfterSeconds === undefined ? {} : { retryAfter: Duration.seconds(body.retryAfterSeconds) })
    })

const UserSeeds = Schema.Union(Schema.Array(UserSeed), UserSeed)

/** Decodes an admin request body with its schema: a 400 naming the entry and field otherwise. */
const adminBody = <A, I>(
  schema: Schema.Schema<A, I>,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<Either.Either<A, Refusal.Refusal>> =>
  Effect.map(Body.readJson(request, Body.ADMIN_BODY_LIMIT), (json) =>
    Either.flatMap(json, (value) =>
      Either.mapLeft(
        Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })(value ?? {}),
        (error) => {
          const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
          const at = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `
          return Refusal.bodyInvalid(`${at}${issue?.message ?? "invalid"}`)
        }
      )))

const ForUser = Schema.Struct({ userId: Schema.String })

const Endpoint = Schema.Struct({ url: Schema.String.pipe(Schema.maxLength(2_000)) })

/** `POST /webhooks/trigger`: an event type and the fields laid over the sample (camelCase, as `trigger`). */
const Trigger = Schema.Struct({
  type: Schema.Literal(...UserEvents.userEventTypes),
  data: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

/** `POST /webhooks/faults`: a delivery fault rule (one of `duplicate`, `drop`, `delayMs`). */
const DeliveryFaultBody = Schema.Struct({
  events: Schema.optional(Schema.Array(Schema.String.pipe(Schema.maxLength(200)))),
  duplicate: Schema.optional(Schema.Int.pipe(Schema.between(1, 100))),
  drop: Schema.optional(Schema.Boolean),
  delayMs: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 86_400_000))),
  times: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000_000))),
  probability: Schema.optional(Schema.Number.pipe(Schema.finite(), Schema.between(0, 1)))
})

const deliveryFaultOf = (body: typeof DeliveryFaultBody.Type): Fault.DeliveryFault =>
  body.duplicate !== undefined
    ? Fault.duplicate(body.duplicate)
    : body.delayMs !== undefined
    ? Fault.delay(Duration.millis(body.delayMs))
    : Fault.drop

/** The admin API's webhook routes: endpoints, the emitted events, the delivery log, `trigger`, delivery faults. */
const webhookRoutes = (engine: Engine.Engine, ok: (value: unknown) => HttpServerResponse.HttpServerResponse) => {
  const control = engine.control
  const withBody = <A, I>(
    schema: Schema.Schema<A, I>,
    f: (body: A) => Effect.Effect<HttpServerResponse.HttpServerResponse>
  ) =>
    Effect.gen(function*() {
      const body = yield* adminBody(schema, yield* HttpServerRequest.HttpServerRequest)
      return Either.isLeft(body) ? refusalResponse(body.left, engine.traceId()) : yield* f(body.right)
    })
  return (router: HttpRouter.HttpRouter) =>
    router.pipe(
      HttpRouter.get("/webhooks/endpoints", Effect.sync(() => ok(engine.deliveries.endpoints))),
      HttpRouter.post(
        "/webhooks/endpoints",
        withBody(Endpoint, ({ url }) =>
          Effect.sync(() => {
            const problem = Deliveries.addEndpoint(engine.deliveries, url)
            return problem === undefined
              ? ok(engine.deliveries.endpoints)
              : refusalResponse(Refusal.bodyInvalid(`url: ${problem}`), engine.traceId())
          }))
      ),
      HttpRouter.del(
        "/webhooks/endpoints",
        withBody(Endpoint, ({ url }) =>
          Effect.sync(() => {
            Deliveries.removeEndpoint(engine.deliveries, url)
            return ok(engine.deliveries.endpoints)
          }))
      ),
      HttpRouter.get("/webhooks/deliveries", Effect.map(control.webhookDeliveries, ok)),
      HttpRouter.get("/events", Effect.map(control.emitted, (events) => ok(events.map(wireOf)))),
      HttpRouter.post(
        "/webhooks/trigger",
        withBody(
          Trigger,
          ({ data, type }) => Effect.map(control.trigger(type, data ?? {}), (event) => ok(wireOf(event)))
        )
      ),
      HttpRouter.post(
        "/webhooks/faults",
        withBody(DeliveryFaultBody, (rule) =>
          Effect.as(
            control.injectDeliveryFault({
              fault: deliveryFaultOf(rule),
              ...(rule.events === undefined ? {} : { events: rule.events }),
              ...(rule.times === undefined ? {} : { times: rule.times }),
              ...(rule.probability === undefined ? {} : { probability: rule.probability })
            }),
            ok({ ok: true })
          ))
      )
    )
}

/**
 * The admin API's routes over an engine.
 *
 * @internal
 */
export const adminRoutes = (engine: Engine.Engine): HttpRouter.HttpRouter => {
  const ok = (value: unknown) => jsonResponse(JSON.stringify(value))
  const control = engine.control
  /** A seeding route: the body decoded with the seed's Schema, the control's answer as JSON. */
  const seedRoute = <A, I>(
    path: `/${string}`,
    schema: Schema.Schema<A, I>,
    seed: (body: A) => Effect.Effect<unknown, SeedError>
  ) =>
    HttpRouter.post(
      path,
      Effect.gen(function*() {
        const body = yield* adminBody(schema, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return refusalResponse(body.left, engine.traceId())
        const seeded = yield* Effect.either(seed(body.right))
        return Either.isLeft(seeded)
          ? refusalResponse(Refusal.bodyInvalid(`${seeded.left.code}: ${seeded.left.message}`), engine.traceId())
          : ok(seeded.right ?? { ok: true })
      })
    )
  return HttpRouter.empty.pipe(
    webhookRoutes(engine, ok),
    seedRoute("/organizations", OrganizationSeed, control.seedOrganization),
    seedRoute("/memberships", MembershipSeed, control.seedMembership),
    seedRoute("/invitations", InvitationSeed, control.seedInvitation),
    seedRoute("/oauth_tokens", OAuthTokenSeed, control.seedOAuthToken),
    seedRoute(
      "/billing_subscriptions",
      Schema.Struct({ userId: Schema.String, subscription: Schema.typeSchema(BillingSubscription) }),
      ({ subscription, userId }) => control.seedBillingSubscription(userId, subscription)
    ),
    seedRoute(
      "/credits",
      Schema.extend(ForUser, CreditSeed),
      ({ userId, ...credits }) => control.seedCredits(userId, credits)
    ),
    seedRoute(
      "/trusted_devices",
      Schema.extend(ForUser, TrustedDeviceSeed),
      ({ userId, ...device }) => control.seedTrustedDevice(userId, device)
    ),
    seedRoute(
      "/passkeys",
      Schema.extend(ForUser, PasskeySeed),
      ({ userId, ...passkey }) => control.seedPasskey(userId, passkey)
    ),
    seedRoute(
      "/external_accounts",
      Schema.extend(ForUser, ExternalAccountSeed),
      ({ userId, ...account }) => control.seedExternalAccount(userId, account)
    ),
    HttpRouter.post(
      "/faults",
      Effect.gen(function*() {
        const body = yield* adminBody(AdminFault, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return refusalResponse(body.left, engine.traceId())
        const rule = body.right
        yield* control.injectFault({
          fault: faultOf(rule),
          ...(rule.operations === undefined ? {} : { operations: rule.operations }),
          ...(rule.times === undefined ? {} : { times: rule.times }),
          ...(rule.probability === undefined ? {} : { probability: rule.probability }),
          ...(rule.when === undefined ? {} : { when: rule.when })
        })
        return ok({ ok: true })
      })
    ),
    HttpRouter.del("/faults", Effect.as(control.clearFaults, ok({ ok: true }))),
    HttpRouter.post("/reset", Effect.as(control.reset, ok({ ok: true }))),
    HttpRouter.get("/snapshot", Effect.map(control.snapshot, ok)),
    HttpRouter.post(
      "/users",
      Effect.gen(function*() {
        const body = yield* adminBody(UserSeeds, yield* HttpServerRequest.HttpServerRequest)
        if (Either.isLeft(body)) return refusalResponse(body.left, engine.traceId())
        const seeds = Array.isArray(body.right) ? body.right : [body.right as UserSeed]
        const seeded = yield* Effect.either(control.seedUsers(seeds))
        return Either.isLeft(seeded)
          ? refusalResponse(Refusal.bodyInvalid(seeded.left.message), engine.traceId())
          : ok(seeded.right.map((u) => u.id))
      })
    )
  )
}
