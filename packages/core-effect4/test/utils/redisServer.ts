/**
 * A real `redis-server` for the Effect 4 line's tests: Debian's binary on a free loopback port with no persistence,
 * stopped (killed, as a crash would) and started again on the same port by the fault tests; scoped (killed when
 * the scope closes). Ready when a TCP connection to it answers `PING` with `+PONG`.
 */
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import { type ChildProcess, spawn } from "node:child_process"
import * as net from "node:net"
import * as os from "node:os"

/** A running (or stopped) server on a fixed loopback port. */
export interface RedisServer {
  readonly port: number
  readonly stop: Effect.Effect<void>
  readonly start: Effect.Effect<void, Error>
}

const freePort: Effect.Effect<number, Error> = Effect.callback((resume) => {
  const server = net.createServer()
  server.once("error", (error) => resume(Effect.fail(error)))
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

const ping = (port: number): Effect.Effect<void, Error> =>
  Effect.callback((resume) => {
    const socket = net.connect(port, "127.0.0.1")
    const done = (result: Effect.Effect<void, Error>) => {
      socket.destroy()
      resume(result)
    }
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (data) =>
      done(data.toString().startsWith("+PONG") ? Effect.void : Effect.fail(new Error(data.toString()))))
    socket.once("error", (error) =>
      done(Effect.fail(error)))
  })

const spawnServer = (port: number): Effect.Effect<ChildProcess, Error> =>
  Effect.callback((resume) => {
    const child = spawn("redis-server", [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      os.tmpdir(),
      "--loglevel",
      "warning"
    ], { stdio: "ignore" })
    child.once("error", (error) => resume(Effect.fail(new Error(`redis-server could not start: ${error.message}`))))
    child.once("spawn", () => resume(Effect.succeed(child)))
  })

const kill = (child: ChildProcess): Effect.Effect<void> =>
  Effect.callback((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
    child.once("exit", () => resume(Effect.void))
    child.kill("SIGKILL")
  })

/** Starts a server on a free port, answering `PING`; killed when the scope closes. */
export const make = (): Effect.Effect<RedisServer, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const port = yield* freePort
    const current = yield* Ref.make<ChildProcess | undefined>(undefined)
    const stop = Effect.flatMap(Ref.getAndSet(current, undefined), (child) => child ? kill(child) : Effect.void)
    const start = Effect.gen(function*() {
      yield* Ref.set(current, yield* spawnServer(port))
      yield* Effect.retry(ping(port), { schedule: Schedule.spaced("50 millis"), times: 100 })
    })
    yield* Effect.acquireRelease(start, () => stop)
    return { port, stop, start }
  })
