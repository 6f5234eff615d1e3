import { defineConfig } from "vitest/config";

// One vitest process for the whole workspace: each package keeps its own small config (defineProject),
// so `vitest run` also works inside a package.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
