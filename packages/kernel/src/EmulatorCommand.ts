/**
 * The `effect-clerk-emulator` command as both lines' launchers run it: its arguments from the launch options, the
 * `ready:` line it prints (the API URL), the webhook signing secret it prints when it generated one, and the
 * admin API's origin. The emulator is one program (the Effect 3 line's, a black box over HTTP); each line's
 * `EmulatorLauncher` spawns it with these arguments and reads its output with these functions. It spawns
 * processes (`node:child_process`): import it by its path, `@effect-clerk/kernel/EmulatorCommand` (the kernel's root
 * does not load it).
 *
 * @since 0.3.0
 */
import { type ChildProcess, spawn } from "node:child_process"
import type { Option as RateLimitsOption } from "./RateLimits.js"

/**
 * What a launcher passes on to the command.
 *
 * @since 0.3.0
 * @category models
 */
export interface CommandOptions {
  readonly secretKey: string
  readonly port?: number
  readonly seed?: string
  readonly apiVersion?: string
  readonly rateLimits?: RateLimitsOption
  readonly webhooks?: {
    readonly endpoints?: ReadonlyArray<string>
    readonly secret?: string
    readonly timeScale?: number
  }
}

/**
 * The command's arguments (after the file): a loopback port (0: a free one), the admin API, the key, a stop when
 * the parent's pipe closes, then the seed file, API version, rate limits and webhooks given.
 *
 * @since 0.3.0
 * @category command
 */
export const args = (options: CommandOptions): ReadonlyArray<string> => {
  const { apiVersion, rateLimits, seed, webhooks } = options
  return [
    "--port",
    String(options.port ?? 0),
    "--host",
    "127.0.0.1",
    "--admin",
    "--key",
    options.secretKey,
    "--stop-on-stdin-close",
    ...(seed === undefined ? [] : ["--seed", seed]),
    ...(apiVersion === undefined ? [] : ["--api-version", apiVersion]),
    ...(rateLimits === undefined
      ? []
      : ["--rate-limits", typeof rateLimits === "string" ? rateLimits : JSON.stringify(rateLimits)]),
    ...(webhooks?.endpoints ?? []).flatMap((url) => ["--webhook", url]),
    ...(webhooks?.secret === undefined ? [] : ["--webhook-secret", webhooks.secret]),
    ...(webhooks?.timeScale === undefined ? [] : ["--webhook-time-scale", String(webhooks.timeScale)])
  ]
}

/**
 * The API URL of the `ready:` line in what the command printed so far, if it is there.
 *
 * @since 0.3.0
 * @category output
 */
export const readyUrl = (output: string): string | undefined => /^ready: (\S+)$/m.exec(output)?.[1]

/**
 * The webhook signing secret: the one given, or the one the command printed (`CLERK_WEBHOOK_SIGNING_SECRET=…`).
 *
 * @since 0.3.0
 * @category output
 */
export const webhookSecret = (given: string | undefined, output: string): string =>
  given ?? /CLERK_WEBHOOK_SIGNING_SECRET=(\S+)/.exec(output)?.[1] ?? ""

/**
 * The origin of an API URL (`…/v1` removed): where `CLERK_API_URL` points and the admin API lives.
 *
 * @since 0.3.0
 * @category output
 */
export const originOf = (apiUrl: string): string => apiUrl.replace(/\/v1$/, "")

/**
 * The admin API's path prefix.
 *
 * @since 0.3.0
 * @category output
 */
export const ADMIN_PREFIX = "/__emulator"

/**
 * A started command: the process, what it printed so far (stdout and stderr, appended as it comes), and its end
 * (its exit code or the signal that ended it, once its output is read to the end).
 *
 * @since 0.3.0
 * @category command
 */
export interface Started {
  readonly child: ChildProcess
  readonly output: { text: string }
  readonly exited: Promise<string>
}

/**
 * Starts `file` with `args` in `cwd`, `env` added to this process's environment, its standard streams piped (its
 * stdin held for `--stop-on-stdin-close`, a write error on it ignored).
 *
 * @since 0.3.0
 * @category command
 */
export const start = (
  file: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string>> | undefined }
): Started => {
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"]
  })
  const output = { text: "" }
  const collect = (chunk: unknown) => (output.text += String(chunk))
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  child.stdin.on("error", () => {})
  const exited = new Promise<string>((resolve) =>
    child.once("close", (code, signal) => resolve(signal ?? `exit code ${code}`))
  )
  return { child, output, exited }
}

/**
 * Where a ready emulator is, from its API URL and key: `CLERK_API_URL` (the origin) and `CLERK_SECRET_KEY`, and its
 * admin API's URL.
 *
 * @since 0.3.0
 * @category output
 */
export const locations = (apiUrl: string, secretKey: string) => {
  const origin = originOf(apiUrl)
  return { env: { CLERK_API_URL: origin, CLERK_SECRET_KEY: secretKey }, adminUrl: `${origin}${ADMIN_PREFIX}` }
}

/**
 * How a started command's wait for readiness ended: its `ready:` URL, an exit before it (how it ended), or a
 * failure to start at all.
 *
 * @since 0.3.0
 * @category output
 */
export type Readiness =
  | { readonly _tag: "Ready"; readonly url: string }
  | { readonly _tag: "ExitedBeforeReady"; readonly how: string }
  | { readonly _tag: "SpawnFailed"; readonly message: string }

/**
 * Calls `settle` once, with the first of: the `ready:` line (already printed or to come), the process's exit, a
 * failure to start. The function returned stops listening (call it when the wait ends otherwise, a timeout).
 *
 * @since 0.3.0
 * @category output
 */
export const awaitReady = (started: Started, settle: (readiness: Readiness) => void): () => void => {
  const { child, exited, output } = started
  let done = false
  const once = (readiness: Readiness) => {
    if (!done) settle(readiness)
    done = true
  }
  const onData = () => {
    const url = readyUrl(output.text)
    if (url !== undefined) once({ _tag: "Ready", url })
  }
  child.stdout?.on("data", onData)
  onData()
  void exited.then((how) => once({ _tag: "ExitedBeforeReady", how }))
  child.once("error", (error) => once({ _tag: "SpawnFailed", message: error.message }))
  return () => {
    done = true
    child.stdout?.off("data", onData)
  }
}

/**
 * The body of the admin API's `POST /__emulator/faults`: a fault rule (a status with its code and message, a 429
 * with its `Retry-After`, a latency or a dropped connection), for some operations or all, a number of times or
 * with a probability, before or after the change is made. The emulator refuses anything else with a 400.
 *
 * @since 0.3.0
 * @category admin
 */
export interface AdminFault {
  readonly operations?: ReadonlyArray<string>
  readonly status?: number
  readonly code?: string
  readonly message?: string
  readonly retryAfterSeconds?: number
  readonly latencyMs?: number
  readonly disconnect?: boolean
  readonly times?: number
  readonly probability?: number
  readonly when?: "before" | "after"
}
