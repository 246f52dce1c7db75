/**
 * What every imported-digest hasher is: a parser (the digest's layout and its bounds, checked at import) and a
 * verification of a parsed digest (never on the event loop unless its cost is one fixed, small hash).
 *
 * @internal
 */
import * as Result from "../../Result.js"

/**
 * A hasher of imported digests. `problem` is why a digest is refused at import (Clerk's 422 on
 * `password_digest`), `verify` whether a password matches it (`false` for a digest `problem` refuses; never
 * rejects). Aborting `signal` stops an iterated verification before its next slice.
 *
 * @internal
 */
export interface Hasher {
  readonly problem: (digest: string) => string | undefined
  readonly verify: (digest: string, password: string, signal?: AbortSignal) => Promise<boolean>
}

/** A digest's parts, or why it is refused. @internal */
export type Parsed<A> = Result.Result<A, string>

/**
 * Runs a parser written as a generator: `yield* take(parsed)` reads a part or stops at its problem,
 * `yield* fail(problem)` stops.
 *
 * @internal
 */
export const gen = <A>(body: () => Generator<Result.Err<string>, A, unknown>): Parsed<A> => {
  const step = body().next()
  return step.done === true ? Result.ok(step.value) : step.value
}

/** The value of a parsed part, or its problem for `gen`. @internal */
export function* take<A>(parsed: Parsed<A>): Generator<Result.Err<string>, A, unknown> {
  while (parsed._tag === "Err") yield parsed
  return parsed.value
}

/** A problem for `gen`. @internal */
export function* fail(problem: string): Generator<Result.Err<string>, never, unknown> {
  for (;;) yield { _tag: "Err", error: problem }
}

/** The problem of a failed parse with `f` applied. @internal */
export const mapProblem = <A>(parsed: Parsed<A>, f: (problem: string) => string): Parsed<A> =>
  parsed._tag === "Err" ? Result.err(f(parsed.error)) : parsed

/** A hasher from its parser and the verification of what the parser returns. @internal */
export const make = <A>(
  parse: (digest: string) => Parsed<A>,
  verify: (parsed: A, password: string, signal?: AbortSignal) => Promise<boolean>
): Hasher => ({
  problem: (digest) => {
    const parsed = parse(digest)
    return parsed._tag === "Err" ? parsed.error : undefined
  },
  verify: (digest, password, signal) => {
    const parsed = parse(digest)
    return parsed._tag === "Err" ? Promise.resolve(false) : verify(parsed.value, password, signal)
  }
})
