/**
 * Arbitraries for property tests of code built on the Effect 4 `Users`, with `effect/Arbitrary` (Effect 4's own
 * generation and shrinking; `it.effect.prop` takes them as they are): JSON metadata and patches, users (from the
 * `User` schema), populations of users to seed, `create` parameters, and list/count filters that hit the
 * population. The vocabulary (names, domains, the time grid, filter values) is the kernel's `Population`, the
 * same as the Effect 3 line's. Seeds: give `{ arbitrary: { seed } }` to a property, or call `Arbitrary.configureGlobal`
 * (the test kit's own tests print theirs and replay `EFFECT_CLERK_SEED`).
 *
 * @since 1.0.0
 */
import { User } from "@effect-clerk/core/User"
import type { CountUsersParams, CreateUserParams, ListUsersParams } from "@effect-clerk/core/UsersParams"
import { UserOrderBy } from "@effect-clerk/core/UsersParams"
import type { Model, Seed } from "@effect-clerk/kernel"
import { Population } from "@effect-clerk/kernel"
import * as Arbitrary from "effect/Arbitrary"
import * as Schema from "effect/Schema"

type JsonValue = Model.JsonValue
type JsonObject = Model.JsonObject

const int = (minimum: number, maximum: number): Arbitrary.Arbitrary<number> =>
  Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum, maximum })))

const boolean: Arbitrary.Arbitrary<boolean> = Arbitrary.schema(Schema.Boolean)

/** One of `values` (shrinking towards the first). */
const pick = <const A>(values: ReadonlyArray<A>): Arbitrary.Arbitrary<A> =>
  Arbitrary.map(int(0, values.length - 1), (i) => values[i]!)

/** One of the arbitraries, the i-th with weight `weights[i]`. */
const weighted = <A>(...choices: ReadonlyArray<readonly [number, Arbitrary.Arbitrary<A>]>): Arbitrary.Arbitrary<A> => {
  const slots = choices.flatMap(([weight], i) => Array.from({ length: weight }, () => i))
  return Arbitrary.flatMap(pick(slots), (i) => choices[i]![1])
}

/** `arbitrary`, or `none` one time in four. */
const option = <A, const B>(arbitrary: Arbitrary.Arbitrary<A>, none: B): Arbitrary.Arbitrary<A | B> =>
  weighted<A | B>([3, arbitrary], [1, Arbitrary.Constant(none)])

/** A string of `length` characters of `alphabet`. */
const word = (alphabet: string, minLength: number, maxLength: number): Arbitrary.Arbitrary<string> =>
  Arbitrary.map(Arbitrary.array(pick([...alphabet]), { minLength, maxLength }), (chars) => chars.join(""))

/**
 * Object keys, including the awkward ones (`__proto__`, `constructor`, the empty string, unicode).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const jsonKey: Arbitrary.Arbitrary<string> = weighted<string>(
  [6, pick(Population.metadataKeys.common)],
  [2, Arbitrary.schema(Schema.String.check(Schema.isMaxLength(8)))],
  [1, pick(Population.metadataKeys.awkward)]
)

/** JSON has no `-0`: it would come back as `0`. */
const noNegativeZero = (n: number) => (Object.is(n, -0) ? 0 : n)

const jsonLeaf: Arbitrary.Arbitrary<JsonValue> = weighted<JsonValue>(
  [1, Arbitrary.schema(Schema.String.check(Schema.isMaxLength(12)))],
  [1, Arbitrary.map(Arbitrary.schema(Schema.Int), noNegativeZero)],
  [1, Arbitrary.map(Arbitrary.schema(Schema.Finite), noNegativeZero)],
  [1, boolean]
)

const dictionary = (value: Arbitrary.Arbitrary<JsonValue>, maxKeys: number): Arbitrary.Arbitrary<JsonObject> =>
  Arbitrary.map(
    Arbitrary.array(Arbitrary.all([jsonKey, value]), { maxLength: maxKeys }),
    (entries) => Object.fromEntries(entries)
  )

/**
 * A JSON value that survives `JSON.stringify` / `JSON.parse` unchanged (no `-0`, no `NaN`), at most `maxDepth`
 * deep (default 3), with `null`s when `nulls` is set.
 *
 * @since 1.0.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Arbitraries } from "@effect-clerk/testkit"
 * import { it } from "@effect/vitest"
 *
 * it.prop("JSON round-trips", [Arbitraries.jsonValue({ nulls: true })], ([value]) =>
 *   JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value))
 * ```
 */
export const jsonValue = (
  options: { readonly maxDepth?: number; readonly nulls?: boolean } = {}
): Arbitrary.Arbitrary<JsonValue> => {
  const leaf = options.nulls === true ? weighted<JsonValue>([4, jsonLeaf], [1, Arbitrary.Constant(null)]) : jsonLeaf
  const at = (depth: number): Arbitrary.Arbitrary<JsonValue> =>
    depth <= 0 ? leaf : weighted<JsonValue>(
      [3, leaf],
      [1, Arbitrary.array(Arbitrary.flatMap(Arbitrary.Constant(depth - 1), at), { maxLength: 4 })],
      [1, Arbitrary.flatMap(Arbitrary.Constant(depth - 1), (next) => dictionary(at(next), 4))]
    )
  return at(options.maxDepth ?? 3)
}

/**
 * A metadata object as stored (no `null`s).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const metadata = (
  options: { readonly maxDepth?: number; readonly maxKeys?: number } = {}
): Arbitrary.Arbitrary<JsonObject> => dictionary(jsonValue({ maxDepth: options.maxDepth ?? 3 }), options.maxKeys ?? 5)

/**
 * A metadata patch: like {@link metadata}, with `null`s (key removals) at any depth.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const metadataPatch = (
  options: { readonly maxDepth?: number; readonly maxKeys?: number } = {}
): Arbitrary.Arbitrary<JsonObject> =>
  dictionary(jsonValue({ maxDepth: options.maxDepth ?? 3, nulls: true }), options.maxKeys ?? 5)

/**
 * A `User` as Clerk could send it (every field generated from the `User` schema).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const user: Arbitrary.Arbitrary<Model.User> = Arbitrary.schema(Schema.toType(User))

const time = Arbitrary.map(int(Population.timeSlots.min, Population.timeSlots.max), Population.timeAt)

/**
 * One user to seed; `index` makes its identifiers unique within a population.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const userSeed = (index: number): Arbitrary.Arbitrary<Seed.UserSeed> =>
  Arbitrary.map(
    Arbitrary.all({
      firstName: option(pick(Population.firstNames), null),
      lastName: option(pick(Population.lastNames), null),
      domain: pick(Population.domains),
      withPhone: boolean,
      withUsername: boolean,
      withExternalId: boolean,
      banned: boolean,
      createdAt: time,
      lastActiveAt: option(time, null),
      lastSignInAt: option(time, null)
    }),
    (choices) => Population.userSeedOf(index, choices)
  )

/**
 * A population of users to seed (default 0 to 40), with unique identifiers.
 *
 * @since 1.0.0
 * @category arbitraries
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core"
 * import { Arbitraries, UsersInMemory, UsersTestControl } from "@effect-clerk/testkit"
 * import { it } from "@effect/vitest"
 * import { Effect } from "effect"
 *
 * it.effect.prop("count is the population's size", [Arbitraries.population({ maxLength: 30 })], ([seeds]) =>
 *   Effect.gen(function*() {
 *     yield* (yield* UsersTestControl.UsersTestControl).seedUsers(seeds)
 *     return (yield* (yield* Users.Users).count()) === seeds.length
 *   }).pipe(Effect.provide(UsersInMemory.layer())))
 * ```
 */
export const population = (
  options: { readonly minLength?: number; readonly maxLength?: number } = {}
): Arbitrary.Arbitrary<ReadonlyArray<Seed.UserSeed>> =>
  Arbitrary.flatMap(
    int(options.minLength ?? 0, options.maxLength ?? 40),
    (n) => Arbitrary.all(Array.from({ length: n }, (_, i) => userSeed(i)))
  )

const lowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789"

/**
 * Valid `create` parameters (identifiers made unique by a random suffix).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const createUserParams: Arbitrary.Arbitrary<CreateUserParams> = Arbitrary.map(
  Arbitrary.all({
    suffix: word(lowerDigits, 10, 10),
    firstName: option(pick(Population.firstNames), null),
    lastName: option(pick(Population.lastNames), null),
    withUsername: boolean,
    password: option(word(`${lowerDigits}ABCDEFGHIJKLMNOPQRSTUVWXYZ`, 12, 20), undefined),
    publicMetadata: option(metadata({ maxDepth: 2 }), undefined)
  }),
  Population.createUserParamsOf
)

/**
 * Every `orderBy` value (from the `UserOrderBy` schema).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const userOrderBy: Arbitrary.Arbitrary<Model.UserOrderBy> = Arbitrary.schema(UserOrderBy)

/** `arbitrary`'s value, or absent one time in four. */
const maybe = <A>(arbitrary: Arbitrary.Arbitrary<A>) => option(arbitrary, undefined)

/**
 * Filters drawn from the vocabulary of {@link population}, so that they select some users and not others (each
 * filter present or absent).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const countUsersParams: Arbitrary.Arbitrary<CountUsersParams> = Arbitrary.map(
  Arbitrary.all({
    emailAddressQuery: maybe(pick(Population.filterValues.emailAddressQuery)),
    nameQuery: maybe(pick(Population.filterValues.nameQuery)),
    query: maybe(pick(Population.filterValues.query)),
    usernameQuery: maybe(pick(Population.filterValues.usernameQuery)),
    phoneNumberQuery: maybe(pick(Population.filterValues.phoneNumberQuery)),
    banned: maybe(boolean),
    createdAtAfter: maybe(time),
    createdAtBefore: maybe(time),
    lastActiveAtAfter: maybe(time),
    lastSignInAtBefore: maybe(time),
    externalId: maybe(
      Arbitrary.array(Arbitrary.map(int(0, 10), Population.externalIdFilter), { minLength: 1, maxLength: 4 })
    )
  }),
  (r): CountUsersParams => ({
    ...(r.emailAddressQuery !== undefined && { emailAddressQuery: r.emailAddressQuery }),
    ...(r.nameQuery !== undefined && { nameQuery: r.nameQuery }),
    ...(r.query !== undefined && { query: r.query }),
    ...(r.usernameQuery !== undefined && { usernameQuery: r.usernameQuery }),
    ...(r.phoneNumberQuery !== undefined && { phoneNumberQuery: r.phoneNumberQuery }),
    ...(r.banned !== undefined && { banned: r.banned }),
    ...(r.createdAtAfter !== undefined && { createdAtAfter: r.createdAtAfter }),
    ...(r.createdAtBefore !== undefined && { createdAtBefore: r.createdAtBefore }),
    ...(r.lastActiveAtAfter !== undefined && { lastActiveAtAfter: r.lastActiveAtAfter }),
    ...(r.lastSignInAtBefore !== undefined && { lastSignInAtBefore: r.lastSignInAtBefore }),
    ...(r.externalId !== undefined && { externalId: r.externalId })
  })
)

/**
 * `list` parameters: filters, an order, and a page (limit 1..500, offset 0..60).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const listUsersParams: Arbitrary.Arbitrary<ListUsersParams> = Arbitrary.map(
  Arbitrary.all([countUsersParams, option(userOrderBy, undefined), int(1, 500), int(0, 60)]),
  ([filters, orderBy, limit, offset]) => ({ ...filters, ...(orderBy !== undefined && { orderBy }), limit, offset })
)
