/**
 * A real `redis-server` for tests (issue 23): Debian's binary started on a free loopback port with no
 * persistence, stopped and started again on the same port by fault tests. It imports nothing but `effect` and
 * Node, so core's tests and the test kit's (by a relative path) share it without a dependency cycle.
 *
 * `command` speaks RESP over a fresh socket: enough for `PING`, `PTTL`, `DEBUG SLEEP`, `CLIENT PAUSE`, with no
 * Redis client library.
 */
import * as Clock from "effect/Clock"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import { type ChildProcess, spawn } from "node:child_process"
import * as net from "node:net"
import * as os from "node:os"

/** `redis-server` is not on the `PATH`: the fleet tests fail with this message, never skip. */
export class RedisServerMissing extends Data.TaggedError("RedisServerMissing")<{ readonly message: string }> {}

/** The server did not start, did not answer, or a command failed. */
export class RedisServerError extends Data.TaggedError("RedisServerError")<{ readonly message: string }> {}

/** A RESP reply. */
export type Reply = string | number | null | RedisReplyError | ReadonlyArray<Reply>

/** An error reply (`-ERR ...`): a value, not a failure, so tests can look at it. */
export class RedisReplyError extends Data.TaggedClass("RedisReplyError")<{ readonly message: string }> {}

/** A running (or stopped) server on a fixed loopback port. */
export interface RedisServer {
  readonly port: number
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  /** Sends one command on a new connection and reads its reply. */
  readonly command: (...args: ReadonlyArray<string | number>) => Effect.Effect<Reply, RedisServerError>
  /** Kills the process (as a crash would) and waits for its exit; a no-op when stopped. */
  readonly stop: Effect.Effect<void>
  /** Starts it again on the same port (empty: nothing is persisted) and waits until it answers `PING`. */
  readonly start: Effect.Effect<void, RedisServerError | RedisServerMissing>
  /** Whether the process is running. */
  readonly running: Effect.Effect<boolean>
}

/** Options of {@link make}. */
export interface Options {
  /** The binary; `redis-server` on the `PATH` by default. */
  readonly binary?: string
}

const missingMessage = (binary: string) =>
  `${binary} was not found on the PATH. The fleet tests need Debian's redis-server on a loopback port: ` +
  `install it with \`apt-get update && apt-get install -y redis-server\` (.ci/run does it when missing).`

/** A free loopback port: the one the system gives to a listener on port 0, released again. */
export const freePort: Effect.Effect<number, RedisServerError> = Effect.async((resume) => {
  const server = net.createServer()
  server.once("error", (error) => resume(Effect.fail(new RedisServerError({ message: String(error) }))))
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

const encode = (args: ReadonlyArray<string | number>): string =>
  `*${args.length}\r\n` + args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${String(arg)}\r\n`).join("")

/** Parses one reply at `offset`: the reply and the offset after it, or `undefined` while incomplete. */
const parse = (buffer: Buffer, offset: number): readonly [Reply, number] | undefined => {
  const end = buffer.indexOf("\r\n", offset)
  if (end < 0) return undefined
  const line = buffer.toString("utf8", offset + 1, end)
  const next = end + 2
  switch (buffer[offset]) {
    case 0x2b: // +
      return [line, next]
    case 0x2d: // -
      return [new RedisReplyError({ message: line }), next]
    case 0x3a: // :
      return [Number(line), next]
    case 0x24: { // $
      const length = Number(line)
      if (length < 0) return [null, next]
      if (buffer.length < next + length + 2) return undefined
      return [buffer.toString("utf8", next, next + length), next + length + 2]
    }
    case 0x2a: { // *
      const count = Number(line)
      if (count < 0) return [null, next]
      const items: Array<Reply> = []
      let at = next
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at)
        if (item === undefined) return undefined
        items.push(item[0])
        at = item[1]
      }
      return [items, at]
    }
    default:
      return [new RedisReplyError({ message: `unknown reply type: ${line}` }), buffer.length]
  }
}

/** Sends one command to `127.0.0.1:port` on a new connection. */
export const command = (
  port: number,
  ...args: ReadonlyArray<string | number>
): Effect.Effect<Reply, RedisServerError> =>
  Effect.async<Reply, RedisServerError>((resume) => {
    let received = Buffer.alloc(0)
    let done = false
    const socket = net.connect({ port, host: "127.0.0.1" })
    const finish = (effect: Effect.Effect<Reply, RedisServerError>) => {
      if (done) return
      done = true
      socket.destroy()
      resume(effect)
    }
    socket.once("connect", () => socket.write(encode(args)))
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const reply = parse(received, 0)
      if (reply !== undefined) finish(Effect.succeed(reply[0]))
    })
    socket.once("error", (error) => finish(Effect.fail(new RedisServerError({ message: String(error) }))))
    socket.once("close", () => finish(Effect.fail(new RedisServerError({ message: "connection closed" }))))
    return Effect.sync(() => socket.destroy())
  })

const spawnServer = (binary: string, port: number): Effect.Effect<ChildProcess, RedisServerMissing> =>
  Effect.async<ChildProcess, RedisServerMissing>((resume) => {
    const child = spawn(binary, [
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
      "--enable-debug-command",
      "local",
      "--loglevel",
      "warning"
    ], { stdio: "ignore" })
    child.once("error", (error: NodeJS.ErrnoException) =>
      resume(
        error.code === "ENOENT"
          ? Effect.fail(new RedisServerMissing({ message: missingMessage(binary) }))
          : Effect.die(error)
      ))
    child.once("spawn", () => resume(Effect.succeed(child)))
  })

const exited = (child: ChildProcess): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
    child.once("exit", () => resume(Effect.void))
    child.kill("SIGKILL")
  })

const awaitPing = (port: number, child: ChildProcess): Effect.Effect<void, RedisServerError> =>
  Effect.suspend(() =>
    child.exitCode !== null
      ? Effect.fail(new RedisServerError({ message: `redis-server exited with code ${child.exitCode}` }))
      : command(port, "PING").pipe(
        Effect.filterOrFail(
          (reply) => reply === "PONG",
          (reply) => new RedisServerError({ message: `PING answered ${String(reply)}` })
        )
      )
  ).pipe(
    Effect.retry({ schedule: Schedule.spaced(Duration.millis(20)), times: 250 }),
    Effect.asVoid,
    // the wall clock, also in tests that run on the `TestClock`
    Effect.withClock(Clock.make())
  )

/**
 * Starts `redis-server` on a free loopback port, waits until it answers `PING`; the scope's end kills it.
 */
export const make = (options: Options = {}): Effect.Effect<
  RedisServer,
  RedisServerError | RedisServerMissing,
  Scope.Scope
> =>
  Effect.gen(function*() {
    const binary = options.binary ?? "redis-server"
    const port = yield* freePort
    const process = yield* Ref.make<ChildProcess | undefined>(undefined)
    const stop = Ref.getAndSet(process, undefined).pipe(
      Effect.flatMap((child) => child === undefined ? Effect.void : exited(child))
    )
    const start = Effect.gen(function*() {
      if ((yield* Ref.get(process)) !== undefined) return
      const child = yield* spawnServer(binary, port)
      yield* Ref.set(process, child)
      yield* Effect.tapError(awaitPing(port, child), () => stop)
    })
    yield* Effect.addFinalizer(() => stop)
    yield* start
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      command: (...args) => command(port, ...args),
      stop,
      start,
      running: Effect.map(Ref.get(process), (child) => child !== undefined && child.exitCode === null)
    }
  })
