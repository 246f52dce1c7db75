/**
 * One worker process of the fleet test (`../fleet.test.ts`): its share of one job of metadata updates, through
 * `Users.layer` with the fleet's secret key and scaled budget, its budget kept in Redis (`store: "redis"`) or in
 * its own memory (`store: "memory"`). Every attempt is counted on the `HttpClient` (its send time and its
 * status). It prints `ready` once its layer is built, starts when a line arrives on its stdin (so that the
 * workers start together), and prints one `result: {json}` line at the end.
 *
 * Run as `node --conditions=source --import tsx worker.ts '<json of Job>'`.
 */
import { ClerkConfig, InstanceBudget, RetryPolicy, Users } from "@effect-clerk/core"
import * as InstanceBudgetRedis from "@effect-clerk/core/InstanceBudgetRedis"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createInterface } from "node:readline"

/** What the test gives a worker (its argument, as JSON). */
export interface Job {
  readonly apiUrl: string
  readonly secretKey: string
  /** The client's instance budget. */
  readonly budget: { readonly requests: number; readonly windowMillis: number }
  readonly store: "redis" | "memory"
  readonly redisPort: number
  /** This worker's updates: user id and the metadata key it sets. */
  readonly updates: ReadonlyArray<{ readonly userId: string; readonly key: string }>
  readonly fibers: number
}

/** What a worker prints. */
export interface Result {
  readonly calls: number
  readonly ok: number
  readonly failed: number
  readonly failures: ReadonlyArray<string>
  /** Every attempt's send time (epoch ms). */
  readonly sent: ReadonlyArray<number>
  readonly status429: number
  readonly start: number
  readonly end: number
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job

const sent: Array<number> = []
let status429 = 0

/** The platform's client, every attempt counted. */
const CountingHttpClient = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) =>
    client.pipe(
      HttpClient.tapRequest(() => Effect.sync(() => void sent.push(Date.now()))),
      HttpClient.tap((response) => Effect.sync(() => void (response.status === 429 && status429++)))
    ))
).pipe(Layer.provide(NodeHttpClient.layerUndici))

const store = job.store === "redis"
  // a slow command (a loaded machine running the whole suite) waits rather than falling back to the local share,
  // which would pace on top of the shared budget: the fallback has its own test (instanceBudgetRedis.fault)
  ? InstanceBudgetRedis.layerStore({ redis: { host: "127.0.0.1", port: job.redisPort }, timeout: "2 seconds" })
  : InstanceBudget.layerStoreMemory

const UsersLive = Users.layer.pipe(
  Layer.provide(store),
  Layer.provide(ClerkConfig.layer({
    secretKey: job.secretKey,
    apiUrl: job.apiUrl,
    retry: RetryPolicy.make({ retries: 10, maxElapsed: Duration.minutes(2) }),
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
  process.stdout.write("ready\n")
  yield* go
  const start = Date.now()
  const outcomes = yield* Effect.forEach(
    job.updates,
    ({ key, userId }) =>
      Effect.match(users.updateMetadata(userId, { privateMetadata: { [key]: true } }), {
        onFailure: (error) => error._tag,
        onSuccess: () => "ok"
      }),
    { concurrency: job.fibers }
  )
  const end = Date.now()
  const failures = outcomes.filter((outcome) => outcome !== "ok")
  const result: Result = {
    calls: outcomes.length,
    ok: outcomes.length - failures.length,
    failed: failures.length,
    failures: [...new Set(failures)],
    sent,
    status429,
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
