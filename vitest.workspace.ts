// The single list of test projects. The root `vitest.config.ts` runs it through `test.projects`
// (vitest 3.2 deprecates `defineWorkspace`).
export default [
  "packages/kernel",
  "packages/core",
  "packages/testkit",
  "packages/examples",
  "packages/bench"
]
