/**
 * Checking what a step gave against what the scenario expects: a value against a shape, an error against a
 * failure. A check gives the list of mismatches, each with the path where it is.
 */
import * as Result from "../../Result.js"
import type { Arg, Exact, Failure, Pattern, Ref, Shape, Text } from "./language.js"
import type { Bindings } from "./values.js"
import { equals, isForm, isRecord, resolve } from "./values.js"

/** An error as a line observed it, reduced to what a scenario can expect of it. */
export interface ObservedError {
  readonly tag: string
  readonly status?: number
  readonly codes?: ReadonlyArray<string>
  /** The `long_message` of the first of Clerk's errors. */
  readonly longMessage?: string
  /** The invalid field of a request refused before it was sent. */
  readonly field?: string
}

const isList = (shape: Shape): shape is ReadonlyArray<Shape> => Array.isArray(shape)
const isExact = (shape: Shape): shape is Exact => isForm(shape, "Exact")
const isPattern = (shape: Shape): shape is Pattern => isForm(shape, "Pattern")
const isValue = (shape: Shape): shape is null | boolean | number | string | Ref | Text =>
  typeof shape !== "object" || shape === null || isForm(shape, "Ref") || isForm(shape, "Text")

const show = (value: unknown): string => {
  const text = JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text
}

const compare = (arg: Arg, actual: unknown, at: string, bindings: Bindings): Array<string> => {
  const expected = resolve(arg, bindings)
  if (Result.isErr(expected)) return [`${at}: ${expected.error}`]
  return equals(expected.value, actual) ? [] : [`${at}: expected ${show(expected.value)}, got ${show(actual)}`]
}

const mismatches = (shape: Shape, actual: unknown, at: string, bindings: Bindings): Array<string> => {
  if (isExact(shape)) return compare(shape.value, actual, at, bindings)
  if (isValue(shape)) return compare(shape, actual, at, bindings)
  if (isPattern(shape)) {
    return typeof actual === "string" && new RegExp(shape.source).test(actual)
      ? []
      : [`${at}: expected a string matching /${shape.source}/, got ${show(actual)}`]
  }
  if (isList(shape)) {
    if (!Array.isArray(actual) || actual.length !== shape.length) {
      return [`${at}: expected ${shape.length} elements, got ${show(actual)}`]
    }
    return shape.flatMap((item, i) => mismatches(item, actual[i], `${at}[${i}]`, bindings))
  }
  if (!isRecord(actual)) return [`${at}: expected an object, got ${show(actual)}`]
  return Object.entries(shape).flatMap(([key, item]) =>
    key in actual ? mismatches(item, actual[key], `${at}.${key}`, bindings) : [`${at}.${key}: missing`]
  )
}

/** Whether `actual` has the `shape` (references read in `bindings`); the mismatches otherwise. */
export const checkValue = (
  shape: Shape,
  actual: unknown,
  bindings: Bindings
): Result.Result<void, ReadonlyArray<string>> => {
  const found = mismatches(shape, actual, "value", bindings)
  return found.length === 0 ? Result.ok(undefined) : Result.err(found)
}

/** Whether an observed error is the expected failure; the mismatches otherwise. */
export const checkError = (expected: Failure, observed: ObservedError): Result.Result<void, ReadonlyArray<string>> => {
  const found: Array<string> = []
  if (observed.tag !== expected.tag) found.push(`tag: expected ${expected.tag}, got ${observed.tag}`)
  if (expected.status !== undefined && observed.status !== expected.status) {
    found.push(`status: expected ${expected.status}, got ${show(observed.status)}`)
  }
  for (const code of expected.codes ?? []) {
    if (!(observed.codes ?? []).includes(code)) found.push(`codes: expected ${code} among ${show(observed.codes)}`)
  }
  if (expected.longMessage !== undefined && observed.longMessage !== expected.longMessage) {
    found.push(`longMessage: expected ${show(expected.longMessage)}, got ${show(observed.longMessage)}`)
  }
  if (expected.field !== undefined && observed.field !== expected.field) {
    found.push(`field: expected ${show(expected.field)}, got ${show(observed.field)}`)
  }
  return found.length === 0 ? Result.ok(undefined) : Result.err(found)
}
