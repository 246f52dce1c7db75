/**
 * The emulator's request reading: a request's body as its row takes it, under the bounds, and its parts
 * decoded into the call's arguments (or Clerk's refusal).
 *
 * @internal
 */
import type { UsersProtocol } from "@effect-clerk/core"
import { UsersCodec } from "@effect-clerk/core"
import * as Refusal from "@effect-clerk/kernel/Refusal"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Body from "../body.js"
import * as Responses from "./responses.js"

/**
 * The request's parts into the call's arguments, or Clerk's 422 or 400 naming the parameter (see
 * `issueRefusal`). A value that exhausts the stack of the recursive decoder (the depth bound of bodies should
 * prevent it) is a 400, never a defect.
 */
export const decodeParts = (
  operation: UsersProtocol.AnyOperation,
  decode: ReturnType<typeof UsersCodec.requestDecoder>,
  parts: UsersCodec.RequestParts,
  apiVersion: string
): Either.Either<ReadonlyArray<unknown>, Refusal.Refusal> => {
  try {
    return Either.mapLeft(decode(parts, apiVersion), (issue) => Responses.issueRefusal(operation, issue))
  } catch {
    return Either.left(Refusal.bodyInvalid("the body is nested too deeply"))
  }
}

export interface Limits {
  readonly json: number
  readonly upload: number
}

/**
 * The body of a request as its row takes it: JSON, a multipart file, or none (a body sent anyway is read and
 * dropped, under the JSON bound).
 */
export const readBody = (
  request: HttpServerRequest.HttpServerRequest,
  operation: UsersProtocol.AnyOperation,
  limits: Limits
): Effect.Effect<Either.Either<Pick<UsersCodec.RequestParts, "json" | "file">, Body.BodyRefusal>> => {
  switch (UsersCodec.bodyKind(operation)) {
    case "json":
      return Effect.map(Body.readJson(request, limits.json), Either.map((json) => ({ json, file: undefined })))
    case "multipart": {
      const fileArg = operation.args.find((arg) => arg.in === "file")
      const field = fileArg?.wire ?? fileArg?.name ?? "file"
      return Effect.map(Body.readFile(request, field, limits.upload), Either.map((file) => ({ json: undefined, file })))
    }
    default:
      return Effect.map(Body.discard(request, limits.json), Either.map(() => ({ json: undefined, file: undefined })))
  }
}
