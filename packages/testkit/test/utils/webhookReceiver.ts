/**
 * A webhook endpoint on a loopback port for tests: it records every delivery (raw body, headers) in a queue and
 * answers what `answer` says for the n-th delivery (default 204; `undefined`: never).
 */
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"

export interface Delivery {
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

export interface Answer {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
}

export interface Receiver {
  readonly url: string
  readonly deliveries: Queue.Queue<Delivery>
  /** Every delivery received so far. */
  readonly received: Array<Delivery>
}

export const receiver = (
  answer: (n: number, delivery: Delivery) => Answer | undefined = () => ({ status: 204 })
): Effect.Effect<Receiver, never, Scope.Scope> =>
  Effect.gen(function*() {
    const deliveries = yield* Queue.unbounded<Delivery>()
    const received: Array<Delivery> = []
    const server = createServer((request, response) => {
      const chunks: Array<Buffer> = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === "string") headers[name] = value
        }
        const delivery = { body: Buffer.concat(chunks).toString("utf8"), headers }
        received.push(delivery)
        // `undefined`: no answer at all (the sender's timeout ends the attempt)
        const answered = answer(received.length, delivery)
        if (answered !== undefined) response.writeHead(answered.status, answered.headers).end()
        Effect.runFork(Queue.offer(deliveries, delivery))
      })
    })
    const port = yield* Effect.acquireRelease(
      Effect.async<number>((resume) => {
        server.listen(0, "127.0.0.1", () => {
          const address = server.address()
          resume(Effect.succeed(typeof address === "object" && address !== null ? address.port : 0))
        })
      }),
      () =>
        Effect.async<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    return { url: `http://127.0.0.1:${port}/webhooks`, deliveries, received }
  })
