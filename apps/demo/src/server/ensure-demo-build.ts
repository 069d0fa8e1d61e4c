import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** `apps/demo`. */
export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The repository root. */
export const REPO_ROOT = join(DEMO_DIR, "..", "..");
/** Where `vite build` puts the portal. */
export const DIST_DIR = join(DEMO_DIR, "dist");

// Everything the built portal is made of: the demo's browser code and the packages it bundles.
const INPUTS = [
  // This file too: a change of how the portal is built (its NODE_ENV) must rebuild it.
  fileURLToPath(import.meta.url),
  join(DEMO_DIR, "index.html"),
  join(DEMO_DIR, "vite.config.ts"),
  join(DEMO_DIR, "src", "web"),
  join(REPO_ROOT, "packages", "react", "src"),
  join(REPO_ROOT, "packages", "core", "src"),
  join(REPO_ROOT, "packages", "contracts", "src"),
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  let newest = info.mtimeMs;
  for (const entry of entries) {
    if (
      entry.name === "node_modules" ||
      entry.name.endsWith(".test.ts") ||
      entry.name.endsWith(".test.tsx")
    )
      continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

/**
 * Whether `dist/` is missing or older than any of its sources.
 *
 * @example
 * if (await demoBuildIsStale()) await buildDemo();
 */
export async function demoBuildIsStale(): Promise<boolean> {
  const built = await stat(join(DIST_DIR, "index.html")).catch(() => null);
  if (!built) return true;
  for (const input of INPUTS) if ((await newestMtime(input)) > built.mtimeMs) return true;
  return false;
}

/**
 * Builds the portal with Vite (a child process, so a test runner's own Vite is not disturbed).
 * Rejects with Vite's output when the build fails.
 *
 * @example
 * await buildDemo();
 */
export function buildDemo(): Promise<void> {
  const viteBin = join(
    dirname(createRequire(join(REPO_ROOT, "package.json")).resolve("vite/package.json")),
    "bin",
    "vite.js",
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, "build"], {
      cwd: DEMO_DIR,
      // Vite keeps an inherited NODE_ENV: under a test runner (NODE_ENV=test) it would bundle
      // React's development build, and `npm run demo` would then serve that build too.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * Builds the portal when `dist/` is missing or stale; returns whether it built.
 *
 * @example
 * await ensureDemoBuild();
 */
export async function ensureDemoBuild(): Promise<boolean> {
  if (!(await demoBuildIsStale())) return false;
  await buildDemo();
  return true;
}
