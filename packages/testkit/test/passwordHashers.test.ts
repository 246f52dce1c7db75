/**
 * Every password hasher Clerk documents, verified with golden digests written by the originating framework (or
 * its reference implementation), through the hashers themselves, the in-memory layer and the emulator over a
 * loopback socket; malformed and out-of-bounds digests are a typed 422 at import, never a defect; and no digest,
 * however costly within the bounds, keeps the emulator from answering other clients first.
 */
import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import type { PasswordHasher } from "@effect-clerk/core/UsersParams"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Fiber from "effect/Fiber"
import { createHash } from "node:crypto"
import { ClerkEmulator, UsersInMemory } from "../src/index.js"
import { DIGEST_BOUNDS, HASHERS } from "../src/internal/passwords.js"

/** A `password_hasher` name. */
type HasherName = typeof PasswordHasher.Type

interface Golden {
  readonly hasher: HasherName
  readonly digest: string
  readonly password: string
  /** A wrong password (bcrypt reads only the first 72 bytes: the wrong one must differ before them). */
  readonly wrong?: string
}

const hex64 = (hex: string) => Buffer.from(hex, "hex").toString("base64")

const GOLDEN: ReadonlyArray<Golden> = [
  // phc-winner-argon2 src/test.c (v1.3 vectors, `hashtest(ARGON2_VERSION_13, 2, 16, 1, "password", "somesalt")`)
  {
    hasher: "argon2i",
    digest: "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
    password: "password"
  },
  // phc-winner-argon2 README: `echo -n "password" | ./argon2 somesalt -t 2 -m 16 -p 4 -l 24`
  {
    hasher: "argon2i",
    digest: "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
    password: "password"
  },
  // phc-winner-argon2 src/test.c before versions were encoded (version 16: no `v=`; the salt padded to 16 bytes)
  {
    hasher: "argon2i",
    digest: "$argon2i$m=65536,t=2,p=1$c29tZXNhbHQAAAAAAAAAAA$HH7u+eDpabMCRyL8hkocqfbKINpz+b8/FzGIG+riA54",
    password: "password"
  },
  // phc-winner-argon2 src/test.c (`hashtest(ARGON2_VERSION_13, 2, 16, 1, "password", "somesalt")`, Argon2id)
  {
    hasher: "argon2id",
    digest: "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
    password: "password"
  },
  // Openwall crypt_blowfish wrapper.c test vectors
  { hasher: "bcrypt", digest: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", password: "U*U" },
  {
    hasher: "bcrypt",
    digest: "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui",
    password: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored",
    wrong: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345678"
  },
  // Laravel's UserFactory (PHP `password_hash`, `$2y$`), the hash of "password"
  { hasher: "bcrypt", digest: "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi", password: "password" },
  // passlib's django_bcrypt_sha256 tests, "generated via django 1.6 hasher"
  {
    hasher: "bcrypt_sha256_django",
    digest: "bcrypt_sha256$$2a$08$NDjSAIcas.EcoxCRiArvT.MkNiPYVhrsrnJsRkLueZOoV1bsQqlmC",
    password: "lètmein"
  },
  // RFC 1321's test suite: MD5("message digest"); Clerk's own example is MD5("password")
  { hasher: "md5", digest: "f96b697d7cb7938d525a2f31aaf161d0", password: "message digest" },
  { hasher: "md5", digest: "5f4dcc3b5aa765d61d8327deb882cf99", password: "password" },
  // phpass 0.3 test.php ($P$, WordPress), and passlib's phpass doc example; phpBB writes the same with $H$
  { hasher: "phpass", digest: "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", password: "test12345" },
  { hasher: "phpass", digest: "$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1", password: "password" },
  { hasher: "md5_phpass", digest: "$H$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", password: "test12345" },
  { hasher: "md5_phpass", digest: "$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1", password: "password" },
  // RFC 6070 (PBKDF2-HMAC-SHA1): P = "password", S = "salt", c = 4096, 20 bytes; 32 bytes (Clerk's default)
  {
    hasher: "pbkdf2_sha1",
    digest: "pbkdf2_sha1$4096$salt$4b007901b765489abead49d926f721d065a429c1$20",
    password: "password"
  },
  {
    hasher: "pbkdf2_sha1",
    digest: "pbkdf2_sha1$4096$73616c74$4b007901b765489abead49d926f721d065a429c12e463f6c4cd79401085b03db",
    password: "password"
  },
  // RFC 7914 section 11 (PBKDF2-HMAC-SHA256): P = "passwd", S = "salt", c = 1, 64 bytes; salt and hash base64
  {
    hasher: "pbkdf2_sha256",
    digest: `pbkdf2_sha256$1$c2FsdA==$${
      hex64(
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc" +
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
      )
    }`,
    password: "passwd"
  },
  // Django's tests/auth_tests/test_hashers.py, test_pbkdf2: make_password("lètmein", "seasalt", "pbkdf2_sha256")
  // in Django 5.1 (870,000 iterations) and 1.5 (10,000)
  {
    hasher: "pbkdf2_sha256_django",
    digest: "pbkdf2_sha256$870000$seasalt$wJSpLMQRQz0Dhj/pFpbyjMj71B2gUYp6HJS5AU+32Ac=",
    password: "lètmein"
  },
  {
    hasher: "pbkdf2_sha256_django",
    digest: "pbkdf2_sha256$10000$seasalt$CWWFdHOWwPnki7HvkcqN9iA2T3KLW1cf2uZ5kvArtVY=",
    password: "lètmein"
  },
  // The published PBKDF2-HMAC-SHA512 vector (P = "password", S = "salt", c = 1, 64 bytes): salt as text, hash hex
  {
    hasher: "pbkdf2_sha512",
    digest: "pbkdf2_sha512$1$salt$867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252" +
      "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce",
    password: "password"
  },
  // the same, salt hex ("salt" = 73616c74)
  {
    hasher: "pbkdf2_sha512_hex",
    digest: "pbkdf2_sha512_hex$1$73616c74$867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252" +
      "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce",
    password: "password"
  },
  // firebase/scrypt README: the sample project's parameters, an exported account, "user1password"
  {
    hasher: "scrypt_firebase",
    digest: [
      "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==",
      "42xEC+ixf3L2lw==",
      "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==",
      "Bw==",
      "8",
      "14"
    ].join("$"),
    password: "user1password"
  },
  // Werkzeug's generate_password_hash("admin123") (its default scrypt:32768:8:1), as written by a Flask app;
  // the same with Clerk's documented leading `$`
  {
    hasher: "scrypt_werkzeug",
    digest: "scrypt:32768:8:1$oynSHz2gY1bRe8Vp$1b1514779917c29c9f1b139e8ab507312c0915f126018acba75afe26b5e2326" +
      "4c2dbc78f3c20823bc2e9cdac9dab1fe53d2dbdc8353a66e2d85f07b621c92f1d",
    password: "admin123"
  },
  {
    hasher: "scrypt_werkzeug",
    digest: "$scrypt:32768:8:1$oynSHz2gY1bRe8Vp$1b1514779917c29c9f1b139e8ab507312c0915f126018acba75afe26b5e2326" +
      "4c2dbc78f3c20823bc2e9cdac9dab1fe53d2dbdc8353a66e2d85f07b621c92f1d",
    password: "admin123"
  },
  // FIPS 180-2 example "abc"; Clerk's own example is SHA-256("test")
  {
    hasher: "sha256",
    digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    password: "abc"
  },
  {
    hasher: "sha256",
    digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    password: "test"
  },
  // OpenLDAP's slappasswd output for "tony" (default {SSHA}: SHA-1, 4-byte salt)
  { hasher: "ldap_ssha", digest: "{SSHA}rj5qElfD1JK7PCKSLZzxIldkREeFW2Dv", password: "tony" },
  // Symfony's MessageDigestPasswordHasher: one iteration, no salt, base64 = base64(sha512("password")) (the shape
  // of Symfony's MessageDigestPasswordHasherTest::testHash); 5,000 iterations (Symfony's default) with a salt,
  // cross-checked with Python's hashlib (no published SHA-512 output of Symfony's)
  {
    hasher: "sha512_symfony",
    digest:
      "sha512_symfony$1$$sQnzu7wkTrgkQZF+0G1hi5AI3Qmzvv0bXgc5THBqi7mAsdd4Xll27ASbRt9fEyavWi6m0QP9B8lThf+rDKy8hg==",
    password: "password"
  },
  {
    hasher: "sha512_symfony",
    digest: "sha512_symfony$5000$8mDqDd8DWTEhUr5pTahcAw$DvTwFGPFLyDc53ABQxVJSER03dKbN8c/MIW0L6enK5W28QSNcIfoeucWmx8j" +
      "i+b3Veb9AQKZBm8PsUPsn2R3Gw==",
    password: "lètmein"
  }
]

const wrongOf = (golden: Golden) => golden.wrong ?? `${golden.password}!`

const label = (golden: Golden) => `${golden.hasher}: ${golden.digest.slice(0, 36)}…`

describe("the golden digests", () => {
  it("cover all 17 hashers Clerk documents", () => {
    expect(new Set(GOLDEN.map((g) => g.hasher)).size).toBe(17)
    expect(Object.keys(HASHERS).sort()).toEqual([...new Set(GOLDEN.map((g) => g.hasher))].sort())
  })

  it.effect("verify with the right password and not with a wrong one", () =>
    Effect.forEach(GOLDEN, (golden) =>
      Effect.gen(function*() {
        const hasher = HASHERS[golden.hasher]!
        expect(hasher.problem(golden.digest), label(golden)).toBeUndefined()
        expect(yield* hasher.verify(golden.digest, golden.password), label(golden)).toBe(true)
        expect(yield* hasher.verify(golden.digest, wrongOf(golden)), label(golden)).toBe(false)
      }), { concurrency: 4 }))

  it.effect("Symfony: one iteration is sha512(password), two are sha512(sha512(password) ‖ password)", () =>
    Effect.gen(function*() {
      const sha512 = (...parts: ReadonlyArray<Buffer>) => {
        const hash = createHash("sha512")
        for (const part of parts) hash.update(part)
        return hash.digest()
      }
      const password = Buffer.from("password")
      const twice = sha512(sha512(password), password).toString("base64")
      expect(yield* HASHERS["sha512_symfony"]!.verify(`sha512_symfony$2$$${twice}`, "password")).toBe(true)
      const salted = Buffer.from("password{pepper}")
      const withSalt = sha512(sha512(salted), salted).toString("base64")
      expect(yield* HASHERS["sha512_symfony"]!.verify(`sha512_symfony$2$pepper$${withSalt}`, "password")).toBe(true)
    }))
})

const failure = <A>(effect: Effect.Effect<A, ClerkError>) =>
  Effect.map(Effect.either(effect), (result) => {
    if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
    return result.left
  })

const codes = (
  error: ClerkError
) => ("errors" in error ? error.errors.map((e) => [e.code, e.meta?.["param_name"]]) : [])

describe("through the in-memory layer", () => {
  it.effect(
    "every golden digest is imported, verifies with its password and answers 422 to a wrong one",
    () =>
      Effect.gen(function*() {
        const users = yield* Users
        for (const golden of GOLDEN) {
          const user = yield* users.create({ passwordDigest: golden.digest, passwordHasher: golden.hasher })
          expect(yield* users.verifyPassword(user.id, golden.password), label(golden)).toEqual({ verified: true })
          const wrong = yield* failure(users.verifyPassword(user.id, wrongOf(golden)))
          expect([wrong._tag, codes(wrong)[0]?.[0]], label(golden)).toEqual([
            "UnprocessableEntity",
            "incorrect_password"
          ])
          // and set on an existing user by update
          const other = yield* users.create({ firstName: "later" })
          yield* users.update(other.id, { passwordDigest: golden.digest, passwordHasher: golden.hasher })
          expect(yield* users.verifyPassword(other.id, golden.password), label(golden)).toEqual({ verified: true })
        }
      }).pipe(Effect.provide(UsersInMemory.layer())),
    { timeout: 60_000 }
  )
})

/** Digests each hasher must refuse at import: malformed, or past the bounds. */
const MALFORMED: ReadonlyArray<readonly [HasherName, string]> = [
  ["argon2id", "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"],
  ["argon2id", "$argon2id$v=19$m=4194304,t=1,p=4$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"],
  ["argon2id", "$argon2id$v=19$m=262144,t=5,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"],
  ["argon2id", "$argon2id$v=19$m=65536,t=2,p=255$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"],
  ["argon2id", "$argon2id$v=18$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"],
  ["argon2i", "$argon2i$v=19$m=65536,t=2,p=1$c29t!XNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"],
  ["argon2i", "$argon2i$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"],
  ["bcrypt", "$2a$15$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"],
  ["bcrypt", "$2a$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"],
  ["bcrypt", "$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"],
  ["bcrypt", "$2c$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"],
  ["bcrypt", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe"],
  ["bcrypt_sha256_django", "$2a$08$NDjSAIcas.EcoxCRiArvT.MkNiPYVhrsrnJsRkLueZOoV1bsQqlmC"],
  ["md5", "5f4dcc3b5aa765d61d8327deb882cf9"],
  ["md5", "5f4dcc3b5aa765d61d8327deb882cfzz"],
  ["sha256", "5f4dcc3b5aa765d61d8327deb882cf99"],
  ["phpass", "$P$_IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
  ["phpass", "$P$HIQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
  ["phpass", "$P$4IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
  ["md5_phpass", "$S$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
  ["pbkdf2_sha1", "pbkdf2_sha1$4096$salt$4b007901b765489abead49d926f721d065a429c1"],
  ["pbkdf2_sha1", "pbkdf2_sha1$4096$salt$4b007901b765489abead49d926f721d065a429c1$65"],
  ["pbkdf2_sha1", `pbkdf2_sha1$1000$${"s".repeat(2_000)}$${"ab".repeat(32)}`],
  ["pbkdf2_sha256", "pbkdf2_sha256$1000$s@lt$aGFzaA=="],
  ["pbkdf2_sha256", "pbkdf2_sha256$1e6$c2FsdA==$aGFzaA=="],
  ["pbkdf2_sha256", `pbkdf2_sha256$2500001$c2FsdA==$${Buffer.alloc(64, 1).toString("base64")}`],
  ["pbkdf2_sha256", `pbkdf2_sha256$1000$c2FsdA==$${Buffer.alloc(65, 1).toString("base64")}`],
  ["pbkdf2_sha256_django", "pbkdf2_sha256$0$salt$aGFzaA=="],
  ["pbkdf2_sha256_django", "pbkdf2_sha1$1000$salt$aGFzaA=="],
  ["pbkdf2_sha512", `pbkdf2_sha512$5000001$salt$${"ab".repeat(64)}`],
  ["pbkdf2_sha512", `pbkdf2_sha512$1000$salt$${Buffer.alloc(64, 1).toString("base64")}`],
  ["pbkdf2_sha512_hex", `pbkdf2_sha512_hex$1000$salt$${"ab".repeat(64)}`],
  ["scrypt_firebase", "aGFzaA==$c2FsdA==$a2V5$Bw==$8"],
  ["scrypt_firebase", "aGFzaA==$c2FsdA==$a2V5$Bw==$8$19"],
  ["scrypt_firebase", "aGFzaA==$c2FsdA==$a2V5$Bw==$0$14"],
  ["scrypt_werkzeug", `scrypt:1048576:8:1$salt$${"ab".repeat(64)}`],
  ["scrypt_werkzeug", `scrypt:30000:8:1$salt$${"ab".repeat(64)}`],
  ["scrypt_werkzeug", `scrypt:131072:16:3$salt$${"ab".repeat(64)}`],
  ["scrypt_werkzeug", `pbkdf2:sha256:600000$salt$${"ab".repeat(32)}`],
  ["ldap_ssha", "{SHA}rj5qElfD1JK7PCKSLZzxIldkREeFW2Dv"],
  ["ldap_ssha", `{SSHA}${Buffer.alloc(20, 1).toString("base64")}`],
  ["sha512_symfony", `sha512_symfony$200001$salt$${Buffer.alloc(64, 1).toString("base64")}`],
  ["sha512_symfony", `sha512_symfony$5000$sa{l}t$${Buffer.alloc(64, 1).toString("base64")}`],
  ["sha512_symfony", `sha512_symfony$5000$salt$${Buffer.alloc(32, 1).toString("base64")}`]
]

describe("malformed and out-of-bounds digests", () => {
  it("each is refused by its parser with the reason", () => {
    for (const [hasher, digest] of MALFORMED) {
      expect(HASHERS[hasher]!.problem(digest), `${hasher}: ${digest.slice(0, 60)}`).toMatch(/^must /)
    }
  })

  it.effect("each is a 422 form_param_format_invalid on password_digest at create and update, nothing stored", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const existing = yield* users.create({ firstName: "existing" })
      for (const [hasher, digest] of MALFORMED) {
        const created = yield* failure(users.create({ passwordDigest: digest, passwordHasher: hasher }))
        expect([created._tag, ...codes(created)], `${hasher}: ${digest.slice(0, 60)}`).toEqual([
          "UnprocessableEntity",
          ["form_param_format_invalid", "password_digest"]
        ])
        const updated = yield* failure(users.update(existing.id, { passwordDigest: digest, passwordHasher: hasher }))
        expect(updated._tag).toBe("UnprocessableEntity")
      }
      expect(yield* users.count()).toBe(1)
      expect((yield* users.get(existing.id)).passwordEnabled).toBe(false)
    }).pipe(Effect.provide(UsersInMemory.layer())))

  const hashers = fc.constantFrom(...Object.keys(HASHERS))
  const digests = fc.oneof(
    fc.string(),
    fc.stringMatching(/^[$A-Za-z0-9+/=:{},.]{0,80}$/),
    fc.constantFrom(...GOLDEN.map((g) => g.digest)).chain((digest) =>
      fc.tuple(fc.nat({ max: digest.length }), fc.string({ maxLength: 3 })).map(([at, insert]) =>
        digest.slice(0, at) + insert + digest.slice(at + 1)
      )
    )
  )

  it.effect.prop(
    "any string: the parser answers a reason or nothing, verification a boolean, never a defect",
    [hashers, digests],
    ([hasher, digest]) =>
      Effect.gen(function*() {
        const problem = HASHERS[hasher]!.problem(digest)
        expect(problem === undefined || problem.startsWith("must ")).toBe(true)
        // only what the parser accepts is ever verified (cheap cases only: the costly ones are bounded above)
        if (problem === undefined && !/^\$(?:argon2|2)|^bcrypt|^scrypt|\$\d{5,}\$/.test(digest)) {
          const verified = yield* HASHERS[hasher]!.verify(digest, "password")
          expect(typeof verified).toBe("boolean")
        }
      }),
    { fastCheck: { numRuns: 300 } }
  )
})

const KEY = "sk_test_hashers"

interface Answer {
  readonly status: number
  readonly body: {
    readonly id?: string
    readonly verified?: boolean
    readonly errors?: ReadonlyArray<{ code: string }>
  }
}

/** One JSON request to the emulator over its loopback socket. */
const request = (url: string, body: unknown, method = "POST") =>
  Effect.promise(async (): Promise<Answer> => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    return { status: response.status, body: await response.json() }
  })

const server = ClerkEmulator.layerServer({ secretKeys: [KEY] })

describe("through the emulator, over a loopback socket", () => {
  it.live(
    "every golden digest is imported with Clerk's wire names and verify_password answers as Clerk does",
    () =>
      Effect.gen(function*() {
        const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
        yield* Effect.forEach(GOLDEN, (golden) =>
          Effect.gen(function*() {
            const created = yield* request(`${apiUrl}/users`, {
              password_digest: golden.digest,
              password_hasher: golden.hasher
            })
            expect(created.status, label(golden)).toBe(200)
            const verify = (password: string) =>
              request(`${apiUrl}/users/${created.body.id}/verify_password`, { password })
            const right = yield* verify(golden.password)
            expect([right.status, right.body.verified], label(golden)).toEqual([200, true])
            const wrong = yield* verify(wrongOf(golden))
            expect([wrong.status, wrong.body.errors?.[0]?.code], label(golden)).toEqual([422, "incorrect_password"])
          }), { concurrency: 4 })
        for (const [hasher, digest] of MALFORMED) {
          const refused = yield* request(`${apiUrl}/users`, { password_digest: digest, password_hasher: hasher })
          expect([refused.status, refused.body.errors?.[0]?.code], `${hasher}: ${digest.slice(0, 60)}`).toEqual([
            422,
            "form_param_format_invalid"
          ])
        }
      }).pipe(Effect.provide(server)),
    { timeout: 60_000 }
  )

  /**
   * One digest of each costly family at (or next to) its bounds: what the emulator accepts at its most expensive.
   * The hashes are not of the password sent, so each verification runs in full and answers 422.
   */
  const AT_THE_BOUNDS: ReadonlyArray<readonly [HasherName, string]> = [
    ["pbkdf2_sha256_django", `pbkdf2_sha256$2000000$salt$${Buffer.alloc(32, 1).toString("base64")}`],
    ["pbkdf2_sha512", `pbkdf2_sha512$${DIGEST_BOUNDS.pbkdf2.maxWork}$salt$${"ab".repeat(64)}`],
    ["bcrypt", `$2b$${DIGEST_BOUNDS.bcrypt.maxCost}$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW`],
    [
      "argon2id",
      `$argon2id$v=19$m=${DIGEST_BOUNDS.argon2.maxMemoryKiB},t=4,p=4$c29tZXNhbHQ$${
        Buffer.alloc(32, 1).toString("base64").replace(/=+$/, "")
      }`
    ],
    ["scrypt_werkzeug", `scrypt:131072:16:2$salt$${"ab".repeat(64)}`],
    ["phpass", "$P$GIQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
    [
      "sha512_symfony",
      `sha512_symfony$${DIGEST_BOUNDS.legacy.maxSymfonyIterations}$salt$${Buffer.alloc(64, 1).toString("base64")}`
    ]
  ]

  it.live(
    "other clients are answered while a verification of each costly family at its bounds is in flight",
    () =>
      Effect.gen(function*() {
        const { apiUrl } = yield* ClerkEmulator.ClerkEmulator
        const order: Array<string> = []
        const ids = yield* Effect.forEach(AT_THE_BOUNDS, ([hasher, digest]) =>
          Effect.map(request(`${apiUrl}/users`, { password_digest: digest, password_hasher: hasher }), (created) => {
            expect(created.status, hasher).toBe(200)
            return [hasher, created.body.id] as const
          }))
        const slow = yield* Effect.fork(Effect.forEach(ids, ([hasher, id]) =>
          Effect.map(request(`${apiUrl}/users/${id}/verify_password`, { password: "password" }), (answer) => {
            order.push(hasher)
            return answer.status
          }), { concurrency: "unbounded" }))
        // every verification has reached the emulator once the emulator has counted the calls
        yield* Effect.sleep("50 millis")
        for (let i = 0; i < 5; i++) {
          const count = yield* request(`${apiUrl}/users/count`, undefined, "GET")
          expect(count.status).toBe(200)
          order.push("count")
        }
        const statuses = yield* Fiber.join(slow)
        expect(statuses).toEqual(AT_THE_BOUNDS.map(() =>
          422
        ))
        // the five counts were answered before any of the costly verifications
        expect(order.slice(0, 5)).toEqual(["count", "count", "count", "count", "count"])
      }).pipe(Effect.provide(server)),
    { timeout: 120_000 }
  )
})
