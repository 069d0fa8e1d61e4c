#!/usr/bin/env node
// Starts the fake Graph. In the workspace it runs the TypeScript sources through tsx (Node 20
// cannot run .ts); an installed package runs the built dist/.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/wa-sandbox.ts", import.meta.url);
const built = new URL("../dist/cli/wa-sandbox.js", import.meta.url);

if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(built.href);
}
