/**
 * Where hashing work runs, so that no digest stalls the other clients of the emulator:
 *
 * - `threadPool`: a `node:crypto` callback API (`pbkdf2`, `scrypt`), computed on libuv's thread pool;
 * - `native`: a Promise of a N-API binding (`@node-rs/argon2`, `@node-rs/bcrypt`), computed on the same pool;
 * - `iterate`: a loop of cheap synchronous steps (phpass's MD5 rounds, Symfony's SHA-512 rounds) run in slices
 *   of `SLICE` steps, each slice scheduled with `setImmediate`, so the event loop serves I/O between slices.
 *
 * A failure of the underlying call (a parameter the library refuses) is a `false` verification, never a defect.
 *
 * @internal
 */
import * as Effect from "effect/Effect"

/** A `node:crypto` callback API as an Effect: the key, or `undefined` when the call fails. @internal */
export const threadPool = (
  run: (done: (error: Error | null, key: Buffer) => void) => void
): Effect.Effect<Buffer | undefined> =>
  Effect.async<Buffer | undefined>((resume) => {
    try {
      run((error, key) => resume(Effect.succeed(error === null ? key : undefined)))
    } catch {
      // node:crypto validates its arguments synchronously (a length or cost it refuses)
      resume(Effect.succeed(undefined))
    }
  })

/** A binding's verification as an Effect: its answer, or `false` when it rejects. @internal */
export const native = (run: (signal: AbortSignal) => Promise<boolean>): Effect.Effect<boolean> =>
  Effect.orElseSucceed(Effect.tryPromise(run), () => false)

/** Steps run between two turns of the event loop by `iterate`. @internal */
export const SLICE = 2_048

/**
 * `count` applications of `step` to `initial`, `SLICE` at a time, each slice in its own `setImmediate`
 * callback: other requests are served between slices. Interrupting stops it before its next slice.
 *
 * @internal
 */
export const iterate = <S>(initial: S, count: number, step: (state: S) => S): Effect.Effect<S> =>
  Effect.async<S>((resume) => {
    let state = initial
    let done = 0
    let stopped = false
    const slice = () => {
      if (stopped) return
      const end = Math.min(count, done + SLICE)
      for (; done < end; done++) state = step(state)
      if (done === count) resume(Effect.succeed(state))
      else setImmediate(slice)
    }
    setImmediate(slice)
    return Effect.sync(() => {
      stopped = true
    })
  })
