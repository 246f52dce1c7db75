import { defineConfig } from "vitest/config"

// The kernel is a workspace package resolved to its TypeScript sources (the `source` export condition), as in
// the Effect 3 line's shared configuration; this line runs on vitest 5 and Node 22 (`pnpm test:effect4`).
const conditions = ["source", "module", "node", "import", "default"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "core-effect4",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
