import { defineProject } from "vitest/config";

// Soak-only tests (issue 9), run by `npm run soak` (scripts/soak.mjs), never by `npm test`: they
// take minutes. The root vitest config does not list this project on purpose.
export default defineProject({
  test: {
    name: "soak",
    environment: "node",
    include: ["test/soak/**/*.test.ts"],
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
