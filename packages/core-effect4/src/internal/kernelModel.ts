/**
 * The bond between a Schema of this line and the kernel's plain model: `exact<T, E>()(schema)` compiles only
 * when the schema decodes to exactly `T` and encodes to exactly `E` (optional fields included, which plain
 * assignability to `Schema.Codec<T, E>` would let a schema miss).
 *
 * @internal
 */
import type * as Schema from "effect/Schema"

/** Type identity (not assignability): `true` only when `A` and `B` are the same type. */
export type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends (<X>() => X extends B ? 1 : 2) ? true : false

/** What the argument must be when the schema and the kernel's model differ: a message no schema is. */
interface DiffersFromTheKernelModel<Type, Encoded> {
  readonly "the schema's Type and Encoded must be the kernel's model and its wire form": [Type, Encoded]
}

/** `schema`, typed as the kernel's model `T` (decoded) and its wire form `E` (encoded), checked to be exact. */
export const exact = <T, E>() =>
<S extends Schema.Codec<T, E>>(
  schema:
    & S
    & ([Equals<S["Type"], T>, Equals<S["Encoded"], E>] extends [true, true] ? unknown
      : DiffersFromTheKernelModel<S["Type"], S["Encoded"]>)
): Schema.Codec<T, E> => schema
