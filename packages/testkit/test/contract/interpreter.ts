/**
 * The interpreter of the kernel's contract scenarios on this line: each step through `Users` (and
 * `UsersTestControl` for seeds, TOTP codes and faults), its outcome checked with the kernel's checks, its
 * normalized outcome logged. A step the interpreter does not know, an argument that does not resolve or a
 * check that fails ends the run with a defect naming the step.
 */
import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import { operations } from "@effect-clerk/core/UsersProtocol"
import { Operations, Result, Scenarios } from "@effect-clerk/kernel"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { Fault, UsersTestControl } from "../../src/index.js"

type Call = (...args: ReadonlyArray<never>) => Effect.Effect<unknown, ClerkError>

interface Run {
  readonly users: Users.Service
  readonly control: UsersTestControl.Service
  readonly bindings: Map<string, unknown>
  readonly log: Array<Scenarios.Entry>
  readonly normalize: (value: unknown) => unknown
}

const isOperation = (key: string): key is keyof typeof operations => Object.hasOwn(operations, key)

const orDie = <A>(step: string, result: Result.Result<A, string | ReadonlyArray<string>>): Effect.Effect<A> =>
  Result.isOk(result)
    ? Effect.succeed(result.value)
    : Effect.dieMessage(`${step}: ${typeof result.error === "string" ? result.error : result.error.join("; ")}`)

const resolveArgs = (run: Run, step: string, args: ReadonlyArray<Scenarios.Arg>) =>
  orDie(step, Result.all(args.map((arg) => Scenarios.resolve(arg, run.bindings))))

const faultOf = (fault: Scenarios.Fault): Fault.Fault => {
  switch (fault._tag) {
    case "Status":
      return Fault.status(fault.status, {
        ...(fault.code === undefined ? {} : { code: fault.code }),
        ...(fault.retryAfterSeconds === undefined ? {} : { retryAfter: Duration.seconds(fault.retryAfterSeconds) })
      })
    case "RateLimited":
      return Fault.rateLimited(
        fault.retryAfterSeconds === undefined ? undefined : Duration.seconds(fault.retryAfterSeconds)
      )
    case "Disconnect":
      return Fault.disconnect
  }
}

const observe = (error: ClerkError): Scenarios.ObservedError => {
  const errors = "errors" in error ? error.errors : undefined
  const longMessage = errors?.[0]?.longMessage
  return {
    tag: error._tag,
    ...("status" in error ? { status: error.status } : {}),
    ...(errors === undefined ? {} : { codes: errors.map((e) => e.code) }),
    ...(longMessage === undefined ? {} : { longMessage }),
    ...(error._tag === "InvalidRequest" ? { field: error.field } : {})
  }
}

const bind = (run: Run, name: string | undefined, value: unknown) => {
  if (name !== undefined) run.bindings.set(name, value)
}

/**
 * The number of requests a call made, when its step says how many it must make; the types of the events it
 * emitted, when it emitted any.
 */
type Calls = { readonly calls?: number; readonly events?: ReadonlyArray<string> }

/** The operations a run called successfully, its events checked (the suite asks for every row). */
export const observedSuccesses = new Set<string>()

/** The events the instance emitted since `before` (a count of `emitted`). */
const emittedSince = (run: Run, before: number) =>
  Effect.map(
    run.control.emitted,
    (events) => events.slice(before).map((event) => ({ type: event.type, id: event.data.id }))
  )

/** The call's events against its row's `event` fact (`Scenarios.checkEvents`); their types for the log. */
const checkEmitted = (
  run: Run,
  step: Scenarios.Call,
  before: number,
  args: ReadonlyArray<unknown>,
  result: Either.Either<unknown, ClerkError>
) =>
  Effect.gen(function*() {
    const events = yield* emittedSince(run, before)
    const row = Operations.operations[step.operation as Operations.OperationKey]
    yield* orDie(
      `${step.name} (events)`,
      Scenarios.checkEvents(row, {
        succeeded: Either.isRight(result),
        faultAfter: step.fault?.when === "after",
        args,
        events,
        ...(Either.isRight(result) ? { value: result.right } : {})
      })
    )
    if (Either.isRight(result)) observedSuccesses.add(step.operation)
    return events.length === 0 ? {} : { events: events.map((event) => event.type) }
  })

const succeeded = (run: Run, step: Scenarios.Call, outcome: Scenarios.Success, value: unknown, calls: Calls) =>
  Effect.gen(function*() {
    if (outcome.shape !== undefined) yield* orDie(step.name, Scenarios.checkValue(outcome.shape, value, run.bindings))
    run.log.push({ step: step.name, ok: run.normalize(Scenarios.masked(value, outcome.mask ?? [])), ...calls })
    bind(run, step.bind, value)
  })

const failed = (run: Run, step: Scenarios.Call, outcome: Scenarios.Failure, error: ClerkError, calls: Calls) =>
  Effect.gen(function*() {
    const observed = observe(error)
    yield* orDie(step.name, Scenarios.checkError(outcome, observed))
    const { codes, status, tag } = observed
    run.log.push({
      step: step.name,
      error: { tag, ...(status === undefined ? {} : { status }), ...(codes === undefined ? {} : { codes }) },
      ...calls
    })
  })

/** The step's fault as a rule for its operation: its next request, or its next `times` (retries included). */
const ruleOf = (operation: string, fault: Scenarios.Fault): Fault.Rule => ({
  operations: [operation],
  fault: faultOf(fault),
  ...(fault.times === undefined ? {} : { times: fault.times }),
  ...(fault.when === undefined ? {} : { when: fault.when })
})

/** How many requests the instance served while `effect` ran, when the step counts them. */
const counted = <A, E>(run: Run, step: Scenarios.Call, effect: Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    if (step.calls === undefined) return [yield* Effect.either(effect), {}] as const
    const before = (yield* run.control.stats).calls
    const result = yield* Effect.either(effect)
    const calls = (yield* run.control.stats).calls - before
    if (calls !== step.calls) {
      return yield* Effect.dieMessage(`${step.name}: expected ${step.calls} request(s), the instance served ${calls}`)
    }
    return [result, { calls }] as const
  })

const call = (run: Run, step: Scenarios.Call) =>
  Effect.gen(function*() {
    if (!isOperation(step.operation)) return yield* Effect.dieMessage(`${step.name}: no operation ${step.operation}`)
    const method: Call = run.users[step.operation]
    const args = yield* resolveArgs(run, step.name, step.args)
    if (step.fault !== undefined) yield* run.control.injectFault(ruleOf(step.operation, step.fault))
    const effect: Effect.Effect<unknown, ClerkError> = Reflect.apply(method, run.users, args)
    const before = (yield* run.control.emitted).length
    const [result, counts] = yield* counted(run, step, effect)
    const calls: Calls = { ...counts, ...(yield* checkEmitted(run, step, before, args, result)) }
    // the step's fault is its own: what its call did not take is not left for the next step
    if (step.fault !== undefined) yield* run.control.clearFaults
    const outcome = step.outcome
    if (outcome._tag === "Success") {
      if (Either.isLeft(result)) {
        return yield* Effect.dieMessage(
          `${step.name}: expected a success, got ${result.left._tag}: ${result.left.message}`
        )
      }
      return yield* succeeded(run, step, outcome, result.right, calls)
    }
    if (Either.isRight(result)) return yield* Effect.dieMessage(`${step.name}: expected ${outcome.tag}, got a success`)
    return yield* failed(run, step, outcome, result.left, calls)
  })

const controlStep = (run: Run, step: Scenarios.Control) =>
  Effect.gen(function*() {
    const action: (...args: ReadonlyArray<never>) => Effect.Effect<unknown, unknown> = run.control[step.action]
    const args = yield* resolveArgs(run, step.name, step.args)
    const effect: Effect.Effect<unknown, unknown> = Reflect.apply(action, run.control, args)
    const value = yield* Effect.orDieWith(effect, (error) => new Error(`${step.name}: ${JSON.stringify(error)}`))
    run.log.push({ step: step.name, ok: run.normalize(value) })
    bind(run, step.bind, value)
  })

const collectStep = (run: Run, step: Scenarios.Collect) =>
  Effect.gen(function*() {
    const stream: (...args: ReadonlyArray<never>) => Stream.Stream<unknown, ClerkError> = run.users[step.stream]
    const args = yield* resolveArgs(run, step.name, step.args)
    const streamed: Stream.Stream<unknown, ClerkError> = Reflect.apply(stream, run.users, args)
    const values = Chunk.toReadonlyArray(
      yield* Stream.runCollect(streamed).pipe(
        Effect.orDieWith((error) => new Error(`${step.name}: ${error._tag}: ${error.message}`))
      )
    )
    yield* orDie(step.name, Scenarios.checkValue(step.shape, values, run.bindings))
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
      if (!isOperation(step.operation)) return Effect.dieMessage(`no operation ${step.operation}`)
      const statuses: ReadonlyArray<number> = operations[step.operation].statuses
      return Effect.forEach(Scenarios.expandStatuses(step, statuses), (expanded) => call(run, expanded), {
        discard: true
      })
    }
    default:
      return Effect.dieMessage(`unknown step kind: ${JSON.stringify(step)}`)
  }
}

/** Runs the steps of a scenario through `Users` and `UsersTestControl`; the normalized log of what came back. */
export const run = (
  steps: ReadonlyArray<Scenarios.Step>
): Effect.Effect<ReadonlyArray<Scenarios.Entry>, never, Users | UsersTestControl> =>
  Effect.gen(function*() {
    const state: Run = {
      users: yield* Users,
      control: yield* UsersTestControl,
      bindings: new Map(),
      log: [],
      normalize: Scenarios.normalizer()
    }
    for (const step of steps) yield* runStep(state, step)
    return state.log
  })
