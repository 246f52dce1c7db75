/**
 * The README's table "Coming from `@clerk/backend`", read from README.md: every name its left column shows is
 * imported from the module the table says (`@clerk/backend`, or the module a row's `import` names) or found where
 * it says (`clerk.users.…` on a client, `user.…` on a user and `e.…` on an error that `@clerk/backend` returned from
 * the emulator, `CLERK_*` read by `ClerkConfig.layerFromEnv`), and every name of its right column exists in this
 * library or in Effect. A code span the test cannot classify fails it, so an edit of the table cannot go unchecked.
 */
import { createClerkClient } from "@clerk/backend"
import * as Core from "@effect-clerk/core"
import { ClerkConfig, ClerkError, Users } from "@effect-clerk/core"
import { ClerkEmulator, UsersInMemory } from "@effect-clerk/testkit"
import * as Platform from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import * as EffectModule from "effect"
import { ConfigProvider, Context, Effect } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8")

const section = (() => {
  const start = readme.indexOf("## Coming from `@clerk/backend`")
  return readme.slice(start, readme.indexOf("\n## ", start + 1))
})()

/** The table's rows: the code spans of each column. */
const rows = [...section.matchAll(/^\| (.+) \| (.+) \|$/gm)]
  .filter(([, left]) => left !== "`@clerk/backend`")
  .map(([line, left, right]) => ({
    line: line!,
    sdk: [...left!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    effect: [...right!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
  }))

/** What a span of the left column names. */
type SdkName =
  | { readonly kind: "export"; readonly module: string; readonly name: string }
  | { readonly kind: "method"; readonly name: string }
  | { readonly kind: "userField"; readonly name: string }
  | { readonly kind: "errorPath"; readonly path: ReadonlyArray<string>; readonly equals?: number }
  | { readonly kind: "variable"; readonly name: string }

/** What a span of the right column names. */
type EffectName =
  | { readonly kind: "member"; readonly namespace: string; readonly name: string }
  | { readonly kind: "method"; readonly name: string }
  | { readonly kind: "tag"; readonly name: string }
  | { readonly kind: "service"; readonly name: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "errorPath"; readonly path: ReadonlyArray<string> }

const pathOf = (chain: string) => [...chain.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]!)
/** Spans that name nothing to import: a result's shape (`{ data, totalCount }`), a literal, an HTTP header. */
const namesNothing = (span: string) =>
  /^\{ [\w, ]+ \}$/.test(span) || /^(null|true|false|\d+)$/.test(span) || /^[A-Z][a-z]+(-[A-Z][a-z]+)+$/.test(span)
const builtInTypes = new Set(["ReadonlyArray", "string", "number", "boolean"])

const classifySdk = (spans: ReadonlyArray<string>): Array<SdkName | { readonly kind: "unknown"; span: string }> => {
  const imports = new Map<string, string>()
  for (const span of spans) {
    const imported = /^import \{ ([\w, ]+) \} from "([^"]+)"$/.exec(span)
    if (imported !== null) { for (const name of imported[1]!.split(", ")) imports.set(name, imported[2]!) }
  }
  const names: Array<SdkName | { readonly kind: "unknown"; span: string }> = []
  let receiver: "clerk.users" | undefined
  for (const span of spans) {
    const found: Array<SdkName> = []
    if (namesNothing(span)) continue
    if (/^import /.test(span)) {
      for (const [name, module] of imports) found.push({ kind: "export", module, name })
    } else if (/^\w+$/.test(span)) {
      if (/^[A-Z][A-Z_]+$/.test(span)) found.push({ kind: "variable", name: span })
      else if (receiver === "clerk.users") found.push({ kind: "method", name: span })
    } else {
      for (const m of span.matchAll(/clerk\.users\.(\w+)/g)) {
        found.push({ kind: "method", name: m[1]! })
        receiver = "clerk.users"
      }
      for (const m of span.matchAll(/(?<![.\w])user\.(\w+)/g)) found.push({ kind: "userField", name: m[1]! })
      for (const m of span.matchAll(/(?<![.\w])e((?:\.\w+|\[\d+\])+)(?: === (\d+))?/g)) {
        found.push({ kind: "errorPath", path: pathOf(m[1]!), ...(m[2] === undefined ? {} : { equals: Number(m[2]) }) })
      }
      for (const m of span.matchAll(/(?<![.\w])([A-Za-z]\w*)\(/g)) {
        found.push({ kind: "export", module: imports.get(m[1]!) ?? "@clerk/backend", name: m[1]! })
      }
    }
    if (found.length === 0) names.push({ kind: "unknown", span })
    for (const name of found) names.push(name)
  }
  return names
}

const classifyEffect = (spans: ReadonlyArray<string>) => {
  const names: Array<EffectName | { readonly kind: "unknown"; span: string }> = []
  let receiver: "users" | undefined
  for (const span of spans) {
    const found: Array<EffectName> = []
    if (namesNothing(span)) continue
    if (/^\w+$/.test(span)) {
      if (receiver === "users" && /^[a-z]/.test(span)) found.push({ kind: "method", name: span })
      else if (/^[A-Z]/.test(span)) found.push({ kind: "name", name: span })
    } else {
      for (const m of span.matchAll(/(?<![.\w])users\.(\w+)/g)) {
        found.push({ kind: "method", name: m[1]! })
        receiver = "users"
      }
      for (const m of span.matchAll(/(?<![.\w])([A-Z]\w*)\.(\w+)/g)) {
        found.push({ kind: "member", namespace: m[1]!, name: m[2]! })
      }
      for (const m of span.matchAll(/catchTag\("(\w+)"/g)) found.push({ kind: "tag", name: m[1]! })
      for (const m of span.matchAll(/yield\* (\w+)/g)) found.push({ kind: "service", name: m[1]! })
      for (const m of span.matchAll(/(?<![.\w])error((?:\.\w+|\[\d+\])+)/g)) {
        found.push({ kind: "errorPath", path: pathOf(m[1]!) })
      }
      const generic = /^(\w+)<(\w+)>$/.exec(span)
      if (generic !== null) {
        for (const name of [generic[1]!, generic[2]!]) {
          if (!builtInTypes.has(name)) found.push({ kind: "name", name })
        }
        if (found.length === 0) continue
      }
    }
    if (found.length === 0) names.push({ kind: "unknown", span })
    for (const name of found) names.push(name)
  }
  return names
}

const has = (value: unknown, key: string): value is object =>
  (typeof value === "object" || typeof value === "function") && value !== null && key in value

const member = (value: unknown, key: string): unknown => has(value, key) ? Reflect.get(value, key) : undefined

/** Follows `path` from `value`: each step must exist. */
const walk = (value: unknown, path: ReadonlyArray<string>): { readonly found: boolean; readonly value: unknown } => {
  let current = value
  for (const key of path) {
    if (!has(current, key)) return { found: false, value: undefined }
    current = member(current, key)
  }
  return { found: true, value: current }
}

/** A name of the right column: a root export of core, Effect's or the platform's, or a member of a core namespace. */
const resolveName = (name: string): unknown => {
  for (const root of [Core, EffectModule, Platform]) if (has(root, name)) return member(root, name)
  for (const namespace of Object.values(Core)) if (has(namespace, name)) return member(namespace, name)
  return undefined
}

describe("README: Coming from @clerk/backend", () => {
  it("the table has its rows, and every code span in it is understood", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15)
    const unknown = rows.flatMap((row) =>
      [...classifySdk(row.sdk), ...classifyEffect(row.effect)].flatMap((name) =>
        name.kind === "unknown" ? [`${name.span}   (in: ${row.line})`] : []
      )
    )
    expect(unknown, "spans this test cannot check").toEqual([])
  })

  it("isClerkAPIResponseError is shown with its module, @clerk/backend/errors (not @clerk/backend)", () => {
    const row = rows.find((row) => row.sdk.some((span) => span.includes("isClerkAPIResponseError(")))
    expect(row?.sdk).toContain(`import { isClerkAPIResponseError } from "@clerk/backend/errors"`)
  })

  it.live(
    "every @clerk/backend name is imported from the module the table says, or found where it says",
    () =>
      Effect.gen(function*() {
        const names = rows.flatMap((row) => classifySdk(row.sdk))
        expect(names.filter((name) => name.kind === "method").length).toBeGreaterThanOrEqual(14)
        const emulator = yield* ClerkEmulator.serve({ port: 0, users: [{ firstName: "Ada", lastName: "Lovelace" }] })
        const clerk = createClerkClient({ secretKey: emulator.secretKey, apiUrl: emulator.apiUrl.replace(/\/v1$/, "") })
        const [seeded] = (yield* Effect.promise(() => clerk.users.getUserList())).data
        const user = yield* Effect.promise(() => clerk.users.getUser(seeded!.id))
        const error = yield* Effect.flip(Effect.tryPromise(() => clerk.users.getUser("user_missing")))
        const failures: Array<string> = []
        for (const name of names) {
          switch (name.kind) {
            case "export": {
              const module: Record<string, unknown> = yield* Effect.promise(() => import(name.module))
              if (typeof module[name.name] !== "function") {
                failures.push(`${name.name} is not exported by ${name.module}`)
              }
              break
            }
            case "method": {
              if (typeof member(clerk.users, name.name) !== "function") {
                failures.push(`clerk.users.${name.name} is not a method of @clerk/backend's client`)
              }
              break
            }
            case "userField": {
              if (!has(user, name.name)) failures.push(`user.${name.name} is not a field of @clerk/backend's User`)
              break
            }
            case "errorPath": {
              const { found, value } = walk(error.error, name.path)
              if (!found) failures.push(`e.${name.path.join(".")} is not on @clerk/backend's error`)
              else if (name.equals !== undefined && value !== name.equals) {
                failures.push(`e.${name.path.join(".")} is ${String(value)} for a missing user, not ${name.equals}`)
              }
              break
            }
            case "variable": {
              // an unusable value fails the layer with an error that names the variable: the layer reads it
              const failed = yield* Effect.flip(
                Effect.provide(ClerkConfig, ClerkConfig.layerFromEnv).pipe(
                  Effect.withConfigProvider(
                    ConfigProvider.fromMap(new Map([["CLERK_SECRET_KEY", "sk_test_x"], [name.name, " unusable "]]))
                  )
                )
              ).pipe(Effect.orElseSucceed(() => undefined))
              if (failed === undefined || !String(failed).includes(name.name)) {
                failures.push(`${name.name} is not read by ClerkConfig.layerFromEnv`)
              }
              break
            }
          }
        }
        // the row's own test: the error of a missing user is one isClerkAPIResponseError recognises, with status 404
        const { isClerkAPIResponseError } = yield* Effect.promise(() => import("@clerk/backend/errors"))
        expect(isClerkAPIResponseError(error.error)).toBe(true)
        expect(failures).toEqual([])
      }).pipe(Effect.scoped),
    { timeout: 30_000 }
  )

  it.effect("every name of the right column exists in @effect-clerk/core, on the Users service, or in Effect", () =>
    Effect.gen(function*() {
      const names = rows.flatMap((row) => classifyEffect(row.effect))
      expect(names.filter((name) => name.kind === "method").length).toBeGreaterThanOrEqual(14)
      const users = yield* Users
      const notFound = yield* Effect.flip(users.get("user_missing"))
      const failures: Array<string> = []
      for (const name of names) {
        switch (name.kind) {
          case "method": {
            if (typeof member(users, name.name) !== "function") {
              failures.push(`users.${name.name} is not a method of the Users service`)
            }
            break
          }
          case "member": {
            const namespace = resolveName(name.namespace)
            if (!has(namespace, name.name)) failures.push(`${name.namespace}.${name.name} does not exist`)
            break
          }
          case "tag": {
            if (member(member(ClerkError, name.name), "_tag") !== name.name) {
              failures.push(`"${name.name}" is not the tag of an error of ClerkError`)
            }
            break
          }
          case "service": {
            if (!Context.isTag(resolveName(name.name))) failures.push(`${name.name} is not a service`)
            break
          }
          case "name": {
            if (resolveName(name.name) === undefined) failures.push(`${name.name} does not exist`)
            break
          }
          case "errorPath": {
            // a field of the errors' schemas (retryAfter: RateLimited's), followed on a real error where it has one
            const [field, ...rest] = name.path
            if (!Object.values(ClerkError).some((error) => has(member(error, "fields"), field!))) {
              failures.push(`error.${field} is not a field of any ClerkError`)
            } else if (rest.length > 0 && !walk(notFound, name.path).found) {
              failures.push(`error.${name.path.join(".")} is not on a ResourceNotFound`)
            }
            break
          }
        }
      }
      expect(failures).toEqual([])
    }).pipe(Effect.provide(UsersInMemory.layer())))
})
