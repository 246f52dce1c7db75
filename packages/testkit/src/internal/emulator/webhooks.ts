/**
 * The emulator's webhook sender: each event the engine emits is delivered to every endpoint as Svix delivers
 * Clerk's webhooks (the kernel's `Svix`): a message id (`svix-id`) kept on every attempt, each attempt signed
 * with the signing secret at its own time, a 2xx within 15 s is a success, anything else is retried on Svix's
 * schedule (on `Clock`, its delays divided by `timeScale`), `webhook-delivery: abort-message` stops the retries
 * of the message and `webhook-delivery: disable` removes the endpoint. Delivery faults (duplicates, drops,
 * delays) come from the engine's book. Every delivery runs in its own fiber in the layer's scope: it never
 * blocks or fails the operation that emitted the event.
 *
 * @internal
 */
import { User } from "@effect-clerk/core/User"
import * as Svix from "@effect-clerk/kernel/Svix"
import * as UserEvents from "@effect-clerk/kernel/UserEvents"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Array from "effect/Array"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { OptionsError } from "../../UsersTestControl.js"
import * as Deliveries from "../deliveries.js"
import type * as Engine from "../engine.js"
import type * as Events from "../events.js"

/**
 * The emulator's webhook options.
 *
 * @internal
 */
export interface WebhookOptions {
  /** The endpoints that receive every event (URLs); more can be added at run time. */
  readonly endpoints?: ReadonlyArray<string>
  /** The signing secret (`whsec_<base64>`); generated when absent. */
  readonly secret?: string | Redacted.Redacted<string>
  /** The retry schedule's and delivery faults' delays divided by this (`3600`: an hour plays in a second). */
  readonly timeScale?: number
}

/** @internal */
export interface Sender {
  readonly secret: Redacted.Redacted<string>
  /** Starts delivering, in the scope (events emitted before are not delivered). */
  readonly start: Effect.Effect<void, never, Scope.Scope>
}

const USER_AGENT = "Svix-Webhooks/1.0 (@effect-clerk/testkit emulator)"
const encodeUser = Schema.encodeEither(User)

/** An event's wire form (Clerk's JSON), its user encoded with core's `User` schema. @internal */
export const wireOf = (event: UserEvents.UserEvent): UserEvents.WireEvent =>
  UserEvents.toWire(event, (user) => Either.getOrElse(encodeUser(user), () => user))

/** The signing secret given (checked) or a fresh one, from `Random`. */
const secretOf = (given: WebhookOptions["secret"]): Effect.Effect<[string, Svix.Secret], OptionsError> =>
  Effect.gen(function*() {
    const bytes = yield* Effect.forEach(Array.range(1, 24), () => Random.nextIntBetween(0, 256))
    const text = given === undefined
      ? Svix.generateSecret(() => Uint8Array.from(bytes))
      : Redacted.isRedacted(given)
      ? Redacted.value(given)
      : given
    const parsed = Svix.parseSecret(text)
    return parsed._tag === "Ok"
      ? [text, parsed.value] as [string, Svix.Secret]
      : yield* new OptionsError({ option: "webhooks.secret", message: parsed.error })
  })

const checkOptions = (options: WebhookOptions): Effect.Effect<void, OptionsError> => {
  const scale = options.timeScale ?? 1
  if (!Number.isFinite(scale) || scale <= 0) {
    return Effect.fail(new OptionsError({ option: "webhooks.timeScale", message: "must be a positive number" }))
  }
  for (const endpoint of options.endpoints ?? []) {
    const problem = Deliveries.checkEndpoint(endpoint)
    if (problem !== undefined) return Effect.fail(new OptionsError({ option: "webhooks.endpoints", message: problem }))
  }
  return Effect.void
}

interface AttemptResult {
  readonly attempt: { readonly at: number; readonly status?: number; readonly error?: string }
  readonly succeeded: boolean
  readonly control: string | undefined
}

/** One attempt: the message signed at `at`, posted; its status and `webhook-delivery` instruction, or its failure. */
const attempt = (
  client: HttpClient.HttpClient,
  secret: Svix.Secret,
  record: Deliveries.DeliveryRecord,
  body: string,
  at: number
): Effect.Effect<AttemptResult> => {
  const timestamp = Math.floor(at / 1000)
  const names = Svix.headerNames.svix
  const request = HttpClientRequest.post(record.endpoint).pipe(
    HttpClientRequest.setHeaders({
      [names.id]: record.messageId,
      [names.timestamp]: String(timestamp),
      [names.signature]: Svix.sign(secret, record.messageId, timestamp, body),
      "user-agent": USER_AGENT
    }),
    HttpClientRequest.bodyText(body, "application/json")
  )
  // Svix treats a redirect as a failure: never followed
  return Effect.provideService(client.execute(request), FetchHttpClient.RequestInit, { redirect: "manual" }).pipe(
    Effect.tap((response) => Effect.ignore(response.text)),
    Effect.scoped,
    Effect.timeoutFail({
      duration: Duration.millis(Svix.DELIVERY_TIMEOUT_MILLIS),
      onTimeout: () => "timeout"
    }),
    Effect.match({
      onFailure: (error): AttemptResult => ({
        attempt: { at, error: typeof error === "string" ? error : error.message },
        succeeded: false,
        control: undefined
      }),
      onSuccess: (response): AttemptResult => ({
        attempt: { at, status: response.status },
        succeeded: response.status >= 200 && response.status < 300,
        control: response.headers["webhook-delivery"]
      })
    })
  )
}

/**
 * Builds the sender of an engine: the secret checked or generated, the options' endpoints added.
 *
 * @internal
 */
export const make = (engine: Engine.Engine, options: WebhookOptions = {}): Effect.Effect<Sender, OptionsError> =>
  Effect.gen(function*() {
    yield* checkOptions(options)
    const [text, secret] = yield* secretOf(options.secret)
    const book = engine.deliveries
    for (const endpoint of options.endpoints ?? []) Deliveries.addEndpoint(book, endpoint)
    const scale = options.timeScale ?? 1
    const scaled = (millis: number) => Duration.millis(millis / scale)

    /** One message to one endpoint, on Svix's schedule; the first attempt maybe dropped or delayed. */
    const deliver = (
      client: HttpClient.HttpClient,
      record: Deliveries.DeliveryRecord,
      body: string,
      first: { readonly dropped: boolean; readonly delayMillis: number }
    ) =>
      Effect.gen(function*() {
        for (let i = 0; i < Svix.retrySchedule.length; i++) {
          const wait = Svix.retrySchedule[i]! + (i === 0 ? first.delayMillis : 0)
          if (wait > 0) yield* Effect.sleep(scaled(wait))
          // a removed or disabled endpoint gets no more attempts
          if (!book.endpoints.includes(record.endpoint)) {
            record.state = "aborted"
            return
          }
          const at = yield* Clock.currentTimeMillis
          if (i === 0 && first.dropped) {
            record.attempts.push({ at, error: "dropped" })
            continue
          }
          const result = yield* attempt(client, secret, record, body, at)
          record.attempts.push(result.attempt)
          if (result.control === "disable") Deliveries.removeEndpoint(book, record.endpoint)
          if (result.succeeded) {
            record.state = "succeeded"
            return
          }
          if (result.control === "abort-message" || result.control === "disable") {
            record.state = "aborted"
            return
          }
        }
        record.state = "failed"
      })

    /** An event: one message (one id, one body) to every endpoint, with the faults its type takes. */
    const dispatch = (client: HttpClient.HttpClient, scope: Scope.Scope, { endpoints, event }: Events.Published) =>
      Effect.gen(function*() {
        const messageId = engine.state.ids.next("msg")
        const body = JSON.stringify(wireOf(event))
        const faults = Deliveries.takeFaults(book, event.type, engine.random)
        let copies = 1
        let dropped = false
        let delayMillis = 0
        for (const fault of faults) {
          if (fault._tag === "Duplicate") copies += fault.copies
          else if (fault._tag === "Drop") dropped = true
          else delayMillis += Duration.toMillis(fault.duration)
        }
        for (const endpoint of endpoints) {
          for (let copy = 0; copy < copies; copy++) {
            const record: Deliveries.DeliveryRecord = {
              messageId,
              endpoint,
              eventType: event.type,
              state: "pending",
              attempts: []
            }
            book.log.push(record)
            const first = copy === 0 ? { dropped, delayMillis } : { dropped: false, delayMillis: 0 }
            yield* Effect.forkIn(deliver(client, record, body, first), scope)
          }
        }
      })

    const start = Effect.gen(function*() {
      const scope = yield* Effect.scope
      const client = yield* Effect.provide(HttpClient.HttpClient, FetchHttpClient.layer)
      const events = yield* engine.events.subscribe
      yield* Effect.forkScoped(Stream.runForEach(events, (event) => dispatch(client, scope, event)))
    })

    return { secret: Redacted.make(text), start }
  })

/** What the `ClerkEmulator` service says of webhooks, and its endpoints' management. */
export const serviceOf = (engine: Engine.Engine, sender: Sender) => ({
  webhookSecret: sender.secret,
  addWebhookEndpoint: (url: string) =>
    Effect.suspend(() => {
      const problem = Deliveries.addEndpoint(engine.deliveries, url)
      return problem === undefined
        ? Effect.void
        : Effect.fail(new OptionsError({ option: "webhooks.endpoints", message: problem }))
    }),
  removeWebhookEndpoint: (url: string) => Effect.sync(() => Deliveries.removeEndpoint(engine.deliveries, url))
})
