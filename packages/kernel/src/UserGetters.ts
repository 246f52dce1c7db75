/**
 * What `@clerk/backend`'s `User` computes from a user's fields: the full name and the primary identifiers, as
 * plain functions over the kernel's model (`undefined` for none). Both lines wrap them (in `Option`).
 *
 * @since 0.3.0
 */
import type { EmailAddress, PhoneNumber, User, Web3Wallet } from "./internal/model/user.js"

/**
 * The first and last names joined by a space, or `undefined` when both are missing or blank (`User.fullName`).
 *
 * @since 0.3.0
 * @category getters
 * @example
 * ```ts
 * import { UserGetters } from "@effect-clerk/kernel"
 *
 * console.log(UserGetters.fullName({ firstName: "Ada", lastName: null })) // "Ada"
 * ```
 */
export const fullName = (user: Pick<User, "firstName" | "lastName">): string | undefined => {
  const name = [user.firstName ?? "", user.lastName ?? ""].join(" ").trim()
  return name === "" ? undefined : name
}

/**
 * The item of `items` whose id is `id` (`undefined` when `id` is `null` or no item has it).
 *
 * @since 0.3.0
 * @category getters
 */
export const primaryOf = <A extends { readonly id?: string | undefined }>(
  items: ReadonlyArray<A>,
  id: string | null
): A | undefined => (id === null ? undefined : items.find((item) => item.id === id))

/**
 * The entry of `emailAddresses` whose id is `primaryEmailAddressId` (`User.primaryEmailAddress`).
 *
 * @since 0.3.0
 * @category getters
 */
export const primaryEmailAddress = (
  user: Pick<User, "emailAddresses" | "primaryEmailAddressId">
): EmailAddress | undefined => primaryOf(user.emailAddresses, user.primaryEmailAddressId)

/**
 * The entry of `phoneNumbers` whose id is `primaryPhoneNumberId` (`User.primaryPhoneNumber`).
 *
 * @since 0.3.0
 * @category getters
 */
export const primaryPhoneNumber = (
  user: Pick<User, "phoneNumbers" | "primaryPhoneNumberId">
): PhoneNumber | undefined => primaryOf(user.phoneNumbers, user.primaryPhoneNumberId)

/**
 * The entry of `web3Wallets` whose id is `primaryWeb3WalletId` (`User.primaryWeb3Wallet`).
 *
 * @since 0.3.0
 * @category getters
 */
export const primaryWeb3Wallet = (
  user: Pick<User, "web3Wallets" | "primaryWeb3WalletId">
): Web3Wallet | undefined => primaryOf(user.web3Wallets, user.primaryWeb3WalletId)
