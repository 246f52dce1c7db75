/**
 * A JSON request body from its bytes: empty is no body, text that is not JSON is refused, and so is JSON
 * nested deeper than a bound (measured without recursion, before any recursive code walks it).
 *
 * @since 0.2.0
 */
import * as Refusal from "./Refusal.js"
import * as Result from "./Result.js"

/**
 * The deepest nesting of arrays and objects accepted in a JSON body: twice the 64 levels allowed in metadata
 * (a metadata object sits one or two levels down in a body).
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_DEPTH = 128

/**
 * Whether the nesting of a parsed JSON value is at most `max` levels (an iterative walk: any depth is measured
 * without recursion).
 *
 * @since 0.2.0
 * @category predicates
 */
export const withinDepth = (value: unknown, max: number): boolean => {
  const stack: Array<readonly [unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (typeof current !== "object" || current === null) continue
    if (depth >= max) return false
    const children = Array.isArray(current) ? current : Object.values(current)
    for (const child of children) if (typeof child === "object" && child !== null) stack.push([child, depth + 1])
  }
  return true
}

const utf8 = new TextDecoder("utf-8")

/**
 * A JSON body parsed: `undefined` when empty (or only spaces), a refusal when it is not JSON or nested deeper
 * than `MAX_DEPTH`.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parse = (bytes: Uint8Array): Result.Result<unknown, Refusal.BodyInvalid> => {
  const text = utf8.decode(bytes)
  if (text.trim() === "") return Result.ok(undefined)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return Result.err(Refusal.bodyInvalid("the body is not valid JSON"))
  }
  return withinDepth(json, MAX_DEPTH)
    ? Result.ok(json)
    : Result.err(Refusal.bodyInvalid(`the body is nested deeper than ${MAX_DEPTH} levels`))
}
