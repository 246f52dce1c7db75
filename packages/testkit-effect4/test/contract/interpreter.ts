/**
 * The Effect 4 interpreter of the kernel's contract scenarios (`Scenarios.all`): each step through the Effect 4
 * `Users` service (a method looked up by the step's operation key) and a set-up's `Control` (seeds, TOTP codes,
 * faults, request counts, emitted events); every outcome checked with the kernel's checks and logged normalized.
 * The same data the Effect 3 suite interprets: no scenario is listed here. A step that cannot run, or a check
 * that fails, ends the run with a defect naming the step.
 */
import { Users } from "@effect-clerk/core"
import { Operations, Result as KernelResult, Scenarios } from "@effect-clerk/kernel"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import type { Control } from "./controls.js"

/** What every failure of the Effect 4 client carries; the rest is read when present. */
interface Failure {
  readonly _tag: string
  readonly message: string
}

type Method = (...args: ReadonlyArray<never>) => Effect.Effect<unknown, Failure>
type Service = Users.Users["Service"]
type OperationMethod = keyof Service & Operations.OperationKey
type StreamMethod = keyof Service & Scenarios.StreamName

interface Run {
  readonly users: Service
  readonly control: Control
  readonly bindings: Map<string, unknown>
  readonly log: Array<Scenarios.Entry>
  readonly normalize: (value: unknown) => unknown
}

/** The operations some run called successfully, their events checked (the suite asks for every row). */
export const observedSuccesses = new Set<string>()

const problem = (step: string, message: string) => Effect.die(new Error(`${step}: ${message}`))

const checked = <A>(step: string, result: KernelResult.Result<A, string | ReadonlyArray<string>>) =>
  KernelResult.isOk(result)
    ? Effect.succeed(result.value)
    : problem(step, typeof result.error === "string" ? result.error : result.error.join("; "))

const argsOf = (run: Run, step: string, args: ReadonlyArray<Scenarios.Arg>) =>
  checked(step, KernelResult.all(args.map((arg) => Scenarios.resolve(arg, run.bindings))))

const hasMethod = (users: Service, key: string): key is OperationMethod =>
  Object.hasOwn(Operations.operations, key) && key in users

const hasStream = (users: Service, key: string): key is StreamMethod => key in users

const field = (error: Failure, name: string): unknown =>
  Object.hasOwn(error, name) ? Reflect.get(error, name) : undefined

/** What the kernel's `checkError` compares: the tag, the status, Clerk's codes, the first long message, the field. */
const observed = (error: Failure): Scenarios.ObservedError => {
  const status = field(error, "status")
  const errors = field(error, "errors")
  const list = Array.isArray(errors) ?
    errors.filter((e): e is { code: string; longMessage?: string } =>
      typeof e === "object" && e !== null && typeof e.code === "string"
    ) :
    undefined
  const longMessage = list?.[0]?.longMessage
  const invalid = error._tag === "InvalidRequest" ? field(error, "field") : undefined
  return {
    tag: error._tag,
    ...(typeof status === "number" && { status }),
    ...(list !== undefined && { codes: list.map((e) => e.code) }),
    ...(longMessage !== undefined && { longMessage }),
    ...(typeof invalid === "string" && { field: invalid })
  }
}

/** Runs a call, counting the requests it made when the step says how many it must make. */
const send = (run: Run, step: Scenarios.Call, effect: Effect.Effect<unknown, Failure>) =>
  Effect.gen(function*() {
    const before = step.calls === undefined ? 0 : yield* run.control.calls
    const result = yield* Effect.result(effect)
    if (step.calls === undefined) return { result, counts: {} }
    const made = (yield* run.control.calls) - before
    if (made !== step.calls) return yield* problem(step.name, `expected ${step.calls} request(s), counted ${made}`)
    return { result, counts: { calls: made } }
  })

const call = (run: Run, step: Scenarios.Call) =>
  Effect.gen(function*() {
    const { users } = run
    if (!hasMethod(users, step.operation)) return yield* problem(step.name, `no operation ${step.operation}`)
    const method: Method = users[step.operation]
    const args = yield* argsOf(run, step.name, step.args)
    if (step.fault !== undefined) yield* run.control.injectFault(step.operation, step.fault)
    const eventsBefore = (yield* run.control.emitted).length
    const { counts, result } = yield* send(run, step, Reflect.apply(method, users, args))
    const events = (yield* run.control.emitted).slice(eventsBefore)
    yield* checked(
      `${step.name} (events)`,
      Scenarios.checkEvents(Operations.operations[step.operation], {
        succeeded: Result.isSuccess(result),
        faultAfter: step.fault?.when === "after",
        args,
        events,
        ...(Result.isSuccess(result) && { value: result.success })
      })
    )
    if (step.fault !== undefined) yield* run.control.clearFaults
    const entry = { ...counts, ...(events.length > 0 && { events: events.map((event) => event.type) }) }
    const outcome = step.outcome
    if (Result.isSuccess(result)) {
      if (outcome._tag !== "Success") return yield* problem(step.name, `expected ${outcome.tag}, got a success`)
      observedSuccesses.add(step.operation)
      if (outcome.shape !== undefined) {
        yield* checked(step.name, Scenarios.checkValue(outcome.shape, result.success, run.bindings))
      }
      run.log.push({
        step: step.name,
        ok: run.normalize(Scenarios.masked(result.success, outcome.mask ?? [])),
        ...entry
      })
      if (step.bind !== undefined) run.bindings.set(step.bind, result.success)
      return
    }
    const error = result.failure
    if (outcome._tag === "Success") {
      return yield* problem(step.name, `expected a success, got ${error._tag}: ${error.message}`)
    }
    const seen = observed(error)
    yield* checked(step.name, Scenarios.checkError(outcome, seen))
    run.log.push({
      step: step.name,
      error: {
        tag: seen.tag,
        ...(seen.status !== undefined && { status: seen.status }),
        ...(seen.codes !== undefined && { codes: seen.codes })
      },
      ...entry
    })
  })

const controlStep = (run: Run, step: Scenarios.Control) =>
  Effect.gen(function*() {
    const args = yield* argsOf(run, step.name, step.args)
    const value = yield* run.control.act(step.action, args)
    run.log.push({ step: step.name, ok: run.normalize(value) })
    if (step.bind !== undefined) run.bindings.set(step.bind, value)
  })

const collectStep = (run: Run, step: Scenarios.Collect) =>
  Effect.gen(function*() {
    const { users } = run
    if (!hasStream(users, step.stream)) return yield* problem(step.name, `no stream ${step.stream}`)
    const stream: (...args: ReadonlyArray<never>) => Stream.Stream<unknown, Failure> = users[step.stream]
    const args = yield* argsOf(run, step.name, step.args)
    const collected: Stream.Stream<unknown, Failure> = Reflect.apply(stream, users, args)
    const values = yield* Stream.runCollect(collected).pipe(
      Effect.catch((error) => problem(step.name, `${error._tag}: ${error.message}`))
    )
    yield* checked(step.name, Scenarios.checkValue(step.shape, values, run.bindings))
    run.log.push({ step: step.name, ok: run.normalize(values) })
  })

const runStep = (run: Run, step: Scenarios.Step): Effect.Effect<void> => {
  switch (step._tag) {
    case "Call":
      return call(run, step)
    case "Control":
      return controlStep(run, step)
    case "Collect":
      return collectStep(run, step)
    case "EveryStatus": {
      if (!Object.hasOwn(Operations.operations, step.operation)) {
        return problem(step.operation, `no operation ${step.operation}`)
      }
      const documented: ReadonlyArray<number> = Operations.operations[step.operation].statuses
      return Effect.forEach(Scenarios.expandStatuses(step, documented), (expanded) => call(run, expanded), {
        discard: true
      })
    }
    default:
      return Effect.die(new Error(`unknown step kind: ${JSON.stringify(step)}`))
  }
}

/** Runs a scenario's steps against `Users` and a control; the normalized log of what came back. */
export const run = (
  steps: ReadonlyArray<Scenarios.Step>,
  control: Control
): Effect.Effect<ReadonlyArray<Scenarios.Entry>, never, Users.Users> =>
  Effect.gen(function*() {
    const state: Run = {
      users: yield* Users.Users,
      control,
      bindings: new Map(),
      log: [],
      normalize: Scenarios.normalizer()
    }
    for (const step of steps) yield* runStep(state, step)
    return state.log
  })
