/**
 * A call's arguments into what its request carries, by the operation's row: path parameters checked, query
 * parameters and JSON bodies encoded (and so validated) by their schemas, the multipart file checked, the API
 * version's rules applied. The rules are the kernel's (`ClientRequest`); anything that cannot be sent
 * faithfully is an `InvalidRequest`, and nothing is sent.
 *
 * @internal
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as Predicate from "effect/Predicate"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { InvalidRequest } from "../ClerkError.js"
import type { AnyOperation, AnySchema, Arg } from "./operation.js"

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
  readonly params: ReadonlyArray<string>
  readonly urlParams: ReadonlyArray<readonly [string, string]>
  readonly body: Body | undefined
  /** Pace this request under the per-user write limit, keyed by this user id. */
  readonly writeLimitKey: string | undefined
  /** Fields a 2xx body may leave out because the success implies them: wire name and value. */
  readonly implied: ReadonlyArray<readonly [string, unknown]>
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const invalidFromSchemaError = (operation: string, prefix: string, error: Schema.SchemaError): InvalidRequest => {
  const first = formatter(error.issue).issues[0]
  const segments = first?.path ?? []
  const path = segments.map((segment) => String(typeof segment === "object" ? segment.key : segment)).join(".")
  const field = path === "" ? prefix || "params" : prefix === "" ? path : `${prefix}.${path}`
  return new InvalidRequest({ operation, field, message: first?.message ?? "invalid parameters" })
}

const encode = (schema: AnySchema) => Schema.encodeUnknownResult(schema, { onExcessProperty: "error" })

/** The encoded query of a parameters object, as repeated-key pairs (the kernel's `queryPairs`). */
const encodeQuery = (
  operation: string,
  schema: AnySchema,
  value: unknown,
  field: string
): Result.Result<ReadonlyArray<readonly [string, string]>, InvalidRequest> => {
  if (value === undefined) return Result.succeed([])
  const encoded = encode(schema)(value)
  if (Result.isFailure(encoded)) return Result.fail(invalidFromSchemaError(operation, field, encoded.failure))
  const record = encoded.success
  if (!Predicate.isObject(record)) return Result.succeed([])
  const query = ClientRequest.queryPairs(record)
  if ("problem" in query) {
    return Result.fail(
      new InvalidRequest({
        operation,
        field: field === "" ? query.problem : `${field}.${query.problem}`,
        message: ClientRequest.LONE_SURROGATE_MESSAGE
      })
    )
  }
  return Result.succeed(query.pairs)
}

const encodeJsonBody = (
  operation: string,
  schema: AnySchema,
  value: unknown,
  field: string
): Result.Result<Body, InvalidRequest> => {
  const encoded = encode(schema)(value)
  if (Result.isFailure(encoded)) return Result.fail(invalidFromSchemaError(operation, field, encoded.failure))
  const text = Result.try({
    try: () => JSON.stringify(encoded.success),
    catch: (cause) =>
      new InvalidRequest({
        operation,
        field,
        message: `cannot be serialized as JSON: ${cause instanceof Error ? cause.message : String(cause)}`
      })
  })
  return Result.map(text, (text): Body => ({ _tag: "Json", text }))
}

const multipartFile = (operation: string, field: string, file: unknown): Result.Result<Body, InvalidRequest> => {
  const upload = ClientRequest.profileImageForm(field, file)
  return "problem" in upload
    ? Result.fail(new InvalidRequest({ operation, field, message: upload.problem }))
    : Result.succeed({ _tag: "Multipart", form: upload.form })
}

interface Draft {
  readonly params: Array<string>
  urlParams: ReadonlyArray<readonly [string, string]>
  body: Body | undefined
}

const encodeArg = (operation: AnyOperation, arg: Arg, value: unknown, draft: Draft): InvalidRequest | undefined => {
  const name = operation.name
  const schemaOf = (arg: Arg): AnySchema | undefined => arg.schema
  switch (arg.in) {
    case "path": {
      const problem = ClientRequest.idProblem(arg.name, value)
      if (problem !== undefined || typeof value !== "string") {
        return new InvalidRequest({
          operation: name,
          field: arg.name,
          message: problem ?? `${arg.name} must be a string`
        })
      }
      draft.params.push(value)
      return undefined
    }
    case "query": {
      const schema = schemaOf(arg)
      if (schema === undefined) return undefined
      const encoded = encodeQuery(name, schema, value, arg.name)
      if (Result.isFailure(encoded)) return encoded.failure
      draft.urlParams = encoded.success
      return undefined
    }
    case "body": {
      const schema = schemaOf(arg)
      if (schema === undefined) return undefined
      const encoded = encodeJsonBody(name, schema, value === undefined && arg.optional ? {} : value, arg.name)
      if (Result.isFailure(encoded)) return encoded.failure
      draft.body = encoded.success
      return undefined
    }
    case "field": {
      if (arg.ids && Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const problem = ClientRequest.idProblem(`${arg.name}[${i}]`, value[i])
          if (problem !== undefined) {
            return new InvalidRequest({ operation: name, field: `${arg.name}[${i}]`, message: problem })
          }
        }
      }
      const schema = schemaOf(arg)
      if (schema === undefined) return undefined
      const encoded = encodeJsonBody(name, schema, { [arg.name]: value }, "")
      if (Result.isFailure(encoded)) return encoded.failure
      draft.body = encoded.success
      return undefined
    }
    case "file": {
      const encoded = multipartFile(name, arg.wire ?? arg.name, value)
      if (Result.isFailure(encoded)) return encoded.failure
      draft.body = encoded.success
      return undefined
    }
  }
}

/**
 * The encoder of an operation's arguments, for an API version: the request's input, or the `InvalidRequest`
 * that stops it. What depends only on the row (the version rules in force, where the write-limit key and the
 * implied fields are) is worked out once, here.
 *
 * @internal
 */
export const encoder = (
  operation: AnyOperation,
  apiVersion: string
): (args: ReadonlyArray<unknown>) => Result.Result<RequestInput, InvalidRequest> => {
  const rules = ClientRequest.rulesInForce(operation, apiVersion)
  const writeLimitAt = ClientRequest.writeLimitIndex(operation)
  const implied = (operation.implied ?? []).map((field) =>
    "arg" in field
      ? { wire: field.wire, at: operation.args.findIndex((arg) => arg.name === field.arg), value: undefined }
      : { wire: field.wire, at: -1, value: field.value }
  )
  return (values) => {
    const refusal = rules.length === 0 ? undefined : ClientRequest.versionRefusal(operation, rules, apiVersion, values)
    if (refusal !== undefined) return Result.fail(new InvalidRequest({ operation: operation.name, ...refusal }))
    const draft: Draft = { params: [], urlParams: [], body: undefined }
    for (let i = 0; i < operation.args.length; i++) {
      const problem = encodeArg(operation, operation.args[i]!, values[i], draft)
      if (problem !== undefined) return Result.fail(problem)
    }
    const key = writeLimitAt < 0 ? undefined : values[writeLimitAt]
    return Result.succeed({
      params: draft.params,
      urlParams: draft.urlParams,
      body: draft.body,
      writeLimitKey: typeof key === "string" ? key : undefined,
      implied: implied.map(({ at, value, wire }) => [wire, at < 0 ? value : values[at]] as const)
    })
  }
}
