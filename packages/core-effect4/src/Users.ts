/**
 * The Users service of the Effect 4 line (spike: `get` and `list`). Requests come from the kernel's operation
 * rows; each operation's error union is derived from the statuses its row documents.
 *
 * @since 1.0.0
 */
import type { Model } from "@effect-clerk/kernel"
import * as Operations from "@effect-clerk/kernel/Operations"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { ClerkConfig } from "./ClerkConfig.js"
import {
  AuthenticationInvalid,
  BadRequest,
  type CommonError,
  DecodeError,
  ResourceNotFound,
  TransportError,
  UnexpectedStatus,
  UnprocessableEntity
} from "./ClerkError.js"
import * as Request from "./internal/request.js"
import { ClerkApiError, User } from "./User.js"

/** The error class of each documented status this spike knows. */
const statusErrors = {
  400: BadRequest,
  401: AuthenticationInvalid,
  404: ResourceNotFound,
  422: UnprocessableEntity
} as const

type StatusErrors = { readonly [S in keyof typeof statusErrors]: InstanceType<(typeof statusErrors)[S]> }

/**
 * The failures of an operation: one error per status its kernel row documents, and the common ones.
 *
 * @since 1.0.0
 * @category models
 */
export type Error<K extends "get" | "list"> =
  | StatusErrors[Extract<Operations.StatusOf<K>, keyof StatusErrors>]
  | CommonError

/**
 * The Users API.
 *
 * @since 1.0.0
 * @category services
 * @example
 * ```ts
 * import { Users } from "@effect-clerk/core-effect4"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const users = yield* Users.Users
 *   return yield* users.list({ limit: 10 })
 * })
 * ```
 */
export class Users extends Context.Service<Users, {
  readonly get: (userId: string) => Effect.Effect<Model.User, Error<"get">>
  readonly list: (params?: Model.ListUsersParams) => Effect.Effect<ReadonlyArray<Model.User>, Error<"list">>
}>()("@effect-clerk/core/Users") {}

const ErrorBody = Schema.Struct({
  errors: Schema.Array(ClerkApiError),
  clerkTraceId: Schema.optionalKey(Schema.String)
}).pipe(Schema.encodeKeys({ clerkTraceId: "clerk_trace_id" }))

const decodeErrorBody = Schema.decodeUnknownEffect(ErrorBody)

const isStatusError = (status: number): status is keyof typeof statusErrors => Object.hasOwn(statusErrors, status)

const transport = (operation: string) => (error: HttpClientError.HttpClientError) =>
  new TransportError({ operation, message: error.message })

/** Whether an error's status is one the operation's row documents (a real check, not an assertion). */
const documentedBy = <S extends Operations.Status>(statuses: ReadonlyArray<S>) =>
(
  error: StatusErrors[keyof StatusErrors]
): error is StatusErrors[S & keyof StatusErrors] => statuses.some((status) => status === error.status)

/** The error of a non-2xx response: the row's documented status gets its class, any other `UnexpectedStatus`. */
const failure = <S extends Operations.Status>(
  statuses: ReadonlyArray<S>,
  operation: string,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<never, StatusErrors[S & keyof StatusErrors] | UnexpectedStatus> =>
  response.json.pipe(
    Effect.flatMap(decodeErrorBody),
    Effect.orElseSucceed(() => ({ errors: [] })),
    Effect.flatMap((body) => {
      const fields = { operation, status: response.status, ...body }
      const status = response.status
      const error = isStatusError(status) ? new statusErrors[status](fields) : undefined
      return Effect.fail(
        error !== undefined && documentedBy(statuses)(error) ? error : new UnexpectedStatus(fields)
      )
    })
  )

/** One call: the request from the row, the response decoded with `success`, or the error of its status. */
const call = <S extends Operations.Status, A>(
  client: HttpClient.HttpClient,
  config: ClerkConfig["Service"],
  row: Operations.AnyOperation & { readonly statuses: ReadonlyArray<S> },
  success: Schema.Decoder<A>,
  args: ReadonlyArray<unknown>
): Effect.Effect<A, StatusErrors[S & keyof StatusErrors] | CommonError> => {
  const operation = `Users.${row.key}`
  const decode = Schema.decodeUnknownEffect(success)
  return Effect.gen(function*() {
    const response = yield* client.execute(Request.build(config, row, args)).pipe(
      Effect.mapError(transport(operation))
    )
    const status = response.status
    if (status < 200 || status >= 300) return yield* failure(row.statuses, operation, response)
    const json = yield* response.json.pipe(
      Effect.mapError((error) => new DecodeError({ operation, status, reason: "Json", message: error.message }))
    )
    return yield* decode(json).pipe(
      Effect.mapError((error) => new DecodeError({ operation, status, reason: "Schema", message: error.message }))
    )
  }).pipe(Effect.withSpan(operation))
}

/**
 * The service over an `HttpClient` and the configuration.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make: Effect.Effect<Users["Service"], never, HttpClient.HttpClient | ClerkConfig> = Effect.gen(
  function*() {
    const client = yield* HttpClient.HttpClient
    const config = yield* ClerkConfig
    const UserList = Schema.Array(User)
    return Users.of({
      get: (userId) => call(client, config, Operations.operations.get, User, [userId]),
      list: (params) => call(client, config, Operations.operations.list, UserList, [params])
    })
  }
)

/**
 * The layer of the service: needs an `HttpClient` (for example `FetchHttpClient.layer`) and `ClerkConfig`.
 *
 * @since 1.0.0
 * @category layers
 */
export const layer: Layer.Layer<Users, never, HttpClient.HttpClient | ClerkConfig> = Layer.effect(Users, make)
