/**
 * The log of a scenario run, made comparable between runs on different stores: generated ids replaced by
 * their order of first appearance, fields that legitimately differ (a fresh secret) masked.
 */

/**
 * One line of a run's log: the step's name and its value, or the error it failed with; for a call that says how
 * many requests it makes, the number the instance served.
 */
export interface Entry {
  readonly step: string
  readonly ok?: unknown
  readonly error?: { readonly tag: string; readonly status?: number; readonly codes?: ReadonlyArray<string> }
  readonly calls?: number
  /** The types of the user events the step emitted, when it emitted any. */
  readonly events?: ReadonlyArray<string>
}

const ID = /\b(user|idn|eac|org|orgmem|orginv|img|totp|puid|ccl|csrc|cpayer|td)_2[0-9A-Za-z]{26}\b/g

/** A normalizer for one run: each generated id becomes `<prefix#n>`, `n` its order of first appearance. */
export const normalizer = () => {
  const seen = new Map<string, string>()
  return (value: unknown): unknown => {
    const json = JSON.stringify(value)
    if (json === undefined) return undefined
    const text = json.replace(ID, (id, prefix: string) => {
      let label = seen.get(id)
      if (label === undefined) {
        label = `<${prefix}#${seen.size}>`
        seen.set(id, label)
      }
      return label
    })
    return JSON.parse(text)
  }
}

/** The value with each of `fields` (of an object) replaced by `<field>`. */
export const masked = (value: unknown, fields: ReadonlyArray<string>): unknown => {
  if (fields.length === 0 || typeof value !== "object" || value === null || Array.isArray(value)) return value
  const copy: Record<string, unknown> = { ...value }
  for (const field of fields) {
    if (field in copy) copy[field] = `<${field}>`
  }
  return copy
}
