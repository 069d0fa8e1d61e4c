import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  test: {
    name: "react",
    environment: "jsdom",
    setupFiles: ["./vitest.setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    typecheck: { enabled: false },
    // Which React major this project runs on; react-version.test.ts checks the one actually loaded.
    env: { WA_MIGRATE_REACT_MAJOR: "19" },
    // axe over the large overview stories takes seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
