import { defineProject } from "vitest/config";

export default defineProject({
  // Orchestration tests run whole migrations against the in-process sandbox (and ajv compiles
  // Meta's OpenAPI once); on a shared 2-core machine they need more than the 5 s default.
  test: { name: "bff", environment: "node", include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
