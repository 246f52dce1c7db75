import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { command, make, RedisReplyError } from "./utils/redisServer.js"

describe("test utility: a real redis-server on a loopback port", () => {
  it.scoped("answers PING, keeps a key with its TTL, and runs DEBUG SLEEP and CLIENT PAUSE", () =>
    Effect.gen(function*() {
      const redis = yield* make()
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`)
      expect(yield* redis.command("PING")).toBe("PONG")
      expect(yield* redis.command("SET", "k", "v", "PX", 60_000)).toBe("OK")
      const ttl = yield* redis.command("PTTL", "k")
      expect(typeof ttl === "number" && ttl > 0 && ttl <= 60_000).toBe(true)
      expect(yield* redis.command("CONFIG", "GET", "save")).toEqual(["save", ""])
      expect(yield* redis.command("CONFIG", "GET", "appendonly")).toEqual(["appendonly", "no"])
      expect(yield* redis.command("DEBUG", "SLEEP", 0)).toBe("OK")
      expect(yield* redis.command("CLIENT", "PAUSE", 10)).toBe("OK")
      expect(yield* redis.command("NOSUCHCOMMAND")).toBeInstanceOf(RedisReplyError)
    }))

  it.scoped("stops (connections refused) and starts again on the same port, empty", () =>
    Effect.gen(function*() {
      const redis = yield* make()
      yield* redis.command("SET", "k", "v")
      yield* redis.stop
      expect(yield* redis.running).toBe(false)
      const refused = yield* Effect.either(redis.command("PING"))
      expect(Either.isLeft(refused)).toBe(true)
      yield* redis.stop // a no-op when stopped
      yield* redis.start
      expect(yield* redis.running).toBe(true)
      expect(yield* redis.command("PING")).toBe("PONG")
      expect(yield* redis.command("GET", "k")).toBeNull()
    }))

  it.effect("the scope's end kills the server", () =>
    Effect.gen(function*() {
      const port = yield* Effect.scoped(Effect.map(make(), (redis) => redis.port))
      const after = yield* Effect.either(command(port, "PING"))
      expect(Either.isLeft(after)).toBe(true)
    }))

  it.scoped("a missing binary fails with a message that says how to install it", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(make({ binary: "redis-server-that-does-not-exist" }))
      expect(error._tag).toBe("RedisServerMissing")
      expect(error.message).toContain("apt-get install -y redis-server")
    }))
})
