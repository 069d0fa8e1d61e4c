import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The demo portal is built once and served by `src/server/demo-server.ts`, which also answers
// `/demo-config.json` (ports, app id, SDK URL) at run time: the same build works on any ports.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  logLevel: "warn",
});
