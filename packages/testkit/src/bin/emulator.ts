#!/usr/bin/env node
/**
 * `pnpm emulator [--port 4010] [--host 127.0.0.1] [--seed users.json] [--key sk_test_…]… [--admin]`
 *
 * Serves the Clerk emulator on a loopback port until SIGINT or SIGTERM. `--seed` reads a JSON array of user
 * seeds (camelCase, as `UsersTestControl.seedUser` takes them).
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import * as ClerkEmulator from "../ClerkEmulator.js"
import type { UserSeed } from "../UsersTestControl.js"

class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

const usage = `usage: pnpm emulator [--port 4010] [--host 127.0.0.1] [--seed users.json] [--key sk_test_…]… [--admin]`

interface Arguments {
  readonly port: number
  readonly host: string
  readonly seed: string | undefined
  readonly keys: ReadonlyArray<string>
  readonly admin: boolean
}

const parse = (argv: ReadonlyArray<string>): Effect.Effect<Arguments, UsageError> =>
  Effect.suspend(() => {
    let port = Number(process.env["CLERK_EMULATOR_PORT"] ?? 4010)
    let host = "127.0.0.1"
    let seed: string | undefined
    const keys: Array<string> = []
    let admin = false
    const args = argv.filter((a) => a !== "--")
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!
      const value = () => {
        const next = args[++i]
        if (next === undefined) throw new UsageError({ message: `${arg} needs a value` })
        return next
      }
      try {
        if (arg === "--port") port = Number(value())
        else if (arg === "--host") host = value()
        else if (arg === "--seed") seed = value()
        else if (arg === "--key") keys.push(value())
        else if (arg === "--admin") admin = true
        else if (arg === "--help" || arg === "-h") return Effect.fail(new UsageError({ message: usage }))
        else return Effect.fail(new UsageError({ message: `unknown argument ${arg}\n${usage}` }))
      } catch (error) {
        return Effect.fail(error instanceof UsageError ? error : new UsageError({ message: String(error) }))
      }
    }
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return Effect.fail(new UsageError({ message: `--port must be 0..65535\n${usage}` }))
    }
    return Effect.succeed({ port, host, seed, keys, admin })
  })

const readSeed = (file: string) =>
  Effect.try({
    try: () => {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"))
      if (!Array.isArray(parsed)) throw new Error("expected a JSON array of users")
      return parsed as ReadonlyArray<UserSeed>
    },
    catch: (error) =>
      new UsageError({ message: `cannot read --seed ${file}: ${error instanceof Error ? error.message : error}` })
  })

const program = Effect.gen(function*() {
  const args = yield* parse(process.argv.slice(2))
  const users = args.seed === undefined ? [] : yield* readSeed(args.seed)
  const emulator = yield* ClerkEmulator.serve({
    port: args.port,
    host: args.host,
    users,
    admin: args.admin,
    ...(args.keys.length > 0 ? { secretKeys: args.keys } : {})
  })
  yield* Console.log(`Clerk emulator listening on ${emulator.apiUrl}`)
  yield* Console.log(`  CLERK_API_URL=${emulator.apiUrl} CLERK_SECRET_KEY=${emulator.secretKey}`)
  if (users.length > 0) yield* Console.log(`  seeded ${users.length} user(s) from ${args.seed}`)
  if (args.admin) yield* Console.log(`  admin API on ${emulator.apiUrl.replace(/\/v1$/, ClerkEmulator.ADMIN_PREFIX)}`)
  return yield* Effect.never
}).pipe(
  Effect.scoped,
  Effect.onInterrupt(() => Console.log("Clerk emulator stopped")),
  Effect.catchAll((error) =>
    Effect.zipRight(
      Console.error(error.message),
      Effect.sync(() => {
        process.exitCode = 2
      })
    )
  )
)

NodeRuntime.runMain(program, { disableErrorReporting: true })
