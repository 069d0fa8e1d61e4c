#!/usr/bin/env node
// In the workspace (sources present, tsx installed) runs the TypeScript sources through tsx, since
// Node 20 cannot run .ts and workspace siblings export their sources; an installed package (no
// src/ in it) runs the built dist/.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const source = fileURLToPath(new URL("../src/server/start-server.ts", import.meta.url));
const built = fileURLToPath(new URL("../dist/server/start-server.js", import.meta.url));
let entry = pathToFileURL(built).href;
if (existsSync(source)) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
    entry = pathToFileURL(source).href;
  } catch {
    // No tsx: fall back to dist/.
  }
}
const { main } = await import(entry);
const code = await main(process.argv.slice(2), process.env);
if (code !== 0) process.exit(code);
