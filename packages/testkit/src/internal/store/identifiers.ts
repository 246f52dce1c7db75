/**
 * Identifiers: their formats, and their uniqueness across users and within one request.
 *
 * @internal
 */
import { type Failure as StoreFailure, formatInvalid, identifierExists } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import type { State } from "./state.js"
import { owners } from "./state.js"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+[1-9]\d{6,14}$/
const WEB3 = /^0x[0-9a-fA-F]{40}$/
const USERNAME = /^[a-z0-9_-]{4,64}$/

/** @internal */
export interface Identifiers {
  /** `claimed: false`: an unverified identifier, checked for its format only (another user may hold it). */
  readonly emails: ReadonlyArray<{ readonly address: string; readonly claimed?: boolean }>
  readonly phones: ReadonlyArray<{ readonly number: string; readonly claimed?: boolean }>
  readonly wallets: ReadonlyArray<string>
  readonly username: string | null | undefined
  readonly externalId: string | null | undefined
}

/**
 * Validates new identifiers: their format, and that no other user (than `self`) holds them, nor another
 * identifier of the same request.
 *
 * @internal
 */
export const checkIdentifiers = (
  state: State,
  input: Identifiers,
  self: string | undefined
): Either.Either<void, StoreFailure> => {
  const owner = owners(state)
  const taken = (id: string | undefined) => id !== undefined && id !== self
  const seen = new Set<string>()
  for (const { address, claimed } of input.emails) {
    if (!EMAIL.test(address)) return Either.left(formatInvalid("email_address", "must be a valid email address."))
    if (claimed === false) continue
    const key = `e:${address.toLowerCase()}`
    if (taken(owner.email(address)) || seen.has(key)) return Either.left(identifierExists("email_address"))
    seen.add(key)
  }
  for (const { claimed, number } of input.phones) {
    if (!PHONE.test(number)) {
      return Either.left(formatInvalid("phone_number", "must be a valid phone number in E.164 format."))
    }
    if (claimed === false) continue
    const key = `p:${number}`
    if (taken(owner.phone(number)) || seen.has(key)) return Either.left(identifierExists("phone_number"))
    seen.add(key)
  }
  for (const wallet of input.wallets) {
    if (!WEB3.test(wallet)) return Either.left(formatInvalid("web3_wallet", "must be a valid web3 wallet address."))
    const key = `w:${wallet.toLowerCase()}`
    if (taken(owner.web3(wallet)) || seen.has(key)) return Either.left(identifierExists("web3_wallet"))
    seen.add(key)
  }
  if (input.username !== null && input.username !== undefined && input.username !== "") {
    if (!USERNAME.test(input.username.toLowerCase())) {
      return Either.left(formatInvalid("username", "must be 4 to 64 characters: letters, digits, \"_\" and \"-\"."))
    }
    if (taken(owner.username(input.username))) return Either.left(identifierExists("username"))
  }
  if (input.externalId !== null && input.externalId !== undefined && input.externalId !== "") {
    if (taken(owner.externalId(input.externalId))) return Either.left(identifierExists("external_id"))
  }
  return Either.void
}
