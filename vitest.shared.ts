import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { ViteUserConfig } from "vitest/config"

const root = path.dirname(fileURLToPath(import.meta.url))

// Workspace packages are resolved to their TypeScript sources through the `source` export condition.
const conditions = ["source", "module", "node", "import", "default"]

/**
 * The configuration every package's `vitest.config.ts` extends.
 */
export const shared: ViteUserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: [path.join(root, "vitest.setup.ts")],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    sequence: { hooks: "list" }
  }
}
