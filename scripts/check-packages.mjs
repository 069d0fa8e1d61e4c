#!/usr/bin/env node
// Builds each publishable package, packs it the way `pnpm publish` would (publishConfig applied),
// and runs publint and @arethetypeswrong/cli on the tarball.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packDir = join(root, ".pack");
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
let failed = 0;

for (const name of readdirSync(join(root, "packages")).sort()) {
  const dir = join(root, "packages", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // A package is checked once it has code (the scaffolds of later issues have none yet).
  if (pkg.private || !existsSync(join(dir, "src", "index.ts"))) continue;
  try {
    execFileSync("pnpm", ["run", "--silent", "build"], { cwd: dir, stdio: "inherit" });
    const tarball = execFileSync("pnpm", ["pack", "--pack-destination", packDir], {
      cwd: dir,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop();
    execFileSync(bin("publint"), ["run", tarball, "--strict"], { cwd: dir, stdio: "inherit" });
    // Our packages are ESM-only by design (decisions/003): the CJS-require resolution is not a target.
    execFileSync(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped"], {
      cwd: dir,
      stdio: "inherit",
    });
    console.log(`packages: ${pkg.name} ok`);
  } catch (error) {
    failed += 1;
    console.error(`packages: ${pkg.name} FAILED: ${error.message.split("\n")[0]}`);
  }
}
process.exit(failed ? 1 : 0);
