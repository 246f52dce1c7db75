/**
 * The argon2 hashers (`argon2i`, `argon2id`), computed by `@node-rs/argon2` (a Rust binding, prebuilt for each
 * platform) on libuv's thread pool. A digest is the PHC string the reference implementation and every framework
 * write, `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>` (base64 without padding; without `v=`,
 * version 16); its variant must be the hasher's.
 *
 * @internal
 */
import * as Argon2 from "@node-rs/argon2"
import * as Result from "../../Result.js"
import { base64, integer, sized } from "./codec.js"
import type { Hasher, Parsed } from "./hasher.js"
import { fail, gen, make, take } from "./hasher.js"
import { native } from "./offload.js"

/**
 * The bounds of an imported argon2 digest: memory up to 256 MiB (`m` = 262,144 KiB) and memory times passes
 * up to 1 GiB (`m · t` ≤ 1,048,576), lanes up to 16, salt and hash of at most 1,024 bytes. Django (m = 102,400,
 * t = 2, p = 8), argon2-cffi and RFC 9106's second choice (65,536, 3, 4), PHP and Laravel (65,536, 4, 1) are
 * within; RFC 9106's first choice (2 GiB) is not.
 *
 * @internal
 */
export const ARGON2_BOUNDS = {
  maxMemoryKiB: 262_144,
  maxMemoryPasses: 1_048_576,
  maxLanes: 16,
  maxBytes: 1_024
} as const

const parse = (variant: "argon2i" | "argon2id") => (digest: string): Parsed<string> =>
  gen(function*() {
    const parts = digest.split("$")
    const versioned = parts.length === 6
    if ((parts.length !== 5 && !versioned) || parts[0] !== "" || parts[1] !== variant) {
      return yield* fail(`must be $${variant}$v=19$m=<memory>,t=<passes>,p=<lanes>$<salt>$<hash>`)
    }
    if (versioned && parts[2] !== "v=19" && parts[2] !== "v=16") return yield* fail("must be version 16 or 19")
    const params = /^m=(\d+),t=(\d+),p=(\d+)$/.exec(parts[versioned ? 3 : 2]!)
    if (params === null) return yield* fail("must have its parameters as m=<memory>,t=<passes>,p=<lanes>")
    const lanes = yield* take(integer(params[3]!, "lanes", 1, ARGON2_BOUNDS.maxLanes))
    const memory = yield* take(integer(params[1]!, "memory (KiB)", 8 * lanes, ARGON2_BOUNDS.maxMemoryKiB))
    yield* take(integer(params[2]!, "passes", 1, Math.floor(ARGON2_BOUNDS.maxMemoryPasses / memory)))
    yield* take(
      Result.flatMap(base64(parts[versioned ? 4 : 3]!, "salt"), (b) => sized(b, "salt", 8, ARGON2_BOUNDS.maxBytes))
    )
    yield* take(
      Result.flatMap(base64(parts[versioned ? 5 : 4]!, "hash"), (b) => sized(b, "hash", 4, ARGON2_BOUNDS.maxBytes))
    )
    return digest
  })

const hasher = (variant: "argon2i" | "argon2id"): Hasher =>
  make(
    parse(variant),
    (digest, password, signal) => native((aborted) => Argon2.verify(digest, password, undefined, aborted), signal)
  )

/** @internal */
export const argon2i = hasher("argon2i")

/** @internal */
export const argon2id = hasher("argon2id")
