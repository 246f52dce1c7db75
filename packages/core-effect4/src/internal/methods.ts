/**
 * The HTTP implementation's methods, one per row of the operation table: the row's request encoder, then the
 * one pipeline (`client.ts`), in a span named after the operation when a tracer is installed.
 *
 * @internal
 */
import * as ClientRequest from "@effect-clerk/kernel/ClientRequest"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as Result from "effect/Result"
import { ClerkConfig } from "../ClerkConfig.js"
import * as UsersCodec from "../UsersCodec.js"
import type { Methods } from "../UsersProtocol.js"
import { successOf } from "../UsersProtocol.js"
import * as Client from "./client.js"
import * as Request from "./request.js"

/**
 * Builds the methods from the layer's configuration and HTTP client.
 *
 * @internal
 */
export const makeMethods: Effect.Effect<Methods, never, ClerkConfig | HttpClient.HttpClient> = Effect.gen(
  function*() {
    const config = yield* ClerkConfig
    const execute = yield* Client.makeExecutor
    return UsersCodec.implement((operation) => {
      const encode = Request.encoder(operation, config.apiVersion)
      const run = execute(operation, operation.success)
      // a row with response variants decodes each call with the schema its arguments select
      const variants = new Map((operation.variants ?? []).map((variant) => [
        variant.success,
        execute(operation, variant.success)
      ]))
      const userIdAt = ClientRequest.userIdIndex(operation)
      return (...args) => {
        const call = Effect.suspend(() => {
          const input = encode(args)
          if (Result.isFailure(input)) return Effect.fail(input.failure)
          const selected = variants.size === 0 ? run : variants.get(successOf(operation, args)) ?? run
          return selected(input.success)
        })
        return Effect.withFiber((fiber) => {
          // no tracer installed: its spans would go nowhere, so none is opened
          if (!Client.tracerInstalled(fiber)) return call
          const userId = userIdAt < 0 ? undefined : args[userIdAt]
          return Effect.withSpan(
            call,
            operation.name,
            typeof userId === "string" ? { attributes: { "clerk.user_id": userId } } : {}
          )
        })
      }
    })
  }
)
