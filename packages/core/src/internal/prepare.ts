/**
 * Input preparation for the 31 operations: validation (`InvalidRequest`, nothing sent) and encoding into
 * what the request carries (path parameters, query parameters, body). The HTTP layer executes the result;
 * the in-memory layer runs the same checks so that both refuse exactly the same input.
 *
 * @internal
 */
import type * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import { updateAcceptsMetadata } from "../ClerkConfig.js"
import { InvalidRequest } from "../ClerkError.js"
import type { Users } from "../Users.js"
import type { ProfileImage } from "../UsersParams.js"
import {
  CountUsersParams,
  CreateUserParams,
  InstanceOrganizationMembershipsParams,
  ListUsersParams,
  OAuthAccessTokenParams,
  OrganizationInvitationsParams,
  PaginationParams,
  SetPasswordCompromisedParams,
  UpdateMetadataParams,
  UpdateUserParams,
  UserIdsBody,
  VerifyPasswordBody,
  VerifyTotpBody
} from "../UsersParams.js"
import type { Body, RequestInput } from "./client.js"
import { encodeJsonBody, encodeQuery, idProblem, validateId } from "./client.js"
import { operations } from "./operations.js"

type Preparers = {
  readonly [K in keyof Users.Operations]: (
    ...args: Parameters<Users.Operations[K]>
  ) => Effect.Effect<RequestInput, InvalidRequest>
}

const METADATA_KEYS = ["publicMetadata", "privateMetadata", "unsafeMetadata"] as const

/**
 * The preparation of every operation, for an API version.
 *
 * @internal
 */
export const makePreparers = (apiVersion: string): Preparers => {
  /** Validates the user id (and further path parameters) and annotates the current span with it. */
  const path = (operation: string, userId: string, more: ReadonlyArray<readonly [string, string]> = []) =>
    Effect.suspend((): Effect.Effect<Array<string>, InvalidRequest> => {
      const fail = (field: string, message: string) => Effect.fail(new InvalidRequest({ operation, field, message }))
      const problem = idProblem("userId", userId)
      if (problem !== undefined) return fail("userId", problem)
      const params = [userId]
      for (const [field, value] of more) {
        const itemProblem = idProblem(field, value)
        if (itemProblem !== undefined) return fail(field, itemProblem)
        params.push(value)
      }
      return Effect.as(Effect.annotateCurrentSpan("clerk.user_id", userId), params)
    })

  const byUserId = (operation: string) => (userId: string) =>
    Effect.map(path(operation, userId), (params): RequestInput => ({ params }))

  const withBody = (operation: string, userId: string, body: Effect.Effect<Body, InvalidRequest>, pace = false) =>
    Effect.zipWith(path(operation, userId), body, (params, body): RequestInput => ({
      params,
      body,
      ...(pace ? { writeLimitKey: userId } : {})
    }))

  const withQuery = (
    operation: string,
    userId: string,
    urlParams: Effect.Effect<UrlParams.UrlParams, InvalidRequest>,
    more: ReadonlyArray<readonly [string, string]> = []
  ) =>
    Effect.zipWith(path(operation, userId, more), urlParams, (params, urlParams): RequestInput => ({
      params,
      urlParams
    }))

  const bulk = (operation: string) => (userIds: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      if (Array.isArray(userIds)) {
        for (let i = 0; i < userIds.length; i++) yield* validateId(operation, `userIds[${i}]`, userIds[i])
      }
      const body = yield* encodeJsonBody(operation, UserIdsBody, { userIds }, "")
      return { body } satisfies RequestInput
    })

  const profileImage = (file: ProfileImage): Effect.Effect<Body, InvalidRequest> => {
    const fail = (message: string) =>
      Effect.fail(new InvalidRequest({ operation: operations.setProfileImage.name, field: "file", message }))
    if (typeof file !== "object" || file === null) return fail("file must be { data, fileName?, contentType? }")
    const { contentType, data, fileName } = file
    const blob = data instanceof Blob
      ? data
      : data instanceof Uint8Array
      ? new Blob([new Uint8Array(data)], contentType === undefined ? {} : { type: contentType })
      : undefined
    if (blob === undefined) return fail("file.data must be a Uint8Array or a Blob")
    if (blob.size === 0) return fail("file.data is empty")
    const form = new FormData()
    form.append("file", blob, fileName ?? "profile-image")
    return Effect.succeed({ _tag: "Multipart", form })
  }

  const metadataInUpdate = (params: UpdateUserParams): Effect.Effect<void, InvalidRequest> => {
    if (updateAcceptsMetadata(apiVersion) || typeof params !== "object" || params === null) return Effect.void
    const key = METADATA_KEYS.find((key) => key in params)
    return key === undefined ? Effect.void : Effect.fail(
      new InvalidRequest({
        operation: operations.update.name,
        field: `params.${key}`,
        message: `Clerk API version ${apiVersion} no longer accepts metadata in update: use updateMetadata`
      })
    )
  }

  const o = operations
  return {
    list: (params) =>
      Effect.map(encodeQuery(o.list.name, ListUsersParams, params), (urlParams): RequestInput => ({ urlParams })),
    create: (params) => Effect.map(encodeJsonBody(o.create.name, CreateUserParams, params), (body) => ({ body })),
    count: (params) => Effect.map(encodeQuery(o.count.name, CountUsersParams, params), (urlParams) => ({ urlParams })),
    get: byUserId(o.get.name),
    update: (userId, params) =>
      Effect.zipRight(
        metadataInUpdate(params),
        withBody(o.update.name, userId, encodeJsonBody(o.update.name, UpdateUserParams, params), true)
      ),
    delete: byUserId(o.delete.name),
    ban: byUserId(o.ban.name),
    unban: byUserId(o.unban.name),
    bulkBan: bulk(o.bulkBan.name),
    bulkUnban: bulk(o.bulkUnban.name),
    lock: byUserId(o.lock.name),
    unlock: byUserId(o.unlock.name),
    setProfileImage: (userId, file) => withBody(o.setProfileImage.name, userId, profileImage(file)),
    deleteProfileImage: byUserId(o.deleteProfileImage.name),
    updateMetadata: (userId, patch) =>
      withBody(
        o.updateMetadata.name,
        userId,
        encodeJsonBody(o.updateMetadata.name, UpdateMetadataParams, patch, "patch"),
        true
      ),
    getBillingSubscription: byUserId(o.getBillingSubscription.name),
    getOAuthAccessToken: (userId, provider, params) =>
      withQuery(
        o.getOAuthAccessToken.name,
        userId,
        encodeQuery(o.getOAuthAccessToken.name, OAuthAccessTokenParams, params),
        [["provider", provider]]
      ),
    getOrganizationMemberships: (userId, params) =>
      withQuery(
        o.getOrganizationMemberships.name,
        userId,
        encodeQuery(o.getOrganizationMemberships.name, PaginationParams, params)
      ),
    getOrganizationInvitations: (userId, params) =>
      withQuery(
        o.getOrganizationInvitations.name,
        userId,
        encodeQuery(o.getOrganizationInvitations.name, OrganizationInvitationsParams, params)
      ),
    verifyPassword: (userId, password) =>
      withBody(o.verifyPassword.name, userId, encodeJsonBody(o.verifyPassword.name, VerifyPasswordBody, { password })),
    verifyTotp: (userId, code) =>
      withBody(o.verifyTotp.name, userId, encodeJsonBody(o.verifyTotp.name, VerifyTotpBody, { code })),
    disableMfa: byUserId(o.disableMfa.name),
    deleteBackupCodes: byUserId(o.deleteBackupCodes.name),
    deletePasskey: (userId, passkeyIdentificationId) =>
      Effect.map(
        path(o.deletePasskey.name, userId, [["passkeyIdentificationId", passkeyIdentificationId]]),
        (params) => ({ params })
      ),
    deleteWeb3Wallet: (userId, web3WalletIdentificationId) =>
      Effect.map(
        path(o.deleteWeb3Wallet.name, userId, [["web3WalletIdentificationId", web3WalletIdentificationId]]),
        (params) => ({ params })
      ),
    createTotp: byUserId(o.createTotp.name),
    deleteTotp: byUserId(o.deleteTotp.name),
    deleteExternalAccount: (userId, externalAccountId) =>
      Effect.map(
        path(o.deleteExternalAccount.name, userId, [["externalAccountId", externalAccountId]]),
        (params) => ({ params })
      ),
    setPasswordCompromised: (userId, params) =>
      withBody(
        o.setPasswordCompromised.name,
        userId,
        encodeJsonBody(o.setPasswordCompromised.name, SetPasswordCompromisedParams, params ?? {})
      ),
    unsetPasswordCompromised: byUserId(o.unsetPasswordCompromised.name),
    getInstanceOrganizationMemberships: (params) =>
      Effect.map(
        encodeQuery(o.getInstanceOrganizationMemberships.name, InstanceOrganizationMembershipsParams, params),
        (urlParams) => ({ urlParams })
      )
  }
}
