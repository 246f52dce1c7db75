// `pnpm pack:tarballs`: builds the publishable packages and packs them with pnpm (which turns `workspace:^` into
// real ranges and applies `publishConfig`) into `build/tarballs/`, exactly as they would be published, under
// names without a version (`effect-clerk-core.tgz`), so that the npm lines of README.md's "Installing" stay the
// same from one version to the next. The tarballs are reused while nothing they are made from has changed, so that
// `pnpm test:packages` and `pnpm test:consumer` build once between them. (`npm pack` in a package directory is
// refused by `scripts/prepack.mjs`, which names this command.)
//
// The Effect 4 line: every `packages/<name>-effect4` directory (`core-effect4`, `testkit-effect4`, whichever exist)
// is built (ES modules only) and packed the same way, then renamed, because a workspace cannot hold two packages of
// one name: its development name `@effect-clerk/<name>-effect4` becomes `@effect-clerk/<name>` (its version, 1.x, is
// the one in its package.json), `private` and the development dependencies are dropped, and a dependency on another package of the line, written
// `"@effect-clerk/core": "workspace:@effect-clerk/core-effect4@*"` (which pnpm packs as `npm:@effect-clerk/core-
// effect4@1.0.0`), becomes `"@effect-clerk/core": "1.0.0"`. Its tarball is `effect-clerk-<name>-<major>.tgz`
// (`effect-clerk-core-1.tgz`) beside the Effect 3 line's `effect-clerk-core.tgz`; the kernel's serves both lines.
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// in dependency order: core and testkit build against the kernel's declarations
export const packages = ["kernel", "core", "testkit"]

const EFFECT4_SUFFIX = "-effect4"
/** The Effect 4 line's private packages: run in the workspace, never published (the Effect 3 line's are not listed). */
const unpublished = new Set(["bench-effect4", "examples-effect4"])
const readManifest = (name) => JSON.parse(fs.readFileSync(path.join(root, "packages", name, "package.json"), "utf8"))

/**
 * The Effect 4 line's package directories (`core-effect4`, `testkit-effect4`, ...), in dependency order: a package
 * comes after the packages of the line it depends on (it builds against their declarations).
 */
export const effect4Packages = (() => {
  const names = fs.readdirSync(path.join(root, "packages"))
    .filter((name) =>
      name.endsWith(EFFECT4_SUFFIX) && !unpublished.has(name) &&
      fs.existsSync(path.join(root, "packages", name, "package.json"))
    )
    .sort()
  const dependsOn = (name) => {
    const manifest = readManifest(name)
    const ranges = Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.devDependencies
    })
      .map(([key, range]) => `${key} ${range}`).join("\n")
    return names.filter((other) => other !== name && ranges.includes(readManifest(other).name))
  }
  const ordered = []
  const visit = (name, path_ = []) => {
    if (ordered.includes(name)) return
    if (path_.includes(name)) throw new Error(`a dependency cycle among ${[...path_, name].join(" -> ")}`)
    for (const dependency of dependsOn(name)) visit(dependency, [...path_, name])
    ordered.push(name)
  }
  for (const name of names) visit(name)
  return ordered
})()

/** Every package directory packed, the Effect 3 line's then the Effect 4 line's. */
export const allPackages = [...packages, ...effect4Packages]

/** The name and tarball a package directory is published under (the Effect 4 line's renamed, see above). */
export const published = (name) => {
  const { version } = readManifest(name)
  if (!name.endsWith(EFFECT4_SUFFIX)) {
    return { name: `@effect-clerk/${name}`, version, line: 3, tarball: `effect-clerk-${name}.tgz` }
  }
  const base = name.slice(0, -EFFECT4_SUFFIX.length)
  return {
    name: `@effect-clerk/${base}`,
    version,
    line: 4,
    tarball: `effect-clerk-${base}-${version.split(".")[0]}.tgz`
  }
}
const developmentNames = new Map(effect4Packages.map((name) => [readManifest(name).name, published(name)]))

/**
 * The rename of an Effect 4 package's packed manifest (see above). Fails on anything left of a development name or
 * of a `workspace:` range, which npm could not install.
 */
export const renameManifest = (manifest, target) => {
  const renamed = { ...manifest, name: target.name, version: target.version }
  delete renamed.private
  // the workspace's development dependencies (the test kit's includes the Effect 3 test kit, for its emulator bin:
  // a package named `@effect-clerk/testkit` listing `@effect-clerk/testkit`) mean nothing to an installer
  delete renamed.devDependencies
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    if (manifest[field] === undefined) continue
    renamed[field] = Object.fromEntries(
      Object.entries(manifest[field]).map(([key, range]) => {
        const alias = /^npm:(@effect-clerk\/[^@]+)@(.+)$/.exec(range)
        const [name, version] = alias !== null && developmentNames.has(alias[1])
          ? [key, alias[2]]
          : [developmentNames.get(key)?.name ?? key, range]
        // pnpm packs a `workspace:*` range as the exact version: a package of this library depends on another's
        // compatible versions (`^`), as the Effect 3 line's `workspace:^` ranges pack, so that a newer patch of core
        // does not bring a second copy of it
        return [name, name.startsWith("@effect-clerk/") && /^\d+\.\d+\.\d+$/.test(version) ? `^${version}` : version]
      })
    )
  }
  const text = JSON.stringify(renamed)
  const left = [...developmentNames.keys()].filter((name) => text.includes(`"${name}`) || text.includes(`:${name}@`))
  if (left.length > 0 || text.includes("workspace:")) {
    throw new Error(
      `${target.name}: the packed package.json still names ${[...left, "workspace:"].join(", ")}:\n${text}`
    )
  }
  return renamed
}

/** Rewrites the package.json inside a tarball (extracted, rewritten, packed again with the same layout). */
const rewriteTarball = (from, to, target) => {
  const staging = fs.mkdtempSync(path.join(packs, ".staging-"))
  execFileSync("tar", ["xzf", from, "-C", staging])
  const manifestPath = path.join(staging, "package", "package.json")
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"))
  fs.writeFileSync(manifestPath, `${JSON.stringify(renameManifest(manifest, target), null, 2)}\n`)
  // files only, sorted, as pnpm and npm write them
  const files = fs.readdirSync(path.join(staging, "package"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(staging, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort()
  execFileSync("tar", ["czf", to, "--owner=0", "--group=0", "--numeric-owner", "-C", staging, ...files])
  fs.rmSync(staging, { recursive: true, force: true })
  fs.rmSync(from)
}
/** Where the tarballs go (README.md's "Installing" names it; `build/` is git-ignored). */
export const tarballsDir = path.join(root, "build", "tarballs")
const packs = tarballsDir

/** Runs pnpm: the one running this script when there is one, else the version `packageManager` names. */
export const pnpm = (args, options = {}) => {
  const execPath = process.env["npm_execpath"] ?? ""
  if (/pnpm/.test(path.basename(execPath))) {
    return execFileSync(process.execPath, [execPath, ...args], { encoding: "utf8", ...options })
  }
  const { packageManager } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
  return execFileSync("npx", ["-y", packageManager, ...args], { encoding: "utf8", ...options })
}

const inputs = () => {
  const hash = createHash("sha256")
  const files = [
    "scripts/build-package.mjs",
    "scripts/pack.mjs",
    ...allPackages.flatMap((name) => {
      const dir = path.join("packages", name)
      return [
        ...["package.json", "tsconfig.build.json", "README.md", "LICENSE"].map((file) => path.join(dir, file)),
        ...fs.readdirSync(path.join(root, dir, "src"), { recursive: true }).map((file) =>
          path.join(dir, "src", String(file))
        )
      ]
    })
  ].sort()
  for (const file of files) {
    const full = path.join(root, file)
    if (fs.statSync(full, { throwIfNoEntry: false })?.isFile()) hash.update(file).update(fs.readFileSync(full))
  }
  return hash.digest("hex")
}

/** Builds and packs the packages (or reuses the tarballs); returns their paths by package name. */
export const packAll = () => {
  const stamp = path.join(packs, "inputs.sha256")
  const digest = inputs()
  const tarballs = () =>
    Object.fromEntries(allPackages.map((name) => [name, path.join(packs, published(name).tarball)]))
  if (
    fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest &&
    Object.values(tarballs()).every((file) => fs.existsSync(file))
  ) {
    process.stdout.write(`reusing the tarballs in ${path.relative(root, packs)} (sources unchanged)\n`)
    return tarballs()
  }
  fs.rmSync(packs, { recursive: true, force: true })
  fs.mkdirSync(packs, { recursive: true })
  for (const name of allPackages) {
    const cwd = path.join(root, "packages", name)
    if (published(name).line === 4) {
      // what the Effect 3 line's packages have, said up front rather than as a publint or build failure
      const manifest = readManifest(name)
      const missing = [
        ...["tsconfig.build.json", "README.md", "LICENSE"].filter((file) => !fs.existsSync(path.join(cwd, file))),
        ...(manifest.files === undefined ? ["package.json \"files\""] : []),
        ...(manifest.scripts?.prepack === undefined ? ["package.json \"scripts.prepack\""] : [])
      ]
      if (missing.length > 0) {
        throw new Error(
          `packages/${name} cannot be packed yet: it has no ${missing.join(", ")} (see packages/core-effect4)`
        )
      }
    }
    execFileSync(process.execPath, [path.join(root, "scripts", "build-package.mjs")], { cwd, stdio: "inherit" })
    pnpm(["pack", "--pack-destination", packs], { cwd, stdio: ["ignore", "ignore", "inherit"] })
    const target = published(name)
    const packed = path.join(packs, `effect-clerk-${name}-${target.version}.tgz`)
    if (target.line === 3) fs.renameSync(packed, path.join(packs, target.tarball))
    else rewriteTarball(packed, path.join(packs, target.tarball), target)
  }
  fs.writeFileSync(stamp, digest)
  const result = tarballs()
  for (const [name, file] of Object.entries(result)) {
    process.stdout.write(
      `packed ${name}: ${path.relative(root, file)} (${(fs.statSync(file).size / 1024).toFixed(1)} kB)\n`
    )
  }
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  packAll()
  process.stdout.write(
    `\nTo install them in a project of yours with npm, see README.md, "Installing"; there, first set\n` +
      `  TARBALLS=${tarballsDir}\n`
  )
}
