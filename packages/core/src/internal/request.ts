/**
 * A call's arguments into what its request carries, by the operation's row: path parameters checked, query
 * parameters and JSON bodies encoded (and so validated) by their schemas, the multipart file checked. Anything
 * that cannot be sent faithfully is an `InvalidRequest`, and nothing is sent.
 *
 * @internal
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { InvalidRequest } from "../ClerkError.js"
import type { AnyOperation, Arg, VersionRule } from "./operation.js"
import { writeLimitIndex } from "./operation.js"

/**
 * A request body, already in its wire form.
 *
 * @internal
 */
export type Body =
  | { readonly _tag: "Json"; readonly text: string }
  | { readonly _tag: "Multipart"; readonly form: FormData }

/**
 * What an operation sends, beyond its method and path template.
 *
 * @internal
 */
export interface RequestInput {
  /** The values of the path template's `{...}` parameters, in order, not yet encoded. */
  readonly params?: ReadonlyArray<string>
  readonly urlParams?: UrlParams.UrlParams
  readonly body?: Body
  /** Pace this request under the per-user write limit, keyed by this user id. */
  readonly writeLimitKey?: string
  /** Fields a 2xx body may leave out because the success implies them: wire name and value. */
  readonly implied?: ReadonlyArray<readonly [string, unknown]>
}

/**
 * Why a path parameter cannot be sent, or `undefined` when it can (the kernel's rule).
 *
 * @internal
 */
export const idProblem: (field: string, value: unknown) => string | undefined = ClientRequest.idProblem

const invalid = (operation: string, field: string, message: string) =>
  Either.left(new InvalidRequest({ operation, field, message }))

const invalidFromParseError = (operation: string, prefix: string, error: ParseResult.ParseError) => {
  const first = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const path = first === undefined || first.path.length === 0 ? "" : first.path.map(String).join(".")
  const field = path === "" ? prefix || "params" : prefix === "" ? path : `${prefix}.${path}`
  return new InvalidRequest({ operation, field, message: first?.message ?? "invalid parameters" })
}

/**
 * Encodes query parameters with their schema (which validates them) into repeated-key URL parameters. Absent
 * values are omitted; `false` and `0` are sent.
 *
 * @internal
 */
export const encodeQuery = (
  operation: string,
  schema: Schema.Schema.AnyNoContext,
  value: unknown,
  field: string
): Either.Either<UrlParams.UrlParams, InvalidRequest> => {
  if (value === undefined) return Either.right(UrlParams.empty)
  const encoded = Schema.encodeEither(schema, { onExcessProperty: "error" })(value)
  if (Either.isLeft(encoded)) return Either.left(invalidFromParseError(operation, field, encoded.left))
  const query = ClientRequest.queryPairs(encoded.right as { readonly [key: string]: unknown })
  if ("problem" in query) {
    return invalid(
      operation,
      field === "" ? query.problem : `${field}.${query.problem}`,
      ClientRequest.LONE_SURROGATE_MESSAGE
    )
  }
  return Either.right(query.pairs)
}

/**
 * Encodes a JSON body with its schema (which validates it).
 *
 * @internal
 */
export const encodeJsonBody = (
  operation: string,
  schema: Schema.Schema.AnyNoContext,
  value: unknown,
  field: string
): Either.Either<Body, InvalidRequest> => {
  const encoded = Schema.encodeEither(schema, { onExcessProperty: "error" })(value)
  if (Either.isLeft(encoded)) return Either.left(invalidFromParseError(operation, field, encoded.left))
  try {
    return Either.right({ _tag: "Json", text: JSON.stringify(encoded.right) })
  } catch (cause) {
    return invalid(
      operation,
      field,
      `cannot be serialized as JSON: ${cause instanceof Error ? cause.message : String(cause)}`
    )
  }
}

const multipartFile = (operation: string, field: string, file: unknown): Either.Either<Body, InvalidRequest> => {
  const upload = ClientRequest.profileImageForm(field, file)
  return "problem" in upload
    ? invalid(operation, field, upload.problem)
    : Either.right({ _tag: "Multipart", form: upload.form })
}

const refusedByVersion = (
  operation: AnyOperation,
  rules: ReadonlyArray<VersionRule>,
  apiVersion: string,
  args: ReadonlyArray<unknown>
): InvalidRequest | undefined => {
  const refusal = ClientRequest.versionRefusal(operation, rules, apiVersion, args)
  return refusal === undefined ? undefined : new InvalidRequest({ operation: operation.name, ...refusal })
}

const encodeArg = (
  operation: AnyOperation,
  arg: Arg,
  value: unknown,
  input: { params: Array<string>; urlParams: UrlParams.UrlParams; body: Body | undefined }
): InvalidRequest | undefined => {
  const name = operation.name
  switch (arg.in) {
    case "path": {
      const problem = idProblem(arg.name, value)
      if (problem !== undefined) return new InvalidRequest({ operation: name, field: arg.name, message: problem })
      input.params.push(value as string)
      return undefined
    }
    case "query": {
      const encoded = encodeQuery(name, arg.schema!, value, arg.name)
      if (Either.isLeft(encoded)) return encoded.left
      input.urlParams = encoded.right
      return undefined
    }
    case "body": {
      const encoded = encodeJsonBody(name, arg.schema!, value === undefined && arg.optional ? {} : value, arg.name)
      if (Either.isLeft(encoded)) return encoded.left
      input.body = encoded.right
      return undefined
    }
    case "field": {
      if (arg.ids && Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const problem = idProblem(`${arg.name}[${i}]`, value[i])
          if (problem !== undefined) {
            return new InvalidRequest({ operation: name, field: `${arg.name}[${i}]`, message: problem })
          }
        }
      }
      const encoded = encodeJsonBody(name, arg.schema!, { [arg.name]: value }, "")
      if (Either.isLeft(encoded)) return encoded.left
      input.body = encoded.right
      return undefined
    }
    case "file": {
      const encoded = multipartFile(name, arg.wire ?? arg.name, value)
      if (Either.isLeft(encoded)) return encoded.left
      input.body = encoded.right
      return undefined
    }
  }
}

/**
 * The encoder of an operation's arguments, for an API version, as a plain function: the request's input, or
 * the `InvalidRequest` that stops it. What depends only on the row (the version rules in force, where the
 * write-limit key and the implied fields are) is worked out once, here. `unchecked` skips the checks of path
 * parameters and version rules (for `pnpm bench`, which measures what they cost; the library never sets it).
 *
 * @internal
 */
export const compileRequestEncoder = (
  operation: AnyOperation,
  apiVersion: string,
  options?: { readonly unchecked?: boolean }
): (args: ReadonlyArray<unknown>) => RequestInput | InvalidRequest => {
  const unchecked = options?.unchecked === true
  const rules = unchecked ? [] : ClientRequest.rulesInForce(operation, apiVersion)
  const writeLimitAt = writeLimitIndex(operation)
  const implied = (operation.implied ?? []).map((field) =>
    "arg" in field
      ? { wire: field.wire, at: operation.args.findIndex((arg) => arg.name === field.arg), value: undefined }
      : { wire: field.wire, at: -1, value: field.value }
  )
  const args = operation.args
  // the common rows (path parameters only: `get`, `delete`, `ban`...) skip the generic loop
  const pathOnly = args.every((arg) => arg.in === "path") && writeLimitAt < 0 && implied.length === 0 &&
    rules.length === 0
  if (pathOnly) {
    return (values) => {
      const params: Array<string> = []
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!
        const value = values[i]
        const problem = unchecked ? undefined : idProblem(arg.name, value)
        if (problem !== undefined) {
          return new InvalidRequest({ operation: operation.name, field: arg.name, message: problem })
        }
        params.push(value as string)
      }
      return params.length > 0 ? { params } : {}
    }
  }
  return (values) => {
    const refused = rules.length === 0 ? undefined : refusedByVersion(operation, rules, apiVersion, values)
    if (refused !== undefined) return refused
    const input = { params: [] as Array<string>, urlParams: UrlParams.empty, body: undefined as Body | undefined }
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!
      if (unchecked && arg.in === "path") {
        input.params.push(values[i] as string)
        continue
      }
      const problem = encodeArg(operation, arg, values[i], input)
      if (problem !== undefined) return problem
    }
    const result: { -readonly [K in keyof RequestInput]: RequestInput[K] } = {}
    if (input.params.length > 0) result.params = input.params
    if (input.urlParams.length > 0) result.urlParams = input.urlParams
    if (input.body !== undefined) result.body = input.body
    if (writeLimitAt >= 0) result.writeLimitKey = values[writeLimitAt] as string
    if (implied.length > 0) {
      result.implied = implied.map(({ at, value, wire }) => [wire, at < 0 ? value : values[at]] as const)
    }
    return result
  }
}

/**
 * The index of the argument that is the user id (the `user_id` path parameter), or -1: its value is the
 * `clerk.user_id` attribute of the operation's span.
 *
 * @internal
 */
export const userIdIndex: (operation: AnyOperation) => number = ClientRequest.userIdIndex

/**
 * The encoder of an operation's arguments, for an API version: checks and encodes each argument by its place
 * in the row, and annotates the current span with the user id.
 *
 * @internal
 */
export const requestEncoder = (operation: AnyOperation, apiVersion: string) => {
  const encode = compileRequestEncoder(operation, apiVersion)
  const userIdAt = userIdIndex(operation)
  return (args: ReadonlyArray<unknown>): Effect.Effect<RequestInput, InvalidRequest> =>
    Effect.suspend(() => {
      const result = encode(args)
      if (result instanceof InvalidRequest) return Effect.fail(result)
      return userIdAt < 0
        ? Effect.succeed(result)
        : Effect.as(Effect.annotateCurrentSpan("clerk.user_id", args[userIdAt]), result)
    })
}

/**
 * A path template (`/users/{user_id}/ban`) compiled into the function that fills it with percent-encoded
 * parameters (each exactly one path segment).
 *
 * @internal
 */
export const pathFiller: (template: string) => (params: ReadonlyArray<string>) => string = ClientRequest.pathFiller

/**
 * Fills a path template (`/users/{user_id}/ban`) with percent-encoded parameters.
 *
 * @internal
 */
export const fillPath: (template: string, params: ReadonlyArray<string>) => string = ClientRequest.fillPath
