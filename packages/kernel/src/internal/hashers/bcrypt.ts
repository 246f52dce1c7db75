/**
 * The bcrypt hashers, computed by `@node-rs/bcrypt` (a Rust binding, prebuilt for each platform) on libuv's
 * thread pool.
 *
 * - `bcrypt`: the modular crypt layout `$<version>$<cost>$<22 characters of salt><31 of hash>`, versions `2a`,
 *   `2b`, `2x` and `2y` (PHP's, Laravel's and WordPress's).
 * - `bcrypt_sha256_django`: Django's `bcrypt_sha256$` followed by such a hash, of the password's SHA-256 in
 *   lowercase hex (so passwords past bcrypt's 72 bytes still count).
 *
 * @internal
 */
import * as Bcrypt from "@node-rs/bcrypt"
import { createHash } from "node:crypto"
import * as Result from "../../Result.js"
import { integer } from "./codec.js"
import type { Parsed } from "./hasher.js"
import { fail, gen, make, mapProblem, take } from "./hasher.js"
import { native } from "./offload.js"

/**
 * The bounds of an imported bcrypt digest: a cost from 4 (bcrypt's least) to 14 (2^14 rounds; Laravel's
 * default is 12, Auth0's and PHP's 10).
 *
 * @internal
 */
export const BCRYPT_BOUNDS = { minCost: 4, maxCost: 14 } as const

const LAYOUT = /^\$(2[abxy])\$(\d\d)\$[./A-Za-z0-9]{53}$/

const parseBcrypt = (digest: string): Parsed<string> =>
  gen(function*() {
    const match = LAYOUT.exec(digest)
    if (match === null) return yield* fail("must be $<2a|2b|2x|2y>$<cost>$<53 characters of salt and hash>")
    yield* take(integer(match[2]!, "a cost", BCRYPT_BOUNDS.minCost, BCRYPT_BOUNDS.maxCost))
    return digest
  })

const check = (hash: string, password: string) => native(() => Bcrypt.verify(password, hash))

/** @internal */
export const bcrypt = make(parseBcrypt, (hash, password) => check(hash, password))

const DJANGO_PREFIX = "bcrypt_sha256$"

/** @internal */
export const bcryptSha256Django = make(
  (digest) =>
    digest.startsWith(DJANGO_PREFIX)
      ? mapProblem(parseBcrypt(digest.slice(DJANGO_PREFIX.length)), (problem) => `${problem} after bcrypt_sha256$`)
      : Result.err("must be bcrypt_sha256$$<version>$<cost>$<salt and hash>"),
  (hash, password) => check(hash, createHash("sha256").update(password, "utf8").digest("hex"))
)
