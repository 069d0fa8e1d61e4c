import { defineConfig } from "vitest/config";

// One Vitest run for the whole workspace: every package brings its own project config.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "packages/bff/vitest.reliability.config.ts",
      "packages/react/vitest.react18.config.ts",
    ],
  },
});
