import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sandbox",
    environment: "node",
    include: ["src/**/*.test.ts"],
    // The contract tests parse Meta's 1 MB OpenAPI document and compile its schemas once; on a
    // shared 2-core machine that alone can pass Vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
