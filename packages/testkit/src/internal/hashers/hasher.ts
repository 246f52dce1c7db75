/**
 * What every imported-digest hasher is: a parser (the digest's layout and its bounds, checked at import) and a
 * verification of a parsed digest (never on the event loop unless its cost is one fixed, small hash).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"

/**
 * A hasher of imported digests. `problem` is why a digest is refused at import (Clerk's 422 on
 * `password_digest`), `verify` whether a password matches it (`false` for a digest `problem` refuses).
 *
 * @internal
 */
export interface Hasher {
  readonly problem: (digest: string) => string | undefined
  readonly verify: (digest: string, password: string) => Effect.Effect<boolean>
}

/** A digest's parts, or why it is refused. @internal */
export type Parsed<A> = Either.Either<A, string>

/** A hasher from its parser and the verification of what the parser returns. @internal */
export const make = <A>(
  parse: (digest: string) => Parsed<A>,
  verify: (parsed: A, password: string) => Effect.Effect<boolean>
): Hasher => ({
  problem: (digest) => Either.match(parse(digest), { onLeft: (problem) => problem, onRight: () => undefined }),
  verify: (digest, password) =>
    Either.match(parse(digest), {
      onLeft: () => Effect.succeed(false),
      onRight: (parsed) => verify(parsed, password)
    })
})
