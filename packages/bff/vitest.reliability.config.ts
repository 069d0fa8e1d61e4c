import { defineProject } from "vitest/config";

// The reliability and security suite (issue 9): fuzzing, secrets, faults. Its long forms run in
// `npm run soak` (scripts/soak.mjs) with larger counts through the RELIABILITY_* variables.
export default defineProject({
  test: {
    name: "reliability",
    environment: "node",
    include: ["test/reliability/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
