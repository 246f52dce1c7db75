/**
 * A deep copy of everything the state holds, private fields included.
 *
 * @internal
 */
import type { StoreSnapshot } from "../../Store.js"
import { membershipView } from "./organizations.js"
import { view } from "./records.js"
import type { State } from "./state.js"
import { liveRecords } from "./state.js"

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
