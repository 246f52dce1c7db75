/**
 * Checking the user events a call emitted against its row's `event` fact: the contract suite observes every call
 * of every scenario this way, so each operation's event (or its absence) is checked on every line and set-up.
 */
import type { AnyOperation } from "../../Operations.js"
import * as Result from "../../Result.js"

/** A call as a line observed it, with the events the instance emitted while it ran. */
export interface ObservedCall {
  /** Whether the call succeeded. */
  readonly succeeded: boolean
  /** Whether a fault injected after the change (`when: "after"`) was in force: the change may have been made. */
  readonly faultAfter: boolean
  /** The call's value, when it succeeded. */
  readonly value?: unknown
  /** The call's arguments. */
  readonly args: ReadonlyArray<unknown>
  /** The emitted events' types and the ids of the users they carry, in order. */
  readonly events: ReadonlyArray<{ readonly type: string; readonly id: string }>
}

const idOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && typeof (value as { readonly id?: unknown }).id === "string"
    ? (value as { readonly id: string }).id
    : undefined

/** The ids of the users a successful call of `operation` changed: its result's, or its `userId` argument. */
const changedIds = (operation: AnyOperation, call: ObservedCall): ReadonlyArray<string> => {
  if (Array.isArray(call.value)) return call.value.flatMap((user) => idOf(user) ?? [])
  if (operation.event === "user.created") return [idOf(call.value) ?? ""]
  const userId = call.args[operation.args.findIndex((arg) => arg.name === "userId")]
  return typeof userId === "string" ? [userId] : []
}

/**
 * The mismatches between what a call emitted and what its row says: a row without an event emits nothing; a
 * failed call emits nothing unless a fault came after the change; a successful call emits its row's event once
 * per user it changed (more when a fault after the change made the client retry), each carrying that user.
 *
 * @since 0.3.0
 */
export const checkEvents = (
  operation: AnyOperation,
  call: ObservedCall
): Result.Result<void, ReadonlyArray<string>> => {
  const problems: Array<string> = []
  const types = call.events.map((event) => event.type)
  if (operation.event === undefined) {
    if (types.length > 0) problems.push(`${operation.key} has no event, emitted ${types.join(", ")}`)
    return problems.length === 0 ? Result.ok(undefined) : Result.err(problems)
  }
  const wrong = types.filter((type) => type !== operation.event)
  if (wrong.length > 0) problems.push(`${operation.key} emits ${operation.event}, emitted ${wrong.join(", ")}`)
  if (!call.succeeded) {
    if (!call.faultAfter && types.length > 0) problems.push(`a failed ${operation.key} emitted ${types.join(", ")}`)
  } else {
    const expected = changedIds(operation, call)
    const ids = call.events.map((event) => event.id)
    const exact = JSON.stringify(ids) === JSON.stringify(expected)
    const retried = call.faultAfter && ids.length >= expected.length &&
      ids.every((id) => expected.includes(id))
    if (!exact && !retried) {
      problems.push(`${operation.key} should emit ${operation.event} for ${expected.join(", ")}; for ${ids.join(", ")}`)
    }
  }
  return problems.length === 0 ? Result.ok(undefined) : Result.err(problems)
}
