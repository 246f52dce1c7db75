// `pnpm pack:tarballs`: builds the publishable packages and packs them with pnpm (which turns `workspace:^` into
// real ranges and applies `publishConfig`) into `build/tarballs/`, exactly as they would be published, under
// names without a version (`effect-clerk-core.tgz`), so that the npm lines of README.md's "Installing" stay the
// same from one version to the next. The tarballs are reused while nothing they are made from has changed, so that
// `pnpm test:packages` and `pnpm test:consumer` build once between them. (`npm pack` in a package directory is
// refused by `scripts/prepack.mjs`, which names this command.)
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// in dependency order: core and testkit build against the kernel's declarations
export const packages = ["kernel", "core", "testkit"]
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
    ...packages.flatMap((name) => {
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
    Object.fromEntries(packages.map((name) => [name, path.join(packs, `effect-clerk-${name}.tgz`)]))
  if (
    fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest &&
    Object.values(tarballs()).every((file) => fs.existsSync(file))
  ) {
    process.stdout.write(`reusing the tarballs in ${path.relative(root, packs)} (sources unchanged)\n`)
    return tarballs()
  }
  fs.rmSync(packs, { recursive: true, force: true })
  fs.mkdirSync(packs, { recursive: true })
  for (const name of packages) {
    const cwd = path.join(root, "packages", name)
    execFileSync(process.execPath, [path.join(root, "scripts", "build-package.mjs")], { cwd, stdio: "inherit" })
    pnpm(["pack", "--pack-destination", packs], { cwd, stdio: ["ignore", "ignore", "inherit"] })
    const { version } = JSON.parse(fs.readFileSync(path.join(cwd, "package.json"), "utf8"))
    fs.renameSync(path.join(packs, `effect-clerk-${name}-${version}.tgz`), path.join(packs, `effect-clerk-${name}.tgz`))
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
