#!/usr/bin/env node
// Runs the built server (dist/) when present, else the TypeScript sources through tsx
// (Node 20 cannot run .ts itself; tsx is a devDependency of the workspace).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const built = fileURLToPath(new URL("../dist/server/start-server.js", import.meta.url));
let entry;
if (existsSync(built)) {
  entry = pathToFileURL(built).href;
} else {
  const { register } = await import("tsx/esm/api");
  register();
  entry = new URL("../src/server/start-server.ts", import.meta.url).href;
}
const { main } = await import(entry);
const code = await main(process.argv.slice(2), process.env);
if (code !== 0) process.exit(code);
