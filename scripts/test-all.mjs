#!/usr/bin/env node
// `npm test`: every check, in order, each reported; ends with the one line CI reads:
// "N passed, N failed" (Vitest tests, plus one entry per non-Vitest check).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".ci-out");
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, FORCE_COLOR: "0", STORYBOOK_DISABLE_TELEMETRY: "1" };

let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: root, env, ...opts });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

async function step(name, cmd, args, opts) {
  const started = Date.now();
  console.log(`\n::: ${name}`);
  const code = await run(cmd, args, opts);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    console.log(`::: ${name} ok (${secs}s)`);
    passed += 1;
  } else {
    console.log(`::: ${name} FAILED (exit ${code}, ${secs}s)`);
    failed += 1;
    failures.push(name);
  }
  return code === 0;
}

await step("biome", bin("biome"), ["ci", "--colors=off", "."]);
await step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);

// Vitest: its tests count one by one.
const report = join(out, "vitest.json");
console.log("\n::: vitest");
const vitestCode = await run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
]);
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`vitest (${json.numFailedTests} tests)`);
  // A suite that failed to load has no tests but must still fail the run.
  if (vitestCode !== 0 && json.numFailedTests === 0) {
    failed += 1;
    failures.push("vitest (a suite failed to run)");
  }
  console.log(
    `::: vitest ${vitestCode === 0 ? "ok" : "FAILED"}: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped`,
  );
} catch {
  failed += 1;
  failures.push("vitest (no report)");
}

if (await step("packages (build, publint, attw)", "node", ["scripts/check-packages.mjs"])) {
  await step("packages (installed from their tarballs, a migration with them)", "node", [
    "scripts/check-installed-packages.mjs",
  ]);
}

if (existsSync(join(root, ".storybook", "main.ts"))) {
  await step("storybook build", bin("storybook"), [
    "build",
    "--quiet",
    "-o",
    join(out, "storybook-static"),
  ]);
}
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
if (pkg["size-limit"]) await step("size budget", bin("size-limit"), []);

// End-to-end suites: any *.e2e.mjs under apps/*/e2e, each its own process.
for (const app of readdirSync(join(root, "apps"))) {
  const dir = join(root, "apps", app, "e2e");
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".e2e.mjs"))
    .sort()) {
    await step(`e2e ${app}/${file}`, "node", [join(dir, file)]);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
