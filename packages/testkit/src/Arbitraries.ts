/**
 * fast-check arbitraries for property tests of code built on `Users`: JSON metadata and metadata patches,
 * users (from the `User` schema, through `effect`'s `Arbitrary`), populations of users to seed, create
 * parameters and list/count filters that actually hit the population.
 *
 * They use the `fast-check` that `effect` re-exports (`effect/FastCheck`), so there is one copy.
 *
 * @since 0.1.0
 */
import { User } from "@effect-clerk/core/User"
import type { CountUsersParams, CreateUserParams, ListUsersParams, UserOrderBy } from "@effect-clerk/core/UsersParams"
import { userOrderFields } from "@effect-clerk/core/UsersParams"
import * as Population from "@effect-clerk/kernel/Population"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "effect/FastCheck"
import type { JsonObject, JsonValue } from "./DeepMerge.js"
import type { UserSeed } from "./UsersTestControl.js"

/**
 * Object keys, including the awkward ones (`__proto__`, `constructor`, the empty string, unicode).
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * console.log(fc.sample(Arbitraries.jsonKey, 5))
 * ```
 */
export const jsonKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Population.metadataKeys.common) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...Population.metadataKeys.awkward) }
)

const jsonLeaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean()
)

/**
 * A JSON value that survives `JSON.stringify` / `JSON.parse` unchanged (no `-0`, no `NaN`), with `null`s
 * when `nulls` is set.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * // JSON round-trips every generated value
 * fc.assert(fc.property(Arbitraries.jsonValue({ nulls: true }), (value) =>
 *   JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value)))
 * ```
 */
export const jsonValue = (options: { readonly maxDepth?: number; readonly nulls?: boolean } = {}): fc.Arbitrary<
  JsonValue
> => {
  const { maxDepth = 3, nulls = false } = options
  const leaf = nulls
    ? fc.oneof({ weight: 4, arbitrary: jsonLeaf }, { weight: 1, arbitrary: fc.constant(null) })
    : jsonLeaf
  const tree: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(jsonKey, tie("value"), { maxKeys: 4 })
    )
  })).value
  return tree
}

const dictionary = (value: fc.Arbitrary<JsonValue>, maxKeys: number): fc.Arbitrary<JsonObject> =>
  fc.array(fc.tuple(jsonKey, value), { maxLength: maxKeys }).map((entries) => Object.fromEntries(entries))

/**
 * A metadata object as stored (no `null`s).
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries, deepMerge } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * // the empty patch is the identity
 * fc.assert(fc.property(Arbitraries.metadata(), (stored) =>
 *   JSON.stringify(deepMerge(stored, {})) === JSON.stringify(stored)))
 * ```
 */
export const metadata = (options: { readonly maxDepth?: number; readonly maxKeys?: number } = {}): fc.Arbitrary<
  JsonObject
> => dictionary(jsonValue({ maxDepth: options.maxDepth ?? 3 }), options.maxKeys ?? 5)

/**
 * A metadata patch: like {@link metadata}, with `null`s (key removals) at any depth.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries, deepMerge } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * // merging the same patch twice changes nothing more
 * fc.assert(fc.property(Arbitraries.metadata(), Arbitraries.metadataPatch(), (stored, patch) => {
 *   const once = deepMerge(stored, patch)
 *   return JSON.stringify(deepMerge(once, patch)) === JSON.stringify(once)
 * }))
 * ```
 */
export const metadataPatch = (options: { readonly maxDepth?: number; readonly maxKeys?: number } = {}): fc.Arbitrary<
  JsonObject
> => dictionary(jsonValue({ maxDepth: options.maxDepth ?? 3, nulls: true }), options.maxKeys ?? 5)

/**
 * A `User` as Clerk could send it (every field generated from the schema).
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * const [someone] = fc.sample(Arbitraries.user, 1)
 * ```
 */
export const user: fc.Arbitrary<User> = Arbitrary.make(User)

const { domains, firstNames, lastNames } = Population

// a time on a one-second grid of one minute: a population of a few dozen users has ties (orderings), users one
// second apart, and bounds that fall on a user's time or a second beside it (boundary tests at Clerk's
// millisecond filters see both sides)
const time = fc.integer(Population.timeSlots).map(Population.timeAt)

/**
 * One user to seed; `index` makes its identifiers unique within a population.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect, FastCheck as fc } from "effect"
 *
 * const seedOne = Effect.flatMap(UsersTestControl, (control) => control.seedUser(fc.sample(Arbitraries.userSeed(0), 1)[0]!))
 * ```
 */
export const userSeed = (index: number): fc.Arbitrary<UserSeed> =>
  fc.record({
    firstName: fc.option(fc.constantFrom(...firstNames), { nil: null }),
    lastName: fc.option(fc.constantFrom(...lastNames), { nil: null }),
    domain: fc.constantFrom(...domains),
    withPhone: fc.boolean(),
    withUsername: fc.boolean(),
    withExternalId: fc.boolean(),
    banned: fc.boolean(),
    // few distinct timestamps, one second apart, so that orderings have ties and bounds fall between users
    createdAt: time,
    lastActiveAt: fc.option(time, { nil: null }),
    lastSignInAt: fc.option(time, { nil: null })
  }).map((choices): UserSeed => Population.userSeedOf(index, choices))

/**
 * A population of users to seed, with unique identifiers.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { it } from "@effect/vitest"
 * import { Arbitraries, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
 * import { Effect } from "effect"
 *
 * it.effect.prop("count equals the population", [Arbitraries.population({ maxLength: 30 })], ([seeds]) =>
 *   Effect.gen(function*() {
 *     yield* (yield* UsersTestControl).seedUsers(seeds)
 *     return (yield* (yield* Users).count()) === seeds.length
 *   }).pipe(Effect.provide(UsersInMemory.layer())))
 * ```
 */
export const population = (options: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<
  ReadonlyArray<UserSeed>
> =>
  fc.integer({ min: options.minLength ?? 0, max: options.maxLength ?? 40 }).chain((n) =>
    n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => userSeed(i)))
  )

/**
 * Valid `create` parameters (identifiers made unique by a random suffix).
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Arbitraries, UsersInMemory } from "@effect-clerk/testkit"
 * import { Effect, FastCheck as fc } from "effect"
 *
 * const createAny = Effect.flatMap(Users, (users) => users.create(fc.sample(Arbitraries.createUserParams, 1)[0]!)).pipe(
 *   Effect.provide(UsersInMemory.layer())
 * )
 * ```
 */
export const createUserParams: fc.Arbitrary<CreateUserParams> = fc.record({
  suffix: fc.stringMatching(/^[a-z0-9]{10}$/),
  firstName: fc.option(fc.constantFrom(...firstNames), { nil: null }),
  lastName: fc.option(fc.constantFrom(...lastNames), { nil: null }),
  withUsername: fc.boolean(),
  password: fc.option(fc.stringMatching(/^[A-Za-z0-9]{12,20}$/), { nil: undefined }),
  publicMetadata: fc.option(metadata({ maxDepth: 2 }), { nil: undefined })
}).map(Population.createUserParamsOf)

/**
 * Every `orderBy` value.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { FastCheck as fc } from "effect"
 *
 * console.log(fc.sample(Arbitraries.userOrderBy, 3)) // e.g. ["-created_at", "+username", "last_sign_in_at"]
 * ```
 */
export const userOrderBy: fc.Arbitrary<UserOrderBy> = fc.constantFrom(
  ...userOrderFields.flatMap((field) => [field, `+${field}`, `-${field}`] as const)
)

/**
 * Filters drawn from the vocabulary of {@link population}, so that they select some users and not others.
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { Effect, FastCheck as fc } from "effect"
 *
 * const countSome = Effect.flatMap(Users, (users) => users.count(fc.sample(Arbitraries.countUsersParams, 1)[0]!))
 * ```
 */
export const countUsersParams: fc.Arbitrary<CountUsersParams> = fc.record(
  {
    emailAddressQuery: fc.constantFrom(...Population.filterValues.emailAddressQuery),
    nameQuery: fc.constantFrom(...Population.filterValues.nameQuery),
    query: fc.constantFrom(...Population.filterValues.query),
    usernameQuery: fc.constantFrom(...Population.filterValues.usernameQuery),
    phoneNumberQuery: fc.constantFrom(...Population.filterValues.phoneNumberQuery),
    banned: fc.boolean(),
    createdAtAfter: time,
    createdAtBefore: time,
    lastActiveAtAfter: time,
    lastSignInAtBefore: time,
    externalId: fc.array(fc.integer({ min: 0, max: 10 }).map(Population.externalIdFilter), {
      minLength: 1,
      maxLength: 4
    })
  },
  { requiredKeys: [] }
)

/**
 * `list` parameters: filters, an order, and a page (limit 1..500, any offset).
 *
 * @since 0.1.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { Effect, FastCheck as fc } from "effect"
 *
 * const listSome = Effect.flatMap(Users, (users) => users.list(fc.sample(Arbitraries.listUsersParams, 1)[0]!))
 * ```
 */
export const listUsersParams: fc.Arbitrary<ListUsersParams> = fc.tuple(
  countUsersParams,
  fc.option(userOrderBy, { nil: undefined }),
  fc.integer({ min: 1, max: 500 }),
  fc.integer({ min: 0, max: 60 })
).map(([filters, orderBy, limit, offset]) => ({
  ...filters,
  ...(orderBy === undefined ? {} : { orderBy }),
  limit,
  offset
}))
