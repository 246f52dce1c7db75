/**
 * Where hashing work runs, so that no digest stalls the other clients of a server:
 *
 * - `threadPool`: a `node:crypto` callback API (`pbkdf2`, `scrypt`), computed on libuv's thread pool;
 * - `native`: a Promise of a N-API binding (`@node-rs/argon2`, `@node-rs/bcrypt`), computed on the same pool;
 * - `iterate`: a loop of cheap synchronous steps (phpass's MD5 rounds, Symfony's SHA-512 rounds) run in slices
 *   of `SLICE` steps, each slice scheduled with `setImmediate`, so the event loop serves I/O between slices.
 *
 * A failure of the underlying call (a parameter the library refuses) is a `false` verification, never a
 * rejection.
 *
 * @internal
 */

/** A `node:crypto` callback API as a Promise: the key, or `undefined` when the call fails. @internal */
export const threadPool = (
  run: (done: (error: Error | null, key: Buffer) => void) => void
): Promise<Buffer | undefined> =>
  new Promise<Buffer | undefined>((resolve) => {
    try {
      run((error, key) => resolve(error === null ? key : undefined))
    } catch {
      // node:crypto validates its arguments synchronously (a length or cost it refuses)
      resolve(undefined)
    }
  })

/** A binding's verification: its answer, or `false` when it rejects or throws. @internal */
export const native = (run: (signal: AbortSignal) => Promise<boolean>, signal?: AbortSignal): Promise<boolean> => {
  try {
    return run(signal ?? new AbortController().signal).catch(() => false)
  } catch {
    return Promise.resolve(false)
  }
}

/** Steps run between two turns of the event loop by `iterate`. @internal */
export const SLICE = 2_048

/**
 * `count` applications of `step` to `initial`, `SLICE` at a time, each slice in its own `setImmediate`
 * callback: other requests are served between slices. Aborting `signal` stops it before its next slice (the
 * Promise then never settles: its reader has gone).
 *
 * @internal
 */
export const iterate = <S>(initial: S, count: number, step: (state: S) => S, signal?: AbortSignal): Promise<S> =>
  new Promise<S>((resolve) => {
    let state = initial
    let done = 0
    const slice = () => {
      if (signal?.aborted === true) return
      const end = Math.min(count, done + SLICE)
      for (; done < end; done++) state = step(state)
      if (done === count) resolve(state)
      else setImmediate(slice)
    }
    setImmediate(slice)
  })
