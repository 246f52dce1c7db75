/**
 * A deep copy of everything the state holds, private fields included.
 *
 * @internal
 */
import type {
  BillingCreditLedgerEntry,
  BillingSubscription,
  OAuthAccessToken,
  Organization,
  OrganizationInvitation,
  OrganizationMembership,
  TrustedDevice,
  User
} from "../../Model.js"
import { membershipView } from "./organizations.js"
import { view } from "./records.js"
import type { State } from "./state.js"
import { liveRecords } from "./state.js"

/**
 * A deep copy of everything the state holds, private fields included (exported as `Store.StoreSnapshot`).
 *
 * @since 0.2.0
 * @category models
 */
export interface StoreSnapshot {
  readonly users: ReadonlyArray<{
    readonly user: User
    readonly hasPassword: boolean
    readonly totpSecret: string | undefined
    readonly backupCodes: ReadonlyArray<string>
  }>
  readonly organizations: ReadonlyArray<Organization>
  readonly memberships: ReadonlyArray<OrganizationMembership>
  readonly invitations: ReadonlyArray<OrganizationInvitation>
  readonly oauthTokens: ReadonlyArray<OAuthAccessToken & { readonly userId: string }>
  readonly billingSubscriptions: ReadonlyArray<{ readonly userId: string; readonly subscription: BillingSubscription }>
  readonly credits: ReadonlyArray<{ readonly userId: string; readonly ledger: ReadonlyArray<BillingCreditLedgerEntry> }>
  readonly trustedDevices: ReadonlyArray<TrustedDevice & { readonly userId: string }>
}

/** @internal */
export const snapshot = (state: State, now: number): StoreSnapshot =>
  structuredClone({
    users: liveRecords(state).map((record) => ({
      user: view(record, now),
      hasPassword: record.password !== undefined,
      totpSecret: record.totpSecret,
      backupCodes: record.backupCodes
    })),
    organizations: [...state.organizations.values()],
    memberships: [...state.memberships.values()].flatMap((record) => {
      const membership = membershipView(state, record)
      return membership === undefined ? [] : [membership]
    }),
    invitations: [...state.invitations.values()],
    oauthTokens: state.tokens.map((t) => ({ ...t.token, userId: t.userId })),
    billingSubscriptions: [...state.subscriptions.entries()].map(([userId, subscription]) => ({
      userId,
      subscription
    })),
    credits: [...state.credits.entries()].map(([userId, account]) => ({ userId, ledger: account.entries })),
    trustedDevices: [...state.trustedDevices.entries()].flatMap(([userId, devices]) =>
      devices.map((device) => ({ ...device, userId }))
    )
  })
