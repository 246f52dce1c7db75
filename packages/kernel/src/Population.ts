/**
 * The vocabulary of the test kits' generated data, shared by both lines' arbitraries: the names, domains and
 * times of generated users (a one-second grid of one minute, so that orderings have ties and bounds fall on a
 * user's time or beside it), the filters that hit such a population, the metadata keys (awkward ones included),
 * and how a generator's choices become a user seed or `create` parameters. Each line draws the choices with its
 * own property-testing library.
 *
 * @since 0.3.0
 */
import type { CreateUserParams, JsonObject } from "./Model.js"
import type { UserSeed } from "./Seed.js"

/**
 * @since 0.3.0
 * @category vocabulary
 */
export const firstNames = ["Ada", "Alan", "Grace", "Barbara", "Edsger", "Donald", "Katherine", "Linus"] as const

/**
 * @since 0.3.0
 * @category vocabulary
 */
export const lastNames = ["Lovelace", "Turing", "Hopper", "Liskov", "Dijkstra", "Knuth", "Johnson"] as const

/**
 * @since 0.3.0
 * @category vocabulary
 */
export const domains = ["example.com", "example.org", "acme.test"] as const

/**
 * The slots of the time grid (`timeAt(slot)`): 0..60.
 *
 * @since 0.3.0
 * @category vocabulary
 */
export const timeSlots = { min: 0, max: 60 } as const

/**
 * The time of a slot: one second apart from 2023-11-14T22:13:20Z.
 *
 * @since 0.3.0
 * @category vocabulary
 */
export const timeAt = (slot: number): number => 1_700_000_000_000 + slot * 1000

/**
 * Object keys a metadata generator favours, and the awkward ones it also tries.
 *
 * @since 0.3.0
 * @category vocabulary
 */
export const metadataKeys = {
  common: ["a", "b", "c", "plan", "tags", "nested", "count", "flags"],
  awkward: ["__proto__", "constructor", "", "ключ", "🔑", "a.b", "toString"]
} as const

/**
 * Filter values drawn from the population's vocabulary, so that they select some users and not others.
 *
 * @since 0.3.0
 * @category vocabulary
 */
export const filterValues = {
  emailAddressQuery: ["example", ".org", "ada", "ACME", "zzz"],
  nameQuery: ["a", "Lov", "TUR", "grace h"],
  query: ["e", "ada", "555", "lovelace"],
  usernameQuery: ["_u", "ada"],
  phoneNumberQuery: ["555", "+1"]
} as const

/**
 * An external id filter value from a number 0..10 (every third one negated: `-ext-3`).
 *
 * @since 0.3.0
 * @category vocabulary
 */
export const externalIdFilter = (n: number): string => (n % 3 === 0 ? `-ext-${n}` : `ext-${n}`)

/**
 * A generator's choices for one user of a population.
 *
 * @since 0.3.0
 * @category models
 */
export interface SeedChoices {
  readonly firstName: string | null
  readonly lastName: string | null
  readonly domain: string
  readonly withPhone: boolean
  readonly withUsername: boolean
  readonly withExternalId: boolean
  readonly banned: boolean
  readonly createdAt: number
  readonly lastActiveAt: number | null
  readonly lastSignInAt: number | null
}

/**
 * The seed of the `index`-th user of a population (its identifiers unique by `index`).
 *
 * @since 0.3.0
 * @category constructors
 */
export const userSeedOf = (index: number, choices: SeedChoices): UserSeed => {
  const local = `${(choices.firstName ?? "user").toLowerCase()}${index}`
  return {
    firstName: choices.firstName,
    lastName: choices.lastName,
    emailAddress: [`${local}@${choices.domain}`],
    ...(choices.withPhone ? { phoneNumber: [`+1555${String(1_000_000 + index).slice(-7)}`] } : {}),
    ...(choices.withUsername ? { username: `${local}_u` } : {}),
    ...(choices.withExternalId ? { externalId: `ext-${index}` } : {}),
    banned: choices.banned,
    createdAt: choices.createdAt,
    lastActiveAt: choices.lastActiveAt,
    lastSignInAt: choices.lastSignInAt
  }
}

/**
 * A generator's choices for valid `create` parameters (`suffix`: 10 of `[a-z0-9]`, unique enough).
 *
 * @since 0.3.0
 * @category models
 */
export interface CreateChoices {
  readonly suffix: string
  readonly firstName: string | null
  readonly lastName: string | null
  readonly withUsername: boolean
  readonly password?: string | undefined
  readonly publicMetadata?: JsonObject | undefined
}

/**
 * `create` parameters from a generator's choices.
 *
 * @since 0.3.0
 * @category constructors
 */
export const createUserParamsOf = (choices: CreateChoices): CreateUserParams => ({
  emailAddress: [`${choices.suffix}@example.com`],
  firstName: choices.firstName,
  lastName: choices.lastName,
  ...(choices.withUsername ? { username: `u_${choices.suffix}` } : {}),
  ...(choices.password === undefined ? {} : { password: choices.password }),
  ...(choices.publicMetadata === undefined ? {} : { publicMetadata: choices.publicMetadata })
})
