/**
 * One worker process of the fleet benchmark (`fleet.ts`): its share of one job of metadata updates, `fibers` at a
 * time, through `Users.layer` with the fleet's secret key and budget, the budget kept in Redis
 * (`InstanceBudgetRedis`, or the fixed window of `fleetFixedWindowStore.ts`) or in its own memory. Every attempt is counted on the `HttpClient` (its send time, and
 * whether it was a 429). It prints `ready` once its layer is built and warmed up (10 reads, not counted), starts
 * when a line arrives on its stdin (the workers start together), and prints one `result: {json}` line at the end.
 */
import { ClerkConfig, InstanceBudget, RetryPolicy, Users } from "@effect-clerk/core"
import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createInterface } from "node:readline"
import * as FleetFixedWindowStore from "./fleetFixedWindowStore.js"

/** What the orchestrator gives a worker (its argument, as JSON). */
export interface FleetJob {
  readonly apiUrl: string
  readonly secretKey: string
  /** The client's instance budget. */
  readonly budget: { readonly requests: number; readonly windowMillis: number }
  readonly store: "redis" | "fixed" | "memory"
  readonly redisPort: number
  /** This worker's updates: the user and the private metadata key it sets. */
  readonly updates: ReadonlyArray<{ readonly userId: string; readonly key: string }>
  readonly fibers: number
}

/** What a worker prints. */
export interface FleetWorkerResult {
  readonly calls: number
  readonly ok: number
  readonly failed: number
  /** Every attempt's send time (epoch ms). */
  readonly sent: ReadonlyArray<number>
  /** The send times of the attempts answered 429. */
  readonly refused: ReadonlyArray<number>
  readonly start: number
  readonly end: number
}

const job = JSON.parse(process.argv[2] ?? "{}") as FleetJob
const WARM_UP = 10

const sent: Array<number> = []
const refused: Array<number> = []
const sentAt = new WeakMap<object, number>()

/** The platform's client, every attempt counted. */
const CountingHttpClient = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) =>
    client.pipe(
      HttpClient.tapRequest((request) =>
        Effect.sync(() => {
          const at = Date.now()
          sent.push(at)
          sentAt.set(request, at)
        })
      ),
      HttpClient.tap((response) =>
        Effect.sync(() => void (response.status === 429 && refused.push(sentAt.get(response.request) ?? Date.now())))
      )
    ))
).pipe(Layer.provide(NodeHttpClient.layerUndici))

const UsersLive = Users.layer.pipe(
  Layer.provide(
    job.store === "redis"
      ? InstanceBudgetRedis.layerStore({ redis: { host: "127.0.0.1", port: job.redisPort } })
      : job.store === "fixed"
      ? FleetFixedWindowStore.layer({ host: "127.0.0.1", port: job.redisPort })
      : InstanceBudget.layerStoreMemory
  ),
  Layer.provide(ClerkConfig.layer({
    secretKey: job.secretKey,
    apiUrl: job.apiUrl,
    retry: RetryPolicy.make({ retries: 20, maxElapsed: Duration.minutes(5) }),
    instanceBudget: { requests: job.budget.requests, window: Duration.millis(job.budget.windowMillis) },
    perUserWriteLimit: false
  })),
  Layer.provide(CountingHttpClient)
)

const go = Effect.async<void>((resume) => {
  const lines = createInterface({ input: process.stdin })
  lines.once("line", () => {
    lines.close()
    resume(Effect.void)
  })
})

const program = Effect.gen(function*() {
  const users = yield* Users
  // warm-up (this process's code and the emulator's), not counted: a few reads, under the same budget
  yield* Effect.forEach(job.updates.slice(0, WARM_UP), ({ userId }) => Effect.ignore(users.get(userId)), {
    discard: true
  })
  sent.length = 0
  refused.length = 0
  process.stdout.write("ready\n")
  yield* go
  const start = Date.now()
  const outcomes = yield* Effect.forEach(
    job.updates,
    ({ key, userId }) =>
      Effect.match(users.updateMetadata(userId, { privateMetadata: { [key]: true } }), {
        onFailure: () => false,
        onSuccess: () => true
      }),
    { concurrency: job.fibers }
  )
  const end = Date.now()
  const ok = outcomes.filter(Boolean).length
  const result: FleetWorkerResult = {
    calls: outcomes.length,
    ok,
    failed: outcomes.length - ok,
    sent,
    refused,
    start,
    end
  }
  process.stdout.write(`result: ${JSON.stringify(result)}\n`)
})

Effect.runPromise(Effect.scoped(Effect.provide(program, UsersLive))).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${String(error)}\n`)
    process.exit(1)
  }
)
