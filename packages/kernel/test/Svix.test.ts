/**
 * Svix's signing scheme: Svix's published test vector, and what Svix documents a receiver refuses.
 */
import { describe, expect, it } from "@effect/vitest"
import { createHmac } from "node:crypto"
import { inspect } from "node:util"
import * as Result from "../src/Result.js"
import * as Svix from "../src/Svix.js"

// Svix's test vector ("Verifying Webhooks Manually", and the examples of its libraries)
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: `{"test": 2432232314}`,
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
}

const secretOf = (text: string): Svix.Secret => {
  const secret = Svix.parseSecret(text)
  if (Result.isErr(secret)) throw new Error(secret.error)
  return secret.value
}

const secret = secretOf(VECTOR.secret)
const at = (seconds: number) => seconds * 1000
const headers = (overrides: Partial<Svix.Headers> = {}): Svix.Headers => ({
  id: VECTOR.id,
  timestamp: String(VECTOR.timestamp),
  signature: VECTOR.signature,
  ...overrides
})

describe("Svix", () => {
  describe("the published test vector", () => {
    it("signs it", () => {
      expect(Svix.sign(secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature)
      expect(Svix.sign(secret, VECTOR.id, VECTOR.timestamp, Buffer.from(VECTOR.body))).toBe(VECTOR.signature)
    })

    it("verifies it", () => {
      expect(Svix.verify(secret, headers(), VECTOR.body, at(VECTOR.timestamp))).toEqual(
        Result.ok({ id: VECTOR.id, timestamp: VECTOR.timestamp })
      )
      expect(Svix.verify(secret, headers(), new TextEncoder().encode(VECTOR.body), at(VECTOR.timestamp))._tag)
        .toBe("Ok")
    })

    it("is HMAC-SHA256 of id.timestamp.body keyed with the secret's base64 part", () => {
      const key = Buffer.from(VECTOR.secret.slice("whsec_".length), "base64")
      const mac = createHmac("sha256", key).update(`${VECTOR.id}.${VECTOR.timestamp}.${VECTOR.body}`).digest("base64")
      expect(`v1,${mac}`).toBe(VECTOR.signature)
    })
  })

  describe("refuses", () => {
    it("a tampered body", () => {
      expect(Svix.verify(secret, headers(), `{"test": 2432232315}`, at(VECTOR.timestamp))).toEqual(
        Result.err({ _tag: "NoMatchingSignature", entries: 1 })
      )
    })

    it("a changed id or timestamp", () => {
      expect(Svix.verify(secret, headers({ id: "msg_other" }), VECTOR.body, at(VECTOR.timestamp))._tag).toBe("Err")
      const later = String(VECTOR.timestamp + 1)
      expect(Svix.verify(secret, headers({ timestamp: later }), VECTOR.body, at(VECTOR.timestamp))).toEqual(
        Result.err({ _tag: "NoMatchingSignature", entries: 1 })
      )
    })

    it("a wrong secret", () => {
      const other = secretOf(Svix.generateSecret(() => new Uint8Array(24).fill(7)))
      expect(Svix.verify(other, headers(), VECTOR.body, at(VECTOR.timestamp))).toEqual(
        Result.err({ _tag: "NoMatchingSignature", entries: 1 })
      )
    })

    it("a timestamp more than 5 minutes old or ahead, and accepts one at exactly 5 minutes", () => {
      const verifyAt = (now: number) => Svix.verify(secret, headers(), VECTOR.body, now)
      expect(verifyAt(at(VECTOR.timestamp + 300))._tag).toBe("Ok")
      expect(verifyAt(at(VECTOR.timestamp - 300))._tag).toBe("Ok")
      expect(verifyAt(at(VECTOR.timestamp + 301))).toEqual(
        Result.err({ _tag: "OutsideTolerance", direction: "past", timestamp: VECTOR.timestamp, now: 1614265631 })
      )
      expect(verifyAt(at(VECTOR.timestamp - 301))).toEqual(
        Result.err({ _tag: "OutsideTolerance", direction: "future", timestamp: VECTOR.timestamp, now: 1614265029 })
      )
    })

    it("a malformed timestamp", () => {
      for (const timestamp of ["", "abc", "1614265330.5", "-1614265330", "1e9", " 1614265330", "0x10"]) {
        expect(Svix.verify(secret, headers({ timestamp }), VECTOR.body, at(VECTOR.timestamp))).toEqual(
          Result.err({ _tag: "MalformedTimestamp", timestamp })
        )
      }
    })

    it("signatures of another version, or none, as no match", () => {
      const v2 = VECTOR.signature.replace("v1,", "v2,")
      for (
        const [signature, entries] of [[v2, 0], ["", 0], ["v1,", 1], ["v1", 0], [`${VECTOR.signature}x`, 1]] as const
      ) {
        expect(Svix.verify(secret, headers({ signature }), VECTOR.body, at(VECTOR.timestamp))).toEqual(
          Result.err({ _tag: "NoMatchingSignature", entries })
        )
      }
    })
  })

  describe("several v1 entries", () => {
    it("accepts a message when any entry matches (rotation: old and new secret)", () => {
      const rotated = secretOf(Svix.generateSecret(() => new Uint8Array(24).fill(1)))
      const newSignature = Svix.sign(rotated, VECTOR.id, VECTOR.timestamp, VECTOR.body)
      const both = `${newSignature} ${VECTOR.signature}`
      expect(Svix.verify(secret, headers({ signature: both }), VECTOR.body, at(VECTOR.timestamp))._tag).toBe("Ok")
      expect(Svix.verify(rotated, headers({ signature: both }), VECTOR.body, at(VECTOR.timestamp))._tag).toBe("Ok")
      const third = secretOf(Svix.generateSecret(() => new Uint8Array(24).fill(2)))
      expect(Svix.verify(third, headers({ signature: both }), VECTOR.body, at(VECTOR.timestamp))).toEqual(
        Result.err({ _tag: "NoMatchingSignature", entries: 2 })
      )
    })

    it("skips entries of other versions", () => {
      const signature = `v1a,abc v2,${VECTOR.signature.slice(3)} ${VECTOR.signature}`
      expect(Svix.verify(secret, headers({ signature }), VECTOR.body, at(VECTOR.timestamp))._tag).toBe("Ok")
    })
  })

  describe("readHeaders", () => {
    const full = { "svix-id": VECTOR.id, "svix-timestamp": "1", "svix-signature": "v1,x" }

    it("reads Svix's names, in any case, trimmed", () => {
      expect(Svix.readHeaders({ "Svix-Id": ` ${VECTOR.id} `, "SVIX-TIMESTAMP": "1", "svix-signature": ["v1,x"] }))
        .toEqual(Result.ok({ id: VECTOR.id, timestamp: "1", signature: "v1,x" }))
    })

    it("reads Standard Webhooks' names", () => {
      expect(Svix.readHeaders({ "webhook-id": "a", "webhook-timestamp": "1", "webhook-signature": "v1,x" }))
        .toEqual(Result.ok({ id: "a", timestamp: "1", signature: "v1,x" }))
    })

    it("names the missing or empty headers of the family in use", () => {
      expect(Svix.readHeaders({})).toEqual(
        Result.err({ _tag: "MissingHeaders", names: ["svix-id", "svix-timestamp", "svix-signature"] })
      )
      expect(Svix.readHeaders({ ...full, "svix-signature": "  " })).toEqual(
        Result.err({ _tag: "MissingHeaders", names: ["svix-signature"] })
      )
      expect(Svix.readHeaders({ "webhook-id": "a" })).toEqual(
        Result.err({ _tag: "MissingHeaders", names: ["webhook-timestamp", "webhook-signature"] })
      )
    })
  })

  describe("secrets", () => {
    it("parses whsec_ secrets and bare base64, and refuses others without repeating them", () => {
      expect(Svix.parseSecret(VECTOR.secret.slice(6))._tag).toBe("Ok")
      for (const text of ["", "whsec_", "whsec_not base64!", "whsec_abc"]) {
        const parsed = Svix.parseSecret(text)
        expect(parsed._tag).toBe("Err")
        if (Result.isErr(parsed) && text.length > 6) expect(parsed.error).not.toContain(text.slice(6))
      }
    })

    it("never prints a key", () => {
      const printed = [String(secret), JSON.stringify(secret), JSON.stringify({ secret }), inspect(secret)]
      for (const text of printed) {
        expect(text).toContain("redacted")
        expect(text).not.toContain("MfKQ")
      }
      expect(Object.keys(secret)).toEqual(["_tag"])
    })

    it("generates whsec_ secrets of 24 bytes from the given randomness", () => {
      const generated = Svix.generateSecret((size) => new Uint8Array(size).fill(255))
      expect(generated).toBe(`whsec_${Buffer.alloc(24, 255).toString("base64")}`)
      expect(secretOf(generated).key.length).toBe(24)
    })
  })

  describe("describe", () => {
    it("says each failure without a secret or a signature", () => {
      const failures: Array<Svix.Failure> = [
        { _tag: "MissingHeaders", names: ["svix-id"] },
        { _tag: "MalformedTimestamp", timestamp: "x" },
        { _tag: "OutsideTolerance", direction: "past", timestamp: 1, now: 400 },
        { _tag: "OutsideTolerance", direction: "future", timestamp: 400, now: 1 },
        { _tag: "NoMatchingSignature", entries: 1 }
      ]
      const sentences = failures.map(Svix.describe)
      expect(new Set(sentences).size).toBe(failures.length)
      expect(sentences[0]).toContain("svix-id")
      expect(sentences[2]).toContain("before")
      expect(sentences[3]).toContain("after")
    })
  })

  it("has Svix's delivery facts", () => {
    expect(Svix.TOLERANCE_SECONDS).toBe(300)
    expect(Svix.DELIVERY_TIMEOUT_MILLIS).toBe(15_000)
    expect(Svix.retrySchedule).toEqual([0, 5e3, 300e3, 1_800e3, 7_200e3, 18_000e3, 36_000e3, 36_000e3])
  })
})
