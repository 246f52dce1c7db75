import { assert, describe, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import * as ClerkConfig from "../src/ClerkConfig.js"
import { RetryPolicy, Users } from "../src/index.js"
import * as Emulator from "./utils/Emulator.js"

const key = "sk_test_effect4"

const seeded = [
  { username: "ada_l", firstName: "Ada", emailAddress: ["ada@example.com"] },
  { username: "grace", firstName: "Grace" },
  { username: "linus" }
]

/**
 * The Effect 4 `Users` over `FetchHttpClient`, configured with `secretKey` against one emulator. `Layer.fresh`:
 * Effect 4 memoizes a layer by identity across `Effect.provide` calls within one runtime (the test layer's), so
 * without it a second configuration would silently get the `Users` built for the first.
 */
const usersAt = (url: string, secretKey: string) =>
  Layer.fresh(Users.layer).pipe(
    // the instance budget waits on the clock, which `it.effect` holds still: off here (tested on a scripted client)
    Layer.provide(ClerkConfig.layer({ secretKey, apiUrl: url, instanceBudget: false })),
    Layer.provide(FetchHttpClient.layer)
  )

const { EmulatorUrl } = Emulator

const TestLayer = Layer.unwrap(Effect.map(Effect.service(EmulatorUrl), ({ url }) => usersAt(url, key))).pipe(
  Layer.provideMerge(Emulator.layer({ key, users: seeded }))
)

layer(TestLayer, { timeout: 30_000 })("Users (Effect 4) against the Effect 3 emulator over HTTP", (it) => {
  it.effect("list: decodes the seeded users; limit, offset and filters go on the query", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const all = yield* users.list({ orderBy: "+username" })
      assert.deepStrictEqual(all.map((user) => user.username), ["ada_l", "grace", "linus"])
      const page = yield* users.list({ orderBy: "+username", limit: 1, offset: 1 })
      assert.deepStrictEqual(page.map((user) => user.username), ["grace"])
      const filtered = yield* users.list({ username: ["linus", "ada_l"], orderBy: "+username" })
      assert.deepStrictEqual(filtered.map((user) => user.username), ["ada_l", "linus"])
      const byEmail = yield* users.list({ emailAddress: ["ada@example.com"] })
      assert.strictEqual(byEmail[0]?.emailAddresses[0]?.emailAddress, "ada@example.com")
    }))

  it.effect("get: the user by id, camelCase", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const [ada] = yield* users.list({ username: ["ada_l"] })
      assert.isDefined(ada)
      const user = yield* users.get(ada.id)
      assert.strictEqual(user.id, ada.id)
      assert.strictEqual(user.firstName, "Ada")
    }))

  it.effect("get: an unknown id fails with ResourceNotFound, with Clerk's errors and the operation", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const error = yield* Effect.flip(users.get("user_missing"))
      assert.strictEqual(error._tag, "ResourceNotFound")
      if (error._tag !== "ResourceNotFound") return
      assert.strictEqual(error.status, 404)
      assert.strictEqual(error.operation, "Users.get")
      assert.strictEqual(error.errors[0]?.code, "resource_not_found")
    }))

  it.effect("list: a limit out of range is refused before anything is sent (InvalidRequest naming it)", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const error = yield* Effect.flip(users.list({ limit: 501 }))
      assert.strictEqual(error._tag, "InvalidRequest")
      if (error._tag === "InvalidRequest") assert.strictEqual(error.field, "params.limit")
    }))

  it.effect("create: a username already taken fails with UnprocessableEntity and Clerk's code", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const error = yield* Effect.flip(users.create({ username: "ada_l" }))
      assert.strictEqual(error._tag, "UnprocessableEntity")
      if (error._tag === "UnprocessableEntity") assert.strictEqual(error.errors[0]?.code, "form_identifier_exists")
    }))

  it.effect("a user's lifecycle through rows of every kind: body, patch, path, body field, query, multipart", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const created = yield* users.create({
        username: "hedy",
        firstName: "Hedy",
        password: "correct-horse-battery-staple-9",
        publicMetadata: { plan: "free" }
      })
      assert.strictEqual(created.username, "hedy")
      assert.deepStrictEqual(created.publicMetadata, { plan: "free" })
      const updated = yield* users.update(created.id, { lastName: "Lamarr" })
      assert.strictEqual(updated.lastName, "Lamarr")
      const patched = yield* users.updateMetadata(created.id, { publicMetadata: { plan: "pro" } })
      assert.deepStrictEqual(patched.publicMetadata, { plan: "pro" })
      const verified = yield* users.verifyPassword(created.id, "correct-horse-battery-staple-9")
      assert.isTrue(verified.verified)
      const banned = yield* users.ban(created.id)
      assert.isTrue(banned.banned)
      const unbanned = yield* users.bulkUnban([created.id])
      assert.deepStrictEqual(unbanned.map((user) => user.banned), [false])
      const count = yield* users.count({ username: ["hedy", "grace"] })
      assert.strictEqual(count, 2)
      const withImage = yield* users.setProfileImage(created.id, { data: new Uint8Array([137, 80, 78, 71]) })
      assert.isTrue(withImage.hasImage)
      const memberships = yield* users.getOrganizationMemberships(created.id, { limit: 5 })
      assert.strictEqual(memberships.totalCount, 0)
      const deleted = yield* users.delete(created.id)
      assert.isTrue(deleted.deleted)
      const gone = yield* Effect.flip(users.get(created.id))
      assert.strictEqual(gone._tag, "ResourceNotFound")
    }))

  it.effect("a wrong secret key fails with AuthenticationInvalid", () =>
    Effect.gen(function*() {
      const { url } = yield* EmulatorUrl
      const error = yield* Effect.service(Users.Users).pipe(
        Effect.flatMap((users) => Effect.flip(users.list())),
        Effect.provide(usersAt(url, "sk_test_wrong"))
      )
      assert.strictEqual(error._tag, "AuthenticationInvalid")
    }))
})

describe("Users (Effect 4) without a server", () => {
  it.effect("a refused connection fails with TransportError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.service(Users.Users).pipe(
        Effect.flatMap((users) => Effect.flip(users.get("user_1"))),
        RetryPolicy.withPolicy(RetryPolicy.none),
        Effect.provide(usersAt("http://127.0.0.1:9/v1", key))
      )
      assert.strictEqual(error._tag, "TransportError")
    }))
})
