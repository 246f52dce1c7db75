// The `prepack` script of the publishable packages: lets pnpm pack them (pnpm resolves `workspace:^` ranges and
// applies `publishConfig`; `pnpm pack:tarballs` builds first) and refuses `npm pack` / `npm publish`, which would
// keep `workspace:^` (npm then fails to install the tarball with EUNSUPPORTEDPROTOCOL), leave out the emulator's
// `bin` and pack whatever `dist/` happens to hold, with a message that says what to run instead.
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const agent = process.env["npm_config_user_agent"] ?? ""
if (!agent.startsWith("pnpm/")) {
  const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8"))
  const command = process.env["npm_command"] === "publish" ? "publish" : "pack"
  const workspaceRanges = Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })
    .filter(([, range]) => String(range).startsWith("workspace:"))
    .map(([name]) => name)
  const { packageManager } = JSON.parse(
    fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "package.json"), "utf8")
  )
  process.stderr.write(
    [
      ``,
      `${pkg.name}: \`npm ${command}\` is not how this package is packed.`,
      workspaceRanges.length > 0
        ? `npm would keep its \`workspace:\` ranges (on ${workspaceRanges.join(", ")}), and npm cannot install ` +
          `the tarball (EUNSUPPORTEDPROTOCOL).`
        : `npm would pack whatever dist/ holds now, without building it.`,
      ``,
      `At the repository's root, run:`,
      ``,
      `  npx -y ${packageManager} pack:tarballs`,
      ``,
      `It builds the packages and writes installable tarballs (\`workspace:\` ranges resolved) to build/tarballs/;`,
      `README.md, section "Installing", gives the npm lines that install them in your project.`,
      command === "publish" ? `To publish, use \`pnpm publish\` in this directory, after \`pnpm build\`.` : ``,
      ``
    ].filter((line, index, lines) => line !== "" || lines[index - 1] !== "").join("\n")
  )
  process.exit(1)
}
