/**
 * Small building blocks of the wire schemas of this line: nullable primitives and Clerk's error object (used
 * by `Verification` and by the error responses).
 *
 * @internal
 */
import type { Model } from "@effect-clerk/kernel"
import * as Schema from "effect/Schema"
import { exact } from "./kernelModel.js"

/** `string | null`. */
export const NullableString = Schema.NullOr(Schema.String)

/** `number | null`. */
export const NullableNumber = Schema.NullOr(Schema.Number)

/** `boolean | null`. */
export const NullableBoolean = Schema.NullOr(Schema.Boolean)

/** One error of a Clerk error response, or the error a failed verification carries. */
export const ClerkApiError: Schema.Codec<Model.ClerkApiError, Model.Wire<Model.ClerkApiError>> = exact<
  Model.ClerkApiError,
  Model.Wire<Model.ClerkApiError>
>()(
  Schema.Struct({
    code: Schema.String,
    message: Schema.String,
    longMessage: Schema.optionalKey(Schema.String),
    meta: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown))
  }).pipe(Schema.encodeKeys({ longMessage: "long_message" }), Schema.annotate({ identifier: "ClerkApiError" }))
)
