/**
 * The webhook deliveries' book of an instance: the endpoints, the delivery log and the delivery fault rules. The
 * engine keeps it (the control reads and resets it); the emulator's sender (`emulator/webhooks.ts`) fills it.
 *
 * @internal
 */
import type * as Fault from "../Fault.js"
import type { WebhookAttempt, WebhookDelivery } from "../UsersTestControl.js"

/** A delivery as the sender updates it. @internal */
export interface DeliveryRecord {
  readonly messageId: string
  readonly endpoint: string
  readonly eventType: string
  state: WebhookDelivery["state"]
  attempts: Array<WebhookAttempt>
}

/** @internal */
export interface Book {
  endpoints: ReadonlyArray<string>
  log: Array<DeliveryRecord>
  rules: Array<Fault.DeliveryRule & { remaining: number }>
}

/** @internal */
export const make = (endpoints: ReadonlyArray<string> = []): Book => ({ endpoints, log: [], rules: [] })

/** A copy of the log. @internal */
export const snapshot = (book: Book): ReadonlyArray<WebhookDelivery> =>
  book.log.map((record) => ({ ...record, attempts: record.attempts.map((attempt) => ({ ...attempt })) }))

/** @internal */
export const addRule = (book: Book, rule: Fault.DeliveryRule): void => {
  const remaining = rule.times ?? (rule.probability === undefined ? 1 : Number.POSITIVE_INFINITY)
  book.rules.push({ ...rule, remaining })
}

/** The faults for a message of type `eventType`: every rule that matches takes one use. @internal */
export const takeFaults = (
  book: Book,
  eventType: string,
  random: () => number
): ReadonlyArray<Fault.DeliveryFault> => {
  const taken: Array<Fault.DeliveryFault> = []
  for (const rule of book.rules) {
    if (rule.remaining <= 0) continue
    if (rule.events !== undefined && !rule.events.includes(eventType)) continue
    if (rule.probability !== undefined && random() >= rule.probability) continue
    rule.remaining--
    taken.push(rule.fault)
  }
  book.rules = book.rules.filter((rule) => rule.remaining > 0)
  return taken
}

/** An endpoint's URL, or why it cannot be one (an absolute `http:` or `https:` URL). @internal */
export const checkEndpoint = (url: string): string | undefined => {
  if (!URL.canParse(url)) return `not a URL: ${JSON.stringify(url.slice(0, 200))}`
  const protocol = new URL(url).protocol
  return protocol === "http:" || protocol === "https:" ? undefined : `not an http(s) URL: ${protocol}`
}

/** Adds an endpoint (once); what is wrong with its URL otherwise. @internal */
export const addEndpoint = (book: Book, url: string): string | undefined => {
  const problem = checkEndpoint(url)
  if (problem === undefined && !book.endpoints.includes(url)) book.endpoints = [...book.endpoints, url]
  return problem
}

/** Removes an endpoint: its pending retries stop. @internal */
export const removeEndpoint = (book: Book, url: string): void => {
  book.endpoints = book.endpoints.filter((endpoint) => endpoint !== url)
}
