/**
 * The README's TypeScript blocks are copies of files that `pnpm check` type-checks, and its operations table
 * says what the source does.
 */
import { statusErrorClasses } from "@effect-clerk/core"
import { operations } from "@effect-clerk/core/UsersProtocol"
import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const readme = readFileSync(`${root}README.md`, "utf8")

const blocks = [...readme.matchAll(/(<!-- snippet: (\S+) -->\n)?```ts\n([\s\S]*?)```/g)].map((m) => ({
  file: m[2],
  code: m[3]!
}))

describe("README", () => {
  it("every TypeScript block is a type-checked file, verbatim", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7)
    for (const block of blocks) {
      expect(block.file, `a \`\`\`ts block without <!-- snippet: ... -->:\n${block.code.slice(0, 200)}`).toBeDefined()
      expect(block.code, block.file).toBe(readFileSync(`${root}${block.file}`, "utf8"))
      expect(block.file!.startsWith("packages/examples/src/")).toBe(true)
    }
  })

  it("the operations table lists every operation of the table with its documented error tags", () => {
    const rows = [
      ...readme.matchAll(/^\| `(\w+)\([^|]*\)` \| (GET|POST|PATCH|PUT|DELETE) ([^|]+) \|[^|]*\| ([^|]*)\|$/gm)
    ]
    expect(rows).toHaveLength(Object.keys(operations).length)
    for (const [, name, method, path, tags] of rows) {
      const operation = operations[name as keyof typeof operations]
      expect(operation, name).toBeDefined()
      expect(method, name).toBe(operation.method)
      const shape = (p: string) => p.trim().replace(/\{[a-z0-9_]+\}/g, "{}")
      expect(shape(path!), name).toBe(shape(operation.path))
      const expected = operation.statuses.flatMap((s) =>
        s in statusErrorClasses ? [statusErrorClasses[s as keyof typeof statusErrorClasses]._tag] : []
      )
      expect(tags!.trim().split(" ").map((t) => t.replace(/`/g, "")).filter((t) => t !== ""), name).toEqual(expected)
    }
  })

  it("the test command CI runs is in the README", () => {
    expect(readme).toContain(
      "<!-- ci:test-command -->\n```sh\nnpx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 verify\n```"
    )
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { packageManager: string }
    expect(pkg.packageManager).toBe("pnpm@10.34.9")
  })
})
