#!/usr/bin/env node
/**
 * `effect-clerk-emulator` (in this repository: `pnpm emulator`): serves the Clerk emulator over HTTP until
 * Ctrl-C or SIGTERM. Every flag can also come from an environment variable; `--help` describes them.
 *
 * This module loads `@effect/platform-node` only when the server starts (it is an optional peer dependency of
 * the testkit), and says how to install it when it is missing.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import * as path from "node:path"
import { parseArgs } from "node:util"
import type { UserSeed } from "../Seeds.js"

/** Bad arguments or environment variables: exit code 2. */
class UsageError extends Schema.TaggedError<UsageError>()("UsageError", { message: Schema.String }) {}

/** The emulator cannot start (seed file, port, missing peer dependency): exit code 1. */
class StartError extends Schema.TaggedError<StartError>()("StartError", { message: Schema.String }) {}

const name = "effect-clerk-emulator"

const help = `${name}: Clerk's Backend API Users endpoints, in memory, over HTTP (for tests and local development)

usage: ${name} [--port 4010] [--host 127.0.0.1] [--seed users.json] [--key sk_test_…]… [--admin]
       [--api-version 2026-05-12] [--rate-limits development|production|<json>]
       [--webhook <url>]… [--webhook-secret whsec_…] [--webhook-time-scale 3600]
       (in this repository: pnpm emulator [options])

Every option can also be set by the environment variable shown (empty counts as unset); a flag wins.
  -p, --port <port>  port to listen on; 0 picks a free one                 CLERK_EMULATOR_PORT   (default 4010)
      --host <host>  address to listen on; 0.0.0.0 inside a container      CLERK_EMULATOR_HOST   (default 127.0.0.1)
      --seed <file>  a JSON array of users to start with, camelCase as     CLERK_EMULATOR_SEED
                     UsersTestControl.seedUser takes them; a relative path
                     is read from the current directory
      --key <key>    a secret key clients must send (Authorization: Bearer CLERK_EMULATOR_KEYS   (comma-separated;
                     <key>); repeat for several; an empty key is refused                         default sk_test_emulator)
      --admin        serve the admin API under /__emulator                 CLERK_EMULATOR_ADMIN  (1/true or 0/false)
      --api-version  the Clerk API version of requests that send none      CLERK_EMULATOR_API_VERSION
                     (neither Clerk-API-Version nor __clerk_api_version)   (default 2025-11-10)
      --rate-limits  enforce Clerk's rate limits: development (100         CLERK_EMULATOR_RATE_LIMITS
                     requests / 10 s per key), production (1,000 / 10 s),  (default: off)
                     both with 10 writes / 10 s per user; or JSON
                     {"instance":{"requests":5,"windowMillis":1000},
                     "userWrites":null}; over budget: 429 + Retry-After
      --webhook <url>
                     an endpoint that receives every user event, signed   CLERK_EMULATOR_WEBHOOKS
                     as Svix delivers Clerk's webhooks (svix-id,           (comma-separated)
                     svix-timestamp, svix-signature), retried on Svix's
                     schedule; repeat for several
      --webhook-secret <whsec_…>
                     the signing secret of the deliveries; when absent,    CLERK_EMULATOR_WEBHOOK_SECRET
                     one is generated and printed at start
      --webhook-time-scale <n>
                     divide Svix's retry delays (5 s … 10 h) by n:         CLERK_EMULATOR_WEBHOOK_TIME_SCALE
                     3600 plays an hour of retries in a second             (default 1)
      --stop-on-stdin-close
                     stop when standard input closes: a parent process
                     holding a pipe to it stops the emulator by exiting,
                     however it exits (EmulatorLauncher does)
  -h, --help         print this help

Routes:
  <origin>/v1/...                the 39 Users endpoints as Clerk serves them, with a key
  GET <origin>/healthz           200 {"status":"ok"} without a key: poll it to wait for the emulator
  <origin>/__emulator/...        with --admin: POST /faults (inject), DELETE /faults (clear), POST /reset,
                                 GET /snapshot, and seeding: POST /users, /organizations, /memberships,
                                 /invitations, /oauth_tokens, /billing_subscriptions, /credits,
                                 /trusted_devices, /passkeys, /external_accounts; webhooks:
                                 GET/POST/DELETE /webhooks/endpoints ({"url"}), GET /webhooks/deliveries,
                                 GET /events, POST /webhooks/trigger ({"type","data"}), POST /webhooks/faults
                                 ({"duplicate":1} | {"drop":true} | {"delayMs":5000}, "events", "times",
                                 "probability")

Once listening it prints the URL, the variables for Clerk's SDKs and @effect-clerk/core, and last a line
"ready: <origin>/v1". It stops cleanly on Ctrl-C or SIGTERM.
Exit codes: 0 stopped, 1 could not start (seed file, port in use), 2 bad arguments.
`

const usageLine = help.split("\n").find((line) => line.startsWith("usage:"))!

const usage = (message: string) => new UsageError({ message: `${message}\n${usageLine}\nmore: ${name} --help` })

interface Settings {
  readonly help: boolean
  readonly port: number
  readonly host: string
  readonly seed: string | undefined
  /** The accepted keys, or `undefined` for the emulator's default (`sk_test_emulator`). */
  readonly keys: ReadonlyArray<string> | undefined
  readonly admin: boolean
  /** The API version of requests that send none, or `undefined` for the emulator's default. */
  readonly apiVersion: string | undefined
  readonly versionSource?: string
  /** Stop when standard input closes. */
  readonly stopOnStdinClose?: boolean
  /** `--rate-limits` as given (checked once the arguments are read), and where it came from. */
  readonly rateLimits?: readonly [text: string, source: string]
  readonly webhooks?: WebhookSettings
}

interface WebhookSettings {
  readonly endpoints: ReadonlyArray<string>
  readonly secret: string | undefined
  readonly timeScale: number | undefined
}

/** `--webhook`, `--webhook-secret`, `--webhook-time-scale` and their variables. */
const webhookSettings = (values: {
  readonly webhook?: ReadonlyArray<string> | undefined
  readonly "webhook-secret"?: string | undefined
  readonly "webhook-time-scale"?: string | undefined
}): Effect.Effect<WebhookSettings, UsageError> =>
  Effect.gen(function*() {
    const fromVariable = env("CLERK_EMULATOR_WEBHOOKS")
    const endpoints = values.webhook ?? fromVariable?.split(",").map((url) => url.trim()) ?? []
    for (const url of endpoints) {
      if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
        return yield* usage(`--webhook must be an http(s) URL, got ${JSON.stringify(url.slice(0, 200))}`)
      }
    }
    const secret = values["webhook-secret"] ?? env("CLERK_EMULATOR_WEBHOOK_SECRET")
    if (secret !== undefined && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
      // the value is not repeated: it may be a real secret given by mistake
      return yield* usage("--webhook-secret must be whsec_ followed by base64")
    }
    const scaleText = values["webhook-time-scale"] ?? env("CLERK_EMULATOR_WEBHOOK_TIME_SCALE")
    const timeScale = scaleText === undefined ? undefined : Number(scaleText)
    if (timeScale !== undefined && (!Number.isFinite(timeScale) || timeScale <= 0)) {
      return yield* usage("--webhook-time-scale must be a positive number")
    }
    return { endpoints, secret, timeScale }
  })

/** An environment variable, or `undefined` when it is unset or empty. */
const env = (variable: string): string | undefined => {
  const value = process.env[variable]
  return value === undefined || value === "" ? undefined : value
}

const parseErrorMessage = (error: unknown): string => {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined
  const message = error instanceof Error ? error.message : String(error)
  const option = /'(-[^']*)'/.exec(message)?.[1]
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? message}`
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option !== undefined && /argument missing/.test(message)
        ? `${option.split(",").pop()?.trim().split(" ")[0] ?? option} needs a value`
        : message
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? message}`
    default:
      return message
  }
}

const visibleAscii = /^[\x21-\x7e]+$/

const parseSettings = (argv: ReadonlyArray<string>): Effect.Effect<Settings, UsageError> =>
  Effect.gen(function*() {
    const args = argv[0] === "--" ? argv.slice(1) : argv
    const { values } = yield* Effect.try({
      try: () =>
        parseArgs({
          args: [...args],
          strict: true,
          allowPositionals: false,
          options: {
            port: { type: "string", short: "p" },
            host: { type: "string" },
            seed: { type: "string" },
            key: { type: "string", multiple: true },
            admin: { type: "boolean" },
            "api-version": { type: "string" },
            "rate-limits": { type: "string" },
            "stop-on-stdin-close": { type: "boolean" },
            webhook: { type: "string", multiple: true },
            "webhook-secret": { type: "string" },
            "webhook-time-scale": { type: "string" },
            help: { type: "boolean", short: "h" }
          }
        }),
      catch: (error) => usage(parseErrorMessage(error))
    })
    if (values.help === true) {
      return { help: true, port: 0, host: "", seed: undefined, keys: undefined, admin: false, apiVersion: undefined }
    }

    const [portText, portSource] = values.port !== undefined
      ? [values.port, "--port"]
      : [env("CLERK_EMULATOR_PORT") ?? "4010", "CLERK_EMULATOR_PORT"]
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port > 65535) {
      return yield* usage(`${portSource} must be a port number from 0 to 65535 (0 picks a free one)`)
    }

    const host = values.host ?? env("CLERK_EMULATOR_HOST") ?? "127.0.0.1"
    if (host.trim() === "") return yield* usage("--host is empty")

    const seed = values.seed ?? env("CLERK_EMULATOR_SEED")
    if (seed !== undefined && seed.trim() === "") return yield* usage("--seed is empty")

    const fromVariable = env("CLERK_EMULATOR_KEYS")
    const [keys, keySource] = values.key !== undefined
      ? [values.key, "--key"]
      : fromVariable !== undefined
      ? [fromVariable.split(",").map((key) => key.trim()), "CLERK_EMULATOR_KEYS"]
      : [undefined, "the default key"]
    for (const key of keys ?? []) {
      if (key === "") {
        return yield* usage(
          `${keySource} has an empty key, which would let requests in without one (did --key "$VARIABLE" get an ` +
            "unset variable?): give a key, or leave the option out to use sk_test_emulator"
        )
      }
      if (!visibleAscii.test(key)) {
        return yield* usage(`${keySource}: a key can only contain visible ASCII characters (no spaces)`)
      }
    }

    const adminText = env("CLERK_EMULATOR_ADMIN")
    let admin = values.admin === true
    if (values.admin === undefined && adminText !== undefined) {
      if (/^(1|true|yes|on)$/i.test(adminText)) admin = true
      else if (/^(0|false|no|off)$/i.test(adminText)) admin = false
      else return yield* usage("CLERK_EMULATOR_ADMIN must be 1/true or 0/false")
    }

    const [apiVersion, versionSource] = values["api-version"] !== undefined
      ? [values["api-version"], "--api-version"]
      : [env("CLERK_EMULATOR_API_VERSION"), "CLERK_EMULATOR_API_VERSION"]
    const rateLimits = values["rate-limits"] !== undefined
      ? [values["rate-limits"], "--rate-limits"] as const
      : env("CLERK_EMULATOR_RATE_LIMITS") === undefined
      ? undefined
      : [env("CLERK_EMULATOR_RATE_LIMITS")!, "CLERK_EMULATOR_RATE_LIMITS"] as const
    return {
      help: false,
      port,
      host,
      seed,
      keys,
      admin,
      apiVersion,
      versionSource,
      stopOnStdinClose: values["stop-on-stdin-close"] === true,
      ...(rateLimits === undefined ? {} : { rateLimits }),
      webhooks: yield* webhookSettings(values)
    }
  })

/**
 * Where JSON text stops being valid JSON (the index of the first character that cannot be there), for a message
 * with a line and a column: `JSON.parse`'s own messages do not always give a position.
 */
const syntaxErrorAt = (text: string): number => {
  let i = 0
  const space = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail()
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === "{") {
      i++
      space()
      if (text[i] === "}") return void i++
      for (;;) {
        space()
        if (text[i] !== "\"") fail()
        value()
        space()
        if (text[i] !== ":") fail()
        i++
        value()
        space()
        if (text[i] === ",") i++
        else if (text[i] === "}") return void i++
        else fail()
      }
    } else if (c === "[") {
      i++
      space()
      if (text[i] === "]") return void i++
      for (;;) {
        value()
        space()
        if (text[i] === ",") i++
        else if (text[i] === "]") return void i++
        else fail()
      }
    } else if (c === "\"") {
      // eslint-disable-next-line no-control-regex -- JSON strings cannot hold raw control characters
      const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i))
      if (match === null) fail()
      else i += match[0].length
    } else if (c === "t") literal("true")
    else if (c === "f") literal("false")
    else if (c === "n") literal("null")
    else {
      const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i))
      if (match === null) fail()
      else i += match[0].length
    }
  }
  try {
    value()
    space()
    return i
  } catch (at) {
    return typeof at === "number" ? at : i
  }
}

/**
 * The users of a seed file. Relative paths are read from the current directory; every problem names the file.
 */
const readSeedFile = (file: string): Effect.Effect<ReadonlyArray<UserSeed>, StartError> =>
  Effect.gen(function*() {
    const resolved = path.resolve(file)
    const shown = resolved === file ? file : `${file} (${resolved})`
    const text = yield* Effect.try({
      try: () => readFileSync(resolved, "utf8"),
      catch: (error) => {
        const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined
        const reason = code === "ENOENT"
          ? "no such file"
          : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
          ? "permission denied"
          : String(code ?? error)
        return new StartError({ message: `cannot read the seed file ${shown}: ${reason}` })
      }
    })
    const parsed = yield* Effect.try({
      try: (): unknown => JSON.parse(text),
      catch: () => {
        const at = syntaxErrorAt(text)
        const before = text.slice(0, at)
        const line = before.split("\n").length
        const column = before.length - before.lastIndexOf("\n")
        const found = at < text.length ? `unexpected ${JSON.stringify(text[at])}` : "unexpected end of file"
        return new StartError({
          message: `the seed file ${shown} is not valid JSON (line ${line}, column ${column}): ${found}`
        })
      }
    })
    if (!Array.isArray(parsed)) {
      return yield* new StartError({
        message:
          `the seed file ${shown} must hold a JSON array of users ([{ "emailAddress": ["ada@example.com"] }]), ` +
          `not ${parsed === null ? "null" : typeof parsed === "object" ? "an object" : `a ${typeof parsed}`}`
      })
    }
    // each entry decoded with the seed Schema: a typo or a wrong type is named with its entry and field (the
    // Schemas, and the core with them, load only here: `--help` and bad arguments answer without them)
    const { UserSeed } = yield* Effect.promise(() => import("../Seeds.js"))
    const decodeSeed = Schema.decodeUnknownEither(UserSeed, { onExcessProperty: "error" })
    const seeds: Array<UserSeed> = []
    for (const [index, entry] of parsed.entries()) {
      const decoded = decodeSeed(entry)
      if (Either.isLeft(decoded)) {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
        const field = issue === undefined || issue.path.length === 0 ? "" : ` field ${issue.path.join(".")}:`
        return yield* new StartError({
          message: `the seed file ${shown}, entry ${index}:${field} ${issue?.message ?? "not a user seed"}`
        })
      }
      seeds.push(decoded.right)
    }
    return seeds
  })

const Budget = Schema.Struct({ requests: Schema.Number, windowMillis: Schema.Number })
const CustomLimits = Schema.Struct({ instance: Budget, userWrites: Schema.optional(Schema.NullOr(Budget)) })

/** `--rate-limits`: a preset's name or custom limits as JSON, checked with the kernel's rules. */
const parseRateLimits = (text: string, source: string) =>
  Effect.gen(function*() {
    const RateLimits = yield* Effect.promise(() => import("@effect-clerk/kernel/RateLimits"))
    if (RateLimits.isPreset(text)) return text
    const decoded = Schema.decodeUnknownEither(Schema.parseJson(CustomLimits), { onExcessProperty: "error" })(text)
    if (Either.isLeft(decoded)) {
      const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
      const field = issue === undefined || issue.path.length === 0 ? "" : ` (${issue.path.join(".")})`
      return yield* usage(
        `${source} must be development, production or JSON limits ` +
          `{"instance":{"requests":100,"windowMillis":10000},"userWrites":null}${field}: ${issue?.message ?? ""}`
      )
    }
    const resolved = RateLimits.resolve(decoded.right)
    return resolved._tag === "Ok" ? decoded.right : yield* usage(`${source}: ${resolved.error}`)
  })

/** Why the server could not listen, in words. */
const listenFailure = (cause: unknown, host: string, port: number): string => {
  const code = typeof cause === "object" && cause !== null && "code" in cause ? cause.code : undefined
  const where = `${host}:${port}`
  switch (code) {
    case "EADDRINUSE":
      return `cannot listen on ${where}: the port is already in use. Pick another one with --port (or ` +
        "CLERK_EMULATOR_PORT), or --port 0 for any free port"
    case "EACCES":
      return `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `cannot listen on ${where}: ${host} is not an address of this machine`
    default:
      return `cannot listen on ${where}: ${cause instanceof Error ? cause.message : String(cause)}`
  }
}

const missingPlatformNode = Effect.tryPromise({
  try: () => import("@effect/platform-node/NodeHttpServer"),
  catch: () =>
    new StartError({
      message: "the emulator's HTTP server needs @effect/platform-node, an optional peer dependency of " +
        "@effect-clerk/testkit: npm i -D @effect/platform-node@^0.108.2"
    })
})

/**
 * Completes when standard input ends or closes (what is read is dropped). Reading it holds the process: it is
 * destroyed when this ends either way (a signal interrupts it), so that the process can exit.
 */
const stdinClosed = Effect.async<void>((resume) => {
  const done = () => resume(Effect.void)
  process.stdin.on("data", () => {})
  process.stdin.once("end", done)
  process.stdin.once("close", done)
  process.stdin.once("error", done)
  process.stdin.resume()
}).pipe(Effect.ensuring(Effect.sync(() => process.stdin.destroy())))

/** The webhook endpoints, and the signing secret when it was generated (a given one is not repeated). */
const printWebhooks = (webhooks: WebhookSettings | undefined, secret: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const endpoints = webhooks?.endpoints ?? []
    if (endpoints.length > 0) yield* Console.log(`  webhooks to ${endpoints.join(", ")}`)
    if (webhooks?.timeScale !== undefined) yield* Console.log(`  webhook retries ${webhooks.timeScale}× faster`)
    yield* Console.log(
      webhooks?.secret === undefined
        ? `  CLERK_WEBHOOK_SIGNING_SECRET=${Redacted.value(secret)} (generated; --webhook-secret to choose one)`
        : "  webhooks signed with the secret given by --webhook-secret"
    )
  })

const program = Effect.gen(function*() {
  const settings = yield* parseSettings(process.argv.slice(2))
  if (settings.help) return yield* Console.log(help.trimEnd())
  if (settings.apiVersion !== undefined) {
    const { UsersProtocol } = yield* Effect.promise(() => import("@effect-clerk/core"))
    if (!UsersProtocol.isApiVersion(settings.apiVersion)) {
      return yield* usage(
        `${settings.versionSource} must be a Clerk API version: ${UsersProtocol.apiVersions.join(", ")}`
      )
    }
  }
  const rateLimits = settings.rateLimits === undefined ? undefined : yield* parseRateLimits(...settings.rateLimits)
  const users = settings.seed === undefined ? [] : yield* readSeedFile(settings.seed)
  yield* missingPlatformNode
  // loaded once the arguments are known to be good: `--help` and usage errors answer at once
  const ClerkEmulator = yield* Effect.promise(() => import("../ClerkEmulator.js"))
  // the users are seeded before the server listens: once `ready:` is printed (or /healthz answers), they are there
  const emulator = yield* ClerkEmulator.serve({
    port: settings.port,
    host: settings.host,
    admin: settings.admin,
    users,
    ...(settings.keys === undefined ? {} : { secretKeys: settings.keys }),
    ...(settings.apiVersion === undefined ? {} : { apiVersion: settings.apiVersion }),
    ...(rateLimits === undefined ? {} : { rateLimits }),
    webhooks: {
      endpoints: settings.webhooks?.endpoints ?? [],
      ...(settings.webhooks?.secret === undefined ? {} : { secret: settings.webhooks.secret }),
      ...(settings.webhooks?.timeScale === undefined ? {} : { timeScale: settings.webhooks.timeScale })
    }
  }).pipe(
    Effect.catchTags({
      ServeError: (error) => new StartError({ message: listenFailure(error.cause, settings.host, settings.port) }),
      SeedError: (error) =>
        new StartError({
          message: `the seed file ${settings.seed}, entry ${error.entry ?? 0}: ${error.message} (nothing was seeded)`
        }),
      OptionsError: (error) => new StartError({ message: `${error.option} ${error.message}` })
    })
  )
  const origin = emulator.apiUrl.replace(/\/v1$/, "")
  yield* Console.log(`Clerk emulator listening on ${emulator.apiUrl}`)
  yield* Console.log(`  CLERK_API_URL=${origin} CLERK_SECRET_KEY=${emulator.secretKey}`)
  if (settings.keys !== undefined && settings.keys.length > 1) {
    yield* Console.log(`  accepted keys: ${settings.keys.join(", ")}`)
  }
  if (rateLimits !== undefined) {
    yield* Console.log(`  rate limits: ${typeof rateLimits === "string" ? rateLimits : JSON.stringify(rateLimits)}`)
  }
  if (users.length > 0) yield* Console.log(`  seeded ${users.length} user(s) from ${settings.seed}`)
  if (settings.admin) yield* Console.log(`  admin API on ${origin}${ClerkEmulator.ADMIN_PREFIX}`)
  yield* printWebhooks(settings.webhooks, emulator.webhookSecret)
  if (!/^(127\.|localhost$|::1$|\[::1\]$)/.test(settings.host)) {
    yield* Console.log(`  warning: listening on ${settings.host}: other machines can reach the emulator`)
  }
  yield* Console.log(`  health: GET ${origin}/healthz (no key); stop with Ctrl-C`)
  yield* Console.log(`ready: ${emulator.apiUrl}`)
  if (settings.stopOnStdinClose) {
    yield* stdinClosed
    return yield* Console.log("Clerk emulator stopped: standard input closed")
  }
  return yield* Effect.never
}).pipe(
  Effect.scoped,
  Effect.onInterrupt(() => Console.log("Clerk emulator stopped"))
)

// Runs the program; SIGINT and SIGTERM interrupt it (closing the server), a second signal exits at once.
const fiber = Effect.runFork(program)
let signals = 0
const onSignal = () => {
  signals++
  if (signals > 1) process.exit(130)
  Effect.runFork(Fiber.interrupt(fiber))
}
process.on("SIGINT", onSignal)
process.on("SIGTERM", onSignal)
fiber.addObserver((exit) => {
  process.off("SIGINT", onSignal)
  process.off("SIGTERM", onSignal)
  if (Exit.isSuccess(exit) || Exit.isInterrupted(exit)) return
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "Some") {
    process.stderr.write(`${name}: ${failure.value.message}\n`)
    process.exitCode = failure.value._tag === "UsageError" ? 2 : 1
  } else {
    process.stderr.write(`${name}: unexpected failure\n${Cause.pretty(exit.cause)}\n`)
    process.exitCode = 1
  }
})
