/**
 * The kernel is plain TypeScript: no file under `src` imports `effect` or an `@effect/*` package, so every
 * line of the library (Effect 3, Effect 4) can build on it.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src")
const files = fs.readdirSync(src, { recursive: true }).map(String).filter((file) => file.endsWith(".ts"))
const SPECIFIER = /(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g

describe("kernel", () => {
  it("has sources", () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)("%s imports nothing from effect", (file) => {
    // doc comments' `@example`s import the published package, as a user would: only code counts
    const text = fs.readFileSync(path.join(src, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "")
    const specifiers = [...text.matchAll(SPECIFIER)].map((match) => match[1]!)
    expect(specifiers.filter((specifier) => /^(effect|@effect\/)/.test(specifier))).toEqual([])
    expect(specifiers.filter((specifier) => specifier.startsWith("@effect-clerk/"))).toEqual([])
  })
})
