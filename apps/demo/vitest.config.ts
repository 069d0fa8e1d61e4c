import { defineProject } from "vitest/config";

// The demo's tests: unit tests beside the code, and the end-to-end suites in real Chromium
// against the real stack (sandbox + BFF on PGlite + built portal), one file at a time and after
// every other project (groupOrder 1), so the browser does not share the 2 cores with them.
export default defineProject({
  test: {
    name: "demo-e2e",
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}", "e2e/*.chromium.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    sequence: { groupOrder: 1 },
  },
});
