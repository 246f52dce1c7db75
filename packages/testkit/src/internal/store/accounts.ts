/**
 * What is attached to a user besides its identifiers and credentials: external (OAuth) accounts and their
 * tokens, passkeys, and web3 wallets as removable items (billing is `billing.ts`).
 *
 * @internal
 */
import type { DeletedObject } from "@effect-clerk/core/DeletedObject"
import type { OAuthAccessToken } from "@effect-clerk/core/OAuthAccessToken"
import type { Paginated } from "@effect-clerk/core/Responses"
import type { EmailAddress, ExternalAccount, Passkey, User } from "@effect-clerk/core/User"
import type { OAuthAccessTokenParams } from "@effect-clerk/core/UsersParams"
import { notFound } from "@effect-clerk/kernel/ErrorCatalogue"
import * as Either from "effect/Either"
import type { ExternalAccountSeed, OAuthTokenSeed, PasskeySeed } from "../../Seeds.js"
import type { Mutable, Result } from "./records.js"
import { find, view } from "./records.js"
import type { State } from "./state.js"
import { setTokens, updateUser } from "./state.js"

/** Clerk's provider names carry the `oauth_` prefix; seeds and queries may omit it. @internal */
export const oauthProvider = (provider: string): string =>
  provider.startsWith("oauth_") ? provider : `oauth_${provider}`

/**
 * The email addresses with their links to the external accounts that carry the same address (what Clerk
 * records when an OAuth sign-in verified an address).
 *
 * @internal
 */
export const linkEmails = (
  emails: ReadonlyArray<EmailAddress>,
  accounts: ReadonlyArray<ExternalAccount>
): Array<EmailAddress> =>
  emails.map((email) => {
    const links = accounts
      .filter((account) => account.emailAddress.toLowerCase() === email.emailAddress && account.identificationId)
      .filter((account) => !email.linkedTo.some((link) => link.id === account.identificationId))
      .map((account) => ({ type: account.provider, id: account.identificationId! }))
    return links.length === 0 ? email : { ...email, linkedTo: [...email.linkedTo, ...links] }
  })

/** An external account as Clerk shows it, from a seed. @internal */
export const externalAccount = (state: State, seed: ExternalAccountSeed, now: number): ExternalAccount => {
  const provider = oauthProvider(seed.provider)
  return {
    object: "external_account",
    id: seed.id ?? state.ids.next("eac"),
    provider,
    identificationId: state.ids.next("idn"),
    providerUserId: seed.providerUserId,
    approvedScopes: seed.approvedScopes ?? "email profile",
    emailAddress: seed.emailAddress ?? "",
    emailAddressVerified: null,
    firstName: seed.firstName ?? "",
    lastName: seed.lastName ?? "",
    imageUrl: null,
    username: seed.username ?? null,
    phoneNumber: null,
    publicMetadata: {},
    label: null,
    createdAt: now,
    updatedAt: now,
    verification: {
      object: "verification_oauth",
      status: "verified",
      strategy: provider,
      attempts: null,
      expireAt: now
    }
  }
}

const kinds = {
  passkeys: "passkey",
  web3Wallets: "web3_wallet",
  externalAccounts: "external_account"
} as const

/**
 * Removes a passkey, a web3 wallet or an external account (with its tokens) from a user.
 *
 * @internal
 */
export const deleteItem = (
  state: State,
  userId: string,
  key: keyof typeof kinds,
  itemId: string,
  now: number
): Result<DeletedObject> =>
  Either.flatMap(find(state, userId), (record) => {
    const kind = kinds[key]
    const items: ReadonlyArray<{ readonly id?: string }> = record.user[key]
    if (!items.some((item) => item.id === itemId)) return Either.left(notFound(kind, itemId))
    const next: Mutable<typeof record.user> = { ...record.user, updatedAt: now }
    if (key === "passkeys") next.passkeys = next.passkeys.filter((p) => p.id !== itemId)
    if (key === "externalAccounts") {
      const removed = next.externalAccounts.find((a) => a.id === itemId)?.identificationId
      next.externalAccounts = next.externalAccounts.filter((a) => a.id !== itemId)
      next.emailAddresses = next.emailAddresses.map((email) =>
        email.linkedTo.some((link) => link.id === removed)
          ? { ...email, linkedTo: email.linkedTo.filter((link) => link.id !== removed) }
          : email
      )
      setTokens(state, state.tokens.filter((t) => !(t.userId === userId && t.token.externalAccountId === itemId)))
    }
    if (key === "web3Wallets") {
      next.web3Wallets = next.web3Wallets.filter((w) => w.id !== itemId)
      if (next.primaryWeb3WalletId === itemId) next.primaryWeb3WalletId = next.web3Wallets[0]?.id ?? null
    }
    updateUser(state, record, next)
    return Either.right({ object: kind, id: itemId, deleted: true })
  })

/**
 * A user's OAuth tokens for a provider: with `paginated: true` a page and the total, otherwise the tokens (a
 * slice of them when `limit` or `offset` is given).
 *
 * @internal
 */
export const oauthTokens = (
  state: State,
  userId: string,
  provider: string,
  params: OAuthAccessTokenParams | undefined
): Result<ReadonlyArray<OAuthAccessToken> | Paginated<OAuthAccessToken>> =>
  Either.map(find(state, userId), () => {
    const normalized = oauthProvider(provider)
    const all = state.tokens.filter((t) => t.userId === userId && t.token.provider === normalized).map((t) => t.token)
    if (params?.paginated === true || params?.limit !== undefined || params?.offset !== undefined) {
      const offset = params.offset ?? 0
      const data = all.slice(offset, offset + (params.limit ?? 10))
      return params.paginated === true ? { data, totalCount: all.length } : data
    }
    return all
  })

/** Attaches an external account to an existing user. @internal */
export const seedExternalAccount = (
  state: State,
  userId: string,
  seed: ExternalAccountSeed,
  now: number
): Result<User> =>
  Either.map(find(state, userId), (record) => {
    const externalAccounts = [...record.user.externalAccounts, externalAccount(state, seed, now)]
    const emailAddresses = linkEmails(record.user.emailAddresses, externalAccounts)
    return view(updateUser(state, record, { ...record.user, emailAddresses, externalAccounts }), now)
  })

/** A passkey as Clerk shows it, from a seed. @internal */
export const passkeyOf = (state: State, seed: PasskeySeed, now: number): Passkey => ({
  id: seed.id ?? state.ids.next("idn"),
  object: "passkey",
  name: seed.name,
  lastUsedAt: seed.lastUsedAt ?? now,
  verification: { object: "verification_passkey", status: "verified", strategy: "passkey", attempts: 1, expireAt: null }
})

/** Attaches a passkey to an existing user. @internal */
export const seedPasskey = (state: State, userId: string, seed: PasskeySeed, now: number): Result<User> =>
  Either.map(find(state, userId), (record) => {
    const passkeys = [...record.user.passkeys, passkeyOf(state, seed, now)]
    return view(updateUser(state, record, { ...record.user, passkeys }), now)
  })

/** Seeds an OAuth token, creating an external account of the provider when the user has none. @internal */
export const seedOAuthToken = (state: State, seed: OAuthTokenSeed, now: number): Result<OAuthAccessToken> =>
  Either.flatMap(find(state, seed.userId), (record) => {
    const provider = oauthProvider(seed.provider)
    let account = seed.externalAccountId === undefined
      ? record.user.externalAccounts.find((a) => a.provider === provider)
      : record.user.externalAccounts.find((a) => a.id === seed.externalAccountId)
    if (account === undefined) {
      account = externalAccount(state, {
        provider,
        providerUserId: seed.providerUserId ?? state.ids.next("puid"),
        ...(seed.externalAccountId === undefined ? {} : { id: seed.externalAccountId })
      }, now)
      updateUser(state, record, { ...record.user, externalAccounts: [...record.user.externalAccounts, account] })
    }
    const token: OAuthAccessToken = {
      object: "oauth_access_token",
      externalAccountId: account.id,
      providerUserId: account.providerUserId,
      token: seed.token,
      expiresAt: seed.expiresAt === undefined ? null : seed.expiresAt,
      provider,
      publicMetadata: seed.publicMetadata ?? {},
      label: seed.label ?? null,
      ...(seed.scopes === undefined ? {} : { scopes: seed.scopes }),
      ...(seed.idToken === undefined ? {} : { idToken: seed.idToken }),
      ...(seed.tokenSecret === undefined ? {} : { tokenSecret: seed.tokenSecret })
    }
    setTokens(state, [...state.tokens, { userId: seed.userId, token }])
    return Either.right(token)
  })
