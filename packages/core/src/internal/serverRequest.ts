/**
 * The other direction, for servers that implement the API (the test kit's emulator): the parts of an HTTP
 * request into the call's arguments, decoded with the same schemas the client encodes with.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import type { ProfileImage } from "../UsersParams.js"
import { versionAtLeast } from "./apiVersions.js"
import type { AnyOperation } from "./operation.js"

/**
 * The parts of a request a server has read, before decoding.
 *
 * @internal
 */
export interface RequestParts {
  /** The path parameters, in the template's order, percent-decoded. */
  readonly path: ReadonlyArray<string>
  /** The raw query string, without `?`. */
  readonly search: string
  /** The parsed JSON body, or `undefined` when the request has none. */
  readonly json: unknown
  /** The multipart file, when the request carried one. */
  readonly file: ProfileImage | undefined
}

/**
 * Why a request's parameters were refused: the kind of problem and the parameter's name on the wire.
 *
 * @internal
 */
export interface RequestIssue {
  readonly kind: "Unexpected" | "Missing" | "Type" | "Value"
  readonly param: string
  readonly message: string
}

/**
 * What body an operation's request carries.
 *
 * @internal
 */
export const bodyKind = (operation: AnyOperation): "none" | "json" | "multipart" =>
  operation.args.some((arg) => arg.in === "file")
    ? "multipart"
    : operation.args.some((arg) => arg.in === "body" || arg.in === "field")
    ? "json"
    : "none"

const isList = (ast: AST.AST): boolean =>
  ast._tag === "TupleType" || (ast._tag === "Union" && ast.types.some(isList)) ||
  (ast._tag === "Refinement" && isList(ast.from))

/** The query keys a schema reads as lists (sent as repeated keys); every other key takes its first value. */
const listKeysOf = (schema: Schema.Schema.AnyNoContext): ReadonlySet<string> => {
  const ast = Schema.encodedSchema(schema).ast
  if (ast._tag !== "TypeLiteral") return new Set()
  return new Set(
    ast.propertySignatures.filter((ps) => isList(ps.type)).map((ps) => String(ps.name))
  )
}

const queryRecord = (search: string, listKeys: ReadonlySet<string>): Record<string, string | Array<string>> => {
  const params = new URLSearchParams(search)
  const out: Record<string, string | Array<string>> = {}
  for (const key of new Set(params.keys())) {
    out[key] = listKeys.has(key) ? params.getAll(key) : params.get(key)!
  }
  return out
}

const issueOf = (error: ParseResult.ParseError, fallback: string): RequestIssue => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const param = issue === undefined || issue.path.length === 0 ? fallback : String(issue.path[0])
  const kind = issue?._tag === "Unexpected" || issue?._tag === "Missing" || issue?._tag === "Type"
    ? issue._tag
    : "Value"
  return { kind, param, message: issue?.message ?? "invalid" }
}

/** The wire name of a field of a struct schema (its `Schema.fromKey` key, or the field's own name). */
const wireNameOf = (schema: Schema.Schema.AnyNoContext, field: string): string => {
  const ast = schema.ast
  if (ast._tag === "Transformation" && ast.transformation._tag === "TypeLiteralTransformation") {
    const renamed = ast.transformation.propertySignatureTransformations.find((pst) => pst.to === field)
    if (renamed !== undefined) return String(renamed.from)
  }
  return field
}

/**
 * The decoder of an operation's request parts into its arguments: path parameters as they are, the query
 * string and the JSON body through the argument schemas (unknown body keys refused), the file as it came. Under
 * an API version, the fields a version rule removes are unknown parameters.
 *
 * @internal
 */
export const requestDecoder = (operation: AnyOperation) => {
  const rules = (operation.versionRules ?? []).map((rule) => {
    const arg = operation.args.find((a) => a.name === rule.arg)
    const at = operation.args.findIndex((a) => a.name === rule.arg)
    return {
      rule,
      at,
      wires: rule.fields.map((field) =>
        [field, arg?.schema === undefined ? field : wireNameOf(arg.schema, field)] as const
      )
    }
  })
  const listKeys = new Map(
    operation.args.flatMap((arg) => arg.in === "query" ? [[arg.name, listKeysOf(arg.schema!)] as const] : [])
  )
  const decoders = new Map(
    operation.args.flatMap((arg) =>
      arg.schema === undefined
        ? []
        : [[arg.name, Schema.decodeUnknownEither(arg.schema, { onExcessProperty: "error" })] as const]
    )
  )
  const queryDecoders = new Map(
    operation.args.flatMap((arg) =>
      arg.in === "query" ? [[arg.name, Schema.decodeUnknownEither(arg.schema!)] as const] : []
    )
  )
  const refused = (args: ReadonlyArray<unknown>, apiVersion: string): RequestIssue | undefined => {
    for (const { at, rule, wires } of rules) {
      if (!versionAtLeast(apiVersion, rule.since)) continue
      const value = args[at]
      if (typeof value !== "object" || value === null) continue
      const found = wires.find(([field]) => field in value)
      if (found !== undefined) {
        return {
          kind: "Unexpected",
          param: found[1],
          message: `is not accepted from API version ${rule.since}: use ${rule.use.join(" or ")}`
        }
      }
    }
    return undefined
  }
  return (parts: RequestParts, apiVersion?: string): Either.Either<ReadonlyArray<unknown>, RequestIssue> => {
    const args: Array<unknown> = []
    let path = 0
    let body: Either.Either<unknown, RequestIssue> | undefined
    for (const arg of operation.args) {
      switch (arg.in) {
        case "path": {
          args.push(parts.path[path++])
          break
        }
        case "query": {
          const decoded = queryDecoders.get(arg.name)!(queryRecord(parts.search, listKeys.get(arg.name)!))
          if (Either.isLeft(decoded)) return Either.left(issueOf(decoded.left, "query"))
          args.push(decoded.right)
          break
        }
        case "body":
        case "field": {
          if (body === undefined) {
            const decoded = decoders.get(arg.name)!(parts.json ?? {})
            body = Either.mapLeft(decoded, (error) => issueOf(error, arg.wire ?? "body"))
          }
          if (Either.isLeft(body)) return Either.left(body.left)
          args.push(arg.in === "body" ? body.right : (body.right as Record<string, unknown>)[arg.name])
          break
        }
        case "file": {
          if (parts.file === undefined) {
            return Either.left({ kind: "Missing", param: arg.wire ?? arg.name, message: `${arg.wire} is missing` })
          }
          args.push(parts.file)
          break
        }
      }
    }
    const issue = apiVersion === undefined || rules.length === 0 ? undefined : refused(args, apiVersion)
    return issue === undefined ? Either.right(args) : Either.left(issue)
  }
}
