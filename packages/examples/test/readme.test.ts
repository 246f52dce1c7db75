/**
 * The README's TypeScript blocks are copies of files that `pnpm check` type-checks, and its operations table
 * says what the source does.
 */
import { ClerkConfig } from "@effect-clerk/core"
import { statusErrorClasses } from "@effect-clerk/core/ClerkError"
import { operations } from "@effect-clerk/core/UsersProtocol"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const readme = readFileSync(`${root}README.md`, "utf8")

const blocks = [...readme.matchAll(/(<!-- snippet: (\S+) -->\n)?```ts\n([\s\S]*?)```/g)].map((m) => ({
  file: m[2],
  code: m[3]!
}))

const readJson = (file: string) => JSON.parse(readFileSync(`${root}${file}`, "utf8")) as Record<string, unknown>

/** The lines of the ```sh block after `<!-- marker -->`. */
const shellBlock = (marker: string) => {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme)
  expect(match, marker).not.toBeNull()
  return match![1]!.trim().split("\n")
}

/** Whether a caret range (`^1.2.3`, `^0.30`) accepts a version: same major (same minor under 1.0), not older. */
const caretAccepts = (range: string, version: string) => {
  const [major, minor = 0, patch = 0] = range.replace(/^\^/, "").split(".").map(Number)
  const [vMajor, vMinor, vPatch] = version.split(".").map(Number)
  if (vMajor !== major) return false
  if (major === 0 && vMinor !== minor) return false
  return vMinor! > minor || (vMinor === minor && vPatch! >= patch)
}

describe("README", () => {
  it("every TypeScript block is a type-checked file, verbatim", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7)
    for (const block of blocks) {
      expect(block.file, `a \`\`\`ts block without <!-- snippet: ... -->:\n${block.code.slice(0, 200)}`).toBeDefined()
      expect(block.code, block.file).toBe(readFileSync(`${root}${block.file}`, "utf8"))
      // the Effect 3 line's examples, or the Effect 4 line's (type-checked by `pnpm test:effect4`)
      expect(/^packages\/examples(-effect4)?\/src\//.test(block.file!), block.file).toBe(true)
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

  it("the install lines give every package a range that works, so that npm never picks Effect 4", () => {
    const lines = [...shellBlock("consumer:install-registry"), ...shellBlock("consumer:install-server")]
    for (const line of lines) expect(line).toMatch(/^npm i (-D )?\S/)
    const specs = new Map(
      lines.flatMap((line) => line.split(" ").slice(2)).filter((word) => word !== "-D").map((word) => {
        const at = word.lastIndexOf("@")
        return at > 0 ? [word.slice(0, at), word.slice(at + 1)] : [word, ""]
      })
    )
    expect([...specs.keys()].sort()).toEqual([
      "@effect-clerk/core",
      "@effect-clerk/testkit",
      "@effect/platform",
      "@effect/platform-node",
      "@effect/vitest",
      "effect",
      "vitest"
    ])
    const devDependencies = readJson("package.json")["devDependencies"] as Record<string, string>
    const peers = {
      ...readJson("packages/core/package.json")["peerDependencies"] as Record<string, string>,
      ...readJson("packages/testkit/package.json")["peerDependencies"] as Record<string, string>
    }
    const tested: Record<string, string> = {
      ...readJson("packages/testkit/package.json")["devDependencies"] as Record<string, string>,
      ...devDependencies
    }
    for (const [name, range] of specs) {
      if (name.startsWith("@effect-clerk/")) {
        // the Effect 3 line is 0.x: 1.x is the Effect 4 line
        expect(range, name).toBe("0")
        continue
      }
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/)
      // a peer is installed with exactly the range the packages declare
      if (name in peers) expect(range, name).toBe(peers[name])
      // the versions this repository tests with are in the range; Effect 4's line is not
      expect(caretAccepts(range, tested[name]!), `${name}@${range} accepts ${tested[name]}`).toBe(true)
      expect(caretAccepts(range, "4.0.0"), `${name}@${range} accepts 4.0.0`).toBe(false)
    }
    // every required peer is on the lines (optional ones, like InstanceBudgetRedis's, are installed by choice)
    const optional = new Set(
      ["packages/core/package.json", "packages/testkit/package.json"].flatMap((file) =>
        Object.keys(readJson(file)["peerDependenciesMeta"] as Record<string, unknown> | undefined ?? {})
      )
    )
    for (const peer of Object.keys(peers)) if (!optional.has(peer)) expect(specs.has(peer), peer).toBe(true)
    // @effect/vitest 0.30 works with the vitest and effect lines given here
    const vitestPeers = JSON.parse(
      readFileSync(`${root}node_modules/@effect/vitest/package.json`, "utf8")
    ) as { peerDependencies: Record<string, string> }
    expect(vitestPeers.peerDependencies["vitest"]).toMatch(/^\^3\./)
    expect(vitestPeers.peerDependencies["effect"]).toMatch(/^\^3\./)
  })

  it("the tarball lines install what the registry lines will, the kernel's tarball beside core's", () => {
    const [assignment, ...tarballLines] = shellBlock("consumer:install")
    expect(assignment).toMatch(/^TARBALLS=\S+$/)
    const asRegistry = tarballLines.map((line) =>
      line.split(" ").flatMap((word) => {
        const tarball = /^\$TARBALLS\/effect-clerk-(\w+)\.tgz$/.exec(word)
        if (tarball === null) return [word]
        // the kernel comes with core from the registry; from tarballs, its tarball is named beside core's
        return tarball[1] === "kernel" ? [] : [`@effect-clerk/${tarball[1]}@0`]
      }).join(" ")
    )
    expect(asRegistry).toEqual(shellBlock("consumer:install-registry"))
    expect(tarballLines.join(" ")).toMatch(/\$TARBALLS\/effect-clerk-kernel\.tgz \$TARBALLS\/effect-clerk-core\.tgz/)
    // the command that writes the tarballs is the root's `pack:tarballs`, writing into build/tarballs/
    expect(shellBlock("consumer:pack").join("\n")).toMatch(/ pack:tarballs$/)
    const scripts = readJson("package.json")["scripts"] as Record<string, string>
    expect(scripts["pack:tarballs"]).toBe("node scripts/pack.mjs")
    expect(readFileSync(`${root}scripts/pack.mjs`, "utf8")).toContain(`path.join(root, "build", "tarballs")`)
    expect(readme).toContain("to `build/tarballs/` (git-ignored)")
  })

  it("the install lines are right for production: what runs in production is a dependency, test tools are -D", () => {
    const dependencies = (marker: string, dev: boolean) =>
      shellBlock(marker).filter((line) => line.startsWith("npm i ") && line.startsWith("npm i -D ") === dev)
        .flatMap((line) => line.split(" ").slice(dev ? 3 : 2))
        .map((word) => word.replace(/(?<=.)@[^@]*$/, ""))
    const registry = [
      ...dependencies("consumer:install-registry", false),
      ...dependencies("consumer:install-server", false)
    ]
    const dev = [...dependencies("consumer:install-registry", true), ...dependencies("consumer:install-server", true)]
    // the README recommends NodeHttpClient.layerUndici (from @effect/platform-node) in production
    expect(readme).toContain("production code should use `NodeHttpClient.layerUndici`")
    expect(registry.sort()).toEqual(["@effect-clerk/core", "@effect/platform", "@effect/platform-node", "effect"])
    expect(dev.sort()).toEqual(["@effect-clerk/testkit", "@effect/vitest", "vitest"])
  })

  it.effect("the message for a missing key is the one ClerkConfig gives", () =>
    Effect.gen(function*() {
      const shown = /```text\n(CLERK_SECRET_KEY is not set\.[^\n]*)\n```/.exec(readme)?.[1]
      const error = yield* Effect.flip(
        Effect.provide(ClerkConfig, ClerkConfig.layerFromEnv).pipe(
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))
        )
      )
      expect(error._op === "MissingData" && error.message).toBe(shown)
    }))

  it("the test command CI runs is in the README", () => {
    expect(readme).toContain(
      "<!-- ci:test-command -->\n```sh\nnpx -y pnpm@10.34.9 install --frozen-lockfile && npx -y pnpm@10.34.9 verify\n```"
    )
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { packageManager: string }
    expect(pkg.packageManager).toBe("pnpm@10.34.9")
  })
})
