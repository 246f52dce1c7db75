/**
 * What the demo needs to be pleasant to watch: aligned tables, a progress bar that lines printed meanwhile do
 * not break, and typed failures in one readable line. Colours only on a terminal, and never with `NO_COLOR`.
 */
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { Effect } from "effect"
import type { ConfigError } from "effect"

const tty = process.stdout.isTTY === true
const colours = tty && process.env["NO_COLOR"] === undefined

const paint = (code: string) => (text: string) => colours ? `\x1b[${code}m${text}\x1b[0m` : text
export const bold = paint("1")
export const dim = paint("2")
export const green = paint("32")
export const yellow = paint("33")
export const red = paint("31")
export const cyan = paint("36")

/** The visible width of a string (without colour codes). */
// eslint-disable-next-line no-control-regex -- the escape character starts a colour code
const width = (text: string) => text.replace(/\x1b\[\d+m/g, "").length

/** The progress line currently shown, redrawn under any line printed while it is up. */
let status: string | undefined

const write = (text: string) => Effect.sync(() => void process.stdout.write(text))

/** Prints a line (above the progress bar, when one is shown). */
export const say = (line = "") => write(status !== undefined && tty ? `\r\x1b[2K${line}\n${status}` : `${line}\n`)

export const section = (number: number, title: string, what: string) =>
  Effect.zipRight(say(), say(`${bold(`${number}. ${title}`)}  ${dim(what)}`))

/** Shows (or updates) a progress bar: redrawn in place on a terminal, printed once at the end elsewhere. */
export const progress = (label: string, done: number, total: number) =>
  Effect.suspend(() => {
    const size = 30
    const filled = total === 0 ? size : Math.round((done / total) * size)
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
    status = `   ${label} ${green("█".repeat(filled))}${dim("░".repeat(size - filled))} ${
      String(percent).padStart(3)
    } %  ${done}/${total}`
    return tty ? write(`\r\x1b[2K${status}`) : Effect.void
  })

/** Ends the progress bar, leaving its last state on screen. */
export const endProgress = Effect.suspend(() => {
  const last = status
  status = undefined
  return last === undefined ? Effect.void : write(tty ? "\n" : `${last}\n`)
})

/**
 * An aligned table: a header, a rule, and one line per row; numbers are right-aligned.
 */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>
) =>
  Effect.suspend(() => {
    const cells = rows.map((row) => row.map(String))
    const widths = header.map((title, i) => Math.max(width(title), ...cells.map((row) => width(row[i] ?? ""))))
    const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === "number"))
    const line = (row: ReadonlyArray<string>) =>
      `   ${
        row.map((cell, i) => {
          const pad = " ".repeat(widths[i]! - width(cell))
          return numeric[i] ? pad + cell : cell + pad
        }).join("  ").trimEnd()
      }`
    return Effect.forEach(
      [line(header.map((title) => bold(title))), dim(line(widths.map((w) => "─".repeat(w)))), ...cells.map(line)],
      (text) => say(text),
      { discard: true }
    )
  })

/** A Clerk failure in one line: its tag, what Clerk said, and what to do when the key is the problem. */
export const describeFailure = (error: ClerkError): string => {
  const status = "status" in error ? ` ${error.status}` : ""
  const hint = "status" in error && (error.status === 401 || error.status === 403)
    ? ": Clerk did not accept the secret key. Check CLERK_SECRET_KEY (the instance's Secret key, from the Clerk " +
      "Dashboard, page \"API keys\")"
    : ""
  return `${error._tag}${status}: ${error.message}${hint}`
}

/** A configuration problem in one line (the messages of `ClerkConfig` name the variable, never its value). */
export const describeConfigError = (error: ConfigError.ConfigError): string =>
  `configuration: ${
    error._op === "InvalidData" || error._op === "MissingData" || error._op === "Unsupported"
      ? error.message
      : String(error)
  }`
