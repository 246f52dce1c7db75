import { Users } from "@effect-clerk/core"
import type { ClerkError } from "@effect-clerk/core/ClerkError"
import type { User } from "@effect-clerk/core/User"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { Arbitraries, deepMerge, UsersInMemory } from "../src/index.js"
import type { JsonObject } from "../src/index.js"

/** The reference model: what a Clerk instance holds about each user, and nothing more. */
interface ModelUser {
  readonly email: string
  firstName: string | null
  lastName: string | null
  username: string | null
  banned: boolean
  locked: boolean
  publicMetadata: JsonObject
  privateMetadata: JsonObject
}

interface Model {
  readonly users: Map<string, ModelUser>
  readonly ids: Array<string>
}

interface Real {
  readonly run: <A>(effect: Effect.Effect<A, ClerkError, Users>) => Promise<Either.Either<A, ClerkError>>
}

const pick = (model: Model, index: number) => model.ids[index % model.ids.length]!

const expectSame = async (model: Model, real: Real) => {
  for (const [id, expected] of model.users) {
    const result = await real.run(Effect.flatMap(Users, (users) => users.get(id)))
    if (Either.isLeft(result)) throw new Error(`get ${id} failed: ${result.left._tag}`)
    const user: User = result.right
    expect({
      email: user.emailAddresses[0]?.emailAddress,
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      banned: user.banned,
      locked: user.locked,
      publicMetadata: JSON.stringify(user.publicMetadata),
      privateMetadata: JSON.stringify(user.privateMetadata)
    }).toEqual({
      ...expected,
      publicMetadata: JSON.stringify(expected.publicMetadata),
      privateMetadata: JSON.stringify(expected.privateMetadata)
    })
  }
  const listed = await real.run(Effect.flatMap(Users, (users) => users.list({ limit: 500 })))
  const count = await real.run(Effect.flatMap(Users, (users) => users.count()))
  expect(Either.getOrThrow(count)).toBe(model.users.size)
  expect(new Set(Either.getOrThrow(listed).map((u) => u.id))).toEqual(new Set(model.users.keys()))
}

const tagOf = (result: Either.Either<unknown, ClerkError>) => (Either.isLeft(result) ? result.left._tag : "ok")

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly local: string, readonly firstName: string | null, readonly username: string | null) {}
  check = () => true
  async run(model: Model, real: Real) {
    const email = `${this.local}@example.com`
    const taken = [...model.users.values()].some((u) =>
      u.email === email || (this.username !== null && u.username === this.username)
    )
    const result = await real.run(Effect.flatMap(Users, (users) =>
      users.create({
        emailAddress: [email],
        firstName: this.firstName,
        ...(this.username === null ? {} : { username: this.username })
      })))
    if (taken) {
      expect(tagOf(result)).toBe("UnprocessableEntity")
    } else {
      const user = Either.getOrThrow(result)
      model.users.set(user.id, {
        email,
        firstName: this.firstName,
        lastName: null,
        username: this.username,
        banned: false,
        locked: false,
        publicMetadata: {},
        privateMetadata: {}
      })
      model.ids.push(user.id)
    }
    await expectSame(model, real)
  }
  toString = () => `create(${this.local}, ${this.firstName}, ${this.username})`
}

class Update implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly index: number,
    readonly lastName: string | null | undefined,
    readonly username: string | null | undefined
  ) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.index)
    const params = {
      ...(this.lastName === undefined ? {} : { lastName: this.lastName }),
      ...(this.username === undefined ? {} : { username: this.username })
    }
    const result = await real.run(Effect.flatMap(Users, (users) => users.update(id, params)))
    const self = model.users.get(id)
    if (self === undefined) {
      expect(tagOf(result)).toBe("ResourceNotFound")
    } else {
      const taken = this.username != null &&
        [...model.users.entries()].some(([other, u]) => other !== id && u.username === this.username)
      if (taken) {
        expect(tagOf(result)).toBe("UnprocessableEntity")
      } else {
        expect(tagOf(result)).toBe("ok")
        if (this.lastName !== undefined) self.lastName = this.lastName
        if (this.username !== undefined) self.username = this.username
      }
    }
    await expectSame(model, real)
  }
  toString = () => `update(#${this.index}, lastName=${this.lastName}, username=${this.username})`
}

class UpdateMetadata implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly publicPatch: JsonObject, readonly privatePatch: JsonObject) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.index)
    const result = await real.run(
      Effect.flatMap(
        Users,
        (users) => users.updateMetadata(id, { publicMetadata: this.publicPatch, privateMetadata: this.privatePatch })
      )
    )
    const self = model.users.get(id)
    if (self === undefined) {
      expect(tagOf(result)).toBe("ResourceNotFound")
    } else {
      expect(tagOf(result)).toBe("ok")
      self.publicMetadata = deepMerge(self.publicMetadata, this.publicPatch)
      self.privateMetadata = deepMerge(self.privateMetadata, this.privatePatch)
    }
    await expectSame(model, real)
  }
  toString = () =>
    `updateMetadata(#${this.index}, ${JSON.stringify(this.publicPatch)}, ${JSON.stringify(this.privatePatch)})`
}

type Toggle = "ban" | "unban" | "lock" | "unlock"

class SetFlag implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly action: Toggle) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.index)
    const result = await real.run(
      Effect.flatMap(Users, (users): Effect.Effect<User, ClerkError> => users[this.action](id))
    )
    const self = model.users.get(id)
    if (self === undefined) {
      // none of the four documents 404: it arrives as UnexpectedStatus
      expect(tagOf(result)).toBe("UnexpectedStatus")
    } else {
      expect(tagOf(result)).toBe("ok")
      if (this.action === "ban" || this.action === "unban") self.banned = this.action === "ban"
      else self.locked = this.action === "lock"
    }
    await expectSame(model, real)
  }
  toString = () => `${this.action}(#${this.index})`
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.index)
    const result = await real.run(Effect.flatMap(Users, (users) => users.delete(id)))
    if (model.users.has(id)) {
      expect(Either.getOrThrow(result)).toEqual({ object: "user", id, deleted: true })
      model.users.delete(id)
    } else {
      expect(tagOf(result)).toBe("ResourceNotFound")
    }
    await expectSame(model, real)
  }
  toString = () => `delete(#${this.index})`
}

const name = fc.option(fc.constantFrom("Ada", "Grace", "Alan"), { nil: null })
const username = fc.option(fc.constantFrom("ada_l", "grace_h", "alan_t", "edsger"), { nil: null })
const maybe = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined })
const index = fc.nat({ max: 20 })
const smallPatch = Arbitraries.metadataPatch({ maxDepth: 2, maxKeys: 3 })

const commands = fc.commands(
  [
    fc.tuple(fc.constantFrom("u1", "u2", "u3", "u4", "u5"), name, username).map(([l, f, u]) => new Create(l, f, u)),
    fc.tuple(index, maybe(fc.option(fc.constantFrom("Lovelace", "Hopper"), { nil: null })), maybe(username)).map(
      ([i, l, u]) => new Update(i, l, u)
    ),
    fc.tuple(index, smallPatch, smallPatch).map(([i, p, q]) => new UpdateMetadata(i, p, q)),
    fc.tuple(index, fc.constantFrom<Toggle>("ban", "unban", "lock", "unlock")).map(([i, a]) => new SetFlag(i, a)),
    index.map((i) => new Delete(i))
  ],
  { maxCommands: 25 }
)

describe("model-based: the in-memory layer against a reference model", () => {
  it("random sequences of create/update/updateMetadata/ban/unban/lock/delete keep both in the same state", async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const runtime = ManagedRuntime.make(UsersInMemory.layer())
        const real: Real = { run: (effect) => runtime.runPromise(Effect.either(effect)) }
        try {
          await fc.asyncModelRun(() => ({ model: { users: new Map(), ids: [] }, real }), cmds)
        } finally {
          await runtime.dispose()
        }
      }),
      { numRuns: 60 }
    )
  })
})
