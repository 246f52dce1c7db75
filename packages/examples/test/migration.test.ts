/**
 * The README's migration from `@clerk/backend`, checked against `@clerk/backend` itself: both clients talk to the
 * same emulator, configured with the same `CLERK_*` values, and must agree on what the table says is the same.
 */
import { createClerkClient } from "@clerk/backend"
import { ClerkConfig, Users } from "@effect-clerk/core"
import type { User } from "@effect-clerk/core/User"
import { fullName, primaryEmailAddress, primaryPhoneNumber, primaryWeb3Wallet } from "@effect-clerk/core/User"
import type { UserSeed } from "@effect-clerk/testkit"
import { ClerkEmulator } from "@effect-clerk/testkit"
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Option } from "effect"
import { findUser, newest } from "../src/readme/migration.js"

const seeds: ReadonlyArray<UserSeed> = [
  { firstName: "Ada", lastName: "Lovelace", emailAddress: ["ada@example.com", "countess@example.com"] },
  { firstName: "Grace", lastName: null, phoneNumber: ["+15555550100"], username: "grace_h" },
  { firstName: null, lastName: "Turing", web3Wallet: ["0x52908400098527886e0f7030069857d2e4169ee7"] },
  { firstName: "  ", lastName: null, username: "nobody_here" },
  { emailAddress: ["edsger@example.com"], phoneNumber: ["+15555550101", "+15555550102"], firstName: "Edsger" }
]

/** Both clients, from the same variables, against one emulator. */
const clients = Effect.gen(function*() {
  const emulator = yield* ClerkEmulator.serve({ port: 0, users: seeds })
  // what a `.env` written for Clerk's SDKs holds: the origin, the URL version
  const env = {
    CLERK_SECRET_KEY: emulator.secretKey,
    CLERK_API_URL: emulator.apiUrl.replace(/\/v1$/, ""),
    CLERK_API_VERSION: "v1"
  }
  const clerk = createClerkClient({
    secretKey: env.CLERK_SECRET_KEY,
    apiUrl: env.CLERK_API_URL,
    apiVersion: env.CLERK_API_VERSION
  })
  const users = yield* Effect.provide(
    Users,
    Users.layer.pipe(Layer.provide(ClerkConfig.layerFromEnv), Layer.provide(FetchHttpClient.layer))
  ).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))
  return { clerk, users }
})

describe("coming from @clerk/backend", () => {
  it.live("the same CLERK_* values reach the same instance; list, listWithTotal, count and get agree", () =>
    Effect.gen(function*() {
      const { clerk, users } = yield* clients
      const theirs = yield* Effect.promise(() => clerk.users.getUserList({ limit: 3, orderBy: "-created_at" }))
      const ours = yield* users.listWithTotal({ limit: 3, orderBy: "-created_at" })
      expect(ours.data.map((user) => user.id)).toEqual(theirs.data.map((user) => user.id))
      expect(ours.totalCount).toBe(theirs.totalCount)
      expect((yield* users.list({ limit: 3, orderBy: "-created_at" })).map((user) => user.id)).toEqual(
        theirs.data.map((user) => user.id)
      )
      expect(yield* users.count()).toBe(yield* Effect.promise(() => clerk.users.getCount()))
      const id = theirs.data[0]!.id
      expect((yield* users.get(id)).id).toBe((yield* Effect.promise(() => clerk.users.getUser(id))).id)
    }).pipe(Effect.scoped))

  it.live("fullName, primaryEmailAddress, primaryPhoneNumber and primaryWeb3Wallet are the SDK's getters", () =>
    Effect.gen(function*() {
      const { clerk, users } = yield* clients
      const all = yield* users.list({ limit: 100 })
      expect(all).toHaveLength(seeds.length)
      for (const user of all) {
        const sdk = yield* Effect.promise(() => clerk.users.getUser(user.id))
        expect(Option.getOrNull(fullName(user)), user.id).toBe(sdk.fullName)
        const address = (option: Option.Option<{ readonly id?: string | undefined }>) =>
          Option.getOrNull(Option.map(option, (entry) => entry.id ?? null))
        expect(address(primaryEmailAddress(user))).toBe(sdk.primaryEmailAddress?.id ?? null)
        expect(address(primaryPhoneNumber(user))).toBe(sdk.primaryPhoneNumber?.id ?? null)
        expect(address(primaryWeb3Wallet(user))).toBe(sdk.primaryWeb3Wallet?.id ?? null)
      }
      // the cases the seeds are there for
      const byName = (name: string) => all.find((user) => Option.getOrNull(fullName(user)) === name)
      expect(byName("Ada Lovelace")).toBeDefined()
      expect(byName("Grace")).toBeDefined()
      expect(byName("Turing")).toBeDefined()
      expect(all.filter((user) => Option.isNone(fullName(user)))).toHaveLength(1)
    }).pipe(Effect.scoped))

  it("the helpers read the primary entry by id, not the first one, and none without a primary id", () => {
    const user = {
      firstName: null,
      lastName: null,
      primaryEmailAddressId: "idn_2",
      emailAddresses: [{ id: "idn_1", emailAddress: "first@example.com" }, {
        id: "idn_2",
        emailAddress: "primary@example.com"
      }],
      primaryPhoneNumberId: null,
      phoneNumbers: [{ id: "idn_3", phoneNumber: "+15555550100" }]
    } as unknown as User
    expect(Option.map(primaryEmailAddress(user), (email) => email.emailAddress)).toEqual(
      Option.some("primary@example.com")
    )
    expect(primaryPhoneNumber(user)).toEqual(Option.none())
    expect(fullName(user)).toEqual(Option.none())
    expect(primaryEmailAddress({ ...user, primaryEmailAddressId: "idn_9" })).toEqual(Option.none())
  })

  it.live("the README's migration snippet runs", () =>
    Effect.gen(function*() {
      const { users } = yield* clients
      const { rows, totalCount } = yield* Effect.provideService(newest, Users, users)
      expect(totalCount).toBe(seeds.length)
      expect(rows.find((row) => row.name === "Ada Lovelace")?.email).toBe("ada@example.com")
      expect(yield* Effect.provideService(findUser("user_missing"), Users, users)).toEqual(Option.none())
    }).pipe(Effect.scoped))
})
