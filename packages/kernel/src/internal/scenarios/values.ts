/**
 * Reading the forms of the scenario language against the values earlier steps produced: references resolved,
 * arguments made into the values a call takes, structural equality.
 */
import * as Result from "../../Result.js"
import type { Arg, Bytes, Ref, Text } from "./language.js"

/** The values earlier steps bound, by name. */
export type Bindings = ReadonlyMap<string, unknown>

/** Whether `value` is one of the language's tagged forms named `tag`. */
export const isForm = (value: unknown, tag: string): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value) && (value as { _tag?: unknown })._tag === tag

/** A plain object (a record), not an array, not null. */
export const isRecord = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

const step = (value: unknown, key: string | number): Result.Result<unknown, string> => {
  if (typeof key === "number") {
    return Array.isArray(value) && key < value.length ? Result.ok(value[key]) : Result.err(`no element ${key}`)
  }
  return isRecord(value) && key in value ? Result.ok(value[key]) : Result.err(`no field ${key}`)
}

/** The value a reference points to. */
export const lookup = (reference: Ref, bindings: Bindings): Result.Result<unknown, string> => {
  if (!bindings.has(reference.bind)) return Result.err(`nothing is bound as ${reference.bind}`)
  let current: Result.Result<unknown, string> = Result.ok(bindings.get(reference.bind))
  for (const key of reference.path) {
    current = Result.flatMap(current, (value) => step(value, key))
  }
  return Result.isErr(current)
    ? Result.err(`${reference.bind}.${reference.path.join(".")}: ${current.error}`)
    : current
}

const textOf = (parts: ReadonlyArray<string | Ref>, bindings: Bindings): Result.Result<string, string> =>
  Result.map(
    Result.all(parts.map((part) => typeof part === "string" ? Result.ok<unknown>(part) : lookup(part, bindings))),
    (values) => values.map(String).join("")
  )

const isList = (arg: Arg): arg is ReadonlyArray<Arg> => Array.isArray(arg)
const isRef = (arg: Arg): arg is Ref => isForm(arg, "Ref")
const isText = (arg: Arg): arg is Text => isForm(arg, "Text")
const isBytes = (arg: Arg): arg is Bytes => isForm(arg, "Bytes")

/**
 * The value an argument stands for: references replaced by what they point to, texts joined, bytes as a
 * `Uint8Array`, everything else as written.
 */
export const resolve = (arg: Arg, bindings: Bindings): Result.Result<unknown, string> => {
  if (typeof arg !== "object" || arg === null) return Result.ok(arg)
  if (isList(arg)) return Result.all(arg.map((item) => resolve(item, bindings)))
  if (isRef(arg)) return lookup(arg, bindings)
  if (isText(arg)) return textOf(arg.parts, bindings)
  if (isBytes(arg)) return Result.ok(Uint8Array.from(arg.bytes))
  const entries = Object.entries(arg).map(([key, value]) =>
    Result.map(resolve(value, bindings), (resolved) => [key, resolved] as const)
  )
  return Result.map(Result.all(entries), Object.fromEntries)
}

/** Structural equality of plain values (fields holding `undefined` count as absent). */
export const equals = (left: unknown, right: unknown): boolean => {
  if (Object.is(left, right)) return true
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length &&
      left.every((item, i) => equals(item, right[i]))
  }
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    return left instanceof Uint8Array && right instanceof Uint8Array && equals([...left], [...right])
  }
  if (!isRecord(left) || !isRecord(right)) return false
  const keys = (record: { readonly [key: string]: unknown }) =>
    Object.keys(record).filter((key) => record[key] !== undefined).sort()
  const [leftKeys, rightKeys] = [keys(left), keys(right)]
  return equals(leftKeys, rightKeys) && leftKeys.every((key) => equals(left[key], right[key]))
}

/** Every reference inside a value of the language (an argument, a shape, a step), in order. */
export const referencesOf = (value: unknown): ReadonlyArray<Ref> => {
  if (isForm(value, "Ref")) return [value as Ref]
  if (Array.isArray(value)) return value.flatMap(referencesOf)
  if (isRecord(value)) return Object.values(value).flatMap(referencesOf)
  return []
}
