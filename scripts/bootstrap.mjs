#!/usr/bin/env node
// Bootstraps a fresh clone with only Node >= 20.19 and npm: gets pnpm 10.34.9 (global if present,
// else a private copy under .tools/), installs the locked dependencies (and, for `test`, Debian's
// chromium when it is missing and this is root with apt-get), then runs the named task.
// Usage: node scripts/bootstrap.mjs <test|demo|bench|soak> [args...]
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "10.34.9";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`wa-migrate needs Node >= 20.19 (this is ${process.versions.node}).`);
  process.exit(1);
}

function pnpmVersion(bin) {
  try {
    return execFileSync(bin, ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

const localDir = join(root, ".tools", "pnpm");
const localBin = join(localDir, "node_modules", ".bin");
let env = { ...process.env };
if (pnpmVersion("pnpm") !== PNPM_VERSION) {
  if (pnpmVersion(join(localBin, "pnpm")) !== PNPM_VERSION) {
    console.log(`bootstrap: installing pnpm ${PNPM_VERSION} into .tools/ ...`);
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        localDir,
        "--no-save",
        "--no-fund",
        "--no-audit",
        "--loglevel=error",
        `pnpm@${PNPM_VERSION}`,
      ],
      { stdio: "inherit", cwd: root },
    );
  }
  env = { ...env, PATH: `${localBin}${delimiter}${env.PATH ?? ""}` };
}

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: root, env });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const installArgs = ["install", "--frozen-lockfile", "--prefer-offline"];
if (!existsSync(join(root, "node_modules", ".modules.yaml")))
  console.log("bootstrap: installing dependencies ...");
const installed = await run("pnpm", installArgs);
if (installed !== 0) {
  console.error("bootstrap: `pnpm install` failed; see above.");
  console.log("0 passed, 1 failed");
  process.exit(installed);
}

// The browser tests drive Debian's Chromium (never a downloaded one). On a machine without it,
// `npm test` installs the package when it can (root with apt-get), as CI's first run would.
function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.log(
      "bootstrap: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); the browser tests will fail: run `sudo apt-get install chromium`.",
    );
    return;
  }
  console.log("bootstrap: installing Debian's chromium for the browser tests ...");
  try {
    const apt = { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };
    execFileSync("apt-get", ["update", "-qq"], apt);
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], apt);
  } catch {
    console.log("bootstrap: installing chromium failed (see above); the browser tests will fail.");
  }
}

const tasks = {
  test: ["node", ["scripts/test-all.mjs"]],
  demo: ["node", ["scripts/demo.mjs"]],
  bench: ["node", ["scripts/bench.mjs"]],
  soak: ["node", ["scripts/soak.mjs"]],
};
const [task = "test", ...rest] = process.argv.slice(2);
const entry = tasks[task];
if (!entry) {
  console.error(`bootstrap: unknown task "${task}" (one of ${Object.keys(tasks).join(", ")})`);
  process.exit(2);
}
if (task === "test") ensureChromium();
process.exit(await run(entry[0], [...entry[1], ...rest]));
