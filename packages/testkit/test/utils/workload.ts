/**
 * A deterministic workload of mixed operations, for the fault tests: the same plan runs against a clean
 * emulator and a faulty one, and the final stores are compared.
 */
import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { mulberry32 } from "@effect-clerk/kernel/Prng"
import * as Effect from "effect/Effect"
import type { UsersTestControl } from "../../src/index.js"

type Action =
  | { readonly _tag: "update"; readonly firstName: string }
  | { readonly _tag: "metadata"; readonly key: string; readonly value: number }
  | { readonly _tag: "ban" | "unban" | "lock" | "unlock" | "get" | "list" | "count" | "image" | "delete" }

export interface Plan {
  readonly users: ReadonlyArray<{ readonly externalId: string; readonly actions: ReadonlyArray<Action> }>
  readonly operations: number
}

const weighted: ReadonlyArray<readonly [Action["_tag"], number]> = [
  ["update", 5],
  ["metadata", 5],
  ["ban", 2],
  ["unban", 2],
  ["lock", 1],
  ["unlock", 1],
  ["get", 3],
  ["list", 2],
  ["count", 1],
  ["image", 1]
]

export const makePlan = (options: { readonly users: number; readonly operations: number; readonly seed: number }) => {
  const random = mulberry32(options.seed) // the plan must be the same in both runs
  const total = weighted.reduce((n, [, w]) => n + w, 0)
  const users = Array.from({ length: options.users }, (_, i) => ({
    externalId: `w-${options.seed}-${i}`,
    actions: [] as Array<Action>
  }))
  let operations = options.users // the creates
  for (let j = 0; operations < options.operations; j++, operations++) {
    const user = users[Math.floor(random() * users.length)]!
    let r = random() * total
    const [tag] = weighted.find(([, w]) => (r -= w) < 0) ?? weighted[0]!
    user.actions.push(
      tag === "update"
        ? { _tag: "update", firstName: `name-${j}` }
        : tag === "metadata"
        ? { _tag: "metadata", key: `k${j % 7}`, value: j }
        : { _tag: tag }
    )
  }
  // a tenth of the users end deleted
  for (const user of users) {
    if (random() < 0.1) {
      user.actions.push({ _tag: "delete" })
      operations++
    }
  }
  return { users, operations } satisfies Plan
}

export interface Report {
  readonly operations: number
  readonly failures: ReadonlyArray<string>
  readonly millis: number
}

/** Runs each user's actions in order, users concurrently. Returns the failures (there should be none). */
export const runPlan = (plan: Plan, concurrency: number) =>
  Effect.gen(function*() {
    const users = yield* Users
    const failures: Array<string> = []
    const started = Date.now()
    const record = <A>(label: string, effect: Effect.Effect<A, ClerkError>) =>
      Effect.catchAll(Effect.asVoid(effect), (error) =>
        Effect.sync(() => {
          failures.push(`${label}: ${error._tag} ${error.message}`)
        }))
    yield* Effect.forEach(plan.users, (planned, index) =>
      Effect.gen(function*() {
        const created = yield* Effect.either(users.createOnce({
          externalId: planned.externalId,
          emailAddress: [`worker${index}@example.com`],
          firstName: "initial"
        }))
        if (created._tag === "Left") {
          failures.push(`create ${planned.externalId}: ${created.left._tag} ${created.left.message}`)
          return
        }
        const id = created.right.id
        for (const action of planned.actions) {
          const label = `${action._tag} ${planned.externalId}`
          switch (action._tag) {
            case "update":
              yield* record(label, users.update(id, { firstName: action.firstName }))
              break
            case "metadata":
              yield* record(
                label,
                users.updateMetadata(id, { publicMetadata: { [action.key]: action.value, last: action.value } })
              )
              break
            case "ban":
            case "unban":
            case "lock":
            case "unlock":
              yield* record(label, users[action._tag](id))
              break
            case "get":
              yield* record(label, users.get(id))
              break
            case "list":
              yield* record(label, users.list({ externalId: [planned.externalId] }))
              break
            case "count":
              yield* record(label, users.count({ banned: true }))
              break
            case "image":
              yield* record(label, users.setProfileImage(id, { data: new Uint8Array([1, 2, 3, index % 256]) }))
              break
            case "delete":
              // a lost response to a delete that happened makes the retry answer 404: the user is gone either way
              yield* record(label, Effect.catchTag(users.delete(id), "ResourceNotFound", () => Effect.void))
              break
          }
        }
      }), { concurrency, discard: true })
    return { operations: plan.operations, failures, millis: Date.now() - started } satisfies Report
  })

/** The part of the final store the workload determines, keyed by external id. */
export const finalState = (control: UsersTestControl.Service) =>
  Effect.map(control.snapshot, (snapshot) =>
    Object.fromEntries(
      snapshot.users.map(({ user }) => [user.externalId, {
        firstName: user.firstName,
        banned: user.banned,
        locked: user.locked,
        hasImage: user.hasImage,
        publicMetadata: user.publicMetadata
      }]).sort(([a], [b]) => String(a).localeCompare(String(b)))
    ))
