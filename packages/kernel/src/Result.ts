/**
 * The outcome of a kernel function as a plain tagged value: `Ok` with a value or `Err` with a failure. Each
 * line adapts it to its own types (`Either` on Effect 3, `Result` on Effect 4).
 *
 * @since 0.2.0
 */

/**
 * @since 0.2.0
 * @category models
 */
export interface Ok<A> {
  readonly _tag: "Ok"
  readonly value: A
}

/**
 * @since 0.2.0
 * @category models
 */
export interface Err<E> {
  readonly _tag: "Err"
  readonly error: E
}

/**
 * @since 0.2.0
 * @category models
 */
export type Result<A, E> = Ok<A> | Err<E>

/**
 * @since 0.2.0
 * @category constructors
 */
export const ok = <A>(value: A): Result<A, never> => ({ _tag: "Ok", value })

/**
 * @since 0.2.0
 * @category constructors
 */
export const err = <E>(error: E): Result<never, E> => ({ _tag: "Err", error })

/**
 * @since 0.2.0
 * @category guards
 */
export const isOk = <A, E>(result: Result<A, E>): result is Ok<A> => result._tag === "Ok"

/**
 * @since 0.2.0
 * @category guards
 */
export const isErr = <A, E>(result: Result<A, E>): result is Err<E> => result._tag === "Err"

/**
 * @since 0.2.0
 * @category combinators
 */
export const map = <A, E, B>(result: Result<A, E>, f: (a: A) => B): Result<B, E> =>
  result._tag === "Ok" ? ok(f(result.value)) : result

/**
 * @since 0.2.0
 * @category combinators
 */
export const flatMap = <A, E, B, E2>(result: Result<A, E>, f: (a: A) => Result<B, E2>): Result<B, E | E2> =>
  result._tag === "Ok" ? f(result.value) : result

/**
 * The values of a list of results, or the first failure.
 *
 * @since 0.2.0
 * @category combinators
 */
export const all = <A, E>(results: Iterable<Result<A, E>>): Result<Array<A>, E> => {
  const values: Array<A> = []
  for (const result of results) {
    if (result._tag === "Err") return result
    values.push(result.value)
  }
  return ok(values)
}
