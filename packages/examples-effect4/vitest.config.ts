import { defineConfig } from "vitest/config"

// Workspace packages resolved to their TypeScript sources (the `source` export condition), as in the other
// packages of the Effect 4 line; vitest 5 on Node 22 (`pnpm test:effect4`).
const conditions = ["source", "module", "node", "import", "default"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "examples-effect4",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
